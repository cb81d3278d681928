//! From text to a concrete syntax tree (tree-sitter), and from that tree to the raw,
//! line-shaped model that the lowering types.
//!
//! The grammar knows only the four kinds of line and the shape of a block entry. This
//! module keeps that shape, with byte ranges and indentation, and turns the few
//! things tree-sitter cannot read at all (ERROR and MISSING nodes) into plain-English
//! diagnostics. Everything else about meaning is the lowering's job.

pub mod highlight;

use std::ops::Range;

use tree_sitter::{Node, Parser, Tree};
use tree_sitter_language::LanguageFn;

use crate::diagnostics::{syntax, Diagnostic, Severity};
use crate::text::LineIndex;

extern "C" {
    fn tree_sitter_csa() -> *const ();
}

/// The tree-sitter language of `.csa` documents.
pub const LANGUAGE: LanguageFn = unsafe { LanguageFn::from_raw(tree_sitter_csa) };

/// Parses `text`, reusing `old` (already edited with `Tree::edit`) when given.
pub fn parse_tree(text: &str, old: Option<&Tree>) -> Tree {
    let mut parser = Parser::new();
    parser
        .set_language(&LANGUAGE.into())
        .expect("the bundled grammar matches the tree-sitter library");
    parser
        .parse(text, old)
        .expect("parsing without a timeout or cancellation flag always yields a tree")
}

/// A piece of source text and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The text, exactly as written (quotes removed for quoted ids).
    pub text: String,
    /// Its byte range.
    pub range: Range<usize>,
}

/// An id as written: bare (`DA`) or quoted (`"Road Safety"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawId {
    /// The id without quotes.
    pub token: Token,
    /// Whether it was written in quotes.
    pub quoted: bool,
}

/// One indented line of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawEntry {
    /// What the line holds.
    pub kind: RawEntryKind,
    /// Byte range of the line's content (without indentation or line break).
    pub range: Range<usize>,
    /// Indentation width: a space counts 1, a tab 2.
    pub indent: usize,
}

/// What an indented line of a block holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawEntryKind {
    /// `name id: value`, where id and value are optional; `unexpected` holds what
    /// stood where the colon should have been.
    Field {
        /// The field name.
        name: Token,
        /// The item id, if any.
        id: Option<RawId>,
        /// The value, if any.
        value: Option<Token>,
        /// Text found instead of a colon.
        unexpected: Option<Token>,
        /// Whether the colon is there.
        has_colon: bool,
    },
    /// `- text`.
    ListItem {
        /// The item's text, if any.
        value: Option<Token>,
    },
    /// `// text`.
    Comment(Token),
    /// A line that is none of the above.
    Unexpected(Token),
}

/// A block: its header line and its indented lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawBlock {
    /// The keyword after `@` (absent when missing).
    pub keyword: Option<Token>,
    /// The id after the keyword.
    pub id: Option<RawId>,
    /// Whether the header has a colon.
    pub has_colon: bool,
    /// The title after the colon.
    pub title: Option<Token>,
    /// Text found where the colon or title should have been.
    pub unexpected: Option<Token>,
    /// Byte range of the header line's content.
    pub header: Range<usize>,
    /// The indented lines, in order.
    pub entries: Vec<RawEntry>,
}

/// What a top-level stretch of lines is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawItemKind {
    /// A block and its lines.
    Block(Box<RawBlock>),
    /// A `#` heading.
    Heading,
    /// A line of prose.
    Prose,
    /// A `//` comment.
    Comment,
    /// An empty (or whitespace-only) line.
    Blank,
    /// Text that could not be read.
    Error,
}

/// A top-level item: one or more whole lines of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawItem {
    /// What it is.
    pub kind: RawItemKind,
    /// Its whole lines, including indentation and the final line break. The ranges of
    /// all items, in order, cover the document exactly once.
    pub range: Range<usize>,
    /// The range of its content (without surrounding whitespace or line break).
    pub content: Range<usize>,
}

/// The raw model of a document, and the syntax errors tree-sitter could not place.
#[derive(Debug, Clone)]
pub struct RawDocument {
    /// The top-level items, in order.
    pub items: Vec<RawItem>,
    /// Diagnostics for ERROR and MISSING nodes.
    pub diagnostics: Vec<Diagnostic>,
}

/// How much text one tree holds when a document is parsed piece by piece
/// ([`read_text`]): small enough that the tree of each piece stays in the processor's
/// cache while it is read, large enough that a real agreement (Kent's are under 60 KB)
/// is one piece.
const PIECE: usize = 64 * 1024;

/// Parses and reads `text` into the raw model, a piece of about [`PIECE`] bytes at a
/// time, each piece's tree freed before the next is parsed. The pieces are cut just
/// before a line that starts in the first column with something other than a space
/// or a line break: there the whole text's parse is between two top-level items
/// (no block continues past a line that is not indented), so each piece parses as it
/// would inside the whole. Time and memory stay in proportion to the text, however
/// long it is; a text shorter than a piece, or with a syntax error, is parsed whole.
pub fn read_text(text: &str, index: &LineIndex) -> RawDocument {
    read_in_pieces(text, index, PIECE)
}

/// [`read_text`] with pieces of about `piece` bytes.
fn read_in_pieces(text: &str, index: &LineIndex, piece: usize) -> RawDocument {
    let mut parser = Parser::new();
    parser
        .set_language(&LANGUAGE.into())
        .expect("the bundled grammar matches the tree-sitter library");
    let mut out = RawDocument {
        items: Vec::new(),
        diagnostics: Vec::new(),
    };
    let (mut start, mut start_row) = (0, 0);
    loop {
        let (end, rows) = piece_end(text.as_bytes(), start, piece);
        if start > 0 || end < text.len() {
            let range = tree_sitter::Range {
                start_byte: start,
                end_byte: end,
                start_point: tree_sitter::Point {
                    row: start_row,
                    column: 0,
                },
                end_point: tree_sitter::Point {
                    row: start_row + rows,
                    column: 0,
                },
            };
            parser
                .set_included_ranges(&[range])
                .expect("piece ranges are in order and within the text");
        }
        let tree = parser
            .parse(text, None)
            .expect("parsing without a timeout or cancellation flag always yields a tree");
        if tree.root_node().has_error() && (start > 0 || end < text.len()) {
            // Tree-sitter's recovery from a mistake may read on past a line break
            // (`P1` on one line and its `: Title` on the next), and so past the end of
            // a piece: a text with mistakes is parsed whole, as the editor parses it.
            drop(tree);
            return read(text, &parse_tree(text, None), index);
        }
        let read = read_range(text, &tree, index, start..end);
        out.items.extend(read.items);
        out.diagnostics.extend(read.diagnostics);
        if end >= text.len() {
            return out;
        }
        (start, start_row) = (end, start_row + rows);
    }
}

/// Where the piece starting at `start` ends, and how many `\n` it holds (tree-sitter
/// counts rows at `\n` only): the first line at or after `start + piece` that starts
/// with something other than a space, a tab or a line break, else the end.
fn piece_end(bytes: &[u8], start: usize, piece: usize) -> (usize, usize) {
    let rows = |end: usize| bytes[start..end].iter().filter(|b| **b == b'\n').count();
    let mut at = start + piece.max(1);
    while at < bytes.len() {
        let after_break = matches!(bytes[at - 1], b'\n' | b'\r');
        if after_break && !matches!(bytes[at], b' ' | b'\t' | b'\r' | b'\n') {
            return (at, rows(at));
        }
        at += 1;
    }
    (bytes.len(), rows(bytes.len()))
}

/// Reads the tree of `text` into the raw model.
pub fn read(text: &str, tree: &Tree, index: &LineIndex) -> RawDocument {
    read_range(text, tree, index, 0..text.len())
}

/// Reads the tree of the part `range` of `text` (a tree parsed from that range only,
/// or from the whole text) into the raw model of that part.
fn read_range(text: &str, tree: &Tree, index: &LineIndex, range: Range<usize>) -> RawDocument {
    let root = tree.root_node();
    let mut items = Vec::new();
    let mut diagnostics = Vec::new();
    let mut cursor = range.start;
    let children: Vec<Node> = {
        let mut walk = root.walk();
        root.children(&mut walk).collect()
    };
    for (i, node) in children.iter().enumerate() {
        let content = node.start_byte()..node.end_byte();
        let line_start = index
            .line_start(index.line_of(content.start))
            .unwrap_or(content.start);
        let start = line_start.max(cursor);
        // A node that ends with its line break (a block swallowing blank lines does
        // not, but be safe) already ends its line.
        let ends_line = content.end > content.start
            && crate::text::break_at(text.as_bytes(), content.end - 1) == Some(content.end);
        let mut end = if ends_line {
            content.end
        } else {
            line_end(text, content.end)
        };
        if let Some(next) = children.get(i + 1) {
            end = end.min(next.start_byte().max(start));
        }
        let end = end.min(range.end);
        push_blanks(text, cursor..start, &mut items);
        let kind = match node.kind() {
            "block" => RawItemKind::Block(Box::new(read_block(text, *node, index))),
            "heading" => RawItemKind::Heading,
            "prose" => RawItemKind::Prose,
            "comment" => RawItemKind::Comment,
            _ => RawItemKind::Error,
        };
        items.push(RawItem {
            kind,
            range: start..end,
            content,
        });
        cursor = end;
    }
    push_blanks(text, cursor..range.end, &mut items);
    collect_errors(text, root, index, &mut diagnostics);
    RawDocument { items, diagnostics }
}

/// The offset just after the line break that ends the line holding `offset` (or the
/// end of the text).
fn line_end(text: &str, offset: usize) -> usize {
    let bytes = text.as_bytes();
    bytes[offset..]
        .iter()
        .position(|b| *b == b'\n' || *b == b'\r')
        .and_then(|i| crate::text::break_at(bytes, offset + i))
        .unwrap_or(text.len())
}

/// Splits a stretch of blank lines into one item per line.
fn push_blanks(text: &str, range: Range<usize>, items: &mut Vec<RawItem>) {
    let mut start = range.start;
    while start < range.end {
        let end = line_end(text, start).min(range.end);
        let kind = if text[start..end].trim().is_empty() {
            RawItemKind::Blank
        } else {
            RawItemKind::Error
        };
        items.push(RawItem {
            kind,
            range: start..end,
            content: start..end,
        });
        start = end;
    }
}

fn token(text: &str, node: Node) -> Token {
    Token {
        text: text[node.byte_range()].to_string(),
        range: node.byte_range(),
    }
}

fn raw_id(text: &str, node: Node) -> RawId {
    let quoted = node.kind() == "quoted_id";
    let mut range = node.byte_range();
    if quoted && range.len() >= 2 {
        range = range.start + 1..range.end - 1;
    }
    RawId {
        token: Token {
            text: text[range.clone()].to_string(),
            range,
        },
        quoted,
    }
}

fn present(node: Option<Node>) -> Option<Node> {
    node.filter(|n| !n.is_missing() && !n.byte_range().is_empty())
}

/// The parts of a block header or an entry, read in one pass over its children
/// (looking each up by field would walk the children once per field).
#[derive(Default)]
struct Parts<'t> {
    keyword: Option<Node<'t>>,
    name: Option<Node<'t>>,
    id: Option<Node<'t>>,
    value: Option<Node<'t>>,
    unexpected: Option<Node<'t>>,
    has_colon: bool,
}

fn parts(node: Node<'_>) -> Parts<'_> {
    let mut parts = Parts::default();
    let mut cursor = node.walk();
    if !cursor.goto_first_child() {
        return parts;
    }
    // Each child's role follows from its kind: a header's or an entry's grammar has
    // one node of each kind, so no field lookups are needed.
    loop {
        let child = cursor.node();
        match child.kind() {
            ":" => parts.has_colon |= !child.is_missing(),
            "unexpected" => parts.unexpected = Some(child),
            "keyword" => parts.keyword = present(Some(child)),
            "name" => parts.name = Some(child),
            "id" | "quoted_id" => parts.id = present(Some(child)),
            "text" => parts.value = present(Some(child)),
            _ => {}
        }
        if !cursor.goto_next_sibling() {
            return parts;
        }
    }
}

fn read_block(text: &str, node: Node, index: &LineIndex) -> RawBlock {
    let mut header_node = node;
    let mut entries = Vec::new();
    let mut cursor = node.walk();
    let mut more = cursor.goto_first_child();
    while more {
        let child = cursor.node();
        let kind = match child.kind() {
            "block_header" => {
                header_node = child;
                None
            }
            "entry" => {
                let p = parts(child);
                Some(RawEntryKind::Field {
                    name: token(text, p.name.unwrap_or(child)),
                    id: p.id.map(|n| raw_id(text, n)),
                    value: p.value.map(|n| token(text, n)),
                    unexpected: p.unexpected.map(|n| token(text, n)),
                    has_colon: p.has_colon,
                })
            }
            "list_item" => Some(RawEntryKind::ListItem {
                value: parts(child).value.map(|n| token(text, n)),
            }),
            "comment" => Some(RawEntryKind::Comment(token(text, child))),
            "unexpected" => Some(RawEntryKind::Unexpected(token(text, child))),
            _ => None,
        };
        if let Some(kind) = kind {
            let start = child.start_byte();
            let line_start = index.line_start(index.line_of(start)).unwrap_or(0);
            let indent = text[line_start..start]
                .bytes()
                .map(|c| if c == b'\t' { 2 } else { 1 })
                .sum();
            entries.push(RawEntry {
                kind,
                range: child.byte_range(),
                indent,
            });
        }
        more = cursor.goto_next_sibling();
    }
    let header = parts(header_node);
    RawBlock {
        keyword: header.keyword.map(|n| token(text, n)),
        id: header.id.map(|n| raw_id(text, n)),
        has_colon: header.has_colon,
        title: header.value.map(|n| token(text, n)),
        unexpected: header.unexpected.map(|n| token(text, n)),
        header: header_node.byte_range(),
        entries,
    }
}

/// Turns ERROR and MISSING nodes into diagnostics, at most one per line.
fn collect_errors(text: &str, root: Node, index: &LineIndex, out: &mut Vec<Diagnostic>) {
    if !root.has_error() {
        return;
    }
    let mut lines_reported = std::collections::HashSet::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        // A missing colon in a header or entry is reported by the lowering, which
        // knows what the line is and can say what to write.
        let colon_in_line = node.is_missing()
            && node.kind() == ":"
            && node
                .parent()
                .is_some_and(|p| matches!(p.kind(), "entry" | "block_header"));
        if colon_in_line {
            continue;
        }
        if node.is_error() || node.is_missing() {
            let line = index.line_of(node.start_byte());
            if lines_reported.insert(line) {
                out.push(error_for(text, node, index));
            }
            continue;
        }
        if node.has_error() {
            let mut walk = node.walk();
            stack.extend(node.children(&mut walk));
        }
    }
}

fn error_for(text: &str, node: Node, index: &LineIndex) -> Diagnostic {
    let (code, name) = syntax::SYNTAX_ERROR;
    let mut range = node.byte_range();
    let snippet = text[range.clone()].trim_end();
    let (message, help) = if node.is_missing() {
        match node.kind() {
            "keyword" => (
                "expected the kind of block after `@`".to_string(),
                "write a block keyword such as `@priority` or `@theme` straight after the `@`",
            ),
            other => (
                format!("expected {} here", describe_kind(other)),
                "see docs/format.md for how this line is written",
            ),
        }
    } else if snippet.contains('\r') {
        (
            "this line has a carriage return (CR) that does not end the line".to_string(),
            "save the file with Windows (CR LF) or Unix (LF) line endings",
        )
    } else if snippet.contains('\0') {
        (
            "this line has a NUL character, which text files do not contain".to_string(),
            "the file may not be plain text; copy its text into a new file",
        )
    } else if snippet.starts_with('@') {
        (
            "expected the kind of block after `@`".to_string(),
            "write a block keyword such as `@priority` straight after the `@`; to start a line of prose with `@`, write `\\@`",
        )
    } else {
        (
            format!("this could not be read: `{}`", shorten(snippet)),
            "see docs/format.md for the four kinds of line",
        )
    };
    if range.is_empty() {
        range.end = (range.start + 1).min(text.len());
    }
    let range_end = range.end.min(line_end(text, range.start));
    Diagnostic::new(
        code,
        name,
        Severity::Error,
        index.span(text, range.start, range_end.max(range.start)),
        message,
    )
    .with_help(help)
}

fn describe_kind(kind: &str) -> String {
    match kind {
        ":" => "`:`".to_string(),
        "name" => "a field name".to_string(),
        "id" => "an id".to_string(),
        other => format!("`{other}`"),
    }
}

/// The first 40 characters of `s`, with an ellipsis when cut.
pub fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str) -> RawDocument {
        let tree = parse_tree(text, None);
        read(text, &tree, &LineIndex::new(text))
    }

    #[test]
    fn items_cover_every_byte_once() {
        let text = "# Title\n\n\n  indented prose\n@priority DA: x\n  lead: y\n\n  // c\nend";
        let doc = raw(text);
        let mut cursor = 0;
        for item in &doc.items {
            assert_eq!(item.range.start, cursor, "{:?}", doc.items);
            cursor = item.range.end;
        }
        assert_eq!(cursor, text.len());
    }

    #[test]
    fn block_entries_keep_their_indentation() {
        let doc = raw("@plan P: x\n  objective P1: y\n    group: z\n\t- tab\n");
        let RawItemKind::Block(block) = &doc.items[0].kind else {
            panic!("expected a block, got {:?}", doc.items[0]);
        };
        let indents: Vec<usize> = block.entries.iter().map(|e| e.indent).collect();
        assert_eq!(indents, vec![2, 4, 2]);
    }

    #[test]
    fn lone_cr_is_a_line_break_between_items() {
        let text = "prose\nfirst\rsecond\nmore prose\n";
        let doc = raw(text);
        assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
        let lines: Vec<&str> = doc.items.iter().map(|i| &text[i.range.clone()]).collect();
        assert_eq!(lines, ["prose\n", "first\r", "second\n", "more prose\n"]);
    }

    /// Every example and rule fixture, cut into small pieces (so a real agreement
    /// makes dozens), reads to the same raw model as the whole text parsed at once:
    /// with its own line breaks, with CR LF, and with lone CRs.
    #[test]
    fn reading_in_pieces_gives_the_same_model_as_reading_whole() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = Vec::new();
        for dir in [
            "examples",
            "tests/fixtures/rules",
            "tests/fixtures/robustness",
            "tests/fixtures/workspace/clean",
        ] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "csa") {
                    texts.push(std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        assert!(texts.len() > 10, "the examples and fixtures are found");
        for text in texts {
            for text in [
                text.clone(),
                text.replace('\n', "\r\n"),
                text.replace('\n', "\r"),
            ] {
                let index = LineIndex::new(&text);
                let whole = read(&text, &parse_tree(&text, None), &index);
                for piece in [1, 97, 4096] {
                    let cut = read_in_pieces(&text, &index, piece);
                    assert_eq!(cut.items, whole.items, "pieces of {piece} bytes");
                    assert_eq!(
                        cut.diagnostics, whole.diagnostics,
                        "pieces of {piece} bytes"
                    );
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

        /// Any text made of the grammar's pieces of line, right or wrong, reads to the
        /// same raw model in pieces as whole.
        #[test]
        fn any_text_reads_the_same_in_pieces(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "@", "@priority", " P1", ": Title", "#", "# Heading", "//", "// csa-ignore CSA201",
                    "  ", "\t", "lead: x", "- item", "\"quoted\"", "\n", "\n", "\n", "\r\n", "\r",
                    "prose", "£", "😀", "\0", ":", "x:y", "\\@",
                ]),
                0..120,
            ),
            piece in 1usize..40,
        ) {
            let text: String = parts.concat();
            let index = LineIndex::new(&text);
            let mut whole = read(&text, &parse_tree(&text, None), &index);
            let mut cut = read_in_pieces(&text, &index, piece);
            // Findings are sorted before anyone sees them; their order here is the
            // tree's.
            crate::diagnostics::sort(&mut whole.diagnostics);
            crate::diagnostics::sort(&mut cut.diagnostics);
            proptest::prop_assert_eq!(cut.items, whole.items);
            proptest::prop_assert_eq!(cut.diagnostics, whole.diagnostics);
        }
    }
}
