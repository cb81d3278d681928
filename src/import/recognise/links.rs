//! Links to other plans and strategies: `@links`, one line per item.
//!
//! A section headed "Links to ..." that is a plain list of names is the
//! document's list of the other plans it works with; the checks read it to see
//! which statutory strategies are acknowledged, so each name becomes an entry.

use super::section::{item_text, section_title_original};
use super::words::one_line;
use super::writer::Writer;
use crate::import::Block;

/// The items `at..end`, in a "links to" section, as `@links`.
pub(super) fn list(w: &mut Writer, blocks: &[Block], at: usize, end: usize, section: &str) -> bool {
    if !section.contains("links to") {
        return false;
    }
    w.open(
        "links",
        format!("@links: {}", section_title_original(blocks, at)),
    );
    for b in &blocks[at..end] {
        w.line(format!("  - {}", one_line(item_text(b))));
        w.entry("links");
    }
    w.gap();
    true
}
