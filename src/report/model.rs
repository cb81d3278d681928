//! The report's shape: what [`super::build`] makes and the JSON output serialises
//! (`csa-report/2`, documented in docs/report.md). Each section's type sits here with
//! the others, so the whole shape reads in one place; the files named for the
//! sections fill them in and lay them out.

use serde::Serialize;

use crate::compare::Comparison;
use crate::diagnostics::Severity;
use crate::publish;

/// The report on every document.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// `csa-report/2`.
    pub schema: &'static str,
    /// One report per document, in the order given.
    pub documents: Vec<DocumentReport>,
}

/// The report on one document.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentReport {
    /// The file, as given.
    pub path: String,
    /// The file's name, without its folder: what the pages show.
    pub file: String,
    /// The document's title.
    pub title: String,
    /// `county-agreement`, `district-plan` or `unitary-plan`, when given.
    pub kind: Option<String>,
    /// The area covered.
    pub area: Option<String>,
    /// The version.
    pub version: Option<String>,
    /// The effective date.
    pub effective: Option<String>,
    /// The date the review was made for.
    pub as_of: String,
    /// Ready or not, with counts.
    pub status: Status,
    /// What csa could not check, in words.
    pub not_checked: Vec<String>,
    /// Statutory strategy areas and what addresses them.
    pub coverage: CoverageSection,
    /// Police and Crime Plan objectives and what supports them.
    pub alignment: AlignmentSection,
    /// The requirements of the law that apply, and those the document does not show.
    pub checklist: ChecklistSection,
    /// Priorities and their leads.
    pub leads: LeadsSection,
    /// Issues the strategic assessments named, and what covers them.
    pub evidence: EvidenceSection,
    /// Every suppression, with its reason and what it accepts.
    pub decisions: Vec<Decision>,
    /// What changed since the previous version, when one was given.
    pub changes: Option<Changes>,
    /// Every finding, grouped by priority.
    pub findings: Vec<FindingGroup>,
    /// The diagram of priorities, themes and objectives (HTML only; the JSON has
    /// the same facts under `alignment`).
    #[serde(skip)]
    pub diagram: Option<publish::Diagram>,
    /// What the document's ids stand for (priorities, themes, objectives, plans,
    /// organisations, statutory areas), so that the committee's page names them by
    /// their titles.
    #[serde(skip)]
    pub names: std::collections::HashMap<String, String>,
}

/// The verdict, why, the dates it rests on, and the counts behind it.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    /// `not-current` (past its review or period, or aligned to a Police and Crime
    /// Plan no longer in force on the review date, whatever else holds), `not-ready`
    /// (errors), `ready-with-warnings` (warnings), or `ready`.
    pub verdict: &'static str,
    /// Why, in one or two sentences naming the findings that decide it.
    pub reasons: Vec<String>,
    /// The date the review was made for.
    pub reviewed_on: String,
    /// The document's effective date, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective: Option<String>,
    /// The last day of its life: the end of its period, or its review date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review_due: Option<String>,
    /// Findings by severity.
    pub counts: Counts,
}

/// Findings by severity.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    /// Errors.
    pub error: usize,
    /// Warnings.
    pub warning: usize,
    /// Information.
    pub info: usize,
    /// Hints.
    pub hint: usize,
    /// Findings the partnership accepted with `// csa-ignore` comments, counted apart.
    #[serde(skip_serializing_if = "is_zero")]
    pub accepted: usize,
    /// How many of those are errors: duties the law does not excuse.
    #[serde(skip_serializing_if = "is_zero")]
    pub accepted_errors: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// A priority or theme, as other parts of the report name it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TopicRef {
    /// `priority` or `theme`.
    pub kind: &'static str,
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
}

/// The statutory coverage matrix.
#[derive(Debug, Clone, Serialize)]
pub struct CoverageSection {
    /// Whether csa could check it.
    pub checked: bool,
    /// Why not, when it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The first day of the document's life.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The last day of its life (its review cycle).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// Each area in force over the document's life.
    pub areas: Vec<AreaRow>,
}

/// One statutory area.
#[derive(Debug, Clone, Serialize)]
pub struct AreaRow {
    /// Its id (`addresses:` uses it).
    pub id: String,
    /// What the strategy is for.
    pub title: String,
    /// The legal basis.
    pub basis: String,
    /// How sure csa's law data is: `verified`, `secondary` or `unverified`.
    pub confidence: &'static str,
    /// `in-force` on the effective date, or `comes-into-force` during the life.
    pub when: &'static str,
    /// `declared` (`addresses:`), `inferred` (by the words of a title) or `missing`.
    pub status: &'static str,
    /// The priorities and themes that address it.
    pub addressed_by: Vec<TopicRef>,
}

/// Police and Crime Plan alignment.
#[derive(Debug, Clone, Serialize)]
pub struct AlignmentSection {
    /// Whether csa could check it.
    pub checked: bool,
    /// Why not, when it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Each plan.
    pub plans: Vec<PlanRow>,
    /// Priorities and themes that support no objective.
    pub supporting_nothing: Vec<TopicRef>,
    /// When the recorded plan is not the one in force on the review date: the plan
    /// that is, and what of the document reads like support for its objectives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_force: Option<PlanInForce>,
}

/// The Police and Crime Plan in force on the review date, when the document records
/// another.
#[derive(Debug, Clone, Serialize)]
pub struct PlanInForce {
    /// The day the plans were compared on: the review date, or the effective date
    /// when the document takes effect after it.
    pub on: String,
    /// The recorded plan's title.
    pub recorded: String,
    /// The day the recorded plan ended (its period's last day, or the day before its
    /// successor began), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorded_ended: Option<String>,
    /// The title of the plan in force on the review date.
    pub title: String,
    /// Its first day.
    pub from: String,
    /// Its last day, when it states one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Its objectives, each with the priorities and themes whose titles share a
    /// specific word with it (inferred: the document links none of them).
    pub objectives: Vec<EvidenceLink>,
}

/// A Police and Crime Plan.
#[derive(Debug, Clone, Serialize)]
pub struct PlanRow {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its objectives.
    pub objectives: Vec<ObjectiveRow>,
}

/// An objective and what supports it.
#[derive(Debug, Clone, Serialize)]
pub struct ObjectiveRow {
    /// Its id.
    pub id: String,
    /// What it says.
    pub text: String,
    /// `supported`, `not-adopted` (with a recorded reason), `policing-only` (about the
    /// force's own business, which the partnership need not regard) or `unsupported`.
    pub status: &'static str,
    /// The priorities and themes that support it.
    pub supported_by: Vec<TopicRef>,
    /// The recorded reason it was not adopted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Priorities and their leads.
#[derive(Debug, Clone, Serialize)]
pub struct LeadsSection {
    /// Each priority.
    pub priorities: Vec<PriorityLeads>,
    /// Leads that name no priority (or one the document does not have).
    pub unattached: Vec<String>,
}

/// One priority's leads.
#[derive(Debug, Clone, Serialize)]
pub struct PriorityLeads {
    /// The priority.
    pub priority: TopicRef,
    /// Its leads, `role, organisation`, wherever written.
    pub leads: Vec<String>,
    /// `led` or `no-lead`.
    pub status: &'static str,
}

/// The strategic assessments and what covers their issues.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceSection {
    /// Whether csa could check it.
    pub checked: bool,
    /// Why not, when it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Each issue of each assessment.
    pub issues: Vec<IssueRow>,
}

/// An issue named by the assessments.
#[derive(Debug, Clone, Serialize)]
pub struct IssueRow {
    /// The issue.
    pub issue: String,
    /// How many partnerships named it.
    pub count: Option<u32>,
    /// How many made assessments.
    pub of: Option<u32>,
    /// `inferred` (a priority or theme's title or `includes:` shares a specific
    /// word with it; the document does not link them) or `not-covered`.
    pub status: &'static str,
    /// The priorities and themes that share a specific word with it.
    pub covered_by: Vec<TopicRef>,
    /// For each of them, the words shared and where (`title` or `includes`).
    pub matches: Vec<WordMatch>,
}

/// A priority or theme that shares specific words with an issue or an objective.
#[derive(Debug, Clone, Serialize)]
pub struct WordMatch {
    /// The priority or theme.
    pub topic: TopicRef,
    /// The words shared, as the issue or objective writes them.
    pub words: Vec<String>,
    /// `title` or `includes`: where its words were found.
    pub field: &'static str,
}

/// An objective of the plan in force and what reads like support for it.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceLink {
    /// What the objective says.
    pub text: String,
    /// Priorities and themes sharing specific words with it.
    pub matches: Vec<WordMatch>,
}

/// A suppression: a finding the partnership chose to accept.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    /// The line of the comment (1-based).
    pub line: usize,
    /// The rules it accepts.
    pub rules: Vec<String>,
    /// The reason recorded, if any.
    pub reason: Option<String>,
    /// `next` (the next line or block) or `file`.
    pub scope: &'static str,
    /// The findings it accepts.
    pub accepts: Vec<String>,
}

/// What changed since the previous version.
#[derive(Debug, Clone, Serialize)]
pub struct Changes {
    /// The previous version's file.
    pub previous: String,
    /// Its title.
    pub previous_title: String,
    /// Its version, when given.
    pub previous_version: Option<String>,
    /// Its effective date, when given.
    pub previous_effective: Option<String>,
    /// The changes.
    pub comparison: Comparison,
}

/// Findings about one priority, or about the document as a whole.
#[derive(Debug, Clone, Serialize)]
pub struct FindingGroup {
    /// The priority or theme, or absent for the document as a whole.
    pub topic: Option<TopicRef>,
    /// The findings, in document order.
    pub findings: Vec<FindingRow>,
}

/// One finding, in plain words.
#[derive(Debug, Clone, Serialize)]
pub struct FindingRow {
    /// The rule's code.
    pub code: String,
    /// The rule's name.
    pub name: String,
    /// `error`, `warning`, `info` or `hint`.
    pub severity: Severity,
    /// The line (1-based).
    pub line: usize,
    /// What the rule checks, in a sentence (it heads a group of alike findings).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// What is wrong.
    pub message: String,
    /// How to put it right.
    pub fix: String,
    /// Why it matters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// The law or guidance it rests on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<String>,
}

/// The statutory checklist for one document (rules/statutory.toml).
#[derive(Debug, Clone, Default, Serialize)]
pub struct ChecklistSection {
    /// Requirements that apply and csa checks (fully or in part).
    pub checked: usize,
    /// Of those, the ones the document shows (no finding of their rules).
    pub shown: usize,
    /// Of those checked, how many csa checks only in part.
    pub partly: usize,
    /// Requirements that apply, a document could show, and csa does not check.
    pub unchecked: usize,
    /// Requirements that apply and no document can show.
    pub not_checkable: usize,
    /// The checked requirements the document does not show.
    pub not_shown: Vec<ChecklistRow>,
}

/// A requirement the document does not show.
#[derive(Debug, Clone, Serialize)]
pub struct ChecklistRow {
    /// Its id in rules/statutory.toml.
    pub id: String,
    /// What the law requires.
    pub title: String,
    /// Where.
    pub citation: String,
    /// The rules whose findings say it is not shown.
    pub codes: Vec<String>,
}
