//! Laying out a page: headings with fragment ids unique across the page, and the
//! words several sections write alike (counts, dates).

use crate::ast::Date;
use crate::publish::{human_date, Anchors, Block};

/// A page being laid out: its blocks so far, and the fragment ids already taken
/// (shared by every document on the page).
pub(super) struct Page<'a> {
    blocks: Vec<Block>,
    anchors: &'a mut Anchors,
}

impl<'a> Page<'a> {
    pub(super) fn new(anchors: &'a mut Anchors) -> Self {
        Self {
            blocks: Vec::new(),
            anchors,
        }
    }

    /// Adds a heading, with a fragment id for the table of contents.
    pub(super) fn heading(&mut self, level: u8, text: String) {
        let anchor = self.anchors.make(&text);
        self.blocks.push(Block::Heading {
            level,
            text,
            anchor,
        });
    }

    /// The page's fragment ids, for a part of it laid out apart (a panel).
    pub(super) fn anchors(&mut self) -> &mut Anchors {
        self.anchors
    }

    /// Adds a block.
    pub(super) fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    /// The blocks, in order.
    pub(super) fn into_blocks(self) -> Vec<Block> {
        self.blocks
    }
}

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

pub(super) fn date_words(text: &str) -> String {
    Date::parse(text).map_or(text.to_string(), human_date)
}
