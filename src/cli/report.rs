//! `csa report`: the compliance review a scrutiny committee reads.

use std::path::{Path, PathBuf};

use super::check::setup;
use super::files::{read_source, report, write_output};
use crate::engine::{self, read_previous};
use crate::files::{find_config, FileSystem};
use crate::report::{self, Input, Report};
use crate::rules::Options;

/// How to write the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One self-contained HTML page.
    Html,
    /// Markdown.
    Md,
    /// JSON (shape `csa-report/1`, docs/report.md).
    Json,
}

/// The command line's settings for a report.
pub struct Args {
    /// The documents.
    pub files: Vec<PathBuf>,
    /// `-o`.
    pub out: Option<PathBuf>,
    /// `--format`.
    pub format: Option<Format>,
    /// `--as-of`.
    pub as_of: Option<String>,
    /// `--previous`.
    pub previous: Option<PathBuf>,
    /// `--config`.
    pub config: Option<PathBuf>,
}

/// The format: as asked, else by the output file's extension, else Markdown.
fn format(format: Option<Format>, out: Option<&Path>) -> Format {
    format.unwrap_or_else(|| {
        match out
            .and_then(|p| p.extension())
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("html" | "htm") => Format::Html,
            Some("json") => Format::Json,
            _ => Format::Md,
        }
    })
}

/// Makes the report; returns the exit code.
pub fn run(args: Args) -> u8 {
    let Ok(as_of) = super::files::as_of(args.as_of.as_deref()) else {
        return 2;
    };
    let previous = match &args.previous {
        Some(path) => match read_previous(path, &FileSystem) {
            Ok(previous) => Some(previous),
            Err(e) => {
                eprintln!("error: {e}\n  help: `csa check` on it shows where; name another with --previous");
                return 2;
            }
        },
        None => None,
    };
    // Each file with its configuration; then all are checked together, as `csa check`
    // checks the files it is given, so the report's findings are check's.
    let mut texts = Vec::new();
    let mut setups = Vec::new();
    for file in &args.files {
        match read_source(file) {
            Ok(s) => texts.push(s),
            Err(e) => {
                report(&e);
                return 2;
            }
        }
        let config_path = match &args.config {
            Some(c) => Some(c.clone()),
            None => find_config(file),
        };
        match setup(config_path.as_deref()) {
            Ok(s) => setups.push(s),
            Err(message) => {
                eprintln!("error: {message}\n  help: fix the configuration, or name another with --config");
                return 2;
            }
        }
    }
    let options: Vec<Options> = setups
        .iter()
        .map(|setup| {
            let mut options = setup.options();
            options.as_of = as_of.or(options.as_of);
            options.previous = previous.clone().or(options.previous);
            options
        })
        .collect();
    let inputs: Vec<engine::Input> = args
        .files
        .iter()
        .zip(&texts)
        .zip(setups.iter().zip(&options))
        .map(|((path, text), (setup, options))| engine::Input {
            path,
            text,
            setup,
            options,
        })
        .collect();
    let checked = engine::check(&inputs, &FileSystem);
    let documents = inputs
        .iter()
        .zip(&checked)
        .map(|(input, checked)| {
            report::build(&Input {
                path: &input.path.display().to_string(),
                source: input.text,
                registry: &input.setup.registry,
                options: input.options,
                checked,
            })
        })
        .collect();
    let report = Report {
        schema: report::SCHEMA,
        documents,
    };
    let text = match format(args.format, args.out.as_deref()) {
        Format::Html => report::html::page(&report),
        Format::Md => report::md::markdown(&report),
        Format::Json => report::json(&report),
    };
    match write_output(args.out.as_deref(), text.as_bytes()) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!(
                "error: {e}\n  help: check that the folder exists and that you may write to it"
            );
            2
        }
    }
}
