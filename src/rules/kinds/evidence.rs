//! Evidence: the strategic assessments table adds up, and what most partnerships
//! named is covered by a priority or theme.

use super::{Kind, Param, ParamDefault, ParamType};
use crate::rules::{Context, Finding, Rule};
use crate::text::matching;

/// The `assessment-count` kind.
pub const ASSESSMENT_COUNT: Kind = Kind {
    name: "assessment-count",
    doc: "No issue is named by more partnerships than made assessments.",
    args: &["count", "issue", "total"],
    params: &[],
    run: Some(count_exceeds),
};

/// `assessment-count`: an issue named by more partnerships than made assessments.
pub fn count_exceeds(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    for assessment in &cx.doc.assessments {
        let Some(total) = &assessment.partnerships else {
            continue;
        };
        for issue in &assessment.issues {
            if let Some(count) = issue.count.as_ref().filter(|c| c.value > total.value) {
                out.push(
                    Finding::at(count.span)
                        .arg("count", count.value.to_string())
                        .arg("total", total.value.to_string())
                        .arg(
                            "issue",
                            issue
                                .text
                                .as_ref()
                                .map_or(String::new(), |t| t.value.clone()),
                        )
                        .label(total.span, "the number of partnerships"),
                );
            }
        }
    }
}

/// The `assessment-coverage` kind.
pub const ASSESSMENT_COVERAGE: Kind = Kind {
    name: "assessment-coverage",
    doc: "An issue named by at least a share of partnerships is covered by a priority or theme.",
    args: &["count", "issue", "total"],
    params: &[Param {
        name: "share",
        ty: ParamType::Number { min: 0.0, max: 1.0 },
        default: ParamDefault::Number(0.5),
        doc: "The share of the partnerships that must have named an issue for it to need covering.",
    }],
    run: Some(uncovered_issue),
};

/// `assessment-coverage`: an issue named by at least `share` of the partnerships that
/// no priority or theme covers (they share no meaningful word).
pub fn uncovered_issue(cx: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let share = rule.settings().number("share");
    let topics = cx.topics();
    let mut all_words: Option<std::collections::HashSet<&str>> = None;
    for assessment in &cx.doc.assessments {
        let Some(total) = &assessment.partnerships else {
            continue;
        };
        for issue in &assessment.issues {
            let (Some(count), Some(text)) = (&issue.count, &issue.text) else {
                continue;
            };
            if (count.value as f64) < share * total.value as f64 {
                continue;
            }
            let words = matching::content_words(&text.value);
            // Every topic's words in one set, gathered once: an issue is covered when
            // some topic shares a word with it.
            let covered = all_words.get_or_insert_with(|| {
                topics
                    .iter()
                    .flat_map(|t| t.content().iter().map(String::as_str))
                    .collect::<std::collections::HashSet<&str>>()
            });
            if !words.iter().any(|w| covered.contains(w.as_str())) {
                out.push(
                    Finding::at(text.span)
                        .arg("issue", text.value.clone())
                        .arg("count", count.value.to_string())
                        .arg("total", total.value.to_string()),
                );
            }
        }
    }
}
