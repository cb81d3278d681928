//! The statutory checklist (`rules/statutory.toml`): every requirement the law places
//! on a community safety agreement or partnership plan, whether a document can show
//! it, and the rules that check it. `csa law duties`, docs/statutory-checklist.md and
//! the report's checklist are all read from it, so the three cannot disagree.

use serde::{Deserialize, Serialize};

use super::{Confidence, LawDate};

/// How far csa's rules check a requirement a document can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Check {
    /// Every part of it.
    Full,
    /// Some of it; `gap` says what is left.
    Partly,
    /// Not yet.
    None,
}

impl Check {
    /// The word the checklist prints.
    pub fn word(self) -> &'static str {
        match self {
            Check::Full => "fully",
            Check::Partly => "partly",
            Check::None => "not checked",
        }
    }
}

/// One requirement of the law.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// Stable id.
    pub id: String,
    /// What the law requires, in plain words.
    pub title: String,
    /// The provision.
    pub citation: String,
    /// The kinds of document it concerns; empty for every kind.
    #[serde(default)]
    pub applies_to: Vec<String>,
    /// First day in force.
    #[serde(default)]
    pub from: Option<LawDate>,
    /// How sure the citation and date are.
    pub confidence: Confidence,
    /// Where csa read it.
    pub source: String,
    /// Whether a document can show it at all.
    pub checkable: bool,
    /// How far csa checks it (checkable requirements only).
    #[serde(default)]
    pub check: Option<Check>,
    /// The rule codes that check it.
    #[serde(default)]
    pub rules: Vec<String>,
    /// Where its rules also check other requirements: words (lower case) one of which
    /// a finding's message holds when it is about this one (`police` for the police
    /// force, of the rule that checks every kind of responsible authority).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub matches: Vec<String>,
    /// What a partial check or none leaves unchecked.
    #[serde(default)]
    pub gap: Option<String>,
    /// Why a document cannot show it.
    #[serde(default)]
    pub reason: Option<String>,
}

impl Requirement {
    /// The checklist's word for it: fully, partly, not checked, or not checkable.
    pub fn status(&self) -> &'static str {
        match (self.checkable, self.check) {
            (false, _) => "not checkable from a document",
            (true, Some(c)) => c.word(),
            (true, None) => Check::None.word(),
        }
    }

    /// Whether it concerns documents of this kind (`county-agreement`, ...).
    pub fn applies_to_kind(&self, kind: &str) -> bool {
        self.applies_to.is_empty() || self.applies_to.iter().any(|k| k == kind)
    }
}

/// The whole checklist.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// Must be `csa-statutory/1`.
    pub schema: String,
    /// The requirements, in the order of the law.
    #[serde(rename = "requirement")]
    pub requirements: Vec<Requirement>,
}

/// How many requirements are checked how far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Every requirement.
    pub requirements: usize,
    /// Those a document can show.
    pub checkable: usize,
    /// Checked fully.
    pub full: usize,
    /// Checked partly.
    pub partly: usize,
    /// Checkable but not checked.
    pub none: usize,
}

impl Checklist {
    /// The checklist bundled with csa.
    pub fn bundled() -> Self {
        serde_json::from_str(super::bundled::STATUTORY.json)
            .expect("rules/statutory.toml is checked by the test suite")
    }

    /// The totals `csa law duties` and the report print.
    pub fn totals(&self) -> Totals {
        let mut t = Totals {
            requirements: self.requirements.len(),
            ..Totals::default()
        };
        for r in self.requirements.iter().filter(|r| r.checkable) {
            t.checkable += 1;
            match r.check.unwrap_or(Check::None) {
                Check::Full => t.full += 1,
                Check::Partly => t.partly += 1,
                Check::None => t.none += 1,
            }
        }
        t
    }

    /// Where the data contradicts itself: a checked requirement with no rule, an
    /// unchecked one with rules, a gap or reason missing.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for r in &self.requirements {
            let id = &r.id;
            if !seen.insert(id.as_str()) {
                out.push(format!("`{id}` is listed twice"));
            }
            match (r.checkable, r.check, r.rules.is_empty()) {
                (false, Some(_), _) | (false, _, false) => {
                    out.push(format!("`{id}` is not checkable but has a check or rules"))
                }
                (false, None, true) if r.reason.is_none() => {
                    out.push(format!("`{id}` is not checkable and gives no reason"))
                }
                (true, None, _) => out.push(format!("`{id}` is checkable and has no `check`")),
                (true, Some(Check::None), false) => {
                    out.push(format!("`{id}` is not checked but lists rules"))
                }
                (true, Some(Check::Full | Check::Partly), true) => {
                    out.push(format!("`{id}` is checked but lists no rule"))
                }
                _ => {}
            }
            if r.checkable && r.check != Some(Check::Full) && r.gap.is_none() {
                out.push(format!("`{id}` is not fully checked and says no `gap`"));
            }
        }
        out
    }
}
