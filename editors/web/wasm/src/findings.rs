//! The page's view of a check: each finding with its place in the editor's units
//! (UTF-16), its help, legal basis and fix, and the counts in the command line's words.

use serde::Serialize;

use csa::diagnostics::{Applicability, Diagnostic};
use csa::render::{FileReport, Summary};

use crate::offsets::Utf16;

/// What the page shows after a check.
#[derive(Serialize)]
pub struct View {
    /// "Checked 1 file: 3 errors, 8 warnings, 2 infos, 4 hints." as `csa check` says it.
    pub summary: String,
    /// The counts by severity.
    pub counts: Summary,
    /// The findings, in the check's order.
    pub findings: Vec<Finding>,
}

/// One finding, placed in the editor.
#[derive(Serialize)]
pub struct Finding {
    pub code: String,
    pub name: String,
    pub severity: &'static str,
    pub message: String,
    pub help: Option<String>,
    pub legal_basis: Option<String>,
    /// 1-based line and column, as the command line prints them.
    pub line: u32,
    pub column: u32,
    /// UTF-16 offsets in the text.
    pub from: u32,
    pub to: u32,
    pub fix: Option<Fix>,
}

/// A fix the officer can apply with one press.
#[derive(Serialize)]
pub struct Fix {
    pub title: String,
    /// Whether a person should look it over (`unsafe` in the command line's words).
    pub review: bool,
    pub edits: Vec<Edit>,
}

/// One replacement, in UTF-16 offsets.
#[derive(Serialize)]
pub struct Edit {
    pub from: u32,
    pub to: u32,
    pub insert: String,
}

/// The view of `diagnostics` about `text`.
pub fn view(
    path: &str,
    text: &str,
    diagnostics: &[Diagnostic],
    accepted: &[csa::diagnostics::Accepted],
) -> View {
    let at = Utf16::new(text);
    let findings = diagnostics
        .iter()
        .map(|d| Finding {
            code: d.code.clone(),
            name: d.name.clone(),
            severity: d.severity.as_str(),
            message: d.message.clone(),
            help: d.help.clone(),
            legal_basis: d.legal_basis.clone(),
            line: d.span.start.line + 1,
            column: d.span.start.column_utf16 + 1,
            from: at.of(d.span.start.offset),
            to: at.of(d.span.end.offset),
            fix: d
                .fix
                .as_ref()
                .filter(|f| f.applicability != Applicability::DisplayOnly)
                .map(|f| Fix {
                    title: f.title.clone(),
                    review: f.applicability == Applicability::Unsafe,
                    edits: f
                        .edits
                        .iter()
                        .map(|e| Edit {
                            from: at.of(e.span.start.offset),
                            to: at.of(e.span.end.offset),
                            insert: e.replacement.clone(),
                        })
                        .collect(),
                }),
        })
        .collect();
    let report = FileReport {
        path: path.to_string(),
        source: String::new(),
        diagnostics: diagnostics.to_vec(),
        accepted: accepted.to_vec(),
    };
    let counts = Summary::of(std::slice::from_ref(&report));
    View {
        summary: counts.line(),
        counts,
        findings,
    }
}
