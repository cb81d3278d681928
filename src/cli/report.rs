//! `csa report`: the compliance review a scrutiny committee reads.

use std::io::IsTerminal;
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
    /// JSON (shape `csa-report/2`, docs/report.md).
    Json,
    /// A Word document: the committee paper.
    Docx,
}

impl Format {
    /// The extensions a file of this format may have.
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Html => &["html", "htm"],
            Format::Md => &["md", "markdown"],
            Format::Json => &["json"],
            Format::Docx => &["docx"],
        }
    }

    fn name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Md => "md",
            Format::Json => "json",
            Format::Docx => "docx",
        }
    }
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
    /// `--fail-level`.
    pub fail_level: Option<crate::config::Level>,
}

/// The format: as asked, else by the output file's extension, else (to standard
/// output) Markdown. A file whose extension is not its format's is an error: a
/// `review.docx` that holds Markdown opens as nothing.
fn format(format: Option<Format>, out: Option<&Path>) -> Result<Format, String> {
    const ALL: [Format; 4] = [Format::Html, Format::Md, Format::Json, Format::Docx];
    let Some(out) = out else {
        return Ok(format.unwrap_or(Format::Md));
    };
    let ext = super::publish::extension(out);
    let by_ext = ALL
        .into_iter()
        .find(|f| f.extensions().contains(&ext.as_str()));
    match (format, by_ext) {
        (Some(f), Some(e)) if f == e => Ok(f),
        (None, Some(e)) => Ok(e),
        (Some(f), _) => Err(format!(
            "`{}` does not end in .{}, so it would not open as the {} asked for\n  help: name the file `{}`",
            out.display(),
            f.extensions()[0],
            f.name(),
            out.with_extension(f.extensions()[0]).display()
        )),
        (None, None) => Err(format!(
            "csa report cannot write `{}`: its extension is not one of .html, .md, .json or .docx\n  help: name the file by the format you want, such as `-o review.html` or `-o review.docx`",
            out.display()
        )),
    }
}

/// Makes the report; returns the exit code.
pub fn run(args: Args) -> u8 {
    let Ok(as_of) = super::files::as_of(args.as_of.as_deref()) else {
        return 2;
    };
    let format = match format(args.format, args.out.as_deref()) {
        Ok(f) => f,
        Err(message) => {
            eprintln!("error: {message}");
            return 2;
        }
    };
    if format == Format::Docx && args.out.is_none() && std::io::stdout().is_terminal() {
        eprintln!("error: a .docx file cannot be shown in the terminal\n  help: name the file to write with `-o`, such as `-o review.docx`");
        return 2;
    }
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
    let bytes = match format {
        Format::Html => report::html::page(&report).into_bytes(),
        Format::Md => report::md::markdown(&report).into_bytes(),
        Format::Json => report::json(&report).into_bytes(),
        Format::Docx => match report::docx::docx(&report) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: {e}");
                return 2;
            }
        },
    };
    match write_output(args.out.as_deref(), &bytes) {
        Ok(()) => {
            let mut fails = false;
            for (path, checked) in args.files.iter().zip(&checked) {
                fails |= super::publish::findings_note::note(
                    path,
                    &checked.diagnostics,
                    "is reported",
                    args.fail_level,
                );
            }
            u8::from(fails)
        }
        Err(e) => {
            eprintln!(
                "error: {e}\n  help: check that the folder exists and that you may write to it"
            );
            2
        }
    }
}
