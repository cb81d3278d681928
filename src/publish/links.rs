//! The links to other plans and strategies (`@links`).

use super::builder::Builder;
use super::{Block, Cell, Table};

impl Builder<'_> {
    /// The table of the links block `i`.
    pub(super) fn links(&mut self, i: usize) {
        let doc = self.doc;
        let l = &doc.links[i];
        let caption = l
            .title
            .as_ref()
            .map_or("Links to plans".to_string(), |t| t.value.clone());
        let mut table = Table::new(caption, &["Plan or strategy"]);
        table.row_headers = false;
        for item in &l.items {
            table.row(vec![Cell::text(item.value.clone())]);
        }
        self.blocks.push(Block::Table(table));
    }
}
