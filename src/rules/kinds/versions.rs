//! Versions and review: the history runs forward, ends at the header's version, and
//! the document is reviewed when its cycle says.

use crate::ast::{Date, Version};
use crate::rules::{Context, Finding, Rule};

use super::coverage::add_months;

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

/// `version-order`: a version that is not later than the one before it, by number
/// or by date.
pub fn order(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    for history in scopes(cx) {
        for pair in history.windows(2) {
            let (before, after) = (pair[0], pair[1]);
            let numbers_back = matches!((number(&before.version.value), number(&after.version.value)), (Some(a), Some(b)) if b <= a);
            let dates_back = matches!((&before.date, &after.date), (Some(a), Some(b)) if b.value.first_day() < a.value.first_day());
            if numbers_back || dates_back {
                let what = if numbers_back { "number" } else { "date" };
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

/// `version-header`: the latest version in the history is not the header's version.
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
    let latest = history
        .iter()
        .max_by(|a, b| number(&a.version.value).cmp(&number(&b.version.value)))
        .copied();
    if let Some(latest) = latest {
        if number(&latest.version.value) != number(&header.value)
            || number(&header.value).is_none() && latest.version.value != header.value
        {
            out.push(
                Finding::at(header.span)
                    .arg("header", header.value.clone())
                    .arg("latest", latest.version.value.clone())
                    .label(latest.version.span, "the latest version in the history"),
            );
        }
    }
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

/// `review-due`: a document older than its review cycle, as of today (or `--as-of`).
pub fn review_overdue(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let Some(agreement) = &cx.doc.agreement else {
        return;
    };
    let (Some(effective), Some(review)) = (&agreement.effective, &agreement.review) else {
        return;
    };
    let months = match review.value.as_str() {
        "annual" => 12,
        "biennial" => 24,
        "triennial" => 36,
        _ => return,
    };
    let due = add_months(effective.value.first_day(), months);
    if cx.as_of.first_day() > due {
        out.push(
            Finding::at(effective.span)
                .arg("effective", effective.value.to_string())
                .arg("review", review.value.clone())
                .arg("due", due.to_string())
                .arg("as_of", cx.as_of.to_string())
                .arg(
                    "age",
                    months_between(effective.value.first_day(), cx.as_of).to_string(),
                )
                .label(review.span, "the review cycle"),
        );
    }
}
