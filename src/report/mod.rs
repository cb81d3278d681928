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

pub mod html;
pub mod md;

use std::collections::{HashMap, HashSet};

use serde::Serialize;

pub use crate::ast::leads_of;

use crate::ast::{Date, Document, SuppressionScope};
use crate::compare::{self, Comparison};
use crate::diagnostics::{Diagnostic, Severity};
use crate::knowledge::law::Confidence;
use crate::publish::{self, human_date, Block, Cell, ListItem, Table};
use crate::rules::kinds::coverage::{self, Coverage};
use crate::rules::kinds::pcc;
use crate::rules::{self, Context, Options, Registry};
use crate::text::matching;
use crate::text::LineIndex;

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
    /// The check's settings (`as_of` is the report's date).
    pub options: &'a Options,
    /// The previous version, with its path, for "what changed".
    pub previous: Option<(&'a str, &'a Document)>,
}

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

fn confidence_word(c: Confidence) -> &'static str {
    match c {
        Confidence::Verified => "verified",
        Confidence::Secondary => "secondary",
        Confidence::Unverified => "unverified",
    }
}

/// Priorities and themes by id, for naming them.
struct Topics<'a> {
    by_id: HashMap<&'a str, TopicRef>,
}

impl<'a> Topics<'a> {
    fn new(doc: &'a Document) -> Self {
        let mut by_id = HashMap::new();
        for p in &doc.priorities {
            by_id
                .entry(p.id.value.as_str())
                .or_insert_with(|| TopicRef {
                    kind: "priority",
                    id: p.id.value.clone(),
                    title: crate::ast::title_of(p),
                });
        }
        for t in &doc.themes {
            by_id
                .entry(t.id.value.as_str())
                .or_insert_with(|| TopicRef {
                    kind: "theme",
                    id: t.id.value.clone(),
                    title: t
                        .title
                        .as_ref()
                        .map_or(t.id.value.clone(), |t| t.value.clone()),
                });
        }
        Self { by_id }
    }

    fn get(&self, id: &str) -> TopicRef {
        self.by_id.get(id).cloned().unwrap_or_else(|| TopicRef {
            kind: "priority",
            id: id.to_string(),
            title: id.to_string(),
        })
    }
}

/// Builds the report on one document.
pub fn build(input: &Input) -> DocumentReport {
    let parsed = crate::ast::parse(input.source);
    let doc = &parsed.document;
    let index = LineIndex::new(input.source);
    let as_of = input.options.as_of.unwrap_or_else(crate::ast::today);
    let mut diagnostics = parsed.diagnostics.clone();
    diagnostics.extend(rules::check(doc, input.registry, input.options));
    crate::diagnostics::sort(&mut diagnostics);
    let cx = Context::new(doc, &input.registry.law, &input.registry.knowledge, as_of);
    let topics = Topics::new(doc);

    let mut counts = Counts::default();
    for d in &diagnostics {
        match d.severity {
            Severity::Error => counts.error += 1,
            Severity::Warning => counts.warning += 1,
            Severity::Info => counts.info += 1,
            Severity::Hint => counts.hint += 1,
        }
    }
    let verdict = if counts.error > 0 {
        "not-ready"
    } else if counts.warning > 0 {
        "ready-with-warnings"
    } else {
        "ready"
    };

    let mut not_checked = Vec::new();
    let syntax = parsed.diagnostics.len();
    if syntax > 0 {
        not_checked.push(format!(
            "{} of the document could not be read (see the findings); what {} was not checked.",
            if syntax == 1 {
                "One line".to_string()
            } else {
                format!("{syntax} lines")
            },
            if syntax == 1 { "it says" } else { "they say" }
        ));
    }

    let coverage = coverage_section(&cx, &topics, &mut not_checked);
    let alignment = alignment_section(&cx, &topics, &mut not_checked);
    let leads = leads_section(doc, &topics);
    let evidence = evidence_section(&cx, &topics, &mut not_checked);
    let decisions = decisions(doc, input, &index, &diagnostics);
    let changes = input.previous.map(|(path, old)| Changes {
        previous: path.to_string(),
        previous_title: publish::document_title(old, path),
        previous_version: old
            .agreement
            .as_ref()
            .and_then(|a| a.version.as_ref())
            .map(|v| v.value.clone()),
        previous_effective: old
            .agreement
            .as_ref()
            .and_then(|a| a.effective.as_ref())
            .map(|d| d.value.to_string()),
        comparison: compare::compare(old, doc),
    });
    let findings = findings(doc, input.registry, &index, &topics, &diagnostics);

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
        status: Status { verdict, counts },
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

fn coverage_section(
    cx: &Context,
    topics: &Topics,
    not_checked: &mut Vec<String>,
) -> CoverageSection {
    let Some(effective) = cx.effective else {
        let reason = "The document gives no effective date (`effective:` in its @agreement header), so csa cannot tell which law applies: statutory coverage was not checked.".to_string();
        not_checked.push(reason.clone());
        return CoverageSection {
            checked: false,
            reason: Some(reason),
            from: None,
            until: None,
            areas: Vec::new(),
        };
    };
    let end = cx.life_end.unwrap_or(effective);
    let mut areas = Vec::new();
    let mut unverified = 0;
    for area in &cx.law.areas {
        let from = area.in_force_from.0;
        let when = if area.in_force_on(effective) {
            "in-force"
        } else if effective.first_day() < from && from.first_day() <= end.last_day() {
            "comes-into-force"
        } else {
            continue;
        };
        let (status, ids) = match coverage::coverage_of(cx, area) {
            Coverage::Declared(ids) => ("declared", ids),
            Coverage::Inferred(ids) => ("inferred", ids),
            Coverage::Missing => ("missing", Vec::new()),
        };
        if area.confidence == Confidence::Unverified {
            unverified += 1;
        }
        areas.push(AreaRow {
            id: area.id.clone(),
            title: area.title.clone(),
            basis: area.basis(),
            confidence: confidence_word(area.confidence),
            when,
            status,
            addressed_by: ids.iter().map(|id| topics.get(id)).collect(),
        });
    }
    if unverified > 0 {
        not_checked.push(format!(
            "csa's record of the law for {} is unverified: {} marked so in the coverage table rests on it and is never an error.",
            if unverified == 1 { "one statutory area".to_string() } else { format!("{unverified} statutory areas") },
            if unverified == 1 { "the row" } else { "each row" }
        ));
    }
    CoverageSection {
        checked: true,
        reason: None,
        from: Some(effective.to_string()),
        until: Some(end.to_string()),
        areas,
    }
}

fn alignment_section(
    cx: &Context,
    topics: &Topics,
    not_checked: &mut Vec<String>,
) -> AlignmentSection {
    let doc = cx.doc;
    let policing = pcc::PolicingObjectives::of(cx);
    let mut supporters: HashMap<&str, Vec<TopicRef>> = HashMap::new();
    let mut supporting_nothing = Vec::new();
    let objective_ids: HashSet<&str> = doc
        .plans
        .iter()
        .flat_map(|p| &p.objectives)
        .map(|o| o.id.value.as_str())
        .collect();
    for (id, supports) in doc
        .priorities
        .iter()
        .map(|p| (&p.id.value, &p.supports))
        .chain(doc.themes.iter().map(|t| (&t.id.value, &t.supports)))
    {
        let mut any = false;
        for r in supports {
            if objective_ids.contains(r.name.as_str()) {
                any = true;
                let list = supporters.entry(r.name.as_str()).or_default();
                let topic = topics.get(id);
                if !list.contains(&topic) {
                    list.push(topic);
                }
            }
        }
        if !any {
            supporting_nothing.push(topics.get(id));
        }
    }
    let reason = if doc.plans.is_empty() {
        Some("The document names no Police and Crime Plan (@plan), so csa could not check that its priorities have regard to the plan's objectives.".to_string())
    } else if objective_ids.is_empty() {
        Some("The Police and Crime Plan has no objectives written out, so csa could not check alignment with them.".to_string())
    } else {
        None
    };
    if let Some(r) = &reason {
        not_checked.push(r.clone());
    }
    let plans = doc
        .plans
        .iter()
        .map(|p| PlanRow {
            id: p.id.value.clone(),
            title: p
                .title
                .as_ref()
                .map_or(p.id.value.clone(), |t| t.value.clone()),
            objectives: p
                .objectives
                .iter()
                .map(|o| {
                    let supported_by = supporters
                        .get(o.id.value.as_str())
                        .cloned()
                        .unwrap_or_default();
                    let status = if !supported_by.is_empty() {
                        "supported"
                    } else if o.not_adopted.is_some() {
                        "not-adopted"
                    } else if pcc::policing_only(o, &policing) {
                        "policing-only"
                    } else {
                        "unsupported"
                    };
                    ObjectiveRow {
                        id: o.id.value.clone(),
                        text: o.text.as_ref().map(|t| t.value.clone()).unwrap_or_default(),
                        status,
                        supported_by,
                        reason: o.not_adopted.as_ref().map(|r| r.value.clone()),
                    }
                })
                .collect(),
        })
        .collect();
    AlignmentSection {
        checked: reason.is_none(),
        reason,
        plans,
        supporting_nothing: if objective_ids.is_empty() {
            Vec::new()
        } else {
            supporting_nothing
        },
    }
}

fn leads_section(doc: &Document, topics: &Topics) -> LeadsSection {
    let lookup = crate::ast::PriorityLookup::new(doc);
    let mut by_priority: HashMap<&str, Vec<String>> = HashMap::new();
    let mut unattached = Vec::new();
    let all = doc
        .priorities
        .iter()
        .flat_map(|p| &p.leads)
        .chain(&doc.leads)
        .chain(doc.action_plans.iter().flat_map(|a| &a.leads));
    for lead in all {
        let words = crate::ast::lead_words(lead);
        match lead.priority.as_ref().and_then(|r| lookup.find(&r.name)) {
            Some(p) => {
                let list = by_priority.entry(p.id.value.as_str()).or_default();
                if !list.contains(&words) {
                    list.push(words);
                }
            }
            None => {
                if !unattached.contains(&words) {
                    unattached.push(words)
                }
            }
        }
    }
    let mut seen = HashSet::new();
    let priorities = doc
        .priorities
        .iter()
        .filter(|p| seen.insert(p.id.value.as_str()))
        .map(|p| {
            let leads = by_priority
                .get(p.id.value.as_str())
                .cloned()
                .unwrap_or_default();
            PriorityLeads {
                priority: topics.get(&p.id.value),
                status: if leads.is_empty() { "no-lead" } else { "led" },
                leads,
            }
        })
        .collect();
    LeadsSection {
        priorities,
        unattached,
    }
}

fn evidence_section(
    cx: &Context,
    topics: &Topics,
    not_checked: &mut Vec<String>,
) -> EvidenceSection {
    if cx.doc.assessments.is_empty() {
        let reason = "The document gives no strategic assessment table (@assessment), so csa could not check that its priorities answer the issues the assessments named.".to_string();
        not_checked.push(reason.clone());
        return EvidenceSection {
            checked: false,
            reason: Some(reason),
            issues: Vec::new(),
        };
    }
    let mut issues = Vec::new();
    for assessment in &cx.doc.assessments {
        for issue in &assessment.issues {
            let Some(text) = &issue.text else { continue };
            let words = matching::content_words(&text.value);
            let covered_by: Vec<TopicRef> = cx
                .topics()
                .iter()
                .filter(|t| words.iter().any(|w| t.content().contains(w)))
                .map(|t| topics.get(t.id))
                .collect();
            issues.push(IssueRow {
                issue: text.value.clone(),
                count: issue.count.as_ref().map(|c| c.value),
                of: assessment.partnerships.as_ref().map(|p| p.value),
                status: if covered_by.is_empty() {
                    "not-covered"
                } else {
                    "covered"
                },
                covered_by,
            });
        }
    }
    EvidenceSection {
        checked: true,
        reason: None,
        issues,
    }
}

/// Every suppression, with the findings it accepts: those of a check without the
/// suppressions that the check with them does not report.
fn decisions(
    doc: &Document,
    input: &Input,
    index: &LineIndex,
    kept: &[Diagnostic],
) -> Vec<Decision> {
    if doc.suppressions.is_empty() {
        return Vec::new();
    }
    let mut open = doc.clone();
    open.suppressions.clear();
    let all = rules::check(&open, input.registry, input.options);
    let kept: HashSet<(&str, usize, &str)> = kept
        .iter()
        .map(|d| (d.code.as_str(), d.span.start.offset, d.message.as_str()))
        .collect();
    let mut accepts: Vec<Vec<String>> = vec![Vec::new(); doc.suppressions.len()];
    for d in &all {
        if kept.contains(&(d.code.as_str(), d.span.start.offset, d.message.as_str())) {
            continue;
        }
        let rule = input.registry.find(&d.code);
        let at = d.span.start.offset;
        let covering = doc.suppressions.iter().position(|s| {
            (s.covers.start.offset <= at
                && (at < s.covers.end.offset || s.scope == SuppressionScope::File))
                && s.codes
                    .iter()
                    .any(|c| rule.is_some_and(|r| r.answers_to(&c.value)) || c.value == d.code)
        });
        if let Some(i) = covering {
            accepts[i].push(format!("{} ({}): {}", d.code, d.name, d.message));
        }
    }
    doc.suppressions
        .iter()
        .zip(accepts)
        .map(|(s, accepts)| Decision {
            line: index.line_of(s.span.start.offset) + 1,
            rules: s.codes.iter().map(|c| c.value.clone()).collect(),
            reason: s.reason.as_ref().map(|r| r.value.clone()),
            scope: match s.scope {
                SuppressionScope::Next => "next",
                SuppressionScope::File => "file",
            },
            accepts,
        })
        .collect()
}

fn findings(
    doc: &Document,
    registry: &Registry,
    index: &LineIndex,
    topics: &Topics,
    diagnostics: &[Diagnostic],
) -> Vec<FindingGroup> {
    // Where each priority and theme is, and the action plans by the priority they
    // belong to, sorted by start: a finding belongs to the block it falls in.
    let lookup = crate::ast::PriorityLookup::new(doc);
    let mut places: Vec<(usize, usize, String)> = doc
        .priorities
        .iter()
        .map(|p| (p.span.start.offset, p.span.end.offset, p.id.value.clone()))
        .chain(
            doc.themes
                .iter()
                .map(|t| (t.span.start.offset, t.span.end.offset, t.id.value.clone())),
        )
        .chain(doc.action_plans.iter().filter_map(|a| {
            lookup
                .find(&a.priority.name)
                .map(|p| (a.span.start.offset, a.span.end.offset, p.id.value.clone()))
        }))
        .collect();
    places.sort();
    let mut groups: Vec<FindingGroup> = Vec::new();
    let mut group_of: HashMap<Option<String>, usize> = HashMap::new();
    for d in diagnostics {
        let at = d.span.start.offset;
        let i = places.partition_point(|(start, _, _)| *start <= at);
        let topic = i
            .checked_sub(1)
            .map(|i| &places[i])
            .filter(|(_, end, _)| at < *end)
            .map(|(_, _, id)| id.clone());
        let g = *group_of.entry(topic.clone()).or_insert_with(|| {
            groups.push(FindingGroup {
                topic: topic.as_deref().map(|id| topics.get(id)),
                findings: Vec::new(),
            });
            groups.len() - 1
        });
        let rule = registry.find(&d.code);
        let brief = rule.map(rules::explain::brief);
        let fix = d
            .help
            .clone()
            .or_else(|| brief.as_ref().map(|b| b.fix.clone()))
            .unwrap_or_else(|| "Correct the line as the message says.".to_string());
        groups[g].findings.push(FindingRow {
            code: d.code.clone(),
            name: d.name.clone(),
            severity: d.severity,
            line: index.line_of(at) + 1,
            message: d.message.clone(),
            fix,
            why: brief.map(|b| b.why),
            legal_basis: d.legal_basis.clone(),
        });
    }
    // The document as a whole first, then priorities and themes in document order.
    let order: HashMap<String, usize> = doc
        .priorities
        .iter()
        .map(|p| &p.id.value)
        .chain(doc.themes.iter().map(|t| &t.id.value))
        .enumerate()
        .map(|(i, id)| (id.clone(), i))
        .collect();
    groups.sort_by_key(|g| {
        g.topic.as_ref().map_or(0, |t| {
            1 + order.get(&t.id).copied().unwrap_or(usize::MAX - 1)
        })
    });
    groups
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Info => "Information",
        Severity::Hint => "Hint",
    }
}

fn verdict_words(verdict: &str) -> &'static str {
    match verdict {
        "ready" => "Ready",
        "ready-with-warnings" => "Ready with warnings",
        _ => "Not ready",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn date_words(text: &str) -> String {
    Date::parse(text).map_or(text.to_string(), human_date)
}

/// The report on one document as blocks: its page. `anchors` keeps fragment ids
/// unique when several documents share a page.
pub fn blocks(r: &DocumentReport, anchors: &mut publish::Anchors) -> Vec<Block> {
    let mut out = Vec::new();
    let mut heading = |out: &mut Vec<Block>, level: u8, text: String| {
        let anchor = anchors.make(&text);
        out.push(Block::Heading {
            level,
            text,
            anchor,
        });
    };
    heading(&mut out, 1, format!("Compliance review: {}", r.title));

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
    out.push(Block::Paragraph(format!(
        "{}{}. File: `{}`. Reviewed as at {}.",
        if about.is_empty() { "The document" } else { "" },
        about.join(", "),
        r.path,
        date_words(&r.as_of)
    )));

    // Status.
    heading(&mut out, 2, "Status".to_string());
    let c = &r.status.counts;
    out.push(Block::Paragraph(format!(
        "**{}**: {}, {}, {} and {}.",
        verdict_words(r.status.verdict),
        plural(c.error, "error", "errors"),
        plural(c.warning, "warning", "warnings"),
        plural(c.info, "note", "notes"),
        plural(c.hint, "hint", "hints"),
    )));
    out.push(Block::Paragraph(match r.status.verdict {
        "ready" => "csa found nothing a committee would question in what it could check.",
        "ready-with-warnings" => "csa found no breach of the law in what it could check, but some weaknesses a committee would question (listed under Findings).",
        _ => "csa found errors: the document is broken or does not meet the law. Each is listed under Findings with how to put it right.",
    }.to_string()));
    if !r.not_checked.is_empty() {
        out.push(Block::Paragraph(
            "**What csa could not check** (these are not shown as met):".to_string(),
        ));
        out.push(Block::List(
            r.not_checked
                .iter()
                .map(|t| ListItem {
                    text: t.clone(),
                    depth: 0,
                })
                .collect(),
        ));
    }

    // Coverage.
    heading(&mut out, 2, "Statutory coverage".to_string());
    match (&r.coverage.reason, &r.coverage.from, &r.coverage.until) {
        (Some(reason), _, _) => out.push(Block::Paragraph(format!("Not checked. {reason}"))),
        (None, Some(from), Some(until)) => {
            out.push(Block::Paragraph(format!(
                "The law requires the partnership's strategy to address these areas (the legal basis of each is in the last column, from csa's law data). The table lists each area in force over the document's life ({} to {}) and the priorities and themes that address it: *declared* with `addresses:`, *inferred* from the words of a title (csa's reading; the partnership should declare it), or *missing*.",
                date_words(from),
                date_words(until)
            )));
            let mut t = Table::new(
                "Statutory strategy areas and what addresses them",
                &["Area", "Addressed by", "How", "Legal basis"],
            );
            for a in &r.coverage.areas {
                let how = match a.status {
                    "declared" => "Declared",
                    "inferred" => "Inferred only: not declared",
                    _ => "Missing: nothing addresses it",
                };
                let mut basis = vec![a.basis.clone()];
                if a.when == "comes-into-force" {
                    basis.push("Comes into force during the document's life.".to_string());
                }
                if a.confidence == "unverified" {
                    basis.push(
                        "csa's record of this is unverified: not checked against the legislation."
                            .to_string(),
                    );
                }
                t.row(vec![
                    Cell::text(publish::capitalise(&a.title)),
                    if a.addressed_by.is_empty() {
                        Cell::text("none")
                    } else {
                        Cell::lines(a.addressed_by.iter().map(|t| t.title.clone()))
                    },
                    Cell::text(how),
                    Cell::lines(basis),
                ]);
            }
            out.push(Block::Table(t));
        }
        _ => {}
    }

    // Alignment.
    heading(&mut out, 2, "Police and Crime Plan alignment".to_string());
    if let Some(reason) = &r.alignment.reason {
        out.push(Block::Paragraph(format!("Not checked. {reason}")));
    }
    for plan in &r.alignment.plans {
        if plan.objectives.is_empty() {
            continue;
        }
        out.push(Block::Paragraph(format!(
            "The responsible authorities must have regard to the objectives of the Police and Crime Plan: each objective should be supported by a priority or theme, or recorded as considered and not adopted. Each objective of *{}*, and what supports it:",
            plan.title
        )));
        let mut t = Table::new(
            format!("Objectives of {}", plan.title),
            &["Objective", "Supported by", "Status"],
        );
        for o in &plan.objectives {
            let status = match o.status {
                "supported" => "Supported".to_string(),
                "not-adopted" => format!(
                    "Not adopted, with a recorded reason: {}",
                    o.reason.clone().unwrap_or_default()
                ),
                "policing-only" => {
                    "About the force's own business: the partnership need not regard it".to_string()
                }
                _ => "Not supported, and no reason recorded".to_string(),
            };
            t.row(vec![
                Cell::text(format!("{}: {}", o.id, o.text)),
                if o.supported_by.is_empty() {
                    Cell::text("none")
                } else {
                    Cell::lines(o.supported_by.iter().map(|t| t.title.clone()))
                },
                Cell::text(status),
            ]);
        }
        out.push(Block::Table(t));
    }
    if let Some(d) = &r.diagram {
        out.push(Block::Diagram(d.clone()));
    }
    if !r.alignment.supporting_nothing.is_empty() {
        out.push(Block::Paragraph(format!(
            "Priorities and themes that support no objective: {}.",
            r.alignment
                .supporting_nothing
                .iter()
                .map(|t| t.title.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        )));
    }

    // Leads.
    heading(&mut out, 2, "Leads".to_string());
    if r.leads.priorities.is_empty() {
        out.push(Block::Paragraph(
            "Not checked. The document has no priorities.".to_string(),
        ));
    } else {
        let gaps = r
            .leads
            .priorities
            .iter()
            .filter(|p| p.status == "no-lead")
            .count();
        out.push(Block::Paragraph(if gaps == 0 {
            "Every priority has a lead.".to_string()
        } else {
            format!(
                "{} no lead: nobody is named as responsible for delivering it.",
                plural(gaps, "priority has", "priorities have")
            )
        }));
        let mut t = Table::new("Priorities and their leads", &["Priority", "Leads"]);
        for p in &r.leads.priorities {
            t.row(vec![
                Cell::text(p.priority.title.clone()),
                if p.leads.is_empty() {
                    Cell::text("No lead named")
                } else {
                    Cell::lines(p.leads.clone())
                },
            ]);
        }
        out.push(Block::Table(t));
    }
    if !r.leads.unattached.is_empty() {
        out.push(Block::Paragraph(
            "Leads that name no priority of the document:".to_string(),
        ));
        out.push(Block::List(
            r.leads
                .unattached
                .iter()
                .map(|l| ListItem {
                    text: l.clone(),
                    depth: 0,
                })
                .collect(),
        ));
    }

    // Evidence.
    heading(&mut out, 2, "Evidence".to_string());
    if let Some(reason) = &r.evidence.reason {
        out.push(Block::Paragraph(format!("Not checked. {reason}")));
    } else {
        out.push(Block::Paragraph("The issues the district strategic assessments named, and the priorities and themes that cover them (sharing a meaningful word: csa's reading, for the partnership to confirm).".to_string()));
        let mut t = Table::new(
            "Issues named by the strategic assessments",
            &["Issue", "Partnerships naming it", "Covered by"],
        );
        for i in &r.evidence.issues {
            t.row(vec![
                Cell::text(i.issue.clone()),
                Cell::text(match (i.count, i.of) {
                    (Some(c), Some(of)) => format!("{c} of {of}"),
                    (Some(c), None) => c.to_string(),
                    _ => "not given".to_string(),
                }),
                if i.covered_by.is_empty() {
                    Cell::text("Not covered by any priority or theme")
                } else {
                    Cell::lines(i.covered_by.iter().map(|t| t.title.clone()))
                },
            ]);
        }
        out.push(Block::Table(t));
    }

    // Decisions.
    heading(&mut out, 2, "Decisions".to_string());
    if r.decisions.is_empty() {
        out.push(Block::Paragraph(
            "The document accepts no finding: it has no `csa-ignore` comments.".to_string(),
        ));
    } else {
        out.push(Block::Paragraph("Findings the partnership chose to accept, with the reason it recorded (`csa-ignore` comments in the document):".to_string()));
        let mut t = Table::new(
            "Accepted findings",
            &["Line", "Rules", "Reason recorded", "What it accepts"],
        );
        for d in &r.decisions {
            t.row(vec![
                Cell::text(d.line.to_string()),
                Cell::text(d.rules.join(", ")),
                Cell::text(
                    d.reason
                        .clone()
                        .unwrap_or_else(|| "No reason recorded".to_string()),
                ),
                if d.accepts.is_empty() {
                    Cell::text("nothing: no finding was there to accept")
                } else {
                    Cell::lines(d.accepts.clone())
                },
            ]);
        }
        out.push(Block::Table(t));
    }

    // Changes.
    if let Some(ch) = &r.changes {
        heading(
            &mut out,
            2,
            "What changed since the previous version".to_string(),
        );
        let mut was = vec![format!("*{}*", ch.previous_title)];
        if let Some(v) = &ch.previous_version {
            was.push(format!("version {v}"));
        }
        if let Some(e) = &ch.previous_effective {
            was.push(format!("effective from {}", date_words(e)));
        }
        let was = was.join(", ");
        if ch.comparison.is_empty() {
            out.push(Block::Paragraph(format!(
                "No priority, theme, lead or objective changed since {was} (`{}`).",
                ch.previous
            )));
        } else {
            out.push(Block::Paragraph(format!(
                "Compared with {was} (`{}`): priorities, themes, leads and Police and Crime Plan objectives added, removed, renamed or changed.",
                ch.previous
            )));
            let mut t = Table::new("Changes", &["What", "Change", "Now", "Before"]);
            let objectives: Vec<compare::Change> = ch.comparison.objectives().cloned().collect();
            for (what, list) in [
                ("Priority", &ch.comparison.priorities),
                ("Cross-cutting theme", &ch.comparison.themes),
                ("Lead", &ch.comparison.leads),
                ("Objective", &objectives),
            ] {
                for c in list {
                    let change = match c.change {
                        compare::ChangeKind::Added => "Added",
                        compare::ChangeKind::Removed => "Removed",
                        compare::ChangeKind::Renamed => "Renamed",
                        compare::ChangeKind::Changed => "Changed",
                    };
                    t.row(vec![
                        Cell::text(what),
                        Cell::text(change),
                        Cell::text(
                            c.new_title
                                .as_ref()
                                .map_or(String::new(), |t| compare::described(t, &c.fields, true)),
                        ),
                        Cell::text(
                            c.old_title
                                .as_ref()
                                .map_or(String::new(), |t| compare::described(t, &c.fields, false)),
                        ),
                    ]);
                }
            }
            out.push(Block::Table(t));
        }
    }

    // Findings.
    heading(&mut out, 2, "Findings".to_string());
    if r.findings.is_empty() {
        out.push(Block::Paragraph("csa found nothing to report.".to_string()));
    }
    for g in &r.findings {
        let title = match &g.topic {
            Some(t) if t.kind == "theme" => format!("Cross-cutting theme: {}", t.title),
            Some(t) => format!("Priority: {}", t.title),
            None => "The document as a whole".to_string(),
        };
        heading(&mut out, 3, title.clone());
        let mut t = Table::new(
            format!("Findings: {title}"),
            &[
                "What is wrong",
                "Severity",
                "Line",
                "How to put it right",
                "Rule",
            ],
        );
        for f in &g.findings {
            let mut fix = vec![publish::capitalise(&f.fix)];
            if let Some(basis) = &f.legal_basis {
                fix.push(format!("Legal basis: {basis}"));
            }
            t.row(vec![
                Cell::text(publish::capitalise(&f.message)),
                Cell::text(severity_word(f.severity)),
                Cell::text(f.line.to_string()),
                Cell::lines(fix),
                Cell::text(format!("{} {}", f.code, f.name)),
            ]);
        }
        out.push(Block::Table(t));
    }
    out
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
