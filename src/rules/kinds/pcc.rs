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

/// `pcc-plan-current`: the knowledge holds another plan in force in the document's
/// police area on the effective date. The police area is the `@plan` block's own
/// `area:` when it gives one, else the one the header's `area:` lies in (a district
/// plan for Ashford is checked against Kent's plans).
pub fn plan_current(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let Some(effective) = cx.effective else {
        return;
    };
    for plan in &cx.doc.plans {
        let Some(police) = super::knowledge::police_area_for(cx, plan) else {
            continue;
        };
        let Some(expected) = cx.knowledge.plan_in_force(&police.id, effective) else {
            continue;
        };
        let title = plan.title.as_ref().map_or("", |t| t.value.as_str());
        if names_plan(title, expected) {
            continue;
        }
        out.push(
            Finding::at(plan.title.as_ref().map_or(plan.header_span, |t| t.span))
                .arg("plan", title)
                .arg("expected", expected.title.clone())
                .arg("area", police.name.clone())
                .arg("effective", effective.to_string())
                .arg("expected_period", expected.period_text())
                .unverified_if(expected.confidence == Confidence::Unverified),
        );
    }
}

/// Whether a document's title for a plan names the known plan.
pub(super) fn names_plan(title: &str, plan: &crate::knowledge::Plan) -> bool {
    plan.titles()
        .any(|t| matching::contains_phrase(title, t) || matching::similarity(title, t) >= 0.8)
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
pub fn likely_link(cx: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let threshold = rule.param_float("threshold").unwrap_or(0.3);
    let topics = cx.topics();
    let mut topic_words: Option<Vec<Vec<String>>> = None;
    for objective in cx.objectives() {
        if objective.not_adopted.is_some() || cx.is_supported(&objective.id.value) {
            continue;
        }
        // Reduced once, and only when some objective needs them.
        let words = topic_words.get_or_insert_with(|| {
            topics
                .iter()
                .map(|t| matching::specific_words(t.description()))
                .collect()
        });
        let wanted = matching::specific_words(&text(objective));
        let best = topics
            .iter()
            .zip(words.iter())
            .map(|(t, w)| (matching::similarity_of(w, &wanted), t))
            .filter(|(score, _)| *score >= threshold)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let Some((_, topic)) = best else {
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
