//! The statutory checklist section: the requirements of the law that apply to this
//! kind of document on its effective date (from rules/statutory.toml), and which of
//! them the document does not show, by the findings of the rules that check each.

use super::model::{ChecklistRow, ChecklistSection, DocumentReport};
use super::page::{plural, Page};
use crate::ast::{Date, Document};
use crate::diagnostics::{Diagnostic, Severity};
use crate::knowledge::statutory::{Check, Checklist};
use crate::publish::{Block, Cell, Table};
use crate::rules::Registry;

/// Whether a finding says a requirement is not shown: a hint is a suggestion, and a
/// finding about a change later in the document's life (a new plan, a body
/// replaced, a duty coming into force) is not a requirement unmet when it took
/// effect.
fn unmet(d: &Diagnostic, registry: &Registry) -> bool {
    d.severity > Severity::Hint
        && registry
            .rules
            .iter()
            .find(|r| r.code == d.code)
            .is_none_or(|r| !(r.kind.ends_with("-life") || r.kind == "upcoming-coverage"))
}

/// The section for `doc`, given every finding about it.
pub(super) fn section(
    doc: &Document,
    registry: &Registry,
    diagnostics: &[Diagnostic],
) -> ChecklistSection {
    let list = Checklist::bundled();
    let header = doc.agreement.as_ref();
    let kind = header
        .and_then(|a| a.kind.as_ref())
        .map(|k| k.value.as_str());
    let effective: Option<Date> = header.and_then(|a| a.effective.as_ref()).map(|e| e.value);
    let mut out = ChecklistSection::default();
    for r in &list.requirements {
        let applies = kind.is_none_or(|k| r.applies_to_kind(k))
            && match (r.from, effective) {
                (Some(from), Some(e)) => from.0.first_day() <= e.first_day(),
                _ => true,
            };
        if !applies {
            continue;
        }
        if !r.checkable {
            out.not_checkable += 1;
            continue;
        }
        match r.check.unwrap_or(Check::None) {
            Check::None => {
                out.unchecked += 1;
                continue;
            }
            Check::Partly => out.partly += 1,
            Check::Full => {}
        }
        let codes: Vec<String> = r
            .rules
            .iter()
            .filter(|code| {
                diagnostics.iter().any(|d| {
                    &d.code == *code
                        && unmet(d, registry)
                        && (r.matches.is_empty()
                            || r.matches
                                .iter()
                                .any(|m| d.message.to_lowercase().contains(m.as_str())))
                })
            })
            .cloned()
            .collect();
        out.checked += 1;
        if codes.is_empty() {
            out.shown += 1;
        } else {
            out.not_shown.push(ChecklistRow {
                id: r.id.clone(),
                title: r.title.clone(),
                citation: r.citation.clone(),
                codes,
            });
        }
    }
    out
}

/// The section on the page.
pub(super) fn blocks(r: &DocumentReport, level: u8, page: &mut Page) {
    let c = &r.checklist;
    page.heading(level, "Statutory checklist".to_string());
    let mut words = format!(
        "csa checks {} of the law for this document on its effective date: it shows {} and does not show {}.",
        plural(c.checked, "requirement", "requirements"),
        c.shown,
        c.not_shown.len()
    );
    if c.partly > 0 {
        words.push_str(&format!(
            " {} checked only in part.",
            if c.partly == 1 {
                "1 of them is".to_string()
            } else {
                format!("{} of them are", c.partly)
            }
        ));
    }
    if c.unchecked + c.not_checkable > 0 {
        words.push_str(&format!(
            " {} cannot be seen in a document or {} not checked by csa.",
            plural(
                c.not_checkable + c.unchecked,
                "other requirement",
                "other requirements"
            ),
            if c.not_checkable + c.unchecked == 1 {
                "is"
            } else {
                "are"
            },
        ));
    }
    page.push(Block::Paragraph(words));
    if c.not_shown.is_empty() {
        return;
    }
    let mut t = Table::new(
        "Requirements the document does not show",
        &["Requirement", "Law"],
    );
    // The findings that say so are in the findings section, in words; the codes are
    // in the JSON and the officer's appendix.
    for row in &c.not_shown {
        t.row(vec![
            Cell::text(crate::publish::capitalise(&row.title)),
            Cell::text(row.citation.clone()),
        ]);
    }
    page.push(Block::Table(t));
}
