//! Priorities and cross-cutting themes as things to compare: their titles, what they
//! include, and what they address and support.

use super::things::{names, Thing};
use crate::ast::Document;

/// The priorities of `doc`.
pub(super) fn priorities(doc: &Document) -> Vec<Thing<'_>> {
    doc.priorities
        .iter()
        .map(|p| {
            Thing::new(Some(&p.id.value), p.title.as_ref(), p.span.start.offset)
                .field("includes", p.includes.as_ref())
                .list("addresses", names(&p.addresses))
                .list("supports", names(&p.supports))
                .field("note", p.note.as_ref())
        })
        .collect()
}

/// The cross-cutting themes of `doc`.
pub(super) fn themes(doc: &Document) -> Vec<Thing<'_>> {
    doc.themes
        .iter()
        .map(|t| {
            Thing::new(Some(&t.id.value), t.title.as_ref(), t.span.start.offset)
                .field("includes", t.includes.as_ref())
                .list("addresses", names(&t.addresses))
                .list("supports", names(&t.supports))
                .field("note", t.note.as_ref())
        })
        .collect()
}
