//! Leads: each priority and who leads it, wherever in the document the lead is
//! written, and the leads that name no priority of the document.

use std::collections::{HashMap, HashSet};

use super::page::{plural, Page};
use super::topics::Topics;
use super::{DocumentReport, LeadsSection, PriorityLeads};
use crate::ast::Document;
use crate::publish::{Block, Cell, ListItem, Table};

/// Each priority's leads.
pub(super) fn section(doc: &Document, topics: &Topics) -> LeadsSection {
    let lookup = crate::ast::PriorityLookup::new(doc);
    let mut by_priority: HashMap<&str, Vec<String>> = HashMap::new();
    let mut unattached = Vec::new();
    let all = doc
        .priorities
        .iter()
        .flat_map(|p| &p.leads)
        .chain(&doc.leads)
        .chain(doc.action_plans.iter().flat_map(|a| &a.leads));
    for lead in all {
        let words = crate::ast::lead_words(lead);
        match lead.priority.as_ref().and_then(|r| lookup.find(&r.name)) {
            Some(p) => {
                let list = by_priority.entry(p.id.value.as_str()).or_default();
                if !list.contains(&words) {
                    list.push(words);
                }
            }
            None => {
                if !unattached.contains(&words) {
                    unattached.push(words)
                }
            }
        }
    }
    let mut seen = HashSet::new();
    let priorities = doc
        .priorities
        .iter()
        .filter(|p| seen.insert(p.id.value.as_str()))
        .map(|p| {
            let leads = by_priority
                .get(p.id.value.as_str())
                .cloned()
                .unwrap_or_default();
            PriorityLeads {
                priority: topics.get(&p.id.value),
                status: if leads.is_empty() { "no-lead" } else { "led" },
                leads,
            }
        })
        .collect();
    LeadsSection {
        priorities,
        unattached,
    }
}

/// The leads section of the page.
pub(super) fn blocks(r: &DocumentReport, level: u8, page: &mut Page) {
    page.heading(level, "Leads".to_string());
    if r.leads.priorities.is_empty() {
        page.push(Block::Paragraph(
            "Not checked. The document has no priorities.".to_string(),
        ));
    } else {
        let gaps = r
            .leads
            .priorities
            .iter()
            .filter(|p| p.status == "no-lead")
            .count();
        page.push(Block::Paragraph(if gaps == 0 {
            "Every priority has a lead.".to_string()
        } else {
            format!(
                "{} no lead: nobody is named as responsible for delivering it.",
                plural(gaps, "priority has", "priorities have")
            )
        }));
        let mut t = Table::new("Priorities and their leads", &["Priority", "Leads"]);
        for p in &r.leads.priorities {
            t.row(vec![
                Cell::text(p.priority.title.clone()),
                if p.leads.is_empty() {
                    Cell::text("No lead named")
                } else {
                    Cell::lines(p.leads.clone())
                },
            ]);
        }
        page.push(Block::Table(t));
    }
    if !r.leads.unattached.is_empty() {
        page.push(Block::Paragraph(
            "Leads that name no priority of the document:".to_string(),
        ));
        page.push(Block::List(
            r.leads
                .unattached
                .iter()
                .map(|l| ListItem {
                    text: l.clone(),
                    depth: 0,
                })
                .collect(),
        ));
    }
}
