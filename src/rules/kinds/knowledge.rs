//! Checks resting on what csa knows of places and policing bodies: the header's area
//! is a known place, and the changes a document lives through (a new Police and Crime
//! Plan, an election, a mayor taking over, the end of PCCs, a reorganisation of local
//! government) are said in it.

use super::Kind;
use crate::ast::{Date, PccPlan};
use crate::diagnostics::{Applicability, Edit, Fix};
use crate::knowledge::law::Confidence;
use crate::knowledge::{PoliceArea, Resolved};
use crate::rules::{Context, Finding, Rule};

/// The police area a plan block belongs to: its own `area:`, else the one the
/// header's area lies in.
pub(super) fn police_area_for<'k>(cx: &Context<'k>, plan: &PccPlan) -> Option<&'k PoliceArea> {
    let own = plan
        .area
        .as_ref()
        .and_then(|a| cx.knowledge.police_area_named(&a.value, cx.effective));
    own.or_else(|| document_police_area(cx))
}

/// The police area the header's area lies in.
pub(super) fn document_police_area<'k>(cx: &Context<'k>) -> Option<&'k PoliceArea> {
    let area = cx.doc.agreement.as_ref()?.area.as_ref()?;
    cx.knowledge.police_area_named(&area.value, cx.effective)
}

/// The police area of the document: the first plan's own `area:`, else the header's.
fn police_area<'k>(cx: &Context<'k>) -> Option<&'k PoliceArea> {
    cx.doc
        .plans
        .iter()
        .find_map(|p| {
            p.area
                .as_ref()
                .and_then(|a| cx.knowledge.police_area_named(&a.value, cx.effective))
        })
        .or_else(|| document_police_area(cx))
}

/// The `area-known` kind.
pub const AREA_KNOWN: Kind = Kind {
    name: "area-known",
    doc: "The header's `area:` and `excludes:`, and a plan's `area:`, are places csa knows (rules/gazetteer.toml or a rule pack).",
    args: &["area", "field", "suggestion"],
    params: &[],
    run: Some(unknown_area),
};

/// `area-known`: the header's `area:` and `excludes:`, and a plan's `area:`, name
/// places csa knows.
pub fn unknown_area(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    if cx.knowledge.gazetteer().authorities.is_empty() {
        return;
    }
    let Some(agreement) = cx.doc.agreement.as_ref() else {
        return;
    };
    let plan_areas = cx.doc.plans.iter().filter_map(|p| p.area.as_ref());
    let names = agreement
        .area
        .iter()
        .map(|a| ("area", a))
        .chain(agreement.excludes.iter().map(|a| ("excludes", a)))
        .chain(plan_areas.map(|a| ("plan area", a)));
    for (field, name) in names {
        if !cx.knowledge.resolve(&name.value, cx.effective).is_empty() {
            continue;
        }
        let mut finding = Finding::at(name.span)
            .arg("area", name.value.clone())
            .arg("field", field);
        finding = match cx.knowledge.suggest(&name.value) {
            Some(s) => finding
                .arg("suggestion", format!("; did you mean `{s}`?"))
                .fix(Fix {
                    title: format!("Change to `{s}`"),
                    applicability: Applicability::Unsafe,
                    edits: vec![Edit {
                        span: name.span,
                        replacement: s,
                    }],
                }),
            None => finding.arg("suggestion", ""),
        };
        out.push(finding);
    }
}

/// The `pcc-plan-life` kind.
pub const PCC_PLAN_LIFE: Kind = Kind {
    name: "pcc-plan-life",
    doc: "A new Police and Crime Plan issued inside the document's life, or the plan in force reaching the end of its stated period inside it.",
    args: &["advice", "area", "change", "date", "life"],
    params: &[],
    run: Some(plan_life),
};

/// `pcc-plan-life`: a new Police and Crime Plan issued inside the document's life, or
/// the plan in force reaching the end of its stated period inside it with no successor
/// known.
pub fn plan_life(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let (Some(effective), Some(end)) = (cx.effective, cx.life_end) else {
        return;
    };
    let Some(police) = police_area(cx) else {
        return;
    };
    let span = cx.doc.plans.first().map_or(cx.document_span(), |p| {
        p.title.as_ref().map_or(p.header_span, |t| t.span)
    });
    // What csa cannot tell on the effective date is said first (a window open then, a
    // plan due after an election that csa does not know).
    let known = super::plan_window::in_force(cx, police, effective);
    super::plan_window::uncertain(cx, police, &known, span, out);
    let mut current = known.possible.last().copied().or(known.settled);
    let mut newer = !known.possible.is_empty();
    for plan in cx.knowledge.plans_of(&police.id) {
        // A plan whose day is known only as a window is reported from the window's
        // first day, with both ends.
        if !cx.in_life(plan.from.0) {
            continue;
        }
        newer = true;
        // With its dates: a plan's title may be as plain as "Police and Crime Plan".
        // A first plan (none known before it) is issued; a later one replaces.
        let replaces = current.map_or(" is issued".to_string(), |c| {
            format!(" replaces `{}` ({})", c.title, c.period_text())
        });
        out.push(
            Finding::at(span)
                .arg("area", police.display_name())
                .arg("date", plan.start_text())
                .arg("life", cx.life_text())
                .arg(
                    "change",
                    format!(
                        "`{}` ({}){replaces} as the Police and Crime Plan",
                        plan.title,
                        plan.period_text()
                    ),
                )
                .arg(
                    "advice",
                    format!(
                        "record `{}` and have regard to its objectives from the day it is issued (Crime and Disorder Act 1998 s6(1A))",
                        plan.title
                    ),
                )
                .rests_on(plan.confidence),
        );
        current = Some(plan);
    }
    if newer || known.unknown_since.is_some() {
        return;
    }
    // No newer plan known: the plan in force may reach the end of its period.
    let Some(plan) = current else {
        return;
    };
    if let Some(to) = plan
        .to
        .filter(|to| to.0 >= effective.first_day() && to.0 < end)
    {
        out.push(
            Finding::at(span)
                .arg("area", police.display_name())
                .arg("date", to.0.to_string())
                .arg("life", cx.life_text())
                .arg(
                    "change",
                    format!("the period `{}` states for itself ends", plan.title),
                )
                .arg(
                    "advice",
                    "it stays in force until the Commissioner issues a new plan (Police Reform and Social Responsibility Act 2011 s5, s7): say which plan the partnership will have regard to after that day",
                )
                .rests_on(plan.confidence),
        );
    }
}

/// The `policing-body-life` kind.
pub const POLICING_BODY_LIFE: Kind = Kind {
    name: "policing-body-life",
    doc: "Who holds the Police and Crime Commissioner's functions changes inside the document's life (a mayor, an election, the end of PCCs).",
    args: &["advice", "area", "change", "date", "life"],
    params: &[],
    run: Some(policing_body_life),
};

/// `policing-body-life`: who holds the Police and Crime Commissioner's functions
/// changes inside the document's life: a mayor takes them over, a PCC election, or the
/// announced end of PCCs.
pub fn policing_body_life(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let (Some(effective), Some(_)) = (cx.effective, cx.life_end) else {
        return;
    };
    let Some(police) = police_area(cx) else {
        return;
    };
    let span = cx.document_span();
    // `announced`: not yet law, so never more than unconfirmed.
    let mut push =
        |date: Date, change: String, advice: String, announced: bool, confidence: Confidence| {
            out.push(
                Finding::at(span)
                    .arg("area", police.display_name())
                    .arg("date", date.to_string())
                    .arg("life", cx.life_text())
                    .arg("change", change)
                    .arg("advice", advice)
                    .unverified_if(announced)
                    .rests_on(confidence),
            );
        };
    // A change of holder recorded in the gazetteer.
    for gov in &police.governance {
        let Some(from) = gov.from.filter(|f| cx.in_life(f.0)) else {
            continue;
        };
        let before = cx.knowledge.governance_on(&police.id, date_before(from.0));
        let title = match gov.role.as_str() {
            "mayor" => {
                "the mayor takes over the Police and Crime Commissioner's functions".to_string()
            }
            "pcc" | "pfcc" => "a Police and Crime Commissioner takes office".to_string(),
            _ => "a new body takes over the functions of the local policing body".to_string(),
        };
        push(
            from.0,
            format!(
                "{title}: `{}`{}",
                gov.holder,
                before.map_or(String::new(), |b| format!(" in place of `{}`", b.holder))
            ),
            format!(
                "from that day the Police and Crime Plan is issued by `{}` and the agreement goes to them (SI 2007/1830 reg 9A); say so",
                gov.holder
            ),
            false,
            gov.confidence,
        );
    }
    for event in &cx.law.events {
        if !cx.in_life(event.date.0) {
            continue;
        }
        let holder = cx.knowledge.governance_on(&police.id, event.date.0);
        let pcc = holder.is_none_or(|h| h.role == "pcc" || h.role == "pfcc");
        if !pcc {
            continue; // a mayor's area: no PCC election, nothing to abolish
        }
        let announced = event.status.as_deref() == Some("announced");
        let (change, advice) = match event.kind.as_str() {
            "pcc-election" => (
                format!("{} are held", event.title),
                "a Commissioner elected then issues a new Police and Crime Plan (Police Reform and Social Responsibility Act 2011 s5): say that the partnership will have regard to it".to_string(),
            ),
            "pcc-abolition" => (
                format!(
                    "{}{}",
                    event.title,
                    if announced { " (announced 2025-11-13, not yet law)" } else { "" }
                ),
                "say who the partnership expects to issue the plan after that and how it will have regard to it".to_string(),
            ),
            _ => (event.title.clone(), "say so".to_string()),
        };
        push(event.date.0, change, advice, announced, event.confidence);
    }
    let _ = effective;
}

/// The `two-tier-area` kind.
pub const TWO_TIER_AREA: Kind = Kind {
    name: "two-tier-area",
    doc: "A county agreement is for a county with districts, and no council of the area is abolished or reorganised inside the document's life.",
    args: &["advice", "area", "change", "date", "life"],
    params: &[],
    run: Some(two_tier),
};

/// `two-tier-area`: a county agreement for an area with no district councils, or a
/// document whose council is abolished (or reorganised) inside its life.
pub fn two_tier(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let (Some(effective), Some(agreement)) = (cx.effective, cx.doc.agreement.as_ref()) else {
        return;
    };
    let Some(area) = agreement.area.as_ref() else {
        return;
    };
    let g = cx.knowledge.gazetteer();
    abolished_before(cx, effective, area, out);
    let places = cx.knowledge.resolve(&area.value, Some(effective));
    let authorities: Vec<_> = places
        .iter()
        .filter_map(|p| match p {
            Resolved::Authority(a) => Some(*a),
            _ => None,
        })
        .collect();
    for a in &authorities {
        if cx.document_kind() == crate::ast::DocumentKind::CountyAgreement
            && a.exists_on(effective)
            && (a.tier != "county" || g.districts_of(&a.id, effective).next().is_none())
        {
            out.push(
                Finding::at(area.span)
                    .arg("area", a.name.clone())
                    .arg("date", effective.to_string())
                    .arg("life", cx.life_text())
                    .arg(
                        "change",
                        format!(
                            "`{}` has no district councils on the effective date, so there is no two-tier area for a county agreement",
                            a.name
                        ),
                    )
                    .arg(
                        "advice",
                        format!(
                            "write a {} plan for `{}` instead (only a two-tier county has a community safety agreement, SI 2007/1830 reg 9)",
                            if a.tier == "county" { "county" } else { "unitary" },
                            a.area
                        ),
                    )
                    .rests_on(a.confidence),
            );
        }
        // Abolished inside the life.
        if let Some(until) = a.until.filter(|u| cx.in_life(date_after(u.0))) {
            let successors: Vec<&str> = a
                .successors
                .iter()
                .filter_map(|id| g.authority(id))
                .map(|s| s.name.as_str())
                .collect();
            let by = if successors.is_empty() {
                " (csa does not know its successor)".to_string()
            } else {
                format!(" and replaced by {}", quoted_list(&successors))
            };
            out.push(
                Finding::at(area.span)
                    .arg("area", a.name.clone())
                    .arg("date", date_after(until.0).to_string())
                    .arg("life", cx.life_text())
                    .arg("change", format!("`{}` is abolished{by}", a.name))
                    .arg("advice", advice_for(cx.document_kind().as_str()))
                    .rests_on(a.confidence),
            );
        }
        // A reorganisation decided or announced, inside the life.
        for r in g.reorganisations.iter().filter(|r| {
            (r.area == a.id || a.county.as_deref() == Some(r.area.as_str()))
                && r.effective.is_some_and(|d| cx.in_life(d.0))
                && a.until.is_none()
        }) {
            let date = r.effective.map(|d| d.0).unwrap_or(effective);
            out.push(
                Finding::at(area.span)
                    .arg("area", a.name.clone())
                    .arg("date", date.to_string())
                    .arg("life", cx.life_text())
                    .arg("change", format!("{} ({})", r.title, r.status))
                    .arg("advice", advice_for(cx.document_kind().as_str()))
                    .unverified_if(r.status != "decided")
                    .rests_on(r.confidence),
            );
        }
    }
}

/// A document whose area's council (or county) had been abolished by its effective
/// date: the partnership it speaks for no longer exists, and the council that took over
/// plans for its whole area.
fn abolished_before(
    cx: &Context,
    effective: Date,
    area: &crate::ast::Spanned<String>,
    out: &mut Vec<Finding>,
) {
    for gone in cx.knowledge.abolished_by(&area.value, effective) {
        let now: Vec<&str> = gone.now.iter().map(|a| a.name.as_str()).collect();
        let (by, advice) = if now.is_empty() {
            (
                " (csa does not know the council that took over its area)".to_string(),
                "write the plan for the council that now serves the area, whose partnership plans for the whole of it (Crime and Disorder Act 1998 s5-6)".to_string(),
            )
        } else {
            (
                format!(
                    ", and its area passed to {}",
                    quoted_list(&now)
                ),
                format!(
                    "write the plan for {} instead: the partnership of the council that took over plans for its whole area (Crime and Disorder Act 1998 s5-6){}",
                    quoted_list(&now),
                    if cx.document_kind() == crate::ast::DocumentKind::CountyAgreement {
                        ", and a county agreement needs a two-tier county (SI 2007/1830 reg 9)"
                    } else {
                        ""
                    }
                ),
            )
        };
        let mut finding = Finding::at(area.span)
            .arg("area", gone.authority.name.clone())
            .arg("date", gone.ended.to_string())
            .arg("life", cx.life_text())
            .arg(
                "change",
                format!(
                    "before the document took effect, `{}` was abolished{by}",
                    gone.authority.name
                ),
            )
            .arg("advice", advice)
            .rests_on(gone.authority.confidence);
        for a in &gone.now {
            finding = finding.rests_on(a.confidence);
        }
        out.push(finding);
    }
}

fn advice_for(kind: &str) -> String {
    match kind {
        "county-agreement" => "the county agreement ends then, as there is no longer a county with districts (SI 2007/1830 reg 9); say how the partnership plans for the new councils".to_string(),
        _ => "each new council's partnership needs its own plan from that day (Crime and Disorder Act 1998 s5-6); say how the partnership prepares for it".to_string(),
    }
}

fn quoted_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}

/// The day after `date`.
pub(super) fn date_after(date: Date) -> Date {
    crate::ast::date_from_days(date.days_since_epoch() + 1)
}

/// The day before `date`.
fn date_before(date: Date) -> Date {
    crate::ast::date_from_days(date.days_since_epoch() - 1)
}
