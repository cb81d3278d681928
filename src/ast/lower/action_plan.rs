//! `@action-plan` blocks: the action plan for one priority, named by the block's id,
//! with its leads and its numbered aims (each with its actions and the themes it
//! links to).

use super::{BlockParts, Checked, Lowering};
use crate::ast::{ActionPlan, Aim};

impl Lowering<'_> {
    pub(super) fn action_plan(&mut self, parts: BlockParts) {
        // The id names the priority, by id or by quoted title, so it is kept as a
        // reference, quotes and all.
        let priority = self.reference(
            parts
                .raw
                .id
                .as_ref()
                .expect("action plans are lowered only with an id"),
        );
        let entries = &parts.entries;
        let plan = ActionPlan {
            leads: self.leads_of(entries, Some(&priority), "action-plan"),
            priority,
            title: parts.title,
            aims: entries
                .iter()
                .filter(|c| c.spec.name == "aim")
                .map(|c| self.aim(c))
                .collect(),
            header_span: parts.header_span,
            span: parts.span,
        };
        self.document.action_plans.push(plan);
    }

    fn aim(&self, checked: &Checked) -> Aim {
        Aim {
            number: self.id_of(checked),
            quoted: checked.id.is_some_and(|id| id.quoted),
            text: checked.value.map(|v| self.spanned(v)),
            actions: self.texts_of(&checked.children, "action"),
            themes: self.ids_of(&checked.children, "themes"),
            span: self.span(self.extent(checked)),
        }
    }
}
