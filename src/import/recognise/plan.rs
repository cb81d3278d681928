//! The first pass: what the whole document says before any of it is written.
//!
//! A lead names its priority by title, and the priorities may be listed after the
//! leads or only in a summary table; the header's version comes from the version
//! table further down. So the document is read once, in full, for the lists of
//! priorities and themes (or, failing those, the names guessed from prose), the
//! ids they will have, the `X includes: Y` notes, the latest version and whether
//! a section lists the responsible authorities. The second pass writes.

use std::collections::HashSet;

use super::dates::parse_month;
use super::ids::{make_id, unique};
use super::labelled::{labelled_at, led_titles};
use super::lead_lines;
use super::priorities::{list_at, split_includes, table_lists, FoundList, ListKind};
use super::shapes::{flattened_table, run_in_labelled, run_in_numbered, sentence_lists};
use super::versions::version_columns;
use super::words::{key, one_line};
use crate::import::Block;

/// What the first pass found.
#[derive(Debug, Default)]
pub(super) struct Plan {
    /// The lists of priorities and themes, the first of each kind only.
    pub(super) lists: Vec<FoundList>,
    /// Priority titles by key, with their ids.
    pub(super) ids: Vec<(String, String)>,
    /// `X includes: Y` notes: (key of X, X, Y).
    pub(super) includes: Vec<(String, String, String)>,
    /// Guessed from prose when no list was found: titles, and where to write them.
    pub(super) fallback_priorities: Vec<String>,
    pub(super) fallback_themes: Vec<String>,
    pub(super) fallback_at: Option<usize>,
    pub(super) fallback_from: Vec<String>,
    /// The last row of the version table: (version, date).
    pub(super) latest_version: Option<(String, Option<String>)>,
    pub(super) reserved: HashSet<String>,
    /// Whether a heading names the responsible authorities (their list is there).
    pub(super) authority_section: bool,
    /// Blocks left as prose that seemed to name priorities or themes, and why
    /// they were not taken: a note is written after each.
    pub(super) unsure: Vec<(usize, String)>,
}

impl Plan {
    /// Reads the whole document.
    pub(super) fn scan(blocks: &[Block]) -> Plan {
        let mut plan = Plan::default();
        let mut i = 0;
        while i < blocks.len() {
            let table = table_lists(blocks, i);
            if !table.is_empty() {
                i += 1;
                plan.lists.extend(table);
            } else if let Some(list) = list_at(blocks, i)
                .or_else(|| labelled_at(blocks, i))
                .or_else(|| run_in_numbered(blocks, i))
                .or_else(|| run_in_labelled(blocks, i))
                .or_else(|| led_titles(blocks, i))
                .or_else(|| super::led_sections::numbered_led_sections(blocks, i))
                .or_else(|| super::contents::nested_priorities(blocks, i))
                .or_else(|| flattened_table(blocks, i))
            {
                i = list.end;
                plan.lists.push(list);
            } else {
                // Entries named in a sentence, if any; or a doubt about one.
                let (lists, unsure) = sentence_lists(blocks, i);
                plan.unsure.extend(unsure.into_iter().map(|u| (i, u)));
                // A list may be named in the next paragraph, which it takes.
                i = lists.iter().map(|l| l.end).fold(i + 1, usize::max);
                plan.lists.extend(lists);
            }
        }
        // "Part Three", "Appendix One": the document's own parts (a contents
        // page), never its priorities.
        plan.lists
            .retain(|l| !l.titles.iter().any(|t| super::titles::names_a_part(t)));
        // A plan's "key themes" are its priorities, unless it lists its priorities
        // as such: then the themes' list stays prose, with a note.
        if plan
            .lists
            .iter()
            .any(|l| l.kind == ListKind::Priority && !l.from_themes)
        {
            let dropped: Vec<usize> = plan
                .lists
                .iter()
                .filter(|l| l.from_themes)
                .map(|l| l.intro)
                .collect();
            plan.lists.retain(|l| !l.from_themes);
            for at in dropped {
                plan.unsure.push((
                    at,
                    "this list of themes is left as prose (the document lists its priorities elsewhere): if they are cross-cutting themes, make them @theme blocks".to_string(),
                ));
            }
        }
        // A second list of the same kind (a summary table repeating the diagram)
        // would duplicate the first: keep the first of each kind only.
        let mut seen = Vec::new();
        plan.lists.retain(|l| {
            let fresh = !seen.contains(&l.kind);
            seen.push(l.kind);
            fresh
        });
        for list in &mut plan.lists {
            lead_lines::attach(blocks, list);
        }
        for list in &plan.lists {
            if let Some(cut_off) = list.cut_off {
                plan.unsure
                    .push((list.intro, cut_off.note(list.titles.len())));
            }
        }
        for list in &plan.lists {
            for (name, what) in &list.includes {
                plan.includes.push((key(name), name.clone(), what.clone()));
            }
        }
        for (i, block) in blocks.iter().enumerate() {
            if let Block::Item { text, .. } | Block::Paragraph(text) = block {
                if let Some((name, what)) = split_includes(text) {
                    plan.includes.push((key(&name), name, what));
                    if plan.lists.iter().all(|l| l.kind != ListKind::Priority) {
                        plan.fallback_at = Some(i);
                    }
                }
            }
            if let Block::Table(rows) = block {
                if let Some(cols) = version_columns(rows) {
                    if let Some(last) = rows.last() {
                        let version = last.get(cols.0).map(|v| one_line(v));
                        let date = last.get(cols.1).and_then(|d| parse_month(d));
                        plan.latest_version = version.map(|v| (v, date));
                    }
                }
            }
        }
        if plan.lists.iter().all(|l| l.kind != ListKind::Priority) {
            if let Some(list) = super::aims::list(blocks) {
                plan.unsure
                    .push((list.intro, super::aims::NOTE.to_string()));
                plan.lists.push(list);
            }
        }
        if plan.lists.iter().all(|l| l.kind != ListKind::Priority) {
            plan.guess_priorities(blocks);
        }
        if plan.lists.iter().all(|l| l.kind != ListKind::Theme) {
            plan.guess_themes(blocks);
        }
        let mut ids = HashSet::new();
        let titles: Vec<(ListKind, String)> = plan
            .lists
            .iter()
            .flat_map(|l| l.titles.iter().map(|t| (l.kind, t.clone())))
            .chain(
                plan.fallback_priorities
                    .iter()
                    .map(|t| (ListKind::Priority, t.clone())),
            )
            .chain(
                plan.fallback_themes
                    .iter()
                    .map(|t| (ListKind::Theme, t.clone())),
            )
            .collect();
        for (_, title) in titles {
            let id = unique(&mut ids, make_id(&title));
            plan.ids.push((key(&title), id));
        }
        plan.reserved = ids;
        plan.authority_section = blocks.iter().any(|b| {
            matches!(b, Block::Heading { text, .. } if text.to_lowercase().contains("responsible authorities"))
        });
        plan
    }

    /// The id of the priority or theme titled `title`, if the document lists it.
    pub(super) fn id_of(&self, title: &str) -> Option<&str> {
        let k = key(title);
        if k.is_empty() {
            return None;
        }
        self.ids
            .iter()
            .find(|(t, _)| *t == k)
            .or_else(|| {
                self.ids.iter().find(|(t, _)| {
                    t.len() > 3 && (k.contains(t.as_str()) || t.contains(k.as_str()))
                })
            })
            .map(|(_, id)| id.as_str())
    }
}
