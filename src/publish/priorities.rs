//! The priorities table, followed by the leads table their own leads make (when the
//! document has none) and, when there are no themes, the diagram.

use super::builder::Builder;
use super::parts::Part;
use super::{Block, Cell, Table};
use crate::ast::{lead_words, title_of};

impl Builder<'_> {
    /// The table of a run of `@priority` blocks.
    pub(super) fn priorities(&mut self, parts: &[Part]) {
        let doc = self.doc;
        let mut table = Table::new(
            "Priorities",
            &[
                "Priority",
                "What it includes",
                "Leads",
                "Police and Crime Plan objectives it supports",
            ],
        );
        for part in parts {
            if let Part::Priority(i) = part {
                let p = &doc.priorities[*i];
                let mut includes = Vec::new();
                if let Some(i) = &p.includes {
                    includes.push(i.value.clone());
                }
                if let Some(n) = &p.note {
                    includes.push(format!("Note: {}", n.value));
                }
                table.row(vec![
                    Cell::text(title_of(p)),
                    Cell::lines(includes),
                    Cell::lines(p.leads.iter().map(lead_words)),
                    Cell::lines(p.supports.iter().map(|r| self.objective_words(r))),
                ]);
            }
        }
        self.blocks.push(Block::Table(table));
        self.inline_leads();
        if doc.themes.is_empty() && !self.diagram_done {
            self.diagram();
        }
    }
}
