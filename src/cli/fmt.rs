//! `csa fmt`: lays out the structured parts of documents in the one canonical way.

use std::path::PathBuf;

use super::files::{discover, read_source, report};
use crate::format;

/// The command line's settings for `fmt`.
pub struct Args {
    /// Files and folders.
    pub paths: Vec<PathBuf>,
    /// `--check`: write nothing; exit 1 when a file would change.
    pub check: bool,
    /// `--diff`: write nothing; print what would change; exit 1 when a file would.
    pub diff: bool,
}

/// Prints a located error for each syntax error that stops a file being formatted.
pub fn report_refusal(path: &str, err: &format::FormatError) {
    eprintln!("error: `{path}` was not formatted: {err}");
    for d in &err.diagnostics {
        eprintln!(
            "  {path}:{}:{}: {}",
            d.span.start.line + 1,
            d.span.start.column + 1,
            d.message
        );
        if let Some(help) = &d.help {
            eprintln!("    help: {help}");
        }
    }
}

/// Formats each file; returns the exit code (0 done, 1 a file would change under
/// `--check` or `--diff`, 2 a file could not be read or has syntax errors).
pub fn run(args: Args) -> u8 {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    let (files, errors) = discover(&paths);
    let mut failed = !errors.is_empty();
    for err in &errors {
        report(err);
    }
    let write = !args.check && !args.diff;
    let (mut changed, mut unchanged) = (0, 0);
    for path in files {
        let shown = path.display().to_string();
        let text = match read_source(&path) {
            Ok(text) => text,
            Err(e) => {
                report(&e);
                failed = true;
                continue;
            }
        };
        let formatted = match format::format(&text) {
            Ok(f) => f,
            Err(err) => {
                report_refusal(&shown, &err);
                failed = true;
                continue;
            }
        };
        if formatted == text {
            unchanged += 1;
            continue;
        }
        changed += 1;
        if args.diff {
            print!("{}", format::diff::unified(&shown, &text, &formatted));
        } else if args.check {
            println!("Would reformat: {shown}");
        }
        if write {
            if let Err(e) = crate::files::write_atomic(&path, &formatted) {
                eprintln!("error: cannot write `{shown}`: {e}\n  help: check that you may write to the file and its folder");
                failed = true;
                changed -= 1;
            }
        }
    }
    let verb = if write {
        "reformatted"
    } else {
        "would be reformatted"
    };
    eprintln!(
        "{changed} file{} {verb}, {unchanged} file{} already formatted",
        if changed == 1 { "" } else { "s" },
        if unchanged == 1 { "" } else { "s" }
    );
    if failed {
        2
    } else {
        u8::from(!write && changed > 0)
    }
}
