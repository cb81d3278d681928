//! Positions in source text: byte offsets turned into lines and columns.
//!
//! Editors count columns in UTF-16 code units (the LSP default) or in UTF-8 bytes;
//! people count lines from 1. We keep byte offsets as the one true position and
//! derive the rest here, so every part of csa agrees on where a thing is.

pub mod matching;

use std::sync::atomic::{AtomicUsize, Ordering};

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
/// Every question it answers takes time logarithmic in the distance from the last
/// question's answer (and never more than logarithmic in the text), so turning all of
/// a document's spans into positions, as lowering and the renderers do in document
/// order, costs a few steps a span however long the text or its lines are.
#[derive(Debug)]
pub struct LineIndex {
    /// Byte offset at which each line starts.
    line_starts: Vec<usize>,
    /// Byte offset of each character outside ASCII, in order, with how many more
    /// UTF-8 bytes than UTF-16 units the text holds up to and including it.
    wide: Vec<(usize, u32)>,
    /// For each line, how many more UTF-8 bytes than UTF-16 units precede its start.
    line_surplus: Vec<u32>,
    text_len: usize,
    /// Where the last answers were found in `line_starts` and `wide`: the next
    /// search starts there. Atomic only so the index can be shared between threads;
    /// a stale hint costs a few steps, never a wrong answer.
    line_hint: AtomicUsize,
    wide_hint: AtomicUsize,
}

impl Clone for LineIndex {
    fn clone(&self) -> Self {
        Self {
            line_starts: self.line_starts.clone(),
            wide: self.wide.clone(),
            line_surplus: self.line_surplus.clone(),
            text_len: self.text_len,
            line_hint: AtomicUsize::new(0),
            wide_hint: AtomicUsize::new(0),
        }
    }
}

/// How many leading elements of `sorted` satisfy `before` (which must hold for a
/// prefix of it and then never), searched outward from `hint`: doubling steps find a
/// bracket, then a binary search inside it, so an answer `d` places from the hint
/// takes about `2 log d` steps.
fn partition_near<T>(sorted: &[T], hint: usize, before: impl Fn(&T) -> bool) -> usize {
    let n = sorted.len();
    let hint = hint.min(n);
    let (lo, hi) = if hint < n && before(&sorted[hint]) {
        // The answer lies after the hint.
        let (mut lo, mut step) = (hint + 1, 1);
        loop {
            let probe = hint + step;
            if probe >= n {
                break (lo, n);
            }
            if !before(&sorted[probe]) {
                break (lo, probe);
            }
            lo = probe + 1;
            step *= 2;
        }
    } else {
        // The answer is the hint or before it.
        let (mut hi, mut step) = (hint, 1);
        loop {
            if step > hint {
                break (0, hi);
            }
            let probe = hint - step;
            if before(&sorted[probe]) {
                break (probe + 1, hi);
            }
            hi = probe;
            step *= 2;
        }
    };
    lo + sorted[lo..hi].partition_point(before)
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
        let mut line_surplus = vec![0];
        let mut wide = Vec::new();
        let mut surplus = 0u32;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if let Some(next) = break_at(bytes, i) {
                    line_starts.push(next);
                    line_surplus.push(surplus);
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
            line_surplus,
            text_len: text.len(),
            line_hint: AtomicUsize::new(0),
            wide_hint: AtomicUsize::new(0),
        }
    }

    /// How many more UTF-8 bytes than UTF-16 units the text holds before `offset`.
    fn surplus_before(&self, offset: usize) -> u32 {
        let hint = self.wide_hint.load(Ordering::Relaxed);
        let n = partition_near(&self.wide, hint, |(at, _)| *at < offset);
        self.wide_hint.store(n, Ordering::Relaxed);
        match n {
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
        let hint = self.line_hint.load(Ordering::Relaxed);
        // `line_starts[0]` is 0, so at least one start is at or before any offset.
        let line = partition_near(&self.line_starts, hint, |start| *start <= offset) - 1;
        self.line_hint.store(line, Ordering::Relaxed);
        line
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
        let surplus = self.surplus_before(offset) - self.line_surplus[line];
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
    fn searching_near_a_hint_finds_what_a_whole_search_finds() {
        let sorted: Vec<usize> = (0..300).map(|i| i * 3 + (i % 7)).collect();
        for hint in [0, 1, 2, 3, 5, 64, 150, 298, 299, 300, 301, 1000] {
            for value in (0..1000).step_by(7) {
                let before = |x: &usize| *x < value;
                assert_eq!(
                    partition_near(&sorted, hint, before),
                    sorted.partition_point(before),
                    "hint {hint}, value {value}"
                );
            }
        }
        assert_eq!(partition_near::<usize>(&[], 4, |_| true), 0);
    }

    #[test]
    fn positions_asked_in_any_order_agree() {
        let text = "a£\nb😀c\r\nd“e”\rf\n\n g";
        let index = LineIndex::new(text);
        let offsets: Vec<usize> = (0..=text.len())
            .filter(|o| text.is_char_boundary(*o))
            .collect();
        let forward: Vec<Position> = offsets.iter().map(|o| index.position(text, *o)).collect();
        let backward: Vec<Position> = offsets
            .iter()
            .rev()
            .map(|o| LineIndex::new(text).position(text, *o))
            .collect();
        let mut shuffled = offsets.clone();
        shuffled.reverse();
        shuffled.rotate_left(5);
        for o in shuffled {
            let at = offsets.iter().position(|x| *x == o).unwrap();
            assert_eq!(index.position(text, o), forward[at]);
        }
        assert_eq!(forward.iter().rev().cloned().collect::<Vec<_>>(), backward);
    }

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
