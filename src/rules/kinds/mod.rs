//! The kinds of rule: the Rust half of each rule. A kind looks at the document (and
//! the law) and reports findings; the rule instance in `rules/*.toml` gives it a
//! code, words and settings (`params`). One file per family of checks; each kind's
//! contract ([`Kind`]: its name, the values its findings carry and the settings it
//! reads) is declared next to its function and listed in [`KINDS`].

mod action_plan;
mod area_authorities;
mod authorities;
mod county;
pub mod coverage;
mod designated;
mod duties;
mod evidence;
pub(crate) mod generic;
mod knowledge;
mod leads;
mod legislation;
mod life;
pub mod pcc;
mod pcc_objectives;
mod plan_window;
mod references;
mod serious_violence;
mod template;
mod trust;
mod version_row;
mod versions;

pub use super::contract::{Kind, Param, ParamDefault, ParamType};
use super::suppress;
pub use versions::review_due;

/// The `syntax` kind. Its diagnostics are the parser's, whose message is the whole
/// of `{message}`.
pub const SYNTAX: Kind = Kind {
    name: "syntax",
    doc: "Mistakes in the format itself, reported by the parser; the rule entry documents them.",
    args: &["message"],
    params: &[],
    run: None,
};

/// The `workspace` kind: every value the checks of `src/workspace` give their
/// findings, as one kind serves all of them.
pub const WORKSPACE: Kind = Kind {
    name: "workspace",
    doc: "Findings made when documents are read together (`@use` lines, a workspace's county agreement and district plans); the rule entry documents them.",
    args: &[
        "area",
        "count",
        "county",
        "cycle",
        "date",
        "district",
        "districts",
        "hint",
        "id",
        "issue",
        "known",
        "named",
        "other",
        "other_plan",
        "others",
        "partnerships",
        "plan",
        "present",
        "priorities",
        "reason",
        "target",
        "title",
        "who",
        "why",
    ],
    params: &[],
    run: None,
};

/// Every kind, in the order `csa rules --kinds` and docs/configuration.md list them.
pub const KINDS: &[&Kind] = &[
    &SYNTAX,
    &WORKSPACE,
    &generic::REQUIRED_FIELD,
    &generic::COUNT_BOUND,
    &coverage::STATUTORY_COVERAGE,
    &coverage::INFERRED_COVERAGE,
    &coverage::UPCOMING_COVERAGE,
    &coverage::AREA_REFERENCE,
    &leads::PRIORITY_LEAD,
    &leads::LEAD_PRIORITY,
    &leads::LEAD_ORGANISATION,
    &leads::LEAD_ORGANISATION_KNOWN,
    &leads::LEADS_AGREE,
    &pcc::PCC_PLAN_DECLARED,
    &pcc::PCC_PLAN_PERIOD,
    &pcc::PCC_PLAN_CURRENT,
    &pcc::PCC_OBJECTIVE_REGARDED,
    &pcc::PCC_OBJECTIVE_REFERENCE,
    &pcc::PCC_LIKELY_LINK,
    &pcc_objectives::PCC_OBJECTIVES_COMPLETE,
    &references::DUPLICATE_ID,
    &references::THEME_REFERENCE,
    &references::PRIORITY_REFERENCE,
    &references::THEME_LINKED,
    &authorities::AUTHORITY_KINDS,
    &authorities::AUTHORITY_NAME_CURRENT,
    &authorities::NOT_AN_AUTHORITY,
    &area_authorities::AUTHORITY_OF_AREA,
    &legislation::BILL_AFTER_ASSENT,
    &versions::VERSION_ORDER,
    &versions::VERSION_HEADER,
    &version_row::VERSION_ROW_COMPLETE,
    &action_plan::AIM_NUMBER,
    &action_plan::AIM_SEQUENCE,
    &action_plan::PRIORITY_ACTIONS,
    &evidence::ASSESSMENT_COUNT,
    &evidence::ASSESSMENT_COVERAGE,
    &versions::REVIEW_DUE,
    &duties::DUTY_RECORDED,
    &duties::DATE_CURRENT,
    &serious_violence::YOUTH_OFFENDING_TEAM,
    &serious_violence::SERIOUS_VIOLENCE_CONSULTEES,
    &county::COUNTY_GROUP_MEMBERS,
    &county::COUNTY_DISTRICT_ASSESSMENTS,
    &county::COUNTY_JOINT_WORKING,
    &knowledge::AREA_KNOWN,
    &knowledge::PCC_PLAN_LIFE,
    &knowledge::POLICING_BODY_LIFE,
    &knowledge::TWO_TIER_AREA,
    &authorities::AUTHORITY_NAME_LIFE,
    &legislation::BILL_IN_LIFE,
    &legislation::REVIEW_NAME,
    &suppress::UNUSED_SUPPRESSION,
    &suppress::UNKNOWN_SUPPRESSION,
    &trust::NO_PRIORITIES,
    &template::TEMPLATE_TEXT,
    &designated::DESIGNATED_AUTHORITY,
    &life::ASSUMED_LIFE,
    &trust::AREA_ONLY_MENTIONED,
    &trust::NO_AUTHORITY_LIST,
    &trust::GOVERNANCE_BODY,
    &trust::HEALTH_BODY_UNNAMED,
    &trust::PLAN_OBJECTIVES_LISTED,
];

pub(crate) use coverage::add_months;

/// The kind with this name.
pub fn find(name: &str) -> Option<&'static Kind> {
    KINDS.iter().copied().find(|k| k.name == name)
}

/// The kinds and their settings as Markdown, as docs/configuration.md holds them.
pub fn markdown() -> String {
    super::contract::markdown(KINDS)
}

/// An edit that inserts `line` on a new line after the end of `span` (a header line).
pub(crate) fn insert_after(span: crate::text::Span, line: &str) -> crate::diagnostics::Edit {
    crate::diagnostics::Edit {
        span: crate::text::Span {
            start: span.end,
            end: span.end,
        },
        replacement: format!("\n{line}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_have_one_name_each_and_declare_each_value_and_setting_once() {
        for (i, kind) in KINDS.iter().enumerate() {
            assert!(
                KINDS[..i].iter().all(|k| k.name != kind.name),
                "{} is listed twice",
                kind.name
            );
            for (j, arg) in kind.args.iter().enumerate() {
                assert!(!kind.args[..j].contains(arg), "{}: {arg}", kind.name);
            }
            for (j, param) in kind.params.iter().enumerate() {
                assert!(
                    kind.params[..j].iter().all(|p| p.name != param.name),
                    "{}: {}",
                    kind.name,
                    param.name
                );
            }
        }
    }
}
