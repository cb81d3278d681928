//! `@plan` blocks: a Police and Crime Plan, with its principles and its objectives
//! (each with the heading it sits under, its scope, and why it was not adopted, when
//! it was not).

use super::{BlockParts, Checked, Lowering};
use crate::ast::{Objective, PccPlan};

impl Lowering<'_> {
    pub(super) fn pcc_plan(&mut self, parts: BlockParts) {
        let entries = &parts.entries;
        let plan = PccPlan {
            id: parts.required_id(),
            title: parts.title,
            commissioner: self.text_of(entries, "commissioner"),
            area: self.text_of(entries, "area"),
            period: self.period_of(entries),
            principles: self.texts_of(entries, "principle"),
            objectives: entries
                .iter()
                .filter(|c| c.spec.name == "objective")
                .map(|c| self.objective(c))
                .collect(),
            header_span: parts.header_span,
            span: parts.span,
        };
        self.document.plans.push(plan);
    }

    fn objective(&self, checked: &Checked) -> Objective {
        Objective {
            id: self.id_of(checked),
            text: checked.value.map(|v| self.spanned(v)),
            group: self.text_of(&checked.children, "group"),
            not_adopted: self.text_of(&checked.children, "not-adopted"),
            scope: self.text_of(&checked.children, "scope"),
            span: self.span(checked.range.clone()),
        }
    }
}
