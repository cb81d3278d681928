//! The text the client has, ahead of the last analysis: edited in the client's order
//! as changes arrive, with the tree edits that lead from the analysed text to it, so
//! the next analysis re-uses the last one's tree.

use std::sync::Arc;

use tower_lsp_server::ls_types::TextDocumentContentChangeEvent;
use tree_sitter::{InputEdit, Point};

use super::document::{offset, Encoding};
use crate::text::LineIndex;

/// The text the client has, ahead of the last analysis: edited as changes arrive,
/// with the edits that lead from the analysed text to it.
pub struct Source {
    /// The text.
    pub text: String,
    /// The client's version of the text.
    pub version: i32,
    lines: Arc<LineIndex>,
    /// The edits since the analysed text (or since the last change that replaced the
    /// whole text, when `fresh`), in order.
    edits: Vec<InputEdit>,
    /// Whether the next analysis must parse afresh (the whole text was replaced).
    fresh: bool,
    /// How many times the whole text was replaced.
    resets: u64,
    /// The text of this version shared with the checks of other documents, made the
    /// first time one asks: one copy per version, however many documents read it.
    shared: Option<Arc<String>>,
}

/// A change whose version is not newer than the document's: a repeat or out of order.
#[derive(Debug)]
pub struct Stale {
    /// The version the change carried.
    pub version: i32,
    /// The document's version.
    pub current: i32,
}

/// What an analysis starts from: the text, and how to re-use the last analysis's tree.
pub struct Snapshot {
    /// The text.
    pub text: String,
    /// Its version.
    pub version: i32,
    /// Its line index.
    pub lines: Arc<LineIndex>,
    /// The edits from the analysed text to this one (`None`: parse afresh).
    pub edits: Option<Vec<InputEdit>>,
    taken: usize,
    resets: u64,
}

impl Source {
    /// A newly opened text.
    pub fn new(text: String, version: i32) -> Self {
        Self {
            lines: Arc::new(LineIndex::new(&text)),
            text,
            version,
            edits: Vec::new(),
            fresh: true,
            resets: 0,
            shared: None,
        }
    }

    /// The current text, shared.
    pub fn shared(&mut self) -> Arc<String> {
        self.shared
            .get_or_insert_with(|| Arc::new(self.text.clone()))
            .clone()
    }

    /// Applies the changes of `version` in order, or refuses a stale version.
    pub fn change(
        &mut self,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: Encoding,
    ) -> Result<(), Stale> {
        if version <= self.version {
            return Err(Stale {
                version,
                current: self.version,
            });
        }
        for change in changes {
            match apply(&mut self.text, &mut self.lines, change, encoding) {
                Some(edit) => self.edits.push(edit),
                None => {
                    self.edits.clear();
                    self.fresh = true;
                    self.resets += 1;
                }
            }
        }
        self.version = version;
        self.shared = None;
        Ok(())
    }

    /// What an analysis of the current text starts from.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            text: self.text.clone(),
            version: self.version,
            lines: self.lines.clone(),
            edits: (!self.fresh).then(|| self.edits.clone()),
            taken: self.edits.len(),
            resets: self.resets,
        }
    }

    /// Records that the analysis of `snapshot` is now the last one: the edits made
    /// since it was taken are kept, relative to it.
    pub fn analysed(&mut self, snapshot: &Snapshot) {
        if self.resets == snapshot.resets {
            self.edits.drain(..snapshot.taken.min(self.edits.len()));
            self.fresh = false;
        }
    }
}

/// Applies one change to a text and its line index; returns the tree edit it makes,
/// or `None` when it replaced the whole text.
pub(super) fn apply(
    text: &mut String,
    lines: &mut Arc<LineIndex>,
    change: TextDocumentContentChangeEvent,
    encoding: Encoding,
) -> Option<InputEdit> {
    let Some(range) = change.range else {
        *text = change.text;
        *lines = Arc::new(LineIndex::new(text));
        return None;
    };
    let start = offset(text, lines, range.start, encoding);
    let end = offset(text, lines, range.end, encoding).max(start);
    let start_point = point(text, start);
    let old_end_point = point(text, end);
    text.replace_range(start..end, &change.text);
    *lines = Arc::new(LineIndex::new(text));
    let new_end = start + change.text.len();
    Some(InputEdit {
        start_byte: start,
        old_end_byte: end,
        new_end_byte: new_end,
        start_position: start_point,
        old_end_position: old_end_point,
        new_end_position: point(text, new_end),
    })
}

/// The tree-sitter point of a byte offset: tree-sitter counts rows at `\n` only.
fn point(text: &str, offset: usize) -> Point {
    let before = &text.as_bytes()[..offset];
    let row = before.iter().filter(|b| **b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    Point {
        row,
        column: offset - line_start,
    }
}
