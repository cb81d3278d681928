//! Decisions: the findings the partnership chose to accept (`csa-ignore` comments),
//! with the reason it recorded and the findings each one silences.

use super::page::Page;
use super::words::committee;
use super::{Decision, DocumentReport, Input};
use crate::ast::{Document, SuppressionScope};
use crate::publish::{Block, Cell, Table};
use crate::text::LineIndex;

/// Every suppression, with the findings it accepts (as the check took them out).
pub(super) fn section(doc: &Document, input: &Input, index: &LineIndex) -> Vec<Decision> {
    if doc.suppressions.is_empty() {
        return Vec::new();
    }
    let mut accepts: Vec<Vec<String>> = vec![Vec::new(); doc.suppressions.len()];
    for a in &input.checked.accepted {
        let d = &a.diagnostic;
        if let Some(i) = doc
            .suppressions
            .iter()
            .position(|s| s.span == a.accepted_at)
        {
            accepts[i].push(format!("{} ({}): {}", d.code, d.name, d.message));
        }
    }
    doc.suppressions
        .iter()
        .zip(accepts)
        .map(|(s, accepts)| Decision {
            line: index.line_of(s.span.start.offset) + 1,
            rules: s.codes.iter().map(|c| c.value.clone()).collect(),
            reason: s.reason.as_ref().map(|r| r.value.clone()),
            scope: match s.scope {
                SuppressionScope::Next => "next",
                SuppressionScope::File => "file",
            },
            accepts,
        })
        .collect()
}

/// The decisions section of the page, in the committee's words (the lines and
/// codes are in the officer's appendix).
pub(super) fn blocks(r: &DocumentReport, level: u8, page: &mut Page) {
    page.heading(level, "Findings the partnership accepted".to_string());
    if r.decisions.is_empty() {
        page.push(Block::Paragraph(
            "The agreement accepts no finding: every finding is reported below.".to_string(),
        ));
        return;
    }
    page.push(Block::Paragraph("Findings the partnership chose to accept, with the reason it recorded. They are not counted in the status above.".to_string()));
    let mut t = Table::new("Accepted findings", &["Reason recorded", "What it accepts"]);
    for d in &r.decisions {
        t.row(vec![
            Cell::text(
                d.reason
                    .clone()
                    .unwrap_or_else(|| "No reason recorded".to_string()),
            ),
            if d.accepts.is_empty() {
                Cell::text("Nothing: no finding was there to accept")
            } else {
                Cell::lines(d.accepts.iter().map(|a| {
                    let message = a.split_once("): ").map_or(a.as_str(), |(_, m)| m);
                    crate::publish::capitalise(&committee(message, &r.names))
                }))
            },
        ]);
    }
    page.push(Block::Table(t));
}
