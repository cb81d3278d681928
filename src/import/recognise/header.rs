//! The `@agreement` header: title, kind, area, version, effective date, review
//! and status.
//!
//! A cover page says little in so many words, so most of the header is inferred
//! (the kind from the title, the date from the cover or the last version), and
//! each inference comes with a `// csa-import:` note saying what it was taken
//! from, for a person to check.

use super::approval;
use super::area;
use super::dates::{parse_month, year_period};
use super::period;
use super::plan::Plan;
use super::words::{one_line, strip_markup, words};
use super::writer::Writer;
use crate::ast::Date;
use crate::import::Block;

/// Writes the header (with a prompt for the title when no line of the text is one). Returns
/// the area and the effective date written, for the knowledge base's notes.
pub(super) fn write(
    w: &mut Writer,
    blocks: &[Block],
    plan: &Plan,
) -> (Option<String>, Option<Date>) {
    // A text whose lines ran together (a PDF flattened into one paragraph) has no
    // line that is its title: the header is still written, from what the text
    // says, with a prompt where the title goes (CSA015 reports it until a person
    // writes it in).
    let title = match title(blocks) {
        Some(title) => title,
        None => {
            w.note(
                0,
                "no line of the text is its title (its lines may have run together): write the title in place of the prompt",
            );
            UNTITLED.to_string()
        }
    };
    // The title and the opening: where a plan names its area and its period.
    let opening_text: Vec<&str> = std::iter::once(title.as_str())
        .chain(blocks.iter().take(15).filter_map(|b| match b {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Item { text, .. } => {
                Some(text.as_str())
            }
            Block::Table(_) => None,
        }))
        .collect();
    let all_text: Vec<&str> = std::iter::once(title.as_str())
        .chain(blocks.iter().filter_map(|b| match b {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Item { text, .. } => {
                Some(text.as_str())
            }
            Block::Table(_) => None,
        }))
        .collect();
    let area = kind_and_area(
        w,
        &title,
        &opening_text,
        &all_text[opening_text.len().min(all_text.len())..],
    );
    let period = period::period(&all_text);
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
    let approved = approval::approval_date(&all_text[1..]);
    let effective = version_and_date(w, plan, &title, &opening, period, approved);
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
    super::made::write(w, blocks);
    w.gap();
    (area, effective.as_deref().and_then(Date::parse))
}

/// The prompt written where no line of the text is its title.
const UNTITLED: &str = "[Write the document's title as it is printed]";

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
    // Not a web site's section ("Community Safety" alone), a question ("What
    // is community safety?") nor a line that introduces a list ("The Community
    // Safety Strategy Priorities for 2025 – 2028 are:").
    lines
        .iter()
        .find(|t| {
            let l = t.to_lowercase();
            [
                "agreement",
                "plan",
                "strategy",
                "assessment",
                "community safety",
            ]
            .iter()
            .any(|w| l.contains(w))
                && l.trim() != "community safety"
                && !l.contains('?')
                && !l.trim_end().ends_with(':')
        })
        .or(lines.first())
        .cloned()
}

/// Opens the block; the kind from the title, or from the tier of the area the
/// knowledge base finds in the title and the opening.
fn kind_and_area(w: &mut Writer, title: &str, opening: &[&str], later: &[&str]) -> Option<String> {
    let lower = title.to_lowercase();
    let place = area::find(opening, later);
    let tier = place.as_ref().map(|(_, t)| t.as_str());
    w.area_council = match tier {
        Some("county") => Some("county-council"),
        Some("district") => Some("district-council"),
        Some("unitary" | "metropolitan-district" | "london-borough" | "city-of-london") => {
            Some("unitary-council")
        }
        _ => None,
    };
    let (kind, why) = if lower.contains("agreement") {
        ("county-agreement", "the title says \"Agreement\"")
    } else if lower.contains("unitary") || lower.contains("city council") {
        ("unitary-plan", "the title names a unitary or city council")
    } else if tier == Some("county") {
        ("county-agreement", "the area is a county")
    } else if matches!(
        tier,
        Some(
            "unitary"
                | "metropolitan-district"
                | "london-borough"
                | "city-of-london"
                | "isles-of-scilly"
        )
    ) {
        ("unitary-plan", "the area is a single-tier council's")
    } else {
        ("district-plan", "the title does not say \"Agreement\"")
    };
    w.open("agreement", format!("@agreement: {}", one_line(title)));
    w.note(1, &format!("kind guessed ({why}): check it"));
    w.field(1, "kind", kind);
    match place {
        Some((name, _)) => {
            w.note(1, "area: the first place csa knows that the title and opening name (`csa law areas`): check it");
            w.field(1, "area", &name);
            Some(name)
        }
        // Never a name the knowledge base does not know: an agenda number, a
        // word of the title, a place misspelt are not an area.
        None => {
            w.note(1, "the text names no area csa knows: add `area:`");
            None
        }
    }
}

/// The version from the version table; the effective date from the cover, the
/// approval in words, the last version, or the years in the title, in that order
/// of trust.
fn version_and_date(
    w: &mut Writer,
    plan: &Plan,
    title: &str,
    opening: &[&str],
    period: Option<(u32, u32)>,
    approved: Option<(String, String)>,
) -> Option<String> {
    match &plan.latest_version {
        Some((v, _)) => w.field(1, "version", v),
        None => w.note(1, "no version control table found: add `version:`"),
    }
    let cover = opening.iter().find_map(|t| parse_month(t));
    let date = cover
        .clone()
        .or_else(|| plan.latest_version.as_ref().and_then(|(_, d)| d.clone()));
    if let Some((from, to)) = period {
        w.note(
            1,
            "period: the years printed with the document's name, as financial years: check them",
        );
        let printed = if to == from + 1 {
            format!("{from}/{:02}", to % 100)
        } else {
            format!("{from}-{to}")
        };
        w.field(1, "period", &printed);
    }
    // After the cover, the approval in words ("agreed by the Board on 12 March
    // 2025"), before the last version or the title.
    if let (None, Some((date, said))) = (&cover, approved) {
        w.note(
            1,
            &format!("effective date taken from the words \"{said}\": check it"),
        );
        w.field(1, "effective", &date);
        return Some(date);
    }
    let from_period = period.map(|(from, _)| (format!("{from}-04-01 to"), false));
    match (date, year_period(title).or(from_period)) {
        (Some(d), _) => {
            w.note(
                1,
                "effective date taken from the month on the cover or the last version: check it",
            );
            w.field(1, "effective", &d);
            Some(d)
        }
        (None, Some((period, _))) => {
            w.note(1, "effective date guessed from the first year of the title or period, as the start of a financial year: check it");
            w.field(1, "effective", &period[..10]);
            Some(period[..10].to_string())
        }
        (None, None) => {
            w.note(1, "no date found: add `effective: YYYY-MM-DD`");
            None
        }
    }
}

/// A cover line without what a web page or PDF adds: `Title - Site ...`, `Title | 3`.
fn cover_title(text: &str) -> String {
    let t = strip_markup(text);
    let t = t.split(" - ").next().unwrap_or(&t);
    let t = t.split(" | ").next().unwrap_or(t);
    t.trim_end_matches("...").trim().to_string()
}
