//! The serious violence duty's partners (Police, Crime, Sentencing and Courts Act
//! 2022 s8(4), s11 and Sch 1): the youth offending team is a specified authority, and
//! educational, prison and youth custody authorities are consulted on the strategy.
//! The duty's first day and confidence come from rules/law.toml.

use super::{Kind, Param, ParamDefault, ParamType};
use crate::ast::Date;
use crate::knowledge::law::Duty;
use crate::rules::{Context, Finding, Rule};
use crate::text::matching;

const DUTY: Param = Param {
    name: "duty",
    ty: ParamType::Text {
        what: "a duty id from rules/law.toml",
    },
    default: ParamDefault::Text("serious-violence-duty"),
    doc: "The duty whose first day in force starts the check.",
};

/// The `youth-offending-team` kind.
pub const YOUTH_OFFENDING_TEAM: Kind = Kind {
    name: "youth-offending-team",
    doc: "Once the serious violence duty is in force, the document names the youth offending team (youth justice service) among its authorities, bodies or leads.",
    args: &["citation", "effective"],
    params: &[DUTY],
    run: Some(youth_offending_team),
};

/// `Some(duty)` when the duty named by the rule is in force on the effective date.
fn in_force<'l>(cx: &Context<'l>, rule: &Rule) -> Option<(&'l Duty, Date)> {
    let effective = cx.effective?;
    let duty = cx
        .law
        .duties
        .iter()
        .find(|d| d.id == rule.settings().text("duty"))?;
    let from = duty.in_force_from?;
    (from.0.first_day() <= effective.first_day()).then_some((duty, effective))
}

fn mentions(text: &str, phrases: &[&str]) -> bool {
    let words = matching::words(text);
    phrases
        .iter()
        .any(|p| matching::contains_words(&words, &matching::words(p)))
}

const YOT: &[&str] = &[
    "youth offending",
    "youth justice",
    "YOT",
    "YOS",
    "youth offending team",
];

/// `youth-offending-team`: no authority, body or lead organisation is the youth
/// offending team.
pub fn youth_offending_team(cx: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let Some((duty, effective)) = in_force(cx, rule) else {
        return;
    };
    let Some(agreement) = &cx.doc.agreement else {
        return;
    };
    let named = cx
        .doc
        .authorities
        .iter()
        .chain(&cx.doc.bodies)
        .filter_map(|o| o.name.as_ref())
        .map(|n| n.value.as_str())
        .chain(
            crate::ast::leads_of(cx.doc)
                .into_iter()
                .filter_map(|(_, l)| l.organisation.as_ref())
                .map(|o| o.value.as_str()),
        )
        .any(|name| mentions(name, YOT));
    if !named {
        out.push(
            Finding::at(agreement.header_span)
                .arg("citation", duty.citation.clone())
                .arg("effective", effective.to_string())
                .rests_on(duty.confidence),
        );
    }
}

/// The `serious-violence-consultees` kind.
pub const SERIOUS_VIOLENCE_CONSULTEES: Kind = Kind {
    name: "serious-violence-consultees",
    doc: "Once the serious violence duty is in force, the document's `consultation:` lines or `serious-violence-strategy:` show that educational, prison and youth custody authorities were consulted.",
    args: &["citation", "effective", "missing"],
    params: &[DUTY],
    run: Some(consultees),
};

/// Who must be consulted, and the words that show each was.
const CONSULTEES: &[(&str, &[&str])] = &[
    (
        "educational authorities",
        &[
            "education",
            "educational",
            "school",
            "schools",
            "college",
            "colleges",
            "academy",
            "academies",
            "university",
        ],
    ),
    ("prison authorities", &["prison", "prisons", "HMP", "HMPPS"]),
    (
        "youth custody authorities",
        &[
            "youth custody",
            "YOI",
            "young offender institution",
            "secure training centre",
            "secure children's home",
            "Youth Custody Service",
        ],
    ),
];

/// `serious-violence-consultees`: the kinds of authority s8(4) names that no
/// consultation line mentions.
pub fn consultees(cx: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let Some((duty, effective)) = in_force(cx, rule) else {
        return;
    };
    let Some(agreement) = &cx.doc.agreement else {
        return;
    };
    let texts: Vec<&str> = agreement
        .consultation
        .iter()
        .chain(&agreement.serious_violence_strategy)
        .map(|t| t.value.as_str())
        .collect();
    let missing: Vec<&str> = CONSULTEES
        .iter()
        .filter(|(_, words)| !texts.iter().any(|t| mentions(t, words)))
        .map(|(who, _)| *who)
        .collect();
    if missing.is_empty() {
        return;
    }
    let at = agreement
        .consultation
        .first()
        .map_or(agreement.header_span, |c| c.span);
    let list = match missing.as_slice() {
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
        [] => String::new(),
    };
    out.push(
        Finding::at(at)
            .arg("citation", duty.citation.clone())
            .arg("effective", effective.to_string())
            .arg("missing", list)
            .rests_on(duty.confidence),
    );
}
