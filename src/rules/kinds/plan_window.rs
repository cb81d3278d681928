//! Where csa cannot tell which Police and Crime Plan was in force: a newer plan whose
//! first day is known only as a window, or a plan the Commissioner had to issue after
//! an election that csa's data does not have. A document recording either plan of a
//! window is not wrong, and none is called wrong on a day csa does not know; these
//! helpers give the plan checks (`pcc-plan-current`, `pcc-plan-life`) what csa knows
//! and the info that says what it does not.

use crate::ast::Date;
use crate::knowledge::{financial_year_end, InForce, Plan, PoliceArea};
use crate::rules::{Context, Finding};
use crate::text::Span;

/// The days after which a Commissioner had to issue a new plan: the ordinary PCC
/// elections of law.toml (a mayor taking the functions over is added by the knowledge).
pub(super) fn elections(cx: &Context) -> Vec<Date> {
    cx.law
        .events
        .iter()
        .filter(|e| e.kind == "pcc-election")
        .map(|e| e.date.0)
        .collect()
}

/// What csa knows of the plan in force in `police` on the effective date.
pub(super) fn in_force<'k>(cx: &Context<'k>, police: &PoliceArea, date: Date) -> InForce<'k> {
    cx.knowledge.in_force(&police.id, date, &elections(cx))
}

/// `expected_period` of a `pcc-plan-current` finding: the settled plan's period, and
/// the newer plans that may already have replaced it.
pub(super) fn expected_period(known: &InForce, settled: &Plan) -> String {
    let mut text = settled.period_text();
    for p in &known.possible {
        text.push_str(&format!(
            "; or `{}`, issued on {} (csa does not know the day, so either may be the plan in force)",
            p.title,
            p.start_text()
        ));
    }
    text
}

/// The infos of `pcc-plan-life` for what csa cannot tell on the effective date: each
/// newer plan whose window holds it, and a plan due after an election that csa does
/// not know.
pub(super) fn uncertain(
    cx: &Context,
    police: &PoliceArea,
    known: &InForce,
    span: Span,
    out: &mut Vec<Finding>,
) {
    let Some(effective) = cx.effective else {
        return;
    };
    let finding = |date: String, change: String, advice: String| {
        Finding::at(span)
            .arg("area", police.display_name())
            .arg("date", date)
            .arg("life", cx.life_text())
            .arg("change", change)
            .arg("advice", advice)
    };
    let mut old = known.settled;
    for new in &known.possible {
        let replaces = old.map_or(String::new(), |o| {
            format!(" replaces `{}` ({})", o.title, o.period_text())
        });
        let mut f = finding(
            format!(
                "{} that csa does not know (it may be before the effective date, {effective})",
                new.start_text()
            ),
            format!("`{}`{replaces} as the Police and Crime Plan", new.title),
            format!(
                "record the plan in force on the effective date (`{}` until the new plan was issued) and have regard to `{}`'s objectives from the day it was issued (Crime and Disorder Act 1998 s6(1A))",
                old.map_or(new.title.as_str(), |o| o.title.as_str()),
                new.title
            ),
        )
        .rests_on(new.confidence);
        if let Some(o) = old {
            f = f.rests_on(o.confidence);
        }
        out.push(f);
        old = Some(new);
    }
    if let Some(election) = known.unknown_since {
        out.push(finding(
            effective.to_string(),
            format!(
                "csa does not know the Police and Crime Plan in force: the Commissioner elected on {election} had to issue one by {} (Police Reform and Social Responsibility Act 2011 s5) and csa's data does not have it, so csa did not check the plan the document records",
                financial_year_end(election)
            ),
            "make sure the document records the plan issued after that election, with its objectives; csa's data can be completed with a rule pack (`[[knowledge.plan]]`, docs/knowledge.md)".to_string(),
        ));
    }
}
