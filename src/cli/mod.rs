//! The command line: argument parsing, reading files, and exit codes.
//!
//! Exit codes: 0 when all went well, 1 when `check` finds problems at or above the
//! fail level, 2 when the command could not do its job (bad arguments, a file that
//! cannot be read).

mod check;
pub mod diff;
mod files;
mod fmt;
mod import;
mod law;
/// The statutory checklist's forms, for `csa law duties` and its tests.
pub use law::duties;
mod new;
mod parse;
mod publish;
mod report;
pub mod rules;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

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
        /// Apply the safe fixes, check again, and report what remains.
        #[arg(long)]
        fix: bool,
        /// With --fix or --diff, apply the unsafe fixes too (read them before you
        /// commit them).
        #[arg(long)]
        unsafe_fixes: bool,
        /// Print what --fix would change as a diff, and change nothing (exit 1 when
        /// something would change).
        #[arg(long)]
        diff: bool,
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
    /// Lay out the structured parts of documents in the one canonical way; prose and
    /// comments are never changed.
    ///
    /// Exit codes: 0 done (or nothing to change), 1 with --check or --diff a file
    /// would change, 2 a file could not be read or has syntax errors.
    Fmt {
        /// `.csa` files, or folders to search for them (default: the current folder).
        paths: Vec<PathBuf>,
        /// Change nothing; exit 1 when a file is not formatted.
        #[arg(long)]
        check: bool,
        /// Change nothing; print what would change as a diff.
        #[arg(long)]
        diff: bool,
    },
    /// Start a document: a skeleton for an area csa knows that passes `csa check`.
    ///
    /// The header, the responsible authorities the law requires on the date, the
    /// Police and Crime Plan in force with its objectives, an example priority, the
    /// leads table, and the chapter headings, each with a line saying what to write.
    New {
        /// `county-agreement`, `district-plan` or `unitary-plan`.
        kind: String,
        /// The county, district or unitary area, as `csa law areas` lists it.
        #[arg(long)]
        area: String,
        /// The date the document takes effect (YYYY-MM-DD; default: today).
        #[arg(long, value_name = "DATE")]
        effective: Option<String>,
        /// Write to this file (it must not exist) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print the shell completions for bash, zsh, fish or powershell.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), as installed in man1/csa.1.
    Man,
    /// List the rules.
    Rules {
        /// `text`, `json` or `markdown` (the rule reference, docs/rules.md; with
        /// --kinds, the list of kinds in docs/configuration.md).
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
    /// Import a Word document (.docx) or text (.txt) as a .csa draft (docs/import.md).
    ///
    /// The draft goes to standard output or to -o; a summary of what was recognised,
    /// left as prose and needs checking goes to standard error. Exit codes: 0 imported,
    /// 2 the file could not be imported.
    Import {
        /// The .docx or text file.
        file: PathBuf,
        /// Write the draft to this file instead of standard output.
        #[arg(short, long, value_name = "OUT.csa")]
        output: Option<PathBuf>,
    },
    /// What csa knows: places, Police and Crime Plans, bodies and their successors.
    Law {
        #[command(subcommand)]
        command: LawCommand,
        /// `text` or `json`; `markdown` too for `duties`.
        #[arg(long, default_value = "text", value_parser = ["text", "json", "markdown"], global = true)]
        format: String,
        /// Use this configuration file's rule packs instead of the nearest csa.toml's.
        #[arg(long, value_name = "FILE", global = true)]
        config: Option<PathBuf>,
    },
    /// Publish the agreement as its readers see it: every word of prose, headings,
    /// and the structured parts as tables (HTML first; Word with --to docx).
    ///
    /// Exit codes: 0 written, 1 written but with a finding at or above
    /// --fail-level, 2 the file could not be read, OUT's extension is not that of the
    /// format (.html or .docx), or the output could not be written. Errors and
    /// warnings `csa check` finds are named on standard error.
    Publish {
        /// The `.csa` file.
        file: PathBuf,
        /// The file to write (default: standard output).
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        out: Option<PathBuf>,
        /// `html` or `docx` (default: by the extension of OUT, which must match).
        #[arg(long, value_enum)]
        to: Option<publish::To>,
        /// Exit 1 (after writing) when `csa check` finds anything at or above this
        /// severity. Default: exit 0 whatever it finds.
        #[arg(long, value_enum)]
        fail_level: Option<crate::config::Level>,
        /// The date to check the document against before publishing (YYYY-MM-DD;
        /// default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
    },
    /// The compliance review a scrutiny committee reads: status, statutory coverage,
    /// Police and Crime Plan alignment, leads, evidence, decisions, changes and
    /// every finding with its fix.
    ///
    /// Exit codes: 0 written (whatever it finds, unless --fail-level), 1 written
    /// but with a finding at or above --fail-level, 2 a file could not be read, OUT's
    /// extension is not that of the format, or the output could not be written.
    /// Errors and warnings found are named on standard error.
    Report {
        /// The `.csa` files, one page each.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The file to write (default: standard output).
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        out: Option<PathBuf>,
        /// `html`, `md`, `json` or `docx` (default: by the extension of OUT, which must
        /// match; md to standard output).
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
        /// Exit 1 (after writing) when a document has a finding at or above this
        /// severity. Default: exit 0 whatever the report finds.
        #[arg(long, value_enum)]
        fail_level: Option<crate::config::Level>,
    },
    /// Print the typed model of each document as JSON (shape: docs/format.md section 9).
    Parse {
        /// `.csa` files, or folders to search for them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum LawCommand {
    /// The statutory checklist: every requirement on an agreement or partnership plan,
    /// its citation, whether csa checks it (fully, partly, not, or not checkable from a
    /// document) and the rules that do.
    Duties,
    /// Every local authority, merged partnership and police force area; or what NAME
    /// resolves to.
    Areas {
        /// A place, as a document's `area:` would write it.
        name: Option<String>,
    },
    /// Every Police and Crime Plan, or those of the police area AREA lies in.
    Plans {
        /// A place.
        #[arg(long)]
        area: Option<String>,
    },
    /// Bodies and their successors (CCGs, ICBs, probation), of AREA, in existence ON a
    /// date; with both, the responsible authorities of AREA on that date.
    Bodies {
        /// A place.
        #[arg(long)]
        area: Option<String>,
        /// A date, YYYY-MM-DD.
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum ConfigCommand {
    /// Print the JSON schema of csa.toml (for editors' completion and validation).
    Schema,
    /// Print a csa.toml with every setting at its default, commented.
    Default,
}

/// The command line's definition, for completions and the manual page.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    Cli::command()
}

/// The manual page, in roff (committed as `docs/csa.1`): the command, then each
/// subcommand's synopsis, description and options.
pub fn man_page() -> String {
    let command = command();
    let mut out = Vec::new();
    let rendered = clap_mangen::Man::new(command.clone())
        .render(&mut out)
        .and_then(|()| {
            command.get_subcommands().try_for_each(|sub| {
                let named = sub.clone().bin_name(format!("csa {}", sub.get_name()));
                let man = clap_mangen::Man::new(named);
                man.render_synopsis_section(&mut out)?;
                man.render_description_section(&mut out)?;
                man.render_options_section(&mut out)
            })
        });
    rendered.expect("rendering into memory cannot fail");
    String::from_utf8(out).expect("the manual page is UTF-8")
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
        Command::Import { file, output } => import::run(&file, output.as_deref()),
        Command::Law {
            command,
            format,
            config,
        } => {
            let query = match command {
                LawCommand::Areas { name } => law::Query::Areas { name },
                LawCommand::Plans { area } => law::Query::Plans { area },
                LawCommand::Bodies { area, on } => law::Query::Bodies { area, on },
                LawCommand::Duties => law::Query::Duties,
            };
            law::run(query, &format, config.as_deref())
        }
        Command::Publish {
            file,
            out,
            to,
            fail_level,
            as_of,
        } => publish::run(&file, out, to, fail_level, as_of.as_deref()),
        Command::Report {
            files,
            out,
            format,
            as_of,
            previous,
            config,
            fail_level,
        } => report::run(report::Args {
            files,
            out,
            format,
            as_of,
            previous,
            config,
            fail_level,
        }),
        Command::Check {
            paths,
            output_format,
            as_of,
            config,
            fail_level,
            select,
            ignore,
            fix,
            unsafe_fixes,
            diff,
            previous,
        } => check::run(check::Args {
            paths,
            format: output_format,
            as_of,
            config,
            fail_level,
            select,
            ignore,
            fix: (fix || diff).then_some(if unsafe_fixes {
                crate::format::fix::FixMode::Unsafe
            } else {
                crate::format::fix::FixMode::Safe
            }),
            diff,
            previous,
        }),
        Command::Fmt { paths, check, diff } => fmt::run(fmt::Args { paths, check, diff }),
        Command::New {
            kind,
            area,
            effective,
            output,
        } => new::run(new::Args {
            kind,
            area,
            effective,
            output,
        }),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut command(), "csa", &mut std::io::stdout());
            0
        }
        Command::Man => {
            print!("{}", man_page());
            0
        }
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
        } => rules::run(&format, kinds, areas),
        Command::Explain { rule, format } => rules::run_explain(&rule, &format),
        Command::Lsp { stdio: _ } => crate::lsp::run(),
        Command::GenBench { size, seed } => gen_bench(&size, seed),
        Command::Config { command } => config(command),
    };
    ExitCode::from(code)
}

/// `csa gen-bench SIZE`.
fn gen_bench(size: &str, seed: u64) -> u8 {
    match parse_size(size) {
        Some(bytes) => {
            print!("{}", crate::gen::agreement(bytes, seed));
            0
        }
        None => {
            eprintln!("error: `{size}` is not a size\n  help: write bytes, or a number with K or M, such as 100K or 10M");
            2
        }
    }
}

/// `csa config schema|default`.
fn config(command: ConfigCommand) -> u8 {
    match command {
        ConfigCommand::Schema => println!(
            "{}",
            serde_json::to_string_pretty(&crate::config::schema()).expect("schema serialises")
        ),
        ConfigCommand::Default => print!("{}", crate::config::DEFAULT_TOML),
    }
    0
}
