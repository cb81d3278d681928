//! `csa import`: a Word document (`.docx`) or text to a `.csa` draft.
//!
//! The draft goes to standard output, or to `-o FILE` (written atomically: to a
//! temporary file beside it, then renamed). The summary goes to standard error: what
//! was recognised, what was left as prose, what needs a person, and whether the
//! draft parses without a syntax error.

use std::io::Write;
use std::path::Path;

use crate::import::{self, ImportError};

/// Imports `input`; returns the exit code (0 done, 2 could not import).
pub fn run(input: &Path, output: Option<&Path>) -> u8 {
    let result = match import::import_path(input) {
        Ok(result) => result,
        Err(err) => {
            report(input, &err);
            return 2;
        }
    };
    let parsed = crate::ast::parse(&result.csa);
    let written = match output {
        Some(path) => write_atomically(path, &result.csa).map(|()| path.display().to_string()),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(result.csa.as_bytes())
                .and_then(|()| out.flush())
                .map(|()| "standard output".to_string())
        }
    };
    let written = match written {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: cannot write the draft: {e}\n  help: check that the folder exists and can be written");
            return 2;
        }
    };
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
            output.map_or("DRAFT.csa".to_string(), |p| p.display().to_string())
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

fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.csa-import.tmp"));
    std::fs::write(&temp, text)?;
    std::fs::rename(&temp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temp);
    })
}
