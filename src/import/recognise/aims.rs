//! A plan whose only list is its aims ("The CSP has identified 5 high level
//! strategic aims which are detailed below:", "The aims of the plan were:"):
//! its aims stand for its priorities, under a note saying so. A plan that lists
//! its priorities too keeps its aims as prose (they are not its priorities).

use super::priorities::{FoundList, ListKind};
use super::titles::number_rest;
use super::words::{is_name_like, words};
use crate::import::Block;

/// The note written after the line that introduces the aims.
pub(super) const NOTE: &str = "the document lists no priorities as such, only its aims: they are taken as its priorities, each as printed; check them";

/// Whether a line names the aims ("strategic aims", "The aims of the plan"),
/// not what someone aims to do ("The CSP aims to:").
fn names_aims(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    words
        .iter()
        .enumerate()
        .any(|(n, w)| *w == "aims" && words.get(n + 1) != Some(&"to"))
}

/// Whether the text introduces its priorities somewhere ("The Partnership
/// priorities 2025-2026 are:", "Priority 1 - ..."), though no list of them was
/// read: then its aims are not its priorities.
fn introduces_priorities(blocks: &[Block]) -> bool {
    blocks.iter().any(|b| match b {
        Block::Paragraph(t) | Block::Heading { text: t, .. } | Block::Item { text: t, .. } => {
            let lower = t.to_lowercase();
            (lower.contains("priorities") && lower.trim_end().ends_with(':'))
                || super::titles::label_rest(t).is_some()
        }
        Block::Table(_) => false,
    })
}

/// The first list of aims: the line that introduces it, then its entries, list
/// items or numbered lines or "Title: what it means" paragraphs, as many as the
/// line counts if it counts them.
pub(super) fn list(blocks: &[Block]) -> Option<FoundList> {
    if introduces_priorities(blocks) {
        return None;
    }
    (0..blocks.len()).find_map(|i| list_at(blocks, i))
}

fn list_at(blocks: &[Block], i: usize) -> Option<FoundList> {
    let (Block::Paragraph(text) | Block::Heading { text, .. }) = &blocks[i] else {
        return None;
    };
    let lower = text.to_lowercase();
    let last = super::introductions::last_sentence(&lower);
    if !names_aims(last) || words(last) > 30 {
        return None;
    }
    let mut j = i + 1;
    // "Strategic Aims 2018-19": a heading of the list under its introduction.
    if let Some(Block::Paragraph(t) | Block::Heading { text: t, .. }) = blocks.get(j) {
        if names_aims(&t.to_lowercase()) && words(t) <= 6 {
            j += 1;
        }
    }
    let entry = |b: &Block| -> Option<(String, String)> {
        let t = match b {
            Block::Item { text, .. } => text.as_str(),
            Block::Paragraph(t) => number_rest(t)
                .map(|_| t.as_str())
                .or_else(|| titled(t).map(|_| t.as_str()))?,
            _ => return None,
        };
        let t = number_rest(t).unwrap_or(t).trim();
        let title = titled(t).unwrap_or(t);
        let title = title.trim_end().trim_end_matches('.').trim_end();
        // A "Title: what it means" paragraph stays prose: no copy of it is kept.
        let printed = match b {
            Block::Paragraph(text) if number_rest(text).is_none() => title.to_string(),
            Block::Item { text, .. } | Block::Paragraph(text) => text.trim().to_string(),
            _ => String::new(),
        };
        (words(title) <= 60).then(|| (title.to_string(), printed))
    };
    let mut list = FoundList::new(ListKind::Priority, i);
    while let Some((title, printed)) = blocks.get(j).and_then(entry) {
        // "Title: what it means" paragraphs stay prose, each before its entry.
        if let Block::Paragraph(t) = &blocks[j] {
            list.opens_paragraph |= number_rest(t).is_none();
        }
        list.push_as_printed(&title, &printed, j);
        j += 1;
    }
    list.end = j;
    let counted = super::shapes::count_before_colon(last)
        .or_else(|| super::shapes::announced(last, last.find("aims")?));
    let right_count = counted.is_none_or(|c| c == list.titles.len());
    (list.titles.len() >= 2 && right_count).then_some(list)
}

/// "Serious Violence (including knife/blade offences and robbery): Work with
/// partners ...": the title before the colon, when it is a name.
fn titled(text: &str) -> Option<&str> {
    let (title, rest) = text.split_once(": ")?;
    (is_name_like(title) && words(title) <= 12 && words(rest) >= 3).then_some(title.trim())
}
