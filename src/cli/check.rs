//! `csa check`: parse, run the rules, render, and exit with a code CI can trust.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::files::{discover, read_source, report};
use crate::compare::Previous;
use crate::config::{Config, Level};
use crate::diagnostics::{syntax, Diagnostic, Severity};
use crate::format::{self, fix::FixMode};
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
    /// `--fix` (or `--diff`), with `--unsafe-fixes` or without.
    pub fix: Option<FixMode>,
    /// `--diff`: print what the fixes would change, and write nothing.
    pub diff: bool,
    /// `--previous`: the previous version of the documents.
    pub previous: Option<PathBuf>,
}

/// What fixing did to one file.
#[derive(Default)]
struct Fixing {
    /// Titles of the fixes applied.
    applied: Vec<String>,
    /// With `--diff`, what would change.
    diff: String,
    /// Why the fixed text was not written.
    problem: Option<String>,
}

/// A configuration with its rules, shared by the files it applies to.
pub(super) struct Setup {
    pub(super) config: Config,
    pub(super) registry: Registry,
    pub(super) previous: Option<Arc<Previous>>,
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
    let Ok(as_of) = super::files::as_of(args.as_of.as_deref()) else {
        return 2;
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
    type Outcome = (
        Result<(FileReport, Fixing), crate::cli::SourceError>,
        Severity,
    );
    let results: Vec<Outcome> = jobs
        .par_iter()
        .zip(read)
        .zip(across)
        .map(|(((path, index), read), across)| {
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
            // A document's diagnostics: its own, and the findings of the rules that
            // read documents together.
            let diagnose = |prepared: workspace::Prepared,
                            across: Vec<(&'static str, rules::Finding)>|
             -> Vec<Diagnostic> {
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
                diagnostics
            };
            // For fixing: the document's diagnostics, less the fixes of parts it uses
            // from other documents (they stand at its `@use` lines, not in its text).
            let check = |text: &str| -> Vec<Diagnostic> {
                let prepared = workspace::prepare(
                    path,
                    text,
                    &workspace::FileSystem,
                    &setup.registry.knowledge,
                );
                let used: Vec<std::ops::Range<usize>> = prepared
                    .resolution
                    .used
                    .iter()
                    .map(|u| u.via.range())
                    .collect();
                let mut diagnostics = diagnose(prepared, Vec::new());
                for d in &mut diagnostics {
                    let elsewhere = d.fix.as_ref().is_some_and(|f| {
                        f.edits.iter().any(|e| {
                            let r = e.span.range();
                            used.iter().any(|u| r.start <= u.end && u.start <= r.end)
                        })
                    });
                    if elsewhere {
                        d.fix = None;
                    }
                }
                diagnostics
            };
            let report = read.map(|(original, prepared)| {
                let mut diagnostics = diagnose(prepared, across.clone());
                let mut fixing = Fixing::default();
                let mut text = original.clone();
                if let Some(mode) = args.fix {
                    let fixed = format::fix::fix(&original, mode, check);
                    if !fixed.applied.is_empty() {
                        let after = diagnose(
                            workspace::prepare(
                                path,
                                &fixed.text,
                                &workspace::FileSystem,
                                &setup.registry.knowledge,
                            ),
                            across.clone(),
                        );
                        let syntax_errors = |d: &[Diagnostic]| d.iter().filter(|d| syntax::is_syntax(&d.code)).count();
                        let shown = path.display().to_string();
                        if syntax_errors(&after) > syntax_errors(&diagnostics) {
                            fixing.problem = Some(format!("the fixes for `{shown}` would make a line unreadable, so none were applied"));
                        } else if args.diff {
                            fixing.diff = format::diff::unified(&shown, &original, &fixed.text);
                            fixing.applied = fixed.applied;
                        } else {
                            match format::write_atomic(path, &fixed.text) {
                                Ok(()) => {
                                    fixing.applied = fixed.applied;
                                    text = fixed.text;
                                    diagnostics = after;
                                }
                                Err(e) => fixing.problem = Some(format!("cannot write `{shown}`: {e}")),
                            }
                        }
                    }
                }
                let report = FileReport {
                    path: path.display().to_string(),
                    source: text,
                    diagnostics,
                };
                (report, fixing)
            });
            (report, threshold)
        })
        .collect();
    let mut reports = Vec::new();
    let mut fails = false;
    let mut diffs = String::new();
    let mut fixed = 0;
    for (result, threshold) in results {
        match result {
            Ok((report, fixing)) => {
                if let Some(problem) = fixing.problem {
                    eprintln!("error: {problem}\n  help: apply the fixes one at a time in an editor, or report this");
                    failed = true;
                }
                if !fixing.applied.is_empty() && !args.diff {
                    eprintln!(
                        "{}: applied {} fix{}: {}",
                        report.path,
                        fixing.applied.len(),
                        if fixing.applied.len() == 1 { "" } else { "es" },
                        fixing.applied.join("; ")
                    );
                }
                fixed += fixing.applied.len();
                diffs.push_str(&fixing.diff);
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
    if args.diff {
        print!("{diffs}");
        eprintln!(
            "{fixed} fix{} would be applied",
            if fixed == 1 { "" } else { "es" }
        );
        return if failed {
            2
        } else {
            u8::from(!diffs.is_empty())
        };
    }
    if args.fix.is_some() {
        let remaining: usize = reports.iter().map(|r| r.diagnostics.len()).sum();
        eprintln!(
            "Fixed {fixed} finding{}; {remaining} remain{}",
            if fixed == 1 { "" } else { "s" },
            if remaining == 1 { "s" } else { "" }
        );
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
