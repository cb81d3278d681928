//! The builder that walks the document in source order: prose becomes paragraphs
//! and lists, headings become headings, and each structured part is handed to the
//! file named for it (`header`, `versions`, `organisations`, `priorities`,
//! `themes`, `leads`, `plans`, `action_plans`, `evidence`, `links`, `contact`).

use std::collections::HashMap;

use super::parts::{part_starts, Part};
use super::{document_title, Anchors, Block, Diagram, ListItem, Publication, Table};
use crate::ast::{leads_of, title_of, Document, ItemKind, Lead, PriorityLookup, Reference};

/// The publication as it is built.
pub(super) struct Builder<'a> {
    /// The source text, for lines the parser could not read (written as they are).
    pub(super) source: &'a str,
    pub(super) doc: &'a Document,
    /// Names the kinds of responsible authority in words.
    pub(super) law: &'a crate::knowledge::law::Law,
    /// The words of each objective, by id.
    pub(super) objectives: HashMap<&'a str, &'a str>,
    /// The title of each priority and theme, by id.
    pub(super) topic_titles: HashMap<&'a str, String>,
    pub(super) anchors: Anchors,
    /// The blocks written so far.
    pub(super) blocks: Vec<Block>,
    /// The lines of the paragraph being read.
    pub(super) paragraph: Vec<String>,
    /// The items of the list being read.
    pub(super) list: Vec<ListItem>,
    pub(super) diagram_done: bool,
    /// The rows of the run of leads tables being read.
    pub(super) pending_leads: Vec<(Option<String>, String)>,
    pub(super) inline_leads_done: bool,
    /// The "about this document" table, held until the title heading is written
    /// when the document opens with its header.
    pub(super) about: Option<Table>,
    pub(super) seen_heading: bool,
    /// The rows of the leads tables, with the title of the priority each leads, in
    /// document order.
    pub(super) table_leads: Vec<(Option<String>, &'a Lead)>,
    pub(super) lookup: PriorityLookup<'a>,
}

impl<'a> Builder<'a> {
    pub(super) fn new(
        source: &'a str,
        doc: &'a Document,
        law: &'a crate::knowledge::law::Law,
    ) -> Self {
        let objectives = doc
            .plans
            .iter()
            .flat_map(|p| &p.objectives)
            .map(|o| {
                (
                    o.id.value.as_str(),
                    o.text.as_ref().map_or("", |t| t.value.as_str()),
                )
            })
            .collect();
        let mut topic_titles = HashMap::new();
        for p in &doc.priorities {
            topic_titles
                .entry(p.id.value.as_str())
                .or_insert_with(|| title_of(p));
        }
        for t in &doc.themes {
            topic_titles.entry(t.id.value.as_str()).or_insert_with(|| {
                t.title
                    .as_ref()
                    .map_or(t.id.value.clone(), |t| t.value.clone())
            });
        }
        Self {
            source,
            doc,
            law,
            objectives,
            topic_titles,
            anchors: Anchors::default(),
            blocks: Vec::new(),
            paragraph: Vec::new(),
            list: Vec::new(),
            diagram_done: false,
            pending_leads: Vec::new(),
            inline_leads_done: false,
            about: None,
            seen_heading: false,
            table_leads: leads_of(doc)
                .into_iter()
                .filter(|(_, l)| l.source == "leads-table")
                .collect(),
            lookup: PriorityLookup::new(doc),
        }
    }

    /// Writes the held "about this document" table.
    pub(super) fn release_about(&mut self) {
        if let Some(t) = self.about.take() {
            self.blocks.push(Block::Table(t));
        }
    }

    fn flush(&mut self) {
        if !self.paragraph.is_empty() || !self.list.is_empty() {
            self.release_about();
        }
        if !self.paragraph.is_empty() {
            let text = self.paragraph.join(" ");
            self.paragraph.clear();
            self.blocks.push(Block::Paragraph(text));
        }
        if !self.list.is_empty() {
            self.blocks
                .push(Block::List(std::mem::take(&mut self.list)));
        }
    }

    pub(super) fn build(mut self, fallback_title: &str) -> Publication {
        let doc = self.doc;
        let starts = part_starts(doc);
        let headings: HashMap<usize, (u32, &str)> = doc
            .outline
            .iter()
            .map(|h| (h.span.start.offset, (h.level, h.text.value.as_str())))
            .collect();
        let mut next_part = 0;
        let title = document_title(doc, fallback_title);
        let skipped = printed_contents(doc);
        // The parts of the current run of alike blocks (several @version, say).
        let mut run: Vec<Part> = Vec::new();
        for item in &doc.items {
            let (start, end) = (item.span.start.offset, item.span.end.offset);
            if skipped.contains(&start) && !matches!(item.kind, ItemKind::Heading) {
                continue;
            }
            match &item.kind {
                ItemKind::Blank => {
                    self.flush();
                }
                ItemKind::Comment => {}
                ItemKind::Heading => {
                    self.flush();
                    self.end_run(&mut run);
                    let (level, text) = headings.get(&start).copied().unwrap_or((1, ""));
                    if skipped.contains(&start) {
                        continue;
                    }
                    // The document's title is the page's title: a first heading that
                    // repeats it is not written twice.
                    if !self.seen_heading && level == 1 && text.trim() == title.trim() {
                        self.seen_heading = true;
                        self.release_about();
                        continue;
                    }
                    let anchor = self.anchors.make(text);
                    self.blocks.push(Block::Heading {
                        level: level.clamp(1, 6) as u8,
                        text: text.to_string(),
                        anchor,
                    });
                    self.seen_heading = true;
                    self.release_about();
                }
                ItemKind::Prose { text, list, indent } => {
                    self.end_run(&mut run);
                    self.release_about();
                    self.prose(text, *list, *indent);
                }
                ItemKind::Error => {
                    self.end_run(&mut run);
                    self.release_about();
                    let text = self.source.get(start..end).unwrap_or("").trim();
                    if !text.is_empty() {
                        self.flush();
                        self.blocks.push(Block::Paragraph(text.to_string()));
                    }
                }
                ItemKind::Block { .. } => {
                    self.flush();
                    while next_part < starts.len() && starts[next_part].0 < start {
                        next_part += 1;
                    }
                    let mut parts = Vec::new();
                    while next_part < starts.len() && starts[next_part].0 < end {
                        parts.push(starts[next_part].1);
                        next_part += 1;
                    }
                    // A @leads block is no part of the list above: find it by keyword.
                    if let ItemKind::Block { keyword } = &item.kind {
                        if keyword == "leads" {
                            parts.push(Part::Leads);
                        }
                    }
                    for part in parts {
                        if let (Some(g), Some(last)) = (part.group(), run.last()) {
                            if last.group() != Some(g) {
                                self.end_run(&mut run);
                            }
                        } else {
                            self.end_run(&mut run);
                        }
                        if part.group().is_some() {
                            if part == Part::Leads {
                                // Rows of every leads table run into one.
                                run.retain(|p| *p != Part::Leads);
                                self.leads_rows_from(start, end);
                            }
                            run.push(part);
                        } else {
                            self.single(part);
                        }
                    }
                }
            }
        }
        self.flush();
        self.end_run(&mut run);
        self.release_about();
        if !self.diagram_done && !doc.priorities.is_empty() {
            self.diagram();
        }
        let author = doc
            .agreement
            .as_ref()
            .and_then(|a| a.partnership.as_ref())
            .map(|p| p.value.clone());
        let mut blocks = self.blocks;
        for b in &mut blocks {
            if let Block::Table(t) = b {
                t.tidy();
            }
        }
        Publication {
            title,
            author,
            date: doc
                .agreement
                .as_ref()
                .and_then(|a| a.effective.as_ref())
                .map(|d| d.value.first_day().to_string()),
            blocks: say_when_empty(blocks),
            chapters_on_new_pages: true,
        }
    }

    /// A line of prose: a list item, a numbered line (its own paragraph), or a line
    /// of the paragraph being read.
    fn prose(&mut self, text: &str, list: bool, indent: u32) {
        let bullet = ["- ", "* ", "• "]
            .iter()
            .find_map(|m| text.strip_prefix(m).filter(|_| list));
        match bullet {
            Some(rest) => {
                if !self.paragraph.is_empty() {
                    let text = self.paragraph.join(" ");
                    self.paragraph.clear();
                    self.blocks.push(Block::Paragraph(text));
                }
                self.list.push(ListItem {
                    text: rest.trim().to_string(),
                    depth: (indent as usize).div_ceil(2),
                });
            }
            // A numbered line keeps its number, as its own paragraph.
            None if list => {
                self.flush();
                self.blocks.push(Block::Paragraph(text.trim().to_string()));
            }
            None => {
                if !self.list.is_empty() {
                    self.flush();
                }
                self.paragraph.push(text.trim().to_string());
            }
        }
    }

    /// Writes the table of a run of alike parts (several `@version` blocks, say),
    /// once the run ends.
    fn end_run(&mut self, run: &mut Vec<Part>) {
        let Some(first) = run.first().copied() else {
            return;
        };
        self.release_about();
        let parts = std::mem::take(run);
        match first {
            Part::Version(_) => self.versions(parts),
            Part::Authority(_) | Part::Body(_) => self.organisations(first, parts),
            Part::Priority(_) => self.priorities(&parts),
            Part::Theme(_) => self.themes(&parts),
            Part::Leads => self.pending_leads_table(),
            _ => {}
        }
    }

    /// Writes a part that stands alone.
    fn single(&mut self, part: Part) {
        if part != Part::Agreement {
            self.release_about();
        }
        match part {
            Part::Agreement => self.header(),
            Part::Plan(i) => self.plan(i),
            Part::ActionPlan(i) => self.action_plan(i),
            Part::Assessment(i) => self.assessment(i),
            Part::RiskRanking(i) => self.risk_ranking(i),
            Part::HorizonScan(i) => self.horizon_scan(i),
            Part::Links(i) => self.links(i),
            Part::Contact(i) => self.contact(i),
            _ => {}
        }
    }

    /// An objective of a Police and Crime Plan, by its words when the document gives
    /// them (the author's id is no part of the published text).
    pub(super) fn objective_words(&self, r: &Reference) -> String {
        match self.objectives.get(r.name.as_str()) {
            Some(text) if !text.is_empty() => text.to_string(),
            _ => r.name.clone(),
        }
    }

    /// A priority or theme, by its title.
    pub(super) fn topic_words(&self, r: &Reference) -> String {
        self.topic_titles
            .get(r.name.as_str())
            .cloned()
            .unwrap_or_else(|| r.name.clone())
    }

    /// The diagram of priorities, themes and objectives, with the table that says
    /// the same in words.
    pub(super) fn diagram(&mut self) {
        self.diagram_done = true;
        let diagram = Diagram::of(self.doc);
        if diagram.is_empty() {
            return;
        }
        let table = diagram.table();
        self.blocks.push(Block::Diagram(diagram));
        self.blocks.push(Block::Table(table));
    }
}

/// The starts of a printed contents list to leave out: a heading "Contents" whose
/// lines end in page numbers (`Foreword ..... 6`), most of them at least. The page has its own
/// contents, which links to the headings; page numbers of another layout would be
/// wrong in this one.
fn printed_contents(doc: &Document) -> std::collections::HashSet<usize> {
    let mut out = std::collections::HashSet::new();
    let headings: HashMap<usize, &str> = doc
        .outline
        .iter()
        .map(|h| (h.span.start.offset, h.text.value.as_str()))
        .collect();
    let mut i = 0;
    while i < doc.items.len() {
        let item = &doc.items[i];
        let is_contents = matches!(item.kind, ItemKind::Heading)
            && headings.get(&item.span.start.offset).is_some_and(|t| {
                let t = t.trim().trim_end_matches(':').to_ascii_lowercase();
                t == "contents" || t == "table of contents"
            });
        i += 1;
        if !is_contents {
            continue;
        }
        let mut lines = Vec::new();
        while i < doc.items.len() {
            match &doc.items[i].kind {
                ItemKind::Blank | ItemKind::Comment => {}
                ItemKind::Prose { text, .. } => {
                    lines.push((doc.items[i].span.start.offset, text.as_str()))
                }
                _ => break,
            }
            i += 1;
        }
        // `Foreword ..... 6`, `1. Introduction 6`: a page number after a space or dots.
        let numbered = |t: &str| {
            let t = t.trim_end();
            let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            digits > 0 && digits <= 3 && t[..t.len() - digits].ends_with(['.', '…', ' ', '\t'])
        };
        // Most lines numbered (an extracted list may have lost a number or two).
        let with_numbers = lines.iter().filter(|(_, t)| numbered(t)).count();
        if with_numbers >= 2 && with_numbers * 3 >= lines.len() * 2 {
            out.insert(item.span.start.offset);
            out.extend(lines.iter().map(|(s, _)| *s));
        }
    }
    out
}

/// A heading with nothing under it before the next heading of its level or above
/// says so, rather than leaving the reader to wonder.
fn say_when_empty(blocks: Vec<Block>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    let mut iter = blocks.into_iter().peekable();
    while let Some(b) = iter.next() {
        let level = match &b {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        };
        out.push(b);
        if let Some(level) = level {
            let empty = match iter.peek() {
                None => true,
                Some(Block::Heading { level: next, .. }) => *next <= level,
                _ => false,
            };
            if empty {
                out.push(Block::Paragraph(
                    "This section has no content yet.".to_string(),
                ));
            }
        }
    }
    out
}
