//! Looking up a document's priorities and leads as its readers refer to them: a
//! priority by id or by title, and each lead with the priority it leads. Every output
//! (publish, report, compare) reads leads this one way.

use std::collections::HashMap;

use super::{Document, Lead, Priority};
use crate::text::matching;

/// Every lead of the document with the priority it leads (resolved by id, or by
/// title as tables often give it), in document order: the priorities' own leads,
/// the leads tables, then the action plans'.
pub fn leads_of(doc: &Document) -> Vec<(Option<String>, &Lead)> {
    let lookup = PriorityLookup::new(doc);
    doc.priorities
        .iter()
        .flat_map(|p| &p.leads)
        .chain(&doc.leads)
        .chain(doc.action_plans.iter().flat_map(|a| &a.leads))
        .map(|lead| {
            let priority = lead.priority.as_ref().map(|r| match lookup.find(&r.name) {
                Some(p) => title_of(p),
                None => r.name.clone(),
            });
            (priority, lead)
        })
        .collect()
}

/// Finds priorities by id, or by title.
pub struct PriorityLookup<'a> {
    by_id: HashMap<&'a str, &'a Priority>,
    by_words: HashMap<Vec<String>, &'a Priority>,
}

impl<'a> PriorityLookup<'a> {
    /// The lookup for `doc`'s priorities (the first of a duplicated id wins).
    pub fn new(doc: &'a Document) -> Self {
        let mut by_id = HashMap::new();
        let mut by_words = HashMap::new();
        for p in &doc.priorities {
            by_id.entry(p.id.value.as_str()).or_insert(p);
            if let Some(t) = &p.title {
                by_words.entry(matching::words(&t.value)).or_insert(p);
            }
        }
        Self { by_id, by_words }
    }

    /// The priority `name` refers to.
    pub fn find(&self, name: &str) -> Option<&'a Priority> {
        self.by_id
            .get(name)
            .or_else(|| self.by_words.get(&matching::words(name)))
            .copied()
    }
}

/// A priority's title, or its id when it has none.
pub fn title_of(p: &Priority) -> String {
    p.title
        .as_ref()
        .map_or_else(|| p.id.value.clone(), |t| t.value.clone())
}

/// A lead as one line: `role, organisation`.
pub fn lead_words(lead: &Lead) -> String {
    match &lead.organisation {
        Some(o) => format!("{}, {}", lead.role.value, o.value),
        None => lead.role.value.clone(),
    }
}
