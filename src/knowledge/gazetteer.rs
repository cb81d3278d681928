//! The places (`rules/gazetteer.toml`): police force areas and who has held the
//! PCC's functions in each, local authorities with their changes over time, merged
//! partnerships and reorganisations; indexed by every spelling of their names.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{fold, within, Confidence, LawDate, Tables};
use crate::ast::Date;

/// A police force area.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PoliceArea {
    /// Id, such as `kent`.
    pub id: String,
    /// The area as documents write it.
    pub name: String,
    /// How a sentence names it, where the name needs an article (`the Metropolitan
    /// Police District`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
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

impl PoliceArea {
    /// The area as a sentence names it: "for the Metropolitan Police District", "for Kent".
    pub fn display_name(&self) -> &str {
        self.display.as_deref().unwrap_or(&self.name)
    }
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

impl Gazetteer {
    pub(super) fn new(tables: Tables) -> Self {
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

    /// Every authority, of any time, a name means.
    pub fn authorities_named(&self, name: &str) -> Vec<&Authority> {
        keys(name)
            .iter()
            .find_map(|k| self.names.get(k))
            .into_iter()
            .flatten()
            .filter_map(|p| match p {
                Place::Authority(i) => Some(&self.authorities[*i]),
                _ => None,
            })
            .collect()
    }

    pub(super) fn lookup(&self, name: &str, date: Option<Date>) -> Option<Resolved<'_>> {
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
pub(super) fn keys(name: &str) -> Vec<String> {
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
