//! What changed between two versions of a document, structurally: the header,
//! priorities, themes, leads, authorities and bodies, the Police and Crime Plans and
//! their objectives, and the action plans and their aims; and the prose, summarised
//! chapter by chapter. `csa diff` prints it, and the `version-row-incomplete` rule
//! checks the newest `@version` row against it.
//!
//! Things are paired by id first; what is left on each side is paired by the same
//! title, then by alike titles ([`pairing`]), as an id often changes when a priority
//! is renamed ("SOC" became "SVOC" when Serious and Organised Crime became Serious
//! Violence and Organised Crime). What is still left was added or removed. Every
//! step is linear in the size of the documents.
//!
//! Each kind of thing has a file: `priorities` (and themes), `leads`, `authorities`
//! (and other bodies), `plans` (and action plans), and `fields` (and the header);
//! `things` pairs and compares any of them, `chapter_changes` sums the changes up
//! by chapter, and `model` holds what the comparison says.

pub mod chapters;
pub mod display;
pub mod pairing;
mod row;

mod authorities;
mod chapter_changes;
mod fields;
mod leads;
mod model;
mod plans;
mod priorities;
mod things;

use std::collections::HashMap;

use crate::ast::Document;
use authorities::organisations;
use chapter_changes::chapter_changes;
use chapters::Chapters;
use fields::header;
use leads::leads;
use plans::{action_plans, plans};
use priorities::{priorities, themes};
use things::diff;

pub use model::{described, Change, ChangeKind, ChapterChange, Comparison, FieldChange, Previous};
pub use row::{draft_row, row_lines, RowLine};

/// One side of the comparison: a document and its chapters.
struct Side<'a> {
    doc: &'a Document,
    chapters: Chapters,
}

impl Side<'_> {
    fn chapter_label(&self, offset: usize) -> Option<String> {
        self.chapters
            .at(offset)
            .map(|i| self.chapters.list[i].label.clone())
    }
}

/// Compares the `old` and `new` versions of a document.
pub fn compare(old: &Document, new: &Document) -> Comparison {
    let old = Side {
        doc: old,
        chapters: Chapters::of(old),
    };
    let new = Side {
        doc: new,
        chapters: Chapters::of(new),
    };
    let priorities = diff(&old, &new, &priorities(old.doc), &priorities(new.doc));
    // Old priority ids as the new version calls them, so a lead of a renamed
    // priority is not taken for a lead that moved.
    let renamed: HashMap<String, String> = priorities
        .iter()
        .filter_map(|c| Some((c.old_id.clone()?, c.new_id.clone()?)))
        .collect();
    let mut out = Comparison {
        header: header(old.doc, new.doc),
        themes: diff(&old, &new, &themes(old.doc), &themes(new.doc)),
        leads: leads(&old, &new, &renamed),
        authorities: diff(
            &old,
            &new,
            &organisations(&old.doc.authorities),
            &organisations(&new.doc.authorities),
        ),
        bodies: diff(
            &old,
            &new,
            &organisations(&old.doc.bodies),
            &organisations(&new.doc.bodies),
        ),
        plans: diff(&old, &new, &plans(old.doc), &plans(new.doc)),
        action_plans: diff(&old, &new, &action_plans(old.doc), &action_plans(new.doc)),
        priorities,
        chapters: Vec::new(),
    };
    out.chapters = chapter_changes(&old, &new, &out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        crate::ast::parse(text).document
    }

    #[test]
    fn pairs_by_id_then_by_title() {
        let old = doc("@priority SOC: Serious and Organised Crime\n\n@priority ASB: Anti-Social Behaviour\n\n@priority AC: Acquisitive Crime\n");
        let new = doc("@priority SVOC: Serious Violence and Organised Crime\n\n@priority ASB: Anti-Social Behaviour and Neighbourhood Crime\n\n@priority VAWG: Violence Against Women and Girls\n");
        let changes = compare(&old, &new).priorities;
        let summary: Vec<(ChangeKind, Option<&str>, Option<&str>)> = changes
            .iter()
            .map(|c| (c.change, c.old_id.as_deref(), c.new_id.as_deref()))
            .collect();
        assert_eq!(
            summary,
            vec![
                (ChangeKind::Renamed, Some("SOC"), Some("SVOC")),
                (ChangeKind::Renamed, Some("ASB"), Some("ASB")),
                (ChangeKind::Added, None, Some("VAWG")),
                (ChangeKind::Removed, Some("AC"), None),
            ]
        );
    }

    #[test]
    fn the_same_document_has_no_changes() {
        let text = std::fs::read_to_string("examples/kent-2022.csa").unwrap();
        assert!(compare(&doc(&text), &doc(&text)).is_empty());
    }

    #[test]
    fn leads_added_removed_and_moved() {
        let old = doc("@priority DA: Domestic Abuse\n  lead: Head of Policing, Kent Police\n@leads\n  lead: Chair, DASV Group\n");
        let new = doc("@priority DA: Domestic Abuse\n  lead: Chief Superintendent, Kent Police\n@leads\n  lead DA: Chair, DASV Group\n");
        let changes = compare(&old, &new).leads;
        let summary: Vec<(ChangeKind, &str)> =
            changes.iter().map(|c| (c.change, c.title())).collect();
        assert_eq!(
            summary,
            [
                (ChangeKind::Added, "Chief Superintendent, Kent Police"),
                (ChangeKind::Changed, "Chair, DASV Group"),
                (ChangeKind::Removed, "Head of Policing, Kent Police"),
            ]
        );
        assert_eq!(changes[1].fields[0].removed, ["(no priority)"]);
        assert_eq!(changes[1].fields[0].added, ["DA Domestic Abuse"]);
    }

    #[test]
    fn a_renamed_priority_keeps_its_leads() {
        let old =
            doc("@priority SOC: Serious and Organised Crime\n  lead: Head of Crime, Kent Police\n");
        let new = doc("@priority SVOC: Serious Violence and Organised Crime\n  lead: Head of Crime, Kent Police\n");
        let cmp = compare(&old, &new);
        assert!(cmp.leads.is_empty(), "{:?}", cmp.leads);
        assert_eq!(cmp.priorities.len(), 1);
    }

    #[test]
    fn fields_and_parts_changed() {
        let old = doc("@plan P: Plan\n  period: 2021-04-01 to 2025-03-31\n  objective P1: Keep people safe\n  objective P2: Cut crime\n");
        let new = doc("@plan P: Plan\n  period: 2022-04-01 to 2025-03-31\n  objective P1: Keep people safe\n    not-adopted: a matter for the Commissioner\n  objective P3: Cut crime in towns\n");
        let cmp = compare(&old, &new);
        let plan = &cmp.plans[0];
        assert_eq!(plan.change, ChangeKind::Changed);
        assert_eq!(plan.fields[0].field, "period");
        let items: Vec<(ChangeKind, &str)> =
            plan.items.iter().map(|c| (c.change, c.id())).collect();
        assert_eq!(
            items,
            [(ChangeKind::Changed, "P1"), (ChangeKind::Renamed, "P3")]
        );
        assert_eq!(cmp.objectives().count(), 2);
    }

    #[test]
    fn chapters_count_paragraphs_and_parts() {
        let old =
            doc("# 1. Introduction\n\nOne.\n\n# 2. Priorities\n\n@priority DA: Domestic Abuse\n");
        let new = doc("# 1. Introduction\n\nOne.\n\nTwo more words.\n\n# 2. Priorities\n\n@priority DA: Domestic Abuse\n@priority RS: Road Safety\n\n# 3. Partners\n\nThe police.\n");
        let cmp = compare(&old, &new);
        let chapters: Vec<(ChangeKind, &str, usize, &[String])> = cmp
            .chapters
            .iter()
            .map(|c| {
                (
                    c.change,
                    c.label.as_str(),
                    c.paragraphs_added,
                    c.parts.as_slice(),
                )
            })
            .collect();
        assert_eq!(
            chapters,
            [
                (ChangeKind::Changed, "Ch.1", 1, &[][..]),
                (
                    ChangeKind::Changed,
                    "Ch.2",
                    0,
                    &["priorities".to_string()][..]
                ),
                (ChangeKind::Added, "Ch.3", 1, &[][..]),
            ]
        );
        let row = draft_row(&cmp, &new);
        assert!(
            row.contains("  - Ch.2 - changes made to priorities\n"),
            "{row}"
        );
        assert!(row.contains("  - Ch.3 - new chapter: Partners\n"), "{row}");
    }
}
