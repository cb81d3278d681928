//! Alignment with the Police and Crime Plan: the responsible authorities must have
//! regard to its objectives (Crime and Disorder Act 1998 s6(1A)). Having regard means
//! each objective was considered: adopted by a priority or theme, or recorded as not
//! adopted, with the reason.

use std::collections::HashMap;

use crate::ast::{Date, Objective};
use crate::diagnostics::{Applicability, Edit, Fix};
use crate::rules::law::Confidence;
use crate::rules::{matching, Context, Finding, Rule};

/// The day Police and Crime Commissioners took office and s6(1A) came into force.
const PCCS_TOOK_OFFICE: Date = Date {
    year: 2012,
    month: 11,
    day: Some(22),
};

/// `pcc-plan-declared`: no `@plan` in a document in force after PCCs took office.
pub fn plan_declared(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let Some(effective) = cx.effective else {
        return;
    };
    if cx.doc.plans.is_empty() && effective.first_day() >= PCCS_TOOK_OFFICE {
        out.push(Finding::at(cx.document_span()).arg("effective", effective.to_string()));
    }
}

/// `pcc-plan-period`: the plan's period misses the effective date, or is not given.
pub fn plan_period(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let Some(effective) = cx.effective else {
        return;
    };
    for plan in &cx.doc.plans {
        let title = plan
            .title
            .as_ref()
            .map_or(plan.id.value.clone(), |t| t.value.clone());
        match &plan.period {
            Some(period) if !period.value.covers(effective) => out.push(
                Finding::at(period.span)
                    .arg("plan", title)
                    .arg("period", format!("{} to {}", period.value.from, period.value.to))
                    .arg("problem", format!("does not cover the agreement's effective date, {effective}")),
            ),
            None => out.push(
                Finding::at(plan.header_span)
                    .arg("plan", title)
                    .arg("period", "not given")
                    .arg("problem", "is not given, so no one can tell whether it covers the agreement's effective date"),
            ),
            _ => {}
        }
    }
}

/// `pcc-plan-current`: the law data knows another plan in effect for the area.
pub fn plan_current(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let (Some(effective), Some(agreement)) = (cx.effective, cx.doc.agreement.as_ref()) else {
        return;
    };
    let Some(area) = agreement.area.as_ref() else {
        return;
    };
    let known: Vec<_> = cx
        .law
        .pcc_plans
        .iter()
        .filter(|p| matching::contains_phrase(&area.value, &p.area) && p.in_effect_on(effective))
        .collect();
    let Some(expected) = known.first() else {
        return;
    };
    let names_expected = |title: &str| {
        std::iter::once(expected.title.as_str())
            .chain(expected.aliases.iter().map(String::as_str))
            .any(|t| matching::contains_phrase(title, t) || matching::similarity(title, t) >= 0.8)
    };
    for plan in &cx.doc.plans {
        let title = plan.title.as_ref().map_or("", |t| t.value.as_str());
        if !names_expected(title) {
            out.push(
                Finding::at(plan.title.as_ref().map_or(plan.header_span, |t| t.span))
                    .arg("plan", title)
                    .arg("expected", expected.title.clone())
                    .arg("area", expected.area.clone())
                    .arg("effective", effective.to_string())
                    .arg(
                        "expected_period",
                        match expected.to {
                            Some(to) => format!("{} to {}", expected.from.0, to.0),
                            None => format!("from {}", expected.from.0),
                        },
                    )
                    .unverified_if(expected.confidence == Confidence::Unverified),
            );
        }
    }
}

fn text(objective: &Objective) -> String {
    objective
        .text
        .as_ref()
        .map_or(String::new(), |t| t.value.clone())
}

/// `pcc-objective-regarded`: objectives neither supported nor recorded as not adopted.
pub fn objective_regarded(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    for objective in cx.objectives() {
        if objective.not_adopted.is_none() && !cx.is_supported(&objective.id.value) {
            out.push(
                Finding::at(objective.id.span)
                    .arg("id", objective.id.value.clone())
                    .arg("objective", text(objective)),
            );
        }
    }
}

/// `pcc-objective-reference`: `supports:` ids that name no objective.
pub fn unknown_objective(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let ids: Vec<&str> = cx.objectives().map(|o| o.id.value.as_str()).collect();
    for topic in cx.topics() {
        for reference in topic.supports {
            if cx.has_objective(&reference.name) {
                continue;
            }
            let mut finding = Finding::at(reference.span)
                .arg("id", reference.name.clone())
                .arg("topic", topic.id);
            finding = match crate::ast::schema::did_you_mean(&reference.name, ids.iter().copied()) {
                Some(s) => finding
                    .arg("suggestion", format!("; did you mean `{s}`?"))
                    .fix(Fix {
                        title: format!("Change to `{s}`"),
                        applicability: Applicability::Safe,
                        edits: vec![Edit {
                            span: reference.span,
                            replacement: s.to_string(),
                        }],
                    }),
                None if ids.is_empty() => {
                    finding.arg("suggestion", "; the document declares no plan objectives")
                }
                None => finding.arg("suggestion", ""),
            };
            out.push(finding);
        }
    }
}

/// `pcc-likely-link`: an objective nobody supports that a priority or theme reads like.
pub fn likely_link(cx: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let threshold = rule.param_float("threshold").unwrap_or(0.3);
    let topics = cx.topics();
    let mut candidates: Option<Candidates> = None;
    for objective in cx.objectives() {
        if objective.not_adopted.is_some() || cx.is_supported(&objective.id.value) {
            continue;
        }
        // Built once, and only when some objective needs it.
        let candidates = candidates.get_or_insert_with(|| Candidates::new(topics, threshold));
        let Some(topic) = candidates.best(&text(objective)).map(|i| &topics[i]) else {
            continue;
        };
        let edit = match topic.supports.last() {
            Some(last) => Edit {
                span: crate::text::Span {
                    start: last.span.end,
                    end: last.span.end,
                },
                replacement: format!(", {}", objective.id.value),
            },
            None => super::insert_after(
                topic.header_span,
                &format!("  supports: {}", objective.id.value),
            ),
        };
        out.push(
            Finding::at(topic.header_span)
                .arg("keyword", topic.keyword)
                .arg("topic", topic.id)
                .arg("title", topic.title)
                .arg("id", objective.id.value.clone())
                .arg("objective", text(objective))
                .label(objective.id.span, "the objective")
                .fix(Fix {
                    title: format!("Link `{}` to `{}`", topic.id, objective.id.value),
                    applicability: Applicability::Unsafe,
                    edits: vec![edit],
                }),
        );
    }
}

/// Finds the topic an objective reads most like (the last of equals, in topic order,
/// at or above the threshold) without comparing every objective with every topic:
/// topics with the same words are compared once, only topics that share a word with
/// the objective can score above 0, and objectives with the same words are answered
/// once. The cost grows with the distinct wordings, not with the document.
struct Candidates {
    threshold: f64,
    /// The distinct word sets of the topics, each with the last topic that has it.
    sets: Vec<(Vec<String>, usize)>,
    /// For each distinct word of the topics, the sets (by index) that hold it.
    postings: HashMap<String, Vec<usize>>,
    /// The distinct words of the topics, by first byte, for the near matches.
    by_initial: HashMap<Option<u8>, Vec<String>>,
    /// Answers already given, by the objective's words.
    answers: HashMap<Vec<String>, Option<usize>>,
}

impl Candidates {
    fn new(topics: &[crate::rules::Topic], threshold: f64) -> Self {
        let mut index_of: HashMap<Vec<String>, usize> = HashMap::new();
        let mut sets: Vec<(Vec<String>, usize)> = Vec::new();
        for (i, topic) in topics.iter().enumerate() {
            let words = matching::specific_words(topic.description());
            match index_of.get(&words) {
                Some(&at) => sets[at].1 = i,
                None => {
                    index_of.insert(words.clone(), sets.len());
                    sets.push((words, i));
                }
            }
        }
        let mut postings: HashMap<String, Vec<usize>> = HashMap::new();
        for (at, (words, _)) in sets.iter().enumerate() {
            for word in words {
                postings.entry(word.clone()).or_default().push(at);
            }
        }
        let mut by_initial: HashMap<Option<u8>, Vec<String>> = HashMap::new();
        for word in postings.keys() {
            by_initial
                .entry(word.as_bytes().first().copied())
                .or_default()
                .push(word.clone());
        }
        Self {
            threshold,
            sets,
            postings,
            by_initial,
            answers: HashMap::new(),
        }
    }

    /// The index of the topic `objective` reads most like, if any reaches the threshold.
    fn best(&mut self, objective: &str) -> Option<usize> {
        let wanted = matching::specific_words(objective);
        if let Some(answer) = self.answers.get(&wanted) {
            return *answer;
        }
        let compared: Vec<usize> = if self.threshold > 0.0 {
            // Only a set sharing a word (or a near match) with the objective scores
            // above 0.
            let mut sets: Vec<usize> = wanted
                .iter()
                .flat_map(|y| {
                    self.by_initial
                        .get(&y.as_bytes().first().copied())
                        .into_iter()
                        .flatten()
                        .filter(|x| matching::alike(x, y))
                })
                .flat_map(|x| self.postings[x].iter().copied())
                .collect();
            sets.sort_unstable();
            sets.dedup();
            sets
        } else {
            (0..self.sets.len()).collect()
        };
        // In topic order, so that of equal scores the last wins, as when every topic
        // is compared.
        let mut ordered: Vec<(usize, f64)> = compared
            .into_iter()
            .map(|at| {
                let (words, topic) = &self.sets[at];
                (*topic, matching::similarity_of(words, &wanted))
            })
            .collect();
        ordered.sort_unstable_by_key(|(topic, _)| *topic);
        let answer = ordered
            .into_iter()
            .filter(|(_, score)| *score >= self.threshold)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(topic, _)| topic);
        self.answers.insert(wanted, answer);
        answer
    }
}
