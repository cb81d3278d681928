//! The command line: argument parsing, reading files, and exit codes.
//!
//! Exit codes: 0 when all went well, 1 when `check` finds problems at or above the
//! fail level, 2 when the command could not do its job (bad arguments, a file that
//! cannot be read).

mod files;
mod parse;

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
    /// Print the typed model of each document as JSON (shape: docs/format.md section 9).
    Parse {
        /// `.csa` files, or folders to search for them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
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
    };
    ExitCode::from(code)
}
