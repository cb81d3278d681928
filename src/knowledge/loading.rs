//! Loading the knowledge: the bundled files (compiled to JSON by `build.rs`), what
//! rule packs add or correct, or test data instead; each part (places, bodies, plans)
//! built the first time a question needs it, and shared by the whole process when
//! nothing was added.

use super::bundled;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use super::{
    Authority, Body, Gazetteer, Partnership, Plan, Plans, PoliceArea, Reorganisation, Successors,
};

/// The tables of the three files, as read; also the `[knowledge]` table of a rule pack.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Tables {
    /// The file's schema (`csa-gazetteer/1`, ...); absent in a rule pack.
    #[serde(default, skip_serializing)]
    pub schema: Option<String>,
    /// Police force areas.
    #[serde(default, rename = "police_area")]
    pub police_areas: Vec<PoliceArea>,
    /// Local authorities.
    #[serde(default, rename = "authority")]
    pub authorities: Vec<Authority>,
    /// Merged partnerships.
    #[serde(default, rename = "partnership")]
    pub partnerships: Vec<Partnership>,
    /// Reorganisations.
    #[serde(default, rename = "reorganisation")]
    pub reorganisations: Vec<Reorganisation>,
    /// Bodies and their successors.
    #[serde(default, rename = "body")]
    pub bodies: Vec<Body>,
    /// Police and Crime Plans.
    #[serde(default, rename = "plan")]
    pub plans: Vec<Plan>,
}

impl Tables {
    /// Whether there is nothing in it.
    pub fn is_empty(&self) -> bool {
        self.police_areas.is_empty()
            && self.authorities.is_empty()
            && self.partnerships.is_empty()
            && self.reorganisations.is_empty()
            && self.bodies.is_empty()
            && self.plans.is_empty()
    }

    /// Adds `other`'s entries; one with the id of an entry already here replaces it.
    pub fn merge(&mut self, other: Tables) {
        fn merge_by<T>(into: &mut Vec<T>, from: Vec<T>, id: impl Fn(&T) -> &str) {
            for entry in from {
                match into.iter().position(|e| id(e) == id(&entry)) {
                    Some(i) => into[i] = entry,
                    None => into.push(entry),
                }
            }
        }
        merge_by(&mut self.police_areas, other.police_areas, |e| &e.id);
        merge_by(&mut self.authorities, other.authorities, |e| &e.id);
        merge_by(&mut self.partnerships, other.partnerships, |e| &e.id);
        merge_by(&mut self.reorganisations, other.reorganisations, |e| &e.id);
        merge_by(&mut self.bodies, other.bodies, |e| &e.id);
        merge_by(&mut self.plans, other.plans, |e| &e.id);
    }
}

/// The bundled files, compiled to JSON by `build.rs`: (file, JSON).
pub const BUNDLED: [(&str, &str); 3] = [
    (bundled::GAZETTEER.path, bundled::GAZETTEER.json),
    (bundled::SUCCESSORS.path, bundled::SUCCESSORS.json),
    (bundled::PCC_PLANS.path, bundled::PCC_PLANS.json),
];

/// The schema each bundled file declares.
pub const SCHEMAS: [&str; 3] = ["csa-gazetteer/1", "csa-successors/1", "csa-pcc-plans/1"];

fn read_bundled(index: usize) -> Tables {
    serde_json::from_str(BUNDLED[index].1).expect("the knowledge files are checked by the tests")
}

/// All the knowledge: the bundled files plus what rule packs added, each part built
/// the first time it is asked for.
#[derive(Debug, Clone, Default)]
pub struct Knowledge {
    extra: Tables,
    gazetteer: OnceLock<Arc<Gazetteer>>,
    successors: OnceLock<Arc<Successors>>,
    plans: OnceLock<Arc<Plans>>,
    /// Test data instead of the bundled files, when set.
    base: Option<Arc<Tables>>,
}

static BUNDLED_GAZETTEER: OnceLock<Arc<Gazetteer>> = OnceLock::new();
static BUNDLED_SUCCESSORS: OnceLock<Arc<Successors>> = OnceLock::new();
static BUNDLED_PLANS: OnceLock<Arc<Plans>> = OnceLock::new();

impl Knowledge {
    /// The bundled knowledge (read lazily, once per process).
    pub fn bundled() -> Self {
        Self::default()
    }

    /// Knowledge from these tables alone, instead of the bundled files (for tests and
    /// for checking a data file).
    pub fn from_tables(tables: Tables) -> Self {
        Self {
            base: Some(Arc::new(tables)),
            ..Self::default()
        }
    }

    /// Knowledge from TOML texts alone (each in the format of one of the files).
    pub fn from_toml(texts: &[&str]) -> Result<Self, toml::de::Error> {
        let mut tables = Tables::default();
        for text in texts {
            tables.merge(toml::from_str(text)?);
        }
        Ok(Self::from_tables(tables))
    }

    /// Adds or corrects entries (from a rule pack).
    pub fn extend(&mut self, tables: Tables) {
        if tables.is_empty() {
            return;
        }
        self.extra.merge(tables);
        self.gazetteer = OnceLock::new();
        self.successors = OnceLock::new();
        self.plans = OnceLock::new();
    }

    fn shared(&self) -> bool {
        self.base.is_none() && self.extra.is_empty()
    }

    fn tables(&self, index: usize) -> Tables {
        let mut tables = match &self.base {
            Some(base) => (**base).clone(),
            None => read_bundled(index),
        };
        tables.merge(self.extra.clone());
        tables
    }

    /// The places.
    pub fn gazetteer(&self) -> &Gazetteer {
        let build = || Arc::new(Gazetteer::new(self.tables(0)));
        if self.shared() {
            BUNDLED_GAZETTEER.get_or_init(build)
        } else {
            self.gazetteer.get_or_init(build)
        }
    }

    /// The successor bodies.
    pub fn successors(&self) -> &Successors {
        let build = || {
            // The bundled bodies are read lazily, one by one; a pack's and test data's
            // come as tables.
            let mut bodies = match &self.base {
                Some(base) => base.bodies.clone(),
                None => Vec::new(),
            };
            let extra = self.extra.bodies.clone();
            for body in extra {
                match bodies.iter().position(|b| b.id == body.id) {
                    Some(i) => bodies[i] = body,
                    None => bodies.push(body),
                }
            }
            Arc::new(Successors::new(self.base.is_none(), bodies))
        };
        if self.shared() {
            BUNDLED_SUCCESSORS.get_or_init(build)
        } else {
            self.successors.get_or_init(build)
        }
    }

    /// The Police and Crime Plans.
    pub fn plans(&self) -> &Plans {
        let build = || Arc::new(Plans::new(self.tables(2).plans));
        if self.shared() {
            BUNDLED_PLANS.get_or_init(build)
        } else {
            self.plans.get_or_init(build)
        }
    }
}
