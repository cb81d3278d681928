//! The structured parts of a document (`@agreement`, `@priority`, `@plan`, ...) by
//! where they start in the source, so the builder meets them in reading order; and
//! which parts written one after another run into one table.

use crate::ast::Document;

/// What a structured block of the source is, by its position in the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    Agreement,
    Version(usize),
    Authority(usize),
    Body(usize),
    Priority(usize),
    Theme(usize),
    Leads,
    Plan(usize),
    ActionPlan(usize),
    Assessment(usize),
    RiskRanking(usize),
    HorizonScan(usize),
    Links(usize),
    Contact(usize),
}

impl Part {
    /// Parts that run together into one table when written one after another.
    pub(super) fn group(self) -> Option<u8> {
        match self {
            Part::Version(_) => Some(1),
            Part::Authority(_) => Some(2),
            Part::Body(_) => Some(3),
            Part::Priority(_) => Some(4),
            Part::Theme(_) => Some(5),
            Part::Leads => Some(6),
            _ => None,
        }
    }
}

/// Where each structured part starts, in source order.
pub(super) fn part_starts(doc: &Document) -> Vec<(usize, Part)> {
    let mut out = Vec::new();
    if let Some(a) = &doc.agreement {
        out.push((a.span.start.offset, Part::Agreement));
    }
    let mut add = |starts: Vec<usize>, make: fn(usize) -> Part| {
        out.extend(starts.into_iter().enumerate().map(|(i, s)| (s, make(i))));
    };
    add(
        doc.versions.iter().map(|b| b.span.start.offset).collect(),
        Part::Version,
    );
    add(
        doc.authorities
            .iter()
            .map(|b| b.span.start.offset)
            .collect(),
        Part::Authority,
    );
    add(
        doc.bodies.iter().map(|b| b.span.start.offset).collect(),
        Part::Body,
    );
    add(
        doc.priorities.iter().map(|b| b.span.start.offset).collect(),
        Part::Priority,
    );
    add(
        doc.themes.iter().map(|b| b.span.start.offset).collect(),
        Part::Theme,
    );
    add(
        doc.plans.iter().map(|b| b.span.start.offset).collect(),
        Part::Plan,
    );
    add(
        doc.action_plans
            .iter()
            .map(|b| b.span.start.offset)
            .collect(),
        Part::ActionPlan,
    );
    add(
        doc.assessments
            .iter()
            .map(|b| b.span.start.offset)
            .collect(),
        Part::Assessment,
    );
    add(
        doc.risk_rankings
            .iter()
            .map(|b| b.span.start.offset)
            .collect(),
        Part::RiskRanking,
    );
    add(
        doc.horizon_scans
            .iter()
            .map(|b| b.span.start.offset)
            .collect(),
        Part::HorizonScan,
    );
    add(
        doc.links.iter().map(|b| b.span.start.offset).collect(),
        Part::Links,
    );
    add(
        doc.contacts.iter().map(|b| b.span.start.offset).collect(),
        Part::Contact,
    );
    out.sort_by_key(|(s, _)| *s);
    out
}
