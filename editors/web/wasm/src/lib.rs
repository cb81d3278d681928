//! csa in the browser: the core's operations as WebAssembly functions for the page in
//! `editors/web/`. Each one calls the same library code as the command line, given
//! text and bytes instead of paths: the browser has no disk, and nothing here sends
//! anything anywhere. Results that have a shape are JSON strings (the command line's
//! shapes where it has one); failures are JavaScript errors with a plain message.

mod findings;
mod offsets;
mod session;

use std::path::Path;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use csa::compare::{self, display};
use csa::engine::{self, Input};
use csa::format::fix::FixMode;
use csa::render::{self, FileReport, Format};
use csa::{ast, import, publish, report};

use offsets::Utf16;

fn fail(message: impl std::fmt::Display) -> JsError {
    JsError::new(&message.to_string())
}

fn to_json(value: &impl Serialize) -> String {
    serde_json::to_string(value).expect("the page's shapes serialise")
}

/// Sets "today" (days since 1970-01-01): the browser's clock, which the standard
/// library cannot read in WebAssembly. The page calls it before each operation.
#[wasm_bindgen]
pub fn set_today(days: f64) {
    ast::set_today(days.floor() as i64);
}

/// Everything one check of the open document needs, built from the page's fields.
struct Checking {
    setup: std::sync::Arc<engine::Setup>,
    options: csa::rules::Options,
    sources: csa::workspace::InMemory,
}

impl Checking {
    fn new(name: &str, text: &str, as_of: &str, previous: (&str, &str)) -> Result<Self, JsError> {
        let setup = session::setup();
        let date = session::as_of(as_of).map_err(fail)?;
        let previous = session::previous(previous.0, previous.1)
            .map_err(|e| fail(format!("last year's document cannot be compared: {e}")))?;
        let options = session::options(&setup, date, previous);
        Ok(Self {
            setup,
            options,
            sources: session::sources(name, text),
        })
    }

    fn input<'a>(&'a self, name: &'a str, text: &'a str) -> Input<'a> {
        Input {
            path: Path::new(name),
            text,
            setup: &self.setup,
            options: &self.options,
        }
    }

    fn check(&self, name: &str, text: &str) -> engine::Checked {
        engine::check(&[self.input(name, text)], &self.sources)
            .pop()
            .expect("one input, one result")
    }
}

/// `csa check --output-format json` on the document `name` (the same bytes).
#[wasm_bindgen]
pub fn check_json(
    name: &str,
    text: &str,
    as_of: &str,
    previous_name: &str,
    previous_text: &str,
) -> Result<String, JsError> {
    let c = Checking::new(name, text, as_of, (previous_name, previous_text))?;
    let checked = c.check(name, text);
    let report = FileReport {
        path: name.to_string(),
        source: text.to_string(),
        diagnostics: checked.diagnostics,
        accepted: checked.accepted,
    };
    Ok(render::render(
        Format::Json,
        &[report],
        &c.setup.registry,
        false,
    ))
}

/// The page's findings: each placed in the editor, with the counts' line.
#[wasm_bindgen]
pub fn findings(
    name: &str,
    text: &str,
    as_of: &str,
    previous_name: &str,
    previous_text: &str,
) -> Result<String, JsError> {
    let c = Checking::new(name, text, as_of, (previous_name, previous_text))?;
    let checked = c.check(name, text);
    Ok(to_json(&findings::view(
        name,
        text,
        &checked.diagnostics,
        &checked.accepted,
    )))
}

/// `csa explain CODE`: what a rule checks, why, the law, an example and the fix.
#[wasm_bindgen]
pub fn explain(code: &str) -> Result<String, JsError> {
    let setup = session::setup();
    setup
        .registry
        .find(code)
        .map(|rule| csa::rules::explain::explain(rule, false))
        .ok_or_else(|| fail(format!("`{code}` is not a rule code or name")))
}

/// `csa fmt`: the document laid out the canonical way.
#[wasm_bindgen]
pub fn format(text: &str) -> Result<String, JsError> {
    csa::format::format(text).map_err(fail)
}

#[derive(Serialize)]
struct Fixed {
    text: String,
    applied: Vec<String>,
    refused: bool,
}

/// `csa check --fix` (with `--unsafe-fixes` when `review`): the text with every fix
/// applied, and their titles.
#[wasm_bindgen]
pub fn fix_all(name: &str, text: &str, as_of: &str, review: bool) -> Result<String, JsError> {
    let c = Checking::new(name, text, as_of, ("", ""))?;
    let checked = c.check(name, text);
    let mode = if review {
        FixMode::Unsafe
    } else {
        FixMode::Safe
    };
    let fixed = engine::fix::fix(
        &c.input(name, text),
        &c.sources,
        mode,
        checked.diagnostics,
        checked.across,
    );
    Ok(to_json(&Fixed {
        text: fixed.text,
        applied: fixed.applied,
        refused: fixed.refused,
    }))
}

#[derive(Serialize)]
struct Imported {
    csa: String,
    /// What was recognised, as `csa import` prints it.
    summary: String,
    /// The importer's notes: (line of the draft, 1-based; the note).
    notes: Vec<(usize, String)>,
    /// Syntax errors left in the draft.
    syntax_errors: usize,
}

/// `csa import`: a `.docx`, `.pdf` or text file's bytes as a `.csa` draft.
#[wasm_bindgen]
pub fn import_file(name: &str, bytes: &[u8]) -> Result<String, JsError> {
    let result = import::import_bytes(name, bytes)
        .map_err(|e| fail(format!("{name} cannot be imported: {e}. {}", e.help())))?;
    let parsed = ast::parse(&result.csa);
    let syntax_errors = parsed
        .diagnostics
        .iter()
        .filter(|d| d.severity == csa::diagnostics::Severity::Error)
        .count();
    Ok(to_json(&Imported {
        summary: result.summary.to_string(),
        notes: result.summary.notes.clone(),
        csa: result.csa,
        syntax_errors,
    }))
}

/// The publication of a document, as `csa publish` builds it.
fn publication(name: &str, text: &str) -> publish::Publication {
    let setup = session::setup();
    let options = setup.options();
    let sources = session::sources(name, text);
    let input = Input {
        path: Path::new(name),
        text,
        setup: &setup,
        options: &options,
    };
    let prepared = engine::prepare(&input, &sources);
    publish::publish(text, &prepared.document, &setup.registry.law, name)
}

/// `csa publish NAME` (HTML): the same bytes.
#[wasm_bindgen]
pub fn publish_html(name: &str, text: &str) -> String {
    let file = Path::new(name)
        .file_name()
        .map_or(name.to_string(), |n| n.to_string_lossy().into_owned());
    publish::html::page(
        &publication(name, text),
        &format!("Published by csa from {file}."),
    )
}

/// `csa publish NAME -o agreement.docx`: the same bytes.
#[wasm_bindgen]
pub fn publish_docx(name: &str, text: &str) -> Result<Vec<u8>, JsError> {
    publish::docx::docx(&publication(name, text)).map_err(fail)
}

/// The compliance report of the document, as `csa report` builds it.
fn build_report(
    name: &str,
    text: &str,
    as_of: &str,
    previous: (&str, &str),
) -> Result<report::Report, JsError> {
    let c = Checking::new(name, text, as_of, previous)?;
    let checked = c.check(name, text);
    let document = report::build(&report::Input {
        path: name,
        source: text,
        registry: &c.setup.registry,
        options: &c.options,
        checked: &checked,
    });
    Ok(report::Report {
        schema: report::SCHEMA,
        documents: vec![document],
    })
}

/// `csa report NAME --as-of DATE [--previous LAST]` as `html`, `json` or `md`: the
/// same bytes.
#[wasm_bindgen]
pub fn report_text(
    name: &str,
    text: &str,
    as_of: &str,
    previous_name: &str,
    previous_text: &str,
    format: &str,
) -> Result<String, JsError> {
    let report = build_report(name, text, as_of, (previous_name, previous_text))?;
    match format {
        "html" => Ok(report::html::page(&report)),
        "json" => Ok(report::json(&report)),
        "md" => Ok(report::md::markdown(&report)),
        other => Err(fail(format!(
            "the report is made as html, json or md, not {other}"
        ))),
    }
}

/// `csa report ... -o review.docx`: the same bytes.
#[wasm_bindgen]
pub fn report_docx(
    name: &str,
    text: &str,
    as_of: &str,
    previous_name: &str,
    previous_text: &str,
) -> Result<Vec<u8>, JsError> {
    let report = build_report(name, text, as_of, (previous_name, previous_text))?;
    report::docx::docx(&report).map_err(fail)
}

/// `csa diff OLD NEW` as `text`, `md` or `json`.
#[wasm_bindgen]
pub fn diff(
    old_name: &str,
    old_text: &str,
    new_name: &str,
    new_text: &str,
    format: &str,
) -> Result<String, JsError> {
    let load = |name: &str, text: &str| -> Result<display::Loaded, JsError> {
        session::previous(name, text)
            .map_err(fail)?
            .map(|p| display::Loaded {
                path: p.path.clone(),
                document: p.document.clone(),
            })
            .ok_or_else(|| fail(format!("{name} is empty")))
    };
    let (old, new) = (load(old_name, old_text)?, load(new_name, new_text)?);
    let cmp = compare::compare(&old.document, &new.document);
    let row = compare::draft_row(&cmp, &new.document);
    match format {
        "text" => Ok(display::text(&old, &new, &cmp, &row)),
        "md" => Ok(display::markdown(&old, &new, &cmp, &row)),
        "json" => Ok(display::json(&old, &new, &cmp, &row)),
        other => Err(fail(format!(
            "the diff is made as text, md or json, not {other}"
        ))),
    }
}

/// The grammar's highlighting: `[from, to, capture]` runs in UTF-16 offsets.
#[wasm_bindgen]
pub fn highlight(text: &str) -> String {
    let at = Utf16::new(text);
    let runs: Vec<(u32, u32, &str)> = csa::syntax::highlight::highlight(text)
        .into_iter()
        .map(|r| (at.of(r.range.start), at.of(r.range.end), r.capture))
        .collect();
    to_json(&runs)
}
