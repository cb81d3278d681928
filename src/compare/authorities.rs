//! Responsible authorities and other bodies as things to compare: their names, kinds
//! and notes.

use super::things::Thing;

/// The authorities (or other bodies) of a document.
pub(super) fn organisations(list: &[crate::ast::Organisation]) -> Vec<Thing<'_>> {
    list.iter()
        .map(|o| {
            Thing::new(Some(&o.id.value), o.name.as_ref(), o.span.start.offset)
                .field("kind", o.kind.as_ref())
                .field("note", o.note.as_ref())
        })
        .collect()
}
