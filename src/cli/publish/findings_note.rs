//! What `publish` and `report` say about the findings of the documents they write:
//! they write the output whatever the findings (a committee may need to see a report
//! of a broken draft), but never in silence, and with `--fail-level` they fail as
//! `csa check` does, so a pipeline can refuse to publish a document with errors.

use std::path::Path;

use crate::cli::files::shell_word;
use crate::config::Level;
use crate::diagnostics::{Diagnostic, Severity};

/// "2 errors and 1 warning", or `None` when there are neither.
fn serious(diagnostics: &[Diagnostic]) -> Option<String> {
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let words = |n: usize, one: &str, many: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    match (errors, warnings) {
        (0, 0) => None,
        (0, w) => Some(words(w, "warning", "warnings")),
        (e, 0) => Some(words(e, "error", "errors")),
        (e, w) => Some(format!(
            "{} and {}",
            words(e, "error", "errors"),
            words(w, "warning", "warnings")
        )),
    }
}

/// Says on standard error what `csa check` finds in `file`, when it finds errors or
/// warnings, after `did` ("was published", "is reported") was done anyway; returns
/// whether a finding is at or above `fail_level`.
pub fn note(file: &Path, diagnostics: &[Diagnostic], did: &str, fail_level: Option<Level>) -> bool {
    if let Some(found) = serious(diagnostics) {
        let errors = diagnostics.iter().any(|d| d.severity == Severity::Error);
        eprintln!(
            "{}: `{}` has {found}; it {did} as written\n  help: `csa check {}` shows where{}",
            if errors { "warning" } else { "note" },
            file.display(),
            shell_word(file),
            if errors {
                "; put the errors right before it goes to the committee"
            } else {
                ""
            }
        );
    }
    fail_level.is_some_and(|level| {
        let threshold = Severity::from(level);
        diagnostics.iter().any(|d| d.severity >= threshold)
    })
}
