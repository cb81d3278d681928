//! Leads compared: a role and organisation, paired by their words, with the priority
//! each leads. A lead who now leads another priority is changed, not removed and
//! added.

use std::collections::HashMap;

use super::{Change, ChangeKind, FieldChange, Side};
use crate::ast::{Document, Lead};
use crate::text::matching;

/// A lead as written: `role, organisation`.
pub(super) fn lead_text(lead: &Lead) -> String {
    match &lead.organisation {
        Some(o) => format!("{}, {}", lead.role.value, o.value),
        None => lead.role.value.clone(),
    }
}

/// Every lead of a document with the id of the priority it leads (resolved by id
/// or title, as [`crate::ast::leads_of`] resolves them), in document order.
fn leads_of(doc: &Document) -> Vec<(Option<String>, &Lead)> {
    let lookup = crate::ast::PriorityLookup::new(doc);
    let mut out: Vec<(Option<String>, &Lead)> = doc
        .priorities
        .iter()
        .flat_map(|p| &p.leads)
        .chain(&doc.leads)
        .chain(doc.action_plans.iter().flat_map(|a| &a.leads))
        .map(|lead| {
            let priority = lead.priority.as_ref().map(|r| match lookup.find(&r.name) {
                Some(p) => p.id.value.clone(),
                None => r.name.clone(),
            });
            (priority, lead)
        })
        .collect();
    out.sort_by_key(|(_, lead)| lead.span.start.offset);
    out
}

/// Leads compared as role and organisation, with the priority each leads: a lead
/// who now leads another priority (or one, after none) is `changed`.
pub(super) fn leads(old: &Side, new: &Side, renamed: &HashMap<String, String>) -> Vec<Change> {
    let key = |lead: &Lead| matching::words(&lead_text(lead)).join(" ");
    // Priority titles by id, looked up once per lead.
    let titles = |doc: &Document| -> HashMap<String, String> {
        let mut out = HashMap::new();
        for p in &doc.priorities {
            out.entry(p.id.value.clone()).or_insert_with(|| {
                p.title.as_ref().map_or(p.id.value.clone(), |t| {
                    format!("{} {}", p.id.value, t.value)
                })
            });
        }
        out
    };
    let (old_titles, new_titles) = (titles(old.doc), titles(new.doc));
    let title_of = |titles: &HashMap<String, String>, id: &Option<String>| -> Option<String> {
        let id = id.as_ref()?;
        Some(titles.get(id).cloned().unwrap_or_else(|| id.clone()))
    };
    let before: Vec<(Option<String>, &Lead)> = leads_of(old.doc)
        .into_iter()
        .map(|(p, l)| (p.map(|p| renamed.get(&p).cloned().unwrap_or(p)), l))
        .collect();
    let after = leads_of(new.doc);
    // Exact pairs (the same lead of the same priority) first, then the same lead
    // of another priority.
    let mut exact: HashMap<(String, Option<String>), Vec<usize>> = HashMap::new();
    for (i, (p, l)) in before.iter().enumerate().rev() {
        exact.entry((key(l), p.clone())).or_default().push(i);
    }
    let mut taken = vec![false; before.len()];
    let mut left = Vec::new();
    for (j, (p, l)) in after.iter().enumerate() {
        match exact.get_mut(&(key(l), p.clone())).and_then(Vec::pop) {
            Some(i) => taken[i] = true,
            None => left.push(j),
        }
    }
    let mut by_lead: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, (_, l)) in before.iter().enumerate().rev() {
        if !taken[i] {
            by_lead.entry(key(l)).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    let old_priority_title = |p: &Option<String>| {
        // Old ids were mapped to the new ones: name them as the new version does,
        // falling back to the old version's title.
        p.as_ref().map(|id| {
            new_titles
                .get(id)
                .or_else(|| old_titles.get(id))
                .cloned()
                .unwrap_or_else(|| id.clone())
        })
    };
    for j in left {
        let (p, l) = &after[j];
        let text = lead_text(l);
        let chapter = new.chapter_label(l.span.start.offset);
        match by_lead.get_mut(&key(l)).and_then(Vec::pop) {
            Some(i) => {
                taken[i] = true;
                let none = || "(no priority)".to_string();
                out.push(Change {
                    change: ChangeKind::Changed,
                    old_id: None,
                    new_id: None,
                    old_title: Some(lead_text(before[i].1)),
                    new_title: Some(text),
                    fields: vec![FieldChange {
                        field: "priority".to_string(),
                        list: false,
                        removed: vec![old_priority_title(&before[i].0).unwrap_or_else(none)],
                        added: vec![title_of(&new_titles, p).unwrap_or_else(none)],
                    }],
                    items: Vec::new(),
                    chapter,
                });
            }
            None => out.push(Change {
                change: ChangeKind::Added,
                old_id: None,
                new_id: None,
                old_title: None,
                new_title: Some(text),
                fields: priority_field(title_of(&new_titles, p), false),
                items: Vec::new(),
                chapter,
            }),
        }
    }
    for (i, (p, l)) in before.iter().enumerate() {
        if !taken[i] {
            out.push(Change {
                change: ChangeKind::Removed,
                old_id: None,
                new_id: None,
                old_title: Some(lead_text(l)),
                new_title: None,
                fields: priority_field(old_priority_title(p), true),
                items: Vec::new(),
                chapter: old.chapter_label(l.span.start.offset),
            });
        }
    }
    out
}

/// The priority a lead added or removed leads, as a field.
fn priority_field(priority: Option<String>, removed: bool) -> Vec<FieldChange> {
    let Some(priority) = priority else {
        return Vec::new();
    };
    let value = vec![priority];
    vec![FieldChange {
        field: "priority".to_string(),
        list: false,
        removed: if removed { value.clone() } else { Vec::new() },
        added: if removed { Vec::new() } else { value },
    }]
}
