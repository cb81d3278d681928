//! What csa knows about England's places and bodies, as data: every local authority
//! and police force area with their changes over time (`rules/gazetteer.toml`), the
//! bodies that replaced others (`rules/successors.toml`), and every Police and Crime
//! Plan (`rules/pcc-plans.toml`). Each fact carries its source and confidence.
//!
//! The files are compiled to JSON at build time and each is read the first time a
//! question needs it, once per process. A rule pack may add or correct entries under
//! `[knowledge]`; an entry with the id of a bundled one replaces it.
//!
//! The questions a caller asks:
//!
//! - [`Knowledge::resolve`]: the gazetteer entries an area name means on a date;
//! - [`Knowledge::police_area_of`]: the police force area of a resolved place;
//! - [`Knowledge::plan_in_force`]: the Police and Crime Plan in force there on a date,
//!   with its objectives;
//! - [`Knowledge::governance_on`]: who holds the PCC's functions on a date;
//! - [`Knowledge::body_named`] and [`Knowledge::successor_on`]: a named body and the body
//!   that carries its functions on a date, following the chain;
//! - [`Knowledge::responsible_authorities`]: the responsible authorities (Crime and
//!   Disorder Act 1998 s5) of an area on a date, by kind, named where csa knows them.

pub mod bundled;
mod check;
mod fold;
pub mod law;

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use crate::ast::Date;
pub use law::{Confidence, LawDate};

pub use check::{problems, Counts};
pub use fold::fold;

/// A police force area.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PoliceArea {
    /// Id, such as `kent`.
    pub id: String,
    /// The area as documents write it.
    pub name: String,
    /// The force.
    #[serde(default)]
    pub force: Option<String>,
    /// Other spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Where the fact comes from.
    #[serde(default)]
    pub source: String,
    /// How sure we are.
    pub confidence: Confidence,
    /// Notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Who has held the PCC's functions, over time.
    #[serde(default)]
    pub governance: Vec<Governance>,
}

/// Who holds the functions of the local policing body for a while.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Governance {
    /// `police-authority`, `pcc`, `pfcc` or `mayor`.
    pub role: String,
    /// The office (and the person, when known).
    pub holder: String,
    /// First day.
    #[serde(default)]
    pub from: Option<LawDate>,
    /// Last day.
    #[serde(default)]
    pub until: Option<LawDate>,
    /// Where the fact comes from.
    #[serde(default)]
    pub source: String,
    /// How sure we are.
    pub confidence: Confidence,
    /// Notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A principal local authority, current or abolished since 2009.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    /// Id, such as `ashford`.
    pub id: String,
    /// The council's name.
    pub name: String,
    /// The place as documents write it.
    pub area: String,
    /// Other spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// `county`, `district`, `unitary`, `metropolitan-district`, `london-borough`,
    /// `city-of-london` or `isles-of-scilly`.
    pub tier: String,
    /// For a district, the id of its county.
    #[serde(default)]
    pub county: Option<String>,
    /// The id of its police force area.
    pub police_area: String,
    /// First day, for a new authority.
    #[serde(default)]
    pub from: Option<LawDate>,
    /// Last day, for an abolished one.
    #[serde(default)]
    pub until: Option<LawDate>,
    /// Ids of the authorities that took over the day after `until`.
    #[serde(default)]
    pub successors: Vec<String>,
    /// Where the fact comes from.
    #[serde(default)]
    pub source: String,
    /// How sure we are.
    pub confidence: Confidence,
    /// Notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

impl Authority {
    /// Whether the authority exists on `date`.
    pub fn exists_on(&self, date: Date) -> bool {
        within(date, self.from, self.until)
    }
}

/// A community safety partnership covering more than one authority.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Partnership {
    /// Id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Other spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Ids of the authorities it covers.
    pub covers: Vec<String>,
    /// First day.
    #[serde(default)]
    pub from: Option<LawDate>,
    /// Last day.
    #[serde(default)]
    pub until: Option<LawDate>,
    /// Where the fact comes from.
    #[serde(default)]
    pub source: String,
    /// How sure we are.
    pub confidence: Confidence,
    /// Notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A change to local government, decided or announced.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Reorganisation {
    /// Id.
    pub id: String,
    /// What it is.
    pub title: String,
    /// The id of the authority reorganised.
    pub area: String,
    /// The day the new councils take over.
    #[serde(default)]
    pub effective: Option<LawDate>,
    /// `decided`, `announced` or `proposed`.
    pub status: String,
    /// Notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Where the fact comes from.
    #[serde(default)]
    pub source: String,
    /// How sure we are.
    pub confidence: Confidence,
}

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

/// The places: police areas, authorities, partnerships and reorganisations, indexed.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// Police force areas.
    pub police_areas: Vec<PoliceArea>,
    /// Authorities.
    pub authorities: Vec<Authority>,
    /// Merged partnerships.
    pub partnerships: Vec<Partnership>,
    /// Reorganisations.
    pub reorganisations: Vec<Reorganisation>,
    names: HashMap<String, Vec<Place>>,
    police_by_id: HashMap<String, usize>,
    authority_by_id: HashMap<String, usize>,
}

/// Where a name points in the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Authority(usize),
    Partnership(usize),
    PoliceArea(usize),
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

/// The plans, indexed by police area and ordered by start.
#[derive(Debug, Default)]
pub struct Plans {
    /// Every plan.
    pub plans: Vec<Plan>,
    by_area: HashMap<String, Vec<usize>>,
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

/// One entry a place name resolves to.
#[derive(Debug, Clone, Copy)]
pub enum Resolved<'k> {
    /// A local authority.
    Authority(&'k Authority),
    /// A merged community safety partnership.
    Partnership(&'k Partnership),
    /// A police force area.
    PoliceArea(&'k PoliceArea),
}

impl<'k> Resolved<'k> {
    /// The entry's id.
    pub fn id(&self) -> &'k str {
        match self {
            Resolved::Authority(a) => &a.id,
            Resolved::Partnership(p) => &p.id,
            Resolved::PoliceArea(p) => &p.id,
        }
    }

    /// The entry's name.
    pub fn name(&self) -> &'k str {
        match self {
            Resolved::Authority(a) => &a.name,
            Resolved::Partnership(p) => &p.name,
            Resolved::PoliceArea(p) => &p.name,
        }
    }
}

/// A kind of responsible authority for an area on a date, and who it is where known.
#[derive(Debug, Clone, Serialize)]
pub struct ResponsibleAuthority {
    /// The `authority_kind` id of law.toml (`district-council`, `health`, ...).
    pub kind: String,
    /// The body's name, when csa knows it.
    pub name: Option<String>,
    /// How sure we are of the name.
    pub confidence: Option<Confidence>,
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

    /// The gazetteer entries `name` means on `date`: an authority in existence then
    /// before one abolished or not yet created; a merged partnership; a police area.
    /// A name such as "Dartford and Gravesham" that is no entry resolves to its parts
    /// when each of them is one. Empty when the name is unknown.
    pub fn resolve(&self, name: &str, date: Option<Date>) -> Vec<Resolved<'_>> {
        let g = self.gazetteer();
        if let Some(found) = g.lookup(name, date) {
            return vec![found];
        }
        let stripped = strip_brackets(name);
        if stripped != name {
            if let Some(found) = g.lookup(&stripped, date) {
                return vec![found];
            }
        }
        let parts: Vec<&str> = stripped
            .split([',', '&', '/'])
            .flat_map(|p| p.split(" and "))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() > 1 {
            let found: Vec<_> = parts.iter().filter_map(|p| g.lookup(p, date)).collect();
            if found.len() == parts.len() {
                return found;
            }
        }
        Vec::new()
    }

    /// The known name closest to `name`, for "did you mean".
    pub fn suggest(&self, name: &str) -> Option<String> {
        let g = self.gazetteer();
        let candidates = g
            .authorities
            .iter()
            .map(|a| a.area.as_str())
            .chain(g.police_areas.iter().map(|p| p.name.as_str()))
            .chain(g.partnerships.iter().map(|p| p.name.as_str()));
        crate::ast::schema::did_you_mean(strip_brackets(name).trim(), candidates)
            .map(str::to_string)
    }

    /// The police force area of a resolved place (a partnership's is its first
    /// authority's).
    pub fn police_area_of(&self, place: Resolved<'_>) -> Option<&PoliceArea> {
        let g = self.gazetteer();
        match place {
            Resolved::Authority(a) => g.police_area(&a.police_area),
            Resolved::PoliceArea(p) => g.police_area(&p.id),
            Resolved::Partnership(p) => p
                .covers
                .iter()
                .find_map(|id| g.authority(id))
                .and_then(|a| g.police_area(&a.police_area)),
        }
    }

    /// The police area `name` is or lies in, on `date`.
    pub fn police_area_named(&self, name: &str, date: Option<Date>) -> Option<&PoliceArea> {
        self.resolve(name, date)
            .into_iter()
            .find_map(|r| self.police_area_of(r))
    }

    /// Every plan of a police area, oldest first.
    pub fn plans_of(&self, police_area: &str) -> impl Iterator<Item = &Plan> {
        let plans = self.plans();
        plans
            .by_area
            .get(police_area)
            .into_iter()
            .flatten()
            .map(|&i| &plans.plans[i])
    }

    /// The plan with this id, or one of whose titles this is (folded).
    pub fn plan_named(&self, name: &str) -> Option<&Plan> {
        let key = fold(name);
        let plans = &self.plans().plans;
        plans
            .iter()
            .find(|p| p.id == name)
            .or_else(|| plans.iter().find(|p| p.titles().any(|t| fold(t) == key)))
    }

    /// The plan id or title closest to `name`, for "did you mean".
    pub fn plan_suggestion(&self, name: &str) -> Option<String> {
        let plans = &self.plans().plans;
        crate::ast::schema::did_you_mean(
            name,
            plans
                .iter()
                .flat_map(|p| std::iter::once(p.id.as_str()).chain(p.titles())),
        )
        .map(str::to_string)
    }

    /// The plan in force in a police area on `date`: the latest issued on or before
    /// it. A plan stays in force until it is replaced, even after the end of the
    /// period it states.
    pub fn plan_in_force(&self, police_area: &str, date: Date) -> Option<&Plan> {
        self.plans_of(police_area)
            .filter(|p| p.from.0 <= date.first_day())
            .last()
    }

    /// Who holds the PCC's functions in a police area on `date`.
    pub fn governance_on(&self, police_area: &str, date: Date) -> Option<&Governance> {
        self.gazetteer()
            .police_area(police_area)?
            .governance
            .iter()
            .find(|g| within(date, g.from, g.until))
    }

    /// The body `text` names, by its name or an alias (an acronym in brackets after
    /// the name is ignored).
    pub fn body_named(&self, text: &str) -> Option<&Body> {
        let s = self.successors();
        s.by_name(&fold(text))
            .or_else(|| s.by_name(&fold(&strip_brackets(text))))
    }

    /// The body with this id.
    pub fn body(&self, id: &str) -> Option<&Body> {
        self.successors().by_id(id)
    }

    /// The body that carries `body`'s functions on `date`: itself while it exists,
    /// else its successor's successor... as far as the data goes. `None` when the
    /// chain breaks before `date` (csa does not know the successor).
    pub fn successor_on<'k>(&'k self, body: &'k Body, date: Date) -> Option<&'k Body> {
        let mut current = body;
        for _ in 0..16 {
            if current.until.is_none_or(|u| date.first_day() <= u.0) {
                return Some(current);
            }
            current = self.body(current.successor.as_deref()?)?;
        }
        None
    }

    /// The responsible authorities of an area on `date`, by kind, named where csa
    /// knows them: the council(s), the chief officer of police, the fire and rescue
    /// authority, the health body and the probation provider.
    pub fn responsible_authorities(
        &self,
        place: Resolved<'_>,
        date: Date,
    ) -> Vec<ResponsibleAuthority> {
        let g = self.gazetteer();
        let mut out = Vec::new();
        let named = |kind: &str, name: Option<String>, confidence: Option<Confidence>| {
            ResponsibleAuthority {
                kind: kind.to_string(),
                name,
                confidence,
            }
        };
        let authority = match place {
            Resolved::Authority(a) => Some(a),
            Resolved::Partnership(p) => p.covers.iter().find_map(|id| g.authority(id)),
            Resolved::PoliceArea(_) => None,
        };
        if let Some(a) = authority {
            match a.tier.as_str() {
                "county" => {
                    out.push(named(
                        "county-council",
                        Some(a.name.clone()),
                        Some(a.confidence),
                    ));
                    for d in g.districts_of(&a.id, date) {
                        out.push(named(
                            "district-council",
                            Some(d.name.clone()),
                            Some(d.confidence),
                        ));
                    }
                }
                "district" => {
                    if let Some(c) = a.county.as_deref().and_then(|c| g.authority(c)) {
                        out.push(named(
                            "county-council",
                            Some(c.name.clone()),
                            Some(c.confidence),
                        ));
                    }
                    out.push(named(
                        "district-council",
                        Some(a.name.clone()),
                        Some(a.confidence),
                    ));
                }
                _ => out.push(named(
                    "unitary-council",
                    Some(a.name.clone()),
                    Some(a.confidence),
                )),
            }
        }
        let police = self.police_area_of(place);
        out.push(named(
            "police",
            police.and_then(|p| p.force.clone()),
            police.map(|p| p.confidence),
        ));
        for kind in ["fire", "health", "probation"] {
            let serving = self.successors().bodies().find(|b| {
                b.kind == kind
                    && b.exists_on(date)
                    && b.covers.iter().any(|c| {
                        Some(c.as_str()) == authority.map(|a| a.id.as_str())
                            || Some(c.as_str()) == police.map(|p| p.id.as_str())
                    })
            });
            out.push(named(
                kind,
                serving.map(|b| b.name.clone()),
                serving.map(|b| b.confidence),
            ));
        }
        out
    }
}

impl Gazetteer {
    fn new(tables: Tables) -> Self {
        let mut g = Gazetteer {
            police_areas: tables.police_areas,
            authorities: tables.authorities,
            partnerships: tables.partnerships,
            reorganisations: tables.reorganisations,
            ..Gazetteer::default()
        };
        let add = |name: &str, place: Place, names: &mut HashMap<String, Vec<Place>>| {
            for key in keys(name) {
                let entry = names.entry(key).or_default();
                if !entry.contains(&place) {
                    entry.push(place);
                }
            }
        };
        let mut names = HashMap::new();
        for (i, a) in g.authorities.iter().enumerate() {
            for name in [&a.area, &a.name].into_iter().chain(&a.aliases) {
                add(name, Place::Authority(i), &mut names);
            }
        }
        for (i, p) in g.partnerships.iter().enumerate() {
            for name in std::iter::once(&p.name).chain(&p.aliases) {
                add(name, Place::Partnership(i), &mut names);
            }
        }
        for (i, p) in g.police_areas.iter().enumerate() {
            for name in std::iter::once(&p.name).chain(&p.aliases) {
                add(name, Place::PoliceArea(i), &mut names);
            }
        }
        g.names = names;
        g.police_by_id = g
            .police_areas
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        g.authority_by_id = g
            .authorities
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        g
    }

    /// The police area with this id.
    pub fn police_area(&self, id: &str) -> Option<&PoliceArea> {
        self.police_by_id.get(id).map(|&i| &self.police_areas[i])
    }

    /// The authority with this id.
    pub fn authority(&self, id: &str) -> Option<&Authority> {
        self.authority_by_id.get(id).map(|&i| &self.authorities[i])
    }

    /// The districts of a county on `date`.
    pub fn districts_of<'g>(
        &'g self,
        county: &'g str,
        date: Date,
    ) -> impl Iterator<Item = &'g Authority> {
        self.authorities
            .iter()
            .filter(move |a| a.county.as_deref() == Some(county) && a.exists_on(date))
    }

    fn place(&self, place: Place) -> Resolved<'_> {
        match place {
            Place::Authority(i) => Resolved::Authority(&self.authorities[i]),
            Place::Partnership(i) => Resolved::Partnership(&self.partnerships[i]),
            Place::PoliceArea(i) => Resolved::PoliceArea(&self.police_areas[i]),
        }
    }

    fn lookup(&self, name: &str, date: Option<Date>) -> Option<Resolved<'_>> {
        let places = keys(name).iter().find_map(|k| self.names.get(k))?;
        let exists = |p: &Place| match (p, date) {
            (Place::Authority(i), Some(d)) => self.authorities[*i].exists_on(d),
            (Place::Partnership(i), Some(d)) => {
                let p = &self.partnerships[*i];
                within(d, p.from, p.until)
            }
            _ => true,
        };
        // An authority in existence on the date, then a partnership, then the police
        // area, then an authority of another time.
        let rank = |p: &Place| match p {
            Place::Authority(_) if exists(p) => 0,
            Place::Partnership(_) if exists(p) => 1,
            Place::PoliceArea(_) => 2,
            _ => 3,
        };
        places
            .iter()
            .min_by_key(|p| rank(p))
            .map(|&p| self.place(p))
    }
}

impl Successors {
    /// The bundled bodies (`base` false) or none, then `bodies` added or replacing.
    fn new(bundled: bool, bodies: Vec<Body>) -> Self {
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

impl Plans {
    fn new(plans: Vec<Plan>) -> Self {
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

/// Whether `date` lies within `from`..=`until` (open where absent).
pub fn within(date: Date, from: Option<LawDate>, until: Option<LawDate>) -> bool {
    let day = date.first_day();
    from.is_none_or(|f| f.0 <= day) && until.is_none_or(|u| day <= u.0)
}

/// Words a council's or place's name may carry that do not tell it apart.
const GENERIC_PREFIXES: &[&str] = &[
    "the ",
    "royal borough of ",
    "london borough of ",
    "borough of ",
    "county of ",
];
const GENERIC_SUFFIXES: &[&str] = &[
    " metropolitan borough council",
    " borough council",
    " district council",
    " city council",
    " county council",
    " council",
    " borough",
    " district",
    " police area",
    " police force area",
];

/// The lookup keys of a name: folded, and without generic words.
fn keys(name: &str) -> Vec<String> {
    let folded = fold(name);
    let mut out = vec![folded.clone()];
    let mut short = folded.as_str();
    for p in GENERIC_PREFIXES {
        if let Some(rest) = short.strip_prefix(p) {
            short = rest;
        }
    }
    for s in GENERIC_SUFFIXES {
        if let Some(rest) = short.strip_suffix(s) {
            short = rest;
            break;
        }
    }
    if !short.is_empty() && short != folded {
        out.push(short.to_string());
    }
    out
}

/// `text` without parts in brackets: "Kent (excluding Medway)" → "Kent".
fn strip_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_reads_ampersands_and_drops_punctuation() {
        assert_eq!(fold("Brighton & Hove"), "brighton and hove");
        assert_eq!(
            fold("  Kent (excluding   Medway) "),
            "kent excluding medway"
        );
        assert_eq!(strip_brackets("Kent (excluding Medway)"), "Kent");
        assert_eq!(
            keys("Ashford Borough Council"),
            vec!["ashford borough council", "ashford"]
        );
    }
}
