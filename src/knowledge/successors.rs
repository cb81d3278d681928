//! The bodies that replaced others (`rules/successors.toml`): CCGs, probation trusts,
//! police authorities and the bodies that took over their functions. The bundled
//! bodies are read one by one, from indexes `build.rs` sorts, so a question about
//! one body does not read them all.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::{fold, within, Confidence, LawDate};
use crate::ast::Date;

/// A body (a CCG, a probation trust, a police authority) and the one that took over.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// Id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Other spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The kind of responsible authority it is (`authority_kind` ids of law.toml).
    pub kind: String,
    /// Police area or authority ids it served.
    #[serde(default)]
    pub covers: Vec<String>,
    /// First day.
    #[serde(default)]
    pub from: Option<LawDate>,
    /// Last day.
    #[serde(default)]
    pub until: Option<LawDate>,
    /// The id of the body that took over the day after `until`.
    #[serde(default)]
    pub successor: Option<String>,
    /// Where the body's functions were split by area the day after `until`: the body
    /// that took over each area. A chain through such a body goes on only where the
    /// area is known (the body named, or the document's) and falls in one entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub successor_by_area: Vec<AreaSuccessor>,
    /// More on the succession.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub successor_note: Option<String>,
    /// Where the fact comes from.
    #[serde(default)]
    pub source: String,
    /// How sure we are.
    pub confidence: Confidence,
    /// Notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// The body that took over one area of a body split by area.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AreaSuccessor {
    /// Police area or authority ids of the area (read by the body's kind, as `covers`).
    pub covers: Vec<String>,
    /// The id of the body that took it over.
    pub successor: String,
}

impl AreaSuccessor {
    /// Whether the entry covers one of `ids`.
    pub fn covers_any(&self, ids: &[String]) -> bool {
        self.covers.iter().any(|c| ids.contains(c))
    }
}

impl Body {
    /// Whether the body exists on `date`.
    pub fn exists_on(&self, date: Date) -> bool {
        within(date, self.from, self.until)
    }

    /// Every spelling of its name.
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// The successor bodies, indexed. The bundled bodies are read one by one, when a
/// question needs them; a rule pack's are read with the pack.
#[derive(Debug, Default)]
pub struct Successors {
    /// The bundled bodies' JSON texts (empty for test data).
    raw: &'static [&'static str],
    /// Each body, read the first time it is needed.
    bodies: Vec<OnceLock<Body>>,
    /// Ids and folded names of bodies not in the bundled tables (packs, test data),
    /// and bundled bodies a pack replaced.
    by_id: HashMap<String, usize>,
    names: HashMap<String, usize>,
    replaced: HashMap<usize, usize>,
}

mod bundled_successors {
    include!(concat!(env!("OUT_DIR"), "/successors.rs"));
}

impl Successors {
    /// The bundled bodies (`base` false) or none, then `bodies` added or replacing.
    pub(super) fn new(bundled: bool, bodies: Vec<Body>) -> Self {
        let raw: &'static [&'static str] = if bundled {
            bundled_successors::RECORDS
        } else {
            &[]
        };
        let mut s = Successors {
            raw,
            bodies: (0..raw.len()).map(|_| OnceLock::new()).collect(),
            ..Successors::default()
        };
        for body in bodies {
            let i = s.bodies.len();
            if let Some(old) = s
                .static_index(bundled_successors::IDS, &body.id)
                .filter(|_| bundled)
            {
                s.replaced.insert(old, i);
            }
            s.by_id.insert(body.id.clone(), i);
            for spelling in body.spellings() {
                s.names.entry(fold(spelling)).or_insert(i);
            }
            let cell = OnceLock::new();
            let _ = cell.set(body);
            s.bodies.push(cell);
        }
        s
    }

    fn static_index(&self, table: &[(&str, usize)], key: &str) -> Option<usize> {
        if self.raw.is_empty() {
            return None;
        }
        table
            .binary_search_by(|(k, _)| (*k).cmp(key))
            .ok()
            .map(|i| table[i].1)
    }

    fn get(&self, i: usize) -> &Body {
        let i = self.replaced.get(&i).copied().unwrap_or(i);
        self.bodies[i].get_or_init(|| {
            serde_json::from_str(self.raw[i]).expect("the knowledge files are checked by the tests")
        })
    }

    /// The body with this id.
    pub fn by_id(&self, id: &str) -> Option<&Body> {
        let i = self
            .by_id
            .get(id)
            .copied()
            .or_else(|| self.static_index(bundled_successors::IDS, id))?;
        Some(self.get(i))
    }

    /// The body with this folded name or alias.
    pub fn by_name(&self, folded: &str) -> Option<&Body> {
        let i = self
            .names
            .get(folded)
            .copied()
            .or_else(|| self.static_index(bundled_successors::NAMES, folded))?;
        Some(self.get(i))
    }

    /// Every body (reads them all).
    pub fn bodies(&self) -> impl Iterator<Item = &Body> {
        (0..self.bodies.len())
            .filter(|i| !self.replaced.contains_key(i))
            .map(|i| self.get(i))
    }

    /// How many bodies there are.
    pub fn len(&self) -> usize {
        self.bodies.len() - self.replaced.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
