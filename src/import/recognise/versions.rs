//! The version-control table: one `@version` block per row.
//!
//! The table is the document's own history, so every row is kept, with its
//! changes as a list. Rows that carry on the row above (no number, no date) add
//! to its changes; a table just under an "Action Plan" title is the action
//! plan's history and is scoped to it. The latest row also gives the header its
//! version (see [`super::plan`]).

use super::dates::parse_month;
use super::tables::header_has;
use super::words::{one_line, words};
use super::writer::Writer;
use crate::import::Block;

/// (version, date, changes) columns of a version-control table.
pub(super) fn version_columns(rows: &[Vec<String>]) -> Option<(usize, usize, Option<usize>)> {
    let header = rows.first()?;
    let v = header.iter().position(|c| {
        c.trim().eq_ignore_ascii_case("version") || c.trim().eq_ignore_ascii_case("version no.")
    })?;
    let d = header_has(header, "date")?;
    let c = (0..header.len()).find(|i| *i != v && *i != d);
    Some((v, d, c))
}

/// Writes the table's rows as `@version` blocks, if it is a version table.
pub(super) fn table(w: &mut Writer, rows: &[Vec<String>], blocks: &[Block], at: usize) -> bool {
    let Some((v, d, c)) = version_columns(rows) else {
        return false;
    };
    if rows.len() < 2 {
        return false;
    }
    w.printed_as_table(&rows[0]);
    // "Kent Community Safety Agreement 2014-17 – Action Plan" just above: the
    // action plan's own history.
    let action_plan = blocks[at.saturating_sub(4)..at].iter().any(|b| match b {
        Block::Heading { text, .. } | Block::Paragraph(text) => {
            words(text) <= 12 && text.to_lowercase().contains("action plan")
        }
        _ => false,
    });
    for (n, row) in rows[1..].iter().enumerate() {
        let version = row.get(v).map(|s| one_line(s)).unwrap_or_default();
        let changes = c.and_then(|c| row.get(c)).map(String::as_str).unwrap_or("");
        let date_cell = row.get(d).map(|s| one_line(s)).unwrap_or_default();
        if version.is_empty() && date_cell.is_empty() && n > 0 {
            // A row with no number or date goes on from the row above.
            for line in changes.lines().filter(|l| !l.trim().is_empty()) {
                w.line(format!("  - {}", one_line(line)));
            }
            continue;
        }
        let (summary, list) = split_changes(changes);
        let id = if is_id(&version) {
            version.clone()
        } else {
            format!("\"{}\"", version.replace('"', "'"))
        };
        w.open("version", format!("@version {id}: {}", one_line(&summary)));
        w.entry("version rows");
        if action_plan {
            w.field(1, "scope", "action-plan");
        }
        if !is_id(&version) {
            w.note(1, "the version number is not a plain number: check it");
        }
        let date_text = row.get(d).map(|s| one_line(s)).unwrap_or_default();
        match parse_month(&date_text) {
            Some(date) => w.field(1, "date", &date),
            None => w.note(
                1,
                &format!("the date \"{date_text}\" could not be read: add `date: YYYY-MM`"),
            ),
        }
        for change in list {
            w.line(format!("  - {}", one_line(&change)));
        }
    }
    w.gap();
    true
}

/// A version that can be written bare; any other is quoted.
fn is_id(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_alphanumeric())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-/+&".contains(c))
}

/// A changes cell: the summary and the list of changes. Changes are lines of the
/// cell, or, in one line, parts separated by " - " (`Ch.1 - reference added` stays
/// one change).
fn split_changes(cell: &str) -> (String, Vec<String>) {
    let lines: Vec<&str> = cell
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() > 1 {
        let summary = lines[0].to_string();
        let changes = lines[1..]
            .iter()
            .map(|l| {
                l.trim_start_matches(['-', '•', '*', '–'])
                    .trim()
                    .to_string()
            })
            .filter(|l| !l.is_empty())
            .collect();
        return (summary, changes);
    }
    let line = lines.first().copied().unwrap_or("");
    let mut parts = line.split(" - ").map(str::trim);
    let summary = parts.next().unwrap_or("").to_string();
    let mut changes: Vec<String> = Vec::new();
    let mut pending: Option<String> = None;
    for part in parts {
        let label = part.starts_with("Ch.") && words(part) <= 1
            || part.starts_with("Appendix ") && words(part) <= 2
            || part == "Foreword";
        match pending.take() {
            Some(l) => changes.push(format!("{l} - {part}")),
            None if label => pending = Some(part.to_string()),
            None => changes.push(part.to_string()),
        }
    }
    changes.extend(pending);
    (summary, changes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes() {
        let (s, c) = split_changes(
            "Refreshed CSA - Updated date - Ch.1 - reference added - Appendix A - outcomes",
        );
        assert_eq!(s, "Refreshed CSA");
        assert_eq!(
            c,
            vec![
                "Updated date",
                "Ch.1 - reference added",
                "Appendix A - outcomes"
            ]
        );
    }
}
