//! Documents read together: one document using another's parts (`@use`), and the
//! rules that look across the documents of a workspace (the folder `csa check` is
//! given): a county agreement and the district plans beneath it.
//!
//! The pipeline per document is the one `csa check` always had, with one step added:
//! parse, then [`prepare`] (read what the document uses and add the used parts to its
//! model), then the rules. The cross-document rules run once over every prepared
//! document ([`rules::check`]); their findings join each document's own before
//! suppressions are applied, so a `// csa-ignore` works on them as on any other.

pub mod rules;
pub mod uses;

use std::path::Path;

use crate::ast::{self, Document};
use crate::diagnostics::Diagnostic;
use crate::knowledge::Knowledge;
use crate::rules::{Finding, Options, Registry};

pub use uses::{CountyTopic, FileSystem, Resolution, Sources};

/// A document parsed and joined with what it uses.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The typed model, with the used parts added.
    pub document: Document,
    /// Syntax diagnostics of the document itself.
    pub syntax: Vec<Diagnostic>,
    /// What its `@use` lines brought in.
    pub resolution: Resolution,
    /// Findings about its `@use` lines and `county:` fields, by rule name.
    pub findings: Vec<(&'static str, Finding)>,
}

/// Parses `text` (the document at `path`) and joins it with the documents it uses.
pub fn prepare(path: &Path, text: &str, sources: &dyn Sources, knowledge: &Knowledge) -> Prepared {
    let parsed = ast::parse(text);
    let mut document = parsed.document;
    let resolution = uses::resolve(path, &document, sources, knowledge);
    uses::apply(&mut document, &resolution);
    let mut findings = resolution.findings.clone();
    findings.extend(rules::county_references(&document, &resolution));
    Prepared {
        document,
        syntax: parsed.diagnostics,
        resolution,
        findings,
    }
}

/// Checks documents as one workspace with one registry and options: each file's
/// syntax diagnostics and findings, in the order given, each list sorted.
pub fn check_all(
    files: &[(std::path::PathBuf, String)],
    registry: &Registry,
    options: &Options,
    sources: &dyn Sources,
) -> Vec<Vec<Diagnostic>> {
    let prepared: Vec<Prepared> = files
        .iter()
        .map(|(path, text)| prepare(path, text, sources, &registry.knowledge))
        .collect();
    let together: Vec<(&Path, &Prepared)> = files
        .iter()
        .zip(&prepared)
        .map(|((path, _), p)| (path.as_path(), p))
        .collect();
    check_prepared(&together, registry, options)
}

/// Checks prepared documents together: each one's syntax diagnostics, its own
/// findings and those of the rules across documents, in the order given, each sorted.
pub fn check_prepared(
    documents: &[(&Path, &Prepared)],
    registry: &Registry,
    options: &Options,
) -> Vec<Vec<Diagnostic>> {
    let members: Vec<rules::Member> = documents
        .iter()
        .map(|(path, p)| rules::Member {
            path,
            document: &p.document,
            resolution: &p.resolution,
        })
        .collect();
    let across = rules::check(&members, &registry.knowledge);
    documents
        .iter()
        .zip(across)
        .map(|((_, p), across)| {
            let mut findings = p.findings.clone();
            findings.extend(across);
            let extra = diagnostics(findings, registry, options);
            let mut out = p.syntax.clone();
            out.extend(crate::rules::check_with(
                &p.document,
                registry,
                options,
                extra,
            ));
            crate::diagnostics::sort(&mut out);
            out
        })
        .collect()
}

/// Turns findings named by rule into diagnostics, for the rules `options` selects.
pub fn diagnostics(
    findings: Vec<(&'static str, Finding)>,
    registry: &Registry,
    options: &Options,
) -> Vec<Diagnostic> {
    findings
        .into_iter()
        .filter_map(|(name, finding)| {
            let rule = registry.find(name)?;
            options
                .selects(rule)
                .then(|| crate::rules::diagnostic(rule, options.severity_of(rule), finding))
        })
        .collect()
}
