//! `csa parse`: the typed model as JSON.

use std::path::PathBuf;

use serde::Serialize;

use super::files::{discover, read_source, report};
use crate::ast::{self, Document};
use crate::diagnostics::Diagnostic;

/// The version of the JSON shape; see docs/format.md section 9.
pub const SCHEMA: &str = "csa-ast/1";

#[derive(Serialize)]
struct Output<'a> {
    schema: &'static str,
    path: String,
    document: &'a Document,
    diagnostics: &'a [Diagnostic],
}

/// Parses each file and prints the JSON; returns the exit code.
pub fn run(paths: &[PathBuf]) -> u8 {
    let (files, mut errors) = discover(paths);
    let mut parsed = Vec::new();
    for path in files {
        match read_source(&path) {
            Ok(text) => parsed.push((path, ast::parse(&text))),
            Err(e) => errors.push(e),
        }
    }
    let outputs: Vec<Output> = parsed
        .iter()
        .map(|(path, p)| Output {
            schema: SCHEMA,
            path: path.display().to_string(),
            document: &p.document,
            diagnostics: &p.diagnostics,
        })
        .collect();
    let json = if outputs.len() == 1 && paths.len() == 1 && paths[0].is_file() {
        serde_json::to_string_pretty(&outputs[0])
    } else {
        serde_json::to_string_pretty(&outputs)
    };
    if !outputs.is_empty() || errors.is_empty() {
        println!("{}", json.expect("the model serialises to JSON"));
    }
    for err in &errors {
        report(err);
    }
    if errors.is_empty() {
        0
    } else {
        2
    }
}
