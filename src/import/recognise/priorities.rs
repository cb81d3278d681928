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
use super::introductions::{
    colon_implied, counted_before_items, entries_counted, introduces, introduces_another_kind,
    introducing_sentence, kind_named, mentions_a_kind, names_a_person, names_its_list,
};
use super::lead_lines::field_line;
use super::plan::Plan;
use super::shapes::split_description;
use super::titles::{colon_title, introducing_tail, is_record_field, labelled_field, number_rest};
pub(super) use super::titles::{split_includes, split_including, strip_label};
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
    /// The entries sit inside a paragraph (a sentence, a numbered run): the
    /// paragraph is written as prose, then the entries.
    pub(super) inline: bool,
    /// Each entry opens a paragraph ("Domestic abuse: we will ..."): the
    /// paragraph is written as prose, then the entry, with no note.
    pub(super) opens_paragraph: bool,
    /// Each entry's fields from the labelled lines under it (`Lead: ...`,
    /// `Resources: ...`): the field's name and its value.
    pub(super) fields: Vec<Vec<(&'static str, String)>>,
    /// The list was introduced as the plan's "key themes" (not cross-cutting
    /// ones): its priorities, unless the document lists its priorities as such.
    pub(super) from_themes: bool,
    /// The text stops inside the list (an excerpt cut off): a note says so.
    pub(super) cut_off: Option<CutOff>,
}

impl FoundList {
    pub(super) fn new(kind: ListKind, intro: usize) -> Self {
        FoundList {
            kind,
            intro,
            titles: Vec::new(),
            at: Vec::new(),
            printed: Vec::new(),
            includes: Vec::new(),
            end: intro + 1,
            inline: false,
            opens_paragraph: false,
            fields: Vec::new(),
            from_themes: false,
            cut_off: None,
        }
    }

    /// The entries `names`, named inside the paragraph at block `at` (a sentence,
    /// or the paragraph after the one at `intro`): the paragraph is written as
    /// prose, then the entries.
    pub(super) fn named_inline(kind: ListKind, intro: usize, names: &[String], at: usize) -> Self {
        let mut found = FoundList::new(kind, intro);
        for name in names {
            found.push(name, at);
        }
        found.end = at + 1;
        found.inline = true;
        found
    }

    /// Adds an entry whose title is `title` as printed (an aim, whole), and the
    /// text it was printed in when that is more ("1. To reduce ... misuse.").
    pub(super) fn push_as_printed(&mut self, title: &str, printed: &str, at: usize) {
        self.printed
            .push((printed != title).then(|| printed.to_string()));
        self.titles.push(title.to_string());
        self.at.push(at);
        self.fields.push(Vec::new());
    }

    /// Adds the entry printed as `text` in block `at`: its title without a
    /// `Priority 1 -` label or a closing full stop, and what it includes.
    pub(super) fn push(&mut self, text: &str, at: usize) {
        let printed = tidy(&strip_markup(text));
        let bare = labelled_field(&printed).unwrap_or_else(|| strip_label(&printed));
        // "Violence Under-25: Key Priority Lead – West Midlands Police": the
        // entry's lead, printed after its title.
        let (bare, lead) = match super::lead_lines::inline_lead(bare) {
            Some((title, lead)) => (title, Some(lead)),
            None => (bare, None),
        };
        let bare = bare.strip_suffix(" and").unwrap_or(bare).trim_end();
        // "Safeguarding Vulnerable People –": a dash with nothing after it.
        let bare = bare.trim_end_matches(['.', ';', ',', '–', '—']).trim();
        let bare = bare.strip_suffix(" -").unwrap_or(bare).trim();
        let bare = introducing_tail(bare).unwrap_or(bare);
        // "Title – what it means, including ...": the title is before the dash,
        // unless the dash itself opens what it includes ("X – including a, b").
        let described = split_description(bare).filter(|t| {
            let rest = bare[t.len()..].trim_start_matches([' ', '–', '—', '-']);
            !rest.starts_with("including") && !rest.starts_with("to include")
        });
        let title = match split_including(bare).filter(|_| described.is_none()) {
            Some((title, what)) => {
                self.includes.push((title.clone(), what));
                title
            }
            None => split_description(bare).unwrap_or(bare).to_string(),
        };
        self.printed.push((printed != title).then_some(printed));
        self.titles.push(title);
        self.at.push(at);
        // "Chris Johnson (West Midlands Police) & Rob James (Birmingham City
        // Council)": two leads, each with their organisation.
        let leads: Vec<(&'static str, String)> = match lead {
            Some(l)
                if l.split(" & ").count() > 1
                    && l.split(" & ").all(|p| p.trim().ends_with(')')) =>
            {
                l.split(" & ")
                    .map(|p| ("lead", p.trim().to_string()))
                    .collect()
            }
            Some(l) => vec![("lead", l)],
            None => Vec::new(),
        };
        self.fields.push(leads);
    }
}

/// Why a list holds fewer entries than the document has: the text stops inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CutOff {
    /// The introduction counts this many.
    Counted(usize),
    /// The one entry is numbered as the first.
    AfterTheFirst,
}

impl CutOff {
    /// The note written under the list.
    pub(super) fn note(self, found: usize) -> String {
        match self {
            CutOff::Counted(count) => format!(
                "the introduction counts {count} entries and the text stops after {found}: add the rest from the original"
            ),
            CutOff::AfterTheFirst => "the text stops after the first of its numbered priorities: add the rest from the original".to_string(),
        }
    }
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

/// Is block `i` the introduction of a list of priorities or themes?
pub(super) fn list_at(blocks: &[Block], i: usize) -> Option<FoundList> {
    // Most paragraphs are finished sentences of prose: one that ends with its full
    // stop, with no list item after it, introduces a list only when it names the
    // kind; looked for before anything is lower-cased.
    if let Block::Paragraph(t) = &blocks[i] {
        let finished = t.trim_end().ends_with('.');
        let items_next = matches!(blocks.get(i + 1), Some(Block::Item { .. }));
        if finished && !items_next && !mentions_a_kind(t) {
            return None;
        }
    }
    let (intro, is_heading) = match &blocks[i] {
        // Text copied from a web page loses its headings: a short line that
        // names the priorities and ends without punctuation ("Our priorities")
        // stands as one.
        Block::Paragraph(t) => (t, names_its_list(t)),
        Block::Heading { text, .. } => (text, true),
        // A list item that introduces the list after it ("• The Strategy sets
        // out five priorities:").
        Block::Item { text, .. } if text.trim_end().ends_with(':') => (text, false),
        _ => return None,
    };
    // A paragraph introduces with its last sentence ("... sets out its plan to
    // achieve them. The priorities for the next five years are:").
    let whole = strip_markup(&intro.to_lowercase());
    // "These are:" on a line of its own introduces what the paragraph above it
    // names ("... has five priorities for reducing crime."), perhaps past a web
    // page's "READ MORE:" line.
    let whole = match pointing_back(&whole) {
        true => (1..=2)
            .filter_map(|back| i.checked_sub(back))
            .find_map(|p| match &blocks[p] {
                Block::Paragraph(t) if kind_named(&t.to_lowercase()).is_some() => {
                    Some(format!("{} {whole}", strip_markup(&t.to_lowercase())))
                }
                _ => None,
            })
            .unwrap_or(whole),
        false => whole,
    };
    // "The priorities are:-": the dash after the colon is the colon's.
    let whole = match whole.trim_end().strip_suffix(['-', '–']) {
        Some(w) if w.ends_with(':') => w.to_string(),
        _ => whole,
    };
    let whole = colon_implied(&whole, blocks.get(i + 1)).unwrap_or(whole);
    let counted = counted_before_items(&whole, blocks, i);
    let whole = counted.clone().unwrap_or(whole);
    let lower = introducing_sentence(&whole);
    // A bare "Priorities" among short lines ("Legislation", "Priorities",
    // "Projects"): an agenda or contents entry, not an introduction ("Our
    // priorities" after a list of partners is one).
    let among_lines = |at: Option<&Block>| matches!(at, Some(Block::Paragraph(t)) if is_name_like(t) && words(t) <= 5);
    if matches!(&blocks[i], Block::Paragraph(t) if !t.trim_end().ends_with(':') && words(t) <= 2 && !["our ", "key "].iter().any(|o| t.to_lowercase().starts_with(o)))
        && among_lines(i.checked_sub(1).map(|p| &blocks[p]))
        && among_lines(blocks.get(i + 1))
    {
        return None;
    }
    // Whose priorities: judged on the clause that introduces the list ("Taking
    // account of the PCC's priorities, the following five priorities were
    // determined by the partnership:" is the partnership's).
    // (A last clause that lists who will work on them, "..., including the
    // council and the Metropolitan Police:", is no clause about whose they are.)
    let clauses: Vec<&str> = lower.rsplit(", ").collect();
    let main_clause = match clauses.as_slice() {
        [last, before, ..] if last.starts_with("including ") => before,
        [last, ..] => last,
        [] => lower.as_str(),
    };
    let names_pcc = [
        "police",
        "pcc",
        "commissioner",
        "crime plan",
        "chief constable",
    ]
    .iter()
    .any(|w| main_clause.contains(w));
    // A review of last year, or what others set: not this document's list.
    // ("Progress updates ... to tackle the four key priorities:" introduces the
    // priorities themselves; "Our progress against last year's priorities" does not;
    // "Over the last year the partnership had focussed on the following
    // priorities:" does: the priorities it works to, up to now.)
    let current = lower
        .replace("over the last year", "")
        .replace("over the past year", "");
    let looks_back = [
        "achieved",
        "last year",
        "our progress",
        "progress made",
        "progress against",
        "progress on",
        "previous plan",
        "sub-group",
        "subgroup",
    ]
    .iter()
    .any(|w| current.contains(w));
    // "Key areas of our work include:" under the heading "Key Priorities", with
    // at most a paragraph between: the priorities, though the line does not say.
    let under_heading = || {
        let ends_colon = lower.trim_end().ends_with(':') && words(&lower) <= 12;
        let heading = (i.saturating_sub(2)..i)
            .rev()
            .find_map(|p| match &blocks[p] {
                Block::Heading { text, .. } => Some(text.as_str()),
                Block::Paragraph(t) if names_its_list(t) => Some(t.as_str()),
                _ => None,
            });
        let names = heading.is_some_and(|h| {
            let h = h.to_lowercase();
            h.contains("priorities") && !h.contains("theme")
        });
        (ends_colon && names && !introduces_another_kind(&lower))
            .then_some((ListKind::Priority, false))
    };
    let (kind, from_themes) = kind_named(&lower)
        .or(counted.map(|_| (ListKind::Priority, false)))
        .or_else(under_heading)?;
    if names_pcc || looks_back {
        return None;
    }
    let long = introduces(&lower, is_heading)?;
    let mut list = list_after(blocks, i, kind, is_heading, long, &lower)?;
    // "The Panel will hear from the following:" and a list of people with their
    // roles: who will speak about the priorities, not the priorities.
    let people = list.titles.iter().filter(|t| names_a_person(t)).count();
    if people * 2 >= list.titles.len() {
        return None;
    }
    // "Status: Closed", "Audiences: Everyone": a consultation page's record of
    // itself under its title, not the priorities the title names.
    let fields = list.titles.iter().filter(|t| is_record_field(t)).count();
    if fields * 2 >= list.titles.len() {
        return None;
    }
    list.from_themes = from_themes;
    Some(list)
}

/// The list after the introduction at `i`: titled lines, titled paragraphs, or
/// entries. After a long introduction, only a clean list of short items, as many
/// as the introduction counts if it counts them.
fn list_after(
    blocks: &[Block],
    i: usize,
    kind: ListKind,
    is_heading: bool,
    long: bool,
    lower: &str,
) -> Option<FoundList> {
    if let Some(list) = super::shapes::labelled_groups(blocks, i, kind) {
        return Some(list);
    }
    if !long {
        if let Some(list) = headed_list(blocks, i, kind, is_heading)
            .and_then(|list| as_counted(list, blocks, entries_counted(lower)))
        {
            return Some(list);
        }
        if let Some(list) = super::shapes::titled_paragraphs(blocks, i, kind, is_heading) {
            return Some(list);
        }
    }
    // Entries: short lines, list items or a one-column table; under a heading,
    // perhaps after a line that introduces them ("Over the next three years we
    // will focus on:").
    let mut list = FoundList::new(kind, i);
    // The count the heading's introducing line gives, if it gives one.
    let (mut j, counted) = match is_heading {
        true => under_the_heading(blocks, i + 1)?,
        false => (i + 1, None),
    };
    // The level of the list's items: deeper items are what an entry has
    // "particular reference to", kept as prose under it.
    let mut level = None;
    let mut full_stop = false;
    // "The strategy comprises five priorities:", then five short paragraphs: with
    // the count given, an entry may be a longer line, up to the count.
    let count = entries_counted(lower).or(counted);
    let counted_entry = |t: &str, so_far: usize| {
        // "...; and", "...;": the list's own punctuation.
        let t = t.trim_end();
        let t = t.strip_suffix(" and").unwrap_or(t).trim_end();
        let t = t.strip_suffix(';').unwrap_or(t);
        count.is_some_and(|c| so_far < c)
            && words(t) <= 20
            && !t.trim_end_matches('.').contains(['.', ':', ';'])
    };
    if let Some(list) = run_together_after(blocks, i, j, kind) {
        return Some(list);
    }
    while let Some(block) = blocks.get(j) {
        match block {
            // A list of items ends at the first line after it, and a numbered
            // list at the first line without a number ("Community Safety Plan
            // 2016 - 2017" after "4. Reducing offending").
            Block::Paragraph(_) if level.is_some() => break,
            Block::Paragraph(t) if numbered_before(&list) && number_rest(t).is_none() => break,
            Block::Paragraph(t) if is_name_like(t) && words(t) <= 10 => list.push(t, j),
            Block::Paragraph(t) if counted_entry(t, list.titles.len()) => list.push(t, j),
            // A numbered line may be longer ("3. Reduce and prevent exploitation
            // and address the needs of vulnerable victims and offenders").
            Block::Paragraph(t)
                if number_rest(t).is_some_and(|r| is_name_like(r) && words(r) <= 20) =>
            {
                list.push(t, j)
            }
            Block::Paragraph(t) if super::lead_lines::inline_lead(strip_label(t)).is_some() => {
                list.push(t, j)
            }
            // "1. Neighbourhood Crime" standing alone reads as a heading; one after
            // another straight after the introduction, they are its entries.
            Block::Heading { text: t, .. }
                if level.is_none()
                    && number_rest(t).is_some()
                    && is_name_like(t)
                    && words(t) <= 10 =>
            {
                list.push(t, j)
            }
            Block::Paragraph(t) if split_including(strip_label(t)).is_some() && words(t) <= 60 => {
                list.push(t, j)
            }
            // "Preventing Violence in Communities – preventing serious violence,
            // including youth violence": a title and what it means; a line that
            // introduces a list of its own (ends with a colon) ends this one.
            Block::Paragraph(t)
                if !t.trim_end().ends_with(':')
                    && words(t) <= 40
                    && split_description(strip_label(t)).is_some() =>
            {
                list.push(t, j)
            }
            Block::Item { level: l, .. } if level.is_some_and(|top| *l > top) => {}
            // "(often for financial gain) Examples include, ...": the rest of the
            // entry above, which the page broke in two.
            Block::Item { text: t, .. } if level.is_some() && t.starts_with('(') => {}
            Block::Item { text: t, level: l }
                if item_entry(blocks, j, t, *l, full_stop)
                    || (level.is_none_or(|top| top == *l)
                        && counted_entry(t, list.titles.len())) =>
            {
                full_stop |= t.trim_end().ends_with('.');
                level = Some(*l);
                list.push(t, j)
            }
            // "Safety in Public Spaces:", then items: a title that introduces what
            // it covers (kept as prose under it, and written as what it includes).
            Block::Paragraph(t)
                if level.is_none()
                    && matches!(blocks.get(j + 1), Some(Block::Item { .. }))
                    && colon_title(t).is_some() =>
            {
                let title = colon_title(t).unwrap_or_default();
                list.push_as_printed(title, t, j);
                let what = items_after(blocks, &mut j);
                list.includes.push((title.to_string(), what));
            }
            // "Healthier and Safer Communities", "Focusing on:", then items: what
            // the entry above focuses on, kept as prose under it and written as
            // what it includes.
            Block::Paragraph(t)
                if level.is_none()
                    && !list.titles.is_empty()
                    && t.trim_end().ends_with(':')
                    && words(t) <= 4
                    && matches!(blocks.get(j + 1), Some(Block::Item { .. })) =>
            {
                let what = items_after(blocks, &mut j);
                if let Some(title) = list.titles.last() {
                    list.includes.push((title.clone(), what));
                }
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
    if long && !clean_list(blocks, &list, lower) {
        return None;
    }
    as_counted(list, blocks, entries_counted(lower).or(counted))
}

/// An introduction that says how many ("six priority areas") is believed: a
/// list of another length is not the one it introduces. Unless the text stops
/// inside the list (an excerpt cut off after the second of three): what it
/// holds is taken, and a note says how many are missing.
fn as_counted(mut list: FoundList, blocks: &[Block], count: Option<usize>) -> Option<FoundList> {
    let found = list.titles.len();
    match count {
        Some(c) if c > found && found >= 1 && list.end == blocks.len() => {
            list.cut_off = Some(CutOff::Counted(c));
            Some(list)
        }
        Some(c) if c != found => None,
        _ => (found >= 2).then_some(list),
    }
}

/// The list items straight after block `j`, as what an entry includes ("A; B"),
/// with `j` moved to the last of them.
fn items_after(blocks: &[Block], j: &mut usize) -> String {
    let mut what = Vec::new();
    while let Some(Block::Item { text, .. }) = blocks.get(*j + 1) {
        what.push(one_line(text).trim_end_matches(['.', ';']).to_string());
        *j += 1;
    }
    what.join("; ")
}

/// Under a heading, the line at `j` that introduces its list ("Over the next three
/// years we will focus on:"): where the list starts and the count the line gives.
/// None when the line introduces another kind of list ("Our aim is to ... by:"
/// under "Aims and priorities").
fn under_the_heading(blocks: &[Block], j: usize) -> Option<(usize, Option<usize>)> {
    let Some(Block::Paragraph(t)) = blocks.get(j) else {
        return Some((j, None));
    };
    let l = t.to_lowercase();
    if introduces_another_kind(&l) {
        return None;
    }
    let back = ["achieved", "last year", "progress", "previous"];
    let introduces = t.trim_end().ends_with(':')
        && words(t) <= 30
        && !back.iter().any(|w| l.contains(w))
        && !l.contains("police");
    Some(match introduces {
        true => (j + 1, entries_counted(&l)),
        false => (j, None),
    })
}

/// "Alcohol and alcohol-related crime Anti-social behaviour Domestic violence
/// ...": the list run into one line at `j`, straight after the introduction at `i`.
fn run_together_after(blocks: &[Block], i: usize, j: usize, kind: ListKind) -> Option<FoundList> {
    let Some(Block::Paragraph(t)) = blocks.get(j) else {
        return None;
    };
    let entries = super::titles::run_together_titles(t)?;
    let mut list = FoundList::new(kind, i);
    for entry in &entries {
        list.push(entry, j);
    }
    list.inline = true;
    list.end = j + 1;
    Some(list)
}

/// "These are:", "They include:": a line that only points back at what the one
/// before it names.
fn pointing_back(lower: &str) -> bool {
    let l = lower.trim();
    l.ends_with(':') && words(l) <= 3 && ["these ", "they "].iter().any(|p| l.starts_with(p))
}

/// Whether the entries so far were printed with their numbers ("1. X").
fn numbered_before(list: &FoundList) -> bool {
    list.printed
        .first()
        .and_then(|p| p.as_deref())
        .is_some_and(|p| number_rest(p).is_some())
}

/// Whether the item at `j` is an entry of a list: a short line; one ending with a
/// colon that introduces deeper items ("To reduce crime, with particular reference
/// to:"); one ending with a full stop when it is short or says what it includes, or
/// when it is the last of the list and closes it, the entries before it having none
/// (`stopped`: an entry before it ended with a full stop).
fn item_entry(blocks: &[Block], j: usize, t: &str, level: u8, stopped: bool) -> bool {
    let t = t.trim_end();
    if words(t) > 40 {
        return false;
    }
    let deeper_next = matches!(blocks.get(j + 1), Some(Block::Item { level: l, .. }) if *l > level);
    if t.ends_with(':') {
        return deeper_next && introducing_tail(strip_label(t)).is_some();
    }
    // "Reducing anti-social behaviour;", "...misuse; and": an entry of a list
    // printed as one sentence, when short; a longer clause is not a title.
    if let Some(entry) = t
        .strip_suffix(" and")
        .unwrap_or(t)
        .trim_end()
        .strip_suffix(';')
    {
        return words(strip_label(entry)) <= 12 && is_name_like(entry);
    }
    if !t.ends_with('.') {
        return true;
    }
    let last = !matches!(blocks.get(j + 1), Some(Block::Item { level: l, .. }) if *l <= level);
    // A closing sentence about the list ("... responsible for local delivery
    // against the above priorities ...") is no entry of it.
    let about_the_list = kind_named(&t.to_lowercase()).is_some();
    words(strip_label(t)) <= 12
        || split_including(t).is_some()
        || split_description(strip_label(t)).is_some()
        || (last && !stopped && !about_the_list && !t[..t.len() - 1].contains(". "))
        // "• Ensuring neighbourhoods are safe by tackling crime ... such as
        // robbery and knife crime.", then the next: one sentence an entry, in a
        // list whose entries each end with a full stop.
        || (!last && words(t) <= 30 && !about_the_list && !t[..t.len() - 1].contains(". "))
}

/// After a long introduction: every entry a short list item, as many as the
/// introduction counts ("five key areas which were:"), if it counts them.
fn clean_list(blocks: &[Block], list: &FoundList, lower: &str) -> bool {
    // List items, or numbered lines ("1. dealing with anti-social behaviour").
    let items = list.at.iter().all(|a| match blocks.get(*a) {
        Some(Block::Item { .. }) => true,
        Some(Block::Paragraph(t) | Block::Heading { text: t, .. }) => number_rest(t).is_some(),
        _ => false,
    });
    let short = list.titles.iter().all(|t| words(t) <= 12);
    let count = super::shapes::count_before_colon(lower);
    items && short && count.is_none_or(|c| c == list.titles.len())
}

/// Short title lines, each followed by the paragraphs about it ("Anti-social
/// behaviour", then what the partnership will do about it): the titles are the
/// entries, the paragraphs stay prose in their place. A line that comes back under
/// every entry (`Aim`, `Actions`) is a sub-heading, not an entry.
fn headed_list(blocks: &[Block], i: usize, kind: ListKind, is_heading: bool) -> Option<FoundList> {
    // A heading of the document's own parts ("Key Strategic Messages", "Next
    // steps") is never one of the titles: it ends them.
    const PARTS: [&str; 12] = [
        "messages",
        "summary",
        "introduction",
        "background",
        "conclusion",
        "next steps",
        "appendix",
        "contents",
        "foreword",
        "governance",
        "further information",
        "glossary",
    ];
    // Nor is a second heading of the list ("SPP Priorities", then "Local
    // Strategic Priorities for Action"): an entry is never called a priority.
    let short = |t: &str| {
        let l = t.to_lowercase();
        is_name_like(t)
            && words(t) <= 12
            && !t.contains(':')
            && !PARTS.iter().any(|p| l.contains(p))
            && kind_named(&l).is_none()
    };
    // A sub-heading that comes back under every title comes back near them: the
    // blocks around the list are searched, not the whole document (which would
    // make a long text's import quadratic).
    let near = &blocks[i.saturating_sub(50)..blocks.len().min(i + 400)];
    let repeats = |t: &str| {
        near.iter()
            .filter(|b| matches!(b, Block::Paragraph(p) | Block::Heading { text: p, .. } if p == t))
            .count()
            > 1
    };
    // A title's body: paragraphs, or the bullets under it ("Safe and confident
    // communities", then what will be done, a bullet each).
    let body = |b: Option<&Block>| match b {
        Some(Block::Paragraph(p)) => {
            words(p) >= 12 || (short(p) && repeats(p)) || field_line(p).is_some()
        }
        Some(Block::Item { text, .. }) => words(text) >= 12,
        _ => false,
    };
    let mut list = FoundList::new(kind, i);
    let mut j = i + 1;
    // Under a heading, one line may introduce the titles ("The current local
    // community safety priorities as detailed in our delivery plan:").
    // A second heading that names the list ("SPP Priorities", then "Local
    // Strategic Priorities for Action") goes with the first.
    if let (true, Some(Block::Paragraph(t) | Block::Heading { text: t, .. })) =
        (is_heading, blocks.get(j))
    {
        if is_name_like(t) && words(t) <= 8 && kind_named(&t.to_lowercase()).is_some() {
            j += 1;
        }
    }
    if let (true, Some(Block::Paragraph(t))) = (is_heading, blocks.get(j)) {
        let l = t.to_lowercase();
        if introduces_another_kind(&l) {
            return None;
        }
        if t.trim_end().ends_with(':')
            && words(super::introductions::last_sentence(t)) <= 30
            && !l.contains("police")
        {
            j += 1;
        }
    }
    while let Some(block) = blocks.get(j) {
        // The last title may be the text's last line (an excerpt cut there).
        let last_of_text = j + 1 == blocks.len() && list.titles.len() >= 2;
        match block {
            Block::Paragraph(t) | Block::Heading { text: t, .. }
                if short(t) && !repeats(t) && (body(blocks.get(j + 1)) || last_of_text) =>
            {
                list.push(t, j)
            }
            Block::Paragraph(t)
                if !list.titles.is_empty()
                    && (words(t) >= 12 || repeats(t) || field_line(t).is_some()) => {}
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
    if rows.len() >= 2 && kinds.iter().any(Option::is_none) {
        return super::shapes::key_column(rows, i).into_iter().collect();
    }
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
                write_entry(w, list, n, title, plan, blocks);
            }
        }
        return end;
    }
    for (j, block) in blocks.iter().enumerate().take(end).skip(at) {
        let mut written = false;
        if lists.iter().any(|l| l.inline && l.at.contains(&j)) {
            // The entries are named inside the paragraph: it stays prose, word
            // for word, and the blocks follow it.
            prose_block(w, block);
            if let Block::Paragraph(text) = block {
                super::authorities::members_of_written(w, j, text, plan);
            }
            w.note(
                0,
                "the entries below are named inside the paragraph above: check their titles",
            );
            written = true;
        } else if lists.iter().any(|l| l.opens_paragraph && l.at.contains(&j)) {
            prose_block(w, block);
            written = true;
        }
        for list in &lists {
            for (n, title) in list
                .titles
                .iter()
                .enumerate()
                .filter(|(n, _)| list.at[*n] == j)
            {
                write_entry(w, list, n, title, plan, blocks);
                written = true;
            }
        }
        // The introduction may name the partnership's members too ("The
        // partnership includes A, B and C and have identified the following four
        // priorities:"): they are written after it, as for any such sentence.
        if let (false, true, Block::Paragraph(text)) = (written, j == at, block) {
            written = super::authorities::sentence(w, blocks, at, text, plan).is_some();
        }
        if !written {
            prose_block(w, block);
        }
    }
    end
}

/// Entry `n` of `list`, titled `title`.
fn write_entry(
    w: &mut Writer,
    list: &FoundList,
    n: usize,
    title: &str,
    plan: &Plan,
    blocks: &[Block],
) {
    let printed = list.printed[n].as_deref();
    write_priority(w, list.kind, title, printed, &list.fields[n], plan, blocks);
}

/// One entry of a list: its id is the one the first pass gave its title.
fn write_priority(
    w: &mut Writer,
    kind: ListKind,
    title: &str,
    printed: Option<&str>,
    fields: &[(&'static str, String)],
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
        for (name, value) in fields {
            w.field(1, name, value);
            if *name == "lead" {
                w.entry("leads");
            }
        }
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
        write_priority(w, ListKind::Priority, title, None, &[], plan, blocks);
    }
    for title in &plan.fallback_themes {
        write_priority(w, ListKind::Theme, title, None, &[], plan, blocks);
    }
}
