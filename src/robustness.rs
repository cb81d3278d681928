//! The checks every input must pass, whatever it is: used by the fuzz targets
//! (`fuzz/`) and by the robustness tests, so both hold the code to the same promise.
//! Each function panics when the promise is broken, which is what a fuzzer catches.

use crate::ast::{self, Date};
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};

use crate::lsp::{Document, Encoding, Snapshot, Source, Surroundings};
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

/// What the client does next, as the language server sees it.
pub enum Step<'a> {
    /// Changes in one version: ranged edits, applied in order.
    Change(Vec<Edit<'a>>),
    /// One version that replaces the whole text.
    Replace(&'a str),
    /// The server checks the text it has.
    Check,
    /// A check starts, these changes arrive while it runs, and then it ends.
    CheckDuring(Vec<Edit<'a>>),
}

/// Opens `text` as the language server does, takes `steps` (positions as line and
/// column in UTF-8 or UTF-16 units), checks the final text, and asserts that the
/// result equals opening the final text fresh.
pub fn edit_sequence(text: &str, steps: &[Step<'_>], utf8: bool) {
    let encoding = if utf8 {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    };
    let mut editing = Editing::open(text.to_string(), registry(), options());
    for step in steps {
        let version = editing.source.version + 1;
        match step {
            Step::Change(edits) => {
                editing.change(version, ranged(edits), encoding);
            }
            Step::Replace(text) => {
                editing.change(version, vec![whole(text)], encoding);
            }
            Step::Check => editing.check(),
            Step::CheckDuring(edits) => editing.check_during(version, ranged(edits), encoding),
        }
    }
    editing.assert_as_fresh();
}

fn ranged(edits: &[Edit<'_>]) -> Vec<TextDocumentContentChangeEvent> {
    edits
        .iter()
        .map(|&(a, b, text)| {
            let (start, end) = if a <= b { (a, b) } else { (b, a) };
            let position = |(line, character)| Position { line, character };
            TextDocumentContentChangeEvent {
                range: Some(Range {
                    start: position(start),
                    end: position(end),
                }),
                range_length: None,
                text: text.to_string(),
            }
        })
        .collect()
}

fn whole(text: &str) -> TextDocumentContentChangeEvent {
    TextDocumentContentChangeEvent {
        range: None,
        range_length: None,
        text: text.to_string(),
    }
}

/// A document edited as the language server edits one (`lsp::check`): changes go to
/// its [`Source`]; a check analyses a snapshot of it, re-using the last analysis's tree
/// with the edits made since, and a check may start before more changes arrive and
/// end after them.
pub struct Editing<'r> {
    /// The client's text, ahead of the last analysis.
    pub source: Source,
    /// The last analysis.
    pub analysis: Document,
    registry: &'r Registry,
    options: Options,
}

impl<'r> Editing<'r> {
    /// A document opened at version 1 and checked.
    pub fn open(text: String, registry: &'r Registry, options: Options) -> Self {
        let mut source = Source::new(text, 1);
        let analysis = analyse(&mut source, None, registry, &options);
        Self {
            source,
            analysis,
            registry,
            options,
        }
    }

    /// The client's changes of `version`; a version not newer is ignored, as the
    /// server ignores it. Returns whether the text changed.
    pub fn change(
        &mut self,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: Encoding,
    ) -> bool {
        self.source.change(version, changes, encoding).is_ok()
    }

    /// Checks the text the server has.
    pub fn check(&mut self) {
        self.analysis = analyse(
            &mut self.source,
            Some(&self.analysis),
            self.registry,
            &self.options,
        );
    }

    /// Starts a check, takes the changes of `version` while it runs, then ends it:
    /// the analysis is of the text before the changes, and the next check starts
    /// from it with the changes made since.
    pub fn check_during(
        &mut self,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: Encoding,
    ) {
        let mut snapshot = self.source.snapshot();
        let _ = self.source.change(version, changes, encoding);
        self.analysis = analyse_snapshot(
            &mut snapshot,
            Some(&self.analysis),
            self.registry,
            &self.options,
        );
        self.source.analysed(&snapshot);
    }

    /// Checks the final text and asserts its tree, typed model and findings are those
    /// of opening it fresh.
    pub fn assert_as_fresh(&mut self) {
        self.check();
        assert_eq!(self.analysis.text, self.source.text);
        let fresh = Document::open(self.source.text.clone(), 1, self.registry, &self.options);
        assert_eq!(
            self.analysis.parsed.document, fresh.parsed.document,
            "incremental and fresh parses differ"
        );
        assert_eq!(
            self.analysis.diagnostics, fresh.diagnostics,
            "incremental and fresh findings differ"
        );
    }
}

/// A document checked on its own, as an unsaved buffer is.
fn alone() -> Surroundings<'static> {
    Surroundings {
        path: None,
        sources: &crate::files::FileSystem,
        neighbours: &[],
        pass: 0,
    }
}

fn analyse(
    source: &mut Source,
    base: Option<&Document>,
    registry: &Registry,
    options: &Options,
) -> Document {
    let mut snapshot = source.snapshot();
    let doc = analyse_snapshot(&mut snapshot, base, registry, options);
    source.analysed(&snapshot);
    doc
}

fn analyse_snapshot(
    snapshot: &mut Snapshot,
    base: Option<&Document>,
    registry: &Registry,
    options: &Options,
) -> Document {
    Document::from_snapshot(snapshot, base, registry, options, &alone(), &|| false)
        .expect("a check that is never cancelled gives a document")
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
