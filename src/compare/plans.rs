//! Police and Crime Plans (with their objectives as parts) and action plans (with
//! their aims as parts) as things to compare.

use super::leads::lead_text;
use super::things::{names, Thing};
use crate::ast::{Document, Spanned};

/// The Police and Crime Plans of `doc`, each with its objectives.
pub(super) fn plans(doc: &Document) -> Vec<Thing<'_>> {
    doc.plans
        .iter()
        .map(|p| {
            let period = p
                .period
                .as_ref()
                .map(|s| Spanned::new(format!("{} to {}", s.value.from, s.value.to), s.span));
            let mut thing = Thing::new(Some(&p.id.value), p.title.as_ref(), p.span.start.offset)
                .field("commissioner", p.commissioner.as_ref())
                .field("area", p.area.as_ref())
                .field("period", period.as_ref())
                .list("principles", p.principles.iter().map(|s| s.value.clone()));
            thing.items = p
                .objectives
                .iter()
                .map(|o| {
                    Thing::new(Some(&o.id.value), o.text.as_ref(), o.span.start.offset)
                        .field("group", o.group.as_ref())
                        .field("not-adopted", o.not_adopted.as_ref())
                })
                .collect();
            thing
        })
        .collect()
}

/// The action plans of `doc`, each with its aims.
pub(super) fn action_plans(doc: &Document) -> Vec<Thing<'_>> {
    doc.action_plans
        .iter()
        .map(|a| {
            let mut thing = Thing::new(
                Some(&a.priority.name),
                a.title.as_ref(),
                a.span.start.offset,
            )
            .list("leads", a.leads.iter().map(lead_text));
            thing.items = a
                .aims
                .iter()
                .map(|aim| {
                    Thing::new(
                        Some(&aim.number.value),
                        aim.text.as_ref(),
                        aim.span.start.offset,
                    )
                    .list("actions", aim.actions.iter().map(|s| s.value.clone()))
                    .list("themes", names(&aim.themes))
                })
                .collect();
            thing
        })
        .collect()
}
