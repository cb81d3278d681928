//! Fields compared value by value (a single value, or a list compared item by item),
//! and the `@agreement` header, which is fields alone.

use std::collections::BTreeSet;

use super::things::Thing;
use super::FieldChange;
use crate::ast::{Document, Spanned};
use crate::text::matching;

/// The fields of `new` whose values differ from those of `old`.
pub(super) fn field_changes(old: &Thing, new: &Thing) -> Vec<FieldChange> {
    let mut out = Vec::new();
    for (name, list, after) in &new.fields {
        let before = old
            .fields
            .iter()
            .find(|(n, _, _)| n == name)
            .map(|(_, _, v)| v.as_slice())
            .unwrap_or_default();
        let (removed, added) = if *list {
            let norm = |v: &String| matching::words(v);
            let before_set: BTreeSet<Vec<String>> = before.iter().map(norm).collect();
            let after_set: BTreeSet<Vec<String>> = after.iter().map(norm).collect();
            (
                before
                    .iter()
                    .filter(|v| !after_set.contains(&norm(v)))
                    .cloned()
                    .collect::<Vec<_>>(),
                after
                    .iter()
                    .filter(|v| !before_set.contains(&norm(v)))
                    .cloned()
                    .collect::<Vec<_>>(),
            )
        } else {
            let same = before.len() == after.len()
                && before
                    .iter()
                    .zip(after)
                    .all(|(a, b)| normalise(a) == normalise(b));
            if same {
                (Vec::new(), Vec::new())
            } else {
                (before.to_vec(), after.clone())
            }
        };
        if !removed.is_empty() || !added.is_empty() {
            out.push(FieldChange {
                field: name.to_string(),
                list: *list,
                removed,
                added,
            });
        }
    }
    out
}

/// Text with its spacing normalised, for comparing values.
pub(super) fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The fields of the `@agreement` header that changed.
pub(super) fn header(old: &Document, new: &Document) -> Vec<FieldChange> {
    let side = |doc: &Document| -> Thing<'static> {
        let mut thing = Thing::new(None, None, 0);
        if let Some(a) = &doc.agreement {
            let date = |d: &Option<Spanned<crate::ast::Date>>| {
                d.as_ref()
                    .map(|d| Spanned::new(d.value.to_string(), d.span))
            };
            thing = thing
                .field("title", a.title.as_ref())
                .field("kind", a.kind.as_ref())
                .field("area", a.area.as_ref())
                .list("excludes", a.excludes.iter().map(|e| e.value.clone()))
                .field("partnership", a.partnership.as_ref())
                .field("version", a.version.as_ref())
                .field("effective", date(&a.effective).as_ref())
                .field("review", a.review.as_ref())
                .field("status", a.status.as_ref());
        }
        thing
    };
    field_changes(&side(old), &side(new))
}
