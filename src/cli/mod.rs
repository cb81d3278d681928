//! The command line: argument parsing, reading files, and exit codes.
//!
//! Exit codes: 0 when all went well, 1 when `check` finds problems at or above the
//! fail level, 2 when the command could not do its job (bad arguments, a file that
//! cannot be read).

mod check;
pub mod diff;
mod files;
mod parse;
mod publish;
mod report;
pub mod rules;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use files::{read_source, SourceError};

/// Check Community Safety Agreements against the law and the Police and Crime Plan.
#[derive(Debug, Parser)]
#[command(name = "csa", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check documents against the rules, as the law stood on each one's effective date.
    ///
    /// Exit codes: 0 no finding at or above the fail level, 1 findings at or above it,
    /// 2 a file, folder or configuration could not be read.
    Check {
        /// `.csa` files, or folders to search for them (default: the current folder).
        paths: Vec<PathBuf>,
        /// How to print the findings.
        #[arg(long, value_enum, default_value = "human")]
        output_format: crate::render::Format,
        /// The date to check review cycles against (YYYY-MM-DD; default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// Use this configuration file for every document instead of each one's
        /// nearest csa.toml.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// The lowest severity that makes the check fail (exit 1). Default: error.
        #[arg(long, value_enum)]
        fail_level: Option<crate::config::Level>,
        /// Run only these rules (codes, names or families), as well as the config's.
        #[arg(long, value_delimiter = ',')]
        select: Vec<String>,
        /// Do not run these rules (codes, names or families).
        #[arg(long, value_delimiter = ',')]
        ignore: Vec<String>,
        /// The previous version of the documents, for the rules that compare with it
        /// (CSA703); overrides `previous` in csa.toml.
        #[arg(long, value_name = "OLD.csa")]
        previous: Option<PathBuf>,
    },
    /// Show what changed between two versions of a document: priorities, themes,
    /// leads, authorities, plans and aims (renames recognised), the prose by chapter,
    /// and a draft `@version` row (docs/diff.md).
    ///
    /// Exit codes: 0 compared, 2 a file could not be read or has syntax errors.
    Diff {
        /// The earlier version.
        old: PathBuf,
        /// The later version.
        new: PathBuf,
        /// How to print the changes.
        #[arg(long, value_enum, default_value = "text")]
        format: diff::Format,
        /// Print only the draft `@version` row, ready to paste.
        #[arg(long)]
        version_row: bool,
    },
    /// List the rules.
    Rules {
        /// `text`, `json` or `markdown` (the rule reference, docs/rules.md).
        #[arg(long, default_value = "text", value_parser = ["text", "json", "markdown"])]
        format: String,
        /// List the kinds of rule a rule pack can use instead.
        #[arg(long)]
        kinds: bool,
        /// List the statutory strategy areas instead.
        #[arg(long)]
        areas: bool,
    },
    /// Explain a rule: what it checks, why, the law, an example and the fix.
    Explain {
        /// A rule code (CSA201) or name (priority-without-lead).
        rule: String,
        /// `text`, or `markdown` (as the rule reference and editors show it).
        #[arg(long, default_value = "text", value_parser = ["text", "markdown"])]
        format: String,
    },
    /// Run the language server on standard input and output (for editors).
    Lsp {
        /// Accepted for clients that pass it; standard input and output is the only
        /// transport.
        #[arg(long)]
        stdio: bool,
    },
    /// Print a generated agreement of about SIZE bytes, with realistic defects, for
    /// benchmarks (SIZE may end in K or M).
    GenBench {
        /// Target size: bytes, or with K or M (1M = 1,000,000 bytes).
        size: String,
        /// Seed: the same seed makes the same document.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// The configuration file, csa.toml.
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
    /// Publish the agreement as its readers see it: every word of prose, headings,
    /// and the structured parts as tables (HTML first; Word with --to docx).
    ///
    /// Exit codes: 0 written, 2 the file could not be read or the output written.
    Publish {
        /// The `.csa` file.
        file: PathBuf,
        /// The file to write (default: standard output).
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        out: Option<PathBuf>,
        /// `html` or `docx` (default: by the extension of OUT, else html).
        #[arg(long, value_enum)]
        to: Option<publish::To>,
    },
    /// The compliance review a scrutiny committee reads: status, statutory coverage,
    /// Police and Crime Plan alignment, leads, evidence, decisions, changes and
    /// every finding with its fix.
    ///
    /// Exit codes: 0 written (whatever it finds), 2 a file could not be read or the
    /// output written.
    Report {
        /// The `.csa` files, one page each.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The file to write (default: standard output).
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        out: Option<PathBuf>,
        /// `html`, `md` or `json` (default: by the extension of OUT, else md).
        #[arg(long, value_enum)]
        format: Option<report::Format>,
        /// The date to review against (YYYY-MM-DD; default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// The previous version, to show what changed.
        #[arg(long, value_name = "OLD.csa")]
        previous: Option<PathBuf>,
        /// Use this configuration file instead of each document's nearest csa.toml.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Print the typed model of each document as JSON (shape: docs/format.md section 9).
    Parse {
        /// `.csa` files, or folders to search for them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum ConfigCommand {
    /// Print the JSON schema of csa.toml (for editors' completion and validation).
    Schema,
    /// Print a csa.toml with every setting at its default, commented.
    Default,
}

/// Reads `100K`, `10M` or a plain number of bytes.
fn parse_size(text: &str) -> Option<usize> {
    let text = text.trim();
    let (digits, scale) = match text.strip_suffix(['K', 'k']) {
        Some(d) => (d, 1_000),
        None => match text.strip_suffix(['M', 'm']) {
            Some(d) => (d, 1_000_000),
            None => (text, 1),
        },
    };
    digits.parse::<usize>().ok()?.checked_mul(scale)
}

/// Runs the command line and returns its exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() { 2 } else { 0 };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Parse { paths } => parse::run(&paths),
        Command::Publish { file, out, to } => publish::run(&file, out, to),
        Command::Report {
            files,
            out,
            format,
            as_of,
            previous,
            config,
        } => report::run(report::Args {
            files,
            out,
            format,
            as_of,
            previous,
            config,
        }),
        Command::Check {
            paths,
            output_format,
            as_of,
            config,
            fail_level,
            select,
            ignore,
            previous,
        } => check::run(check::Args {
            paths,
            format: output_format,
            as_of,
            config,
            fail_level,
            select,
            ignore,
            previous,
        }),
        Command::Diff {
            old,
            new,
            format,
            version_row,
        } => diff::run(&old, &new, format, version_row),
        Command::Rules {
            format,
            kinds,
            areas,
        } => {
            let registry = crate::rules::Registry::bundled();
            let text = if kinds {
                rules::kinds()
            } else if areas {
                rules::areas(&registry)
            } else {
                match format.as_str() {
                    "json" => rules::json(&registry) + "\n",
                    "markdown" => rules::markdown(&registry),
                    _ => rules::text(&registry),
                }
            };
            print!("{text}");
            0
        }
        Command::Explain { rule, format } => {
            let registry = crate::rules::Registry::bundled();
            match registry.find(&rule) {
                Some(found) => {
                    print!("{}", rules::explain(found, format == "markdown"));
                    0
                }
                None => {
                    let words = registry
                        .rules
                        .iter()
                        .flat_map(|r| [r.code.as_str(), r.name.as_str()]);
                    let hint = crate::ast::schema::did_you_mean(&rule, words)
                        .map(|s| format!("did you mean `{s}`? "))
                        .unwrap_or_default();
                    eprintln!("error: `{rule}` is not a rule code or name\n  help: {hint}`csa rules` lists them");
                    2
                }
            }
        }
        Command::Lsp { stdio: _ } => crate::lsp::run(),
        Command::GenBench { size, seed } => match parse_size(&size) {
            Some(bytes) => {
                print!("{}", crate::gen::agreement(bytes, seed));
                0
            }
            None => {
                eprintln!("error: `{size}` is not a size\n  help: write bytes, or a number with K or M, such as 100K or 10M");
                2
            }
        },
        Command::Config { command } => {
            match command {
                ConfigCommand::Schema => println!(
                    "{}",
                    serde_json::to_string_pretty(&crate::config::schema())
                        .expect("schema serialises")
                ),
                ConfigCommand::Default => print!("{}", crate::config::DEFAULT_TOML),
            }
            0
        }
    };
    ExitCode::from(code)
}
