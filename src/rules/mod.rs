//! The rule engine: runs the rules of a [`Registry`] over a document, as the law stood
//! on the document's effective date, and applies the document's suppressions.
//!
//! Rule *kinds* are Rust (`kinds/`); rule *instances*, their words and the law are
//! data (`rules/*.toml`). A kind reports [`Finding`]s with named values; the engine
//! turns them into diagnostics with the rule's code, severity and message.

pub mod contract;
pub mod explain;
pub mod kinds;
pub mod registry;
mod suppress;

use std::collections::{BTreeMap, HashMap, HashSet};

pub use registry::{Registry, Rule, RuleFileError};

use crate::ast::{date_from_days, Date, Document, DocumentKind, Objective, Priority, Theme};
use crate::diagnostics::{self, Diagnostic, Fix, Label, Severity};
use crate::knowledge::law::{Confidence, Law};
use crate::text::matching;
use crate::text::Span;

/// What a kind found: where, the values for the rule's message, and the extras.
#[derive(Debug, Clone)]
pub struct Finding {
    /// Where.
    pub span: Span,
    /// Values for the message, help and legal-basis templates.
    pub args: Vec<(&'static str, String)>,
    /// Other places that explain it.
    pub labels: Vec<Label>,
    /// A change that puts it right.
    pub fix: Option<Fix>,
    /// Whether the finding rests on a fact not verified on a primary source; such a
    /// finding is never an error.
    pub unverified: bool,
    /// How sure csa is of the least sure fact of its data the finding rests on, where
    /// it rests on one: a finding that is not `Verified` says so in its message (one
    /// resting on an unverified fact is also never an error).
    pub rests_on: Option<Confidence>,
}

impl Finding {
    /// A finding at `span`.
    pub fn at(span: Span) -> Self {
        Self {
            span,
            args: Vec::new(),
            labels: Vec::new(),
            fix: None,
            unverified: false,
            rests_on: None,
        }
    }

    /// Adds a value for the templates.
    pub fn arg(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.args.push((key, value.into()));
        self
    }

    /// Adds a secondary label.
    pub fn label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Adds a fix.
    pub fn fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    /// Marks the finding as resting on an unverified fact when `unverified` is true.
    pub fn unverified_if(mut self, unverified: bool) -> Self {
        self.unverified |= unverified;
        self
    }

    /// Marks the finding as resting on a fact of csa's data held with `confidence`; the
    /// least sure of the facts it rests on is the one its message names.
    pub fn rests_on(mut self, confidence: Confidence) -> Self {
        self.rests_on = Some(self.rests_on.map_or(confidence, |c| c.min(confidence)));
        self.unverified |= confidence == Confidence::Unverified;
        self
    }
}

/// Settings for one check.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The date "today" means (review cycles); defaults to the system date.
    pub as_of: Option<Date>,
    /// Codes, names or families to run (empty: all).
    pub select: Vec<String>,
    /// Codes, names or families not to run.
    pub ignore: Vec<String>,
    /// Severity per code, name or family.
    pub severity: BTreeMap<String, Severity>,
    /// The lowest severity that fails a check (the engine does not use it; callers do).
    pub fail_level: Option<Severity>,
    /// The document's previous version, for the rules that compare with it.
    pub previous: Option<std::sync::Arc<crate::compare::Previous>>,
}

impl Options {
    /// Whether `rule` runs under these options.
    pub fn selects(&self, rule: &Rule) -> bool {
        let selected =
            self.select.is_empty() || self.select.iter().any(|w| w == "ALL" || rule.answers_to(w));
        selected && !self.ignore.iter().any(|w| rule.answers_to(w))
    }

    /// The severity `rule` reports at: the most specific override (code or name,
    /// then family), else its default.
    pub fn severity_of(&self, rule: &Rule) -> Severity {
        self.severity
            .iter()
            .find(|(w, _)| rule.code.eq_ignore_ascii_case(w) || &rule.name == *w)
            .or_else(|| self.severity.iter().find(|(w, _)| &rule.family == *w))
            .map(|(_, s)| *s)
            .unwrap_or(rule.severity)
    }
}

/// Everything a kind may look at, with the lookups the kinds share built once, so
/// that no check costs more than linear time in the size of the document.
pub struct Context<'a> {
    /// The document.
    pub doc: &'a Document,
    /// The law data.
    pub law: &'a Law,
    /// Places, bodies and Police and Crime Plans.
    pub knowledge: &'a crate::knowledge::Knowledge,
    /// The document's effective date, when it has a valid one.
    pub effective: Option<Date>,
    /// The last day of the document's life: the end of its `period:`, else its review
    /// cycle (12 months when none is given) from its effective date.
    pub life_end: Option<Date>,
    /// What "today" is.
    pub as_of: Date,
    /// The document's previous version, when one was given.
    pub previous: Option<&'a crate::compare::Previous>,
    topics: Vec<Topic<'a>>,
    priorities_by_id: HashMap<&'a str, &'a Priority>,
    priorities_by_title: HashMap<Vec<String>, &'a Priority>,
    themes_by_id: HashMap<&'a str, &'a Theme>,
    objective_ids: HashSet<&'a str>,
    supported: HashSet<&'a str>,
}

impl<'a> Context<'a> {
    /// The context for checking `doc` against `law`.
    pub fn new(
        doc: &'a Document,
        law: &'a Law,
        knowledge: &'a crate::knowledge::Knowledge,
        as_of: Date,
    ) -> Self {
        let effective = doc
            .agreement
            .as_ref()
            .and_then(|a| a.effective.as_ref())
            .map(|d| d.value);
        let life_end = doc.agreement.as_ref().and_then(|a| life_end(a, effective));
        let priorities = doc.priorities.iter().map(|p| Topic {
            keyword: "priority",
            id: &p.id.value,
            title: p.title.as_ref().map_or("", |t| t.value.as_str()),
            text: topic_text(&p.id.value, [&p.title, &p.includes, &p.note]),
            title_words: p
                .title
                .as_ref()
                .map(|t| matching::words(&t.value))
                .unwrap_or_default(),
            content: std::cell::OnceCell::new(),
            description_words: std::cell::OnceCell::new(),
            header_span: p.header_span,
            span: p.span,
            supports: &p.supports,
            addresses: &p.addresses,
        });
        let themes = doc.themes.iter().map(|t| Topic {
            keyword: "theme",
            id: &t.id.value,
            title: t.title.as_ref().map_or("", |t| t.value.as_str()),
            text: topic_text(&t.id.value, [&t.title, &t.includes, &t.note]),
            title_words: t
                .title
                .as_ref()
                .map(|t| matching::words(&t.value))
                .unwrap_or_default(),
            content: std::cell::OnceCell::new(),
            description_words: std::cell::OnceCell::new(),
            header_span: t.header_span,
            span: t.span,
            supports: &t.supports,
            addresses: &t.addresses,
        });
        let topics: Vec<Topic<'a>> = priorities.chain(themes).collect();
        // The first definition of an id wins, as duplicates are reported separately.
        let mut priorities_by_id = HashMap::new();
        for p in &doc.priorities {
            priorities_by_id.entry(p.id.value.as_str()).or_insert(p);
        }
        let mut priorities_by_title = HashMap::new();
        for (p, topic) in doc.priorities.iter().zip(&topics) {
            if p.title.is_some() {
                priorities_by_title
                    .entry(topic.title_words.clone())
                    .or_insert(p);
            }
        }
        let mut themes_by_id = HashMap::new();
        for t in &doc.themes {
            themes_by_id.entry(t.id.value.as_str()).or_insert(t);
        }
        let objective_ids = doc
            .plans
            .iter()
            .flat_map(|p| &p.objectives)
            .map(|o| o.id.value.as_str())
            .collect();
        let supported = topics
            .iter()
            .flat_map(|t| t.supports)
            .map(|r| r.name.as_str())
            .collect();
        Self {
            doc,
            law,
            knowledge,
            effective,
            life_end,
            as_of,
            previous: None,
            topics,
            priorities_by_id,
            priorities_by_title,
            themes_by_id,
            objective_ids,
            supported,
        }
    }

    /// The document's kind ([`DocumentKind::UNSTATED`] when it names none).
    pub fn document_kind(&self) -> DocumentKind {
        self.doc
            .agreement
            .as_ref()
            .and_then(crate::ast::Agreement::document_kind)
            .unwrap_or(DocumentKind::UNSTATED)
    }

    /// Where findings about the document as a whole point: its header line, or its
    /// first line when it has no header.
    pub fn document_span(&self) -> Span {
        self.doc
            .agreement
            .as_ref()
            .map(|a| a.header_span)
            .or_else(|| self.doc.items.first().map(|i| i.span))
            .unwrap_or_default()
    }

    /// The priority a reference names: by id, or by title (tables often name
    /// priorities by title).
    pub fn priority(&self, name: &str) -> Option<&'a Priority> {
        if let Some(p) = self.priorities_by_id.get(name) {
            return Some(p);
        }
        self.priorities_by_title
            .get(&matching::words(name))
            .copied()
    }

    /// The theme with this id.
    pub fn theme(&self, id: &str) -> Option<&'a Theme> {
        self.themes_by_id.get(id).copied()
    }

    /// Whether an objective with this id is declared.
    pub fn has_objective(&self, id: &str) -> bool {
        self.objective_ids.contains(id)
    }

    /// Whether some priority or theme supports the objective with this id.
    pub fn is_supported(&self, id: &str) -> bool {
        self.supported.contains(id)
    }

    /// Every objective of every plan.
    pub fn objectives(&self) -> impl Iterator<Item = &'a Objective> {
        self.doc.plans.iter().flat_map(|p| &p.objectives)
    }

    /// Every priority and theme, seen alike.
    pub fn topics(&self) -> &[Topic<'a>] {
        &self.topics
    }

    /// Whether `date` falls inside the document's life after its effective date: a
    /// change on that day is one the document lives through.
    pub fn in_life(&self, date: Date) -> bool {
        match (self.effective, self.life_end) {
            (Some(e), Some(end)) => e.first_day() < date.first_day() && date.first_day() <= end,
            _ => false,
        }
    }

    /// The document's life as words: `2022-04-01 to 2023-03-31`.
    pub fn life_text(&self) -> String {
        match (self.effective, self.life_end) {
            (Some(e), Some(end)) => format!("{} to {end}", e.first_day()),
            _ => String::new(),
        }
    }
}

/// The last day of a document's life: the end of its `period:`, else of the period
/// its title states, else one review cycle (12 months when none is given) after its
/// effective date, less a day.
pub fn life_end(agreement: &crate::ast::Agreement, effective: Option<Date>) -> Option<Date> {
    if let Some(period) = &agreement.period {
        return Some(period.value.to.last_day());
    }
    // A title that states the period ("... Plan 2022-2025") says how long the
    // document runs as plainly as a `period:` would.
    if let Some((_, period)) = agreement.title_period() {
        if effective.is_some_and(|e| e.first_day() <= period.to.last_day()) {
            return Some(period.to.last_day());
        }
    }
    let effective = effective?.first_day();
    let months = crate::ast::ReviewCycle::life_months(agreement.review_cycle());
    let end = kinds::add_months(effective, months);
    Some(date_from_days(end.days_since_epoch() - 1))
}

/// The words a priority or theme is searched by: its title, includes and note, and
/// its id, which is often the abbreviation the evidence uses ("ASB", "DA").
fn topic_text(id: &str, fields: [&Option<crate::ast::Spanned<String>>; 3]) -> String {
    std::iter::once(id)
        .chain(
            fields
                .iter()
                .filter_map(|f| f.as_ref().map(|s| s.value.as_str())),
        )
        .collect::<Vec<_>>()
        .join(" ; ")
}

/// A priority or theme, seen the same way by the rules that treat them alike.
pub struct Topic<'a> {
    /// `priority` or `theme`.
    pub keyword: &'static str,
    /// Its id.
    pub id: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Id, title, includes and note together, for keyword search.
    pub text: String,
    /// The folded words of the title, for matching statutory-area keywords.
    pub title_words: Vec<String>,
    content: std::cell::OnceCell<HashSet<String>>,
    description_words: std::cell::OnceCell<Vec<String>>,
    /// Its header line.
    pub header_span: Span,
    /// The whole block.
    pub span: Span,
    /// Objectives it supports.
    pub supports: &'a [crate::ast::Reference],
    /// Areas it declares.
    pub addresses: &'a [crate::ast::Reference],
}

impl Topic<'_> {
    /// The meaningful folded words of `text`, worked out the first time they are asked for.
    pub fn content(&self) -> &HashSet<String> {
        self.content
            .get_or_init(|| matching::content_words(&self.text).into_iter().collect())
    }

    /// The folded words of [`Topic::description`], worked out the first time they are
    /// asked for (the rules that search them ask once per statutory area).
    pub fn description_words(&self) -> &[String] {
        self.description_words
            .get_or_init(|| matching::words(self.description()))
    }

    /// Title, includes and note without the id: what the topic says, for comparing
    /// with other texts (a short id such as `RS` would only dilute the likeness).
    pub fn description(&self) -> &str {
        self.text
            .strip_prefix(self.id)
            .and_then(|rest| rest.strip_prefix(" ; "))
            .unwrap_or("")
    }
}

/// Fills `{name}` placeholders in `template` from `args`; unknown ones stay as written.
pub fn render(template: &str, args: &[(&'static str, String)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let key = &after[..close];
                match args.iter().find(|(k, _)| *k == key) {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Runs every selected rule over `doc` and applies its suppressions. The result is
/// sorted by position.
pub fn check(doc: &Document, registry: &Registry, options: &Options) -> Vec<Diagnostic> {
    check_with(doc, registry, options, Vec::new())
}

/// [`check`], with diagnostics made elsewhere about the same document (by the rules
/// that read documents together) joining the rules' own before suppressions apply.
pub fn check_with(
    doc: &Document,
    registry: &Registry,
    options: &Options,
    extra: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    check_accepting(doc, registry, options, extra).0
}

/// [`check_with`], with the findings the document's `// csa-ignore` comments
/// accepted, in document order.
pub fn check_accepting(
    doc: &Document,
    registry: &Registry,
    options: &Options,
    extra: Vec<Diagnostic>,
) -> (Vec<Diagnostic>, Vec<crate::diagnostics::Accepted>) {
    let mut cx = Context::new(
        doc,
        &registry.law,
        &registry.knowledge,
        options.as_of.unwrap_or_else(crate::ast::today),
    );
    cx.previous = options.previous.as_deref();
    let mut out = extra;
    let document_kind = cx.document_kind().to_string();
    // A parts file (a plan or bodies written once for other documents to use) is not
    // an agreement: only the rules about its parts themselves apply.
    let parts = doc.is_parts_file();
    for rule in registry.rules.iter().filter(|r| {
        options.selects(r)
            && r.applies_to_kind(&document_kind)
            && (!parts || PARTS_FILE_FAMILIES.contains(&r.family.as_str()))
    }) {
        let Some(run) = kinds::find(&rule.kind).and_then(|k| k.run) else {
            continue;
        };
        let mut findings = Vec::new();
        run(&cx, rule, &mut findings);
        let severity = options.severity_of(rule);
        out.extend(
            findings
                .into_iter()
                .map(|f| diagnostic_for(rule, severity, f, &document_kind)),
        );
    }
    let (mut out, mut accepted) = suppress::apply(doc, registry, options, out);
    diagnostics::sort(&mut out);
    accepted.sort_by_key(|a| (a.diagnostic.span.start.offset, a.diagnostic.code.clone()));
    (out, accepted)
}

/// What a finding resting on a fact csa read only on a secondary source says.
pub const SECONDARY: &str = "csa holds this from a secondary source";

/// The families of rules that apply to a parts file.
pub const PARTS_FILE_FAMILIES: &[&str] = &["references", "suppressions", "workspace"];

/// Turns a finding of `rule` into a diagnostic, citing the law for a county agreement.
pub fn diagnostic(rule: &Rule, severity: Severity, finding: Finding) -> Diagnostic {
    diagnostic_for(rule, severity, finding, DocumentKind::UNSTATED.as_str())
}

/// Turns a finding of `rule` about a document of `document_kind` into a diagnostic,
/// citing the law for that kind of document.
pub fn diagnostic_for(
    rule: &Rule,
    severity: Severity,
    finding: Finding,
    document_kind: &str,
) -> Diagnostic {
    let severity = if finding.unverified && severity == Severity::Error {
        Severity::Warning
    } else {
        severity
    };
    if cfg!(debug_assertions) {
        assert_declared(rule, &finding);
    }
    Diagnostic {
        code: rule.code.clone(),
        name: rule.name.clone(),
        severity,
        message: {
            let message = render(&rule.message, &finding.args);
            if finding.unverified && !message.contains("unconfirmed") {
                format!("{message} (unconfirmed: this rests on a fact csa has not verified)")
            } else if !finding.unverified && finding.rests_on == Some(Confidence::Secondary) {
                format!("{message} ({SECONDARY})")
            } else {
                message
            }
        },
        span: finding.span,
        labels: finding.labels,
        help: rule.help.as_ref().map(|h| render(h, &finding.args)),
        legal_basis: rule
            .legal_basis_for(document_kind)
            .map(|b| render(b, &finding.args)),
        fix: finding.fix,
    }
}

/// Stops at a finding that carries a value its kind does not declare: the kind's
/// contract would no longer say which `{name}`s a rule's templates may use, so a rule
/// pack could be refused a value the kind fills, or the list would drift from the code.
/// Debug builds (the tests, the fuzzers) check every finding; a release build renders it.
fn assert_declared(rule: &Rule, finding: &Finding) {
    let Some(kind) = kinds::find(&rule.kind) else {
        return;
    };
    if let Some(key) = kind.undeclared_arg(&finding.args) {
        panic!(
            "rule {} (kind `{}`) made a finding with `{key}`, which the kind does not declare: add it to the kind's `args`",
            rule.code, kind.name
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_fill_known_values_and_keep_the_rest() {
        let args = [("id", "DA".to_string())];
        assert_eq!(
            render("priority `{id}` has {nothing}", &args),
            "priority `DA` has {nothing}"
        );
        assert_eq!(render("unclosed {id", &args), "unclosed {id");
    }

    #[test]
    fn epoch_days_round_trip() {
        for text in ["1970-01-01", "2000-02-29", "2022-04-01", "2026-11-23"] {
            let date = Date::parse(text).unwrap();
            assert_eq!(date_from_days(date.days_since_epoch()), date);
        }
    }
}
