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
