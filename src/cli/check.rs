//! `csa check`: parse, run the rules, render, and exit with a code CI can trust.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::files::{discover, read_source, report};
use crate::ast::{self, Date};
use crate::compare::Previous;
use crate::config::{Config, Level};
use crate::diagnostics::Severity;
use crate::render::{self, FileReport, Format};
use crate::rules::{self, Registry};

/// The command line's settings for one check.
pub struct Args {
    /// Files and folders.
    pub paths: Vec<PathBuf>,
    /// Output format.
    pub format: Format,
    /// `--as-of`.
    pub as_of: Option<String>,
    /// `--config`: one configuration for every file.
    pub config: Option<PathBuf>,
    /// `--fail-level`.
    pub fail_level: Option<Level>,
    /// `--select`.
    pub select: Vec<String>,
    /// `--ignore`.
    pub ignore: Vec<String>,
    /// `--previous`: the previous version of the documents.
    pub previous: Option<PathBuf>,
}

/// A configuration with its rules, shared by the files it applies to.
pub(super) struct Setup {
    pub(super) config: Config,
    pub(super) registry: Registry,
    pub(super) previous: Option<Arc<Previous>>,
}

/// Loads the configuration at `path` (or the defaults when `None`) and its rule packs.
pub(super) fn setup(path: Option<&Path>) -> Result<Setup, String> {
    let config = match path {
        Some(p) => Config::load(p).map_err(|e| e.to_string())?,
        None => Config::default(),
    };
    let dir = path.and_then(Path::parent).unwrap_or(Path::new("."));
    let registry = config.registry(dir).map_err(|e| e.to_string())?;
    let unknown = config.unknown_rules(&registry);
    if !unknown.is_empty() {
        return Err(format!(
            "{}: {} not a rule code, name or family",
            path.map_or("the command line".to_string(), |p| p.display().to_string()),
            unknown
                .iter()
                .map(|u| format!("`{u}`"))
                .collect::<Vec<_>>()
                .join(", ")
                + if unknown.len() == 1 { " is" } else { " are" }
        ));
    }
    let previous = match (&config.previous, path) {
        (Some(file), Some(path)) => {
            Some(super::diff::previous(&dir.join(file)).ok_or_else(|| {
                format!(
                    "{}: `previous = \"{file}\"` could not be read",
                    path.display()
                )
            })?)
        }
        _ => None,
    };
    Ok(Setup {
        config,
        registry,
        previous,
    })
}

/// Runs the check; returns the exit code.
pub fn run(args: Args) -> u8 {
    let as_of = match args
        .as_of
        .as_deref()
        .map(|s| Date::parse(s).filter(|d| d.day.is_some()))
    {
        Some(None) => {
            eprintln!("error: `--as-of {}` is not a date\n  help: write it as YYYY-MM-DD, such as 2024-04-01", args.as_of.unwrap_or_default());
            return 2;
        }
        Some(Some(date)) => Some(date),
        None => None,
    };
    let previous = match args.previous.as_deref().map(super::diff::previous) {
        Some(None) => return 2,
        Some(found) => found,
        None => None,
    };
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let (files, errors) = discover(&paths);
    let mut failed = !errors.is_empty();
    for err in &errors {
        report(err);
    }
    // One setup per configuration file, built once and shared by its files.
    let mut setups: Vec<Setup> = Vec::new();
    let mut setup_of: HashMap<Option<PathBuf>, Option<usize>> = HashMap::new();
    let mut jobs = Vec::new();
    for path in files {
        let config_path = match &args.config {
            Some(c) => Some(c.clone()),
            None => Config::find(path.parent().unwrap_or(Path::new("."))),
        };
        let index = *setup_of.entry(config_path.clone()).or_insert_with(|| match setup(config_path.as_deref()) {
            Ok(s) => {
                setups.push(s);
                Some(setups.len() - 1)
            }
            Err(message) => {
                eprintln!("error: {message}\n  help: fix the configuration; files it applies to are not checked until then");
                None
            }
        });
        match index {
            Some(index) => jobs.push((path, index)),
            None => failed = true,
        }
    }
    // Files are independent: check them on every core, keeping their order.
    let results: Vec<(Result<FileReport, crate::cli::SourceError>, Severity)> = jobs
        .par_iter()
        .map(|(path, index)| {
            let setup = &setups[*index];
            let mut options = setup.config.options();
            options.as_of = as_of.or(options.as_of);
            options.select.extend(args.select.iter().cloned());
            options.ignore.extend(args.ignore.iter().cloned());
            options.previous = previous.clone().or_else(|| setup.previous.clone());
            let threshold: Severity = args
                .fail_level
                .or(setup.config.fail_level)
                .unwrap_or(Level::Error)
                .into();
            let report = read_source(path).map(|text| {
                let parsed = ast::parse(&text);
                let mut diagnostics = parsed.diagnostics;
                diagnostics.extend(rules::check(&parsed.document, &setup.registry, &options));
                crate::diagnostics::sort(&mut diagnostics);
                FileReport {
                    path: path.display().to_string(),
                    source: text,
                    diagnostics,
                }
            });
            (report, threshold)
        })
        .collect();
    let mut reports = Vec::new();
    let mut fails = false;
    for (result, threshold) in results {
        match result {
            Ok(report) => {
                fails |= report.diagnostics.iter().any(|d| d.severity >= threshold);
                reports.push(report);
            }
            Err(e) => {
                report(&e);
                failed = true;
            }
        }
    }
    // Any registry renders SARIF rule metadata: the first loaded, else the bundled one.
    let registry = setups
        .first()
        .map(|s| s.registry.clone())
        .unwrap_or_else(Registry::bundled);
    let color = args.format == Format::Human
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    print!(
        "{}",
        render::render(args.format, &reports, &registry, color)
    );
    if failed {
        return 2;
    }
    u8::from(fails)
}
