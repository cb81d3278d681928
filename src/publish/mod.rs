//! `csa publish`: the agreement as its readers see it. The typed model becomes a
//! sequence of [`Block`]s (headings, paragraphs, lists, tables, the diagram) in
//! document order; [`html`] and [`docx`] write that sequence. `csa report` writes its
//! pages with the same blocks.
//!
//! Every line of prose appears, in order; every structured part becomes the table
//! readers know from published agreements; comments and suppressions never appear.

pub mod diagram;
pub mod docx;
pub mod html;
pub mod inline;

use std::collections::HashMap;

use crate::ast::{
    lead_words, leads_of, title_of, Date, Document, ItemKind, Lead, PriorityLookup, Reference,
};
use crate::text::matching;

pub use diagram::Diagram;

/// One part of a published page.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading: level 1 is a chapter.
    Heading {
        /// 1 to 6.
        level: u8,
        /// Its text.
        text: String,
        /// A fragment id for the table of contents.
        anchor: String,
    },
    /// A paragraph, with inline emphasis as written (`*text*`, `**text**`).
    Paragraph(String),
    /// A bulleted list.
    List(Vec<ListItem>),
    /// A table.
    Table(Table),
    /// The diagram of priorities, themes and the objectives they support.
    Diagram(Diagram),
}

/// An item of a bulleted list.
#[derive(Debug, Clone, PartialEq)]
pub struct ListItem {
    /// Its text.
    pub text: String,
    /// 0 for the outer list, 1 for an item nested under it, ...
    pub depth: usize,
}

/// A table with a caption, column headers, and rows whose first cell may head its row.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// What the table is.
    pub caption: String,
    /// The column headers.
    pub columns: Vec<String>,
    /// The rows; each cell holds one or more lines.
    pub rows: Vec<Vec<Cell>>,
    /// Whether the first cell of each row is the row's header.
    pub row_headers: bool,
}

/// A table cell: one line, or several (shown as a list).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell(pub Vec<String>);

impl Cell {
    /// A cell of one line.
    pub fn text(text: impl Into<String>) -> Self {
        Cell(vec![text.into()])
    }

    /// A cell of one line per item; empty when there are none.
    pub fn lines<I: IntoIterator<Item = S>, S: Into<String>>(lines: I) -> Self {
        Cell(lines.into_iter().map(Into::into).collect())
    }
}

impl Table {
    /// A table whose first column heads its rows.
    pub fn new(caption: impl Into<String>, columns: &[&str]) -> Self {
        Self {
            caption: caption.into(),
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: Vec::new(),
            row_headers: true,
        }
    }

    /// Adds a row.
    pub fn row(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells);
    }
}

/// A document ready to write: its title, language and blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Publication {
    /// The title (the `<title>`, the .docx's first line).
    pub title: String,
    /// Who publishes it: the partnership the agreement names, when it names one.
    pub author: Option<String>,
    /// The blocks, in order.
    pub blocks: Vec<Block>,
}

impl Publication {
    /// The headings, for a table of contents.
    pub fn headings(&self) -> impl Iterator<Item = (u8, &str, &str)> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Heading {
                level,
                text,
                anchor,
            } => Some((*level, text.as_str(), anchor.as_str())),
            _ => None,
        })
    }
}

/// A date as readers write it: `1 April 2022`, or `April 2022`.
pub fn human_date(date: Date) -> String {
    let month = date.month_name();
    match date.day {
        Some(day) => format!("{day} {month} {}", date.year),
        None => format!("{month} {}", date.year),
    }
}

/// The kinds of document, in words.
pub fn kind_words(kind: &str) -> &str {
    match kind {
        "county-agreement" => "County community safety agreement",
        "district-plan" => "District community safety plan",
        "unitary-plan" => "Unitary community safety plan",
        other => other,
    }
}

/// Fragment ids for headings: lower-case words joined by hyphens, made unique.
#[derive(Default)]
pub struct Anchors {
    used: HashMap<String, usize>,
}

impl Anchors {
    /// A unique fragment id for `text`.
    pub fn make(&mut self, text: &str) -> String {
        let mut base: String = text
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        base = base
            .split('-')
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        if base.is_empty() || !base.starts_with(|c: char| c.is_ascii_alphabetic()) {
            base = format!("s-{base}");
        }
        let n = self.used.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            base
        } else {
            format!("{base}-{n}")
        }
    }
}

fn text_of(field: &Option<crate::ast::Spanned<String>>) -> String {
    field.as_ref().map(|s| s.value.clone()).unwrap_or_default()
}

/// What a structured block of the source is, by its position in the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Agreement,
    Version(usize),
    Authority(usize),
    Body(usize),
    Priority(usize),
    Theme(usize),
    Leads,
    Plan(usize),
    ActionPlan(usize),
    Assessment(usize),
    RiskRanking(usize),
    HorizonScan(usize),
    Links(usize),
    Contact(usize),
}

impl Part {
    /// Parts that run together into one table when written one after another.
    fn group(self) -> Option<u8> {
        match self {
            Part::Version(_) => Some(1),
            Part::Authority(_) => Some(2),
            Part::Body(_) => Some(3),
            Part::Priority(_) => Some(4),
            Part::Theme(_) => Some(5),
            Part::Leads => Some(6),
            _ => None,
        }
    }
}

/// Where each structured part starts, in source order.
fn part_starts(doc: &Document) -> Vec<(usize, Part)> {
    let mut out = Vec::new();
    if let Some(a) = &doc.agreement {
        out.push((a.span.start.offset, Part::Agreement));
    }
    let mut add = |starts: Vec<usize>, make: fn(usize) -> Part| {
        out.extend(starts.into_iter().enumerate().map(|(i, s)| (s, make(i))));
    };
    add(
        doc.versions.iter().map(|b| b.span.start.offset).collect(),
        Part::Version,
    );
    add(
        doc.authorities
            .iter()
            .map(|b| b.span.start.offset)
            .collect(),
        Part::Authority,
    );
    add(
        doc.bodies.iter().map(|b| b.span.start.offset).collect(),
        Part::Body,
    );
    add(
        doc.priorities.iter().map(|b| b.span.start.offset).collect(),
        Part::Priority,
    );
    add(
        doc.themes.iter().map(|b| b.span.start.offset).collect(),
        Part::Theme,
    );
    add(
        doc.plans.iter().map(|b| b.span.start.offset).collect(),
        Part::Plan,
    );
    add(
        doc.action_plans
            .iter()
            .map(|b| b.span.start.offset)
            .collect(),
        Part::ActionPlan,
    );
    add(
        doc.assessments
            .iter()
            .map(|b| b.span.start.offset)
            .collect(),
        Part::Assessment,
    );
    add(
        doc.risk_rankings
            .iter()
            .map(|b| b.span.start.offset)
            .collect(),
        Part::RiskRanking,
    );
    add(
        doc.horizon_scans
            .iter()
            .map(|b| b.span.start.offset)
            .collect(),
        Part::HorizonScan,
    );
    add(
        doc.links.iter().map(|b| b.span.start.offset).collect(),
        Part::Links,
    );
    add(
        doc.contacts.iter().map(|b| b.span.start.offset).collect(),
        Part::Contact,
    );
    out.sort_by_key(|(s, _)| *s);
    out
}

/// The document's title: the agreement's, else its first heading's, else `fallback`.
pub fn document_title(doc: &Document, fallback: &str) -> String {
    doc.agreement
        .as_ref()
        .and_then(|a| a.title.as_ref())
        .map(|t| t.value.clone())
        .or_else(|| doc.outline.first().map(|h| h.text.value.clone()))
        .unwrap_or_else(|| fallback.to_string())
}

/// Builds the published agreement from `doc` (read from `source`). `law` names the
/// kinds of responsible authority in words.
pub fn publish(
    source: &str,
    doc: &Document,
    law: &crate::knowledge::law::Law,
    fallback_title: &str,
) -> Publication {
    Builder::new(source, doc, law).build(fallback_title)
}

struct Builder<'a> {
    source: &'a str,
    doc: &'a Document,
    law: &'a crate::knowledge::law::Law,
    objectives: HashMap<&'a str, &'a str>,
    topic_titles: HashMap<&'a str, String>,
    anchors: Anchors,
    blocks: Vec<Block>,
    paragraph: Vec<String>,
    list: Vec<ListItem>,
    diagram_done: bool,
    pending_leads: Vec<(Option<String>, String)>,
    inline_leads_done: bool,
    /// The "about this document" table, held until the title heading is written
    /// when the document opens with its header.
    about: Option<Table>,
    seen_heading: bool,
    /// The rows of the leads tables, with the title of the priority each leads, in
    /// document order.
    table_leads: Vec<(Option<String>, &'a Lead)>,
    lookup: PriorityLookup<'a>,
}

impl<'a> Builder<'a> {
    fn new(source: &'a str, doc: &'a Document, law: &'a crate::knowledge::law::Law) -> Self {
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
    fn release_about(&mut self) {
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

    fn build(mut self, fallback_title: &str) -> Publication {
        let doc = self.doc;
        let starts = part_starts(doc);
        let headings: HashMap<usize, (u32, &str)> = doc
            .outline
            .iter()
            .map(|h| (h.span.start.offset, (h.level, h.text.value.as_str())))
            .collect();
        let mut next_part = 0;
        // The parts of the current run of alike blocks (several @version, say).
        let mut run: Vec<Part> = Vec::new();
        for item in &doc.items {
            let (start, end) = (item.span.start.offset, item.span.end.offset);
            match &item.kind {
                ItemKind::Blank => {
                    self.flush();
                }
                ItemKind::Comment => {}
                ItemKind::Heading => {
                    self.flush();
                    self.end_run(&mut run);
                    let (level, text) = headings.get(&start).copied().unwrap_or((1, ""));
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
                    let bullet = ["- ", "* ", "• "]
                        .iter()
                        .find_map(|m| text.strip_prefix(m).filter(|_| *list));
                    match bullet {
                        Some(rest) => {
                            if !self.paragraph.is_empty() {
                                let text = self.paragraph.join(" ");
                                self.paragraph.clear();
                                self.blocks.push(Block::Paragraph(text));
                            }
                            self.list.push(ListItem {
                                text: rest.trim().to_string(),
                                depth: (*indent as usize).div_ceil(2),
                            });
                        }
                        // A numbered line keeps its number, as its own paragraph.
                        None if *list => {
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
        let title = document_title(doc, fallback_title);
        let author = doc
            .agreement
            .as_ref()
            .and_then(|a| a.partnership.as_ref())
            .map(|p| p.value.clone());
        Publication {
            title,
            author,
            blocks: self.blocks,
        }
    }

    fn leads_rows_from(&mut self, start: usize, end: usize) {
        // The rows are in document order: those of this block are a run.
        let first = self
            .table_leads
            .partition_point(|(_, l)| l.span.start.offset < start);
        let rows: Vec<(Option<String>, String)> = self.table_leads[first..]
            .iter()
            .take_while(|(_, l)| l.span.start.offset < end)
            .map(|(p, l)| (p.clone(), lead_words(l)))
            .collect();
        self.pending_leads.extend(rows);
    }

    fn end_run(&mut self, run: &mut Vec<Part>) {
        let Some(first) = run.first().copied() else {
            return;
        };
        self.release_about();
        let parts = std::mem::take(run);
        let doc = self.doc;
        match first {
            Part::Version(_) => {
                let mut table = Table::new(
                    "Version control",
                    &["Version", "Date", "Summary", "Changes"],
                );
                for part in parts {
                    if let Part::Version(i) = part {
                        let v = &doc.versions[i];
                        let scope = if v.scope == "action-plan" {
                            " (action plan)"
                        } else {
                            ""
                        };
                        table.row(vec![
                            Cell::text(format!("{}{scope}", v.version.value)),
                            Cell::text(
                                v.date
                                    .as_ref()
                                    .map_or(String::new(), |d| human_date(d.value)),
                            ),
                            Cell::text(text_of(&v.summary)),
                            Cell::lines(v.changes.iter().map(|c| c.value.clone())),
                        ]);
                    }
                }
                self.blocks.push(Block::Table(table));
            }
            Part::Authority(_) | Part::Body(_) => {
                let authorities = matches!(first, Part::Authority(_));
                let mut table = if authorities {
                    Table::new("Responsible authorities", &["Authority", "Kind", "Note"])
                } else {
                    Table::new("Other bodies", &["Body", "Kind", "Note"])
                };
                for part in parts {
                    let org = match part {
                        Part::Authority(i) => &doc.authorities[i],
                        Part::Body(i) => &doc.bodies[i],
                        _ => continue,
                    };
                    let kind = org.kind.as_ref().map_or(String::new(), |k| {
                        self.law
                            .authority_kind(&k.value)
                            .map_or(k.value.clone(), |a| a.title.clone())
                    });
                    table.row(vec![
                        Cell::text(
                            org.name
                                .as_ref()
                                .map_or(org.id.value.clone(), |n| n.value.clone()),
                        ),
                        Cell::text(kind),
                        Cell::text(text_of(&org.note)),
                    ]);
                }
                self.blocks.push(Block::Table(table));
            }
            Part::Priority(_) => {
                let mut table = Table::new(
                    "Priorities",
                    &[
                        "Priority",
                        "What it includes",
                        "Leads",
                        "Police and Crime Plan objectives it supports",
                    ],
                );
                for part in &parts {
                    if let Part::Priority(i) = part {
                        let p = &doc.priorities[*i];
                        let mut includes = Vec::new();
                        if let Some(i) = &p.includes {
                            includes.push(i.value.clone());
                        }
                        if let Some(n) = &p.note {
                            includes.push(format!("Note: {}", n.value));
                        }
                        table.row(vec![
                            Cell::text(title_of(p)),
                            Cell::lines(includes),
                            Cell::lines(p.leads.iter().map(lead_words)),
                            Cell::lines(p.supports.iter().map(|r| self.objective_words(r))),
                        ]);
                    }
                }
                self.blocks.push(Block::Table(table));
                self.inline_leads();
                if doc.themes.is_empty() && !self.diagram_done {
                    self.diagram();
                }
            }
            Part::Theme(_) => {
                let mut table = Table::new(
                    "Cross-cutting themes",
                    &[
                        "Theme",
                        "What it includes",
                        "Police and Crime Plan objectives it supports",
                    ],
                );
                for part in &parts {
                    if let Part::Theme(i) = part {
                        let t = &doc.themes[*i];
                        let mut includes = Vec::new();
                        if let Some(i) = &t.includes {
                            includes.push(i.value.clone());
                        }
                        if let Some(n) = &t.note {
                            includes.push(format!("Note: {}", n.value));
                        }
                        table.row(vec![
                            Cell::text(
                                t.title
                                    .as_ref()
                                    .map_or(t.id.value.clone(), |t| t.value.clone()),
                            ),
                            Cell::lines(includes),
                            Cell::lines(t.supports.iter().map(|r| self.objective_words(r))),
                        ]);
                    }
                }
                self.blocks.push(Block::Table(table));
                if !self.diagram_done {
                    self.diagram();
                }
            }
            Part::Leads => {
                let rows = std::mem::take(&mut self.pending_leads);
                self.blocks.push(Block::Table(leads_table(rows)));
            }
            _ => {}
        }
    }

    /// After the priorities: the leads table built from their own leads, when the
    /// document has no leads table.
    fn inline_leads(&mut self) {
        let has_table = self.doc.leads.iter().any(|l| l.source == "leads-table");
        if !has_table
            && !self.inline_leads_done
            && self.doc.priorities.iter().any(|p| !p.leads.is_empty())
        {
            self.inline_leads_done = true;
            let rows = self
                .doc
                .priorities
                .iter()
                .flat_map(|p| {
                    p.leads
                        .iter()
                        .map(move |l| (Some(title_of(p)), lead_words(l)))
                })
                .collect();
            self.blocks.push(Block::Table(leads_table(rows)));
        }
    }

    fn objective_words(&self, r: &Reference) -> String {
        match self.objectives.get(r.name.as_str()) {
            Some(text) if !text.is_empty() => format!("{}: {text}", r.name),
            _ => r.name.clone(),
        }
    }

    fn topic_words(&self, r: &Reference) -> String {
        self.topic_titles
            .get(r.name.as_str())
            .cloned()
            .unwrap_or_else(|| r.name.clone())
    }

    fn diagram(&mut self) {
        self.diagram_done = true;
        let diagram = Diagram::of(self.doc);
        if diagram.is_empty() {
            return;
        }
        let table = diagram.table();
        self.blocks.push(Block::Diagram(diagram));
        self.blocks.push(Block::Table(table));
    }

    fn single(&mut self, part: Part) {
        let doc = self.doc;
        if part != Part::Agreement {
            self.release_about();
        }
        match part {
            Part::Agreement => {
                let Some(a) = &doc.agreement else { return };
                let mut table = Table::new("About this document", &["Detail", "Value"]);
                let mut add = |name: &str, value: String| {
                    if !value.is_empty() {
                        table.row(vec![Cell::text(name), Cell::text(value)]);
                    }
                };
                add("Title", text_of(&a.title));
                add(
                    "Kind",
                    a.kind
                        .as_ref()
                        .map_or(String::new(), |k| kind_words(&k.value).to_string()),
                );
                add("Area", text_of(&a.area));
                add(
                    "Not covered",
                    a.excludes
                        .iter()
                        .map(|e| e.value.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                );
                add("Partnership", text_of(&a.partnership));
                add("Version", text_of(&a.version));
                add(
                    "Effective from",
                    a.effective
                        .as_ref()
                        .map_or(String::new(), |d| human_date(d.value)),
                );
                add("Review", text_of(&a.review));
                add("Status", text_of(&a.status));
                if self.seen_heading {
                    self.blocks.push(Block::Table(table));
                } else {
                    self.about = Some(table);
                }
            }
            Part::Plan(i) => {
                let plan = &doc.plans[i];
                let title = plan
                    .title
                    .as_ref()
                    .map_or(plan.id.value.clone(), |t| t.value.clone());
                let mut about = Vec::new();
                if let Some(c) = &plan.commissioner {
                    about.push(format!("Issued by {}", c.value));
                }
                if let Some(a) = &plan.area {
                    about.push(format!("for {}", a.value));
                }
                if let Some(p) = &plan.period {
                    about.push(format!(
                        "from {} to {}",
                        human_date(p.value.from),
                        human_date(p.value.to)
                    ));
                }
                if !about.is_empty() {
                    self.blocks
                        .push(Block::Paragraph(format!("{title}: {}.", about.join(", "))));
                }
                if !plan.principles.is_empty() {
                    self.blocks.push(Block::Paragraph(format!(
                        "The guiding principles of {title}:"
                    )));
                    self.blocks.push(Block::List(
                        plan.principles
                            .iter()
                            .map(|p| ListItem {
                                text: p.value.clone(),
                                depth: 0,
                            })
                            .collect(),
                    ));
                }
                // Priorities and themes by the objectives they support.
                let mut supporters: HashMap<&str, Vec<String>> = HashMap::new();
                for (id, supports) in doc
                    .priorities
                    .iter()
                    .map(|p| (&p.id, &p.supports))
                    .chain(doc.themes.iter().map(|t| (&t.id, &t.supports)))
                {
                    for r in supports {
                        supporters
                            .entry(r.name.as_str())
                            .or_default()
                            .push(self.topic_words(&Reference {
                                name: id.value.clone(),
                                quoted: false,
                                span: id.span,
                            }));
                    }
                }
                let any_not_adopted = plan.objectives.iter().any(|o| o.not_adopted.is_some());
                let any_group = plan.objectives.iter().any(|o| o.group.is_some());
                let mut columns = vec!["Objective"];
                if any_group {
                    columns.push("Part of the plan");
                }
                columns.push("Priorities and themes that support it");
                if any_not_adopted {
                    columns.push("Not adopted, because");
                }
                let mut table = Table::new(format!("Objectives of {title}"), &columns);
                for o in &plan.objectives {
                    let mut row = vec![Cell::text(format!("{}: {}", o.id.value, text_of(&o.text)))];
                    if any_group {
                        row.push(Cell::text(text_of(&o.group)));
                    }
                    row.push(Cell::lines(
                        supporters
                            .get(o.id.value.as_str())
                            .cloned()
                            .unwrap_or_default(),
                    ));
                    if any_not_adopted {
                        row.push(Cell::text(text_of(&o.not_adopted)));
                    }
                    table.row(row);
                }
                self.blocks.push(Block::Table(table));
            }
            Part::ActionPlan(i) => {
                let plan = &doc.action_plans[i];
                let priority = self
                    .lookup
                    .find(&plan.priority.name)
                    .map_or(plan.priority.name.clone(), title_of);
                let caption = match &plan.title {
                    Some(t) if matching::words(&t.value) != matching::words(&priority) => {
                        format!("Action plan: {priority} ({})", t.value)
                    }
                    _ => format!("Action plan: {priority}"),
                };
                if !plan.leads.is_empty() {
                    self.blocks.push(Block::Paragraph(format!(
                        "Lead for {priority}: {}.",
                        plan.leads
                            .iter()
                            .map(lead_words)
                            .collect::<Vec<_>>()
                            .join("; ")
                    )));
                }
                let mut table = Table::new(caption, &["Aim", "Actions", "Cross-cutting themes"]);
                for aim in &plan.aims {
                    table.row(vec![
                        Cell::text(
                            format!("{} {}", aim.number.value, text_of(&aim.text))
                                .trim()
                                .to_string(),
                        ),
                        Cell::lines(aim.actions.iter().map(|a| a.value.clone())),
                        Cell::lines(aim.themes.iter().map(|r| self.topic_words(r))),
                    ]);
                }
                self.blocks.push(Block::Table(table));
            }
            Part::Assessment(i) => {
                let a = &doc.assessments[i];
                let caption = a
                    .title
                    .as_ref()
                    .map_or("Strategic assessments".to_string(), |t| t.value.clone());
                let columns = match &a.partnerships {
                    Some(n) => format!("Partnerships naming it (of {})", n.value),
                    None => "Partnerships naming it".to_string(),
                };
                let mut table = Table::new(caption, &["Issue", &columns]);
                for issue in &a.issues {
                    table.row(vec![
                        Cell::text(text_of(&issue.text)),
                        Cell::text(
                            issue
                                .count
                                .as_ref()
                                .map_or(String::new(), |c| c.value.to_string()),
                        ),
                    ]);
                }
                self.blocks.push(Block::Table(table));
            }
            Part::RiskRanking(i) => {
                let r = &doc.risk_rankings[i];
                let mut caption = r
                    .title
                    .as_ref()
                    .map_or("Risk ranking".to_string(), |t| t.value.clone());
                if let Some(m) = &r.method {
                    caption.push_str(&format!(" (method: {})", m.value));
                }
                let mut table = Table::new(caption, &["Rank", "Issue (highest risk first)"]);
                for (n, item) in r.items.iter().enumerate() {
                    table.row(vec![
                        Cell::text((n + 1).to_string()),
                        Cell::text(item.value.clone()),
                    ]);
                }
                self.blocks.push(Block::Table(table));
            }
            Part::HorizonScan(i) => {
                let h = &doc.horizon_scans[i];
                let caption = h
                    .title
                    .as_ref()
                    .map_or("Horizon scan".to_string(), |t| t.value.clone());
                let mut table = Table::new(caption, &["Heading", "Issues"]);
                fn rows(
                    table: &mut Table,
                    heading: &crate::ast::HorizonHeading,
                    parent: Option<&str>,
                ) {
                    let name = capitalise(&heading.name.value);
                    let name = match parent {
                        Some(p) => format!("{p}: {}", heading.name.value),
                        None => name,
                    };
                    let mut lines: Vec<String> =
                        heading.intro.iter().map(|i| i.value.clone()).collect();
                    lines.extend(heading.items.iter().map(|i| i.value.clone()));
                    if !lines.is_empty() || heading.children.is_empty() {
                        table.row(vec![Cell::text(name.clone()), Cell::lines(lines)]);
                    }
                    for child in &heading.children {
                        rows(table, child, Some(&name));
                    }
                }
                for heading in &h.headings {
                    rows(&mut table, heading, None);
                }
                self.blocks.push(Block::Table(table));
            }
            Part::Links(i) => {
                let l = &doc.links[i];
                let caption = l
                    .title
                    .as_ref()
                    .map_or("Links to plans".to_string(), |t| t.value.clone());
                let mut table = Table::new(caption, &["Plan or strategy"]);
                table.row_headers = false;
                for item in &l.items {
                    table.row(vec![Cell::text(item.value.clone())]);
                }
                self.blocks.push(Block::Table(table));
            }
            Part::Contact(i) => {
                let c = &doc.contacts[i];
                let mut table = Table::new("Contact", &["Contact", "Details"]);
                for (name, field) in [
                    ("Name", &c.name),
                    ("Email", &c.email),
                    ("Telephone", &c.phone),
                    ("Address", &c.address),
                    ("Web", &c.web),
                ] {
                    if let Some(value) = field {
                        table.row(vec![Cell::text(name), Cell::text(value.value.clone())]);
                    }
                }
                self.blocks.push(Block::Table(table));
            }
            _ => {}
        }
    }
}

/// The leads table: priority, lead.
fn leads_table(rows: Vec<(Option<String>, String)>) -> Table {
    let mut table = Table::new("Leads", &["Priority", "Lead"]);
    for (priority, lead) in rows {
        table.row(vec![
            Cell::text(priority.unwrap_or_else(|| "(no priority given)".to_string())),
            Cell::text(lead),
        ]);
    }
    table
}

/// `legislation` → `Legislation`.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
