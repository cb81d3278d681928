//! Labelled lines under a priority: `Lead: ROLE, ORGANISATION` and its fellows.
//!
//! A plan that prints each priority as a title with paragraphs under it often
//! names who leads it in a line of its own ("Lead: Head of Community Safety,
//! Anytown Council", "Lead agency: Anytown Police", "Owner: ..."), and likewise
//! what it has to spend ("Resources: ..."), how the partners work on it together
//! ("Joint working: ...") and how success is measured ("Measure: ..."). Such a
//! line, between a priority's title and the next, becomes the priority's `lead:`,
//! `resources:`, `joint-working:` or `measure:` field; the line itself stays in
//! the prose, word for word.

use super::priorities::FoundList;
use super::words::{one_line, strip_markup};
use crate::import::Block;

/// The names a lead's line or column goes by.
pub(super) const LEAD_NAMES: [&str; 16] = [
    "lead",
    "leads",
    "accountable person",
    "accountable persons",
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

/// The names the other labelled lines go by, and the field each becomes.
const OTHER_LABELS: [(&str, &str); 14] = [
    ("resources", "resources"),
    ("resource", "resources"),
    ("funding", "resources"),
    ("budget", "resources"),
    ("joint working", "joint-working"),
    ("working together", "joint-working"),
    ("partnership working", "joint-working"),
    ("measure", "measure"),
    ("measures", "measure"),
    ("measure of success", "measure"),
    ("measures of success", "measure"),
    ("performance measure", "measure"),
    ("performance measures", "measure"),
    ("success measure", "measure"),
];

/// A labelled line under a priority, and the field it becomes:
/// `Resources: £20,000 from the Community Safety Fund` → (`resources`, the rest).
pub(super) fn field_line(text: &str) -> Option<(&'static str, String)> {
    let t = strip_markup(text);
    // "(KP LEAD: COLCHESTER BOROUGH HOMES)": the line in brackets.
    let t = match t.trim().strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        Some(inner) => inner.to_string(),
        None => t,
    };
    let (name, value) = t.split_once(':')?;
    let name = name.trim().to_lowercase();
    let value = one_line(value.trim());
    if value.is_empty() || value.len() > 200 {
        return None;
    }
    // "KP lead" (the key priority's lead): a lead's label with a qualifier.
    let qualified = name.ends_with(" lead") && name.split_whitespace().count() <= 3;
    if LEAD_NAMES.contains(&name.as_str()) || qualified {
        return Some(("lead", value));
    }
    OTHER_LABELS
        .iter()
        .find(|(label, _)| *label == name)
        .map(|(_, field)| (*field, value))
}

/// `Violence Under-25: Key Priority Lead – West Midlands Police.`, `Hate crime –
/// Lead: Anytown Council`, `Hate crime (Lead: Anytown Council)`: an entry that
/// names its lead after its title. The title and the lead.
pub(super) fn inline_lead(text: &str) -> Option<(&str, String)> {
    const SEPARATORS: [&str; 4] = [" – ", " — ", " - ", ": "];
    let text = text.trim().trim_end_matches('.');
    for first in [": ", " – ", " — ", " - ", " ("] {
        let Some((title, rest)) = text.split_once(first) else {
            continue;
        };
        // "Hate crime (Lead: Anytown Council)": the bracket closes the lead.
        let rest = if first == " (" {
            rest.trim_end_matches('.').strip_suffix(')')?
        } else {
            rest
        };
        let Some((label, value)) = SEPARATORS.iter().find_map(|s| rest.split_once(s)) else {
            continue;
        };
        let label = label.trim().to_lowercase();
        let is_lead = LEAD_NAMES.contains(&label.as_str())
            || (label.ends_with(" lead") && label.split_whitespace().count() <= 4);
        let value = value.trim().trim_end_matches('.');
        let value = one_line(if first == " (" {
            value
        } else {
            value.trim_end()
        });
        let title = title.trim();
        if is_lead
            && !value.is_empty()
            && !title.is_empty()
            && title.split_whitespace().count() <= 12
        {
            return Some((title, value));
        }
    }
    None
}

/// Finds the labelled lines under each entry of `list`: the blocks after the entry's
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
                if let Some(field) = field_line(t) {
                    list.fields[n].push(field);
                }
            }
        }
    }
}
