//! `csa check`: parse, run the rules, render, and exit with a code CI can trust.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::files::{discover, read_source, report};
use crate::config::Level;
use crate::diagnostics::Severity;
use crate::engine::{self, setup::not_rules, Input, Setup};
use crate::files::{find_config, FileSystem};
use crate::format::{self, fix::FixMode};
use crate::render::{self, FileReport, Format};
use crate::rules::{Options, Registry};

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

/// Loads the configuration at `path` (or the defaults when `None`) from the disk.
pub(super) fn setup(path: Option<&Path>) -> Result<Setup, String> {
    Setup::load(path, &FileSystem)
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
    let unreadable = errors.len();
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
    let (setups, jobs, setup_failed) = setups_for(&args, files);
    failed |= setup_failed;
    if !words_name_rules(&args, &setups) {
        return 2;
    }
    let results = check_files(&args, &jobs, &setups, as_of, previous);
    finish(&args, results, &setups, failed, unreadable)
}

/// The setups, each file with the index of its setup, and whether a configuration
/// could not be loaded (its files are left out).
type Jobs = (Vec<Setup>, Vec<(PathBuf, usize)>, bool);

/// One setup per configuration file, built once and shared by its files.
fn setups_for(args: &Args, files: Vec<PathBuf>) -> Jobs {
    let mut failed = false;
    let mut setups: Vec<Setup> = Vec::new();
    let mut setup_of: HashMap<Option<PathBuf>, Option<usize>> = HashMap::new();
    let mut jobs = Vec::new();
    for path in files {
        let config_path = match &args.config {
            Some(c) => Some(c.clone()),
            None => find_config(&path),
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
    (setups, jobs, failed)
}

/// Whether every word of `--select` and `--ignore` names a rule of each setup (an
/// error is printed when one does not).
fn words_name_rules(args: &Args, setups: &[Setup]) -> bool {
    // A word on the command line that names no rule would silently check nothing.
    let cli_words: Vec<&String> = args.select.iter().chain(&args.ignore).collect();
    let bundled;
    let registries: Vec<&Registry> = if setups.is_empty() {
        bundled = Registry::bundled();
        vec![&bundled]
    } else {
        setups.iter().map(|s| &*s.registry).collect()
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
            return false;
        }
    }
    true
}

/// What checking one file gave: its report and fixes (or why it could not be read),
/// and the severity that fails it.
type Outcome = (
    Result<(FileReport, Fixing), crate::files::SourceError>,
    Severity,
);

/// Reads and checks the files together with the engine, then fixes each as asked;
/// the outcomes are in the order of `jobs`.
fn check_files(
    args: &Args,
    jobs: &[(PathBuf, usize)],
    setups: &[Setup],
    as_of: Option<crate::ast::Date>,
    previous: Option<std::sync::Arc<crate::compare::Previous>>,
) -> Vec<Outcome> {
    // Each file with the options of this check: its configuration's, with the command
    // line's on top.
    let options: Vec<Options> = jobs
        .iter()
        .map(|(_, index)| {
            let setup = &setups[*index];
            let mut options = setup.options();
            options.as_of = as_of.or(options.as_of);
            options.select.extend(args.select.iter().cloned());
            options.ignore.extend(args.ignore.iter().cloned());
            options.previous = previous.clone().or(options.previous);
            options
        })
        .collect();
    let mut texts: Vec<Option<String>> = Vec::with_capacity(jobs.len());
    let mut unread: Vec<Option<crate::files::SourceError>> = Vec::with_capacity(jobs.len());
    for read in jobs
        .par_iter()
        .map(|(path, _)| read_source(path))
        .collect::<Vec<_>>()
    {
        match read {
            Ok(text) => {
                texts.push(Some(text));
                unread.push(None);
            }
            Err(e) => {
                texts.push(None);
                unread.push(Some(e));
            }
        }
    }
    let inputs: Vec<(usize, Input)> = texts
        .iter()
        .enumerate()
        .filter_map(|(i, text)| {
            let (path, index) = &jobs[i];
            Some((
                i,
                Input {
                    path,
                    text: text.as_deref()?,
                    setup: &setups[*index],
                    options: &options[i],
                },
            ))
        })
        .collect();
    let only: Vec<Input> = inputs.iter().map(|(_, input)| *input).collect();
    let checked = engine::check(&only, &FileSystem);
    let threshold = |i: usize| setups[jobs[i].1].fail_level(args.fail_level.map(Into::into));
    let mut results: Vec<(usize, Outcome)> = inputs
        .into_par_iter()
        .zip(checked)
        .map(|((i, input), done)| {
            let original = input.text.to_string();
            (
                i,
                (
                    Ok(fix_and_report(args, input, done, original)),
                    threshold(i),
                ),
            )
        })
        .collect();
    for (i, e) in unread.into_iter().enumerate() {
        if let Some(e) = e {
            results.push((i, (Err(e), threshold(i))));
        }
    }
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, outcome)| outcome).collect()
}

/// Prints the outcomes (reports, fixes, diffs) and returns the exit code.
fn finish(
    args: &Args,
    results: Vec<Outcome>,
    setups: &[Setup],
    mut failed: bool,
    mut unreadable: usize,
) -> u8 {
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
        .unwrap_or_else(|| std::sync::Arc::new(Registry::bundled()));
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

/// Applies the fixes `args` asks for to one checked file, writes it (or its diff), and
/// makes its report: the findings after fixing.
fn fix_and_report(
    args: &Args,
    input: Input,
    checked: engine::Checked,
    original: String,
) -> (FileReport, Fixing) {
    let path = input.path;
    let mut diagnostics = checked.diagnostics;
    let mut accepted = checked.accepted;
    let mut fixing = Fixing::default();
    let mut text = original.clone();
    if let Some(mode) = args.fix {
        let fixed = engine::fix::fix(
            &input,
            &FileSystem,
            mode,
            diagnostics.clone(),
            checked.across,
        );
        let shown = path.display().to_string();
        if fixed.refused {
            fixing.problem = Some(format!(
                "the fixes for `{shown}` would make a line unreadable, so none were applied"
            ));
        } else if !fixed.applied.is_empty() {
            if args.diff {
                fixing.diff = format::diff::unified(&shown, &original, &fixed.text);
                fixing.applied = fixed.applied;
            } else {
                match crate::files::write_atomic(path, &fixed.text) {
                    Ok(()) => {
                        fixing.applied = fixed.applied;
                        text = fixed.text;
                        diagnostics = fixed.diagnostics;
                        if let Some(a) = fixed.accepted {
                            accepted = a;
                        }
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
        accepted,
    };
    (report, fixing)
}
