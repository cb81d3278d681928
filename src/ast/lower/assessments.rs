//! The evidence behind the priorities: `@assessment` blocks (the issues the district
//! strategic assessments named, and how many named each) and `@risk-ranking` blocks
//! (issues, highest risk first).

use super::{BlockParts, Lowering};
use crate::ast::{AssessedIssue, Assessment, RiskRanking};

impl Lowering<'_> {
    pub(super) fn assessment(&mut self, parts: BlockParts) {
        let assessment = Assessment {
            title: parts.title,
            partnerships: self.number_of(&parts.entries, "partnerships"),
            districts: self.texts_of(&parts.entries, "district"),
            issues: parts
                .entries
                .iter()
                .filter(|c| c.spec.name == "issue")
                .map(|c| AssessedIssue {
                    // The id is the count; one that is not a number is left out.
                    count: c.id.and_then(|id| self.count(id)),
                    text: c.value.map(|v| self.spanned(v)),
                    span: self.span(c.range.clone()),
                })
                .collect(),
            span: parts.span,
        };
        self.document.assessments.push(assessment);
    }

    pub(super) fn risk_ranking(&mut self, parts: BlockParts) {
        let ranking = RiskRanking {
            title: parts.title,
            method: self.text_of(&parts.entries, "method"),
            items: self.block_items(&parts.entries),
            span: parts.span,
        };
        self.document.risk_rankings.push(ranking);
    }
}
