//! How progress on a priority is measured: the list under "Performance measures",
//! "How we will measure success" or "Measures of success" in the priority's own
//! section (the heading that names it), written as its `measure:` lines. The list
//! is kept as prose too; nothing is written where the document prints no such list.

use super::words::{key, strip_markup, words};
use crate::import::Block;

/// Whether a short line introduces a list of measures.
fn introduces_measures(text: &str) -> bool {
    let lower = key(text);
    if words(&lower) > 12 {
        return false;
    }
    let has = |w: &str| lower.split(' ').any(|x| x == w);
    (lower.contains("measure") && (has("success") || has("performance") || has("progress")))
        || lower.contains("performance measures")
        || lower.contains("performance indicators")
        || lower.contains("key performance")
        || has("kpis")
        || lower.contains("how we will measure")
}

/// The measures printed in the section headed by the priority `title`.
pub(super) fn measures_of(blocks: &[Block], title: &str) -> Vec<String> {
    let wanted = key(title);
    if wanted.is_empty() {
        return Vec::new();
    }
    // The priority's own section: a heading that names it.
    let Some((start, level)) = blocks.iter().enumerate().find_map(|(i, b)| match b {
        Block::Heading { level, text } if key(text).contains(&wanted) => Some((i, *level)),
        _ => None,
    }) else {
        return Vec::new();
    };
    let end = blocks[start + 1..]
        .iter()
        .position(|b| matches!(b, Block::Heading { level: l, .. } if *l <= level))
        .map_or(blocks.len(), |p| start + 1 + p);
    let section = &blocks[start + 1..end];
    let Some(cue) = section.iter().position(|b| match b {
        Block::Heading { text, .. } | Block::Paragraph(text) => introduces_measures(text),
        _ => false,
    }) else {
        return Vec::new();
    };
    section[cue + 1..]
        .iter()
        .map_while(|b| match b {
            Block::Item { text, .. } => Some(strip_markup(text)),
            _ => None,
        })
        .map(|t| t.trim().trim_end_matches(['.', ';']).to_string())
        .filter(|t| !t.is_empty())
        .take(12)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_introduces_measures_only_when_it_speaks_of_measuring() {
        for yes in [
            "How we will measure success",
            "Measures of success",
            "Performance measures",
            "Key performance indicators",
        ] {
            assert!(introduces_measures(yes), "{yes}");
        }
        // Success or progress alone is a review, not a list of measures.
        for no in ["Our successes last year", "Progress so far", "Measures"] {
            assert!(!introduces_measures(no), "{no}");
        }
    }
}
