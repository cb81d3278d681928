//! Byte offsets (what the core speaks) to UTF-16 offsets (what JavaScript strings and
//! the editor speak). A plan written in Word is full of curly quotes and dashes, so
//! the two differ on most lines.

/// UTF-16 offsets of one text, by byte offset.
pub struct Utf16 {
    /// `at[b]` is the UTF-16 offset of byte `b` (for `b` on a character boundary), and
    /// `at[len]` the text's UTF-16 length.
    at: Vec<u32>,
}

impl Utf16 {
    /// The table for `text`.
    pub fn new(text: &str) -> Self {
        let mut at = vec![0u32; text.len() + 1];
        let mut units = 0u32;
        for (b, c) in text.char_indices() {
            for slot in &mut at[b..b + c.len_utf8()] {
                *slot = units;
            }
            units += c.len_utf16() as u32;
        }
        at[text.len()] = units;
        Self { at }
    }

    /// The UTF-16 offset of byte `offset` (clamped to the text's end).
    pub fn of(&self, offset: usize) -> u32 {
        self.at[offset.min(self.at.len() - 1)]
    }
}

#[cfg(test)]
mod tests {
    use super::Utf16;

    #[test]
    fn curly_quotes_and_astral_characters_count_as_javascript_counts() {
        let text = "a’b😀c";
        let u = Utf16::new(text);
        assert_eq!(u.of(0), 0);
        assert_eq!(u.of(1), 1); // ’ starts at UTF-16 1
        assert_eq!(u.of(4), 2); // b
        assert_eq!(u.of(5), 3); // 😀 (two units)
        assert_eq!(u.of(9), 5); // c
        assert_eq!(u.of(text.len()), 6);
        assert_eq!(u.of(999), 6);
    }
}
