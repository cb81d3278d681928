//! Positions in source text: byte offsets turned into lines and columns.
//!
//! Editors count columns in UTF-16 code units (the LSP default) or in UTF-8 bytes;
//! people count lines from 1. We keep byte offsets as the one true position and
//! derive the rest here, so every part of csa agrees on where a thing is.

use serde::Serialize;

/// A point in a document. Lines and columns count from 0.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize, Default,
)]
pub struct Position {
    /// Byte offset from the start of the document.
    pub offset: usize,
    /// Line number, from 0.
    pub line: u32,
    /// Column in UTF-8 bytes, from 0.
    pub column: u32,
    /// Column in UTF-16 code units, from 0.
    pub column_utf16: u32,
}

/// A range of a document, from `start` (inclusive) to `end` (exclusive).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize, Default,
)]
pub struct Span {
    /// Where the range starts.
    pub start: Position,
    /// Where the range ends (exclusive).
    pub end: Position,
}

impl Span {
    /// The byte range of this span.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start.offset..self.end.offset
    }

    /// Whether the byte `offset` lies within this span (the end counts as inside, as a
    /// cursor placed just after a word is still "on" it).
    pub fn contains(&self, offset: usize) -> bool {
        self.start.offset <= offset && offset <= self.end.offset
    }
}

/// Maps byte offsets of one text to lines and columns.
///
/// Every question it answers takes time logarithmic in the text, so turning all of a
/// document's spans into positions stays linear however long its lines are.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset at which each line starts.
    line_starts: Vec<usize>,
    /// Byte offset of each character outside ASCII, in order, with how many more
    /// UTF-8 bytes than UTF-16 units the text holds up to and including it.
    wide: Vec<(usize, u32)>,
    text_len: usize,
}

/// Whether `bytes` has a line break (`\n`, `\r\n` or a lone `\r`) starting at byte `i`,
/// and if so where the next line starts.
pub fn break_at(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes[i] {
        b'\n' => Some(i + 1),
        b'\r' if bytes.get(i + 1) == Some(&b'\n') => Some(i + 2),
        b'\r' => Some(i + 1),
        _ => None,
    }
}

impl LineIndex {
    /// Indexes `text`. Lines end at `\n`, `\r\n` or a lone `\r`, as the grammar reads them.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut wide = Vec::new();
        let mut surplus = 0u32;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if let Some(next) = break_at(bytes, i) {
                    line_starts.push(next);
                    i = next;
                } else {
                    i += 1;
                }
                continue;
            }
            // The first byte of a character outside ASCII: 2, 3 or 4 bytes, which are
            // 1, 1 or 2 UTF-16 units.
            let len = match b {
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
            surplus += if len == 4 { 2 } else { len as u32 - 1 };
            wide.push((i, surplus));
            i += len;
        }
        Self {
            line_starts,
            wide,
            text_len: text.len(),
        }
    }

    /// How many more UTF-8 bytes than UTF-16 units the text holds before `offset`.
    fn surplus_before(&self, offset: usize) -> u32 {
        match self.wide.partition_point(|(at, _)| *at < offset) {
            0 => 0,
            n => self.wide[n - 1].1,
        }
    }

    /// Number of lines (a text ending in a line break has an empty last line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte offset where line `line` (from 0) starts, if there is such a line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line).copied()
    }

    /// The line (from 0) holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// The full position of byte `offset` in `text` (the text this index was built from).
    /// An offset inside a multi-byte character is moved back to the character's start.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(self.text_len);
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        let column = offset - start;
        let surplus = self.surplus_before(offset) - self.surplus_before(start);
        Position {
            offset,
            line: line as u32,
            column: column as u32,
            column_utf16: column as u32 - surplus,
        }
    }

    /// The span covering bytes `start..end` of `text`.
    pub fn span(&self, text: &str, start: usize, end: usize) -> Span {
        Span {
            start: self.position(text, start),
            end: self.position(text, end.max(start)),
        }
    }

    /// The byte offset of a line and UTF-16 column, clamped to the line's end.
    pub fn offset_utf16(&self, text: &str, line: usize, column_utf16: usize) -> usize {
        let Some(start) = self.line_start(line) else {
            return self.text_len;
        };
        let end = self.line_start(line + 1).unwrap_or(self.text_len);
        let mut units = 0;
        for (i, ch) in text[start..end].char_indices() {
            if units >= column_utf16 || ch == '\n' || ch == '\r' {
                return start + i;
            }
            units += ch.len_utf16();
        }
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_bytes_and_utf16_units() {
        let text = "£5 – “quoted” ’\nsecond 😀 x";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        let pos = index.position(text, x);
        assert_eq!(pos.line, 1);
        // "second " is 7 bytes, the emoji is 4 bytes and 2 UTF-16 units, then a space.
        assert_eq!(pos.column, 7 + 4 + 1);
        assert_eq!(pos.column_utf16, 7 + 2 + 1);

        let quote = text.find('’').unwrap();
        let pos = index.position(text, quote);
        assert_eq!(pos.line, 0);
        assert_eq!(pos.column as usize, quote);
        // £ 5 space – space “ q u o t e d ” space: 14 UTF-16 units.
        assert_eq!(pos.column_utf16, 14);
    }

    #[test]
    fn lone_cr_is_a_line_break_like_lf_and_crlf() {
        let text = "a\rb\r\nc\nd";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.position(text, text.find('b').unwrap()).line, 1);
        assert_eq!(index.position(text, text.find('c').unwrap()).line, 2);
        assert_eq!(index.position(text, text.find('d').unwrap()).line, 3);
        assert_eq!(index.offset_utf16(text, 0, 9), 1, "the line ends at its CR");
    }

    #[test]
    fn utf16_columns_agree_with_counting_the_prefix() {
        let text = "£😀a\r“x”\n😀😀 – b\r\nc";
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices() {
            let pos = index.position(text, offset);
            let start = index.line_start(pos.line as usize).unwrap();
            assert_eq!(
                pos.column_utf16 as usize,
                text[start..offset].encode_utf16().count()
            );
        }
    }

    #[test]
    fn offsets_inside_a_character_move_to_its_start() {
        let text = "a£b";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 2).offset, 1);
    }

    #[test]
    fn utf16_columns_map_back_to_offsets() {
        let text = "one\n😀£x\r\nlast";
        let index = LineIndex::new(text);
        assert_eq!(index.offset_utf16(text, 1, 2), text.find('£').unwrap());
        assert_eq!(index.offset_utf16(text, 1, 99), text.find('\r').unwrap());
        assert_eq!(index.offset_utf16(text, 9, 0), text.len());
    }
}
