//! An open document: its text, its tree (kept up to date with incremental edits), its
//! typed model and its findings, and the conversions between LSP positions and byte
//! offsets.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tower_lsp_server::ls_types::{Position, Range};
use tree_sitter::{InputEdit, Tree};

use super::source::Snapshot;

use crate::analysis::Index;
use crate::ast::{self, Parsed};
use crate::diagnostics::Diagnostic;
use crate::engine;
use crate::knowledge::Knowledge;
use crate::rules::{Options, Registry};
use crate::syntax;
use crate::text::{LineIndex, Span};
use crate::workspace::{self, uses, Prepared, Resolution, Sources};

/// How the client counts columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-16 code units (the LSP default).
    Utf16,
    /// UTF-8 bytes.
    Utf8,
}

/// An open document.
pub struct Document {
    /// The text.
    pub text: String,
    /// The client's version of the text.
    pub version: i32,
    /// Lines of the text.
    pub lines: Arc<LineIndex>,
    tree: Tree,
    /// The typed model and syntax diagnostics.
    pub parsed: Parsed,
    /// Names and references.
    pub index: Index,
    /// Syntax and rule findings, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// Where the document is saved, when it is.
    pub path: Option<PathBuf>,
    /// The same, as its sources name it (links and `..` read out): the key other
    /// documents know it by when they use it.
    pub key: Option<PathBuf>,
    /// What its `@use` lines brought in: the documents its names may be defined in.
    pub resolution: Resolution,
    /// The workspace pass whose documents it was checked with (0: none).
    pub pass: u64,
}

/// What a document is checked with besides its own text.
pub struct Surroundings<'a> {
    /// Where the document is saved, if it is: `@use` paths are read from its folder.
    pub path: Option<&'a Path>,
    /// Where used documents are read from (the open buffers first).
    pub sources: &'a dyn Sources,
    /// The documents of its workspace, as the last pass saw them.
    pub neighbours: &'a [Arc<super::workspace::Member>],
    /// That pass.
    pub pass: u64,
}

impl Document {
    /// Opens a document and analyses it.
    pub fn open(text: String, version: i32, registry: &Registry, options: &Options) -> Self {
        let tree = syntax::parse_tree(&text, None);
        let lines = Arc::new(LineIndex::new(&text));
        let parsed = ast::lower_indexed(&text, &tree, &lines);
        let mut doc = Self::parsed(text, lines, version, tree, parsed);
        doc.analyse(registry, options);
        doc
    }

    /// A parsed document, before its analysis.
    fn parsed(
        text: String,
        lines: Arc<LineIndex>,
        version: i32,
        tree: Tree,
        parsed: Parsed,
    ) -> Self {
        Self {
            text,
            version,
            lines,
            tree,
            parsed,
            index: Index::default(),
            diagnostics: Vec::new(),
            path: None,
            key: None,
            resolution: Resolution::default(),
            pass: 0,
        }
    }

    /// Re-runs lowering's followers: the index and the rules.
    pub fn analyse(&mut self, registry: &Registry, options: &Options) {
        let around = Surroundings {
            path: None,
            sources: &crate::files::FileSystem,
            neighbours: &[],
            pass: 0,
        };
        self.analyse_in(registry, options, &around);
    }

    /// [`Document::analyse`] among other documents: its `@use` lines are read from
    /// `around`'s sources (so the rules see the plan, authorities and bodies it uses,
    /// as `csa check` does), and the rules across documents compare it with the
    /// other documents of its workspace. The findings are the engine's, as for every
    /// front end: the typed model, joined with what it uses, is a
    /// [`Prepared`] document given to [`engine::diagnose`].
    pub fn analyse_in(&mut self, registry: &Registry, options: &Options, around: &Surroundings) {
        self.index = Index::build(&self.parsed.document);
        self.key = around.path.map(|p| around.sources.key(p));
        let prepared = self.prepare(around, &registry.knowledge);
        let across = match (around.path, &self.key) {
            (Some(path), Some(key)) if !around.neighbours.is_empty() => {
                let mut together: Vec<(&Path, &Prepared)> = around
                    .neighbours
                    .iter()
                    .filter(|n| &n.key != key)
                    .map(|n| (n.path.as_path(), &n.prepared))
                    .collect();
                together.push((path, &prepared));
                engine::across(&together, &registry.knowledge, around.sources)
                    .pop()
                    .unwrap_or_default()
            }
            _ => Vec::new(),
        };
        self.diagnostics = engine::diagnose(&prepared, registry, options, across);
        self.path = around.path.map(Path::to_path_buf);
        self.pass = around.pass;
        self.unprepare(prepared);
    }

    /// The document joined with what its `@use` lines bring in, as the engine takes
    /// it. Most documents use none: then the typed model and syntax findings are lent
    /// to it rather than copied, and [`Document::unprepare`] takes them back.
    fn prepare(&mut self, around: &Surroundings, knowledge: &Knowledge) -> Prepared {
        let document = &self.parsed.document;
        let resolution = match around.path {
            Some(path) if !document.uses.is_empty() => {
                uses::resolve(path, document, around.sources, knowledge)
            }
            _ => Resolution::default(),
        };
        let (document, syntax) = if resolution.used.is_empty() {
            (
                std::mem::take(&mut self.parsed.document),
                std::mem::take(&mut self.parsed.diagnostics),
            )
        } else {
            let mut copy = document.clone();
            uses::apply(&mut copy, &resolution);
            (copy, self.parsed.diagnostics.clone())
        };
        let mut findings = resolution.findings.clone();
        findings.extend(workspace::rules::county_references(&document, &resolution));
        Prepared {
            document,
            syntax,
            resolution,
            findings,
        }
    }

    /// Keeps what the prepared document found it uses, and takes back what
    /// [`Document::prepare`] lent it.
    fn unprepare(&mut self, prepared: Prepared) {
        if prepared.resolution.used.is_empty() {
            self.parsed.document = prepared.document;
            self.parsed.diagnostics = prepared.syntax;
        }
        self.resolution = prepared.resolution;
    }

    /// Analyses the text a snapshot of the client's text took, as the server checks
    /// after changes: `base` (the last analysis) lends its tree when the snapshot carries
    /// the edits that lead from `base`'s text to its own; otherwise it parses afresh.
    /// The snapshot's text is moved into the document.
    pub fn from_snapshot(
        snapshot: &mut Snapshot,
        base: Option<&Document>,
        registry: &Registry,
        options: &Options,
        around: &Surroundings,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Self> {
        let text = std::mem::take(&mut snapshot.text);
        let base = base
            .zip(snapshot.edits.as_deref())
            .map(|(b, e)| (b.tree(), e));
        Self::build(
            text,
            snapshot.lines.clone(),
            snapshot.version,
            base,
            registry,
            options,
            around,
            cancelled,
        )
    }

    /// Analyses `text` (version `version`, whose line index is `lines`), re-using `base`'s tree when given the
    /// edits that lead from its text to this one. Returns `None` as soon as
    /// `cancelled` says the result is no longer wanted.
    #[allow(clippy::too_many_arguments)]
    fn build(
        text: String,
        lines: Arc<LineIndex>,
        version: i32,
        base: Option<(&Tree, &[InputEdit])>,
        registry: &Registry,
        options: &Options,
        around: &Surroundings,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Self> {
        let tree = match base {
            Some((tree, edits)) => {
                let mut old = tree.clone();
                for edit in edits {
                    old.edit(edit);
                }
                syntax::parse_tree(&text, Some(&old))
            }
            None => syntax::parse_tree(&text, None),
        };
        if cancelled() {
            return None;
        }
        let parsed = ast::lower_indexed(&text, &tree, &lines);
        if cancelled() {
            return None;
        }
        let mut doc = Self::parsed(text, lines, version, tree, parsed);
        doc.analyse_in(registry, options, around);
        Some(doc)
    }

    /// The tree, for re-use by the next analysis.
    pub fn tree(&self) -> &Tree {
        &self.tree
    }

    /// The byte offset of an LSP position, clamped to the document (a position past the
    /// end of a line means its end; past the last line, the end of the text).
    pub fn offset(&self, position: Position, encoding: Encoding) -> usize {
        offset(&self.text, &self.lines, position, encoding)
    }

    /// The LSP range of a span.
    pub fn range(&self, span: Span, encoding: Encoding) -> Range {
        range(span, encoding)
    }

    /// The span of bytes `start..end`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        self.lines.span(&self.text, start, end)
    }
}

/// The LSP range of a span of any document: spans carry their lines and columns.
pub fn range(span: Span, encoding: Encoding) -> Range {
    let pos = |p: crate::text::Position| Position {
        line: p.line,
        character: match encoding {
            Encoding::Utf16 => p.column_utf16,
            Encoding::Utf8 => p.column,
        },
    };
    Range {
        start: pos(span.start),
        end: pos(span.end),
    }
}

/// The byte offset of an LSP position in `text`, clamped to the text (a position past
/// the end of a line means its end; past the last line, the end of the text).
pub(super) fn offset(
    text: &str,
    lines: &LineIndex,
    position: Position,
    encoding: Encoding,
) -> usize {
    let line = position.line as usize;
    let Some(start) = lines.line_start(line) else {
        return text.len();
    };
    match encoding {
        Encoding::Utf16 => lines.offset_utf16(text, line, position.character as usize),
        Encoding::Utf8 => {
            let end = lines.line_start(line + 1).unwrap_or(text.len());
            let line_text = &text[start..end];
            let content = line_text.trim_end_matches(['\n', '\r']).len();
            let mut offset = start + (position.character as usize).min(content);
            while !text.is_char_boundary(offset) {
                offset -= 1;
            }
            offset
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::TextDocumentContentChangeEvent;

    fn change(range: Option<(u32, u32, u32, u32)>, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: range.map(|(a, b, c, d)| Range {
                start: Position {
                    line: a,
                    character: b,
                },
                end: Position {
                    line: c,
                    character: d,
                },
            }),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn changes_apply_in_order_and_stale_versions_are_ignored() {
        let registry = Registry::bundled();
        let options = Options::default();
        let mut source = super::super::Source::new("@theme T: x\n".into(), 1);
        let edits = vec![
            change(Some((0, 10, 0, 11)), "yy"),
            change(Some((0, 10, 0, 11)), "z"),
        ];
        assert!(source.change(2, edits, Encoding::Utf16).is_ok());
        // "x" became "yy", then the first "y" became "z": edits apply in order.
        assert_eq!(source.text, "@theme T: zy\n");
        // A repeat of an applied version, or an older one, is ignored.
        for stale in [2, 1] {
            let refused = source.change(stale, vec![change(None, "gone")], Encoding::Utf16);
            assert_eq!(refused.unwrap_err().current, 2);
        }
        assert_eq!(source.text, "@theme T: zy\n");
        let around = Surroundings {
            path: None,
            sources: &crate::files::FileSystem,
            neighbours: &[],
            pass: 0,
        };
        let doc = Document::from_snapshot(
            &mut source.snapshot(),
            None,
            &registry,
            &options,
            &around,
            &|| false,
        )
        .unwrap();
        assert_eq!(doc.version, 2);
        assert_eq!(
            doc.parsed.document.themes[0].title.as_ref().unwrap().value,
            "zy"
        );
    }

    #[test]
    fn positions_convert_in_both_encodings_and_clamp() {
        let registry = Registry::bundled();
        let doc = Document::open("a£😀b\nx".into(), 1, &registry, &Options::default());
        let p = |line, character| Position { line, character };
        assert_eq!(doc.offset(p(0, 4), Encoding::Utf16), "a£😀".len());
        assert_eq!(doc.offset(p(0, 7), Encoding::Utf8), "a£😀".len());
        assert_eq!(
            doc.offset(p(0, 2), Encoding::Utf8),
            1,
            "inside £ moves back to its start"
        );
        assert_eq!(doc.offset(p(0, 99), Encoding::Utf16), "a£😀b".len());
        assert_eq!(doc.offset(p(9, 0), Encoding::Utf16), doc.text.len());
    }
}
