//! The verdict, first on the page: *not current* (past its review or period, or
//! aligned to a Police and Crime Plan no longer in force on the review date,
//! whatever else holds), *not ready* (errors), *ready with warnings*, or *ready*;
//! why, in one or two sentences naming the findings that decide it; the review date
//! beside the document's own dates; the counts of findings; and the list of what
//! this review could not check, which every other section adds to.

use std::collections::HashMap;

use super::page::{date_words, plural, Page};
use super::words::committee;
use super::{AlignmentSection, Counts, DocumentReport, FindingGroup, FindingRow, Status};
use crate::ast::{date_from_days, Date};
use crate::diagnostics::{Accepted, Severity};
use crate::publish::{human_date, Block, ListItem};
use crate::rules::Context;

/// The verdict, its reasons and dates, and the counts behind it.
pub(super) fn section(
    cx: &Context,
    alignment: &AlignmentSection,
    findings: &[FindingGroup],
    accepted: &[Accepted],
    names: &HashMap<String, String>,
) -> Status {
    let rows: Vec<&FindingRow> = findings.iter().flat_map(|g| &g.findings).collect();
    let mut counts = Counts::default();
    for f in &rows {
        match f.severity {
            Severity::Error => counts.error += 1,
            Severity::Warning => counts.warning += 1,
            Severity::Info => counts.info += 1,
            Severity::Hint => counts.hint += 1,
        }
    }
    let life_over = cx
        .life_end
        .map(|end| date_from_days(end.days_since_epoch() + 1));
    // The date shown is the one the review-due rule judges by: an annual review of a
    // three-year plan falls due after a year, not at the end of the three.
    let review_due = cx
        .doc
        .agreement
        .as_ref()
        .and_then(crate::rules::kinds::review_due);
    counts.accepted = accepted.len();
    let accepted_errors: Vec<&Accepted> = accepted
        .iter()
        .filter(|a| a.diagnostic.severity == Severity::Error)
        .collect();
    counts.accepted_errors = accepted_errors.len();
    let mut reasons = not_current(cx, alignment, life_over);
    // An error the partnership accepted is still a duty the law puts on the
    // document: it is said first among the reasons, and the document is never
    // "ready" while it stands.
    let accepted_reason = (!accepted_errors.is_empty()).then(|| {
        let what: Vec<String> = accepted_errors
            .iter()
            .take(2)
            .map(|a| lower_first(&committee(&a.diagnostic.message, names)))
            .collect();
        format!(
            "The partnership accepted {} that csa reports as {}, which the law does not excuse: {}{}.",
            plural(accepted_errors.len(), "finding", "findings"),
            if accepted_errors.len() == 1 { "an error" } else { "errors" },
            what.join("; "),
            if accepted_errors.len() > 2 { "; and others (see the accepted findings)" } else { "" }
        )
    });
    let verdict = if !reasons.is_empty() {
        reasons.extend(accepted_reason);
        "not-current"
    } else if counts.error > 0 {
        reasons.push(format!(
            "It has {} that must be put right: {}.",
            plural(counts.error, "error", "errors"),
            chief(&rows, Severity::Error, names)
        ));
        reasons.extend(accepted_reason);
        "not-ready"
    } else if let Some(accepted) = accepted_reason {
        reasons.push(accepted);
        "ready-with-warnings"
    } else if counts.warning > 0 {
        reasons.push(format!(
            "No error was found, but {} a committee would question, chiefly: {}.",
            plural(counts.warning, "weakness", "weaknesses"),
            chief(&rows, Severity::Warning, names)
        ));
        "ready-with-warnings"
    } else {
        reasons.push("No error or weakness was found in what this review could check.".to_string());
        "ready"
    };
    Status {
        verdict,
        reasons,
        reviewed_on: cx.as_of.to_string(),
        effective: cx.effective.map(|d| d.first_day().to_string()),
        review_due: review_due.map(|d| d.to_string()),
        counts,
    }
}

/// Why the document is not current on the review date, if it is not: past its
/// review or period, or aligned to a plan no longer in force.
fn not_current(cx: &Context, alignment: &AlignmentSection, due: Option<Date>) -> Vec<String> {
    let as_of = cx.as_of;
    let mut reasons = Vec::new();
    if let (Some(effective), Some(end), Some(due)) = (cx.effective, cx.life_end, due) {
        if end < as_of.first_day() {
            let months = months_between(due, as_of);
            let has_period = cx
                .doc
                .agreement
                .as_ref()
                // A period in the title counts as one (the rules read it so).
                .is_some_and(|a| a.period.is_some() || a.title_period().is_some());
            reasons.push(if has_period {
                format!(
                    "Its period ended on {}, {} before the review date: it is past its review.",
                    human_date(end),
                    plural(months, "month", "months")
                )
            } else {
                let cycle = cx
                    .doc
                    .agreement
                    .as_ref()
                    .and_then(|a| a.review.as_ref())
                    .map_or("annual", |r| r.value.as_str());
                format!(
                    "It is past its {cycle} review: it took effect on {} and its review fell due on {}, {} before the review date (finding: review overdue).",
                    human_date(effective.first_day()),
                    human_date(due),
                    plural(months, "month", "months")
                )
            });
        }
    }
    if let Some(p) = &alignment.in_force {
        reasons.push(match &p.recorded_ended {
            Some(ended) => format!(
                "The Police and Crime Plan it is aligned to, {}, ended on {}; the plan in force on {} is {}.",
                p.recorded,
                date_words(ended),
                if p.on == as_of.to_string() { "the review date".to_string() } else { date_words(&p.on) },
                p.title
            ),
            None => format!(
                "It is aligned to {}, but the Police and Crime Plan in force on {} is {}.",
                p.recorded,
                if p.on == as_of.to_string() { "the review date".to_string() } else { date_words(&p.on) },
                p.title
            ),
        });
    }
    reasons
}

/// Whole months from `from` to `to`.
fn months_between(from: Date, to: Date) -> usize {
    let (from, to) = (from.first_day(), to.first_day());
    let mut months = (to.year - from.year) * 12 + to.month as i32 - from.month as i32;
    if to.day < from.day {
        months -= 1;
    }
    months.max(0) as usize
}

/// The findings of `severity` that decide the verdict: the first two kinds, in the
/// committee's words.
fn chief(rows: &[&FindingRow], severity: Severity, names: &HashMap<String, String>) -> String {
    let mut kinds: Vec<(&str, Vec<&FindingRow>)> = Vec::new();
    for f in rows.iter().filter(|f| f.severity == severity) {
        match kinds.iter_mut().find(|(name, _)| *name == f.name) {
            Some((_, list)) => list.push(f),
            None => kinds.push((&f.name, vec![f])),
        }
    }
    let mut said: Vec<String> = kinds
        .iter()
        .take(2)
        .map(|(_, list)| match list.as_slice() {
            [one] => committee(&one.message, names),
            many => format!(
                "{} ({} times)",
                committee(
                    many[0].summary.as_deref().unwrap_or(&many[0].message),
                    names
                )
                .trim_end_matches('.'),
                many.len()
            ),
        })
        .map(|s| lower_first(&s))
        .collect();
    if kinds.len() > 2 {
        said.push(format!(
            "and {}",
            plural(
                kinds.len() - 2,
                "other kind of finding",
                "other kinds of finding"
            )
        ));
    }
    said.join("; ")
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.clone().next()) {
        // "The priority ..." → "the priority ...", but "NHS ..." stays.
        (Some(c), Some(n)) if c.is_uppercase() && n.is_lowercase() => {
            c.to_lowercase().chain(chars).collect()
        }
        _ => text.to_string(),
    }
}

/// The lines the document could not read, as the first thing not checked: what
/// they say is in no other section.
pub(super) fn unread(syntax: usize, not_checked: &mut Vec<String>) {
    if syntax > 0 {
        not_checked.push(format!(
            "{} of the document could not be read (the officer's appendix says where); what {} was not checked.",
            if syntax == 1 {
                "One line".to_string()
            } else {
                format!("{syntax} lines")
            },
            if syntax == 1 { "it says" } else { "they say" }
        ));
    }
}

/// The status panel: the verdict and why, the dates, the counts, and what could not
/// be checked.
pub(super) fn blocks(r: &DocumentReport, level: u8, page: &mut Page) {
    let mut panel = Page::new(page.anchors());
    panel.heading(level, "Status".to_string());
    let s = &r.status;
    panel.push(Block::Paragraph(format!(
        "**{}.** {}",
        verdict_words(s.verdict),
        s.reasons.join(" ")
    )));
    let mut dates = vec![format!("Reviewed on: {}", date_words(&s.reviewed_on))];
    if let Some(e) = &s.effective {
        let version = r
            .version
            .as_ref()
            .map_or(String::new(), |v| format!(" (version {v})"));
        dates.push(format!("In effect from: {}{version}", date_words(e)));
    }
    if let Some(d) = &s.review_due {
        dates.push(format!("Review due: {}", date_words(d)));
    }
    for plan in &r.alignment.plans {
        dates.push(format!("Police and Crime Plan recorded: {}", plan.title));
    }
    panel.push(Block::List(
        dates
            .into_iter()
            .map(|text| ListItem { text, depth: 0 })
            .collect(),
    ));
    let c = &s.counts;
    panel.push(Block::Paragraph(format!(
        "Findings: {} (must be put right), {} (weaknesses to answer), {} (for information, not faults) and {} (suggestions, not faults).",
        plural(c.error, "error", "errors"),
        plural(c.warning, "warning", "warnings"),
        plural(c.info, "note", "notes"),
        plural(c.hint, "hint", "hints"),
    )));
    if !r.not_checked.is_empty() {
        panel.push(Block::Paragraph(
            "**What this review could not check** (none of it is shown as met):".to_string(),
        ));
        panel.push(Block::List(
            r.not_checked
                .iter()
                .map(|t| ListItem {
                    text: t.clone(),
                    depth: 0,
                })
                .collect(),
        ));
    }
    let blocks = panel.into_blocks();
    page.push(Block::Panel(blocks));
}

/// The verdict in words.
pub(super) fn verdict_words(verdict: &str) -> &'static str {
    match verdict {
        "not-current" => "Not current",
        "ready" => "Ready",
        "ready-with-warnings" => "Ready with warnings",
        _ => "Not ready",
    }
}
