//! Documents read together: one document using another's parts (`@use`), and the
//! rules that look across the documents of a workspace (the folder `csa check` is
//! given): a county agreement and the district plans beneath it.
//!
//! [`prepare`] parses a document and joins it with what it uses (reading through
//! [`Sources`], never the disk itself); [`rules::check`] runs the rules that read the
//! prepared documents together. [`crate::engine`] puts the two together with each
//! document's own rules, for every front end.

pub mod rules;
pub mod uses;

use std::path::Path;

use crate::ast::{self, Document};
use crate::diagnostics::Diagnostic;
use crate::knowledge::Knowledge;
use crate::rules::{Finding, Options, Registry};

pub use uses::{CountyTopic, InMemory, Resolution, Sources};

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
