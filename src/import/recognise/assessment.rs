//! The strategic assessment table: `@assessment` with one `issue N:` line per row.
//!
//! A county agreement sums up its partnerships' strategic assessments as a table
//! of issues with, in the last column, how many partnerships named each. The
//! count is what the checks weigh, so a table is taken only when every row ends
//! in a number; how many partnerships there are is read from the prose just
//! above ("the twelve Community Safety Partnerships").

use super::section::section_title;
use super::words::one_line;
use super::writer::Writer;
use crate::import::Block;

/// A cell holding a count of partnerships.
fn count_cell(cell: &str) -> Option<u32> {
    cell.trim().parse().ok()
}

/// Writes the table as `@assessment`, if it is an assessment table.
pub(super) fn table(
    w: &mut Writer,
    rows: &[Vec<String>],
    section: &str,
    blocks: &[Block],
    at: usize,
) -> bool {
    let header = &rows[0];
    if rows.len() < 3 || header.len() < 2 || count_cell(header.last().unwrap()).is_some() {
        return false;
    }
    if !rows[1..]
        .iter()
        .all(|r| r.len() >= 2 && r.last().and_then(|c| count_cell(c)).is_some())
    {
        return false;
    }
    if !(section.contains("assessment") || header.iter().any(|c| c.to_lowercase().contains("csp")))
    {
        return false;
    }
    // The heading of this section, as written.
    let heading = blocks[..at].iter().rev().find_map(|b| match b {
        Block::Heading { text, .. } => Some(text.clone()),
        _ => None,
    });
    let title = heading
        .as_deref()
        .map(section_title)
        .unwrap_or_else(|| "Strategic Assessments".to_string());
    let partnerships = blocks[..at]
        .iter()
        .rev()
        .take_while(|b| !matches!(b, Block::Heading { .. }))
        .find_map(|b| match b {
            Block::Paragraph(t) | Block::Item { text: t, .. } => partnerships_in(t),
            _ => None,
        });
    w.printed_as_table(header);
    w.open("assessment", format!("@assessment: {title}"));
    match partnerships {
        Some(n) => w.field(1, "partnerships", &n.to_string()),
        None => w.note(
            1,
            "how many partnerships made assessments was not found: add `partnerships: N`",
        ),
    }
    for row in &rows[1..] {
        let n = row.last().and_then(|c| count_cell(c)).unwrap_or(0);
        let text = row[..row.len() - 1]
            .iter()
            .map(|c| one_line(c))
            .collect::<Vec<_>>()
            .join(" ");
        w.line(format!("  issue {n}: {text}"));
        w.entry("assessment rows");
    }
    w.gap();
    true
}

/// "the eleven Community Safety Partnerships (CSPs)" → 11.
fn partnerships_in(text: &str) -> Option<u32> {
    const NUMBERS: [&str; 20] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let lower = text.to_lowercase();
    let at = lower.find("community safety partnerships")?;
    let before = lower[..at].split_whitespace().last()?;
    NUMBERS
        .iter()
        .position(|n| *n == before)
        .map(|p| p as u32 + 1)
        .or_else(|| before.parse().ok())
}
