//! Statutory coverage: each strategy area the law requires over the document's life,
//! and the priorities and themes that address it (declared, inferred or missing).

use super::page::{date_words, Page};
use super::topics::Topics;
use super::{AreaRow, CoverageSection, DocumentReport};
use crate::knowledge::law::Confidence;
use crate::publish::{self, Block, Cell, Table};
use crate::rules::kinds::coverage::{self, Coverage};
use crate::rules::Context;

/// The coverage matrix; when csa cannot check it, why, added to `not_checked`.
pub(super) fn section(
    cx: &Context,
    topics: &Topics,
    not_checked: &mut Vec<String>,
) -> CoverageSection {
    let Some(effective) = cx.effective else {
        let reason = "The document gives no effective date, so the law that applies to it cannot be told: statutory coverage was not checked.".to_string();
        not_checked.push(reason.clone());
        return CoverageSection {
            checked: false,
            reason: Some(reason),
            from: None,
            until: None,
            areas: Vec::new(),
        };
    };
    let end = cx.life_end.unwrap_or(effective);
    let mut areas = Vec::new();
    let mut unverified = 0;
    for area in &cx.law.areas {
        let from = area.in_force_from.0;
        let when = if area.in_force_on(effective) {
            "in-force"
        } else if effective.first_day() < from && from.first_day() <= end.last_day() {
            "comes-into-force"
        } else {
            continue;
        };
        let (status, ids) = match coverage::coverage_of(cx, area) {
            Coverage::Declared(ids) => ("declared", ids),
            Coverage::Inferred(ids) => ("inferred", ids),
            Coverage::Missing => ("missing", Vec::new()),
        };
        if area.confidence == Confidence::Unverified {
            unverified += 1;
        }
        areas.push(AreaRow {
            id: area.id.clone(),
            title: area.title.clone(),
            basis: area.basis(),
            confidence: confidence_word(area.confidence),
            when,
            status,
            addressed_by: ids.iter().map(|id| topics.get(id)).collect(),
        });
    }
    if unverified > 0 {
        not_checked.push(format!(
            "The record of the law for {} is unverified (not yet checked against the legislation): {} marked so in the coverage table rests on it and is never an error.",
            if unverified == 1 { "one statutory area".to_string() } else { format!("{unverified} statutory areas") },
            if unverified == 1 { "the row" } else { "each row" }
        ));
    }
    CoverageSection {
        checked: true,
        reason: None,
        from: Some(effective.to_string()),
        until: Some(end.to_string()),
        areas,
    }
}

/// The statutory coverage section of the page.
pub(super) fn blocks(r: &DocumentReport, level: u8, page: &mut Page) {
    page.heading(level, "Statutory coverage".to_string());
    match (&r.coverage.reason, &r.coverage.from, &r.coverage.until) {
        (Some(reason), _, _) => page.push(Block::Paragraph(format!("Not checked. {reason}"))),
        (None, Some(from), Some(until)) => {
            page.push(Block::Paragraph(format!(
                "The law requires the partnership's strategy to address these areas (the legal basis of each is in the last column). The table lists each area in force over the document's life ({} to {}) and the priorities and themes that address it: *declared* in the agreement, *inferred* from the words of a title (a reading of its words, which the partnership should confirm in the agreement), or *missing* (a breach of the law).",
                date_words(from),
                date_words(until)
            )));
            let mut t = Table::new(
                "Statutory strategy areas and what addresses them",
                &["Area", "Addressed by", "How", "Legal basis"],
            );
            for a in &r.coverage.areas {
                let how = match a.status {
                    "declared" => "Declared in the agreement",
                    "inferred" => "Inferred from the title; the agreement does not say so",
                    _ => "Missing: nothing addresses it, a breach of the law",
                };
                let mut basis = vec![super::words::dates_in_words(&a.basis)];
                if a.when == "comes-into-force" {
                    basis.push("Comes into force during the document's life.".to_string());
                }
                // As the findings' messages say it: a fact held from a secondary source
                // is marked too.
                match a.confidence {
                    "unverified" => basis.push(
                        "The record of this law is unverified: not checked against the legislation."
                            .to_string(),
                    ),
                    "secondary" => basis.push(
                        "The record of this law comes from a secondary source, not the legislation itself."
                            .to_string(),
                    ),
                    _ => {}
                }
                t.row(vec![
                    Cell::text(publish::capitalise(&a.title)),
                    if a.addressed_by.is_empty() {
                        Cell::text("none")
                    } else {
                        Cell::lines(a.addressed_by.iter().map(|t| t.title.clone()))
                    },
                    Cell::text(how),
                    Cell::lines(basis),
                ]);
            }
            page.push(Block::Table(t));
        }
        _ => {}
    }
}

fn confidence_word(c: Confidence) -> &'static str {
    match c {
        Confidence::Verified => "verified",
        Confidence::Secondary => "secondary",
        Confidence::Unverified => "unverified",
    }
}
