//! `@use`: a document using the parts of another. The used document's Police and Crime
//! Plans, authorities and bodies become the using document's own, as if written at the
//! `@use` line (so the rules need no change and every finding about them points at a
//! line of the document being checked); its priorities and themes become the county
//! topics that `county:` fields name.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::ast::{self, Document, Objective, Organisation, PccPlan, Period, Spanned, Use};
use crate::knowledge::Knowledge;
use crate::rules::Finding;
use crate::text::Span;

/// How deep `@use` may nest, and how many documents one check may read through it:
/// enough for a district plan that uses a county agreement that uses a plan file,
/// and a bound that no hostile folder can push past.
const MAX_DEPTH: usize = 8;
const MAX_DOCUMENTS: usize = 64;

/// Where documents are read from: the disk for `csa check`, open buffers first for the
/// language server, the files an officer opened for the browser. The core reads
/// nothing else, so it runs wherever a front end can hand it text.
pub trait Sources: Sync {
    /// The text of the document at `path`, or why it cannot be read.
    fn read(&self, path: &Path) -> Result<String, String>;

    /// The one name of the file `path` reaches, so that a file reached two ways is one
    /// document: `.` and `..` read out (the disk also follows links).
    fn key(&self, path: &Path) -> PathBuf {
        lexical(path)
    }
}

/// Documents held in memory by path: the browser's open files, and tests.
#[derive(Debug, Clone, Default)]
pub struct InMemory {
    texts: std::collections::HashMap<PathBuf, String>,
}

impl InMemory {
    /// Holds `text` as the document at `path`.
    pub fn insert(&mut self, path: impl Into<PathBuf>, text: impl Into<String>) {
        self.texts.insert(lexical(&path.into()), text.into());
    }
}

impl Sources for InMemory {
    fn read(&self, path: &Path) -> Result<String, String> {
        self.texts
            .get(&lexical(path))
            .cloned()
            .ok_or_else(|| "no such file is open".to_string())
    }
}

/// A document read through `@use`.
#[derive(Debug, Clone)]
pub struct UsedDocument {
    /// Where it was read from.
    pub path: PathBuf,
    /// Its one name ([`Sources::key`]), for telling documents apart.
    pub key: PathBuf,
    /// Its text.
    pub text: String,
    /// Its typed model.
    pub document: Document,
    /// The `@use` line of the checked document it came through.
    pub via: Span,
}

/// A priority or theme of a used document, which `county:` fields may name.
#[derive(Debug, Clone)]
pub struct CountyTopic {
    /// `priority` or `theme`.
    pub keyword: &'static str,
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The file it is defined in.
    pub path: PathBuf,
    /// Where, in that file.
    pub span: Span,
}

/// What a document's `@use` lines brought in, and what went wrong.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    /// Every document read, in the order first reached.
    pub used: Vec<UsedDocument>,
    /// Findings of the rules `unresolved-use` and `use-cycle`, by rule name.
    pub findings: Vec<(&'static str, Finding)>,
}

impl Resolution {
    /// Whether the document at normalised path `key` was read, directly or through
    /// another used document.
    pub fn reads(&self, key: &Path) -> bool {
        self.used.iter().any(|u| u.key == key)
    }

    /// The priorities and themes of the used documents that are county agreements.
    pub fn county_topics(&self) -> Vec<CountyTopic> {
        let mut out = Vec::new();
        for used in &self.used {
            let kind = used
                .document
                .agreement
                .as_ref()
                .and_then(|a| a.document_kind());
            if kind != Some(crate::ast::DocumentKind::CountyAgreement) {
                continue;
            }
            let priorities = used
                .document
                .priorities
                .iter()
                .map(|p| ("priority", &p.id, &p.title, p.header_span));
            let themes = used
                .document
                .themes
                .iter()
                .map(|t| ("theme", &t.id, &t.title, t.header_span));
            for (keyword, id, title, span) in priorities.chain(themes) {
                out.push(CountyTopic {
                    keyword,
                    id: id.value.clone(),
                    title: title.as_ref().map(|t| t.value.clone()).unwrap_or_default(),
                    path: used.path.clone(),
                    span,
                });
            }
        }
        out
    }
}

/// Reads what `doc` (at `path`) uses, following the used documents' own `@use` lines.
pub fn resolve(
    path: &Path,
    doc: &Document,
    sources: &dyn Sources,
    knowledge: &Knowledge,
) -> Resolution {
    let mut resolution = Resolution::default();
    let here = sources.key(path);
    let mut seen: HashSet<PathBuf> = HashSet::from([here.clone()]);
    for use_ in &doc.uses {
        let mut stack = vec![here.clone()];
        follow(
            path,
            use_,
            use_,
            sources,
            knowledge,
            &mut stack,
            &mut seen,
            &mut resolution,
        );
    }
    resolution
}

#[allow(clippy::too_many_arguments)]
fn follow(
    from: &Path,
    use_: &Use,
    root: &Use,
    sources: &dyn Sources,
    knowledge: &Knowledge,
    stack: &mut Vec<PathBuf>,
    seen: &mut HashSet<PathBuf>,
    out: &mut Resolution,
) {
    // Findings point at the checked document's own `@use` line, and name what it wrote.
    let via = root.header_span;
    let target = &use_.target.value;
    let shown = &root.target.value;
    if !use_.is_file() {
        match known_plan(knowledge, target) {
            Some(used) => {
                let key = used.path.clone();
                if seen.insert(key) {
                    out.used.push(UsedDocument { via, ..used });
                }
            }
            None => {
                let hint = match knowledge.plan_suggestion(target) {
                    Some(s) => format!("did you mean `{s}`? `csa law plans` lists the plans csa knows"),
                    None => "write the path of a `.csa` file, or the id or title of a plan `csa law plans` lists".to_string(),
                };
                out.findings.push((
                    "unresolved-use",
                    Finding::at(use_.target.span)
                        .arg("target", shown.clone())
                        .arg(
                            "reason",
                            "csa knows no Police and Crime Plan by that id or title",
                        )
                        .arg("hint", hint),
                ));
            }
        }
        return;
    }
    let path = from.parent().unwrap_or(Path::new(".")).join(target);
    let key = sources.key(&path);
    if let Some(start) = stack.iter().position(|p| *p == key) {
        let chain: Vec<String> = stack[start..]
            .iter()
            .chain(std::iter::once(&key))
            .map(|p| display_name(p))
            .collect();
        out.findings.push((
            "use-cycle",
            Finding::at(via)
                .arg("target", shown.clone())
                .arg("cycle", chain.join(" → ")),
        ));
        return;
    }
    if !seen.insert(key.clone()) {
        return;
    }
    if stack.len() > MAX_DEPTH || out.used.len() >= MAX_DOCUMENTS {
        out.findings.push((
            "unresolved-use",
            Finding::at(via)
                .arg("target", shown.clone())
                .arg(
                    "reason",
                    format!("documents may use others at most {MAX_DEPTH} deep and {MAX_DOCUMENTS} in all"),
                )
                .arg("hint", "use the file that holds the parts directly"),
        ));
        return;
    }
    let text = match sources.read(&path) {
        Ok(text) => text,
        Err(reason) => {
            let (span, reason) = if std::ptr::eq(use_, root) {
                (use_.target.span, reason)
            } else {
                (via, format!("it uses `{target}`, and {reason}"))
            };
            out.findings.push((
                "unresolved-use",
                Finding::at(span)
                    .arg("target", shown.clone())
                    .arg("reason", reason)
                    .arg(
                        "hint",
                        "the path is read from the folder of the document that uses it; check its spelling",
                    ),
            ));
            return;
        }
    };
    let document = ast::parse(&text).document;
    let nested: Vec<Use> = document.uses.clone();
    out.used.push(UsedDocument {
        path: path.clone(),
        key: key.clone(),
        text,
        document,
        via,
    });
    stack.push(key);
    for inner in &nested {
        follow(&path, inner, root, sources, knowledge, stack, seen, out);
    }
    stack.pop();
}

/// A Police and Crime Plan csa knows, named by its id or one of its titles, as a
/// parts document holding one `@plan` block.
fn known_plan(knowledge: &Knowledge, name: &str) -> Option<UsedDocument> {
    let plan = knowledge.plan_named(name)?;
    let area = knowledge
        .gazetteer()
        .police_area(&plan.police_area)
        .map(|a| a.name.clone())
        .unwrap_or_else(|| plan.police_area.clone());
    let at = |value: String| Spanned::new(value, Span::default());
    let period = plan.to.map(|to| {
        Spanned::new(
            Period {
                from: plan.from.0,
                to: to.0,
            },
            Span::default(),
        )
    });
    let mut document = Document::default();
    document.plans.push(PccPlan {
        id: at(plan.id.clone()),
        title: Some(at(plan.title.clone())),
        commissioner: plan.issued_by.clone().map(at),
        area: Some(at(area)),
        period,
        principles: Vec::new(),
        objectives: plan
            .objectives
            .iter()
            .map(|o| Objective {
                id: at(o.id.clone()),
                text: Some(at(o.title.clone())),
                group: None,
                not_adopted: None,
                scope: o.scope.clone().map(at),
                span: Span::default(),
            })
            .collect(),
        header_span: Span::default(),
        span: Span::default(),
    });
    let path = PathBuf::from(format!("csa:plan/{}", plan.id));
    Some(UsedDocument {
        key: path.clone(),
        path,
        text: String::new(),
        document,
        via: Span::default(),
    })
}

/// Adds the used documents' plans, authorities and bodies to `doc`, as if written at
/// the `@use` line they came through. Parts whose id the document defines itself are
/// left out: the document's own definition wins.
pub fn apply(doc: &mut Document, resolution: &Resolution) {
    let mut plan_ids: HashSet<String> = doc.plans.iter().map(|p| p.id.value.clone()).collect();
    let mut objective_ids: HashSet<String> = doc
        .plans
        .iter()
        .flat_map(|p| &p.objectives)
        .map(|o| o.id.value.clone())
        .collect();
    let mut organisation_ids: HashSet<String> = doc
        .authorities
        .iter()
        .chain(&doc.bodies)
        .map(|o| o.id.value.clone())
        .collect();
    for used in &resolution.used {
        for plan in &used.document.plans {
            if !plan_ids.insert(plan.id.value.clone()) {
                continue;
            }
            let mut plan = relocate_plan(plan, used.via);
            plan.objectives
                .retain(|o| objective_ids.insert(o.id.value.clone()));
            doc.plans.push(plan);
        }
        for (from, to) in [
            (&used.document.authorities, &mut doc.authorities),
            (&used.document.bodies, &mut doc.bodies),
        ] {
            for organisation in from {
                if organisation_ids.insert(organisation.id.value.clone()) {
                    to.push(relocate_organisation(organisation, used.via));
                }
            }
        }
    }
}

fn at<T: Clone>(value: &Spanned<T>, span: Span) -> Spanned<T> {
    Spanned::new(value.value.clone(), span)
}

fn at_opt<T: Clone>(value: &Option<Spanned<T>>, span: Span) -> Option<Spanned<T>> {
    value.as_ref().map(|v| at(v, span))
}

fn relocate_plan(plan: &PccPlan, span: Span) -> PccPlan {
    PccPlan {
        id: at(&plan.id, span),
        title: at_opt(&plan.title, span),
        commissioner: at_opt(&plan.commissioner, span),
        area: at_opt(&plan.area, span),
        period: at_opt(&plan.period, span),
        principles: plan.principles.iter().map(|p| at(p, span)).collect(),
        objectives: plan
            .objectives
            .iter()
            .map(|o| Objective {
                id: at(&o.id, span),
                text: at_opt(&o.text, span),
                group: at_opt(&o.group, span),
                not_adopted: at_opt(&o.not_adopted, span),
                scope: at_opt(&o.scope, span),
                span,
            })
            .collect(),
        header_span: span,
        span,
    }
}

fn relocate_organisation(organisation: &Organisation, span: Span) -> Organisation {
    Organisation {
        id: at(&organisation.id, span),
        name: at_opt(&organisation.name, span),
        kind: at_opt(&organisation.kind, span),
        note: at_opt(&organisation.note, span),
        span,
    }
}

/// A path with `.` and `..` taken out by reading it alone, links left as written: the
/// form to show an editor, which knows the file by the name it was opened by.
pub fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}
