//! Alignment with the Police and Crime Plan: the responsible authorities must have
//! regard to its objectives (Crime and Disorder Act 1998 s6(1A)). Having regard means
//! each objective was considered: adopted by a priority or theme, or recorded as not
//! adopted, with the reason.

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
                    .arg("problem", format!("runs {} to {}, which does not cover the document's effective date, {effective}", period.value.from, period.value.to)),
            ),
            None => out.push(
                Finding::at(plan.header_span)
                    .arg("plan", title)
                    .arg("period", "not given")
                    .arg("problem", "is recorded without its period, so no one can tell whether it covers the document's effective date"),
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

/// Whether an objective is about the force's own business (estates, finance,
/// workforce): the partnership's duty of regard is to the police and crime
/// objectives (Crime and Disorder Act 1998 s6(1A)), not to how the force is run.
pub fn policing_only(objective: &Objective) -> bool {
    objective
        .scope
        .as_ref()
        .is_some_and(|s| s.value == "policing")
}

/// `pcc-objective-regarded`: objectives neither supported nor recorded as not adopted.
/// Policing-only objectives are skipped, and so is a document with no priorities or
/// themes yet (its missing priorities are reported once, by `no-priorities`).
pub fn objective_regarded(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    if cx.topics().is_empty() {
        return;
    }
    for objective in cx.objectives().filter(|o| !policing_only(o)) {
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
                        applicability: Applicability::DisplayOnly,
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
///
/// Words count by how informative they are: a word many of the document's priorities,
/// themes and objectives use counts for little (inverse document frequency), and the
/// vocabulary every plan shares ("community", "safer", "public") counts for nothing,
/// so one shared common word never makes a suggestion.
pub fn likely_link(cx: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let threshold = rule.param_float("threshold").unwrap_or(0.35);
    let topics = cx.topics();
    let unsupported: Vec<&Objective> = cx
        .objectives()
        .filter(|o| o.not_adopted.is_none() && !cx.is_supported(&o.id.value) && !policing_only(o))
        .collect();
    if unsupported.is_empty() || topics.is_empty() {
        return;
    }
    let topic_words: Vec<Vec<String>> = topics
        .iter()
        .map(|t| matching::informative_words(t.description()))
        .collect();
    let objective_words: Vec<Vec<String>> = cx
        .objectives()
        .map(|o| matching::informative_words(&text(o)))
        .collect();
    // How many of the document's texts use each word.
    let mut used_by: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for words in topic_words.iter().chain(&objective_words) {
        for w in words {
            *used_by.entry(w.as_str()).or_default() += 1;
        }
    }
    let texts = (topic_words.len() + objective_words.len()) as f64;
    let weight = |w: &str| -> f64 {
        let n = used_by.get(w).copied().unwrap_or(1).max(1) as f64;
        (1.0 + texts / n).ln()
    };
    for objective in unsupported {
        let wanted = matching::informative_words(&text(objective));
        let best = topics
            .iter()
            .zip(topic_words.iter())
            .map(|(t, w)| (matching::weighted_similarity(w, &wanted, &weight), t))
            // Enough of the objective's informative words, or a word only this
            // topic and this objective use ("road" in Road Safety and roads policing).
            .filter(|((score, shared), _)| {
                *score >= threshold
                    || *score >= threshold / 2.0
                        && shared
                            .iter()
                            .any(|w| used_by.get(w.as_str()).is_some_and(|n| *n <= 2))
            })
            .max_by(|a, b| a.0 .0.total_cmp(&b.0 .0));
        let Some(((_, shared), topic)) = best else {
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
                .arg(
                    "shared",
                    shared
                        .iter()
                        .map(|w| format!("“{w}”"))
                        .collect::<Vec<_>>()
                        .join(", "),
                )
                .label(objective.id.span, "the objective")
                .fix(Fix {
                    title: format!("Link `{}` to `{}`", topic.id, objective.id.value),
                    applicability: Applicability::Unsafe,
                    edits: vec![edit],
                }),
        );
    }
}
