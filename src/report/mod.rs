//! `csa report`: the compliance review a scrutiny committee reads, one page per
//! document. It reads the same typed model and the same findings as `csa check`.
//!
//! [`build`] makes the [`DocumentReport`] (serialised as the JSON output, shape
//! `csa-report/2`, documented in docs/report.md); [`blocks`] lays it out as the
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

pub mod docx;

mod alignment;
mod appendix;
mod changes;
mod checklist;
mod coverage;
mod decisions;
mod evidence;
mod findings;
mod leads;
mod model;
mod page;
mod status;
mod topics;
mod words;

pub use crate::ast::leads_of;
pub use model::{
    AlignmentSection, AreaRow, Changes, Counts, CoverageSection, Decision, DocumentReport,
    EvidenceLink, EvidenceSection, FindingGroup, FindingRow, IssueRow, LeadsSection, ObjectiveRow,
    PlanInForce, PlanRow, PriorityLeads, Report, Status, TopicRef, WordMatch,
};

use crate::engine::Checked;
use crate::publish::{self, Block};
use crate::rules::{Context, Options, Registry};
use crate::text::LineIndex;
use page::{date_words, Page};
use topics::Topics;

/// The version of the JSON shape.
pub const SCHEMA: &str = "csa-report/2";

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

    let mut not_checked = Vec::new();
    status::unread(input.checked.prepared.syntax.len(), &mut not_checked);
    let coverage = coverage::section(&cx, &topics, &mut not_checked);
    let alignment = alignment::section(&cx, &topics, &mut not_checked);
    let leads = leads::section(doc, &topics);
    let evidence = evidence::section(doc, &topics, &mut not_checked);
    let decisions = decisions::section(doc, input, &index);
    let checklist = checklist::section(doc, input.registry, diagnostics);
    let changes = input
        .options
        .previous
        .as_deref()
        .map(|previous| changes::section(previous, doc));
    let findings = findings::section(doc, input.registry, &index, &topics, diagnostics);
    let names = names(&cx);
    let status = status::section(&cx, &alignment, &findings, &input.checked.accepted, &names);

    let agreement = doc.agreement.as_ref();
    let field = |f: Option<&crate::ast::Spanned<String>>| f.map(|s| s.value.clone());
    DocumentReport {
        path: input.path.to_string(),
        file: words::file_name(input.path).to_string(),
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
        checklist,
        leads,
        evidence,
        decisions,
        changes,
        findings,
        diagram: Some(publish::Diagram::of(doc))
            .filter(|d| !d.is_empty() && !d.objectives.is_empty()),
        names,
    }
}

/// What the document's ids stand for: priorities, themes, plans, objectives,
/// organisations, and the statutory areas of the law.
fn names(cx: &Context) -> std::collections::HashMap<String, String> {
    let doc = cx.doc;
    let mut names = std::collections::HashMap::new();
    for area in &cx.law.areas {
        names.insert(area.id.clone(), area.title.clone());
    }
    let mut add = |id: &str, title: Option<&crate::ast::Spanned<String>>| {
        if let Some(t) = title.filter(|t| !t.value.trim().is_empty()) {
            names
                .entry(id.to_string())
                .or_insert_with(|| t.value.clone());
        }
    };
    for p in &doc.priorities {
        add(&p.id.value, p.title.as_ref());
    }
    for t in &doc.themes {
        add(&t.id.value, t.title.as_ref());
    }
    for plan in &doc.plans {
        add(&plan.id.value, plan.title.as_ref());
        for o in &plan.objectives {
            add(&o.id.value, o.text.as_ref());
        }
    }
    for org in doc.authorities.iter().chain(&doc.bodies) {
        add(&org.id.value, org.name.as_ref());
    }
    if let Some(previous) = cx.previous {
        for plan in &previous.document.plans {
            for o in &plan.objectives {
                add(&o.id.value, o.text.as_ref());
            }
        }
    }
    names
}

/// The report on one document as blocks: its page. `anchors` keeps fragment ids
/// unique when several documents share a page. On a page of its own (`alone`), the
/// document's title is the page's title and its sections are chapters; on a page of
/// several, each document is a chapter and its sections are below it.
pub fn blocks(r: &DocumentReport, anchors: &mut publish::Anchors, alone: bool) -> Vec<Block> {
    let mut page = Page::new(anchors);
    let level = if alone {
        1
    } else {
        page.heading(1, format!("Compliance review: {}", r.title));
        2
    };
    status::blocks(r, level, &mut page);
    title(r, &mut page);
    coverage::blocks(r, level, &mut page);
    alignment::blocks(r, level, &mut page);
    checklist::blocks(r, level, &mut page);
    leads::blocks(r, level, &mut page);
    evidence::blocks(r, level, &mut page);
    findings::blocks(r, level, &mut page);
    decisions::blocks(r, level, &mut page);
    changes::blocks(r, level, &mut page);
    appendix::blocks(r, level, &mut page);
    page.into_blocks()
}

/// What the document is, after the status.
fn title(r: &DocumentReport, page: &mut Page) {
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
        about.push(format!("in effect from {}", date_words(e)));
    }
    page.push(Block::Paragraph(format!(
        "*{}*: {}{}, in the file {}.",
        r.title,
        if about.is_empty() { "the document" } else { "" },
        about.join(", "),
        r.file,
    )));
}

/// The page's title.
pub fn page_title(report: &Report) -> String {
    match report.documents.as_slice() {
        [one] => format!("Compliance review: {}", one.title),
        _ => "Compliance review".to_string(),
    }
}

/// The pages of every document, in order.
pub fn all_blocks(report: &Report) -> Vec<Block> {
    let mut anchors = publish::Anchors::default();
    let alone = report.documents.len() == 1;
    report
        .documents
        .iter()
        .flat_map(|d| blocks(d, &mut anchors, alone))
        .collect()
}

/// The report as a publication: its title and its pages, for the HTML and Word
/// writers.
pub fn publication(report: &Report) -> publish::Publication {
    let mut blocks = all_blocks(report);
    if report.documents.len() > 1 {
        blocks.insert(0, overview(report));
    }
    publish::Publication {
        title: page_title(report),
        author: None,
        date: Some(
            report
                .documents
                .first()
                .map_or_else(|| crate::ast::today().to_string(), |d| d.as_of.clone()),
        ),
        blocks,
        chapters_on_new_pages: false,
    }
}

/// On a page of several documents, the verdict on each, first.
fn overview(report: &Report) -> Block {
    let mut anchors = publish::Anchors::default();
    let anchor = anchors.make("Status of each document");
    let items = report
        .documents
        .iter()
        .map(|d| publish::ListItem {
            text: format!(
                "**{}**: {} ({}). {}",
                status::verdict_words(d.status.verdict),
                d.title,
                d.file,
                d.status.reasons.first().cloned().unwrap_or_default()
            ),
            depth: 0,
        })
        .collect();
    Block::Panel(vec![
        Block::Heading {
            level: 1,
            text: "Status of each document".to_string(),
            anchor: format!("overview-{anchor}"),
        },
        Block::Paragraph(format!(
            "{} documents, each reviewed on its own page below:",
            report.documents.len()
        )),
        Block::List(items),
    ])
}

/// The report as JSON.
pub fn json(report: &Report) -> String {
    serde_json::to_string_pretty(report).expect("the report serialises") + "\n"
}
