//! `csa diff OLD NEW`: what changed between two versions of a document, as text,
//! JSON or Markdown, with the draft `@version` row.

use std::path::Path;

use super::files::{read_source, report};
use crate::ast;
use crate::compare;
use crate::compare::display::{json, markdown, text, Loaded};
use crate::diagnostics::Severity;
use crate::render::{self, FileReport};

/// Output formats of `csa diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people, in a terminal; ends with the draft `@version` row.
    Text,
    /// The versioned JSON shape documented in docs/diff.md.
    Json,
    /// Markdown, for a report or a pull request; ends with the draft row.
    Md,
}

/// Reads and parses a document; a file that cannot be read, or that has syntax
/// errors, is reported on standard error and gives `None`.
pub fn load(path: &Path) -> Option<Loaded> {
    let text = match read_source(path) {
        Ok(text) => text,
        Err(e) => {
            report(&e);
            return None;
        }
    };
    let parsed = ast::parse(&text);
    let errors: Vec<_> = parsed
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        let count = errors.len();
        let report = FileReport {
            path: path.display().to_string(),
            source: text,
            diagnostics: errors,
            accepted: Vec::new(),
        };
        eprint!(
            "{}",
            render::render(
                render::Format::Human,
                std::slice::from_ref(&report),
                &crate::rules::Registry::bundled(),
                false
            )
        );
        eprintln!(
            "error: `{}` has {} that must be put right before it can be compared\n  help: `csa check {}` shows them too; the format is in docs/format.md",
            path.display(),
            if count == 1 {
                "a syntax error".to_string()
            } else {
                format!("{count} syntax errors")
            },
            super::files::shell_word(path)
        );
        return None;
    }
    Some(Loaded {
        path: path.display().to_string(),
        document: parsed.document,
    })
}

/// Reads the previous version of a document for `csa check`; errors are reported on
/// standard error.
pub fn previous(path: &Path) -> Option<std::sync::Arc<crate::compare::Previous>> {
    load(path).map(|loaded| {
        std::sync::Arc::new(crate::compare::Previous {
            path: loaded.path,
            document: loaded.document,
        })
    })
}

/// Compares the two files and prints the result; returns the exit code (0 compared,
/// 2 a file could not be read or has syntax errors).
pub fn run(old: &Path, new: &Path, format: Format, version_row: bool) -> u8 {
    let (Some(before), Some(after)) = (load(old), load(new)) else {
        return 2;
    };
    let cmp = compare::compare(&before.document, &after.document);
    let row = compare::draft_row(&cmp, &after.document);
    let out = if version_row {
        row
    } else {
        match format {
            Format::Text => text(&before, &after, &cmp, &row),
            Format::Md => markdown(&before, &after, &cmp, &row),
            Format::Json => json(&before, &after, &cmp, &row),
        }
    };
    print!("{out}");
    0
}
