//! Police and Crime Plan alignment: each objective of each plan, and the priorities
//! and themes that support it, or the reason it was not adopted.

use std::collections::{HashMap, HashSet};

use super::page::Page;
use super::topics::Topics;
use super::{AlignmentSection, DocumentReport, ObjectiveRow, PlanRow, TopicRef};
use crate::publish::{Block, Cell, Table};
use crate::rules::kinds::pcc;
use crate::rules::Context;

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
        Some("The document names no Police and Crime Plan (@plan), so csa could not check that its priorities have regard to the plan's objectives.".to_string())
    } else if objective_ids.is_empty() {
        Some("The Police and Crime Plan has no objectives written out, so csa could not check alignment with them.".to_string())
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
    }
}

/// The alignment section of the page, with the diagram.
pub(super) fn blocks(r: &DocumentReport, page: &mut Page) {
    page.heading(2, "Police and Crime Plan alignment".to_string());
    if let Some(reason) = &r.alignment.reason {
        page.push(Block::Paragraph(format!("Not checked. {reason}")));
    }
    for plan in &r.alignment.plans {
        if plan.objectives.is_empty() {
            continue;
        }
        page.push(Block::Paragraph(format!(
            "The responsible authorities must have regard to the objectives of the Police and Crime Plan: each objective should be supported by a priority or theme, or recorded as considered and not adopted. Each objective of *{}*, and what supports it:",
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
                Cell::text(format!("{}: {}", o.id, o.text)),
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
