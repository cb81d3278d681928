//! The report's shape: what [`super::build`] makes and the JSON output serialises
//! (`csa-report/1`, documented in docs/report.md). Each section's type sits here with
//! the others, so the whole shape reads in one place; the files named for the
//! sections fill them in and lay them out.

use serde::Serialize;

use crate::compare::Comparison;
use crate::diagnostics::Severity;
use crate::publish;

/// The report on every document.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// `csa-report/1`.
    pub schema: &'static str,
    /// One report per document, in the order given.
    pub documents: Vec<DocumentReport>,
}

/// The report on one document.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentReport {
    /// The file, as given.
    pub path: String,
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
}

/// The verdict and the counts behind it.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    /// `ready` (no errors or warnings), `ready-with-warnings`, or `not-ready`
    /// (errors).
    pub verdict: &'static str,
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
    /// `covered` or `not-covered`.
    pub status: &'static str,
    /// The priorities and themes that share a meaningful word with it.
    pub covered_by: Vec<TopicRef>,
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
