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
    /// The block each entry is printed in (the same table for a table's entries).
    pub(super) at: Vec<usize>,
    /// The entries' text as printed, when it is more than the title
    /// (`Priority 1 - X.`, `X which includes Y`): kept in a comment.
    pub(super) printed: Vec<Option<String>>,
    /// `X which includes Y`, `X (including Y)`: the title and what it includes.
    pub(super) includes: Vec<(String, String)>,
    /// The first block after the list.
    pub(super) end: usize,
}

impl FoundList {
    fn new(kind: ListKind, intro: usize) -> Self {
        FoundList {
            kind,
            intro,
            titles: Vec::new(),
            at: Vec::new(),
            printed: Vec::new(),
            includes: Vec::new(),
            end: intro + 1,
        }
    }

    /// Adds the entry printed as `text` in block `at`: its title without a
    /// `Priority 1 -` label or a closing full stop, and what it includes.
    fn push(&mut self, text: &str, at: usize) {
        let printed = tidy(&strip_markup(text));
        let bare = strip_label(&printed);
        let bare = bare.trim_end_matches(['.', ';', ',']).trim();
        let title = match split_including(bare) {
            Some((title, what)) => {
                self.includes.push((title.clone(), what));
                title
            }
            None => bare.to_string(),
        };
        self.printed.push((printed != title).then_some(printed));
        self.titles.push(title);
        self.at.push(at);
    }
}

/// `Priority 1 - X`, `Priority One: X`, `Priority 2. X` → `X`; other text as it is.
pub(super) fn strip_label(text: &str) -> &str {
    label_rest(text).unwrap_or(text)
}

/// What follows a `Priority N` label and its separator, if the text opens with one.
fn label_rest(text: &str) -> Option<&str> {
    let rest = text
        .strip_prefix("Priority ")
        .or_else(|| text.strip_prefix("PRIORITY "))
        .or_else(|| text.strip_prefix("priority "))?;
    let (number, rest) = rest.split_once(|c: char| !c.is_alphanumeric())?;
    const WORDS: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let is_number =
        (!number.is_empty() && number.len() <= 2 && number.bytes().all(|b| b.is_ascii_digit()))
            || WORDS.contains(&number.to_lowercase().as_str());
    if !is_number {
        return None;
    }
    let rest = rest
        .trim_start_matches([' ', '-', '–', '—', ':', '.', ')'])
        .trim();
    (!rest.is_empty() && rest.starts_with(|c: char| c.is_alphabetic())).then_some(rest)
}

/// `X which includes Y`, `X - including Y`, `X (to include Y)`, `X (including Y)`:
/// the title and what it includes.
pub(super) fn split_including(text: &str) -> Option<(String, String)> {
    for cue in [
        " which includes ",
        " - including ",
        " – including ",
        ", including ",
        " including: ",
    ] {
        if let Some((title, what)) = text.split_once(cue) {
            let title = title.trim();
            if is_name_like(title) && words(title) <= 12 && !what.trim().is_empty() {
                return Some((
                    title.to_string(),
                    what.trim().trim_end_matches('.').to_string(),
                ));
            }
        }
    }
    for cue in [" (to include ", " (including ", " (includes "] {
        if let Some((title, what)) = text.split_once(cue) {
            let title = title.trim();
            if text.ends_with(')') && is_name_like(title) && words(title) <= 12 {
                let what = what.strip_suffix(')').unwrap_or(what).trim();
                return Some((title.to_string(), what.to_string()));
            }
        }
    }
    None
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
    let mut list = FoundList::new(ListKind::Priority, i);
    let mut j = i;
    while let Some(t) = blocks.get(j).and_then(text) {
        if label_rest(&t).is_none_or(|r| words(r) > 40) {
            break;
        }
        list.push(&t, j);
        j += 1;
    }
    list.end = j;
    (list.titles.len() >= 2).then_some(list)
}

/// A heading or paragraph that introduces a list: how long it may be, by its ending.
fn introduces(lower: &str, is_heading: bool) -> bool {
    let lower = lower.trim_end();
    let long_cue = [
        "are:",
        "as:",
        "namely:",
        "as follows:",
        "following:",
        "priorities:",
        "include:",
        "will:",
    ]
    .iter()
    .any(|c| lower.ends_with(c))
        || lower.ends_with("priorities")
        || lower.ends_with("priority areas")
        || (lower.contains("the following") && lower.contains("priorit"));
    let limit = if long_cue { 30 } else { 8 };
    words(lower) <= limit && (is_heading || lower.ends_with(':') || long_cue)
}

impl Plan {
    /// "the key priorities ... included A, B, C and D" in prose.
    pub(super) fn guess_priorities(&mut self, blocks: &[Block]) {
        for (i, block) in blocks.iter().enumerate() {
            let (Block::Paragraph(text) | Block::Item { text, .. }) = block else {
                continue;
            };
            // Places are found in the lower-cased text and sliced in the original.
            let folded = crate::text::matching::Folded::new(text);
            let lower = &folded.lower;
            let Some(at) = lower.find("priorities") else {
                continue;
            };
            let Some(inc) = lower[at..]
                .find(" included ")
                .map(|p| folded.origin(at + p + " included ".len()))
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
            let folded = crate::text::matching::Folded::new(text);
            let Some(at) = folded
                .find("cross-cutting theme")
                .or_else(|| folded.find("cross cutting theme"))
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
    // A review of last year, or what others set: not this document's list.
    let looks_back = [
        "achieved",
        "last year",
        "progress",
        "previous plan",
        "sub-group",
        "subgroup",
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
    if names_pcc || looks_back || !introduces(&lower, is_heading) {
        return None;
    }
    if let Some(list) = headed_list(blocks, i, kind) {
        return Some(list);
    }
    // Entries: short lines, list items or a one-column table.
    let mut list = FoundList::new(kind, i);
    let mut j = i + 1;
    while let Some(block) = blocks.get(j) {
        match block {
            Block::Paragraph(t) if is_name_like(t) && words(t) <= 10 => list.push(t, j),
            Block::Paragraph(t) if split_including(strip_label(t)).is_some() && words(t) <= 60 => {
                list.push(t, j)
            }
            Block::Item { text: t, .. }
                if !t.ends_with([':', ';'])
                    && words(t) <= 40
                    && (!t.ends_with('.')
                        || words(strip_label(t)) <= 12
                        || split_including(t).is_some()) =>
            {
                list.push(t, j)
            }
            Block::Table(rows) if list.titles.is_empty() && rows.iter().all(|r| r.len() == 1) => {
                for r in rows {
                    list.push(&one_line(&r[0]), j);
                }
                j += 1;
                break;
            }
            _ => break,
        }
        j += 1;
    }
    list.end = j;
    (list.titles.len() >= 2).then_some(list)
}

/// Short title lines, each followed by the paragraphs about it ("Anti-social
/// behaviour", then what the partnership will do about it): the titles are the
/// entries, the paragraphs stay prose in their place. A line that comes back under
/// every entry (`Aim`, `Actions`) is a sub-heading, not an entry.
fn headed_list(blocks: &[Block], i: usize, kind: ListKind) -> Option<FoundList> {
    let short = |t: &str| is_name_like(t) && words(t) <= 8 && !t.contains(':');
    let repeats = |t: &str| {
        blocks
            .iter()
            .filter(|b| matches!(b, Block::Paragraph(p) | Block::Heading { text: p, .. } if p == t))
            .count()
            > 1
    };
    let body = |b: Option<&Block>| match b {
        Some(Block::Paragraph(p)) => words(p) >= 12 || (short(p) && repeats(p)),
        _ => false,
    };
    let mut list = FoundList::new(kind, i);
    let mut j = i + 1;
    while let Some(block) = blocks.get(j) {
        match block {
            Block::Paragraph(t) | Block::Heading { text: t, .. }
                if short(t) && !repeats(t) && body(blocks.get(j + 1)) =>
            {
                list.push(t, j)
            }
            Block::Paragraph(t) if !list.titles.is_empty() && (words(t) >= 12 || repeats(t)) => {}
            Block::Item { .. } if !list.titles.is_empty() => {}
            _ => break,
        }
        j += 1;
    }
    list.end = j;
    (list.titles.len() >= 2).then_some(list)
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
            let mut list = FoundList::new((*kind)?, i);
            for t in &titles {
                list.push(t, i);
            }
            Some(list)
        })
        .collect()
}

/// Every list introduced at block `at` (a table can hold two): its entries where
/// they are printed, and the prose between them (an introduction, the paragraphs
/// under a title) in its place.
pub(super) fn write_lists(w: &mut Writer, blocks: &[Block], at: usize, plan: &Plan) -> usize {
    let lists: Vec<&FoundList> = plan.lists.iter().filter(|l| l.intro == at).collect();
    let end = lists
        .iter()
        .map(|l| l.end)
        .max()
        .unwrap_or(at + 1)
        .max(at + 1);
    if let Block::Table(rows) = &blocks[at] {
        w.printed_as_table(&rows[0]);
        for list in &lists {
            for (n, title) in list.titles.iter().enumerate() {
                write_priority(
                    w,
                    list.kind,
                    title,
                    list.printed[n].as_deref(),
                    plan,
                    blocks,
                );
            }
        }
        return end;
    }
    for (j, block) in blocks.iter().enumerate().take(end).skip(at) {
        let mut written = false;
        for list in &lists {
            for (n, title) in list
                .titles
                .iter()
                .enumerate()
                .filter(|(n, _)| list.at[*n] == j)
            {
                write_priority(
                    w,
                    list.kind,
                    title,
                    list.printed[n].as_deref(),
                    plan,
                    blocks,
                );
                written = true;
            }
        }
        if !written {
            prose_block(w, block);
        }
    }
    end
}

/// One entry of a list: its id is the one the first pass gave its title.
fn write_priority(
    w: &mut Writer,
    kind: ListKind,
    title: &str,
    printed: Option<&str>,
    plan: &Plan,
    blocks: &[Block],
) {
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
    if let Some(printed) = printed {
        w.comment(1, &format!("printed as \"{}\"", one_line(printed)));
    }
    let k = key(title);
    if let Some((_, _, what)) = plan.includes.iter().find(|(n, _, _)| {
        *n == k || (n.len() > 3 && (k.contains(n.as_str()) || n.contains(k.as_str())))
    }) {
        w.field(1, "includes", what);
    }
    if kind == ListKind::Priority {
        let measures = super::measures::measures_of(blocks, title);
        if !measures.is_empty() {
            w.note(
                1,
                "measure: the list under the priority's measures of success: check it",
            );
            for m in &measures {
                w.field(1, "measure", m);
            }
        }
    }
}

pub(super) fn write_fallback(w: &mut Writer, plan: &Plan, blocks: &[Block]) {
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
        write_priority(w, ListKind::Priority, title, None, plan, blocks);
    }
    for title in &plan.fallback_themes {
        write_priority(w, ListKind::Theme, title, None, plan, blocks);
    }
}
