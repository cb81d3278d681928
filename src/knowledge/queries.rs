//! The questions a caller asks of the knowledge: what a place name means on a date,
//! its police area, the plan in force there, who holds the PCC's functions, a body
//! and its successor, and the responsible authorities of an area.

use serde::Serialize;

use super::{fold, within, Body, Confidence, Governance, Knowledge, Plan, PoliceArea, Resolved};
use crate::ast::Date;

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

impl Knowledge {
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

    /// The latest plan of a police area certainly started by `date`. A plan stays in
    /// force until it is replaced, even after the end of the period it states; a newer
    /// plan may already have replaced this one where its first day is known only as a
    /// window ([`Knowledge::in_force`] says which).
    pub fn plan_in_force(&self, police_area: &str, date: Date) -> Option<&Plan> {
        self.in_force(police_area, date, &[]).settled
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
    /// chain breaks before `date` (csa does not know the successor). A body split by
    /// area is followed only where the area tells which part: see
    /// [`Knowledge::successor_in`].
    pub fn successor_on<'k>(&'k self, body: &'k Body, date: Date) -> Option<&'k Body> {
        self.successor_in(body, date, &[])
    }

    /// The body that carries `body`'s functions on `date` in an area (`area`: the ids
    /// [`Knowledge::area_ids`] gives for a document's area). Where a body on the chain
    /// was split by area (the National Probation Service into the Probation Service's
    /// regions, a CCG between two ICBs), the part is the one that holds the whole area
    /// the named body served, else the one that holds the document's area; where
    /// neither tells a single part, `None`: csa does not know, and names no body.
    pub fn successor_in<'k>(
        &'k self,
        body: &'k Body,
        date: Date,
        area: &[String],
    ) -> Option<&'k Body> {
        let mut current = body;
        for _ in 0..16 {
            if current.until.is_none_or(|u| date.first_day() <= u.0) {
                return Some(current);
            }
            let next = match &current.successor {
                Some(id) => id.as_str(),
                None => part_for(current, &body.covers, area)?,
            };
            current = self.body(next)?;
        }
        None
    }

    /// The ids a place name answers to on `date`, for choosing the part of a body
    /// split by area: each authority or partnership it resolves to, their authorities
    /// and counties, and their police areas.
    pub fn area_ids(&self, name: &str, date: Option<Date>) -> Vec<String> {
        let g = self.gazetteer();
        let mut ids: Vec<String> = Vec::new();
        for place in self.resolve(name, date) {
            ids.push(place.id().to_string());
            let authorities: Vec<&super::Authority> = match place {
                Resolved::Authority(a) => vec![a],
                Resolved::Partnership(p) => {
                    p.covers.iter().filter_map(|c| g.authority(c)).collect()
                }
                Resolved::PoliceArea(_) => Vec::new(),
            };
            for a in authorities {
                ids.push(a.id.clone());
                ids.extend(a.county.clone());
            }
            if let Some(police) = self.police_area_of(place) {
                ids.push(police.id.clone());
            }
        }
        ids.sort();
        ids.dedup();
        ids
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
        let named_kind = |kind: &str, name: Option<String>, confidence: Option<Confidence>| {
            ResponsibleAuthority {
                kind: kind.to_string(),
                name,
                confidence,
            }
        };
        let named = match place {
            Resolved::Authority(a) => Some(a),
            Resolved::Partnership(p) => p.covers.iter().find_map(|id| g.authority(id)),
            Resolved::PoliceArea(_) => None,
        };
        // A council abolished by the date is no responsible authority: the councils
        // that carry its area then are.
        let councils = named.map_or(Vec::new(), |a| self.carried_by(a, date));
        for a in &councils {
            match a.tier.as_str() {
                "county" => {
                    out.push(named_kind(
                        "county-council",
                        Some(a.name.clone()),
                        Some(a.confidence),
                    ));
                    for d in g.districts_of(&a.id, date) {
                        out.push(named_kind(
                            "district-council",
                            Some(d.name.clone()),
                            Some(d.confidence),
                        ));
                    }
                }
                "district" => {
                    if let Some(c) = a
                        .county
                        .as_deref()
                        .and_then(|c| g.authority(c))
                        .filter(|c| c.exists_on(date))
                    {
                        out.push(named_kind(
                            "county-council",
                            Some(c.name.clone()),
                            Some(c.confidence),
                        ));
                    }
                    out.push(named_kind(
                        "district-council",
                        Some(a.name.clone()),
                        Some(a.confidence),
                    ));
                }
                _ => out.push(named_kind(
                    "unitary-council",
                    Some(a.name.clone()),
                    Some(a.confidence),
                )),
            }
        }
        let authority = councils.first().copied().or(named);
        let police = self.police_area_of(place);
        out.push(named_kind(
            "police",
            police.and_then(|p| p.force.clone()),
            police.map(|p| p.confidence),
        ));
        for kind in ["fire", "health", "probation"] {
            let serving = self.successors().bodies().find(|b| {
                b.kind == kind
                    && b.exists_on(date)
                    && b.covers.iter().any(|c| {
                        // A health body covering a county covers its districts.
                        Some(c.as_str()) == authority.map(|a| a.id.as_str())
                            || Some(c.as_str()) == authority.and_then(|a| a.county.as_deref())
                            || Some(c.as_str()) == police.map(|p| p.id.as_str())
                    })
            });
            out.push(named_kind(
                kind,
                serving.map(|b| b.name.clone()),
                serving.map(|b| b.confidence),
            ));
        }
        out
    }
}

/// The body that took over the part of `split` that holds `named` (the covers of the
/// body a document named) entirely, else the one part that holds any of `area`.
fn part_for<'b>(split: &'b Body, named: &[String], area: &[String]) -> Option<&'b str> {
    let parts = &split.successor_by_area;
    if !named.is_empty() {
        if let Some(part) = parts
            .iter()
            .find(|p| named.iter().all(|c| p.covers.contains(c)))
        {
            return Some(&part.successor);
        }
    }
    let mut holding = parts.iter().filter(|p| p.covers_any(area));
    let part = holding.next()?;
    holding.next().is_none().then_some(part.successor.as_str())
}

/// `text` without parts in brackets: "Kent (excluding Medway)" → "Kent".
pub(super) fn strip_brackets(text: &str) -> String {
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
