//! `version-row-complete`: the newest `@version` row names every chapter that
//! changed since the previous version, as `csa diff` finds it.

use crate::ast::{Document, Version};
use crate::compare::{self, chapters};
use crate::rules::{Context, Finding, Rule};

use super::insert_after;
use super::Kind;

/// A version number as numbers (`6.0` → [6, 0]); `None` when not numeric.
fn number(version: &str) -> Option<Vec<u64>> {
    version.split('.').map(|p| p.trim().parse().ok()).collect()
}

/// Whether `doc` is a later version than `previous`: a later effective date, or
/// (without dates) a higher version number. A document is never later than itself,
/// so a folder checked with its own archive in it is not compared with itself.
fn later(doc: &Document, previous: &Document) -> bool {
    let header = |d: &Document| {
        let a = d.agreement.as_ref();
        (
            a.and_then(|a| a.effective.as_ref())
                .map(|e| e.value.first_day()),
            a.and_then(|a| a.version.as_ref())
                .and_then(|v| number(&v.value)),
        )
    };
    let (date, version) = header(doc);
    let (old_date, old_version) = header(previous);
    match (date, old_date, version, old_version) {
        (Some(d), Some(o), _, _) if d != o => d > o,
        (_, _, Some(v), Some(o)) => v > o,
        (Some(d), Some(o), _, _) => d > o,
        _ => true,
    }
}

/// The newest row of the agreement's version history: the highest number, else the last.
fn newest(doc: &Document) -> Option<&Version> {
    let rows = doc.versions.iter().filter(|v| v.scope == "agreement");
    let numbered = rows
        .clone()
        .filter_map(|v| Some((number(&v.version.value)?, v)));
    numbered
        .max_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, v)| v)
        .or_else(|| rows.clone().next_back())
}

/// The `version-row-complete` kind.
pub const VERSION_ROW_COMPLETE: Kind = Kind {
    name: "version-row-complete",
    doc: "The newest version row names every chapter `csa diff` finds changed since the previous version (given with --previous or `previous` in csa.toml).",
    args: &["change", "chapter", "previous", "version"],
    params: &[],
    run: Some(complete),
};

/// Reports each chapter that changed since the previous version and that the newest
/// `@version` row does not name (a row carried over from the previous version names
/// nothing).
pub fn complete(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let Some(previous) = cx.previous else {
        return;
    };
    if !later(cx.doc, &previous.document) {
        return;
    }
    let comparison = compare::compare(&previous.document, cx.doc);
    let row = newest(cx.doc);
    let carried_over = row.is_some_and(|row| {
        newest(&previous.document).is_some_and(|old| old.version.value == row.version.value)
    });
    let changes: &[crate::ast::Spanned<String>] = match row {
        Some(row) if !carried_over => &row.changes,
        _ => &[],
    };
    let (span, version) = match row {
        Some(row) => (row.version.span, row.version.value.clone()),
        None => (cx.document_span(), "(none)".to_string()),
    };
    // Where a new change line goes: after the row's last line.
    let last_line = row.filter(|_| !carried_over).map(|row| {
        row.changes
            .iter()
            .map(|c| c.span)
            .chain(row.date.iter().map(|d| d.span))
            .chain(row.summary.iter().map(|s| s.span))
            .chain(std::iter::once(row.version.span))
            .max_by_key(|s| s.end.offset)
            .expect("a row has its version")
    });
    for line in compare::row_lines(&comparison) {
        let Some(chapter) = &line.chapter else {
            continue;
        };
        let named = changes
            .iter()
            .any(|c| chapters::mentions(&c.value, &chapter.label, &chapter.title));
        if named {
            continue;
        }
        let mut finding = Finding::at(span)
            .arg("version", version.clone())
            .arg("chapter", chapter.label.clone())
            .arg("change", line.text.clone())
            .arg("previous", previous.path.clone());
        if let Some(last) = last_line {
            finding = finding.fix(crate::diagnostics::Fix {
                title: format!("Add `- {}` to version {version}", line.text),
                applicability: crate::diagnostics::Applicability::Unsafe,
                edits: vec![insert_after(last, &format!("  - {}", line.text))],
            });
        }
        out.push(finding);
    }
}
