//! A contents page whose entries for the priorities are indented under one that
//! names them:
//!
//! ```text
//! Safer Stockport Partnership Priorities and Activity ........6
//!      Protecting Vulnerable People...........................7
//!      Public Safety and Protection..........................11
//!      Strategic Priorities..................................19
//! Greater Manchester Priorities .............................21
//! ```
//!
//! The text reader keeps the indentation as items of a deeper level; an entry that
//! names the partnership's priorities introduces the entries under it, less any
//! that is itself a heading of priorities ("Strategic Priorities"). A contents
//! page's other entries are page references, never priorities.

use super::introductions::kind_named;
use super::priorities::{FoundList, ListKind};
use super::words::{is_name_like, words};
use crate::import::text::is_contents_entry;
use crate::import::Block;

/// The list whose introducing contents entry is block `i`, if it is one.
pub(super) fn nested_priorities(blocks: &[Block], i: usize) -> Option<FoundList> {
    let Some(Block::Paragraph(parent)) = blocks.get(i) else {
        return None;
    };
    if !is_contents_entry(parent) {
        return None;
    }
    let lower = title(parent).to_lowercase();
    let others = ["police", "commissioner", "greater ", "national", "county"];
    if kind_named(&lower) != Some((ListKind::Priority, false))
        || others.iter().any(|o| lower.contains(o))
    {
        return None;
    }
    let mut list = FoundList::new(ListKind::Priority, i);
    let mut j = i + 1;
    while let Some(Block::Item { level: 1, text }) = blocks.get(j) {
        let entry = title(text);
        if is_contents_entry(text) && kind_named(&entry.to_lowercase()).is_none() {
            if !is_name_like(entry) || words(entry) > 10 {
                return None;
            }
            list.push_as_printed(entry, text, j);
        }
        j += 1;
    }
    list.end = j;
    (list.titles.len() >= 2).then_some(list)
}

/// An entry's title: what comes before its dotted leader.
fn title(entry: &str) -> &str {
    entry.split("..").next().unwrap_or(entry).trim()
}
