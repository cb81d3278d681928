//! Findings: every finding of the check, in plain words with how to put it right,
//! grouped by the priority or theme it falls in.

use std::collections::HashMap;

use super::page::Page;
use super::topics::Topics;
use super::words::{committee, dates_in_words, decision, severity_words};
use super::{DocumentReport, FindingGroup, FindingRow};
use crate::ast::Document;
use crate::diagnostics::Diagnostic;
use crate::publish::{capitalise, Block, Cell, Table};
use crate::rules::Registry;
use crate::text::LineIndex;

/// The findings, grouped: the document as a whole first, then each priority and
/// theme in document order.
pub(super) fn section(
    doc: &Document,
    registry: &Registry,
    index: &LineIndex,
    topics: &Topics,
    diagnostics: &[Diagnostic],
) -> Vec<FindingGroup> {
    // Where each priority and theme is, and the action plans by the priority they
    // belong to, sorted by start: a finding belongs to the block it falls in.
    let lookup = crate::ast::PriorityLookup::new(doc);
    let mut places: Vec<(usize, usize, String)> = doc
        .priorities
        .iter()
        .map(|p| (p.span.start.offset, p.span.end.offset, p.id.value.clone()))
        .chain(
            doc.themes
                .iter()
                .map(|t| (t.span.start.offset, t.span.end.offset, t.id.value.clone())),
        )
        .chain(doc.action_plans.iter().filter_map(|a| {
            lookup
                .find(&a.priority.name)
                .map(|p| (a.span.start.offset, a.span.end.offset, p.id.value.clone()))
        }))
        .collect();
    places.sort();
    let mut groups: Vec<FindingGroup> = Vec::new();
    let mut group_of: HashMap<Option<String>, usize> = HashMap::new();
    for d in diagnostics {
        let at = d.span.start.offset;
        let i = places.partition_point(|(start, _, _)| *start <= at);
        let topic = i
            .checked_sub(1)
            .map(|i| &places[i])
            .filter(|(_, end, _)| at < *end)
            .map(|(_, _, id)| id.clone());
        let g = *group_of.entry(topic.clone()).or_insert_with(|| {
            groups.push(FindingGroup {
                topic: topic.as_deref().map(|id| topics.get(id)),
                findings: Vec::new(),
            });
            groups.len() - 1
        });
        let rule = registry.find(&d.code);
        let brief = rule.map(crate::rules::explain::brief);
        let fix = d
            .help
            .clone()
            .or_else(|| brief.as_ref().map(|b| b.fix.clone()))
            .unwrap_or_else(|| "Correct the line as the message says.".to_string());
        groups[g].findings.push(FindingRow {
            code: d.code.clone(),
            name: d.name.clone(),
            severity: d.severity,
            line: index.line_of(at) + 1,
            summary: brief.as_ref().map(|b| b.summary.clone()),
            message: d.message.clone(),
            fix,
            why: brief.map(|b| b.why),
            legal_basis: d.legal_basis.clone(),
        });
    }
    // The document as a whole first, then priorities and themes in document order.
    let order: HashMap<String, usize> = doc
        .priorities
        .iter()
        .map(|p| &p.id.value)
        .chain(doc.themes.iter().map(|t| &t.id.value))
        .enumerate()
        .map(|(i, id)| (id.clone(), i))
        .collect();
    groups.sort_by_key(|g| {
        g.topic.as_ref().map_or(0, |t| {
            1 + order.get(&t.id).copied().unwrap_or(usize::MAX - 1)
        })
    });
    groups
}

/// The findings of one kind (one rule), with the priorities and themes they fall in.
struct Kind<'a> {
    rows: Vec<&'a FindingRow>,
}

/// The findings section of the page, in the committee's words: one row per kind of
/// finding (seven objectives no priority supports are one row naming the seven),
/// the most serious first, each with what the partnership should decide. Lines,
/// codes and `.csa` edits are in the officer's appendix.
pub(super) fn blocks(r: &DocumentReport, level: u8, page: &mut Page) {
    page.heading(level, "Findings".to_string());
    let rows: Vec<&FindingRow> = r.findings.iter().flat_map(|g| &g.findings).collect();
    if rows.is_empty() {
        page.push(Block::Paragraph("Nothing was found to report.".to_string()));
        return;
    }
    let mut kinds: Vec<Kind> = Vec::new();
    for f in &rows {
        match kinds.iter_mut().find(|k| k.rows[0].code == f.code) {
            Some(k) => k.rows.push(f),
            None => kinds.push(Kind { rows: vec![f] }),
        }
    }
    kinds.sort_by_key(|k| std::cmp::Reverse(k.rows[0].severity));
    page.push(Block::Paragraph(
        "Each row is one kind of finding, the most serious first. *Errors* must be put right; *warnings* are weaknesses a committee would question; *notes* are for information and *hints* are suggestions, neither of them a fault. The edits to the agreement's file, with their lines, are in the appendix for the officer who keeps it.".to_string(),
    ));
    let mut t = Table::new(
        "Findings, one row for each kind",
        &[
            "What is wrong",
            "How serious",
            "What the partnership should decide",
        ],
    );
    for k in &kinds {
        let first = k.rows[0];
        let what = match k.rows.as_slice() {
            [one] => vec![capitalise(&committee(&one.message, &r.names))],
            many => {
                let head = committee(first.summary.as_deref().unwrap_or(&first.message), &r.names);
                let mut lines = vec![format!(
                    "{} ({} findings):",
                    head.trim_end_matches('.'),
                    many.len()
                )];
                lines.extend(
                    many.iter()
                        .map(|f| capitalise(&committee(&f.message, &r.names))),
                );
                lines
            }
        };
        let mut decide = vec![decision(&first.name).to_string()];
        if let Some(basis) = &first.legal_basis {
            decide.push(format!("The law: {}", dates_in_words(basis)));
        }
        t.row(vec![
            Cell::lines(what),
            Cell::text(severity_words(first.severity)),
            Cell::lines(decide),
        ]);
    }
    // What is wrong is read as text, not as a heading of its row.
    t.row_headers = false;
    page.push(Block::Table(t));
}
