//! Versions and review: the history runs forward, ends at the header's version, and
//! the document is reviewed when its cycle says.

use crate::ast::{Date, Version};
use crate::rules::{Context, Finding, Rule};

use super::coverage::add_months;
use super::Kind;

/// A version number as numbers (`6.0` → [6, 0]); `None` when not numeric.
fn number(version: &str) -> Option<Vec<u64>> {
    version.split('.').map(|p| p.trim().parse().ok()).collect()
}

fn scopes<'a>(cx: &Context<'a>) -> Vec<Vec<&'a Version>> {
    ["agreement", "action-plan"]
        .iter()
        .map(|scope| {
            cx.doc
                .versions
                .iter()
                .filter(|v| v.scope == *scope)
                .collect()
        })
        .collect()
}

/// Whether `after` is not later than `before`, by number or by date; the word for
/// which.
fn goes_back(before: &Version, after: &Version) -> Option<&'static str> {
    let numbers_back = matches!((number(&before.version.value), number(&after.version.value)), (Some(a), Some(b)) if b <= a);
    let dates_back = matches!((&before.date, &after.date), (Some(a), Some(b)) if b.value.first_day() < a.value.first_day());
    if numbers_back {
        Some("number")
    } else if dates_back {
        Some("date")
    } else {
        None
    }
}

/// The `version-order` kind.
pub const VERSION_ORDER: Kind = Kind {
    name: "version-order",
    doc: "Version numbers and dates increase down the version history.",
    args: &["previous", "version", "what"],
    params: &[],
    run: Some(order),
};

/// `version-order`: a version that is not later than the one before it, by number
/// or by date.
pub fn order(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    for history in scopes(cx) {
        for pair in history.windows(2) {
            let (before, after) = (pair[0], pair[1]);
            if let Some(what) = goes_back(before, after) {
                out.push(
                    Finding::at(after.version.span)
                        .arg("version", after.version.value.clone())
                        .arg("previous", before.version.value.clone())
                        .arg("what", what)
                        .label(before.version.span, "the version before it"),
                );
            }
        }
    }
}

/// The same version, compared as numbers where both are numbers.
fn same_version(a: &str, b: &str) -> bool {
    match (number(a), number(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a.trim() == b.trim(),
    }
}

/// The `version-header` kind.
pub const VERSION_HEADER: Kind = Kind {
    name: "version-header",
    doc: "The latest version in the history is the header's version.",
    args: &["header", "latest"],
    params: &[],
    run: Some(header),
};

/// `version-header`: the latest version in the history is not the header's version.
/// The latest is the one with the latest date (the last listed when dates tie or
/// none is given), not the highest number. When the history is out of order and the
/// header matches either reading, the order finding is the one cause: no mismatch is
/// reported as well.
pub fn header(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let Some(header) = cx.doc.agreement.as_ref().and_then(|a| a.version.as_ref()) else {
        return;
    };
    let history: Vec<&Version> = cx
        .doc
        .versions
        .iter()
        .filter(|v| v.scope == "agreement")
        .collect();
    let by_date = history
        .iter()
        .filter(|v| v.date.is_some())
        .max_by_key(|v| {
            v.date
                .as_ref()
                .map(|d| d.value.first_day().days_since_epoch())
        })
        .copied();
    let by_number = history
        .iter()
        .max_by(|a, b| number(&a.version.value).cmp(&number(&b.version.value)))
        .copied();
    let Some(latest) = by_date.or(history.last().copied()) else {
        return;
    };
    if same_version(&latest.version.value, &header.value) {
        return;
    }
    let out_of_order = history
        .windows(2)
        .any(|pair| goes_back(pair[0], pair[1]).is_some());
    if out_of_order && by_number.is_some_and(|v| same_version(&v.version.value, &header.value)) {
        return;
    }
    out.push(
        Finding::at(header.span)
            .arg("header", header.value.clone())
            .arg("latest", latest.version.value.clone())
            .label(latest.version.span, "the latest version in the history"),
    );
}

/// The months between two dates, counting whole months.
fn months_between(from: Date, to: Date) -> i64 {
    let months = (to.year as i64 - from.year as i64) * 12 + to.month as i64 - from.month as i64;
    if to.first_day().day < from.first_day().day {
        months - 1
    } else {
        months
    }
}

/// The `review-due` kind.
pub const REVIEW_DUE: Kind = Kind {
    name: "review-due",
    doc: "A document is reviewed within its review cycle of its effective date, or by the end of its period, as of today (or --as-of); one that states neither is taken to be revised yearly.",
    args: &["age", "as_of", "basis", "due", "effective", "review"],
    params: &[],
    run: Some(review_overdue),
};

/// `review-due`: a document older than its review cycle, or past the end of its
/// period, as of today (or `--as-of`). A document stating neither is due a year after
/// it took effect: partnership plans are refreshed after each annual strategic
/// assessment. `review: none` with no period is the author's statement and is left.
pub fn review_overdue(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let Some(agreement) = &cx.doc.agreement else {
        return;
    };
    let Some(effective) = &agreement.effective else {
        return;
    };
    let Some((due, review, basis, label)) = due_by(agreement, effective.value) else {
        return;
    };
    if cx.as_of.first_day() > due {
        let mut finding = Finding::at(effective.span)
            .arg("effective", effective.value.to_string())
            .arg("review", review)
            .arg("basis", basis)
            .arg("due", due.to_string())
            .arg("as_of", cx.as_of.to_string())
            .arg(
                "age",
                months_between(effective.value.first_day(), cx.as_of).to_string(),
            );
        if let Some((span, words)) = label {
            finding = finding.label(span, words);
        }
        out.push(finding);
    }
}

/// The date a document is due for review by, as `review-due` reads it: its review
/// cycle from its effective date when it states one, else the end of its period, else
/// a year (partnership plans are refreshed every year); none for `review: none` with
/// no period. Every front end that shows the review date uses this one.
pub fn review_due(agreement: &crate::ast::Agreement) -> Option<Date> {
    let effective = agreement.effective.as_ref()?.value;
    due_by(agreement, effective).map(|(due, ..)| due)
}

/// The review date, the cycle as written, the words saying why, and the field it
/// rests on.
type Due = (
    Date,
    String,
    String,
    Option<(crate::text::Span, &'static str)>,
);

fn due_by(agreement: &crate::ast::Agreement, effective: Date) -> Option<Due> {
    let start = effective.first_day();
    let cycle = agreement
        .review
        .as_ref()
        .and_then(|r| crate::ast::ReviewCycle::parse(&r.value).map(|c| (r, c)));
    Some(match (cycle, &agreement.period) {
        (Some((r, c)), _) if c.months().is_some() => (
            add_months(start, c.months().unwrap_or(12)),
            r.value.clone(),
            format!("its review cycle is {}", r.value),
            Some((r.span, "the review cycle")),
        ),
        (_, Some(period)) => (
            period.value.to.last_day(),
            "period".to_string(),
            format!("its period ends on {}", period.value.to.last_day()),
            Some((period.span, "the period")),
        ),
        (None, None) if agreement.review.is_none() => (
            add_months(start, 12),
            "unstated".to_string(),
            "it states no review cycle or period, and partnership plans are refreshed every year after the strategic assessment".to_string(),
            None,
        ),
        _ => return None,
    })
}
