//! Inline emphasis in prose, as authors write it: `**strong**`, `*emphasis*`,
//! `` `code` `` and `[text](https://address)`. A marker without its closing pair
//! stays as written; a link to anything but a web or mail address or a telephone
//! number stays as text.

/// A run of text and how it is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// `**strong**`.
    Strong(String),
    /// `*emphasis*`.
    Emphasis(String),
    /// `` `code` ``.
    Code(String),
    /// `[text](address)`.
    Link {
        /// What the reader sees.
        text: String,
        /// Where it goes.
        href: String,
    },
}

impl Inline {
    /// The words, without markup.
    pub fn text(&self) -> &str {
        match self {
            Inline::Text(t) | Inline::Strong(t) | Inline::Emphasis(t) | Inline::Code(t) => t,
            Inline::Link { text, .. } => text,
        }
    }
}

/// Splits `text` into runs.
pub fn parse(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(['*', '`', '[']) {
        plain.push_str(&rest[..at]);
        let tail = &rest[at..];
        match marked(tail) {
            Some((inline, used)) => {
                if !plain.is_empty() {
                    out.push(Inline::Text(std::mem::take(&mut plain)));
                }
                out.push(inline);
                rest = &tail[used..];
            }
            None => {
                let c = tail.chars().next().unwrap_or('*');
                plain.push(c);
                rest = &tail[c.len_utf8()..];
            }
        }
    }
    plain.push_str(rest);
    if !plain.is_empty() {
        out.push(Inline::Text(plain));
    }
    out
}

/// The text without markup.
pub fn plain(text: &str) -> String {
    parse(text).iter().map(Inline::text).collect()
}

/// A marked run at the start of `tail`, and how many bytes it took.
fn marked(tail: &str) -> Option<(Inline, usize)> {
    let enclosed = |open: &str, close: &str| -> Option<(String, usize)> {
        let inner_start = open.len();
        let body = tail.get(inner_start..)?;
        let end = body.find(close)?;
        let inner = &body[..end];
        if inner.is_empty() || inner.starts_with(' ') || inner.ends_with(' ') {
            return None;
        }
        Some((inner.to_string(), inner_start + end + close.len()))
    };
    if tail.starts_with("**") {
        let (inner, used) = enclosed("**", "**")?;
        return Some((Inline::Strong(inner), used));
    }
    if tail.starts_with('*') {
        let (inner, used) = enclosed("*", "*")?;
        return Some((Inline::Emphasis(inner), used));
    }
    if tail.starts_with('`') {
        let (inner, used) = enclosed("`", "`")?;
        return Some((Inline::Code(inner), used));
    }
    // [text](address)
    let close = tail.find("](")?;
    let text = &tail[1..close];
    let after = &tail[close + 2..];
    let end = after.find(')')?;
    let href = &after[..end];
    let safe = ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|s| href.starts_with(s))
        && !href.contains(char::is_whitespace);
    if text.is_empty() || text.contains('[') || !safe {
        return None;
    }
    Some((
        Inline::Link {
            text: text.to_string(),
            href: href.to_string(),
        },
        close + 2 + end + 1,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_pair_or_stay_as_written() {
        assert_eq!(
            parse("a **b** *c* `d` [e](https://x.org) f"),
            vec![
                Inline::Text("a ".into()),
                Inline::Strong("b".into()),
                Inline::Text(" ".into()),
                Inline::Emphasis("c".into()),
                Inline::Text(" ".into()),
                Inline::Code("d".into()),
                Inline::Text(" ".into()),
                Inline::Link {
                    text: "e".into(),
                    href: "https://x.org".into()
                },
                Inline::Text(" f".into()),
            ]
        );
        assert_eq!(plain("2 * 3 = 6 and *half"), "2 * 3 = 6 and *half");
        assert_eq!(
            plain("[run](javascript:alert(1))"),
            "[run](javascript:alert(1))"
        );
        assert_eq!(plain("*inc. new duty*"), "inc. new duty");
    }
}
