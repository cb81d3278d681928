//! `csa report`: the compliance review a scrutiny committee reads.

use std::path::{Path, PathBuf};

use super::check::setup;
use super::files::{read_source, report, write_output};
use crate::config::Config;
use crate::report::{self, Input, Report};

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
        Some(path) => match read_source(path) {
            Ok(text) => Some((
                path.display().to_string(),
                crate::ast::parse(&text).document,
            )),
            Err(e) => {
                report(&e);
                return 2;
            }
        },
        None => None,
    };
    let mut documents = Vec::new();
    for file in &args.files {
        let source = match read_source(file) {
            Ok(s) => s,
            Err(e) => {
                report(&e);
                return 2;
            }
        };
        let config_path = match &args.config {
            Some(c) => Some(c.clone()),
            None => Config::find(file.parent().unwrap_or(Path::new("."))),
        };
        let setup = match setup(config_path.as_deref()) {
            Ok(s) => s,
            Err(message) => {
                eprintln!("error: {message}\n  help: fix the configuration, or name another with --config");
                return 2;
            }
        };
        let mut options = setup.config.options();
        options.as_of = as_of.or(options.as_of);
        let path = file.display().to_string();
        documents.push(report::build(&Input {
            path: &path,
            source: &source,
            registry: &setup.registry,
            options: &options,
            previous: previous.as_ref().map(|(p, d)| (p.as_str(), d)),
        }));
    }
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
