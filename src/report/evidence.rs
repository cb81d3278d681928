//! Evidence: the issues the strategic assessments named, and the priorities and
//! themes that cover them.

use super::page::Page;
use super::topics::Topics;
use super::{DocumentReport, EvidenceSection, IssueRow, TopicRef};
use crate::publish::{Block, Cell, Table};
use crate::rules::Context;
use crate::text::matching;

/// Each issue and what covers it; when csa cannot check them, why, added to
/// `not_checked`.
pub(super) fn section(
    cx: &Context,
    topics: &Topics,
    not_checked: &mut Vec<String>,
) -> EvidenceSection {
    if cx.doc.assessments.is_empty() {
        let reason = "The document gives no strategic assessment table (@assessment), so csa could not check that its priorities answer the issues the assessments named.".to_string();
        not_checked.push(reason.clone());
        return EvidenceSection {
            checked: false,
            reason: Some(reason),
            issues: Vec::new(),
        };
    }
    let mut issues = Vec::new();
    for assessment in &cx.doc.assessments {
        for issue in &assessment.issues {
            let Some(text) = &issue.text else { continue };
            let words = matching::content_words(&text.value);
            let covered_by: Vec<TopicRef> = cx
                .topics()
                .iter()
                .filter(|t| words.iter().any(|w| t.content().contains(w)))
                .map(|t| topics.get(t.id))
                .collect();
            issues.push(IssueRow {
                issue: text.value.clone(),
                count: issue.count.as_ref().map(|c| c.value),
                of: assessment.partnerships.as_ref().map(|p| p.value),
                status: if covered_by.is_empty() {
                    "not-covered"
                } else {
                    "covered"
                },
                covered_by,
            });
        }
    }
    EvidenceSection {
        checked: true,
        reason: None,
        issues,
    }
}

/// The evidence section of the page.
pub(super) fn blocks(r: &DocumentReport, page: &mut Page) {
    page.heading(2, "Evidence".to_string());
    if let Some(reason) = &r.evidence.reason {
        page.push(Block::Paragraph(format!("Not checked. {reason}")));
    } else {
        page.push(Block::Paragraph("The issues the district strategic assessments named, and the priorities and themes that cover them (sharing a meaningful word: csa's reading, for the partnership to confirm).".to_string()));
        let mut t = Table::new(
            "Issues named by the strategic assessments",
            &["Issue", "Partnerships naming it", "Covered by"],
        );
        for i in &r.evidence.issues {
            t.row(vec![
                Cell::text(i.issue.clone()),
                Cell::text(match (i.count, i.of) {
                    (Some(c), Some(of)) => format!("{c} of {of}"),
                    (Some(c), None) => c.to_string(),
                    _ => "not given".to_string(),
                }),
                if i.covered_by.is_empty() {
                    Cell::text("Not covered by any priority or theme")
                } else {
                    Cell::lines(i.covered_by.iter().map(|t| t.title.clone()))
                },
            ]);
        }
        page.push(Block::Table(t));
    }
}
