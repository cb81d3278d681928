//! Reading a PDF's text layer into the text reader's input.
//!
//! Most partnerships publish their plan as a PDF. Its text is read here, page by
//! page, from the content streams: a move down the page starts a new line, a move
//! of more than about a line and a half starts a new paragraph (a blank line), and
//! each page ends with a form feed so that the text reader can tell the lines at
//! page breaks (running headers and footers) from the document's own. A line broken
//! at the page width is joined to the next when it ends mid-sentence and the next
//! goes on in lower case. Then the text goes on as any text does.
//!
//! A PDF with no text layer (a scan) or one that cannot be opened (encrypted with a
//! password, damaged) is an error that says so, for the front end to report.

use lopdf::content::Content;
use lopdf::{Document, Encoding, Object};
use std::collections::BTreeMap;

/// Whether `bytes` is a PDF (by its signature, wherever the first kilobyte has it).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.windows(5).take(1024).any(|w| w == b"%PDF-")
}

/// The text of the PDF `bytes`, pages separated by form feeds; or why it has none.
pub fn read_text(name: &str, bytes: &[u8]) -> Result<String, String> {
    let doc = match Document::load_mem(bytes) {
        Ok(doc) => doc,
        Err(lopdf::Error::Decryption(_)) | Err(lopdf::Error::InvalidPassword) => {
            return Err(format!(
                "{name} is a PDF protected by a password, which csa cannot open"
            ));
        }
        // An encrypted PDF that opens without a password is read; one that does not
        // fails in many ways, all of which mean the same to the person.
        Err(_) if bytes.windows(8).any(|w| w == b"/Encrypt") => {
            return Err(format!(
                "{name} is a PDF protected by a password, which csa cannot open"
            ));
        }
        Err(e) => {
            return Err(format!(
                "{name} is a PDF that cannot be read ({e}): it may be damaged or incomplete"
            ))
        }
    };
    if doc.is_encrypted() && doc.encryption_state.is_none() {
        return Err(format!(
            "{name} is a PDF protected by a password, which csa cannot open"
        ));
    }
    let pages = doc.get_pages();
    let mut text = String::new();
    for (n, (_, id)) in pages.iter().enumerate() {
        if n > 0 {
            text.push('\u{c}');
        }
        text.push_str(&join_broken_lines(&page_text(&doc, *id)));
    }
    if !text.chars().any(char::is_alphanumeric) {
        if doc.is_encrypted() || bytes.windows(8).any(|w| w == b"/Encrypt") {
            return Err(format!(
                "{name} is a PDF protected by a password, which csa cannot open"
            ));
        }
        return Err(format!(
            "{name} is a PDF with no text in it ({} page(s) of images): it was probably scanned",
            pages.len()
        ));
    }
    Ok(text)
}

/// Where the text is on the page, as the content stream moves it.
#[derive(Default)]
struct Cursor {
    /// The start of the current line (from `Td`, `TD`, `Tm`, `T*`).
    y: f32,
    /// The line's y when text was last shown.
    shown_y: Option<f32>,
    leading: f32,
    size: f32,
}

/// The text of one page: lines, and blank lines between paragraphs.
fn page_text(doc: &Document, id: lopdf::ObjectId) -> String {
    let encodings: BTreeMap<Vec<u8>, Encoding> = doc
        .get_page_fonts(id)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(name, font)| font.get_font_encoding(doc).ok().map(|e| (name, e)))
        .collect();
    let Ok(data) = doc.get_page_content_with_limit(id, 64 * 1024 * 1024) else {
        return String::new();
    };
    let Ok(content) = Content::decode(&data) else {
        return String::new();
    };
    let number = |o: Option<&Object>| o.and_then(|o| o.as_float().ok()).unwrap_or(0.0);
    let mut out = String::new();
    let mut cur = Cursor {
        size: 12.0,
        ..Cursor::default()
    };
    let mut encoding: Option<&Encoding> = None;
    for op in &content.operations {
        let args = &op.operands;
        match op.operator.as_str() {
            "Tf" => {
                encoding = args
                    .first()
                    .and_then(|n| n.as_name().ok())
                    .and_then(|n| encodings.get(n));
                cur.size = number(args.get(1)).abs().max(1.0);
            }
            "TL" => cur.leading = number(args.first()),
            "Td" => cur.y += number(args.get(1)),
            "TD" => {
                cur.leading = -number(args.get(1));
                cur.y += number(args.get(1));
            }
            "Tm" => cur.y = number(args.get(5)),
            "T*" => {
                cur.y -= if cur.leading != 0.0 {
                    cur.leading
                } else {
                    cur.size * 1.2
                }
            }
            "BT" => cur.y = 0.0,
            "Tj" | "TJ" | "'" | "\"" => {
                if matches!(op.operator.as_str(), "'" | "\"") {
                    cur.y -= if cur.leading != 0.0 {
                        cur.leading
                    } else {
                        cur.size * 1.2
                    };
                }
                let mut shown = String::new();
                let strings: &[Object] = if op.operator == "\"" {
                    args.get(2..).unwrap_or(&[])
                } else {
                    args
                };
                if let Some(enc) = encoding {
                    collect(&mut shown, enc, strings);
                }
                if shown.is_empty() {
                    continue;
                }
                if let Some(last) = cur.shown_y {
                    let gap = (last - cur.y).abs();
                    if gap > cur.size * 0.5 {
                        out.push('\n');
                        if gap > cur.size * 1.8 {
                            out.push('\n');
                        }
                    }
                }
                cur.shown_y = Some(cur.y);
                out.push_str(&shown);
            }
            _ => {}
        }
    }
    out.push('\n');
    out
}

/// The text of `Tj`/`TJ` operands; a wide gap in a `TJ` array is a space.
fn collect(out: &mut String, encoding: &Encoding, operands: &[Object]) {
    for o in operands {
        match o {
            Object::String(bytes, _) => {
                if let Ok(s) = encoding.bytes_to_string(bytes) {
                    out.push_str(&s);
                }
            }
            Object::Array(items) => collect(out, encoding, items),
            Object::Integer(i) if *i < -200 => out.push(' '),
            Object::Real(r) if *r < -200.0 => out.push(' '),
            _ => {}
        }
    }
}

/// Joins a line broken at the page width to the next: the first ends without a
/// sentence's or a heading's punctuation and is long, the next goes on in lower case.
pub fn join_broken_lines(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let longest = lines
        .iter()
        .map(|l| l.trim().chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line.trim_end());
        let next = lines.get(i + 1).map_or("", |n| n.trim_start());
        let t = line.trim();
        // A line filling the width goes on whatever the next begins with; a shorter
        // one only when the next goes on in lower case.
        let width = t.chars().count() * 100;
        let goes_on = next.starts_with(|c: char| c.is_lowercase())
            || (width >= longest * 75 && next.starts_with(|c: char| c.is_alphanumeric()));
        let broken = !t.is_empty()
            && width >= longest * 60
            && !t.ends_with(['.', ':', ';', '!', '?'])
            && !t.starts_with(['-', '•', '·', '*'])
            && goes_on;
        out.push(if broken { ' ' } else { '\n' });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_broken_at_the_page_width_are_joined() {
        let text = "We will work with partners across the borough to reduce the harm\ncaused by drugs and alcohol.\nDomestic Abuse\nShort line\nnext one";
        assert_eq!(
            join_broken_lines(text),
            "We will work with partners across the borough to reduce the harm caused by drugs and alcohol.\nDomestic Abuse\nShort line\nnext one\n"
        );
    }

    #[test]
    fn kerning_inside_a_word_joins_it_and_a_wide_gap_is_a_space() {
        let encoding = Encoding::SimpleEncoding(b"WinAnsiEncoding");
        let word = |s: &str| Object::String(s.as_bytes().to_vec(), lopdf::StringFormat::Literal);
        let operands = [Object::Array(vec![
            word("Com"),
            Object::Integer(-30),
            word("munity"),
            Object::Real(12.5),
            word(" Safety"),
            Object::Integer(-250),
            word("Plan"),
            Object::Real(-300.0),
            word("2025"),
        ])];
        let mut out = String::new();
        collect(&mut out, &encoding, &operands);
        assert_eq!(out, "Community Safety Plan 2025");
    }

    #[test]
    fn what_is_not_a_pdf_is_an_error_saying_so() {
        let err = read_text("plan.pdf", b"%PDF-1.7\nnot really").unwrap_err();
        assert!(err.contains("cannot be read"), "{err}");
        // One that names an encryption dictionary and cannot be opened is, to the
        // person, protected by a password, however the reading failed.
        let err = read_text("plan.pdf", b"%PDF-1.7\ntrailer << /Encrypt 5 0 R >>").unwrap_err();
        assert!(err.contains("protected by a password"), "{err}");
    }
}
