//! Findings: every finding of the check, in plain words with how to put it right,
//! grouped by the priority or theme it falls in.

use std::collections::HashMap;

use super::page::Page;
use super::topics::Topics;
use super::{DocumentReport, FindingGroup, FindingRow};
use crate::ast::Document;
use crate::diagnostics::{Diagnostic, Severity};
use crate::publish::{self, Block, Cell, Table};
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

/// The findings section of the page.
pub(super) fn blocks(r: &DocumentReport, page: &mut Page) {
    page.heading(2, "Findings".to_string());
    if r.findings.is_empty() {
        page.push(Block::Paragraph("csa found nothing to report.".to_string()));
    }
    for g in &r.findings {
        let title = match &g.topic {
            Some(t) if t.kind == "theme" => format!("Cross-cutting theme: {}", t.title),
            Some(t) => format!("Priority: {}", t.title),
            None => "The document as a whole".to_string(),
        };
        page.heading(3, title.clone());
        let mut t = Table::new(
            format!("Findings: {title}"),
            &[
                "What is wrong",
                "Severity",
                "Line",
                "How to put it right",
                "Rule",
            ],
        );
        for f in &g.findings {
            let mut fix = vec![publish::capitalise(&f.fix)];
            if let Some(basis) = &f.legal_basis {
                fix.push(format!("Legal basis: {basis}"));
            }
            t.row(vec![
                Cell::text(publish::capitalise(&f.message)),
                Cell::text(severity_word(f.severity)),
                Cell::text(f.line.to_string()),
                Cell::lines(fix),
                Cell::text(format!("{} {}", f.code, f.name)),
            ]);
        }
        page.push(Block::Table(t));
    }
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Info => "Information",
        Severity::Hint => "Hint",
    }
}
