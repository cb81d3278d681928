//! The kinds of rule: the Rust half of each rule. A kind looks at the document (and
//! the law) and reports findings; the rule instance in `rules/*.toml` gives it a
//! code, words and settings (`params`). One file per family of checks.

mod action_plan;
mod authorities;
pub mod coverage;
mod evidence;
mod generic;
mod knowledge;
mod leads;
mod legislation;
pub mod pcc;
mod plan_window;
mod references;
mod trust;
mod version_row;
mod versions;

use super::{Context, Finding, Rule};

/// A kind of rule.
pub struct Kind {
    /// The name rule files use in `kind = "..."`.
    pub name: &'static str,
    /// What it checks and which `params` it reads.
    pub doc: &'static str,
    /// Runs the check.
    pub run: fn(&Context, &Rule, &mut Vec<Finding>),
}

/// Kinds whose findings are made elsewhere: by the parser (syntax) or by the engine
/// after suppressions are applied.
fn after_suppressions(_: &Context, _: &Rule, _: &mut Vec<Finding>) {}

/// Every kind.
pub const KINDS: &[Kind] = &[
    Kind {
        name: "syntax",
        doc: "Mistakes in the format itself, reported by the parser; the rule entry documents them.",
        run: after_suppressions,
    },
    Kind {
        name: "workspace",
        doc: "Findings made when documents are read together (`@use` lines, a workspace's county agreement and district plans); the rule entry documents them.",
        run: after_suppressions,
    },
    Kind {
        name: "required-field",
        doc: "Fields every block of one kind must have. params: block (a block keyword), fields (names).",
        run: generic::required_field,
    },
    Kind {
        name: "count-bound",
        doc: "How many blocks of one kind a document may have. params: block, min, max.",
        run: generic::count_bound,
    },
    Kind {
        name: "statutory-coverage",
        doc: "Every statutory strategy area in force on the effective date is addressed, explicitly or by its keywords.",
        run: coverage::uncovered,
    },
    Kind {
        name: "inferred-coverage",
        doc: "An area addressed only by keywords: suggests declaring it with `addresses:`.",
        run: coverage::inferred,
    },
    Kind {
        name: "upcoming-coverage",
        doc: "Areas coming into force during the document's life. params: months (default: the review cycle).",
        run: coverage::upcoming,
    },
    Kind {
        name: "area-reference",
        doc: "Every `addresses:` id is a known statutory area.",
        run: coverage::unknown_area,
    },
    Kind {
        name: "priority-lead",
        doc: "Every priority has at least one lead (inline, in a leads table, or in its action plan).",
        run: leads::priority_without_lead,
    },
    Kind {
        name: "lead-priority",
        doc: "Every row of a leads table names its priority.",
        run: leads::lead_without_priority,
    },
    Kind {
        name: "lead-organisation",
        doc: "Every lead names an organisation.",
        run: leads::lead_without_organisation,
    },
    Kind {
        name: "lead-organisation-known",
        doc: "A lead's organisation is a declared authority or body.",
        run: leads::unknown_organisation,
    },
    Kind {
        name: "leads-agree",
        doc: "Where a priority has leads of its own and in a leads table, they are the same.",
        run: leads::leads_disagree,
    },
    Kind {
        name: "pcc-plan-declared",
        doc: "Documents in force from the date PCCs took office declare the Police and Crime Plan.",
        run: pcc::plan_declared,
    },
    Kind {
        name: "pcc-plan-period",
        doc: "The declared plan's period covers the effective date.",
        run: pcc::plan_period,
    },
    Kind {
        name: "pcc-plan-current",
        doc: "The declared plan is the one csa knows in force in the document's police area on the effective date (the plan's own `area:`, else the police area the header's area lies in).",
        run: pcc::plan_current,
    },
    Kind {
        name: "pcc-objective-regarded",
        doc: "Every objective is supported by a priority or theme, or recorded as not adopted with a reason.",
        run: pcc::objective_regarded,
    },
    Kind {
        name: "pcc-objective-reference",
        doc: "Every `supports:` id is an objective of a declared plan.",
        run: pcc::unknown_objective,
    },
    Kind {
        name: "pcc-likely-link",
        doc: "Suggests `supports:` links where a priority or theme reads like an objective nobody supports. params: threshold (0 to 1).",
        run: pcc::likely_link,
    },
    Kind {
        name: "duplicate-id",
        doc: "Ids are unique within their family.",
        run: references::duplicate_ids,
    },
    Kind {
        name: "theme-reference",
        doc: "Every theme an aim links to exists.",
        run: references::unknown_theme,
    },
    Kind {
        name: "priority-reference",
        doc: "Every priority a leads row or action plan names exists.",
        run: references::unknown_priority,
    },
    Kind {
        name: "theme-linked",
        doc: "In a document with an action plan, every theme is linked from some aim.",
        run: references::theme_without_actions,
    },
    Kind {
        name: "authority-kinds",
        doc: "Every kind of responsible authority required on the effective date is named.",
        run: authorities::missing_kind,
    },
    Kind {
        name: "authority-name-current",
        doc: "Authorities and lead organisations are called by the name in use on the effective date.",
        run: authorities::stale_name,
    },
    Kind {
        name: "not-an-authority",
        doc: "Bodies that are not responsible authorities (the PCC) are not listed as one.",
        run: authorities::not_an_authority,
    },
    Kind {
        name: "bill-after-assent",
        doc: "A horizon-scan item names a Bill that had become an Act by the effective date.",
        run: legislation::bill_after_assent,
    },
    Kind {
        name: "version-order",
        doc: "Version numbers and dates increase down the version history.",
        run: versions::order,
    },
    Kind {
        name: "version-header",
        doc: "The latest version in the history is the header's version.",
        run: versions::header,
    },
    Kind {
        name: "version-row-complete",
        doc: "The newest version row names every chapter `csa diff` finds changed since the previous version (given with --previous or `previous` in csa.toml).",
        run: version_row::complete,
    },
    Kind {
        name: "aim-number",
        doc: "Aims are numbered PRIORITY.AIM.",
        run: action_plan::malformed,
    },
    Kind {
        name: "aim-sequence",
        doc: "Aims of an action plan share one section number and count up from 1.",
        run: action_plan::sequence,
    },
    Kind {
        name: "priority-actions",
        doc: "In a document with an action plan, every priority has aims.",
        run: action_plan::priority_without_actions,
    },
    Kind {
        name: "assessment-count",
        doc: "No issue is named by more partnerships than made assessments.",
        run: evidence::count_exceeds,
    },
    Kind {
        name: "assessment-coverage",
        doc: "An issue named by at least a share of partnerships is covered by a priority or theme. params: share (default 0.5).",
        run: evidence::uncovered_issue,
    },
    Kind {
        name: "review-due",
        doc: "A document is reviewed within its review cycle of its effective date, as of today (or --as-of).",
        run: versions::review_overdue,
    },
    Kind {
        name: "area-known",
        doc: "The header's `area:` and `excludes:`, and a plan's `area:`, are places csa knows (rules/gazetteer.toml or a rule pack).",
        run: knowledge::unknown_area,
    },
    Kind {
        name: "pcc-plan-life",
        doc: "A new Police and Crime Plan issued inside the document's life, or the plan in force reaching the end of its stated period inside it.",
        run: knowledge::plan_life,
    },
    Kind {
        name: "policing-body-life",
        doc: "Who holds the Police and Crime Commissioner's functions changes inside the document's life (a mayor, an election, the end of PCCs).",
        run: knowledge::policing_body_life,
    },
    Kind {
        name: "two-tier-area",
        doc: "A county agreement is for a county with districts, and no council of the area is abolished or reorganised inside the document's life.",
        run: knowledge::two_tier,
    },
    Kind {
        name: "authority-name-life",
        doc: "An authority or lead organisation named in the document is replaced inside its life.",
        run: authorities::replaced_in_life,
    },
    Kind {
        name: "bill-in-life",
        doc: "A horizon-scan item names a Bill that becomes an Act inside the document's life.",
        run: legislation::bill_in_life,
    },
    Kind {
        name: "review-name",
        doc: "Domestic abuse related death reviews named as the statutory review before the law that creates them is in force. params: duty (a law.toml duty id).",
        run: legislation::review_name,
    },
    Kind {
        name: "unused-suppression",
        doc: "A suppression comment that suppressed nothing.",
        run: after_suppressions,
    },
    Kind {
        name: "unknown-suppression",
        doc: "A suppression comment naming no known rule.",
        run: after_suppressions,
    },
    Kind {
        name: "no-priorities",
        doc: "A document with no priorities or themes yet: one finding, naming the areas its prose says it covers.",
        run: trust::no_priorities,
    },
    Kind {
        name: "area-only-mentioned",
        doc: "A statutory area no priority or theme addresses, mentioned only in one's `includes:` or note.",
        run: trust::only_mentioned,
    },
    Kind {
        name: "no-authority-list",
        doc: "A document that lists no `@authority` at all: one finding, not one per kind.",
        run: trust::no_authorities,
    },
    Kind {
        name: "governance-body",
        doc: "`chair:` or `convened-by:` names a `@body` or the Commissioner's office, not a responsible authority.",
        run: trust::governance,
    },
    Kind {
        name: "health-body-unnamed",
        doc: "A health partner named only as \"Health\", with no body.",
        run: trust::health_unnamed,
    },
    Kind {
        name: "plan-objectives-listed",
        doc: "A `@plan` recorded without its objectives.",
        run: trust::objectives_listed,
    },
];

pub(crate) use coverage::add_months;

/// The kind with this name.
pub fn find(name: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.name == name)
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
