//! The cross-cutting themes table, followed by the diagram.

use super::builder::Builder;
use super::parts::Part;
use super::{Block, Cell, Table};

impl Builder<'_> {
    /// The table of a run of `@theme` blocks.
    pub(super) fn themes(&mut self, parts: &[Part]) {
        let doc = self.doc;
        let mut table = Table::new(
            "Cross-cutting themes",
            &[
                "Theme",
                "What it includes",
                "Police and Crime Plan objectives it supports",
            ],
        );
        for part in parts {
            if let Part::Theme(i) = part {
                let t = &doc.themes[*i];
                // `note:` is the author's annotation, not published text.
                let includes: Vec<String> = t.includes.iter().map(|i| i.value.clone()).collect();
                table.row(vec![
                    Cell::text(
                        t.title
                            .as_ref()
                            .map_or(t.id.value.clone(), |t| t.value.clone()),
                    ),
                    Cell::lines(includes),
                    Cell::lines(t.supports.iter().map(|r| self.objective_words(r))),
                ]);
            }
        }
        self.blocks.push(Block::Table(table));
        if !self.diagram_done {
            self.diagram();
        }
    }
}
