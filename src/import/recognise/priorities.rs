//! The priorities and the cross-cutting themes: `@priority` and `@theme`.
//!
//! They are what the rest of an agreement refers to (leads, actions, the Police
//! and Crime Plan's links), so they are looked for everywhere, in the first pass:
//! a short list under an introduction ("Our priorities are:"), a one-column
//! table, or a table with a column of each. A document that lost its diagram
//! lists them nowhere; then they are guessed from the prose ("the key priorities
//! ... included A, B and C", "X includes: Y", a theme named in quotes) and
//! written with a note asking a person to check them against the original.

use super::ids::make_id;
use super::plan::Plan;
use super::words::{
    is_name_like, key, one_line, quoted, split_names, strip_markup, truncate, words,
};
use super::writer::{prose_block, Writer};
use crate::import::text::tidy;
use crate::import::Block;

/// Which of the two a list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ListKind {
    Priority,
    Theme,
}

/// A list of priorities or themes, where the document prints it.
#[derive(Debug)]
pub(super) struct FoundList {
    pub(super) kind: ListKind,
    /// The line that introduces the list (kept as prose).
    pub(super) intro: usize,
    /// The entries: their titles.
    pub(super) titles: Vec<String>,
    /// The first block after the list.
    pub(super) end: usize,
}

impl Plan {
    /// "the key priorities ... included A, B, C and D" in prose.
    pub(super) fn guess_priorities(&mut self, blocks: &[Block]) {
        for (i, block) in blocks.iter().enumerate() {
            let (Block::Paragraph(text) | Block::Item { text, .. }) = block else {
                continue;
            };
            let lower = text.to_lowercase();
            let Some(at) = lower.find("priorities") else {
                continue;
            };
            let Some(inc) = lower[at..]
                .find(" included ")
                .map(|p| at + p + " included ".len())
            else {
                continue;
            };
            let sentence_end = text[inc..].find(". ").map_or(text.len(), |p| inc + p);
            let names = split_names(&text[inc..sentence_end]);
            if names.len() >= 3 && names.iter().all(|n| is_name_like(n) && words(n) <= 6) {
                self.fallback_priorities = names;
                self.fallback_from.push(format!(
                    "the sentence \"{}\"",
                    truncate(&text[..sentence_end], 80)
                ));
                if self.fallback_at.is_none() {
                    self.fallback_at = Some(i);
                }
                break;
            }
        }
        for (_, name, _) in &self.includes {
            if !self.fallback_priorities.iter().any(|p| key(p) == key(name)) {
                self.fallback_priorities.push(name.clone());
            }
        }
        if !self.includes.is_empty() {
            self.fallback_from
                .push("the \"... includes:\" notes".to_string());
        }
    }

    /// "... cross-cutting theme - 'Support Mental Health Wellbeing'" in prose.
    pub(super) fn guess_themes(&mut self, blocks: &[Block]) {
        for block in blocks {
            let (Block::Paragraph(text) | Block::Item { text, .. }) = block else {
                continue;
            };
            let lower = text.to_lowercase();
            let Some(at) = lower
                .find("cross-cutting theme")
                .or_else(|| lower.find("cross cutting theme"))
            else {
                continue;
            };
            for name in quoted(&text[at..]) {
                if is_name_like(&name) && !self.fallback_themes.contains(&name) {
                    self.fallback_themes.push(name);
                }
            }
        }
        if !self.fallback_themes.is_empty() {
            self.fallback_from
                .push("the cross-cutting themes named in quotes".to_string());
        }
    }
}

/// `Safeguarding Vulnerable People includes: A, B` → (name, what it includes).
pub(super) fn split_includes(text: &str) -> Option<(String, String)> {
    let (name, what) = text.split_once(" includes:")?;
    let name = strip_markup(name).trim().to_string();
    let what = strip_markup(what).trim().to_string();
    (is_name_like(&name) && words(&name) <= 8 && !what.is_empty()).then_some((name, what))
}

/// Is block `i` the introduction of a list of priorities or themes?
pub(super) fn list_at(blocks: &[Block], i: usize) -> Option<FoundList> {
    let (intro, is_heading) = match &blocks[i] {
        Block::Paragraph(t) => (t, false),
        Block::Heading { text, .. } => (text, true),
        _ => return None,
    };
    let lower = strip_markup(&intro.to_lowercase());
    let names_pcc = [
        "police",
        "pcc",
        "commissioner",
        "crime plan",
        "chief constable",
    ]
    .iter()
    .any(|w| lower.contains(w));
    let kind = if lower.contains("cross-cutting themes") || lower.contains("cross cutting themes") {
        ListKind::Theme
    } else if (lower.contains("priorities") || lower.contains("priority areas"))
        && !lower.contains("theme")
    {
        ListKind::Priority
    } else {
        return None;
    };
    if names_pcc || words(&lower) > 8 || !(is_heading || lower.trim_end().ends_with(':')) {
        return None;
    }
    // Entries: short lines, list items or a one-column table.
    let mut titles = Vec::new();
    let mut j = i + 1;
    while let Some(block) = blocks.get(j) {
        match block {
            Block::Paragraph(t) if is_name_like(t) && words(t) <= 10 => {
                titles.push(tidy(&strip_markup(t)))
            }
            Block::Item { text: t, .. } if !t.ends_with(['.', ':', ';']) && words(t) <= 40 => {
                titles.push(tidy(&strip_markup(t)))
            }
            Block::Table(rows) if titles.is_empty() && rows.iter().all(|r| r.len() == 1) => {
                titles.extend(rows.iter().map(|r| one_line(&r[0])));
                j += 1;
                break;
            }
            _ => break,
        }
        j += 1;
    }
    (titles.len() >= 2).then_some(FoundList {
        kind,
        intro: i,
        titles,
        end: j,
    })
}

/// A table whose columns are the priorities and the cross-cutting themes.
pub(super) fn table_lists(blocks: &[Block], i: usize) -> Vec<FoundList> {
    let Some(Block::Table(rows)) = blocks.get(i) else {
        return Vec::new();
    };
    let header = &rows[0];
    let kinds: Vec<Option<ListKind>> = header
        .iter()
        .map(|c| {
            let c = c.to_lowercase();
            if c.contains("lead") || c.contains("no.") || words(&c) > 5 {
                None
            } else if c.contains("theme") {
                Some(ListKind::Theme)
            } else if c.contains("priorit") {
                Some(ListKind::Priority)
            } else {
                None
            }
        })
        .collect();
    if rows.len() < 2 || kinds.iter().any(Option::is_none) {
        return Vec::new();
    }
    kinds
        .iter()
        .enumerate()
        .filter_map(|(c, kind)| {
            let titles: Vec<String> = rows[1..]
                .iter()
                .filter_map(|r| r.get(c))
                .flat_map(|cell| {
                    cell.lines()
                        .map(|l| one_line(&strip_markup(l)))
                        .collect::<Vec<_>>()
                })
                .filter(|t| !t.is_empty())
                .collect();
            Some(FoundList {
                kind: (*kind)?,
                intro: i,
                titles,
                end: i + 1,
            })
        })
        .collect()
}

/// Every list introduced at block `at` (a table can hold two).
pub(super) fn write_lists(w: &mut Writer, blocks: &[Block], at: usize, plan: &Plan) -> usize {
    match &blocks[at] {
        Block::Table(rows) => {
            w.printed_as_table(&rows[0]);
        }
        other => prose_block(w, other),
    }
    let mut end = at + 1;
    for list in plan.lists.iter().filter(|l| l.intro == at) {
        for title in &list.titles {
            write_priority(w, list.kind, title, plan);
        }
        end = end.max(list.end);
    }
    end
}

/// One entry of a list: its id is the one the first pass gave its title.
fn write_priority(w: &mut Writer, kind: ListKind, title: &str, plan: &Plan) {
    let id = plan
        .id_of(title)
        .map(str::to_string)
        .unwrap_or_else(|| make_id(title));
    w.ids.insert(id.clone());
    let (keyword, name) = match kind {
        ListKind::Priority => ("priority", "priority"),
        ListKind::Theme => ("theme", "theme"),
    };
    w.open(name, format!("@{keyword} {id}: {}", one_line(title)));
    let k = key(title);
    if let Some((_, _, what)) = plan.includes.iter().find(|(n, _, _)| {
        *n == k || (n.len() > 3 && (k.contains(n.as_str()) || n.contains(k.as_str())))
    }) {
        w.field(1, "includes", what);
    }
}

pub(super) fn write_fallback(w: &mut Writer, plan: &Plan) {
    if plan.fallback_priorities.is_empty() && plan.fallback_themes.is_empty() {
        return;
    }
    w.gap();
    w.note(
        0,
        &format!(
            "the document does not list its priorities and themes as such (a diagram may have been lost); these are taken from {}: check them against the published document",
            plan.fallback_from.join(" and ")
        ),
    );
    for title in &plan.fallback_priorities {
        write_priority(w, ListKind::Priority, title, plan);
    }
    for title in &plan.fallback_themes {
        write_priority(w, ListKind::Theme, title, plan);
    }
}
