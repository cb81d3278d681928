//! The integrity of the knowledge: every reference resolves, every fact has a source,
//! every police area has a plan, and no two plans of an area claim the same days. (That
//! every bundled plan says where its first day was read is checked by the tests and
//! `rules/tools/check_plans.py`: a rule pack's `source` may stand for it.)

use std::collections::HashSet;

use serde::Serialize;

use super::{Confidence, Knowledge};

const TIERS: &[&str] = &[
    "county",
    "district",
    "unitary",
    "metropolitan-district",
    "london-borough",
    "city-of-london",
    "isles-of-scilly",
];
const ROLES: &[&str] = &["police-authority", "pcc", "pfcc", "mayor"];
const STATUSES: &[&str] = &["decided", "announced", "proposed"];
const SCOPES: &[&str] = &["crime-and-disorder", "policing"];
/// The kind of a national body partnerships name that is not a responsible authority
/// (Public Health England, HM Prison and Probation Service).
pub const NATIONAL_KIND: &str = "national";

/// How many facts carry each confidence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Read on a primary source.
    pub verified: usize,
    /// From a secondary source.
    pub secondary: usize,
    /// From memory or inference.
    pub unverified: usize,
}

impl Counts {
    fn add(&mut self, c: Confidence) {
        match c {
            Confidence::Verified => self.verified += 1,
            Confidence::Secondary => self.secondary += 1,
            Confidence::Unverified => self.unverified += 1,
        }
    }
}

impl Knowledge {
    /// How many facts (police areas, governance periods, authorities, partnerships,
    /// reorganisations, bodies, plans) carry each confidence.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        let g = self.gazetteer();
        for p in &g.police_areas {
            c.add(p.confidence);
            p.governance.iter().for_each(|x| c.add(x.confidence));
        }
        g.authorities.iter().for_each(|x| c.add(x.confidence));
        g.partnerships.iter().for_each(|x| c.add(x.confidence));
        g.reorganisations.iter().for_each(|x| c.add(x.confidence));
        self.successors().bodies().for_each(|x| c.add(x.confidence));
        self.plans().plans.iter().for_each(|x| c.add(x.confidence));
        c
    }
}

fn kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// Every problem with the knowledge, one sentence each; empty when it is sound.
/// `authority_kinds` are the kinds of responsible authority law.toml knows.
pub fn problems(k: &Knowledge, authority_kinds: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    police_areas(k, &mut out);
    authorities(k, &mut out);
    partnerships(k, &mut out);
    reorganisations(k, &mut out);
    bodies(k, authority_kinds, &mut out);
    plans(k, &mut out);
    overlaps(k, &mut out);
    out
}

/// An id that is not kebab-case, or that its table already has.
fn ids(table: &str, id: &str, seen: &mut HashSet<String>, out: &mut Vec<String>) {
    if !kebab(id) {
        out.push(format!("{table} `{id}`: ids are lowercase kebab-case"));
    }
    if !seen.insert(id.to_string()) {
        out.push(format!("{table} `{id}` is defined twice"));
    }
}

/// A fact without a source.
fn source(what: String, source: &str, out: &mut Vec<String>) {
    if source.trim().is_empty() {
        out.push(format!("{what} has no source"));
    }
}

/// Police areas: their governance roles, and a plan for each.
fn police_areas(k: &Knowledge, out: &mut Vec<String>) {
    let g = k.gazetteer();
    let mut seen = HashSet::new();
    for p in &g.police_areas {
        ids("police_area", &p.id, &mut seen, out);
        source(format!("police_area `{}`", p.id), &p.source, out);
        for gov in &p.governance {
            source(
                format!("police_area `{}` governance `{}`", p.id, gov.holder),
                &gov.source,
                out,
            );
            if !ROLES.contains(&gov.role.as_str()) {
                out.push(format!(
                    "police_area `{}`: governance role `{}` is not one of {ROLES:?}",
                    p.id, gov.role
                ));
            }
        }
        if k.plans_of(&p.id).next().is_none() {
            out.push(format!(
                "police_area `{}` has no Police and Crime Plan",
                p.id
            ));
        }
    }
}

/// Authorities: their tiers, police areas, counties and successors.
fn authorities(k: &Knowledge, out: &mut Vec<String>) {
    let g = k.gazetteer();
    let mut seen = HashSet::new();
    for a in &g.authorities {
        ids("authority", &a.id, &mut seen, out);
        source(format!("authority `{}`", a.id), &a.source, out);
        if !TIERS.contains(&a.tier.as_str()) {
            out.push(format!(
                "authority `{}`: tier `{}` is not one of {TIERS:?}",
                a.id, a.tier
            ));
        }
        if g.police_area(&a.police_area).is_none() {
            out.push(format!(
                "authority `{}`: police_area `{}` is no police_area",
                a.id, a.police_area
            ));
        }
        match (a.tier.as_str(), a.county.as_deref()) {
            ("district", None) => out.push(format!("district `{}` has no county", a.id)),
            ("district", Some(c)) => match g.authority(c) {
                Some(county) if county.tier == "county" => {}
                _ => out.push(format!(
                    "district `{}`: county `{c}` is no county authority",
                    a.id
                )),
            },
            _ => {}
        }
        for s in &a.successors {
            if g.authority(s).is_none() {
                out.push(format!(
                    "authority `{}`: successor `{s}` is no authority",
                    a.id
                ));
            }
        }
        if !a.successors.is_empty() && a.until.is_none() {
            out.push(format!(
                "authority `{}` has successors but no `until`",
                a.id
            ));
        }
    }
}

/// Partnerships: the authorities they cover.
fn partnerships(k: &Knowledge, out: &mut Vec<String>) {
    let g = k.gazetteer();
    let mut seen = HashSet::new();
    for p in &g.partnerships {
        ids("partnership", &p.id, &mut seen, out);
        source(format!("partnership `{}`", p.id), &p.source, out);
        for c in &p.covers {
            if g.authority(c).is_none() {
                out.push(format!("partnership `{}`: `{c}` is no authority", p.id));
            }
        }
    }
}

/// Reorganisations: the authority reorganised, and the status.
fn reorganisations(k: &Knowledge, out: &mut Vec<String>) {
    let g = k.gazetteer();
    let mut seen = HashSet::new();
    for r in &g.reorganisations {
        ids("reorganisation", &r.id, &mut seen, out);
        source(format!("reorganisation `{}`", r.id), &r.source, out);
        if g.authority(&r.area).is_none() {
            out.push(format!(
                "reorganisation `{}`: area `{}` is no authority",
                r.id, r.area
            ));
        }
        if !STATUSES.contains(&r.status.as_str()) {
            out.push(format!(
                "reorganisation `{}`: status `{}` is not one of {STATUSES:?}",
                r.id, r.status
            ));
        }
    }
}

/// Bodies: their successors, kinds, and the places they cover.
fn bodies(k: &Knowledge, authority_kinds: &[&str], out: &mut Vec<String>) {
    let g = k.gazetteer();
    let mut seen = HashSet::new();
    for b in k.successors().bodies() {
        ids("body", &b.id, &mut seen, out);
        source(format!("body `{}`", b.id), &b.source, out);
        let parts = b.successor_by_area.iter().map(|p| p.successor.as_str());
        for s in b.successor.iter().map(String::as_str).chain(parts) {
            if k.body(s).is_none() {
                out.push(format!("body `{}`: successor `{s}` is no body", b.id));
            }
            if b.until.is_none() {
                out.push(format!("body `{}` has a successor but no `until`", b.id));
            }
        }
        if b.successor.is_some() && !b.successor_by_area.is_empty() {
            out.push(format!(
                "body `{}` has both a successor and successors by area",
                b.id
            ));
        }
        if !authority_kinds.is_empty()
            && b.kind != NATIONAL_KIND
            && !authority_kinds.contains(&b.kind.as_str())
        {
            out.push(format!(
                "body `{}`: kind `{}` is not an authority_kind of law.toml, nor `{NATIONAL_KIND}`",
                b.id, b.kind
            ));
        }
        let covered = b.successor_by_area.iter().flat_map(|p| &p.covers);
        for c in b.covers.iter().chain(covered) {
            if g.authority(c).is_none() && g.police_area(c).is_none() {
                out.push(format!(
                    "body `{}`: covers `{c}`, which is no authority or police_area",
                    b.id
                ));
            }
        }
    }
}

/// Plans: their police areas, periods and objectives' scopes.
fn plans(k: &Knowledge, out: &mut Vec<String>) {
    let g = k.gazetteer();
    let mut seen = HashSet::new();
    for p in &k.plans().plans {
        ids("plan", &p.id, &mut seen, out);
        source(format!("plan `{}`", p.id), &p.source, out);
        if g.police_area(&p.police_area).is_none() {
            out.push(format!(
                "plan `{}`: police_area `{}` is no police_area",
                p.id, p.police_area
            ));
        }
        if p.to.is_some_and(|to| to.0 < p.from.0) {
            out.push(format!("plan `{}` ends before it starts", p.id));
        }
        if p.from_latest.is_some_and(|l| l.0 <= p.from.0) {
            out.push(format!(
                "plan `{}`: `from_latest` is not after `from`",
                p.id
            ));
        }
        for o in &p.objectives {
            if let Some(scope) = &o.scope {
                if !SCOPES.contains(&scope.as_str()) {
                    out.push(format!(
                        "plan `{}` objective `{}`: scope `{scope}` is not one of {SCOPES:?}",
                        p.id, o.id
                    ));
                }
            }
        }
    }
}

/// Plans of one area that claim the same days.
fn overlaps(k: &Knowledge, out: &mut Vec<String>) {
    for (area, list) in &k.plans().by_area {
        let plans = &k.plans().plans;
        for pair in list.windows(2) {
            let (a, b) = (&plans[pair[0]], &plans[pair[1]]);
            if a.from.0 == b.from.0 || a.to.is_some_and(|to| to.0 >= b.from.0) {
                out.push(format!(
                    "plans `{}` and `{}` of `{area}` overlap ({} and {})",
                    a.id,
                    b.id,
                    a.period_text(),
                    b.period_text()
                ));
            }
        }
    }
}
