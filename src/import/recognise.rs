//! The recognisers: from blocks to `.csa` text.
//!
//! Each recogniser looks for one structured part the agreements and plans share
//! (the version table, the priorities and themes, the leads table, the responsible
//! authorities, the Police and Crime Plan, the strategic assessment, the MoRiLE
//! ranking, the horizon scan, links to other plans, the contact) and writes a
//! block where it sits in the document. Everything else is written as prose, word
//! for word. Where a recogniser is unsure it says so in a `// csa-import:` note.

use std::collections::HashSet;

use super::text::tidy;
use super::{Block, Import, Source, Summary};

/// Writes the `.csa` text for `source`.
pub fn write(source: &Source) -> Import {
    let blocks = &source.blocks;
    let plan = Plan::scan(blocks);
    let mut w = Writer::default();
    w.summary.furniture = source.furniture;
    header(&mut w, blocks, &plan);
    let mut section = String::new();
    let mut i = 0;
    while i < blocks.len() {
        if plan.lists.iter().any(|l| l.intro == i) {
            i = write_lists(&mut w, blocks, i, &plan);
            continue;
        }
        if plan.fallback_at == Some(i) {
            prose_block(&mut w, &blocks[i]);
            write_fallback(&mut w, &plan);
            i += 1;
            continue;
        }
        let consumed = match &blocks[i] {
            Block::Heading { level, text } => {
                w.heading(*level, text);
                section = text.to_lowercase();
                if section.contains("horizon scan") {
                    horizon(&mut w, blocks, i + 1)
                } else {
                    Some(i + 1)
                }
            }
            Block::Table(rows) => Some(table(&mut w, rows, &section, blocks, i, &plan)),
            Block::Item { .. } => items(&mut w, blocks, i, &section),
            Block::Paragraph(text) => paragraph(&mut w, blocks, i, text, &section, &plan),
        };
        i = match consumed {
            Some(next) => next,
            None => {
                prose_block(&mut w, &blocks[i]);
                i + 1
            }
        };
    }
    w.finish()
}

// ---------------------------------------------------------------------------
// Writing

#[derive(Default)]
struct Writer {
    lines: Vec<String>,
    summary: Summary,
    ids: HashSet<String>,
    last_item: bool,
}

impl Writer {
    fn gap(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
        self.last_item = false;
    }

    fn line(&mut self, text: String) {
        self.lines.push(text);
    }

    fn heading(&mut self, level: u8, text: &str) {
        self.gap();
        self.line(format!(
            "{} {}",
            "#".repeat(level.clamp(1, 6) as usize),
            one_line(text)
        ));
        self.summary.prose_lines += 1;
        self.gap();
    }

    fn prose(&mut self, text: &str) {
        self.gap();
        self.line(escape(&one_line(text)));
        self.summary.prose_lines += 1;
        self.gap();
    }

    fn item(&mut self, text: &str) {
        if !self.last_item {
            self.gap();
        }
        self.line(format!("- {}", one_line(text)));
        self.summary.prose_lines += 1;
        self.last_item = true;
    }

    /// Starts a block: a blank line, then the header.
    fn open(&mut self, kind: &'static str, header: String) {
        self.gap();
        self.line(header);
        Summary::bump(&mut self.summary.blocks, kind, 1);
    }

    fn field(&mut self, indent: usize, name: &str, value: &str) {
        self.line(format!(
            "{}{name}: {}",
            "  ".repeat(indent),
            one_line(value)
        ));
    }

    fn entry(&mut self, kind: &'static str) {
        Summary::bump(&mut self.summary.entries, kind, 1);
    }

    /// A `// csa-import:` note at `indent`, counted for the summary.
    fn note(&mut self, indent: usize, text: &str) {
        let text = one_line(text);
        self.line(format!("{}// csa-import: {text}", "  ".repeat(indent)));
        self.summary.notes.push((self.lines.len(), text));
    }

    fn comment(&mut self, indent: usize, text: &str) {
        self.line(format!("{}// {}", "  ".repeat(indent), one_line(text)));
    }

    /// A fresh id from `title`, unique among the ids given so far.
    fn id(&mut self, title: &str) -> String {
        unique(&mut self.ids, make_id(title))
    }

    fn finish(mut self) -> Import {
        self.gap();
        while self.lines.last().is_some_and(String::is_empty) {
            self.lines.pop();
        }
        let mut csa = self.lines.join("\n");
        csa.push('\n');
        Import {
            csa,
            summary: self.summary,
        }
    }
}

fn unique(ids: &mut HashSet<String>, base: String) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while !ids.insert(id.clone()) {
        id = format!("{base}{n}");
        n += 1;
    }
    id
}

/// Prose that would be read as structure gets the format's backslash.
fn escape(line: &str) -> String {
    if line.starts_with(['@', '#']) || line.starts_with("//") || line.starts_with('\\') {
        format!("\\{line}")
    } else {
        line.to_string()
    }
}

fn one_line(text: &str) -> String {
    tidy(&text.replace('\n', " "))
}

fn prose_block(w: &mut Writer, block: &Block) {
    match block {
        Block::Heading { level, text } => w.heading(*level, text),
        Block::Paragraph(text) => w.prose(text),
        Block::Item { text, .. } => w.item(text),
        Block::Table(rows) => prose_table(w, rows),
    }
}

fn prose_table(w: &mut Writer, rows: &[Vec<String>]) {
    w.summary.prose_tables += 1;
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| one_line(c))
            .filter(|c| !c.is_empty())
            .collect();
        w.item(&cells.join(" "));
    }
}

/// An id from a title: its acronym in brackets (`VAWG`), or the initials of its
/// words (`Domestic Abuse` → `DA`), keeping words already in capitals (`ASB`).
pub fn make_id(title: &str) -> String {
    let title = title.trim();
    if let (Some(open), Some(close)) = (title.rfind('('), title.rfind(')')) {
        let inner = title.get(open + 1..close).unwrap_or("").trim();
        if (2..=8).contains(&inner.len()) && inner.chars().all(|c| c.is_ascii_uppercase()) {
            return inner.to_string();
        }
    }
    let plain = title.split('(').next().unwrap_or(title);
    let mut id = String::new();
    for word in plain.split(|c: char| c.is_whitespace() || c == '-' || c == '/') {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() || is_small(word) {
            continue;
        }
        if word.len() >= 2 && word.len() <= 5 && word.chars().all(|c| c.is_ascii_uppercase()) {
            id.push_str(word);
        } else if let Some(c) = word.chars().next().filter(char::is_ascii_alphanumeric) {
            id.push(c.to_ascii_uppercase());
        }
    }
    if id.len() < 2 {
        id = plain
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .take(8)
            .collect::<String>()
            .to_uppercase();
    }
    if id.is_empty() {
        id = "X".to_string();
    }
    id
}

fn is_small(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "and"
            | "of"
            | "the"
            | "for"
            | "to"
            | "in"
            | "on"
            | "a"
            | "an"
            | "with"
            | "from"
            | "by"
            | "at"
    )
}

/// Lower case letters and digits only, `&` read as `and`: for comparing titles.
fn key(text: &str) -> String {
    let text = text.to_lowercase().replace('&', " and ");
    let text = strip_markup(&text);
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `*text*`, `**text**` and `[text](address)` reduced to `text`.
fn strip_markup(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after
            .find("](")
            .and_then(|mid| after[mid..].find(')').map(|end| (mid, mid + end)))
        {
            Some((mid, end)) => {
                out.push_str(&after[..mid]);
                rest = &after[end + 1..];
            }
            None => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.replace(['*', '_'], "").trim().to_string()
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// A short line that names something rather than says something.
fn is_name_like(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && words(t) <= 14 && !t.ends_with(['.', ':', ';']) && t.len() <= 120
}

// ---------------------------------------------------------------------------
// The first pass: where the priorities and themes are.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListKind {
    Priority,
    Theme,
}

#[derive(Debug)]
struct FoundList {
    kind: ListKind,
    /// The line that introduces the list (kept as prose).
    intro: usize,
    /// The entries: their titles.
    titles: Vec<String>,
    /// The first block after the list.
    end: usize,
}

#[derive(Debug, Default)]
struct Plan {
    lists: Vec<FoundList>,
    /// Priority titles by key, with their ids.
    ids: Vec<(String, String)>,
    /// `X includes: Y` notes: (key of X, X, Y).
    includes: Vec<(String, String, String)>,
    /// Guessed from prose when no list was found: titles, and where to write them.
    fallback_priorities: Vec<String>,
    fallback_themes: Vec<String>,
    fallback_at: Option<usize>,
    fallback_from: Vec<String>,
    /// The last row of the version table: (version, date).
    latest_version: Option<(String, Option<String>)>,
    reserved: HashSet<String>,
    /// Whether a heading names the responsible authorities (their list is there).
    authority_section: bool,
}

impl Plan {
    fn scan(blocks: &[Block]) -> Plan {
        let mut plan = Plan::default();
        let mut i = 0;
        while i < blocks.len() {
            let table = table_lists(blocks, i);
            if !table.is_empty() {
                i += 1;
                plan.lists.extend(table);
            } else if let Some(list) = list_at(blocks, i) {
                i = list.end;
                plan.lists.push(list);
            } else {
                i += 1;
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
    fn id_of(&self, title: &str) -> Option<&str> {
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

    /// "the key priorities ... included A, B, C and D" in prose.
    fn guess_priorities(&mut self, blocks: &[Block]) {
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
    fn guess_themes(&mut self, blocks: &[Block]) {
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

fn truncate(text: &str, n: usize) -> String {
    match text.char_indices().nth(n) {
        Some((at, _)) => format!("{}...", &text[..at]),
        None => text.to_string(),
    }
}

/// `'A'`, `‘B’`: the quoted names in `text`.
fn quoted(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (open, close) in [('\'', '\''), ('‘', '’')] {
        let mut rest = text;
        while let Some(s) = rest.find(open) {
            // An apostrophe inside a word is not a quote.
            let before = rest[..s].chars().last();
            if before.is_some_and(char::is_alphanumeric) {
                rest = &rest[s + open.len_utf8()..];
                continue;
            }
            let after = &rest[s + open.len_utf8()..];
            match after.find(close) {
                Some(e) if e > 0 => {
                    out.push(after[..e].trim().to_string());
                    rest = &after[e + close.len_utf8()..];
                }
                _ => break,
            }
        }
    }
    out
}

/// Commas inside `**bold**` become `;`, so that a bold name stays one name.
fn protect_bold(text: &str) -> String {
    text.split("**")
        .enumerate()
        .map(|(n, part)| {
            if n % 2 == 1 {
                part.replace(',', ";")
            } else {
                part.to_string()
            }
        })
        .collect()
}

/// `A, B, C and D` → the names.
fn split_names(text: &str) -> Vec<String> {
    let text = text.trim().trim_end_matches('.');
    let mut out: Vec<String> = Vec::new();
    for part in text.split(',') {
        let part = part.trim();
        match part.split_once(" and ") {
            Some((a, b)) if out.len() >= 2 || text.matches(',').count() >= 2 => {
                // "X and Y" at the end of a list of three or more is two names,
                // unless both halves are single words ("Fire and Rescue").
                if words(a) > 1 || words(b) > 1 {
                    out.push(a.trim().to_string());
                    out.push(b.trim().to_string());
                } else {
                    out.push(part.to_string());
                }
            }
            _ => out.push(part.to_string()),
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

/// `Safeguarding Vulnerable People includes: A, B` → (name, what it includes).
fn split_includes(text: &str) -> Option<(String, String)> {
    let (name, what) = text.split_once(" includes:")?;
    let name = strip_markup(name).trim().to_string();
    let what = strip_markup(what).trim().to_string();
    (is_name_like(&name) && words(&name) <= 8 && !what.is_empty()).then_some((name, what))
}

/// Is block `i` the introduction of a list of priorities or themes?
fn list_at(blocks: &[Block], i: usize) -> Option<FoundList> {
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
fn table_lists(blocks: &[Block], i: usize) -> Vec<FoundList> {
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
fn write_lists(w: &mut Writer, blocks: &[Block], at: usize, plan: &Plan) -> usize {
    match &blocks[at] {
        Block::Table(rows) => {
            w.gap();
            w.comment(
                0,
                &format!(
                    "printed as a table: {}",
                    rows[0]
                        .iter()
                        .map(|c| one_line(c))
                        .collect::<Vec<_>>()
                        .join(" | ")
                ),
            );
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

fn write_fallback(w: &mut Writer, plan: &Plan) {
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

// ---------------------------------------------------------------------------
// The header

fn header(w: &mut Writer, blocks: &[Block], plan: &Plan) {
    // The title: the first short line naming the document, else the first line.
    let lines: Vec<String> = blocks
        .iter()
        .take(12)
        .filter_map(|b| match b {
            Block::Heading { text, .. } | Block::Paragraph(text) => Some(cover_title(text)),
            _ => None,
        })
        .filter(|t| words(t) <= 14 && t.chars().any(char::is_alphabetic))
        .collect();
    let title = lines
        .iter()
        .find(|t| {
            let l = t.to_lowercase();
            ["agreement", "plan", "strategy", "community safety"]
                .iter()
                .any(|w| l.contains(w))
        })
        .or(lines.first())
        .cloned();
    let Some(title) = title else {
        w.note(
            0,
            "no title found: add an @agreement header (see docs/format.md section 5)",
        );
        return;
    };
    let lower = title.to_lowercase();
    let (kind, why) = if lower.contains("agreement") {
        ("county-agreement", "the title says \"Agreement\"")
    } else if lower.contains("unitary") || lower.contains("city council") {
        ("unitary-plan", "the title names a unitary or city council")
    } else {
        ("district-plan", "the title does not say \"Agreement\"")
    };
    w.open("agreement", format!("@agreement: {}", one_line(&title)));
    w.note(1, &format!("kind guessed from the title ({why}): check it"));
    w.field(1, "kind", kind);
    match title
        .find(" Community Safety")
        .or_else(|| title.find(" Partnership"))
    {
        Some(at) if at > 0 => w.field(1, "area", title[..at].trim()),
        _ => w.note(1, "the area could not be read from the title: add `area:`"),
    }
    // The opening lines: a date such as "April 2022", or "DRAFT".
    let opening: Vec<&str> = blocks
        .iter()
        .take(8)
        .filter_map(|b| match b {
            Block::Heading { text, .. } | Block::Paragraph(text) if words(text) <= 6 => {
                Some(text.as_str())
            }
            _ => None,
        })
        .collect();
    match &plan.latest_version {
        Some((v, _)) => w.field(1, "version", v),
        None => w.note(1, "no version control table found: add `version:`"),
    }
    let date = opening
        .iter()
        .find_map(|t| parse_month(t))
        .or_else(|| plan.latest_version.as_ref().and_then(|(_, d)| d.clone()));
    match (date, year_period(&title)) {
        (Some(d), _) => {
            w.note(
                1,
                "effective date taken from the month on the cover or the last version: check it",
            );
            w.field(1, "effective", &d);
        }
        (None, Some((period, _))) => {
            w.note(1, "effective date guessed from the first year in the title, as the start of a financial year: check it");
            w.field(1, "effective", &period[..10]);
        }
        (None, None) => w.note(1, "no date found: add `effective: YYYY-MM-DD`"),
    }
    let all = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(t) | Block::Item { text: t, .. } => Some(t.to_lowercase()),
            _ => None,
        })
        .find(|t| t.contains("reviewed and refreshed annually") || t.contains("reviewed annually"));
    if all.is_some() {
        w.field(1, "review", "annual");
    }
    if opening.iter().any(|t| {
        t.split_whitespace()
            .any(|w| w.eq_ignore_ascii_case("draft"))
    }) {
        w.field(1, "status", "draft");
    }
    w.gap();
}

/// A cover line without what a web page or PDF adds: `Title - Site ...`, `Title | 3`.
fn cover_title(text: &str) -> String {
    let t = strip_markup(text);
    let t = t.split(" - ").next().unwrap_or(&t);
    let t = t.split(" | ").next().unwrap_or(t);
    t.trim_end_matches("...").trim().to_string()
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// `April 2017`, `1st April 2017`, `2017-04-01`, `01/04/2017` → `2017-04` or `2017-04-01`.
fn parse_month(text: &str) -> Option<String> {
    let text = strip_markup(text);
    let tokens: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|t| t.trim_matches(|c: char| matches!(c, '.' | ';' | ':' | '(' | ')' | '\'' | '’')))
        .filter(|t| !t.is_empty())
        .map(|t| t.to_lowercase())
        .collect();
    for (n, t) in tokens.iter().enumerate() {
        if let Some(m) = MONTHS
            .iter()
            .position(|m| t == m || (t.len() == 3 && m.starts_with(t.as_str())))
        {
            if let Some(year) = tokens
                .get(n + 1)
                .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
            {
                let day = n
                    .checked_sub(1)
                    .and_then(|p| tokens.get(p))
                    .map(|d| d.trim_end_matches(|c: char| c.is_alphabetic()))
                    .and_then(|d| d.parse::<u32>().ok())
                    .filter(|d| (1..=31).contains(d));
                return Some(match day {
                    Some(d) => format!("{year}-{:02}-{d:02}", m + 1),
                    None => format!("{year}-{:02}", m + 1),
                });
            }
        }
        if crate::ast::Date::parse(t).is_some() {
            return Some(t.clone());
        }
        let parts: Vec<&str> = t.split('/').collect();
        if let [d, m, y] = parts[..] {
            if let (Ok(d), Ok(m), true) = (d.parse::<u32>(), m.parse::<u32>(), y.len() == 4) {
                let date = format!("{y}-{m:02}-{d:02}");
                if crate::ast::Date::parse(&date).is_some() {
                    return Some(date);
                }
            }
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Tables

fn table(
    w: &mut Writer,
    rows: &[Vec<String>],
    section: &str,
    blocks: &[Block],
    at: usize,
    plan: &Plan,
) -> usize {
    let done = version_table(w, rows, blocks, at)
        || leads_table(w, rows, plan)
        || assessment_table(w, rows, section, blocks, at)
        || ranking_table(w, rows, section, blocks, at);
    if !done {
        prose_table(w, rows);
        let header = &rows[0];
        if rows.len() >= 2 && header.len() >= 2 && !section.contains("content") {
            w.note(
                0,
                &format!(
                    "a table with the columns \"{}\" was kept as prose: check whether it belongs in a block",
                    header.iter().map(|c| truncate(&one_line(c), 40)).collect::<Vec<_>>().join(" | ")
                ),
            );
        }
    }
    at + 1
}

fn header_has(row: &[String], word: &str) -> Option<usize> {
    row.iter().position(|c| c.to_lowercase().contains(word))
}

/// (version, date, changes) columns of a version-control table.
fn version_columns(rows: &[Vec<String>]) -> Option<(usize, usize, Option<usize>)> {
    let header = rows.first()?;
    let v = header.iter().position(|c| {
        c.trim().eq_ignore_ascii_case("version") || c.trim().eq_ignore_ascii_case("version no.")
    })?;
    let d = header_has(header, "date")?;
    let c = (0..header.len()).find(|i| *i != v && *i != d);
    Some((v, d, c))
}

fn version_table(w: &mut Writer, rows: &[Vec<String>], blocks: &[Block], at: usize) -> bool {
    let Some((v, d, c)) = version_columns(rows) else {
        return false;
    };
    if rows.len() < 2 {
        return false;
    }
    w.gap();
    w.comment(
        0,
        &format!(
            "printed as a table: {}",
            rows[0]
                .iter()
                .map(|c| one_line(c))
                .collect::<Vec<_>>()
                .join(" | ")
        ),
    );
    // "Kent Community Safety Agreement 2014-17 – Action Plan" just above: the
    // action plan's own history.
    let action_plan = blocks[at.saturating_sub(4)..at].iter().any(|b| match b {
        Block::Heading { text, .. } | Block::Paragraph(text) => {
            words(text) <= 12 && text.to_lowercase().contains("action plan")
        }
        _ => false,
    });
    for (n, row) in rows[1..].iter().enumerate() {
        let version = row.get(v).map(|s| one_line(s)).unwrap_or_default();
        let changes = c.and_then(|c| row.get(c)).map(String::as_str).unwrap_or("");
        let date_cell = row.get(d).map(|s| one_line(s)).unwrap_or_default();
        if version.is_empty() && date_cell.is_empty() && n > 0 {
            // A row with no number or date goes on from the row above.
            for line in changes.lines().filter(|l| !l.trim().is_empty()) {
                w.line(format!("  - {}", one_line(line)));
            }
            continue;
        }
        let (summary, list) = split_changes(changes);
        let id = if is_id(&version) {
            version.clone()
        } else {
            format!("\"{}\"", version.replace('"', "'"))
        };
        w.open("version", format!("@version {id}: {}", one_line(&summary)));
        w.entry("version rows");
        if action_plan {
            w.field(1, "scope", "action-plan");
        }
        if !is_id(&version) {
            w.note(1, "the version number is not a plain number: check it");
        }
        let date_text = row.get(d).map(|s| one_line(s)).unwrap_or_default();
        match parse_month(&date_text) {
            Some(date) => w.field(1, "date", &date),
            None => w.note(
                1,
                &format!("the date \"{date_text}\" could not be read: add `date: YYYY-MM`"),
            ),
        }
        for change in list {
            w.line(format!("  - {}", one_line(&change)));
        }
    }
    w.gap();
    true
}

fn is_id(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_alphanumeric())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-/+&".contains(c))
}

/// A changes cell: the summary and the list of changes. Changes are lines of the
/// cell, or, in one line, parts separated by " - " (`Ch.1 - reference added` stays
/// one change).
fn split_changes(cell: &str) -> (String, Vec<String>) {
    let lines: Vec<&str> = cell
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() > 1 {
        let summary = lines[0].to_string();
        let changes = lines[1..]
            .iter()
            .map(|l| {
                l.trim_start_matches(['-', '•', '*', '–'])
                    .trim()
                    .to_string()
            })
            .filter(|l| !l.is_empty())
            .collect();
        return (summary, changes);
    }
    let line = lines.first().copied().unwrap_or("");
    let mut parts = line.split(" - ").map(str::trim);
    let summary = parts.next().unwrap_or("").to_string();
    let mut changes: Vec<String> = Vec::new();
    let mut pending: Option<String> = None;
    for part in parts {
        let label = part.starts_with("Ch.") && words(part) <= 1
            || part.starts_with("Appendix ") && words(part) <= 2
            || part == "Foreword";
        match pending.take() {
            Some(l) => changes.push(format!("{l} - {part}")),
            None if label => pending = Some(part.to_string()),
            None => changes.push(part.to_string()),
        }
    }
    changes.extend(pending);
    (summary, changes)
}

fn leads_table(w: &mut Writer, rows: &[Vec<String>], plan: &Plan) -> bool {
    let header = &rows[0];
    let Some(l) = header.iter().position(|c| {
        let c = c.trim().to_lowercase();
        c == "lead" || c == "leads" || c == "lead officer" || c == "lead officers"
    }) else {
        return false;
    };
    let p = header_has(header, "priorit").filter(|p| *p != l);
    if rows.len() < 2 {
        return false;
    }
    let defines = p.is_some() && plan.ids.is_empty();
    w.gap();
    w.comment(
        0,
        &format!(
            "printed as a table: {}",
            header
                .iter()
                .map(|c| one_line(c))
                .collect::<Vec<_>>()
                .join(" | ")
        ),
    );
    if !defines {
        w.open("leads", "@leads".to_string());
        if p.is_none() {
            w.note(
                1,
                "the table has no Priority column (it may have been lost): rows kept in printed order, none tied to a priority; add each lead's priority (`lead ID: ...`)",
            );
        }
    }
    for row in &rows[1..] {
        let lead_cell = row.get(l).map(|s| one_line(s)).unwrap_or_default();
        let leads = split_leads(&lead_cell);
        let priority = p
            .and_then(|p| row.get(p))
            .map(|s| one_line(&strip_markup(s)));
        if defines {
            let title = priority.clone().unwrap_or_default();
            let id = w.id(&title);
            w.open("priority", format!("@priority {id}: {title}"));
            for lead in &leads {
                w.field(1, "lead", lead);
                w.entry("leads");
            }
            continue;
        }
        let reference = match priority.as_deref() {
            Some(title) if !title.is_empty() => {
                match plan.id_of(title) {
                    Some(id) => format!(" {id}"),
                    None => {
                        w.note(1, &format!("\"{title}\" is not among the priorities found: check the reference"));
                        format!(" \"{}\"", title.replace('"', "'"))
                    }
                }
            }
            _ => String::new(),
        };
        if leads.is_empty() {
            w.note(1, "a row with no lead");
        }
        for lead in leads {
            w.line(format!("  lead{reference}: {lead}"));
            w.entry("leads");
        }
    }
    w.gap();
    true
}

/// `A / B`, `A; and B`: one lead each.
fn split_leads(cell: &str) -> Vec<String> {
    cell.split(" / ")
        .flat_map(|p| p.split(';'))
        .map(|p| {
            let p = p.trim();
            p.strip_prefix("and ").unwrap_or(p).trim().to_string()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

fn count_cell(cell: &str) -> Option<u32> {
    cell.trim().parse().ok()
}

fn section_title(section_heading: &str) -> String {
    let t = section_heading.trim();
    let t = match t.split_once(':') {
        Some((a, b)) if a.trim().to_lowercase().starts_with("appendix") => b.trim(),
        _ => t,
    };
    let digits = t
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
        .trim_start();
    strip_markup(digits)
}

fn assessment_table(
    w: &mut Writer,
    rows: &[Vec<String>],
    section: &str,
    blocks: &[Block],
    at: usize,
) -> bool {
    let header = &rows[0];
    if rows.len() < 3 || header.len() < 2 || count_cell(header.last().unwrap()).is_some() {
        return false;
    }
    if !rows[1..]
        .iter()
        .all(|r| r.len() >= 2 && r.last().and_then(|c| count_cell(c)).is_some())
    {
        return false;
    }
    if !(section.contains("assessment") || header.iter().any(|c| c.to_lowercase().contains("csp")))
    {
        return false;
    }
    // The heading of this section, as written.
    let heading = blocks[..at].iter().rev().find_map(|b| match b {
        Block::Heading { text, .. } => Some(text.clone()),
        _ => None,
    });
    let title = heading
        .as_deref()
        .map(section_title)
        .unwrap_or_else(|| "Strategic Assessments".to_string());
    let partnerships = blocks[..at]
        .iter()
        .rev()
        .take_while(|b| !matches!(b, Block::Heading { .. }))
        .find_map(|b| match b {
            Block::Paragraph(t) | Block::Item { text: t, .. } => partnerships_in(t),
            _ => None,
        });
    w.gap();
    w.comment(
        0,
        &format!(
            "printed as a table: {}",
            header
                .iter()
                .map(|c| one_line(c))
                .collect::<Vec<_>>()
                .join(" | ")
        ),
    );
    w.open("assessment", format!("@assessment: {title}"));
    match partnerships {
        Some(n) => w.field(1, "partnerships", &n.to_string()),
        None => w.note(
            1,
            "how many partnerships made assessments was not found: add `partnerships: N`",
        ),
    }
    for row in &rows[1..] {
        let n = row.last().and_then(|c| count_cell(c)).unwrap_or(0);
        let text = row[..row.len() - 1]
            .iter()
            .map(|c| one_line(c))
            .collect::<Vec<_>>()
            .join(" ");
        w.line(format!("  issue {n}: {text}"));
        w.entry("assessment rows");
    }
    w.gap();
    true
}

/// "the eleven Community Safety Partnerships (CSPs)" → 11.
fn partnerships_in(text: &str) -> Option<u32> {
    const NUMBERS: [&str; 20] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let lower = text.to_lowercase();
    let at = lower.find("community safety partnerships")?;
    let before = lower[..at].split_whitespace().last()?;
    NUMBERS
        .iter()
        .position(|n| *n == before)
        .map(|p| p as u32 + 1)
        .or_else(|| before.parse().ok())
}

fn ranking_table(
    w: &mut Writer,
    rows: &[Vec<String>],
    section: &str,
    blocks: &[Block],
    at: usize,
) -> bool {
    if !section.contains("morile") {
        return false;
    }
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    w.open(
        "risk-ranking",
        format!("@risk-ranking: {}", section_title_original(blocks, at)),
    );
    w.field(1, "method", "MoRiLE");
    if columns > 1 {
        w.note(
            1,
            &format!("printed as a table of {columns} columns: read column by column, highest risk first; check the order"),
        );
    }
    for c in 0..columns {
        for row in rows {
            if let Some(cell) = row.get(c).filter(|c| !c.trim().is_empty()) {
                for part in cell.lines() {
                    w.line(format!("  - {}", one_line(part)));
                    w.entry("risk-ranking items");
                }
            }
        }
    }
    w.gap();
    true
}

/// A ranking whose table lost its columns: short lines, one or two issues each,
/// with the table's header ("Priority") repeated where a page or table began.
fn ranking_lines(w: &mut Writer, blocks: &[Block], at: usize) -> Option<usize> {
    let mut end = at;
    while let Some(Block::Paragraph(t)) = blocks.get(end) {
        if !is_name_like(t) || words(t) > 8 {
            break;
        }
        end += 1;
    }
    let is_header = |t: &str| {
        matches!(
            t.trim().to_lowercase().as_str(),
            "priority" | "priorities" | "issue" | "rank"
        )
    };
    let entries = blocks[at..end]
        .iter()
        .filter(|b| !is_header(item_text(b)))
        .count();
    if entries < 3 {
        return None;
    }
    w.open(
        "risk-ranking",
        format!("@risk-ranking: {}", section_title_original(blocks, at)),
    );
    w.field(1, "method", "MoRiLE");
    w.note(
        1,
        "printed as a table that lost its columns: lines kept in reading order; a line may hold two issues; check the order and split them",
    );
    for b in &blocks[at..end] {
        let t = item_text(b);
        if is_header(t) {
            w.comment(1, &format!("printed as a table: {}", one_line(t)));
        } else {
            w.line(format!("  - {}", one_line(t)));
            w.entry("risk-ranking items");
        }
    }
    w.gap();
    Some(end)
}

// ---------------------------------------------------------------------------
// Lists and paragraphs

fn item_run(blocks: &[Block], from: usize) -> usize {
    let mut j = from;
    while matches!(blocks.get(j), Some(Block::Item { .. })) {
        j += 1;
    }
    j
}

fn item_text(block: &Block) -> &str {
    match block {
        Block::Item { text, .. } | Block::Paragraph(text) => text,
        _ => "",
    }
}

fn items(w: &mut Writer, blocks: &[Block], at: usize, section: &str) -> Option<usize> {
    let end = item_run(blocks, at);
    let all_names = blocks[at..end].iter().all(|b| is_name_like(item_text(b)));
    if section.contains("responsible authorities")
        && all_names
        && !w.summary.blocks.iter().any(|(k, _)| *k == "authority")
    {
        for b in &blocks[at..end] {
            authority(w, item_text(b));
        }
        w.gap();
        return Some(end);
    }
    if section.contains("links to") && all_names {
        w.open(
            "links",
            format!("@links: {}", section_title_original(blocks, at)),
        );
        for b in &blocks[at..end] {
            w.line(format!("  - {}", one_line(item_text(b))));
            w.entry("links");
        }
        w.gap();
        return Some(end);
    }
    None
}

/// The heading above block `at`, as written, without its number.
fn section_title_original(blocks: &[Block], at: usize) -> String {
    blocks[..at]
        .iter()
        .rev()
        .find_map(|b| match b {
            Block::Heading { text, .. } => Some(section_title(text)),
            _ => None,
        })
        .unwrap_or_default()
}

fn authority(w: &mut Writer, name: &str) {
    let name = one_line(name);
    let lower = name.to_lowercase();
    let kind = if lower.contains("community safety partnership") || lower.contains("commissioner") {
        None
    } else if lower.contains("police") {
        Some("police")
    } else if lower.contains("fire") {
        Some("fire")
    } else if lower.contains("county council") {
        Some("county-council")
    } else if lower.contains("clinical commissioning")
        || lower.contains("ccg")
        || lower.contains("nhs")
        || lower.contains("integrated care")
        || lower.contains("health board")
    {
        Some("health")
    } else if lower.contains("probation") || lower.contains("rehabilitation company") {
        Some("probation")
    } else if lower.contains("district") || lower.contains("borough") {
        Some("district-council")
    } else if lower.contains("unitary") || lower.contains("city council") {
        Some("unitary-council")
    } else {
        None
    };
    let id = w.id(&name).to_lowercase();
    match kind {
        Some(kind) => {
            w.open("authority", format!("@authority {id}: {name}"));
            w.field(1, "kind", kind);
        }
        None => {
            w.open("body", format!("@body {id}: {name}"));
            w.note(1, "listed with the responsible authorities but not recognised as one: if it is one, make it an @authority with a kind");
        }
    }
}

fn paragraph(
    w: &mut Writer,
    blocks: &[Block],
    at: usize,
    text: &str,
    section: &str,
    plan: &Plan,
) -> Option<usize> {
    let lower = text.to_lowercase();
    if !plan.authority_section && lower.starts_with("the responsible authorities are") {
        if let Some((_, list)) = text.split_once(':') {
            let names = split_names(&protect_bold(list.trim_start_matches(['-', ' '])));
            if names.len() >= 3 {
                w.prose(text);
                w.note(
                    0,
                    "the responsible authorities below are taken from this sentence: check them",
                );
                for name in names {
                    authority(w, &strip_markup(&name.replace(';', ",")));
                }
                w.gap();
                return Some(at + 1);
            }
        }
    }
    if section.contains("morile") && is_name_like(text) && words(text) <= 8 {
        if let Some(next) = ranking_lines(w, blocks, at) {
            return Some(next);
        }
    }
    if (section.contains("police & crime plan") || section.contains("police and crime plan"))
        && text.trim_end().ends_with(':')
    {
        if let Some(next) = pcc_plan(w, blocks, at, section) {
            return Some(next);
        }
    }
    if lower.contains("contact") && text.trim_end().ends_with(':') {
        return contact(w, blocks, at, text);
    }
    None
}

fn pcc_plan(w: &mut Writer, blocks: &[Block], at: usize, section: &str) -> Option<usize> {
    // Runs of (intro ending with ':', list items).
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    let mut j = at;
    while let Some(Block::Paragraph(intro)) = blocks.get(j) {
        if !intro.trim_end().ends_with(':') {
            break;
        }
        let end = item_run(blocks, j + 1);
        if end == j + 1 {
            break;
        }
        let entries = blocks[j + 1..end]
            .iter()
            .map(|b| strip_number(item_text(b)))
            .collect();
        groups.push((
            intro.trim_end().trim_end_matches(':').trim().to_string(),
            entries,
        ));
        j = end;
    }
    if groups.is_empty() {
        return None;
    }
    // The plan's name: in quotes in this section.
    let start = blocks[..at]
        .iter()
        .rposition(|b| matches!(b, Block::Heading { .. }))
        .map_or(0, |h| h + 1);
    let mut name = None;
    let mut period = None;
    for b in &blocks[start..at] {
        if let Block::Paragraph(t) = b {
            let plain = strip_markup(t);
            if name.is_none() {
                name = quoted(&plain).into_iter().find(|q| words(q) >= 2);
            }
            if period.is_none() {
                period = month_period(&plain);
            }
        }
    }
    let heading = section_title(section);
    let title = name.clone().unwrap_or_else(|| heading.clone());
    let id = make_id(title.split(':').next().unwrap_or(&title));
    prose_block(w, &blocks[at]);
    w.open("plan", format!("@plan {id}: {}", one_line(&title)));
    if name.is_none() {
        w.note(
            1,
            "the plan's name was not found in quotes: the title is the heading; check it",
        );
    }
    let period = period
        .or_else(|| year_period(&title))
        .or_else(|| year_period(section));
    match period {
        Some((p, exact)) => {
            if !exact {
                w.note(1, "period guessed from the years in the title, as financial years (April to March): check it");
            }
            w.field(1, "period", &p);
        }
        None => w.note(
            1,
            "the plan's period was not found: add `period: YYYY-MM-DD to YYYY-MM-DD`",
        ),
    }
    let mut n = 0;
    for (g, (intro, entries)) in groups.iter().enumerate() {
        let principles = intro.to_lowercase().contains("principle");
        if g > 0 {
            // The introduction as printed, so the block reads in the document's order.
            w.comment(1, &format!("{intro}:"));
        }
        for entry in entries {
            if principles {
                w.field(1, "principle", entry);
                w.entry("principles");
            } else {
                n += 1;
                w.line(format!("  objective {id}-{n}: {}", one_line(entry)));
                w.entry("objectives");
                w.field(2, "group", intro);
            }
        }
    }
    w.gap();
    Some(j)
}

/// `1. Put victims first` → `Put victims first`.
fn strip_number(text: &str) -> String {
    let t = text.trim();
    let digits = t
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    if digits > 0 && t[digits..].starts_with(' ') && t[..digits].bytes().any(|b| b.is_ascii_digit())
    {
        t[digits..].trim().to_string()
    } else {
        t.to_string()
    }
}

/// "April 2022 to March 2025" → an exact period.
fn month_period(text: &str) -> Option<(String, bool)> {
    text.match_indices(" to ").find_map(|(at, _)| {
        let before: Vec<&str> = text[..at].split_whitespace().rev().take(2).collect();
        let from = parse_month(&before.into_iter().rev().collect::<Vec<_>>().join(" "))?;
        let after: Vec<&str> = text[at + 4..].split_whitespace().take(2).collect();
        let to = parse_month(&after.join(" "))?;
        Some((format!("{from} to {to}"), true))
    })
}

/// "2017-2021", "2022 – 2025" → financial years, a guess.
fn year_period(text: &str) -> Option<(String, bool)> {
    let bytes = text.as_bytes();
    let mut years = Vec::new();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        if bytes[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
            && (i + 4 == bytes.len() || !bytes[i + 4].is_ascii_digit())
        {
            years.push(text[i..i + 4].parse::<u32>().ok()?);
            i += 4;
        } else {
            i += 1;
        }
    }
    match years[..] {
        [from, to, ..] if to > from && to - from <= 10 => {
            Some((format!("{from}-04-01 to {to}-03-31"), false))
        }
        _ => None,
    }
}

fn contact(w: &mut Writer, blocks: &[Block], at: usize, intro: &str) -> Option<usize> {
    let mut fields: Vec<(&'static str, String, String)> = Vec::new();
    let mut j = at + 1;
    while let Some(Block::Paragraph(t) | Block::Item { text: t, .. }) = blocks.get(j) {
        let plain = strip_markup(t);
        let lower = plain.to_lowercase();
        let value = plain
            .split_once(':')
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default();
        let field = if lower.starts_with("email") || lower.starts_with("e-mail") {
            "email"
        } else if lower.starts_with("tel") || lower.starts_with("phone") {
            "phone"
        } else if lower.starts_with("address") {
            "address"
        } else if lower.starts_with("web") {
            "web"
        } else {
            break;
        };
        if value.is_empty() || fields.iter().any(|(f, _, _)| *f == field) {
            break;
        }
        fields.push((field, value, t.clone()));
        j += 1;
    }
    if fields.is_empty() {
        return None;
    }
    let lower = intro.to_lowercase();
    let name = lower
        .find("contact the ")
        .map(|p| {
            intro[p + "contact the ".len()..]
                .trim()
                .trim_end_matches([':', '-'])
                .trim()
                .to_string()
        })
        .filter(|n| !n.is_empty())?;
    prose_block(w, &blocks[at]);
    w.open("contact", format!("@contact: {}", one_line(&name)));
    for (field, value, printed) in fields {
        if !printed.to_lowercase().starts_with(field) {
            w.comment(1, &format!("printed as \"{}\"", one_line(&printed)));
        }
        w.field(1, field, &value);
    }
    w.gap();
    Some(j)
}

// ---------------------------------------------------------------------------
// The horizon scan

const PESTELO: [(&str, &str); 7] = [
    ("political", "political"),
    ("economic", "economic"),
    ("social", "social"),
    ("technolog", "technological"),
    ("environment", "environmental"),
    ("legislat", "legislation"),
    ("organisation", "organisational"),
];

fn pestelo(text: &str) -> Option<&'static str> {
    let lower = strip_markup(&text.to_lowercase());
    let lower = lower.trim();
    if words(lower) > 4 {
        return None;
    }
    PESTELO
        .iter()
        .find(|(p, _)| lower.starts_with(p))
        .map(|(_, k)| *k)
}

/// The horizon scan, starting after its heading; `None` leaves the section as prose.
fn horizon(w: &mut Writer, blocks: &[Block], from: usize) -> Option<usize> {
    // The introduction: paragraphs before the first PESTELO heading.
    let mut j = from;
    while let Some(Block::Paragraph(t)) = blocks.get(j) {
        if pestelo(t).is_some() {
            break;
        }
        j += 1;
    }
    let first = j;
    let is_label = |b: &Block| match b {
        Block::Heading { text, .. } | Block::Paragraph(text) => pestelo(text),
        _ => None,
    };
    is_label(blocks.get(first)?)?;
    for b in &blocks[from..first] {
        prose_block(w, b);
    }
    let title = section_title_original(blocks, from);
    w.open("horizon-scan", format!("@horizon-scan: {title}"));
    while let Some(b) = blocks.get(j) {
        let Some(key) = is_label(b) else { break };
        let (Block::Heading { text: label, .. } | Block::Paragraph(label)) = b else {
            break;
        };
        let printed = strip_markup(label).trim_end_matches(':').trim().to_string();
        j += 1;
        let mut intro: Vec<String> = Vec::new();
        let mut sub: Vec<(String, Vec<String>)> = Vec::new();
        let mut list: Vec<String> = Vec::new();
        loop {
            match blocks.get(j) {
                Some(Block::Paragraph(t)) if is_label(&blocks[j]).is_none() => {
                    if !list.is_empty() && key != "legislation" {
                        break;
                    }
                    if key == "legislation" {
                        sub.push((t.clone(), Vec::new()));
                    } else {
                        intro.push(t.clone());
                    }
                }
                Some(Block::Item { text, .. }) => match sub.last_mut() {
                    Some((_, items)) => items.push(text.clone()),
                    None => list.push(text.clone()),
                },
                _ => break,
            }
            j += 1;
        }
        if printed.to_lowercase() != key {
            w.comment(1, &format!("printed as \"{printed}\""));
        }
        match intro.split_first() {
            Some((first, rest)) => {
                w.field(1, key, first);
                for r in rest {
                    w.line(format!("    - {}", one_line(r)));
                }
            }
            None => w.line(format!("  {key}:")),
        }
        for item in &list {
            w.line(format!("    - {}", one_line(item)));
            w.entry("horizon-scan items");
        }
        for (text, items) in &sub {
            let lower = text.to_lowercase();
            let name = if lower.contains("upcoming")
                || lower.contains("forthcoming")
                || lower.contains("future")
            {
                "upcoming"
            } else {
                "recent"
            };
            w.field(2, name, text);
            for item in items {
                w.line(format!("      - {}", one_line(item)));
                w.entry("horizon-scan items");
            }
        }
    }
    w.gap();
    Some(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert_eq!(make_id("Domestic Abuse"), "DA");
        assert_eq!(make_id("Violence Against Women and Girls (VAWG)"), "VAWG");
        assert_eq!(
            make_id("Preventing Neighbourhood Crime & ASB (Anti-Social Behaviour)"),
            "PNCASB"
        );
        assert_eq!(make_id("Making Kent Safer"), "MKS");
    }

    #[test]
    fn dates() {
        assert_eq!(parse_month("April 2017").as_deref(), Some("2017-04"));
        assert_eq!(parse_month("DRAFT APRIL 2018").as_deref(), Some("2018-04"));
        assert_eq!(parse_month("1st April 2017").as_deref(), Some("2017-04-01"));
        assert_eq!(parse_month("01/04/2017").as_deref(), Some("2017-04-01"));
        assert_eq!(parse_month("soon"), None);
    }

    #[test]
    fn changes() {
        let (s, c) = split_changes(
            "Refreshed CSA - Updated date - Ch.1 - reference added - Appendix A - outcomes",
        );
        assert_eq!(s, "Refreshed CSA");
        assert_eq!(
            c,
            vec![
                "Updated date",
                "Ch.1 - reference added",
                "Appendix A - outcomes"
            ]
        );
    }

    #[test]
    fn names() {
        assert_eq!(
            split_names("Domestic Abuse, Substance Misuse, Serious & Organised Crime, Anti-Social Behaviour and Road Safety"),
            vec!["Domestic Abuse", "Substance Misuse", "Serious & Organised Crime", "Anti-Social Behaviour", "Road Safety"]
        );
    }

    #[test]
    fn escapes() {
        assert_eq!(
            escape("@kentcsp on social media"),
            "\\@kentcsp on social media"
        );
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("// not a comment"), "\\// not a comment");
        assert_eq!(escape("plain"), "plain");
    }
}
