//! Line endings: a document written with `\r\n` stays so, whatever csa adds to it.

/// The line ending a document uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEnding {
    /// `\n` (Unix, and csa's own).
    Lf,
    /// `\r\n` (Windows).
    CrLf,
}

impl LineEnding {
    /// The ending of the first line of `text` (`\n` for a text of one line).
    pub fn of(text: &str) -> Self {
        match text.find('\n') {
            Some(i) if text[..i].ends_with('\r') => LineEnding::CrLf,
            _ => LineEnding::Lf,
        }
    }

    /// The ending itself.
    pub fn as_str(self) -> &'static str {
        match self {
            LineEnding::Lf => "\n",
            LineEnding::CrLf => "\r\n",
        }
    }

    /// `text` (written with `\n`, as fixes are) with each bare `\n` made this ending.
    pub fn adapt(self, text: &str) -> String {
        match self {
            LineEnding::Lf => text.to_string(),
            LineEnding::CrLf => {
                let mut out = String::with_capacity(text.len() + 8);
                let mut previous = '\0';
                for c in text.chars() {
                    if c == '\n' && previous != '\r' {
                        out.push('\r');
                    }
                    out.push(c);
                    previous = c;
                }
                out
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_line_decides() {
        assert_eq!(LineEnding::of("a\r\nb\n"), LineEnding::CrLf);
        assert_eq!(LineEnding::of("a\nb\r\n"), LineEnding::Lf);
        assert_eq!(LineEnding::of("one line"), LineEnding::Lf);
    }

    #[test]
    fn bare_line_feeds_become_crlf_once() {
        assert_eq!(
            LineEnding::CrLf.adapt("\n  lead: x\r\ny\n"),
            "\r\n  lead: x\r\ny\r\n"
        );
        assert_eq!(LineEnding::Lf.adapt("a\nb"), "a\nb");
    }
}
