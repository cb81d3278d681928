//! `csa check`: parse, run the rules, render, and exit with a code CI can trust.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::files::{discover, read_source, report};
use crate::ast::Date;
use crate::config::{Config, Level};
use crate::diagnostics::Severity;
use crate::render::{self, FileReport, Format};
use crate::rules::{self, Registry};
use crate::workspace;

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
}

/// A configuration with its rules, shared by the files it applies to.
pub(super) struct Setup {
    pub(super) config: Config,
    pub(super) registry: Registry,
}

/// "`a`, `b` are not rule codes, names or families".
fn not_rules(unknown: &[String]) -> String {
    format!(
        "{} {} a rule code, name or family",
        unknown.join(", "),
        if unknown.len() == 1 {
            "is not"
        } else {
            "are not"
        }
    )
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
            "{}: {}",
            path.map_or("the command line".to_string(), |p| p.display().to_string()),
            not_rules(&unknown)
        ));
    }
    Ok(Setup { config, registry })
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
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let (files, errors) = discover(&paths);
    let mut failed = !errors.is_empty();
    let mut unreadable = errors.len();
    for err in &errors {
        report(err);
    }
    if files.is_empty() && errors.is_empty() {
        eprintln!(
            "error: no `.csa` files in {}\n  help: name the `.csa` files or the folders that hold them; a document must end in `.csa` to be checked",
            paths
                .iter()
                .map(|p| format!("`{}`", p.display()))
                .collect::<Vec<_>>()
                .join(", ")
        );
        return 2;
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
    // A word on the command line that names no rule would silently check nothing.
    let cli_words: Vec<&String> = args.select.iter().chain(&args.ignore).collect();
    let bundled;
    let registries: Vec<&Registry> = if setups.is_empty() {
        bundled = Registry::bundled();
        vec![&bundled]
    } else {
        setups.iter().map(|s| &s.registry).collect()
    };
    for registry in registries {
        let unknown = crate::config::unknown_words(cli_words.iter().copied(), registry);
        if !unknown.is_empty() {
            eprintln!(
                "error: --select/--ignore: {}\n  help: `csa rules` lists the codes and names; families are {}",
                not_rules(&unknown),
                registry
                    .families()
                    .keys()
                    .map(|f| format!("`{f}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            return 2;
        }
    }
    // Files are read and joined with what they use on every core, keeping their order;
    // the rules that read documents together then run once over them all, and each
    // file's own rules run with those findings added.
    let read: Vec<Result<(String, crate::workspace::Prepared), crate::cli::SourceError>> = jobs
        .par_iter()
        .map(|(path, index)| {
            read_source(path).map(|text| {
                let knowledge = &setups[*index].registry.knowledge;
                let prepared = workspace::prepare(path, &text, &workspace::FileSystem, knowledge);
                (text, prepared)
            })
        })
        .collect();
    let members: Vec<workspace::rules::Member> = jobs
        .iter()
        .zip(&read)
        .filter_map(|((path, _), r)| {
            r.as_ref().ok().map(|(_, p)| workspace::rules::Member {
                path,
                document: &p.document,
                resolution: &p.resolution,
            })
        })
        .collect();
    let knowledge = setups
        .first()
        .map(|s| s.registry.knowledge.clone())
        .unwrap_or_default();
    let mut across = workspace::rules::check(&members, &knowledge).into_iter();
    drop(members);
    let across: Vec<Vec<(&'static str, rules::Finding)>> = read
        .iter()
        .map(|r| {
            if r.is_ok() {
                across.next().unwrap_or_default()
            } else {
                Vec::new()
            }
        })
        .collect();
    let results: Vec<(Result<FileReport, crate::cli::SourceError>, Severity)> = jobs
        .par_iter()
        .zip(read)
        .zip(across)
        .map(|(((path, index), read), across)| {
            let setup = &setups[*index];
            let mut options = setup.config.options();
            options.as_of = as_of.or(options.as_of);
            options.select.extend(args.select.iter().cloned());
            options.ignore.extend(args.ignore.iter().cloned());
            let threshold: Severity = args
                .fail_level
                .or(setup.config.fail_level)
                .unwrap_or(Level::Error)
                .into();
            let report = read.map(|(text, prepared)| {
                let mut findings = prepared.findings;
                findings.extend(across);
                let extra = workspace::diagnostics(findings, &setup.registry, &options);
                let mut diagnostics = prepared.syntax;
                diagnostics.extend(rules::check_with(
                    &prepared.document,
                    &setup.registry,
                    &options,
                    extra,
                ));
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
                unreadable += 1;
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
        render::render_counting(args.format, &reports, unreadable, &registry, color)
    );
    if failed {
        return 2;
    }
    u8::from(fails)
}
