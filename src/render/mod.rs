//! Renderers: one per output format, all from the same reports.

mod concise;
mod github;
mod human;
mod json;
mod sarif;

use crate::diagnostics::{Accepted, Diagnostic, Severity};
use crate::rules::Registry;

/// The findings for one file, with its text (for excerpts).
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The path as the user gave or csa found it.
    pub path: String,
    /// The file's text.
    pub source: String,
    /// Its diagnostics, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// The findings its `// csa-ignore` comments accepted: not reported as findings,
    /// but counted, so that an accepted duty never reads as one met.
    pub accepted: Vec<Accepted>,
}

/// Output formats of `csa check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "native", derive(clap::ValueEnum))]
pub enum Format {
    /// Excerpts of the document with the findings marked, for people.
    Human,
    /// One line per finding: `path:line:column: severity[CODE] message`.
    Concise,
    /// The versioned JSON shape documented in docs/output.md.
    Json,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow commands, shown as annotations on pull requests.
    Github,
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Files checked.
    pub files: usize,
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Infos.
    pub infos: usize,
    /// Hints.
    pub hints: usize,
    /// Files that could not be read, and so were not checked.
    #[serde(skip_serializing_if = "is_zero")]
    pub unreadable: usize,
    /// Findings `// csa-ignore` comments accepted, counted apart from the above.
    #[serde(skip_serializing_if = "is_zero")]
    pub accepted: usize,
    /// How many of those the rules report as errors.
    #[serde(skip_serializing_if = "is_zero")]
    pub accepted_errors: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Summary {
    /// Counts the findings of `reports`.
    pub fn of(reports: &[FileReport]) -> Self {
        let mut s = Summary {
            files: reports.len(),
            ..Summary::default()
        };
        for d in reports.iter().flat_map(|r| &r.diagnostics) {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
                Severity::Hint => s.hints += 1,
            }
        }
        for a in reports.iter().flat_map(|r| &r.accepted) {
            s.accepted += 1;
            if a.diagnostic.severity == Severity::Error {
                s.accepted_errors += 1;
            }
        }
        s
    }

    /// The summary, counting `unreadable` files that could not be checked.
    pub fn with_unreadable(mut self, unreadable: usize) -> Self {
        self.unreadable = unreadable;
        self
    }

    /// "Checked 3 files: 1 error, 2 warnings, no infos, 4 hints." (with "; 1 file could
    /// not be read" when one could not).
    pub fn line(&self) -> String {
        let count = |n: usize, word: &str| match n {
            0 => format!("no {word}s"),
            1 => format!("1 {word}"),
            n => format!("{n} {word}s"),
        };
        let unreadable = match self.unreadable {
            0 => String::new(),
            1 => "; 1 file could not be read".to_string(),
            n => format!("; {n} files could not be read"),
        };
        let accepted = match (self.accepted, self.accepted_errors) {
            (0, _) => String::new(),
            (n, 0) => format!(
                "; {} accepted by `csa-ignore` comments",
                if n == 1 {
                    "1 more finding".to_string()
                } else {
                    format!("{n} more findings")
                }
            ),
            (n, e) => format!(
                "; {} accepted by `csa-ignore` comments, {} of them {}",
                if n == 1 {
                    "1 more finding".to_string()
                } else {
                    format!("{n} more findings")
                },
                e,
                if e == 1 { "an error" } else { "errors" }
            ),
        };
        format!(
            "Checked {}: {}, {}, {}, {}{unreadable}{accepted}.",
            if self.files == 1 {
                "1 file".to_string()
            } else {
                format!("{} files", self.files)
            },
            count(self.errors, "error"),
            count(self.warnings, "warning"),
            count(self.infos, "info"),
            count(self.hints, "hint")
        )
    }
}

/// Renders `reports` in `format`. `color` applies to the human format only.
pub fn render(format: Format, reports: &[FileReport], registry: &Registry, color: bool) -> String {
    render_counting(format, reports, 0, registry, color)
}

/// Renders `reports` in `format`, with `unreadable` files that could not be read
/// counted in the summary.
pub fn render_counting(
    format: Format,
    reports: &[FileReport],
    unreadable: usize,
    registry: &Registry,
    color: bool,
) -> String {
    let summary = Summary::of(reports).with_unreadable(unreadable);
    match format {
        Format::Human => human::render(reports, summary, color),
        Format::Concise => concise::render(reports, summary),
        Format::Json => json::render(reports, summary),
        Format::Sarif => sarif::render(reports, registry),
        Format::Github => github::render(reports),
    }
}
