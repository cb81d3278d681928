//! The contact details (`@contact`).

use super::builder::Builder;
use super::{Block, Cell, Table};

impl Builder<'_> {
    /// The table of the contact block `i`.
    pub(super) fn contact(&mut self, i: usize) {
        let doc = self.doc;
        let c = &doc.contacts[i];
        let mut table = Table::new("Contact", &["Contact", "Details"]);
        for (name, field) in [
            ("Name", &c.name),
            ("Email", &c.email),
            ("Telephone", &c.phone),
            ("Address", &c.address),
            ("Web", &c.web),
        ] {
            if let Some(value) = field {
                table.row(vec![Cell::text(name), Cell::text(value.value.clone())]);
            }
        }
        self.blocks.push(Block::Table(table));
    }
}
