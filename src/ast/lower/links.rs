//! `@links` blocks: the other plans and strategies the agreement links to, one list
//! item each.

use super::{BlockParts, Lowering};
use crate::ast::Links;

impl Lowering<'_> {
    pub(super) fn links(&mut self, parts: BlockParts) {
        let links = Links {
            title: parts.title,
            items: self.block_items(&parts.entries),
            span: parts.span,
        };
        self.document.links.push(links);
    }
}
