//! `Lead: ROLE, ORGANISATION` lines under a priority: its `lead:` fields.
//!
//! A plan that prints each priority as a title with paragraphs under it often
//! names who leads it in a line of its own ("Lead: Head of Community Safety,
//! Anytown Council", "Lead agency: Anytown Police", "Owner: ..."). Such a line,
//! between a priority's title and the next, becomes a `lead:` field of that
//! priority; the line itself stays in the prose, word for word.

use super::priorities::FoundList;
use super::words::{one_line, strip_markup};
use crate::import::Block;

/// The names a lead's line or column goes by.
pub(super) const LEAD_NAMES: [&str; 14] = [
    "lead",
    "leads",
    "lead officer",
    "lead officers",
    "lead agency",
    "lead agencies",
    "lead organisation",
    "lead partner",
    "owner",
    "responsible",
    "responsible officer",
    "accountable",
    "accountable officer",
    "strategic lead",
];

/// `Lead: Head of Community Safety, Anytown Council` → the lead.
pub(super) fn lead_line(text: &str) -> Option<String> {
    let t = strip_markup(text);
    let (name, value) = t.split_once(':')?;
    let name = name.trim().to_lowercase();
    let value = one_line(value.trim());
    (LEAD_NAMES.contains(&name.as_str()) && !value.is_empty() && value.len() <= 200)
        .then_some(value)
}

/// Finds the lead lines under each entry of `list`: the blocks after the entry's
/// own, up to the next entry (or the end of the list), are read once.
pub(super) fn attach(blocks: &[Block], list: &mut FoundList) {
    if list.inline {
        return;
    }
    for n in 0..list.titles.len() {
        let from = list.at[n] + 1;
        let to = list
            .at
            .get(n + 1)
            .copied()
            .unwrap_or(list.end)
            .min(blocks.len());
        if from >= to || list.at[n] == list.at.get(n + 1).copied().unwrap_or(usize::MAX) {
            continue;
        }
        for block in &blocks[from..to] {
            if let Block::Paragraph(t) | Block::Item { text: t, .. } = block {
                if let Some(lead) = lead_line(t) {
                    list.leads[n].push(lead);
                }
            }
        }
    }
}
