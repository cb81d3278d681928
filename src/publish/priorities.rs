//! The priorities table, followed by the leads table their own leads make (when the
//! document has none) and, when there are no themes, the diagram.

use super::builder::Builder;
use super::parts::Part;
use super::{Block, Cell, Table};
use crate::ast::{lead_words, leads_of, title_of};

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
                "How progress is measured",
                "Resources",
                "How the partners work on it together",
            ],
        );
        for part in parts {
            if let Part::Priority(i) = part {
                let p = &doc.priorities[*i];
                // `note:` is the author's annotation, not published text.
                let includes: Vec<String> = p.includes.iter().map(|i| i.value.clone()).collect();
                // Its leads wherever the document names them (its own, the leads
                // table, its action plan); a column nobody fills is left out.
                let title = title_of(p);
                let mut leads: Vec<String> = Vec::new();
                for (of, lead) in leads_of(doc) {
                    let words = lead_words(lead);
                    let own = p.leads.iter().any(|l| std::ptr::eq(l, lead));
                    if (own || of.as_deref() == Some(title.as_str())) && !leads.contains(&words) {
                        leads.push(words);
                    }
                }
                table.row(vec![
                    Cell::text(title),
                    Cell::lines(includes),
                    Cell::lines(leads),
                    Cell::lines(p.supports.iter().map(|r| self.objective_words(r))),
                    Cell::lines(p.measures.iter().map(|m| m.value.clone())),
                    Cell::lines(p.resources.iter().map(|r| r.value.clone())),
                    Cell::lines(p.joint_working.iter().map(|j| j.value.clone())),
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
