//! The typed model of a `.csa` document, with exact spans, and its lowering from the
//! syntax tree.

mod lookup;
mod lower;
pub mod schema;
pub mod values;
pub mod vocab;

use serde::Serialize;

pub use lookup::{lead_words, leads_of, title_of, PriorityLookup};
pub use lower::{lower, lower_indexed, lower_raw};
pub use values::{date_from_days, set_today, today, Date, Period};
pub use vocab::{DocumentKind, ObjectiveScope, ReviewCycle, Status, VersionScope};

use crate::diagnostics::Diagnostic;
use crate::text::Span;

/// A value and where it was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// Pairs a value with its span.
    pub fn new(value: T, span: Span) -> Self {
        Self { value, span }
    }
}

/// A reference by id (or by title, when written in quotes) to something defined
/// elsewhere in the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// The id or title, without quotes.
    pub name: String,
    /// Whether it was written in quotes (a title rather than an id).
    pub quoted: bool,
    /// Where it was written (inside the quotes).
    pub span: Span,
}

/// The whole document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Document {
    /// The `@agreement` header, if the document has one.
    pub agreement: Option<Agreement>,
    /// `@use` lines: other documents whose parts this one uses.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub uses: Vec<Use>,
    /// `@version` rows, in document order.
    pub versions: Vec<Version>,
    /// `@authority` blocks.
    pub authorities: Vec<Organisation>,
    /// `@body` blocks.
    pub bodies: Vec<Organisation>,
    /// `@priority` blocks.
    pub priorities: Vec<Priority>,
    /// `@theme` blocks.
    pub themes: Vec<Theme>,
    /// Rows of every `@leads` table.
    pub leads: Vec<Lead>,
    /// `@plan` blocks (Police and Crime Plans).
    pub plans: Vec<PccPlan>,
    /// `@action-plan` blocks.
    pub action_plans: Vec<ActionPlan>,
    /// `@assessment` blocks.
    pub assessments: Vec<Assessment>,
    /// `@risk-ranking` blocks.
    pub risk_rankings: Vec<RiskRanking>,
    /// `@horizon-scan` blocks.
    pub horizon_scans: Vec<HorizonScan>,
    /// `@links` blocks.
    pub links: Vec<Links>,
    /// `@contact` blocks.
    pub contacts: Vec<Contact>,
    /// The headings, in order: the document's outline.
    pub outline: Vec<Heading>,
    /// `// csa-ignore` comments.
    pub suppressions: Vec<Suppression>,
    /// Fields given with a value that could not be read (a date in words, say), by
    /// field name; they are reported as syntax errors and left out of the blocks.
    pub rejected: Vec<Spanned<String>>,
    /// Every line of the document, in order, as top-level items.
    pub items: Vec<Item>,
}

impl Document {
    /// Whether the document is a parts file: no `@agreement` header and no priorities,
    /// themes, leads or action plans, only parts (a Police and Crime Plan, authorities,
    /// bodies) written once for other documents to `@use`.
    pub fn is_parts_file(&self) -> bool {
        self.agreement.is_none()
            && self.priorities.is_empty()
            && self.themes.is_empty()
            && self.leads.is_empty()
            && self.action_plans.is_empty()
            && self.assessments.is_empty()
            && !(self.plans.is_empty() && self.authorities.is_empty() && self.bodies.is_empty())
    }
}

/// The `@agreement` header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Agreement {
    /// The document's title.
    pub title: Option<Spanned<String>>,
    /// `county-agreement`, `district-plan` or `unitary-plan`.
    pub kind: Option<Spanned<String>>,
    /// The area covered.
    pub area: Option<Spanned<String>>,
    /// Areas not covered.
    pub excludes: Vec<Spanned<String>>,
    /// The partnership.
    pub partnership: Option<Spanned<String>>,
    /// Who chairs the partnership.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chair: Option<Spanned<String>>,
    /// The organisation that convenes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub convened_by: Option<Spanned<String>>,
    /// The version.
    pub version: Option<Spanned<String>>,
    /// The effective date.
    pub effective: Option<Spanned<Date>>,
    /// The period the document runs, when it states one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Spanned<Period>>,
    /// The review cycle.
    pub review: Option<Spanned<String>>,
    /// `draft` or `final`.
    pub status: Option<Spanned<String>>,
    /// Who approved it and when.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approved: Option<Spanned<String>>,
    /// The date of the strategic assessment it rests on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assessed: Option<Spanned<Date>>,
    /// Who was consulted, how and when, one entry each.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub consultation: Vec<Spanned<String>>,
    /// The crime and disorder committee.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scrutiny: Option<Spanned<String>>,
    /// When the committee last scrutinised the partnership.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scrutinised: Option<Spanned<Date>>,
    /// When it was sent to the Police and Crime Commissioner.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sent_to_pcc: Option<Spanned<Date>>,
    /// The local serious violence strategy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub serious_violence_strategy: Option<Spanned<String>>,
    /// The strategy group's members, one entry each.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Spanned<String>>,
    /// The header line.
    pub header_span: Span,
    /// The whole block.
    pub span: Span,
}

impl Agreement {
    /// The period its title states ("... Partnership Plan 2022-2025"), for a
    /// document that gives no `period:`: as written, and as read.
    pub fn title_period(&self) -> Option<(String, Period)> {
        let title = &self.title.as_ref()?.value;
        values::period_in(title)
    }

    /// The kind of document its `kind:` names, when it names one csa knows.
    pub fn document_kind(&self) -> Option<DocumentKind> {
        self.kind
            .as_ref()
            .and_then(|k| DocumentKind::parse(&k.value))
    }

    /// Its review cycle (`review:`), when it gives one csa knows.
    pub fn review_cycle(&self) -> Option<ReviewCycle> {
        self.review
            .as_ref()
            .and_then(|r| ReviewCycle::parse(&r.value))
    }
}

/// A `@use` line: another document, or a plan csa knows, whose parts this one uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Use {
    /// What is used: a path ending in `.csa` (relative to this document), or the id or
    /// title of a Police and Crime Plan csa knows.
    pub target: Spanned<String>,
    /// The header line.
    pub header_span: Span,
}

impl Use {
    /// Whether the target is a file rather than a plan csa knows.
    pub fn is_file(&self) -> bool {
        self.target.value.to_ascii_lowercase().ends_with(".csa")
    }
}

/// A row of the version history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Version {
    /// The version number.
    pub version: Spanned<String>,
    /// Its summary.
    pub summary: Option<Spanned<String>>,
    /// When it was issued.
    pub date: Option<Spanned<Date>>,
    /// `agreement` (default) or `action-plan`.
    pub scope: String,
    /// The changes it made.
    pub changes: Vec<Spanned<String>>,
    /// The whole block.
    pub span: Span,
}

/// A responsible authority or another body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Organisation {
    /// Its id.
    pub id: Spanned<String>,
    /// Its name.
    pub name: Option<Spanned<String>>,
    /// Its kind.
    pub kind: Option<Spanned<String>>,
    /// A note.
    pub note: Option<Spanned<String>>,
    /// The whole block.
    pub span: Span,
}

/// A lead officer: a role in an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lead {
    /// The role (everything before the last comma).
    pub role: Spanned<String>,
    /// The organisation (what follows the last comma), when given.
    pub organisation: Option<Spanned<String>>,
    /// The priority it leads: set for `@leads` rows that name one, and for leads
    /// written inside a priority or action plan.
    pub priority: Option<Reference>,
    /// Where the lead was written: `priority`, `leads-table` or `action-plan`.
    pub source: &'static str,
    /// The whole line.
    pub span: Span,
}

/// A priority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Priority {
    /// Its id.
    pub id: Spanned<String>,
    /// Its title.
    pub title: Option<Spanned<String>>,
    /// What it includes.
    pub includes: Option<Spanned<String>>,
    /// Its leads, written inline.
    pub leads: Vec<Lead>,
    /// The statutory areas it declares.
    pub addresses: Vec<Reference>,
    /// The PCC objectives it supports.
    pub supports: Vec<Reference>,
    /// The county agreement's priorities or themes it works on (in a district or
    /// unitary plan).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub county: Vec<Reference>,
    /// How progress is measured, one entry each.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Spanned<String>>,
    /// The resources given to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resources: Option<Spanned<String>>,
    /// How the partners work on it together.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub joint_working: Option<Spanned<String>>,
    /// A note.
    pub note: Option<Spanned<String>>,
    /// The header line.
    pub header_span: Span,
    /// The whole block.
    pub span: Span,
}

/// A cross-cutting theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Theme {
    /// Its id.
    pub id: Spanned<String>,
    /// Its title.
    pub title: Option<Spanned<String>>,
    /// What it includes.
    pub includes: Option<Spanned<String>>,
    /// The statutory areas it declares.
    pub addresses: Vec<Reference>,
    /// The PCC objectives it supports.
    pub supports: Vec<Reference>,
    /// The county agreement's priorities or themes it works on (in a district or
    /// unitary plan).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub county: Vec<Reference>,
    /// A note.
    pub note: Option<Spanned<String>>,
    /// The header line.
    pub header_span: Span,
    /// The whole block.
    pub span: Span,
}

/// A Police and Crime Plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PccPlan {
    /// Its id.
    pub id: Spanned<String>,
    /// Its title.
    pub title: Option<Spanned<String>>,
    /// Who issued it.
    pub commissioner: Option<Spanned<String>>,
    /// The police area.
    pub area: Option<Spanned<String>>,
    /// The period it runs.
    pub period: Option<Spanned<Period>>,
    /// Its guiding principles.
    pub principles: Vec<Spanned<String>>,
    /// Its objectives.
    pub objectives: Vec<Objective>,
    /// The header line.
    pub header_span: Span,
    /// The whole block.
    pub span: Span,
}

/// An objective of a Police and Crime Plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Objective {
    /// Its id.
    pub id: Spanned<String>,
    /// What it says.
    pub text: Option<Spanned<String>>,
    /// The heading it sits under in the plan.
    pub group: Option<Spanned<String>>,
    /// Why the partnership considered but did not adopt it.
    pub not_adopted: Option<Spanned<String>>,
    /// `policing` (the force's own business) or `crime-and-disorder`; not given means
    /// crime and disorder.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Spanned<String>>,
    /// The whole entry.
    pub span: Span,
}

/// The action plan for one priority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionPlan {
    /// The priority it belongs to.
    pub priority: Reference,
    /// Its title.
    pub title: Option<Spanned<String>>,
    /// Its leads.
    pub leads: Vec<Lead>,
    /// Its aims.
    pub aims: Vec<Aim>,
    /// The header line.
    pub header_span: Span,
    /// The whole block.
    pub span: Span,
}

impl ActionPlan {
    /// Whether the document says the plan belongs to no priority (`@action-plan
    /// none: Cross-cutting actions`; `N/A` as documents print it).
    pub fn for_no_priority(&self) -> bool {
        matches!(
            self.priority.name.to_ascii_lowercase().as_str(),
            "none" | "n/a" | "na" | "-"
        )
    }
}

/// A numbered aim of an action plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Aim {
    /// Its number, as written (`1.1`).
    pub number: Spanned<String>,
    /// Whether the number was written in quotes.
    pub quoted: bool,
    /// What it aims at.
    pub text: Option<Spanned<String>>,
    /// Its actions.
    pub actions: Vec<Spanned<String>>,
    /// The cross-cutting themes it links to.
    pub themes: Vec<Reference>,
    /// The whole entry.
    pub span: Span,
}

/// The strategic assessments table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assessment {
    /// Its title.
    pub title: Option<Spanned<String>>,
    /// How many partnerships made assessments.
    pub partnerships: Option<Spanned<u32>>,
    /// The district partnerships whose assessments it lists, one entry each.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub districts: Vec<Spanned<String>>,
    /// The issues.
    pub issues: Vec<AssessedIssue>,
    /// The whole block.
    pub span: Span,
}

/// A row of the strategic assessments table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AssessedIssue {
    /// How many partnerships named the issue (absent when not a number).
    pub count: Option<Spanned<u32>>,
    /// The issue.
    pub text: Option<Spanned<String>>,
    /// The whole entry.
    pub span: Span,
}

/// A risk ranking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RiskRanking {
    /// Its title.
    pub title: Option<Spanned<String>>,
    /// The method.
    pub method: Option<Spanned<String>>,
    /// The issues, highest risk first.
    pub items: Vec<Spanned<String>>,
    /// The whole block.
    pub span: Span,
}

/// A PESTELO horizon scan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HorizonScan {
    /// Its title.
    pub title: Option<Spanned<String>>,
    /// Its headings, in order.
    pub headings: Vec<HorizonHeading>,
    /// The whole block.
    pub span: Span,
}

/// A heading of a horizon scan (or `recent`/`upcoming` under `legislation`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HorizonHeading {
    /// `political`, `economic`, ..., or `recent` / `upcoming`.
    pub name: Spanned<String>,
    /// The introductory sentence.
    pub intro: Option<Spanned<String>>,
    /// The items.
    pub items: Vec<Spanned<String>>,
    /// Sub-headings (`recent` and `upcoming` under `legislation`).
    pub children: Vec<HorizonHeading>,
    /// The whole entry.
    pub span: Span,
}

/// A list of other plans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Links {
    /// Its title.
    pub title: Option<Spanned<String>>,
    /// The plans.
    pub items: Vec<Spanned<String>>,
    /// The whole block.
    pub span: Span,
}

/// A contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contact {
    /// Who.
    pub name: Option<Spanned<String>>,
    /// Email address.
    pub email: Option<Spanned<String>>,
    /// Telephone number.
    pub phone: Option<Spanned<String>>,
    /// Postal address.
    pub address: Option<Spanned<String>>,
    /// Web address.
    pub web: Option<Spanned<String>>,
    /// The whole block.
    pub span: Span,
}

/// A heading of the prose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    /// 1 for `#`, 2 for `##`, ...
    pub level: u32,
    /// The heading's text.
    pub text: Spanned<String>,
    /// The heading line.
    pub span: Span,
}

/// What a suppression comment covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SuppressionScope {
    /// The next line (or, when it is a block header, the whole block).
    Next,
    /// The whole file.
    File,
}

/// A `// csa-ignore` comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suppression {
    /// The codes or names it suppresses.
    pub codes: Vec<Spanned<String>>,
    /// Why.
    pub reason: Option<Spanned<String>>,
    /// What it covers.
    pub scope: SuppressionScope,
    /// The byte range of source it covers (the next line or block; the whole file).
    pub covers: Span,
    /// The comment itself.
    pub span: Span,
}

/// What a top-level item is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum ItemKind {
    /// A heading.
    Heading,
    /// A line of prose; `list` is set for list items (`-`, `*`, `•`, `1.`).
    Prose {
        /// The text, without the escape backslash.
        text: String,
        /// Whether the line is a list item.
        list: bool,
        /// The indentation width.
        indent: u32,
    },
    /// A block, by keyword.
    Block {
        /// The keyword after `@` (empty when missing).
        keyword: String,
    },
    /// A comment.
    Comment,
    /// A blank line.
    Blank,
    /// Text that could not be read.
    Error,
}

/// A top-level item: one or more whole lines. The spans of all items, in order,
/// cover the document exactly once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    /// What it is.
    #[serde(flatten)]
    pub kind: ItemKind,
    /// Its lines, including the final line break.
    pub span: Span,
}

/// A document lowered from text, and what was wrong with its syntax.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The typed model.
    pub document: Document,
    /// Syntax and shape diagnostics.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses and lowers `text` in one step.
pub fn parse(text: &str) -> Parsed {
    let index = crate::text::LineIndex::new(text);
    // Read a piece at a time: each piece's tree is freed before the next is built.
    let raw = crate::syntax::read_text(text, &index);
    lower::lower_raw(text, raw, &index)
}
