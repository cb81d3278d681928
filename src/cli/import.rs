//! `csa import`: a Word document (`.docx`) or text to a `.csa` draft.
//!
//! The draft goes to standard output, or to `-o FILE` (written atomically: to a
//! temporary file beside it, then renamed). The summary goes to standard error: what
//! was recognised, what was left as prose, what needs a person, and whether the
//! draft parses without a syntax error.

use std::path::Path;

use crate::import::ImportError;

/// Imports `input`; returns the exit code (0 done, 2 could not import).
pub fn run(input: &Path, output: Option<&Path>) -> u8 {
    let result = match crate::files::import_path(input) {
        Ok(result) => result,
        Err(err) => {
            report(input, &err);
            return 2;
        }
    };
    let parsed = crate::ast::parse(&result.csa);
    let written = match output {
        Some(path) => path.display().to_string(),
        None => "standard output".to_string(),
    };
    if let Err(e) = crate::files::write_output(output, result.csa.as_bytes()) {
        eprintln!("error: {e}\n  help: check that the folder exists and can be written");
        return 2;
    }
    eprintln!("imported {} into {written}", input.display());
    eprint!("{}", result.summary);
    let errors: Vec<_> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::diagnostics::Severity::Error)
        .collect();
    if errors.is_empty() {
        eprintln!(
            "the draft parses with no syntax error; next: csa check {}",
            output.map_or("DRAFT.csa".to_string(), super::files::shell_word)
        );
    } else {
        eprintln!(
            "the draft has {} syntax error(s) to correct by hand; the first: {}",
            errors.len(),
            errors[0].message
        );
    }
    0
}

fn report(input: &Path, err: &ImportError) {
    eprintln!(
        "error: cannot import {}: {err}\n  help: {}",
        input.display(),
        err.help()
    );
}
