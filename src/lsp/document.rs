//! An open document: its text, its tree (kept up to date with incremental edits), its
//! typed model and its findings, and the conversions between LSP positions and byte
//! offsets.

use tower_lsp::lsp_types::{Position, Range, TextDocumentContentChangeEvent};
use tree_sitter::{InputEdit, Point, Tree};

use crate::analysis::Index;
use crate::ast::{self, Parsed};
use crate::diagnostics::Diagnostic;
use crate::rules::{self, Options, Registry};
use crate::syntax;
use crate::text::{LineIndex, Span};

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
    pub lines: LineIndex,
    tree: Tree,
    /// The typed model and syntax diagnostics.
    pub parsed: Parsed,
    /// Names and references.
    pub index: Index,
    /// Syntax and rule findings, sorted.
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// Opens a document.
    pub fn open(text: String, version: i32, registry: &Registry, options: &Options) -> Self {
        let tree = syntax::parse_tree(&text, None);
        let mut doc = Self {
            lines: LineIndex::new(&text),
            parsed: ast::lower(&text, &tree),
            text,
            version,
            tree,
            index: Index::default(),
            diagnostics: Vec::new(),
        };
        doc.analyse(registry, options);
        doc
    }

    /// Re-runs lowering's followers: the index and the rules.
    pub fn analyse(&mut self, registry: &Registry, options: &Options) {
        self.index = Index::build(&self.parsed.document);
        let mut all = self.parsed.diagnostics.clone();
        all.extend(rules::check(&self.parsed.document, registry, options));
        crate::diagnostics::sort(&mut all);
        self.diagnostics = all;
    }

    /// Applies the changes of `version` in order. The server handles messages one at
    /// a time, in the order they arrive (see `lsp::run`), so changes reach this in the
    /// client's order; a version not newer than the current one is a repeat or a stale
    /// message and is ignored. Returns whether the text changed.
    pub fn change(
        &mut self,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: Encoding,
        registry: &Registry,
        options: &Options,
    ) -> bool {
        if version <= self.version {
            return false;
        }
        for change in changes {
            self.apply(change, encoding);
        }
        self.version = version;
        self.parsed = ast::lower(&self.text, &self.tree);
        self.analyse(registry, options);
        true
    }

    /// Applies one change to the text and the tree.
    fn apply(&mut self, change: TextDocumentContentChangeEvent, encoding: Encoding) {
        let Some(range) = change.range else {
            self.text = change.text;
            self.lines = LineIndex::new(&self.text);
            self.tree = syntax::parse_tree(&self.text, None);
            return;
        };
        let start = self.offset(range.start, encoding);
        let end = self.offset(range.end, encoding).max(start);
        let start_point = self.point(start);
        let old_end_point = self.point(end);
        self.text.replace_range(start..end, &change.text);
        self.lines = LineIndex::new(&self.text);
        let new_end = start + change.text.len();
        let edit = InputEdit {
            start_byte: start,
            old_end_byte: end,
            new_end_byte: new_end,
            start_position: start_point,
            old_end_position: old_end_point,
            new_end_position: self.point(new_end),
        };
        self.tree.edit(&edit);
        self.tree = syntax::parse_tree(&self.text, Some(&self.tree));
    }

    fn point(&self, offset: usize) -> Point {
        let line = self.lines.line_of(offset);
        Point {
            row: line,
            column: offset - self.lines.line_start(line).unwrap_or(0),
        }
    }

    /// The byte offset of an LSP position, clamped to the document (a position past the
    /// end of a line means its end; past the last line, the end of the text).
    pub fn offset(&self, position: Position, encoding: Encoding) -> usize {
        let line = position.line as usize;
        let Some(start) = self.lines.line_start(line) else {
            return self.text.len();
        };
        match encoding {
            Encoding::Utf16 => {
                self.lines
                    .offset_utf16(&self.text, line, position.character as usize)
            }
            Encoding::Utf8 => {
                let end = self.lines.line_start(line + 1).unwrap_or(self.text.len());
                let line_text = &self.text[start..end];
                let content = line_text.trim_end_matches(['\n', '\r']).len();
                let mut offset = start + (position.character as usize).min(content);
                while !self.text.is_char_boundary(offset) {
                    offset -= 1;
                }
                offset
            }
        }
    }

    /// The LSP range of a span.
    pub fn range(&self, span: Span, encoding: Encoding) -> Range {
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

    /// The span of bytes `start..end`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        self.lines.span(&self.text, start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let mut doc = Document::open("@theme T: x\n".into(), 1, &registry, &options);
        let edits = vec![
            change(Some((0, 10, 0, 11)), "yy"),
            change(Some((0, 10, 0, 11)), "z"),
        ];
        assert!(doc.change(2, edits, Encoding::Utf16, &registry, &options));
        // "x" became "yy", then the first "y" became "z": edits apply in order.
        assert_eq!(doc.text, "@theme T: zy\n");
        assert_eq!(
            doc.parsed.document.themes[0].title.as_ref().unwrap().value,
            "zy"
        );
        // A repeat of an applied version, or an older one, is ignored.
        assert!(!doc.change(
            2,
            vec![change(None, "gone")],
            Encoding::Utf16,
            &registry,
            &options
        ));
        assert!(!doc.change(
            1,
            vec![change(None, "gone")],
            Encoding::Utf16,
            &registry,
            &options
        ));
        assert_eq!(doc.text, "@theme T: zy\n");
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
