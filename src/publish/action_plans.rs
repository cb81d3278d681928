//! An action plan (`@action-plan`): its leads, and its aims with their actions and
//! themes.

use super::builder::Builder;
use super::words::text_of;
use super::{Block, Cell, Table};
use crate::ast::{lead_words, title_of};
use crate::text::matching;

impl Builder<'_> {
    /// The leads paragraph and aims table of the action plan `i`.
    pub(super) fn action_plan(&mut self, i: usize) {
        let doc = self.doc;
        let plan = &doc.action_plans[i];
        let priority = self
            .lookup
            .find(&plan.priority.name)
            .map_or(plan.priority.name.clone(), title_of);
        let caption = match &plan.title {
            Some(t) if matching::words(&t.value) != matching::words(&priority) => {
                format!("Action plan: {priority} ({})", t.value)
            }
            _ => format!("Action plan: {priority}"),
        };
        if !plan.leads.is_empty() {
            self.blocks.push(Block::Paragraph(format!(
                "Lead for {priority}: {}.",
                plan.leads
                    .iter()
                    .map(lead_words)
                    .collect::<Vec<_>>()
                    .join("; ")
            )));
        }
        let mut table = Table::new(caption, &["Aim", "Actions", "Cross-cutting themes"]);
        for aim in &plan.aims {
            table.row(vec![
                Cell::text(
                    format!("{} {}", aim.number.value, text_of(&aim.text))
                        .trim()
                        .to_string(),
                ),
                Cell::lines(aim.actions.iter().map(|a| a.value.clone())),
                Cell::lines(aim.themes.iter().map(|r| self.topic_words(r))),
            ]);
        }
        self.blocks.push(Block::Table(table));
    }
}
