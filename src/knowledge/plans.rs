//! The Police and Crime Plans (`rules/pcc-plans.toml`), with their objectives,
//! indexed by police area and ordered by start.
//!
//! A plan's first day is what a source says, or, where no source gives the day, the
//! window it lies in (`from` to `from_latest`): a day taken from a title's financial
//! year would make a correct document look wrong, so none is recorded as a fact.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{Confidence, LawDate};
use crate::ast::Date;

/// A Police and Crime Plan.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Id, such as `kent-2022`.
    pub id: String,
    /// The police area id.
    pub police_area: String,
    /// Its title.
    pub title: String,
    /// Other titles.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Who issued it.
    #[serde(default)]
    pub issued_by: Option<String>,
    /// First day, as `from_source` (else `source`) gives it; where the day is not
    /// known, the earliest day it can be (the window's first day).
    pub from: LawDate,
    /// Where the day is not known: the latest day the plan can have started, so that
    /// it started on a day from `from` to this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_latest: Option<LawDate>,
    /// Where the first day, or the window's two ends, were read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_source: Option<String>,
    /// Last day, only where the plan states one. A plan stays in force until it is
    /// replaced (Police Reform and Social Responsibility Act 2011 s5, s7).
    #[serde(default)]
    pub to: Option<LawDate>,
    /// Where the fact comes from.
    #[serde(default)]
    pub source: String,
    /// How sure we are.
    pub confidence: Confidence,
    /// Notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Its objectives, where they could be found.
    #[serde(default, rename = "objective")]
    pub objectives: Vec<PlanObjective>,
}

impl Plan {
    /// Every title it is known by.
    pub fn titles(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.title.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// Whether csa knows the day it started (no window).
    pub fn start_known(&self) -> bool {
        self.from_latest.is_none()
    }

    /// The latest day it can have started: its first day, or the window's last.
    pub fn latest_start(&self) -> Date {
        self.from_latest.map_or(self.from.0, |d| d.0)
    }

    /// Whether on `date` csa cannot tell if it had started: the day lies in its window,
    /// before the window's last day.
    pub fn start_open_on(&self, date: Date) -> bool {
        let day = date.first_day();
        self.from.0 <= day && day < self.latest_start()
    }

    /// Its first day as people write it: `2022-04-01`, or `a day between 2021-05-06
    /// and 2022-04-01` where the day is not known.
    pub fn start_text(&self) -> String {
        match self.from_latest {
            Some(latest) => format!("a day between {} and {}", self.from.0, latest.0),
            None => self.from.0.to_string(),
        }
    }

    /// Its period as people write it: `2022-04-01 to 2025-03-31`, `from 2025-04-01`, or
    /// `from a day between 2021-05-06 and 2022-04-01`.
    pub fn period_text(&self) -> String {
        let start = self.start_text();
        match self.to {
            Some(to) => format!("{start} to {}", to.0),
            None => format!("from {start}"),
        }
    }
}

/// An objective of a Police and Crime Plan.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PlanObjective {
    /// Short id, as a document would write it.
    pub id: String,
    /// What it says.
    pub title: String,
    /// `crime-and-disorder` (partnerships should have regard to it) or `policing`
    /// (the force's own business).
    #[serde(default)]
    pub scope: Option<String>,
}

/// The plans, indexed by police area and ordered by start.
#[derive(Debug, Default)]
pub struct Plans {
    /// Every plan.
    pub plans: Vec<Plan>,
    pub(super) by_area: HashMap<String, Vec<usize>>,
}

impl Plans {
    pub(super) fn new(plans: Vec<Plan>) -> Self {
        let mut by_area: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in plans.iter().enumerate() {
            by_area.entry(p.police_area.clone()).or_default().push(i);
        }
        for list in by_area.values_mut() {
            list.sort_by_key(|&i| plans[i].from.0);
        }
        Self { plans, by_area }
    }
}
