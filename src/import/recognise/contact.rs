//! The contact details: `@contact` with email, phone, address and web.
//!
//! A "for more information contact the X:" line followed by labelled lines
//! (`Email: ...`, `Tel: ...`) is the partnership's contact. Only lines whose
//! label is recognised are taken, each field once, and a label printed
//! differently from the field name (`Tel`) is kept in a comment, so nothing the
//! document printed is lost.

use super::words::{one_line, strip_markup};
use super::writer::{prose_block, Writer};
use crate::import::Block;

/// A paragraph ending in `:` that mentions a contact, when labelled lines follow.
pub(super) fn write(w: &mut Writer, blocks: &[Block], at: usize, text: &str) -> Option<usize> {
    let lower = text.to_lowercase();
    if lower.contains("contact") && text.trim_end().ends_with(':') {
        return fields(w, blocks, at, text);
    }
    None
}

fn fields(w: &mut Writer, blocks: &[Block], at: usize, intro: &str) -> Option<usize> {
    let mut fields: Vec<(&'static str, String, String)> = Vec::new();
    let mut j = at + 1;
    while let Some(Block::Paragraph(t) | Block::Item { text: t, .. }) = blocks.get(j) {
        let plain = strip_markup(t);
        let lower = plain.to_lowercase();
        let value = plain
            .split_once(':')
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default();
        let field = if lower.starts_with("email") || lower.starts_with("e-mail") {
            "email"
        } else if lower.starts_with("tel") || lower.starts_with("phone") {
            "phone"
        } else if lower.starts_with("address") {
            "address"
        } else if lower.starts_with("web") {
            "web"
        } else {
            break;
        };
        if value.is_empty() || fields.iter().any(|(f, _, _)| *f == field) {
            break;
        }
        fields.push((field, value, t.clone()));
        j += 1;
    }
    if fields.is_empty() {
        return None;
    }
    let lower = intro.to_lowercase();
    let name = lower
        .find("contact the ")
        .map(|p| {
            intro[p + "contact the ".len()..]
                .trim()
                .trim_end_matches([':', '-'])
                .trim()
                .to_string()
        })
        .filter(|n| !n.is_empty())?;
    prose_block(w, &blocks[at]);
    w.open("contact", format!("@contact: {}", one_line(&name)));
    for (field, value, printed) in fields {
        if !printed.to_lowercase().starts_with(field) {
            w.comment(1, &format!("printed as \"{}\"", one_line(&printed)));
        }
        w.field(1, field, &value);
    }
    w.gap();
    Some(j)
}
