//! `--output-format json`: the versioned shape documented in docs/output.md.

use serde::Serialize;

use super::{FileReport, Summary};
use crate::diagnostics::{Accepted, Diagnostic};

/// The version of the shape; it changes only when a reader could break.
pub const SCHEMA: &str = "csa-check/1";

#[derive(Serialize)]
struct Output<'a> {
    schema: &'static str,
    files: Vec<File<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    diagnostics: &'a [Diagnostic],
    #[serde(skip_serializing_if = "<[Accepted]>::is_empty")]
    accepted: &'a [Accepted],
}

/// The whole check as one JSON document.
pub fn render(reports: &[FileReport], summary: Summary) -> String {
    let output = Output {
        schema: SCHEMA,
        files: reports
            .iter()
            .map(|r| File {
                path: &r.path,
                diagnostics: &r.diagnostics,
                accepted: &r.accepted,
            })
            .collect(),
        summary,
    };
    let mut text = serde_json::to_string_pretty(&output).expect("diagnostics serialise");
    text.push('\n');
    text
}
