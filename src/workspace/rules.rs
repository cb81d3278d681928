//! The rules that look across documents: a county agreement and its districts' plans
//! agree on the evidence and the priorities, and the documents of one police area
//! record the same Police and Crime Plan.
//!
//! Every rule here is linear in the number of documents: documents are grouped once
//! (districts by the county agreement they use, documents by police area), and each
//! group is compared with itself.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::uses::Resolution;
use crate::ast::DocumentKind;
use crate::ast::{Date, Document};
use crate::knowledge::{Authority, Knowledge, Resolved};
use crate::rules::Finding;
use crate::text::matching;
use crate::text::Span;

/// One document of a workspace.
pub struct Member<'a> {
    /// Where it is.
    pub path: &'a Path,
    /// Its one name ([`super::Sources::key`]), as its users' `@use` lines reach it.
    pub key: PathBuf,
    /// Its model, with the used parts added.
    pub document: &'a Document,
    /// What it uses.
    pub resolution: &'a Resolution,
}

/// The kind of document it says it is; a document that names none is no county
/// agreement and no district plan to the rules across documents.
fn kind(doc: &Document) -> Option<DocumentKind> {
    doc.agreement.as_ref().and_then(|a| a.document_kind())
}

fn header_span(doc: &Document) -> Span {
    doc.agreement
        .as_ref()
        .map(|a| a.header_span)
        .or_else(|| doc.items.first().map(|i| i.span))
        .unwrap_or_default()
}

fn title(doc: &Document, path: &Path) -> String {
    doc.agreement
        .as_ref()
        .and_then(|a| a.title.as_ref())
        .map(|t| t.value.clone())
        .unwrap_or_else(|| file_name(path))
}

/// How a district is named in a list: its area, else its title.
fn area_name(doc: &Document, path: &Path) -> String {
    doc.agreement
        .as_ref()
        .and_then(|a| a.area.as_ref())
        .map(|a| a.value.clone())
        .unwrap_or_else(|| title(doc, path))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// `county:` fields name priorities and themes of a county agreement the document uses.
pub fn county_references(doc: &Document, resolution: &Resolution) -> Vec<(&'static str, Finding)> {
    let topics = resolution.county_topics();
    let known: HashSet<&str> = topics.iter().map(|t| t.id.as_str()).collect();
    let references = doc
        .priorities
        .iter()
        .flat_map(|p| &p.county)
        .chain(doc.themes.iter().flat_map(|t| &t.county));
    let mut out = Vec::new();
    for reference in references {
        if known.contains(reference.name.as_str()) {
            continue;
        }
        let finding = Finding::at(reference.span).arg("id", reference.name.clone());
        let finding = if topics.is_empty() {
            finding.arg(
                "why",
                "the document uses no county agreement, so there is nothing for it to name",
            )
            .arg("hint", "add `@use: PATH` with the county agreement's file, such as `@use: ../kent-csa.csa`")
        } else {
            let suggestion = crate::ast::schema::did_you_mean(
                &reference.name,
                topics.iter().map(|t| t.id.as_str()),
            );
            finding
                .arg(
                    "why",
                    "the county agreement it uses has no priority or theme with that id",
                )
                .arg(
                    "hint",
                    match suggestion {
                        Some(s) => format!(
                            "did you mean `{s}`? The county agreement's ids are: {}",
                            ids_list(&topics)
                        ),
                        None => format!("the county agreement's ids are: {}", ids_list(&topics)),
                    },
                )
        };
        out.push(("unknown-county-priority", finding));
    }
    out
}

fn ids_list(topics: &[super::CountyTopic]) -> String {
    topics
        .iter()
        .map(|t| format!("`{}`", t.id))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Runs the cross-document rules; returns each member's findings, by rule name.
pub fn check(members: &[Member], knowledge: &Knowledge) -> Vec<Vec<(&'static str, Finding)>> {
    let mut out: Vec<Vec<(&'static str, Finding)>> = members.iter().map(|_| Vec::new()).collect();
    let places: Vec<Place> = members
        .iter()
        .map(|m| place(m.document, knowledge))
        .collect();
    let families = county_families(members, &places);
    for family in &families {
        assessment_counts(members, family, &mut out);
        regard_between(members, family, &mut out);
    }
    partnership_count(members, &places, knowledge, &mut out);
    district_cover(members, &places, knowledge, &mut out);
    same_plan(members, &places, &mut out);
    out
}

/// Where a document stands in the gazetteer: its council (when its area is one) and
/// its police area, on its effective date.
#[derive(Default)]
struct Place {
    authority: Option<Authority>,
    police_area: Option<String>,
}

fn place(doc: &Document, knowledge: &Knowledge) -> Place {
    let Some(agreement) = doc.agreement.as_ref() else {
        return Place::default();
    };
    let Some(area) = agreement.area.as_ref() else {
        return Place::default();
    };
    let date = agreement.effective.as_ref().map(|e| e.value);
    let resolved = knowledge.resolve(&area.value, date);
    let authority = match resolved.as_slice() {
        [Resolved::Authority(a)] => Some((*a).clone()),
        _ => None,
    };
    let police_area = resolved
        .iter()
        .find_map(|r| knowledge.police_area_of(*r))
        .map(|p| p.id.clone());
    Place {
        authority,
        police_area,
    }
}

/// A county agreement and the district plans that use it.
struct Family {
    county: usize,
    districts: Vec<usize>,
}

/// Groups district plans under their county agreement: the one they use, else the
/// one whose county the gazetteer puts them in.
fn county_families(members: &[Member], places: &[Place]) -> Vec<Family> {
    let mut county_at: HashMap<PathBuf, usize> = HashMap::new();
    let mut county_of_council: HashMap<&str, usize> = HashMap::new();
    for (i, m) in members.iter().enumerate() {
        if kind(m.document) == Some(DocumentKind::CountyAgreement) {
            county_at.insert(m.key.clone(), i);
            if let Some(a) = places[i].authority.as_ref().filter(|a| a.tier == "county") {
                county_of_council.entry(a.id.as_str()).or_insert(i);
            }
        }
    }
    let mut families: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, m) in members.iter().enumerate() {
        if kind(m.document) != Some(DocumentKind::DistrictPlan) {
            continue;
        }
        let county = m
            .resolution
            .used
            .iter()
            .find_map(|u| county_at.get(&u.key).copied())
            .or_else(|| {
                let county = places[i].authority.as_ref()?.county.as_deref()?;
                county_of_council.get(county).copied()
            });
        if let Some(county) = county {
            families.entry(county).or_default().push(i);
        }
    }
    families
        .into_iter()
        .map(|(county, districts)| Family { county, districts })
        .collect()
}

/// What a district plan works on: the specific words of its priorities, themes, own
/// assessment issues and risk ranking.
fn district_words(doc: &Document) -> HashSet<String> {
    let mut texts: Vec<&str> = Vec::new();
    for p in &doc.priorities {
        texts.extend(p.title.as_ref().map(|t| t.value.as_str()));
        texts.extend(p.includes.as_ref().map(|t| t.value.as_str()));
    }
    for t in &doc.themes {
        texts.extend(t.title.as_ref().map(|t| t.value.as_str()));
        texts.extend(t.includes.as_ref().map(|t| t.value.as_str()));
    }
    for a in &doc.assessments {
        texts.extend(
            a.issues
                .iter()
                .filter_map(|i| i.text.as_ref())
                .map(|t| t.value.as_str()),
        );
    }
    for r in &doc.risk_rankings {
        texts.extend(r.items.iter().map(|i| i.value.as_str()));
    }
    texts
        .into_iter()
        .flat_map(matching::specific_words)
        .collect()
}

/// Whether a text (an issue, a priority's title) is among what the words cover: at
/// least half of its specific words, and one at least.
fn names(words: &HashSet<String>, text: &str) -> bool {
    let needed = matching::specific_words(text);
    let found = needed.iter().filter(|w| words.contains(*w)).count();
    found > 0 && 2 * found >= needed.len()
}

/// `assessment-disagrees-with-districts`: the county's table says how many partnerships
/// named each issue; the district plans present say how many did.
fn assessment_counts(
    members: &[Member],
    family: &Family,
    out: &mut [Vec<(&'static str, Finding)>],
) {
    let county = members[family.county].document;
    if county.assessments.is_empty() {
        return;
    }
    let words: Vec<(String, HashSet<String>)> = family
        .districts
        .iter()
        .map(|&d| {
            (
                area_name(members[d].document, members[d].path),
                district_words(members[d].document),
            )
        })
        .collect();
    let present = words.len() as u32;
    for assessment in &county.assessments {
        let total = assessment.partnerships.as_ref().map(|t| t.value);
        // With every district's plan present the counts must match; with some missing,
        // the plans present can only show a count that is too low.
        let complete = total.is_some_and(|t| present >= t);
        for issue in &assessment.issues {
            let (Some(count), Some(text)) = (&issue.count, &issue.text) else {
                continue;
            };
            let naming: Vec<&str> = words
                .iter()
                .filter(|(_, w)| names(w, &text.value))
                .map(|(t, _)| t.as_str())
                .collect();
            let named = naming.len() as u32;
            if named == count.value || (!complete && named < count.value) {
                continue;
            }
            let who = if naming.is_empty() {
                "none of them".to_string()
            } else {
                naming.join(", ")
            };
            out[family.county].push((
                "assessment-disagrees-with-districts",
                Finding::at(count.span)
                    .arg("issue", text.value.clone())
                    .arg("count", count.value.to_string())
                    .arg("named", named.to_string())
                    .arg("present", present.to_string())
                    .arg("who", who)
                    .label(text.span, "the issue"),
            ));
        }
    }
}

/// `district-regards-no-county-priority` and `county-priority-without-district`.
fn regard_between(members: &[Member], family: &Family, out: &mut [Vec<(&'static str, Finding)>]) {
    let county = members[family.county].document;
    let county_title = title(county, members[family.county].path);
    let county_topics: Vec<(&str, &str, Span)> = county
        .priorities
        .iter()
        .map(|p| {
            (
                p.id.value.as_str(),
                p.title.as_ref().map_or("", |t| t.value.as_str()),
                p.header_span,
            )
        })
        .collect();
    if county_topics.is_empty() {
        return;
    }
    let mut worked_on: HashSet<&str> = HashSet::new();
    for &d in &family.districts {
        let doc = members[d].document;
        let referenced: HashSet<&str> = doc
            .priorities
            .iter()
            .flat_map(|p| &p.county)
            .chain(doc.themes.iter().flat_map(|t| &t.county))
            .map(|r| r.name.as_str())
            .collect();
        let words = district_words(doc);
        let regarded: Vec<&str> = county_topics
            .iter()
            .filter(|(id, title, _)| referenced.contains(id) || names(&words, title))
            .map(|(id, _, _)| *id)
            .collect();
        if regarded.is_empty() {
            out[d].push((
                "district-regards-no-county-priority",
                Finding::at(header_span(doc))
                    .arg("county", county_title.clone())
                    .arg(
                        "priorities",
                        county_topics
                            .iter()
                            .map(|(id, title, _)| format!("{title} (`{id}`)"))
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
            ));
        }
        worked_on.extend(regarded);
    }
    for (id, title, span) in &county_topics {
        if worked_on.contains(id) {
            continue;
        }
        out[family.county].push((
            "county-priority-without-district",
            Finding::at(*span)
                .arg("id", id.to_string())
                .arg("title", title.to_string())
                .arg("districts", family.districts.len().to_string()),
        ));
    }
}

/// The days a document speaks for: its effective date to the end of its `period:`,
/// or of one review cycle.
fn life(doc: &Document) -> Option<(i64, i64)> {
    let agreement = doc.agreement.as_ref()?;
    let effective: Date = agreement.effective.as_ref()?.value;
    let end = crate::rules::life_end(agreement, Some(effective))?;
    Some((
        effective.first_day().days_since_epoch(),
        end.days_since_epoch(),
    ))
}

fn fold(text: &str) -> String {
    matching::words(text).join(" ")
}

/// A document (by index) and the days it speaks for.
type Recorded = (usize, (i64, i64));
/// Plan title → the documents that record it.
type PlansRecorded = BTreeMap<String, Vec<Recorded>>;

/// `pcc-plan-differs`: the documents of one police area whose lives overlap record
/// different Police and Crime Plans. The plan most of them record (the latest, when
/// as many record each) is taken as the area's; each document that records another
/// while one recording the area's plan is in force is reported once.
fn same_plan(members: &[Member], places: &[Place], out: &mut [Vec<(&'static str, Finding)>]) {
    // Police area → plan title → the documents that record it, with their lives.
    let mut areas: HashMap<String, PlansRecorded> = HashMap::new();
    for (i, m) in members.iter().enumerate() {
        let Some(life) = life(m.document) else {
            continue;
        };
        for plan in &m.document.plans {
            let Some(title) = &plan.title else {
                continue;
            };
            // The police area the gazetteer puts the document in, else the plan's own.
            let Some(area) = places[i]
                .police_area
                .clone()
                .or_else(|| plan.area.as_ref().map(|a| fold(&a.value)))
            else {
                continue;
            };
            let docs = areas
                .entry(area)
                .or_default()
                .entry(fold(&title.value))
                .or_default();
            if docs.last().map(|(j, _)| *j) != Some(i) {
                docs.push((i, life));
            }
        }
    }
    for titles in areas.values() {
        if titles.len() < 2 {
            continue;
        }
        let Some((main_title, main_docs)) = titles
            .iter()
            .max_by_key(|(_, docs)| (docs.len(), docs.iter().map(|(_, l)| l.0).max().unwrap_or(0)))
        else {
            continue;
        };
        let start = main_docs.iter().map(|(_, l)| l.0).min().unwrap_or(0);
        let end = main_docs.iter().map(|(_, l)| l.1).max().unwrap_or(0);
        for (title, docs) in titles {
            if title == main_title {
                continue;
            }
            for &(i, (from, to)) in docs {
                let doc = members[i].document;
                if from > end || to < start || records_title(doc, main_title) {
                    continue;
                }
                // The document of the area's plan whose life overlaps this one's.
                let Some(&(j, _)) = main_docs.iter().find(|(_, l)| l.0 <= to && from <= l.1) else {
                    continue;
                };
                let plan = doc
                    .plans
                    .iter()
                    .find(|p| p.title.as_ref().is_some_and(|t| fold(&t.value) == *title));
                let Some(plan) = plan else { continue };
                let other_plan = members[j]
                    .document
                    .plans
                    .iter()
                    .filter_map(|p| p.title.as_ref())
                    .find(|t| fold(&t.value) == *main_title)
                    .map(|t| t.value.clone())
                    .unwrap_or_default();
                out[i].push((
                    "pcc-plan-differs",
                    Finding::at(plan.header_span)
                        .arg(
                            "plan",
                            plan.title
                                .as_ref()
                                .map(|t| t.value.clone())
                                .unwrap_or_default(),
                        )
                        .arg("other", file_name(members[j].path))
                        .arg(
                            "others",
                            match main_docs.len() - 1 {
                                0 => String::new(),
                                1 => " (and 1 other document of the area)".to_string(),
                                n => format!(" (and {n} other documents of the area)"),
                            },
                        )
                        .arg("other_plan", other_plan)
                        .arg(
                            "area",
                            plan.area
                                .as_ref()
                                .map(|a| a.value.clone())
                                .unwrap_or_default(),
                        ),
                ));
            }
        }
    }
}

fn records_title(doc: &Document, title: &str) -> bool {
    doc.plans
        .iter()
        .any(|p| p.title.as_ref().is_some_and(|t| fold(&t.value) == title))
}

/// `assessment-partnership-count`: the strategic-assessment table's number of
/// partnerships against the community safety partnerships the gazetteer knows in the
/// county on the effective date (districts, with merged partnerships counted once).
fn partnership_count(
    members: &[Member],
    places: &[Place],
    knowledge: &Knowledge,
    out: &mut [Vec<(&'static str, Finding)>],
) {
    for (i, m) in members.iter().enumerate() {
        if kind(m.document) != Some(DocumentKind::CountyAgreement) {
            continue;
        }
        let Some(council) = places[i].authority.as_ref().filter(|a| a.tier == "county") else {
            continue;
        };
        let Some(effective) = m
            .document
            .agreement
            .as_ref()
            .and_then(|a| a.effective.as_ref())
        else {
            continue;
        };
        let date = effective.value;
        let gazetteer = knowledge.gazetteer();
        let districts: Vec<&Authority> = gazetteer.districts_of(&council.id, date).collect();
        if districts.is_empty() {
            continue;
        }
        // Each district's partnership: a merged one that covers it on the date, else its own.
        let mut partnerships: Vec<String> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        for d in &districts {
            let merged = gazetteer.partnerships.iter().find(|p| {
                p.covers.len() > 1
                    && p.covers.contains(&d.id)
                    && crate::knowledge::within(date, p.from, p.until)
            });
            let name = merged.map_or_else(|| d.area.clone(), |p| p.name.clone());
            if seen.insert(name.clone()) {
                partnerships.push(name);
            }
        }
        let known = partnerships.len() as u32;
        for assessment in &m.document.assessments {
            let Some(total) = &assessment.partnerships else {
                continue;
            };
            if total.value == known {
                continue;
            }
            out[i].push((
                "assessment-partnership-count",
                Finding::at(total.span)
                    .arg("count", total.value.to_string())
                    .arg("known", known.to_string())
                    .arg("county", council.area.clone())
                    .arg("date", date.to_string())
                    .arg("partnerships", partnerships.join(", ")),
            ));
        }
    }
}

/// `district-covered-twice` and `district-not-covered`: each district of a county is
/// covered by exactly one county agreement at a time; `excludes:` leaves out only
/// what is not one of the county's districts (a unitary such as Medway).
fn district_cover(
    members: &[Member],
    places: &[Place],
    knowledge: &Knowledge,
    out: &mut [Vec<(&'static str, Finding)>],
) {
    // County council id → the county agreements for it, with their lives.
    let mut by_county: BTreeMap<&str, Vec<Recorded>> = BTreeMap::new();
    for (i, m) in members.iter().enumerate() {
        if kind(m.document) != Some(DocumentKind::CountyAgreement) {
            continue;
        }
        let Some(council) = places[i].authority.as_ref().filter(|a| a.tier == "county") else {
            continue;
        };
        let Some(agreement) = m.document.agreement.as_ref() else {
            continue;
        };
        let date = agreement.effective.as_ref().map(|e| e.value);
        // An excluded district leaves part of the county without an agreement.
        for excluded in &agreement.excludes {
            let resolved = knowledge.resolve(&excluded.value, date);
            for r in resolved {
                if let Resolved::Authority(a) = r {
                    if a.tier == "district" && a.county.as_deref() == Some(council.id.as_str()) {
                        out[i].push((
                            "district-not-covered",
                            Finding::at(excluded.span)
                                .arg("district", a.area.clone())
                                .arg("county", council.area.clone()),
                        ));
                    }
                }
            }
        }
        if let Some(life) = life(m.document) {
            by_county
                .entry(council.id.as_str())
                .or_default()
                .push((i, life));
        }
    }
    for agreements in by_county.values_mut() {
        // Sorted by start, each agreement overlaps the one before it if it starts
        // before that one ends: one pass, not all pairs.
        agreements.sort_by_key(|(_, l)| l.0);
        for pair in agreements.windows(2) {
            let ((earlier, a), (later, b)) = (pair[0], pair[1]);
            if b.0 <= a.1 {
                let county = places[later]
                    .authority
                    .as_ref()
                    .map_or(String::new(), |c| c.area.clone());
                out[later].push((
                    "district-covered-twice",
                    Finding::at(header_span(members[later].document))
                        .arg("county", county)
                        .arg("other", file_name(members[earlier].path)),
                ));
            }
        }
    }
}
