//! `csa publish`: the agreement as its readers see it, as HTML or Word.

pub(super) mod findings_note;

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

/// The extension of `path`, in lower case (empty when it has none).
pub(super) fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

/// The format: as asked, else by the output file's extension, else (to standard
/// output) HTML. A file whose extension is not its format's is an error: an
/// `agreement.pdf` that holds HTML opens as nothing.
fn format(to: Option<To>, out: Option<&Path>) -> Result<To, String> {
    let Some(out) = out else {
        return Ok(to.unwrap_or(To::Html));
    };
    let by_ext = match extension(out).as_str() {
        "html" | "htm" => Some(To::Html),
        "docx" => Some(To::Docx),
        _ => None,
    };
    match (to, by_ext) {
        (Some(t), Some(e)) if t == e => Ok(t),
        (None, Some(e)) => Ok(e),
        (Some(t), _) => {
            let ext = if t == To::Html { "html" } else { "docx" };
            Err(format!(
                "`{}` does not end in .{ext}, so it would not open as the {ext} asked for\n  help: name the file `{}`",
                out.display(),
                out.with_extension(ext).display()
            ))
        }
        (None, None) => Err(format!(
            "csa publish cannot write `{}`: it writes .html or .docx files\n  help: name the file `{}` or `{}` (for a PDF, print the HTML page or save the Word document as PDF)",
            out.display(),
            out.with_extension("html").display(),
            out.with_extension("docx").display()
        )),
    }
}

/// Publishes `file`; returns the exit code.
pub fn run(
    file: &Path,
    out: Option<PathBuf>,
    to: Option<To>,
    fail_level: Option<crate::config::Level>,
    as_of: Option<&str>,
) -> u8 {
    let Ok(as_of) = super::files::as_of(as_of) else {
        return 2;
    };
    let to = match format(to, out.as_deref()) {
        Ok(t) => t,
        Err(message) => {
            eprintln!("error: {message}");
            return 2;
        }
    };
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
    let mut options = setup.options();
    options.as_of = as_of.or(options.as_of);
    let input = engine::Input {
        path: file,
        text: &source,
        setup: &setup,
        options: &options,
    };
    let checked = engine::check_one(&input, &FileSystem, Vec::new());
    let prepared = &checked.prepared;
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
        Ok(()) => u8::from(findings_note::note(
            file,
            &checked.diagnostics,
            "was published",
            fail_level,
        )),
        Err(e) => {
            eprintln!(
                "error: {e}\n  help: check that the folder exists and that you may write to it"
            );
            2
        }
    }
}
