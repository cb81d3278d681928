//! `csa publish`: the agreement as its readers see it, as HTML or Word.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use super::files::{read_source, report, write_output};
use crate::engine;
use crate::files::FileSystem;
use crate::publish;

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum To {
    /// One self-contained HTML page.
    Html,
    /// A Word document.
    Docx,
}

/// The format: as asked, else by the output file's extension, else HTML.
fn format(to: Option<To>, out: Option<&Path>) -> To {
    to.unwrap_or_else(
        || match out.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("docx") => To::Docx,
            _ => To::Html,
        },
    )
}

/// Publishes `file`; returns the exit code.
pub fn run(file: &Path, out: Option<PathBuf>, to: Option<To>) -> u8 {
    let to = format(to, out.as_deref());
    if to == To::Docx && out.is_none() && std::io::stdout().is_terminal() {
        eprintln!("error: a .docx file cannot be shown in the terminal\n  help: name the file to write with `-o`, such as `-o agreement.docx`");
        return 2;
    }
    let source = match read_source(file) {
        Ok(s) => s,
        Err(e) => {
            report(&e);
            return 2;
        }
    };
    // The document as every command reads it: joined with what it uses (a plan file,
    // a county agreement's parts), with the law of its configuration's rule packs.
    let setup = match super::check::setup(crate::files::find_config(file).as_deref()) {
        Ok(s) => s,
        Err(message) => {
            eprintln!("error: {message}\n  help: fix the configuration beside the document");
            return 2;
        }
    };
    let options = setup.options();
    let input = engine::Input {
        path: file,
        text: &source,
        setup: &setup,
        options: &options,
    };
    let prepared = engine::prepare(&input, &FileSystem);
    let unreadable = prepared.syntax.len();
    if unreadable > 0 {
        eprintln!(
            "warning: {} of `{}` could not be read and {} published as written\n  help: `csa check {}` shows where",
            if unreadable == 1 { "1 line".to_string() } else { format!("{unreadable} lines") },
            file.display(),
            if unreadable == 1 { "is" } else { "are" },
            super::files::shell_word(file)
        );
    }
    let name = file.display().to_string();
    let publication = publish::publish(&source, &prepared.document, &setup.registry.law, &name);
    let bytes = match to {
        To::Html => publish::html::page(
            &publication,
            &format!(
                "Published by csa from {}.",
                file.file_name()
                    .map_or(name.clone(), |n| n.to_string_lossy().into_owned())
            ),
        )
        .into_bytes(),
        To::Docx => match publish::docx::docx(&publication) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: {e}");
                return 2;
            }
        },
    };
    match write_output(out.as_deref(), &bytes) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!(
                "error: {e}\n  help: check that the folder exists and that you may write to it"
            );
            2
        }
    }
}
