//! What a publication is made of: [`Block`]s (headings, paragraphs, lists, tables,
//! the diagram), the [`Table`]s and [`Cell`]s inside them, and the [`Publication`]
//! that holds them in order. The writers ([`super::html`], [`super::docx`]) read
//! only these.

use super::Diagram;

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
    /// A bulleted list (Word numbers it as a list, with bullets).
    List(Vec<ListItem>),
    /// A table.
    Table(Table),
    /// The diagram of priorities, themes and the objectives they support.
    Diagram(Diagram),
    /// Blocks set apart as one panel (the report's status): on a page, a framed
    /// section the reader meets first.
    Panel(Vec<Block>),
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
    /// Leaves out the columns (after the first) that no row fills, and writes `none`
    /// in the cells left empty: a published table has no empty cell.
    pub fn tidy(&mut self) {
        let filled = |i: usize| {
            self.rows.iter().any(|r| {
                r.get(i)
                    .is_some_and(|c| c.0.iter().any(|l| !l.trim().is_empty()))
            })
        };
        let keep: Vec<bool> = (0..self.columns.len())
            .map(|i| i == 0 || filled(i))
            .collect();
        if keep.iter().any(|k| !k) {
            let mut i = 0;
            self.columns.retain(|_| {
                i += 1;
                keep[i - 1]
            });
            for row in &mut self.rows {
                let mut i = 0;
                row.retain(|_| {
                    i += 1;
                    keep.get(i - 1).copied().unwrap_or(true)
                });
            }
        }
        for row in &mut self.rows {
            for cell in row.iter_mut() {
                cell.0.retain(|l| !l.trim().is_empty());
                if cell.0.is_empty() {
                    cell.0.push("none".to_string());
                }
            }
        }
    }

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

    /// Whether each row's first cell is written as its header: only when there are
    /// other cells for it to head (a one-column list of names is data under its
    /// column's header, or a screen reader finds a header with nothing to head).
    pub fn heads_rows(&self) -> bool {
        self.row_headers && self.columns.len() > 1
    }
}

/// A document ready to write: its title, language and blocks. The title is the
/// page's one `<h1>` (Word's "Title"); a heading of level 1 in `blocks` is a chapter
/// (`<h2>`, Word's "Heading 1"), and so on down.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Publication {
    /// The title (the `<title>` and `<h1>`, the .docx's first line).
    pub title: String,
    /// Who publishes it: the partnership the agreement names, when it names one.
    pub author: Option<String>,
    /// The document's effective date (`YYYY-MM-DD`): the .docx's created and
    /// modified dates.
    pub date: Option<String>,
    /// The blocks, in order.
    pub blocks: Vec<Block>,
    /// Whether, on paper (Word), each chapter starts a new page, as published
    /// agreements do; a report runs on.
    pub chapters_on_new_pages: bool,
}

impl Publication {
    /// The headings, for a table of contents (those inside a panel too).
    pub fn headings(&self) -> impl Iterator<Item = (u8, &str, &str)> {
        self.blocks
            .iter()
            .flat_map(|b| match b {
                Block::Panel(inner) => inner.iter().collect::<Vec<_>>(),
                other => vec![other],
            })
            .filter_map(|b| match b {
                Block::Heading {
                    level,
                    text,
                    anchor,
                } => Some((*level, text.as_str(), anchor.as_str())),
                _ => None,
            })
    }
}
