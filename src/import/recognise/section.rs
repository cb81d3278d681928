//! Where a block sits: the section heading above it, the run of items it starts.
//!
//! Blocks such as `@assessment`, `@risk-ranking` or `@links` take their title
//! from the heading of the section they are in, as the document prints it but
//! without its number (`7.`, `Appendix A:`), which belongs to the layout.

use super::words::strip_markup;
use crate::import::Block;

/// A heading without its number or `Appendix X:`, as a block's title.
pub(super) fn section_title(section_heading: &str) -> String {
    let t = section_heading.trim();
    let t = match t.split_once(':') {
        Some((a, b)) if a.trim().to_lowercase().starts_with("appendix") => b.trim(),
        _ => t,
    };
    let digits = t
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
        .trim_start();
    strip_markup(digits)
}

/// The first block after the run of list items starting at `from`.
pub(super) fn item_run(blocks: &[Block], from: usize) -> usize {
    let mut j = from;
    while matches!(blocks.get(j), Some(Block::Item { .. })) {
        j += 1;
    }
    j
}

/// The text of an item or paragraph; nothing for a heading or table.
pub(super) fn item_text(block: &Block) -> &str {
    match block {
        Block::Item { text, .. } | Block::Paragraph(text) => text,
        _ => "",
    }
}

/// The heading above block `at`, as written, without its number.
pub(super) fn section_title_original(blocks: &[Block], at: usize) -> String {
    blocks[..at]
        .iter()
        .rev()
        .find_map(|b| match b {
            Block::Heading { text, .. } => Some(section_title(text)),
            _ => None,
        })
        .unwrap_or_default()
}
