//! Renderers: one per output format, all from the same reports.

mod concise;
mod github;
mod human;
mod json;
mod sarif;

use crate::diagnostics::{Diagnostic, Severity};
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
}

/// Output formats of `csa check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
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
        s
    }

    /// "Checked 3 files: 1 error, 2 warnings, no infos, 4 hints."
    pub fn line(&self) -> String {
        let count = |n: usize, word: &str| match n {
            0 => format!("no {word}s"),
            1 => format!("1 {word}"),
            n => format!("{n} {word}s"),
        };
        format!(
            "Checked {}: {}, {}, {}, {}.",
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
    match format {
        Format::Human => human::render(reports, color),
        Format::Concise => concise::render(reports),
        Format::Json => json::render(reports),
        Format::Sarif => sarif::render(reports, registry),
        Format::Github => github::render(reports),
    }
}
