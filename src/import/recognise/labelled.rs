//! Entries that carry their own label: `Priority 1: X` lines, one after another or
//! the first alone where the text stops, and titles that name their lead on the
//! same line ("Crime and the Community – Accountable persons: ...").

use super::lead_lines::field_line;
use super::priorities::{CutOff, FoundList, ListKind};
use super::titles::label_rest;
use super::words::{is_name_like, strip_markup, words};
use crate::import::Block;

/// "Crime and the Community – Accountable persons: Chris Johnson (West Midlands
/// Police) & Rob James (Birmingham City Council)": lines that each give a short
/// title and who leads it, one or more in a row (a plan's page for one of its
/// priorities). The line stays prose; the entry follows it with its lead.
pub(super) fn led_titles(blocks: &[Block], i: usize) -> Option<FoundList> {
    let led = |b: &Block| match b {
        Block::Paragraph(t) | Block::Heading { text: t, .. } => super::lead_lines::inline_lead(t)
            .is_some_and(|(title, _)| {
                is_name_like(title) && words(title) <= 8 && !title.contains(':')
            }),
        _ => false,
    };
    let mut list = FoundList::new(ListKind::Priority, i);
    let mut j = i;
    while blocks.get(j).is_some_and(led) {
        if let Block::Paragraph(t) | Block::Heading { text: t, .. } = &blocks[j] {
            list.push(t, j);
        }
        j += 1;
    }
    list.end = j;
    list.opens_paragraph = true;
    (!list.titles.is_empty()).then_some(list)
}

/// A run of two or more `Priority 1: X` lines (paragraphs, items or headings): the
/// priorities, wherever they are printed, with or without an introduction.
pub(super) fn labelled_at(blocks: &[Block], i: usize) -> Option<FoundList> {
    let text = |b: &Block| match b {
        Block::Paragraph(t) | Block::Item { text: t, .. } | Block::Heading { text: t, .. } => {
            Some(strip_markup(t))
        }
        Block::Table(_) => None,
    };
    let is_label =
        |b: &Block| text(b).is_some_and(|t| label_rest(&t).is_some_and(|r| words(r) <= 40));
    let mut list = FoundList::new(ListKind::Priority, i);
    let mut j = i;
    while let Some(t) = blocks.get(j).and_then(text) {
        if label_rest(&t).is_none_or(|r| words(r) > 40) {
            break;
        }
        list.push(&t, j);
        j += 1;
        // Paragraphs about the entry may follow it ("Priority 1: X", what will be
        // done, "Lead: ..."), then the next entry; a heading or table ends them.
        let body = blocks[j..]
            .iter()
            .take(12)
            .take_while(|b| matches!(b, Block::Paragraph(_) | Block::Item { .. }) && !is_label(b))
            .count();
        if blocks.get(j + body).is_some_and(is_label) {
            j += body;
        } else if let Some(last) = blocks[j..j + body].iter().rposition(|b| match b {
            Block::Paragraph(t) | Block::Item { text: t, .. } => field_line(t).is_some(),
            _ => false,
        }) {
            j += last + 1;
            break;
        }
    }
    list.end = j;
    // "Priority 1 - X", what will be done, and the text ends: an excerpt cut off
    // after the first of a numbered list. The first is taken, with a note.
    let first_of_more = list.titles.len() == 1
        && text(&blocks[i]).is_some_and(|t| numbered_one(&t))
        && blocks.len() - i <= 30
        && blocks[i + 1..]
            .iter()
            .all(|b| matches!(b, Block::Paragraph(_) | Block::Item { .. }));
    if first_of_more {
        list.end = blocks.len();
        list.cut_off = Some(CutOff::AfterTheFirst);
        return Some(list);
    }
    (list.titles.len() >= 2).then_some(list)
}

/// "Priority 1 - X", "KEY PRIORITY 1: X", "Priority One: X": the first of a
/// numbered list.
fn numbered_one(text: &str) -> bool {
    let lower = text.to_lowercase();
    ["priority 1", "priority one"].iter().any(|l| {
        lower
            .find(l)
            .is_some_and(|p| !lower[p + l.len()..].starts_with(|c: char| c.is_ascii_digit()))
    })
}
