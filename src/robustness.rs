//! The checks every input must pass, whatever it is: used by the fuzz targets
//! (`fuzz/`) and by the robustness tests, so both hold the code to the same promise.
//! Each function panics when the promise is broken, which is what a fuzzer catches.

use crate::ast::{self, Date};
use crate::lsp::{Document, Encoding};
use crate::render::{self, FileReport, Format};
use crate::rules::{self, Options, Registry};

/// The bundled rules, read once: reading them costs more than checking a small input.
fn registry() -> &'static Registry {
    static REGISTRY: std::sync::OnceLock<Registry> = std::sync::OnceLock::new();
    REGISTRY.get_or_init(Registry::bundled)
}

fn options() -> Options {
    Options {
        as_of: Date::parse("2024-01-01"),
        ..Options::default()
    }
}

/// Parses, lowers, checks and renders `text` in every format, and asserts that the
/// document's items cover every byte exactly once.
pub fn exercise(text: &str) {
    let parsed = ast::parse(text);
    let mut cursor = 0;
    for item in &parsed.document.items {
        assert_eq!(
            item.span.start.offset, cursor,
            "items must cover the text without gaps or overlaps"
        );
        cursor = item.span.end.offset;
    }
    assert_eq!(cursor, text.len(), "items must reach the end of the text");
    let registry = registry();
    let mut diagnostics = parsed.diagnostics.clone();
    diagnostics.extend(rules::check(&parsed.document, registry, &options()));
    for d in &diagnostics {
        assert!(d.span.start.offset <= d.span.end.offset && d.span.end.offset <= text.len());
        assert!(
            text.is_char_boundary(d.span.start.offset) && text.is_char_boundary(d.span.end.offset)
        );
        if let Some(fix) = &d.fix {
            for edit in &fix.edits {
                assert!(
                    edit.span.end.offset <= text.len()
                        && text.is_char_boundary(edit.span.start.offset)
                );
            }
        }
    }
    let reports = [FileReport {
        path: "fuzz.csa".to_string(),
        source: text.to_string(),
        diagnostics,
        accepted: Vec::new(),
    }];
    for format in [
        Format::Human,
        Format::Concise,
        Format::Json,
        Format::Sarif,
        Format::Github,
    ] {
        let out = render::render(format, &reports, registry, false);
        // Every format but GitHub's (one line per finding) always says something.
        assert!(!out.is_empty() || format == Format::Github);
    }
    let _ = crate::analysis::Index::build(&parsed.document);
    // Compared with another document both ways, as `csa diff` and CSA703 compare.
    let other = ast::parse(
        "@agreement: Anytown CSA\n  version: 1.0\n  effective: 2024-04-01\n\n# 1. Priorities\n\nText.\n\n@priority DA: Domestic Abuse\n  lead: Head, Anytown Police\n",
    )
    .document;
    for (old, new) in [(&other, &parsed.document), (&parsed.document, &other)] {
        let cmp = crate::compare::compare(old, new);
        let _ = crate::compare::draft_row(&cmp, new);
    }
    let with_previous = Options {
        previous: Some(std::sync::Arc::new(crate::compare::Previous {
            path: "previous.csa".to_string(),
            document: other,
        })),
        ..options()
    };
    let _ = rules::check(&parsed.document, registry, &with_previous);
}

/// An edit: start (line, column), end (line, column), and the new text.
pub type Edit<'a> = ((u32, u32), (u32, u32), &'a str);

/// Opens `text` as the language server does, applies `edits` (start, end, new text;
/// positions as line and column in UTF-8 or UTF-16 units) one version each, and
/// asserts the result equals opening the final text fresh.
pub fn edit_sequence(text: &str, edits: &[Edit<'_>], utf8: bool) {
    use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};
    let registry = registry();
    let options = options();
    let encoding = if utf8 {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    };
    let mut doc = Document::open(text.to_string(), 1, registry, &options);
    for (i, (start, end, new_text)) in edits.iter().enumerate() {
        let (start, end) = if start <= end {
            (*start, *end)
        } else {
            (*end, *start)
        };
        let change = TextDocumentContentChangeEvent {
            range: Some(Range {
                start: Position {
                    line: start.0,
                    character: start.1,
                },
                end: Position {
                    line: end.0,
                    character: end.1,
                },
            }),
            range_length: None,
            text: new_text.to_string(),
        };
        doc.change(i as i32 + 2, vec![change], encoding, registry, &options);
    }
    let fresh = Document::open(doc.text.clone(), 1, registry, &options);
    assert_eq!(
        doc.parsed.document, fresh.parsed.document,
        "incremental and fresh parses differ"
    );
    assert_eq!(
        doc.diagnostics, fresh.diagnostics,
        "incremental and fresh findings differ"
    );
}

/// Imports `bytes` as every kind of file `csa import` takes: each gives a draft or a
/// clear error, never a panic, and a draft always reads back without a syntax error.
pub fn import_any(bytes: &[u8]) {
    for name in ["plan.txt", "plan.docx", "plan.pdf", "plan.odt"] {
        if let Ok(result) = crate::import::import_bytes(name, bytes) {
            let draft = ast::parse(&result.csa);
            let syntax: Vec<_> = draft
                .diagnostics
                .iter()
                .filter(|d| crate::diagnostics::syntax::is_syntax(&d.code))
                .collect();
            assert!(syntax.is_empty(), "{name}: {syntax:?}\n{}", result.csa);
        }
    }
}

/// What a committee reads, from any document: the published agreement (HTML and
/// Word) and the report (HTML, Markdown, JSON and Word) are made without a panic,
/// and the Word files are written.
pub fn outputs(text: &str) {
    let parsed = ast::parse(text);
    let registry = registry();
    let publication = crate::publish::publish(text, &parsed.document, &registry.law, "fuzz.csa");
    let _ = crate::publish::html::page(&publication, "");
    assert!(crate::publish::docx::docx(&publication).is_ok());
    let setup = crate::engine::Setup::bundled();
    let mut sources = crate::workspace::InMemory::default();
    sources.insert("fuzz.csa", text);
    let document = crate::report::of(
        std::path::Path::new("fuzz.csa"),
        text,
        &setup,
        &options(),
        &sources,
    );
    let report = crate::report::Report {
        schema: crate::report::SCHEMA,
        documents: vec![document],
    };
    let _ = crate::report::html::page(&report);
    let _ = crate::report::md::markdown(&report);
    let _ = crate::report::json(&report);
    assert!(crate::report::docx::docx(&report).is_ok());
}
