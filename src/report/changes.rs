//! What changed since the previous version, when one was given: the priorities,
//! themes, leads and objectives added, removed, renamed or changed.

use super::page::{date_words, Page};
use super::{Changes, DocumentReport};
use crate::ast::Document;
use crate::compare::{self, Previous};
use crate::publish::{self, Block, Cell, Table};

/// The changes from `previous` to `doc`.
pub(super) fn section(previous: &Previous, doc: &Document) -> Changes {
    let (path, old) = (previous.path.as_str(), &previous.document);
    Changes {
        previous: path.to_string(),
        previous_title: publish::document_title(old, path),
        previous_version: old
            .agreement
            .as_ref()
            .and_then(|a| a.version.as_ref())
            .map(|v| v.value.clone()),
        previous_effective: old
            .agreement
            .as_ref()
            .and_then(|a| a.effective.as_ref())
            .map(|d| d.value.to_string()),
        comparison: compare::compare(old, doc),
    }
}

/// The section on what changed, when a previous version was given.
pub(super) fn blocks(r: &DocumentReport, page: &mut Page) {
    let Some(ch) = &r.changes else {
        return;
    };
    page.heading(2, "What changed since the previous version".to_string());
    let mut was = vec![format!("*{}*", ch.previous_title)];
    if let Some(v) = &ch.previous_version {
        was.push(format!("version {v}"));
    }
    if let Some(e) = &ch.previous_effective {
        was.push(format!("effective from {}", date_words(e)));
    }
    let was = was.join(", ");
    if ch.comparison.is_empty() {
        page.push(Block::Paragraph(format!(
            "No priority, theme, lead or objective changed since {was} (`{}`).",
            ch.previous
        )));
    } else {
        page.push(Block::Paragraph(format!(
                "Compared with {was} (`{}`): priorities, themes, leads and Police and Crime Plan objectives added, removed, renamed or changed.",
                ch.previous
            )));
        let mut t = Table::new("Changes", &["What", "Change", "Now", "Before"]);
        let objectives: Vec<compare::Change> = ch.comparison.objectives().cloned().collect();
        for (what, list) in [
            ("Priority", &ch.comparison.priorities),
            ("Cross-cutting theme", &ch.comparison.themes),
            ("Lead", &ch.comparison.leads),
            ("Objective", &objectives),
        ] {
            for c in list {
                let change = match c.change {
                    compare::ChangeKind::Added => "Added",
                    compare::ChangeKind::Removed => "Removed",
                    compare::ChangeKind::Renamed => "Renamed",
                    compare::ChangeKind::Changed => "Changed",
                };
                t.row(vec![
                    Cell::text(what),
                    Cell::text(change),
                    Cell::text(
                        c.new_title
                            .as_ref()
                            .map_or(String::new(), |t| compare::described(t, &c.fields, true)),
                    ),
                    Cell::text(
                        c.old_title
                            .as_ref()
                            .map_or(String::new(), |t| compare::described(t, &c.fields, false)),
                    ),
                ]);
            }
        }
        page.push(Block::Table(t));
    }
}
