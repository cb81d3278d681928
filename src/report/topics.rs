//! Priorities and themes by id, so that every section names them the same way.

use std::collections::HashMap;

use super::TopicRef;
use crate::ast::Document;

/// Priorities and themes by id, for naming them.
pub(super) struct Topics<'a> {
    by_id: HashMap<&'a str, TopicRef>,
}

impl<'a> Topics<'a> {
    pub(super) fn new(doc: &'a Document) -> Self {
        let mut by_id = HashMap::new();
        for p in &doc.priorities {
            by_id
                .entry(p.id.value.as_str())
                .or_insert_with(|| TopicRef {
                    kind: "priority",
                    id: p.id.value.clone(),
                    title: crate::ast::title_of(p),
                });
        }
        for t in &doc.themes {
            by_id
                .entry(t.id.value.as_str())
                .or_insert_with(|| TopicRef {
                    kind: "theme",
                    id: t.id.value.clone(),
                    title: t
                        .title
                        .as_ref()
                        .map_or(t.id.value.clone(), |t| t.value.clone()),
                });
        }
        Self { by_id }
    }

    pub(super) fn get(&self, id: &str) -> TopicRef {
        self.by_id.get(id).cloned().unwrap_or_else(|| TopicRef {
            kind: "priority",
            id: id.to_string(),
            title: id.to_string(),
        })
    }
}
