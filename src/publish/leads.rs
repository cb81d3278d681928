//! The leads table: the rows of every `@leads` block in a run, or, when the document
//! has no leads table, the leads written under the priorities.

use super::builder::Builder;
use super::{Block, Cell, Table};
use crate::ast::{lead_words, title_of};

impl Builder<'_> {
    /// Holds the rows of the `@leads` block from `start` to `end` until the run of
    /// leads tables ends.
    pub(super) fn leads_rows_from(&mut self, start: usize, end: usize) {
        // The rows are in document order: those of this block are a run.
        let first = self
            .table_leads
            .partition_point(|(_, l)| l.span.start.offset < start);
        let rows: Vec<(Option<String>, String)> = self.table_leads[first..]
            .iter()
            .take_while(|(_, l)| l.span.start.offset < end)
            .map(|(p, l)| (p.clone(), lead_words(l)))
            .collect();
        self.pending_leads.extend(rows);
    }

    /// Writes the rows held from a run of `@leads` blocks as one table.
    pub(super) fn pending_leads_table(&mut self) {
        let rows = std::mem::take(&mut self.pending_leads);
        self.blocks.push(Block::Table(leads_table(rows)));
    }

    /// After the priorities: the leads table built from their own leads, when the
    /// document has no leads table.
    pub(super) fn inline_leads(&mut self) {
        let has_table = self.doc.leads.iter().any(|l| l.source == "leads-table");
        if !has_table
            && !self.inline_leads_done
            && self.doc.priorities.iter().any(|p| !p.leads.is_empty())
        {
            self.inline_leads_done = true;
            let rows = self
                .doc
                .priorities
                .iter()
                .flat_map(|p| {
                    p.leads
                        .iter()
                        .map(move |l| (Some(title_of(p)), lead_words(l)))
                })
                .collect();
            self.blocks.push(Block::Table(leads_table(rows)));
        }
    }
}

/// The leads table: priority, lead.
fn leads_table(rows: Vec<(Option<String>, String)>) -> Table {
    let mut table = Table::new("Leads", &["Priority", "Lead"]);
    for (priority, lead) in rows {
        table.row(vec![
            Cell::text(priority.unwrap_or_else(|| "(no priority given)".to_string())),
            Cell::text(lead),
        ]);
    }
    table
}
