//! The MoRiLE risk ranking: `@risk-ranking` with its issues, highest risk first.
//!
//! Only a section whose heading names MoRiLE is read as a ranking, since a
//! ranking is otherwise just a table or a run of short lines. The order is the
//! ranking, and a table of several columns or one that lost its columns in
//! extraction may not give it back faithfully, so both say so in a note.

use super::section::{item_text, section_title_original};
use super::words::{is_name_like, one_line, words};
use super::writer::Writer;
use crate::import::Block;

/// Writes a table in a MoRiLE section as `@risk-ranking`, read column by column.
pub(super) fn table(
    w: &mut Writer,
    rows: &[Vec<String>],
    section: &str,
    blocks: &[Block],
    at: usize,
) -> bool {
    if !section.contains("morile") {
        return false;
    }
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    w.open(
        "risk-ranking",
        format!("@risk-ranking: {}", section_title_original(blocks, at)),
    );
    w.field(1, "method", "MoRiLE");
    if columns > 1 {
        w.note(
            1,
            &format!("printed as a table of {columns} columns: read column by column, highest risk first; check the order"),
        );
    }
    for c in 0..columns {
        for row in rows {
            if let Some(cell) = row.get(c).filter(|c| !c.trim().is_empty()) {
                for part in cell.lines() {
                    w.line(format!("  - {}", one_line(part)));
                    w.entry("risk-ranking items");
                }
            }
        }
    }
    w.gap();
    true
}

/// A short paragraph in a MoRiLE section may start a ranking printed as lines.
pub(super) fn lines(
    w: &mut Writer,
    blocks: &[Block],
    at: usize,
    text: &str,
    section: &str,
) -> Option<usize> {
    if section.contains("morile") && is_name_like(text) && words(text) <= 8 {
        if let Some(next) = lost_columns(w, blocks, at) {
            return Some(next);
        }
    }
    None
}

/// A ranking whose table lost its columns: short lines, one or two issues each,
/// with the table's header ("Priority") repeated where a page or table began.
fn lost_columns(w: &mut Writer, blocks: &[Block], at: usize) -> Option<usize> {
    let mut end = at;
    while let Some(Block::Paragraph(t)) = blocks.get(end) {
        if !is_name_like(t) || words(t) > 8 {
            break;
        }
        end += 1;
    }
    let is_header = |t: &str| {
        matches!(
            t.trim().to_lowercase().as_str(),
            "priority" | "priorities" | "issue" | "rank"
        )
    };
    let entries = blocks[at..end]
        .iter()
        .filter(|b| !is_header(item_text(b)))
        .count();
    if entries < 3 {
        return None;
    }
    w.open(
        "risk-ranking",
        format!("@risk-ranking: {}", section_title_original(blocks, at)),
    );
    w.field(1, "method", "MoRiLE");
    w.note(
        1,
        "printed as a table that lost its columns: lines kept in reading order; a line may hold two issues; check the order and split them",
    );
    for b in &blocks[at..end] {
        let t = item_text(b);
        if is_header(t) {
            w.comment(1, &format!("printed as a table: {}", one_line(t)));
        } else {
            w.line(format!("  - {}", one_line(t)));
            w.entry("risk-ranking items");
        }
    }
    w.gap();
    Some(end)
}
