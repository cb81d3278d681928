//! `csa report`: the compliance review a scrutiny committee reads, one page per
//! document. It reads the same typed model and the same findings as `csa check`.
//!
//! [`build`] makes the [`DocumentReport`] (serialised as the JSON output, shape
//! `csa-report/1`, documented in docs/report.md); [`blocks`] lays it out as the
//! headings, paragraphs and tables that [`html`] and [`md`] write.
//!
//! Where csa could not check something (no effective date, no Police and Crime
//! Plan, a legal fact csa holds as unverified), the report says so: it never shows
//! "not checked" as "met".
//!
//! Each section has its own file, holding both what it finds ([`build`] calls each
//! `section`) and how it reads on the page ([`blocks`] calls each `blocks`):
//! `status`, `coverage`, `alignment`, `leads`, `evidence`, `decisions` (accepted
//! findings), `changes` and `findings`. The types of the JSON output are in `model`.

pub mod html;
pub mod md;

mod alignment;
mod changes;
mod coverage;
mod decisions;
mod evidence;
mod findings;
mod leads;
mod model;
mod page;
mod status;
mod topics;

pub use crate::ast::leads_of;
pub use model::{
    AlignmentSection, AreaRow, Changes, Counts, CoverageSection, Decision, DocumentReport,
    EvidenceSection, FindingGroup, FindingRow, IssueRow, LeadsSection, ObjectiveRow, PlanRow,
    PriorityLeads, Report, Status, TopicRef,
};

use crate::engine::Checked;
use crate::publish::{self, Block};
use crate::rules::{Context, Options, Registry};
use crate::text::LineIndex;
use page::{date_words, Page};
use topics::Topics;

/// The version of the JSON shape.
pub const SCHEMA: &str = "csa-report/1";

/// What a report is made from.
pub struct Input<'a> {
    /// The file's path, as given.
    pub path: &'a str,
    /// Its text.
    pub source: &'a str,
    /// The rules (and law) to check with.
    pub registry: &'a Registry,
    /// The check's settings: `as_of` is the report's date, and `previous` the version
    /// "what changed" compares with.
    pub options: &'a Options,
    /// The document as [`crate::engine`] checked it: with what it uses, and its
    /// findings, the same as `csa check` gives.
    pub checked: &'a Checked,
}

/// Checks `source`, the document at `path`, as every front end checks it, and builds
/// its report.
pub fn of(
    path: &std::path::Path,
    source: &str,
    setup: &crate::engine::Setup,
    options: &Options,
    sources: &dyn crate::workspace::Sources,
) -> DocumentReport {
    let input = crate::engine::Input {
        path,
        text: source,
        setup,
        options,
    };
    let checked = crate::engine::check_one(&input, sources, Vec::new());
    build(&Input {
        path: &path.display().to_string(),
        source,
        registry: &setup.registry,
        options,
        checked: &checked,
    })
}

/// Builds the report on one document.
pub fn build(input: &Input) -> DocumentReport {
    let doc = &input.checked.prepared.document;
    let index = LineIndex::new(input.source);
    let as_of = input.options.as_of.unwrap_or_else(crate::ast::today);
    let diagnostics = &input.checked.diagnostics;
    let cx = Context::new(doc, &input.registry.law, &input.registry.knowledge, as_of);
    let topics = Topics::new(doc);

    let status = status::section(diagnostics);
    let mut not_checked = Vec::new();
    status::unread(input.checked.prepared.syntax.len(), &mut not_checked);
    let coverage = coverage::section(&cx, &topics, &mut not_checked);
    let alignment = alignment::section(&cx, &topics, &mut not_checked);
    let leads = leads::section(doc, &topics);
    let evidence = evidence::section(&cx, &topics, &mut not_checked);
    let decisions = decisions::section(doc, input, &index, diagnostics);
    let changes = input
        .options
        .previous
        .as_deref()
        .map(|previous| changes::section(previous, doc));
    let findings = findings::section(doc, input.registry, &index, &topics, diagnostics);

    let agreement = doc.agreement.as_ref();
    let field = |f: Option<&crate::ast::Spanned<String>>| f.map(|s| s.value.clone());
    DocumentReport {
        path: input.path.to_string(),
        title: publish::document_title(doc, input.path),
        kind: field(agreement.and_then(|a| a.kind.as_ref())),
        area: field(agreement.and_then(|a| a.area.as_ref())),
        version: field(agreement.and_then(|a| a.version.as_ref())),
        effective: agreement
            .and_then(|a| a.effective.as_ref())
            .map(|d| d.value.to_string()),
        as_of: as_of.to_string(),
        status,
        not_checked,
        coverage,
        alignment,
        leads,
        evidence,
        decisions,
        changes,
        findings,
        diagram: Some(publish::Diagram::of(doc))
            .filter(|d| !d.is_empty() && !d.objectives.is_empty()),
    }
}

/// The report on one document as blocks: its page. `anchors` keeps fragment ids
/// unique when several documents share a page.
pub fn blocks(r: &DocumentReport, anchors: &mut publish::Anchors) -> Vec<Block> {
    let mut page = Page::new(anchors);
    title(r, &mut page);
    status::blocks(r, &mut page);
    coverage::blocks(r, &mut page);
    alignment::blocks(r, &mut page);
    leads::blocks(r, &mut page);
    evidence::blocks(r, &mut page);
    decisions::blocks(r, &mut page);
    changes::blocks(r, &mut page);
    findings::blocks(r, &mut page);
    page.into_blocks()
}

/// The top of a document's page: its title, and what the document is.
fn title(r: &DocumentReport, page: &mut Page) {
    page.heading(1, format!("Compliance review: {}", r.title));

    let mut about = Vec::new();
    if let Some(k) = &r.kind {
        about.push(publish::kind_words(k).to_string());
    }
    if let Some(a) = &r.area {
        about.push(format!("for {a}"));
    }
    if let Some(v) = &r.version {
        about.push(format!("version {v}"));
    }
    if let Some(e) = &r.effective {
        about.push(format!("effective from {}", date_words(e)));
    }
    page.push(Block::Paragraph(format!(
        "{}{}. File: `{}`. Reviewed as at {}.",
        if about.is_empty() { "The document" } else { "" },
        about.join(", "),
        r.path,
        date_words(&r.as_of)
    )));
}

/// The pages of every document, in order.
pub fn all_blocks(report: &Report) -> Vec<Block> {
    let mut anchors = publish::Anchors::default();
    report
        .documents
        .iter()
        .flat_map(|d| blocks(d, &mut anchors))
        .collect()
}

/// The report as JSON.
pub fn json(report: &Report) -> String {
    serde_json::to_string_pretty(report).expect("the report serialises") + "\n"
}
