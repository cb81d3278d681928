//! The horizon scan: `@horizon-scan`, one field per PESTELO heading.
//!
//! A horizon scan looks ahead under the PESTELO headings (political, economic,
//! social, technological, environmental, legislation, organisational); the
//! checks want to know which were considered, so each heading becomes its field
//! and what is under it (an introduction, a list) its value and items. Under
//! "legislation" each paragraph is a group of its own (recent or upcoming laws)
//! with the list that follows it. A section with no PESTELO heading straight
//! after its introduction is left as prose.

use super::section::section_title_original;
use super::words::{one_line, strip_markup, words};
use super::writer::{prose_block, Writer};
use crate::import::Block;

/// The start of each PESTELO heading as printed, and its field name.
const PESTELO: [(&str, &str); 7] = [
    ("political", "political"),
    ("economic", "economic"),
    ("social", "social"),
    ("technolog", "technological"),
    ("environment", "environmental"),
    ("legislat", "legislation"),
    ("organisation", "organisational"),
];

/// The field a short line names, if it is a PESTELO heading.
fn pestelo(text: &str) -> Option<&'static str> {
    let lower = strip_markup(&text.to_lowercase());
    let lower = lower.trim();
    if words(lower) > 4 {
        return None;
    }
    PESTELO
        .iter()
        .find(|(p, _)| lower.starts_with(p))
        .map(|(_, k)| *k)
}

/// A heading or paragraph that is a PESTELO heading: its field.
fn is_label(b: &Block) -> Option<&'static str> {
    match b {
        Block::Heading { text, .. } | Block::Paragraph(text) => pestelo(text),
        _ => None,
    }
}

/// What is printed under one PESTELO heading.
#[derive(Default)]
struct Under {
    /// Paragraphs: the field's value, then its continuation.
    intro: Vec<String>,
    /// Under "legislation": each paragraph with the items after it.
    sub: Vec<(String, Vec<String>)>,
    /// Items with no paragraph of their own.
    list: Vec<String>,
}

/// The horizon scan, starting after its heading; `None` leaves the section as prose.
pub(super) fn write(w: &mut Writer, blocks: &[Block], from: usize) -> Option<usize> {
    // The introduction: paragraphs before the first PESTELO heading.
    let mut j = from;
    while let Some(Block::Paragraph(t)) = blocks.get(j) {
        if pestelo(t).is_some() {
            break;
        }
        j += 1;
    }
    let first = j;
    is_label(blocks.get(first)?)?;
    for b in &blocks[from..first] {
        prose_block(w, b);
    }
    let title = section_title_original(blocks, from);
    w.open("horizon-scan", format!("@horizon-scan: {title}"));
    // Each field is given once: a heading that comes back ends the scan, and what
    // follows it stays prose.
    let mut written = Vec::new();
    while let Some(b) = blocks.get(j) {
        let Some(key) = is_label(b) else { break };
        if written.contains(&key) {
            break;
        }
        written.push(key);
        let (Block::Heading { text: label, .. } | Block::Paragraph(label)) = b else {
            break;
        };
        let printed = strip_markup(label).trim_end_matches(':').trim().to_string();
        let under;
        (under, j) = read_under(blocks, j + 1, key);
        write_field(w, key, &printed, &under);
    }
    w.gap();
    Some(j)
}

/// What follows the heading of `key`, from block `j` to the next heading, and
/// the block after it.
fn read_under(blocks: &[Block], mut j: usize, key: &str) -> (Under, usize) {
    let mut under = Under::default();
    loop {
        match blocks.get(j) {
            Some(Block::Paragraph(t)) if is_label(&blocks[j]).is_none() => {
                if !under.list.is_empty() && key != "legislation" {
                    break;
                }
                if key == "legislation" {
                    under.sub.push((t.clone(), Vec::new()));
                } else {
                    under.intro.push(t.clone());
                }
            }
            Some(Block::Item { text, .. }) => match under.sub.last_mut() {
                Some((_, items)) => items.push(text.clone()),
                None => under.list.push(text.clone()),
            },
            _ => break,
        }
        j += 1;
    }
    (under, j)
}

/// One PESTELO field, with the heading as printed when it differs from the name.
fn write_field(w: &mut Writer, key: &str, printed: &str, under: &Under) {
    if printed.to_lowercase() != key {
        w.comment(1, &format!("printed as \"{printed}\""));
    }
    match under.intro.split_first() {
        Some((first, rest)) => {
            w.field(1, key, first);
            for r in rest {
                w.line(format!("    - {}", one_line(r)));
            }
        }
        None => w.line(format!("  {key}:")),
    }
    for item in &under.list {
        w.line(format!("    - {}", one_line(item)));
        w.entry("horizon-scan items");
    }
    // A field may be given once: a second paragraph of the same kind goes on under
    // the first, as an item, in its place.
    let mut given: Vec<&str> = Vec::new();
    for (text, items) in &under.sub {
        let lower = text.to_lowercase();
        let name = if lower.contains("upcoming")
            || lower.contains("forthcoming")
            || lower.contains("future")
        {
            "upcoming"
        } else {
            "recent"
        };
        if given.contains(&name) {
            w.line(format!("      - {}", one_line(text)));
        } else {
            given.push(name);
            w.field(2, name, text);
        }
        for item in items {
            w.line(format!("      - {}", one_line(item)));
            w.entry("horizon-scan items");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::ast;
    use crate::diagnostics::Severity;
    use crate::import::import_text;

    /// Found by the proptest `any_text_imports_to_a_draft_without_syntax_errors`: two
    /// paragraphs of recent legislation made two `recent:` fields.
    #[test]
    fn two_paragraphs_of_recent_legislation_make_one_field() {
        let csa = import_text("# Horizon Scanning\nLegislation:\nVersion\nVersion").csa;
        let errors: Vec<_> = ast::parse(&csa)
            .diagnostics
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:#?}\n{csa}");
        assert_eq!(csa.matches("recent:").count(), 1, "{csa}");
        assert_eq!(csa.matches("Version").count(), 2, "{csa}");
    }
}
