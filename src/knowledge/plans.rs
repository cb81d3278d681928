//! The Police and Crime Plans (`rules/pcc-plans.toml`), with their objectives,
//! indexed by police area and ordered by start.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{Confidence, LawDate};

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
    /// First day.
    pub from: LawDate,
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

    /// Its period as people write it: `2022-04-01 to 2025-03-31`, or `from 2025-04-01`.
    pub fn period_text(&self) -> String {
        match self.to {
            Some(to) => format!("{} to {}", self.from.0, to.0),
            None => format!("from {}", self.from.0),
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
