//! Police and Crime Plan alignment: each objective of each plan, and the priorities
//! and themes that support it, or the reason it was not adopted.

use std::collections::{HashMap, HashSet};

use super::evidence::{match_words, word_matches};
use super::page::{date_words, Page};
use super::topics::Topics;
use super::{
    AlignmentSection, DocumentReport, EvidenceLink, ObjectiveRow, PlanInForce, PlanRow, TopicRef,
};
use crate::ast::date_from_days;
use crate::publish::{Block, Cell, Table};
use crate::rules::kinds::pcc;
use crate::rules::Context;
use crate::text::matching;

/// The objectives and what supports them; when csa cannot check them, why, added to
/// `not_checked`.
pub(super) fn section(
    cx: &Context,
    topics: &Topics,
    not_checked: &mut Vec<String>,
) -> AlignmentSection {
    let doc = cx.doc;
    let policing = pcc::PolicingObjectives::of(cx);
    let mut supporters: HashMap<&str, Vec<TopicRef>> = HashMap::new();
    let mut supporting_nothing = Vec::new();
    let objective_ids: HashSet<&str> = doc
        .plans
        .iter()
        .flat_map(|p| &p.objectives)
        .map(|o| o.id.value.as_str())
        .collect();
    for (id, supports) in doc
        .priorities
        .iter()
        .map(|p| (&p.id.value, &p.supports))
        .chain(doc.themes.iter().map(|t| (&t.id.value, &t.supports)))
    {
        let mut any = false;
        for r in supports {
            if objective_ids.contains(r.name.as_str()) {
                any = true;
                let list = supporters.entry(r.name.as_str()).or_default();
                let topic = topics.get(id);
                if !list.contains(&topic) {
                    list.push(topic);
                }
            }
        }
        if !any {
            supporting_nothing.push(topics.get(id));
        }
    }
    let reason = if doc.plans.is_empty() {
        Some("The document names no Police and Crime Plan, so this review could not check that its priorities have regard to the plan's objectives.".to_string())
    } else if objective_ids.is_empty() {
        Some("The Police and Crime Plan's objectives are not written out in the document, so this review could not check alignment with them.".to_string())
    } else {
        None
    };
    if let Some(r) = &reason {
        not_checked.push(r.clone());
    }
    let plans = doc
        .plans
        .iter()
        .map(|p| PlanRow {
            id: p.id.value.clone(),
            title: p
                .title
                .as_ref()
                .map_or(p.id.value.clone(), |t| t.value.clone()),
            objectives: p
                .objectives
                .iter()
                .map(|o| {
                    let supported_by = supporters
                        .get(o.id.value.as_str())
                        .cloned()
                        .unwrap_or_default();
                    let status = if !supported_by.is_empty() {
                        "supported"
                    } else if o.not_adopted.is_some() {
                        "not-adopted"
                    } else if pcc::policing_only(o, &policing) {
                        "policing-only"
                    } else {
                        "unsupported"
                    };
                    ObjectiveRow {
                        id: o.id.value.clone(),
                        text: o.text.as_ref().map(|t| t.value.clone()).unwrap_or_default(),
                        status,
                        supported_by,
                        reason: o.not_adopted.as_ref().map(|r| r.value.clone()),
                    }
                })
                .collect(),
        })
        .collect();
    AlignmentSection {
        checked: reason.is_none(),
        reason,
        plans,
        supporting_nothing: if objective_ids.is_empty() {
            Vec::new()
        } else {
            supporting_nothing
        },
        in_force: in_force(cx, topics),
    }
}

/// The plan in force on the review date, when the document records another: the
/// latest plan of the document's police area issued by then (a plan stays in force
/// until replaced), or, when the area's plans are not known, the recorded plan's
/// own period, if it ended before the review date.
fn in_force(cx: &Context, topics: &Topics) -> Option<PlanInForce> {
    let doc = cx.doc;
    let recorded = doc.plans.first()?;
    let title = recorded
        .title
        .as_ref()
        .map_or(recorded.id.value.clone(), |t| t.value.clone());
    let own_end = recorded.period.as_ref().map(|p| p.value.to.last_day());
    let area = recorded
        .area
        .as_ref()
        .or_else(|| doc.agreement.as_ref().and_then(|a| a.area.as_ref()));
    // The review date, or the day the document takes effect when that is later.
    let on = cx
        .effective
        .map_or(cx.as_of, |e| e.first_day().max(cx.as_of.first_day()));
    let police = area.and_then(|a| cx.knowledge.police_area_named(&a.value, Some(on)));
    let current = police.and_then(|p| cx.knowledge.plan_in_force(&p.id, on));
    let Some(current) = current else {
        // Nothing known of the area's plans: only the recorded period can tell.
        return own_end.filter(|end| *end < on).map(|end| PlanInForce {
            on: on.to_string(),
            recorded: title,
            recorded_ended: Some(end.to_string()),
            title: "a later plan, which this review does not know".to_string(),
            from: date_from_days(end.days_since_epoch() + 1).to_string(),
            to: None,
            objectives: Vec::new(),
        });
    };
    let known = cx.knowledge.plan_named(&title);
    let same = known.is_some_and(|k| k.id == current.id)
        || current.titles().any(|t| {
            matching::contains_phrase(&title, t) || matching::similarity(&title, t) >= 0.8
        });
    // The same plan, or a later one than the knowledge has in force then.
    if same || known.is_some_and(|k| k.from.0 > current.from.0) {
        return None;
    }
    let successor_start = date_from_days(current.from.0.first_day().days_since_epoch() - 1);
    let ended = own_end
        .or_else(|| known.and_then(|k| k.to).map(|d| d.0.last_day()))
        .map(|end| end.min(successor_start))
        .unwrap_or(successor_start);
    Some(PlanInForce {
        on: on.to_string(),
        recorded: title,
        recorded_ended: Some(ended.to_string()),
        title: current.title.clone(),
        from: current.from.0.to_string(),
        to: current.to.map(|d| d.0.to_string()),
        objectives: current
            .objectives
            .iter()
            .map(|o| EvidenceLink {
                text: o.title.clone(),
                matches: word_matches(doc, topics, &o.title),
            })
            .collect(),
    })
}

/// First in the section when the recorded plan is not the one in force: its end,
/// the plan in force, and what of the document reads like support for its
/// objectives.
fn in_force_blocks(p: &PlanInForce, as_of: &str, page: &mut Page) {
    let when = if p.on == as_of {
        format!("On the review date, {}", date_words(as_of))
    } else {
        format!("On {}, when the agreement takes effect", date_words(&p.on))
    };
    let period = match &p.to {
        Some(to) => format!("{} to {}", date_words(&p.from), date_words(to)),
        None => format!("from {}", date_words(&p.from)),
    };
    let ended = p.recorded_ended.as_deref().map_or(String::new(), |e| {
        format!(", which ended on {}", date_words(e))
    });
    page.push(Block::Paragraph(format!(
        "**The recorded plan is not the one in force.** The agreement is aligned to *{}*{ended}. {when}, the plan in force is *{}* ({period}). The agreement does not record it, so none of its objectives is shown as supported: the partnership should align the agreement with it.",
        p.recorded,
        p.title
    )));
    if p.objectives.is_empty() {
        return;
    }
    let mut t = Table::new(
        format!("Objectives of the plan in force, {}", p.title),
        &[
            "Objective",
            "Priorities and themes sharing its words (inferred, not linked)",
        ],
    );
    for o in &p.objectives {
        t.row(vec![
            Cell::text(o.text.clone()),
            if o.matches.is_empty() {
                Cell::text("No priority or theme shares a specific word with it")
            } else {
                Cell::lines(o.matches.iter().map(match_words))
            },
        ]);
    }
    page.push(Block::Table(t));
}

/// The alignment section of the page, with the diagram.
pub(super) fn blocks(r: &DocumentReport, level: u8, page: &mut Page) {
    page.heading(level, "Police and Crime Plan alignment".to_string());
    if let Some(p) = &r.alignment.in_force {
        in_force_blocks(p, &r.as_of, page);
    }
    if let Some(reason) = &r.alignment.reason {
        page.push(Block::Paragraph(format!("Not checked. {reason}")));
    }
    for plan in &r.alignment.plans {
        if plan.objectives.is_empty() {
            continue;
        }
        page.push(Block::Paragraph(format!(
            "The responsible authorities must have regard to the objectives of the Police and Crime Plan: each objective should be supported by a priority or theme, or recorded as considered and not adopted. {} *{}*, as the agreement links them:",
            if r.alignment.in_force.is_some() { "For reference, the objectives of the recorded plan," } else { "Each objective of" },
            plan.title
        )));
        let mut t = Table::new(
            format!("Objectives of {}", plan.title),
            &["Objective", "Supported by", "Status"],
        );
        for o in &plan.objectives {
            let status = match o.status {
                "supported" => "Supported".to_string(),
                "not-adopted" => format!(
                    "Not adopted, with a recorded reason: {}",
                    o.reason.clone().unwrap_or_default()
                ),
                "policing-only" => {
                    "About the force's own business: the partnership need not regard it".to_string()
                }
                _ => "Not supported, and no reason recorded".to_string(),
            };
            t.row(vec![
                Cell::text(if o.text.is_empty() {
                    o.id.clone()
                } else {
                    o.text.clone()
                }),
                if o.supported_by.is_empty() {
                    Cell::text("none")
                } else {
                    Cell::lines(o.supported_by.iter().map(|t| t.title.clone()))
                },
                Cell::text(status),
            ]);
        }
        page.push(Block::Table(t));
    }
    if let Some(d) = &r.diagram {
        page.push(Block::Diagram(d.clone()));
    }
    if !r.alignment.supporting_nothing.is_empty() {
        page.push(Block::Paragraph(format!(
            "Priorities and themes that support no objective: {}.",
            r.alignment
                .supporting_nothing
                .iter()
                .map(|t| t.title.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        )));
    }
}
