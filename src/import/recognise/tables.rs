//! Tables no recogniser claimed, and what the table recognisers share.
//!
//! A table that is not recognised is still kept word for word: one list item per
//! row. A table of two or more columns may well be a block the importer does not
//! know (outside a table of contents), so it gets a note for a person to look at.

use super::words::{one_line, truncate};
use super::writer::Writer;

/// A table as prose: one list item per row, its cells joined.
pub(super) fn prose_table(w: &mut Writer, rows: &[Vec<String>]) {
    w.summary.prose_tables += 1;
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| one_line(c))
            .filter(|c| !c.is_empty())
            .collect();
        w.item(&cells.join(" "));
    }
}

/// A table kept as prose, with a note when it looks like more than a list.
pub(super) fn unrecognised(w: &mut Writer, rows: &[Vec<String>], section: &str) {
    prose_table(w, rows);
    let header = &rows[0];
    if rows.len() >= 2 && header.len() >= 2 && !section.contains("content") {
        w.note(
            0,
            &format!(
                "a table with the columns \"{}\" was kept as prose: check whether it belongs in a block",
                header.iter().map(|c| truncate(&one_line(c), 40)).collect::<Vec<_>>().join(" | ")
            ),
        );
    }
}

/// The first column whose header contains `word` (in lower case).
pub(super) fn header_has(row: &[String], word: &str) -> Option<usize> {
    row.iter().position(|c| c.to_lowercase().contains(word))
}
