//! The action plan: aims numbered PRIORITY.AIM in sequence, and every priority with
//! something to do.

use std::collections::HashSet;

use super::Kind;
use crate::ast::{ActionPlan, Aim};
use crate::diagnostics::{Applicability, Edit, Fix};
use crate::rules::{Context, Finding, Rule};

/// `(section, number)` of a well-formed aim number such as `3.2`.
fn parse(number: &str) -> Option<(u32, u32)> {
    let (a, b) = number.split_once('.')?;
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    (all_digits(a) && all_digits(b))
        .then(|| (a.parse().ok(), b.parse().ok()))
        .and_then(|(a, b)| Some((a?, b?)))
}

/// The section number most aims of the plan use.
fn section(plan: &ActionPlan) -> Option<u32> {
    let mut counts: Vec<(u32, usize)> = Vec::new();
    for (s, _) in plan.aims.iter().filter_map(|a| parse(&a.number.value)) {
        match counts.iter_mut().find(|(x, _)| *x == s) {
            Some((_, n)) => *n += 1,
            None => counts.push((s, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|(s, n)| (*n, std::cmp::Reverse(*s)))
        .map(|(s, _)| s)
}

fn expected(plan: &ActionPlan, index: usize) -> Option<String> {
    section(plan).map(|s| format!("{s}.{}", index + 1))
}

fn aim_finding(plan: &ActionPlan, aim: &Aim, index: usize) -> Finding {
    Finding::at(aim.number.span)
        .arg("number", aim.number.value.clone())
        .arg("priority", plan.priority.name.clone())
        .arg(
            "expected",
            expected(plan, index).unwrap_or_else(|| "PRIORITY.AIM".to_string()),
        )
}

/// The `aim-number` kind.
pub const AIM_NUMBER: Kind = Kind {
    name: "aim-number",
    doc: "Aims are numbered PRIORITY.AIM.",
    args: &["expected", "number", "priority"],
    params: &[],
    run: Some(malformed),
};

/// `aim-number`: aim numbers not of the form PRIORITY.AIM (such as "Page 3 Page 41").
pub fn malformed(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    for plan in &cx.doc.action_plans {
        for (i, aim) in plan.aims.iter().enumerate() {
            if parse(&aim.number.value).is_some() {
                continue;
            }
            let mut finding = aim_finding(plan, aim, i);
            if let Some(number) = expected(plan, i) {
                // Quoted numbers are replaced with their quotes.
                let mut span = aim.number.span;
                if aim.quoted {
                    span.start.offset -= 1;
                    span.start.column -= 1;
                    span.start.column_utf16 -= 1;
                    span.end.offset += 1;
                    span.end.column += 1;
                    span.end.column_utf16 += 1;
                }
                finding = finding.fix(Fix {
                    title: format!("Renumber as {number}"),
                    applicability: Applicability::Unsafe,
                    edits: vec![Edit {
                        span,
                        replacement: number,
                    }],
                });
            }
            out.push(finding);
        }
    }
}

/// The `aim-sequence` kind.
pub const AIM_SEQUENCE: Kind = Kind {
    name: "aim-sequence",
    doc: "Aims of an action plan share one section number and count up from 1.",
    args: &["expected", "number", "priority"],
    params: &[],
    run: Some(sequence),
};

/// `aim-sequence`: well-formed aim numbers out of sequence within their plan.
pub fn sequence(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    for plan in &cx.doc.action_plans {
        let Some(section) = section(plan) else {
            continue;
        };
        for (i, aim) in plan.aims.iter().enumerate() {
            let Some((s, n)) = parse(&aim.number.value) else {
                continue;
            };
            if s != section || n as usize != i + 1 {
                out.push(aim_finding(plan, aim, i));
            }
        }
    }
}

/// The `priority-actions` kind.
pub const PRIORITY_ACTIONS: Kind = Kind {
    name: "priority-actions",
    doc: "In a document with an action plan, every priority has aims.",
    args: &["id", "title"],
    params: &[],
    run: Some(priority_without_actions),
};

/// `priority-actions`: in a document with an action plan, priorities without aims.
pub fn priority_without_actions(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    if cx.doc.action_plans.is_empty() {
        return;
    }
    let with_aims: HashSet<&str> = cx
        .doc
        .action_plans
        .iter()
        .filter(|a| !a.aims.is_empty())
        .filter_map(|a| cx.priority(&a.priority.name))
        .map(|p| p.id.value.as_str())
        .collect();
    for priority in &cx.doc.priorities {
        let has_aims = with_aims.contains(priority.id.value.as_str());
        if !has_aims {
            out.push(
                Finding::at(priority.header_span)
                    .arg("id", priority.id.value.clone())
                    .arg(
                        "title",
                        priority
                            .title
                            .as_ref()
                            .map_or(String::new(), |t| t.value.clone()),
                    ),
            );
        }
    }
}
