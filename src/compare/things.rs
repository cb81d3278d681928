//! The things of one version (a priority, a plan, an objective, ...) made alike to
//! pair and compare, and the comparison of two lists of them: each thing's fields
//! ([`super::fields`]) and parts, and what was added, removed, renamed or changed.

use super::fields::field_changes;
use super::pairing::{self, Key, RENAME_THRESHOLD};
use super::{Change, ChangeKind, Side};
use crate::ast::Spanned;
use crate::text::matching;

/// A thing of one version, ready to pair and compare.
pub(super) struct Thing<'a> {
    pub(super) id: Option<&'a str>,
    pub(super) title: String,
    /// `(field, is a list, values)`, compared value by value.
    pub(super) fields: Vec<(&'static str, bool, Vec<String>)>,
    pub(super) items: Vec<Thing<'a>>,
    pub(super) offset: usize,
}

impl<'a> Thing<'a> {
    pub(super) fn new(id: Option<&'a str>, title: Option<&Spanned<String>>, offset: usize) -> Self {
        Self {
            id,
            title: title.map(|t| t.value.clone()).unwrap_or_default(),
            fields: Vec::new(),
            items: Vec::new(),
            offset,
        }
    }

    pub(super) fn field(mut self, name: &'static str, value: Option<&Spanned<String>>) -> Self {
        self.fields.push((
            name,
            false,
            value.map(|v| v.value.clone()).into_iter().collect(),
        ));
        self
    }

    pub(super) fn list(
        mut self,
        name: &'static str,
        values: impl IntoIterator<Item = String>,
    ) -> Self {
        let mut values: Vec<String> = values.into_iter().collect();
        let mut seen = std::collections::HashSet::new();
        values.retain(|v| seen.insert(v.clone()));
        self.fields.push((name, true, values));
        self
    }
}

/// Compares two lists of things: pairs them, and lists what was added, removed,
/// renamed or changed (unchanged pairs are left out).
pub(super) fn diff(old: &Side, new: &Side, before: &[Thing], after: &[Thing]) -> Vec<Change> {
    diff_things(
        before,
        after,
        &|offset| new.chapter_label(offset),
        &|offset| old.chapter_label(offset),
    )
}

fn diff_things(
    before: &[Thing],
    after: &[Thing],
    new_chapter: &dyn Fn(usize) -> Option<String>,
    old_chapter: &dyn Fn(usize) -> Option<String>,
) -> Vec<Change> {
    let pairs = pairing::pair(&thing_keys(before), &thing_keys(after), RENAME_THRESHOLD);
    let mut out = Vec::new();
    for (j, thing) in after.iter().enumerate() {
        match pairs[j] {
            None => out.push(whole(ChangeKind::Added, thing, new_chapter(thing.offset))),
            Some(i) => {
                let was = &before[i];
                let fields = field_changes(was, thing);
                let items = diff_things(&was.items, &thing.items, &|_| None, &|_| None);
                let renamed = was.id != thing.id
                    || matching::words(&was.title) != matching::words(&thing.title);
                if !renamed && fields.is_empty() && items.is_empty() {
                    continue;
                }
                out.push(Change {
                    change: if renamed {
                        ChangeKind::Renamed
                    } else {
                        ChangeKind::Changed
                    },
                    old_id: was.id.map(str::to_string),
                    new_id: thing.id.map(str::to_string),
                    old_title: Some(was.title.clone()),
                    new_title: Some(thing.title.clone()),
                    fields,
                    items,
                    chapter: new_chapter(thing.offset),
                });
            }
        }
    }
    for i in pairing::unpaired(before.len(), &pairs) {
        let thing = &before[i];
        out.push(whole(ChangeKind::Removed, thing, old_chapter(thing.offset)));
    }
    out
}

fn thing_keys<'b>(things: &'b [Thing]) -> Vec<Key<'b>> {
    things
        .iter()
        .map(|t| Key {
            id: t.id,
            alt: None,
            title: &t.title,
        })
        .collect()
}

/// A thing added or removed as a whole, with all its parts.
fn whole(change: ChangeKind, thing: &Thing, chapter: Option<String>) -> Change {
    let id = thing.id.map(str::to_string);
    let title = Some(thing.title.clone());
    let added = change == ChangeKind::Added;
    Change {
        change,
        old_id: if added { None } else { id.clone() },
        new_id: if added { id } else { None },
        old_title: if added { None } else { title.clone() },
        new_title: if added { title } else { None },
        fields: Vec::new(),
        items: thing
            .items
            .iter()
            .map(|item| whole(change, item, None))
            .collect(),
        chapter,
    }
}

/// The names of references (`supports:`, `themes:`), as the values of a list field.
pub(super) fn names(refs: &[crate::ast::Reference]) -> impl Iterator<Item = String> + '_ {
    refs.iter().map(|r| r.name.clone())
}
