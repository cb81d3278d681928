//! The `@agreement` header: title, kind, area, version, effective date, review
//! and status.
//!
//! A cover page says little in so many words, so most of the header is inferred
//! (the kind from the title, the date from the cover or the last version), and
//! each inference comes with a `// csa-import:` note saying what it was taken
//! from, for a person to check.

use super::dates::{parse_month, year_period};
use super::plan::Plan;
use super::words::{one_line, strip_markup, words};
use super::writer::Writer;
use crate::import::Block;

/// Writes the header, or a note that there is no title to make one from.
pub(super) fn write(w: &mut Writer, blocks: &[Block], plan: &Plan) {
    let Some(title) = title(blocks) else {
        w.note(
            0,
            "no title found: add an @agreement header (see docs/format.md section 5)",
        );
        return;
    };
    kind_and_area(w, &title);
    // The opening lines: a date such as "April 2022", or "DRAFT".
    let opening: Vec<&str> = blocks
        .iter()
        .take(8)
        .filter_map(|b| match b {
            Block::Heading { text, .. } | Block::Paragraph(text) if words(text) <= 6 => {
                Some(text.as_str())
            }
            _ => None,
        })
        .collect();
    version_and_date(w, plan, &title, &opening);
    let all = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(t) | Block::Item { text: t, .. } => Some(t.to_lowercase()),
            _ => None,
        })
        .find(|t| t.contains("reviewed and refreshed annually") || t.contains("reviewed annually"));
    if all.is_some() {
        w.field(1, "review", "annual");
    }
    if opening.iter().any(|t| {
        t.split_whitespace()
            .any(|w| w.eq_ignore_ascii_case("draft"))
    }) {
        w.field(1, "status", "draft");
    }
    w.gap();
}

/// The title: the first short line naming the document, else the first line.
fn title(blocks: &[Block]) -> Option<String> {
    let lines: Vec<String> = blocks
        .iter()
        .take(12)
        .filter_map(|b| match b {
            Block::Heading { text, .. } | Block::Paragraph(text) => Some(cover_title(text)),
            _ => None,
        })
        .filter(|t| words(t) <= 14 && t.chars().any(char::is_alphabetic))
        .collect();
    lines
        .iter()
        .find(|t| {
            let l = t.to_lowercase();
            ["agreement", "plan", "strategy", "community safety"]
                .iter()
                .any(|w| l.contains(w))
        })
        .or(lines.first())
        .cloned()
}

/// Opens the block; the kind and the area are read from the title.
fn kind_and_area(w: &mut Writer, title: &str) {
    let lower = title.to_lowercase();
    let (kind, why) = if lower.contains("agreement") {
        ("county-agreement", "the title says \"Agreement\"")
    } else if lower.contains("unitary") || lower.contains("city council") {
        ("unitary-plan", "the title names a unitary or city council")
    } else {
        ("district-plan", "the title does not say \"Agreement\"")
    };
    w.open("agreement", format!("@agreement: {}", one_line(title)));
    w.note(1, &format!("kind guessed from the title ({why}): check it"));
    w.field(1, "kind", kind);
    match title
        .find(" Community Safety")
        .or_else(|| title.find(" Partnership"))
    {
        Some(at) if at > 0 => w.field(1, "area", title[..at].trim()),
        _ => w.note(1, "the area could not be read from the title: add `area:`"),
    }
}

/// The version from the version table; the effective date from the cover, the
/// last version, or the years in the title, in that order of trust.
fn version_and_date(w: &mut Writer, plan: &Plan, title: &str, opening: &[&str]) {
    match &plan.latest_version {
        Some((v, _)) => w.field(1, "version", v),
        None => w.note(1, "no version control table found: add `version:`"),
    }
    let date = opening
        .iter()
        .find_map(|t| parse_month(t))
        .or_else(|| plan.latest_version.as_ref().and_then(|(_, d)| d.clone()));
    match (date, year_period(title)) {
        (Some(d), _) => {
            w.note(
                1,
                "effective date taken from the month on the cover or the last version: check it",
            );
            w.field(1, "effective", &d);
        }
        (None, Some((period, _))) => {
            w.note(1, "effective date guessed from the first year in the title, as the start of a financial year: check it");
            w.field(1, "effective", &period[..10]);
        }
        (None, None) => w.note(1, "no date found: add `effective: YYYY-MM-DD`"),
    }
}

/// A cover line without what a web page or PDF adds: `Title - Site ...`, `Title | 3`.
fn cover_title(text: &str) -> String {
    let t = strip_markup(text);
    let t = t.split(" - ").next().unwrap_or(&t);
    let t = t.split(" | ").next().unwrap_or(t);
    t.trim_end_matches("...").trim().to_string()
}
