//! Regard to every objective of the Police and Crime Plan (Crime and Disorder Act
//! 1998 s6(1A)): once a recorded plan is one csa knows, the objectives it knows are
//! compared with those the document writes in, so that a plan written in with one of
//! its thirteen objectives does not pass.

use super::Kind;
use crate::ast::{Objective, PccPlan};
use crate::knowledge::PlanObjective;
use crate::rules::{Context, Finding, Rule};
use crate::text::matching;

/// The `pcc-objectives-complete` kind.
pub const PCC_OBJECTIVES_COMPLETE: Kind = Kind {
    name: "pcc-objectives-complete",
    doc: "A recorded Police and Crime Plan that csa knows lists every objective csa knows of it (by id, or by words close to the objective's; a known id decides).",
    args: &["count", "known", "missing", "plan", "recorded"],
    params: &[],
    run: Some(objectives_complete),
};

/// Whether the document's objective has this known one's id.
fn same_id(recorded: &Objective, known: &PlanObjective) -> bool {
    recorded.id.value.eq_ignore_ascii_case(&known.id)
}

/// Whether the document's objective is this known one of `all`. An id csa knows
/// decides: it is the document's own word for which objective it means, so a line with
/// one objective's id and another's words is not counted as both. Otherwise its text
/// holds the known title's words in order (or is held in it); likeness of words is not
/// enough: "Protecting People" and "Protecting Places" are two objectives.
fn same(recorded: &Objective, known: &PlanObjective, all: &[PlanObjective]) -> bool {
    if all.iter().any(|k| same_id(recorded, k)) {
        return same_id(recorded, known);
    }
    recorded.text.as_ref().is_some_and(|t| {
        matching::contains_phrase(&t.value, &known.title)
            || matching::contains_phrase(&known.title, &t.value)
    })
}

/// The plan csa knows that this block records, if any.
fn known_plan<'k>(cx: &Context<'k>, plan: &PccPlan) -> Option<&'k crate::knowledge::Plan> {
    let police = super::knowledge::police_area_for(cx, plan)?;
    let title = plan.title.as_ref().map_or("", |t| t.value.as_str());
    cx.knowledge
        .plans_of(&police.id)
        .find(|p| super::pcc::names_plan(title, p) || p.id == plan.id.value)
}

/// `pcc-objectives-complete`: the known objectives the recorded plan leaves out.
pub fn objectives_complete(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    // A plan recorded with no objectives is `plan-objectives-listed`'s finding.
    for plan in cx.doc.plans.iter().filter(|p| !p.objectives.is_empty()) {
        let Some(known) = known_plan(cx, plan) else {
            continue;
        };
        let missing: Vec<&PlanObjective> = known
            .objectives
            .iter()
            .filter(|k| {
                !plan
                    .objectives
                    .iter()
                    .any(|r| same(r, k, &known.objectives))
            })
            .collect();
        if missing.is_empty() {
            continue;
        }
        let names: Vec<String> = missing
            .iter()
            .map(|m| format!("`{}` ({})", m.id, m.title))
            .collect();
        out.push(
            Finding::at(plan.title.as_ref().map_or(plan.header_span, |t| t.span))
                .arg("plan", known.title.clone())
                .arg("count", missing.len().to_string())
                .arg("known", known.objectives.len().to_string())
                .arg("recorded", plan.objectives.len().to_string())
                .arg("missing", names.join("; "))
                .rests_on(known.confidence),
        );
    }
}
