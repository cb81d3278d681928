//! The one check behind every front end: `csa check`, `csa report`, `csa publish`, the
//! language server, the browser and the rule fixtures all call it, so a document gets
//! the same findings wherever it is read.
//!
//! A check is: parse each document and join it with what it uses (`@use`, county
//! references: [`workspace::prepare`]); run the rules that read documents together
//! once over all of them; then each document's own rules, with those findings added
//! before suppressions apply; then sort. What it runs with (configuration, rules,
//! previous version) is a [`Setup`], loaded once and shared.

pub mod fix;
pub mod setup;

use std::path::Path;

pub use setup::{read_previous, Setup};

use crate::diagnostics::{self, Accepted, Diagnostic};
use crate::knowledge::Knowledge;
use crate::rules::{self, Finding, Options, Registry};
use crate::workspace::{self, Prepared, Sources};

/// One document to check, with what it is checked with.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    /// Where it is: `@use` paths are read from its folder, and messages name it.
    pub path: &'a Path,
    /// Its text.
    pub text: &'a str,
    /// Its rules and configuration.
    pub setup: &'a Setup,
    /// The options of this check (the setup's, with the command line's or the
    /// editor's on top).
    pub options: &'a Options,
}

/// A checked document.
#[derive(Debug, Clone)]
pub struct Checked {
    /// Its typed model joined with what it uses, and what its `@use` lines read.
    pub prepared: Prepared,
    /// Every finding about it, syntax first where they share a place, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// The findings its `// csa-ignore` comments accepted, in document order.
    pub accepted: Vec<Accepted>,
    /// What the rules across documents found about it, kept so that a check of the
    /// document alone (after a fix, say) can add them again.
    pub across: Across,
}

/// Findings of the rules that read documents together, by rule name.
pub type Across = Vec<(&'static str, Finding)>;

/// Checks `inputs` together, each against its own setup; the results are in the
/// order given.
pub fn check(inputs: &[Input], sources: &dyn Sources) -> Vec<Checked> {
    let prepared: Vec<Prepared> = each(inputs, |input| prepare(input, sources));
    let members: Vec<(&Path, &Prepared)> = inputs
        .iter()
        .zip(&prepared)
        .map(|(input, p)| (input.path, p))
        .collect();
    let knowledge = inputs
        .first()
        .map(|i| &i.setup.registry.knowledge)
        .cloned()
        .unwrap_or_default();
    let across = across(&members, &knowledge, sources);
    drop(members);
    let jobs: Vec<(Input, Prepared, Across)> = inputs
        .iter()
        .copied()
        .zip(prepared)
        .zip(across)
        .map(|((i, p), a)| (i, p, a))
        .collect();
    each_owned(jobs, |(input, prepared, across)| {
        let (diagnostics, accepted) = diagnose_accepting(
            &prepared,
            &input.setup.registry,
            input.options,
            across.clone(),
        );
        Checked {
            prepared,
            diagnostics,
            accepted,
            across,
        }
    })
}

/// Checks one document alone (with what it uses), adding `across`: the findings the
/// rules across documents made about it in a check of its workspace.
pub fn check_one(input: &Input, sources: &dyn Sources, across: Across) -> Checked {
    let prepared = prepare(input, sources);
    let (diagnostics, accepted) = diagnose_accepting(
        &prepared,
        &input.setup.registry,
        input.options,
        across.clone(),
    );
    Checked {
        prepared,
        diagnostics,
        accepted,
        across,
    }
}

/// Parses a document and joins it with what it uses.
pub fn prepare(input: &Input, sources: &dyn Sources) -> Prepared {
    workspace::prepare(
        input.path,
        input.text,
        sources,
        &input.setup.registry.knowledge,
    )
}

/// The findings of the rules that read documents together, for each of `documents`
/// in order.
pub fn across(
    documents: &[(&Path, &Prepared)],
    knowledge: &Knowledge,
    sources: &dyn Sources,
) -> Vec<Across> {
    let members: Vec<workspace::rules::Member> = documents
        .iter()
        .map(|(path, p)| workspace::rules::Member {
            path,
            key: sources.key(path),
            document: &p.document,
            resolution: &p.resolution,
        })
        .collect();
    workspace::rules::check(&members, knowledge)
}

/// A prepared document's diagnostics: its syntax errors, the findings about its `@use`
/// lines, `across`, and its rules' own, suppressions applied, sorted.
pub fn diagnose(
    prepared: &Prepared,
    registry: &Registry,
    options: &Options,
    across: Across,
) -> Vec<Diagnostic> {
    diagnose_accepting(prepared, registry, options, across).0
}

/// [`diagnose`], with the findings the document's `// csa-ignore` comments accepted.
pub fn diagnose_accepting(
    prepared: &Prepared,
    registry: &Registry,
    options: &Options,
    across: Across,
) -> (Vec<Diagnostic>, Vec<Accepted>) {
    let mut findings = prepared.findings.clone();
    findings.extend(across);
    let extra = workspace::diagnostics(findings, registry, options);
    let mut out = prepared.syntax.clone();
    let (checked, accepted) = rules::check_accepting(&prepared.document, registry, options, extra);
    out.extend(checked);
    diagnostics::sort(&mut out);
    (out, accepted)
}

/// `f` over `items`, on every core when the build has threads.
fn each<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        items.par_iter().map(f).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        items.iter().map(f).collect()
    }
}

/// [`each`], taking the items.
fn each_owned<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync + Send) -> Vec<R> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        items.into_par_iter().map(f).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        items.into_iter().map(f).collect()
    }
}
