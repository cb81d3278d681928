//! The verdict (ready, ready with warnings, or not ready), the counts of findings
//! behind it, and the list of what csa could not check, which every other section
//! adds to.

use super::page::{plural, Page};
use super::{Counts, DocumentReport, Status};
use crate::diagnostics::{Diagnostic, Severity};
use crate::publish::{Block, ListItem};

/// The verdict and the counts behind it.
pub(super) fn section(diagnostics: &[Diagnostic]) -> Status {
    let mut counts = Counts::default();
    for d in diagnostics {
        match d.severity {
            Severity::Error => counts.error += 1,
            Severity::Warning => counts.warning += 1,
            Severity::Info => counts.info += 1,
            Severity::Hint => counts.hint += 1,
        }
    }
    let verdict = if counts.error > 0 {
        "not-ready"
    } else if counts.warning > 0 {
        "ready-with-warnings"
    } else {
        "ready"
    };
    Status { verdict, counts }
}

/// The lines csa could not read, as the first thing not checked: what they say is
/// in no other section.
pub(super) fn unread(syntax: usize, not_checked: &mut Vec<String>) {
    if syntax > 0 {
        not_checked.push(format!(
            "{} of the document could not be read (see the findings); what {} was not checked.",
            if syntax == 1 {
                "One line".to_string()
            } else {
                format!("{syntax} lines")
            },
            if syntax == 1 { "it says" } else { "they say" }
        ));
    }
}

/// The status section of the page.
pub(super) fn blocks(r: &DocumentReport, page: &mut Page) {
    page.heading(2, "Status".to_string());
    let c = &r.status.counts;
    page.push(Block::Paragraph(format!(
        "**{}**: {}, {}, {} and {}.",
        verdict_words(r.status.verdict),
        plural(c.error, "error", "errors"),
        plural(c.warning, "warning", "warnings"),
        plural(c.info, "note", "notes"),
        plural(c.hint, "hint", "hints"),
    )));
    page.push(Block::Paragraph(match r.status.verdict {
        "ready" => "csa found nothing a committee would question in what it could check.",
        "ready-with-warnings" => "csa found no breach of the law in what it could check, but some weaknesses a committee would question (listed under Findings).",
        _ => "csa found errors: the document is broken or does not meet the law. Each is listed under Findings with how to put it right.",
    }.to_string()));
    if !r.not_checked.is_empty() {
        page.push(Block::Paragraph(
            "**What csa could not check** (these are not shown as met):".to_string(),
        ));
        page.push(Block::List(
            r.not_checked
                .iter()
                .map(|t| ListItem {
                    text: t.clone(),
                    depth: 0,
                })
                .collect(),
        ));
    }
}

fn verdict_words(verdict: &str) -> &'static str {
    match verdict {
        "ready" => "Ready",
        "ready-with-warnings" => "Ready with warnings",
        _ => "Not ready",
    }
}
