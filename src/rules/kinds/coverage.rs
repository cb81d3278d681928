//! Statutory coverage: the strategy areas the law requires a partnership to address
//! (Crime and Disorder Act 1998 s6), as in force on the document's effective date.

use super::{Kind, Param, ParamDefault, ParamType};
use crate::ast::Date;
use crate::diagnostics::{Applicability, Fix};
use crate::knowledge::law::Area;
use crate::rules::{Context, Finding, Rule, Topic};
use crate::text::matching;

/// How an area is addressed by a document.
enum Addressed<'t> {
    /// A priority or theme declares it with `addresses:`.
    Explicitly,
    /// Only found by keywords, in these priorities or themes.
    ByKeywords(Vec<&'t Topic<'t>>),
    /// Not at all.
    No,
}

fn addressed<'t>(area: &Area, topics: &'t [Topic<'t>]) -> Addressed<'t> {
    let keywords = area.folded_keywords();
    if topics
        .iter()
        .any(|t| t.addresses.iter().any(|a| a.name == area.id))
    {
        return Addressed::Explicitly;
    }
    // Only titles count: a priority is a strategy for what its title says, not for
    // everything its `includes:` mentions ("County Lines and Drug Dealing (which also
    // links to the Substance Misuse priority)" is not a substance-misuse strategy).
    // Strongest match first: the topic that shares most keywords with the area.
    let mut scored: Vec<(usize, &Topic)> = topics
        .iter()
        .map(|t| {
            (
                keywords
                    .iter()
                    .filter(|k| matching::contains_words(&t.title_words, k))
                    .count(),
                t,
            )
        })
        .filter(|(hits, _)| *hits > 0)
        .collect();
    scored.sort_by_key(|(hits, _)| std::cmp::Reverse(*hits));
    let inferred: Vec<&Topic> = scored.into_iter().map(|(_, t)| t).collect();
    if inferred.is_empty() {
        Addressed::No
    } else {
        Addressed::ByKeywords(inferred)
    }
}

fn area_args(finding: Finding, area: &Area) -> Finding {
    finding
        .arg("area", area.id.clone())
        .arg("area_title", area.title.to_lowercase())
        .arg("citation", area.citation.clone())
        .arg("basis", area.basis())
        .arg("in_force_from", area.in_force_from.0.to_string())
        .rests_on(area.confidence)
}

/// The `statutory-coverage` kind.
pub const STATUTORY_COVERAGE: Kind = Kind {
    name: "statutory-coverage",
    doc: "Every statutory strategy area in force on the effective date is addressed, explicitly or by its keywords.",
    args: &["area", "area_title", "basis", "citation", "effective", "in_force_from"],
    params: &[],
    run: Some(uncovered),
};

/// `statutory-coverage`: areas in force on the effective date that no priority or
/// theme addresses.
pub fn uncovered(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let Some(effective) = cx.effective else {
        return;
    };
    // A document with no priorities yet is reported once, by `no-priorities`.
    if cx.topics().is_empty() {
        return;
    }
    let topics = cx.topics();
    for area in cx.law.areas.iter().filter(|a| a.in_force_on(effective)) {
        // An area mentioned only inside another priority is the weaker finding of
        // `area-only-mentioned`, not this error.
        if let Addressed::No = addressed(area, topics) {
            if super::trust::mentioned_in(area, topics).is_none() {
                out.push(
                    area_args(Finding::at(cx.document_span()), area)
                        .arg("effective", effective.to_string()),
                );
            }
        }
    }
}

/// The `inferred-coverage` kind.
pub const INFERRED_COVERAGE: Kind = Kind {
    name: "inferred-coverage",
    doc: "An area addressed only by keywords: suggests declaring it with `addresses:`.",
    args: &[
        "area",
        "area_title",
        "basis",
        "citation",
        "id",
        "in_force_from",
        "keyword",
        "words",
    ],
    params: &[],
    run: Some(inferred),
};

/// `inferred-coverage`: areas addressed only by keywords; suggests declaring them.
pub fn inferred(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let Some(effective) = cx.effective else {
        return;
    };
    let topics = cx.topics();
    for area in cx.law.areas.iter().filter(|a| a.in_force_on(effective)) {
        if let Addressed::ByKeywords(found) = addressed(area, topics) {
            let topic = found[0];
            let fix = Fix {
                title: format!("Declare `addresses: {}` on `{}`", area.id, topic.id),
                applicability: Applicability::Unsafe,
                edits: vec![super::insert_after(
                    topic.header_span,
                    &format!("  addresses: {}", area.id),
                )],
            };
            // Only offer the edit where the block has no `addresses:` yet; otherwise
            // the author adds the id to the existing list.
            // Each matched keyword once ("ASB" and "anti-social behaviour" are two;
            // "antisocial behaviour" repeats the second; "hate" is part of "hate crime").
            let folded: Vec<(&String, Vec<String>)> = area
                .keywords
                .iter()
                .map(|k| (k, matching::words(k)))
                .filter(|(_, w)| matching::contains_words(&topic.title_words, w))
                .collect();
            let mut matched: Vec<String> = Vec::new();
            for (i, (keyword, words)) in folded.iter().enumerate() {
                let repeated = folded[..i].iter().any(|(_, w)| w == words);
                let inside = folded
                    .iter()
                    .any(|(_, w)| w.len() > words.len() && matching::contains_words(w, words));
                if !repeated && !inside {
                    matched.push(format!("“{keyword}”"));
                }
            }
            let mut finding = area_args(Finding::at(topic.header_span), area)
                .arg("keyword", topic.keyword)
                .arg("id", topic.id)
                .arg("words", matched.join(", "));
            if topic.addresses.is_empty() {
                finding = finding.fix(fix);
            }
            out.push(finding);
        }
    }
}

/// The date `months` after `date`.
pub fn add_months(date: Date, months: i64) -> Date {
    let total = date.year as i64 * 12 + (date.month as i64 - 1) + months;
    let year = total.div_euclid(12) as i32;
    let month = total.rem_euclid(12) as u32 + 1;
    let day = date.day.map(|d| d.min(days_in(year, month)));
    Date { year, month, day }
}

fn days_in(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|d| Date::ymd(year, month, *d).is_some())
        .unwrap_or(28)
}

/// The `upcoming-coverage` kind.
pub const UPCOMING_COVERAGE: Kind = Kind {
    name: "upcoming-coverage",
    doc: "Areas coming into force during the document's life.",
    args: &[
        "area",
        "area_title",
        "basis",
        "citation",
        "in_force_from",
        "until",
    ],
    params: &[Param {
        name: "months",
        ty: ParamType::Whole {
            min: 1,
            max: 1200,
            at_least: None,
        },
        default: ParamDefault::Worked("the document's whole life: to the end of its `period:`, else its review cycle (12 months when it gives none)"),
        doc: "How far after the effective date to look for areas coming into force.",
    }],
    run: Some(upcoming),
};

/// `upcoming-coverage`: areas that come into force during the document's life and
/// that it does not yet address.
pub fn upcoming(cx: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let Some(effective) = cx.effective else {
        return;
    };
    // The whole life, as every rule that looks ahead reads it: to the end of the
    // period, not only to the next review.
    let end = match rule.settings().whole_if_given("months") {
        Some(months) => add_months(effective, months),
        None => match cx.life_end {
            Some(end) => end,
            None => return,
        },
    };
    let topics = cx.topics();
    if topics.is_empty() {
        return;
    }
    for area in &cx.law.areas {
        let from = area.in_force_from.0;
        if effective.first_day() < from && from.first_day() <= end.last_day() {
            if let Addressed::No = addressed(area, topics) {
                out.push(
                    area_args(Finding::at(cx.document_span()), area).arg("until", end.to_string()),
                );
            }
        }
    }
}

/// How a document addresses one statutory area, by the ids of its priorities and
/// themes: what `statutory-coverage` and `inferred-coverage` see, for reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coverage {
    /// Declared with `addresses:` by these.
    Declared(Vec<String>),
    /// Only found by keywords in these titles, strongest match first.
    Inferred(Vec<String>),
    /// Not addressed.
    Missing,
}

/// How the document in `cx` addresses `area`.
pub fn coverage_of(cx: &Context, area: &Area) -> Coverage {
    let topics = cx.topics();
    match addressed(area, topics) {
        Addressed::Explicitly => Coverage::Declared(
            topics
                .iter()
                .filter(|t| t.addresses.iter().any(|a| a.name == area.id))
                .map(|t| t.id.to_string())
                .collect(),
        ),
        Addressed::ByKeywords(found) => {
            Coverage::Inferred(found.iter().map(|t| t.id.to_string()).collect())
        }
        Addressed::No => Coverage::Missing,
    }
}

/// The `area-reference` kind.
pub const AREA_REFERENCE: Kind = Kind {
    name: "area-reference",
    doc: "Every `addresses:` id is a known statutory area.",
    args: &["area", "known", "suggestion"],
    params: &[],
    run: Some(unknown_area),
};

/// `area-reference`: `addresses:` ids that are not statutory areas.
pub fn unknown_area(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let ids: Vec<&str> = cx.law.areas.iter().map(|a| a.id.as_str()).collect();
    for topic in cx.topics() {
        for reference in topic.addresses {
            if cx.law.area(&reference.name).is_none() {
                let mut finding = Finding::at(reference.span)
                    .arg("area", reference.name.clone())
                    .arg(
                        "known",
                        ids.iter()
                            .map(|i| format!("`{i}`"))
                            .collect::<Vec<_>>()
                            .join(", "),
                    );
                match crate::ast::schema::did_you_mean(&reference.name, ids.iter().copied()) {
                    Some(s) => {
                        finding = finding
                            .arg("suggestion", format!("; did you mean `{s}`?"))
                            .fix(Fix {
                                title: format!("Change to `{s}`"),
                                applicability: Applicability::Unsafe,
                                edits: vec![crate::diagnostics::Edit {
                                    span: reference.span,
                                    replacement: s.to_string(),
                                }],
                            })
                    }
                    None => finding = finding.arg("suggestion", ""),
                }
                out.push(finding);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_roll_over_years_and_clamp_days() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(add_months(d("2022-04-01"), 12), d("2023-04-01"));
        assert_eq!(add_months(d("2022-11-30"), 3), d("2023-02-28"));
        assert_eq!(add_months(d("2024-01-31"), 1), d("2024-02-29"));
        assert_eq!(add_months(d("2022-04"), 24), d("2024-04"));
    }
}
