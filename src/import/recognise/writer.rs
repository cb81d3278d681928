//! The `.csa` text as it is written, and the counts for the summary.
//!
//! Every recogniser writes through [`Writer`], so the blank lines between blocks,
//! the backslash on prose that would read as structure, and the line numbers of
//! the `// csa-import:` notes are decided in one place, and the summary counts
//! exactly what was written.

use std::collections::HashSet;

use super::ids::{make_id, unique};
use super::tables::prose_table;
use super::words::one_line;
use crate::import::{Block, Import, Summary};

#[derive(Default)]
pub(super) struct Writer {
    lines: Vec<String>,
    pub(super) summary: Summary,
    /// The ids given so far, so that a new one does not repeat one.
    pub(super) ids: HashSet<String>,
    last_item: bool,
    /// The kind of council the area has, once the header found the area: what
    /// "the Council" means in a list of the partnership's members.
    pub(super) area_council: Option<&'static str>,
}

impl Writer {
    pub(super) fn gap(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
        self.last_item = false;
    }

    pub(super) fn line(&mut self, text: String) {
        self.lines.push(text);
    }

    pub(super) fn heading(&mut self, level: u8, text: &str) {
        self.gap();
        self.line(format!(
            "{} {}",
            "#".repeat(level.clamp(1, 6) as usize),
            one_line(text)
        ));
        self.summary.prose_lines += 1;
        self.gap();
    }

    pub(super) fn prose(&mut self, text: &str) {
        self.gap();
        self.line(escape(&one_line(text)));
        self.summary.prose_lines += 1;
        self.gap();
    }

    pub(super) fn item(&mut self, text: &str) {
        if !self.last_item {
            self.gap();
        }
        self.line(format!("- {}", one_line(text)));
        self.summary.prose_lines += 1;
        self.last_item = true;
    }

    /// Starts a block: a blank line, then the header.
    pub(super) fn open(&mut self, kind: &'static str, header: String) {
        self.gap();
        self.line(header);
        Summary::bump(&mut self.summary.blocks, kind, 1);
    }

    pub(super) fn field(&mut self, indent: usize, name: &str, value: &str) {
        self.line(format!(
            "{}{name}: {}",
            "  ".repeat(indent),
            one_line(value)
        ));
    }

    pub(super) fn entry(&mut self, kind: &'static str) {
        Summary::bump(&mut self.summary.entries, kind, 1);
    }

    /// A `// csa-import:` note at `indent`, counted for the summary.
    pub(super) fn note(&mut self, indent: usize, text: &str) {
        let text = one_line(text);
        self.line(format!("{}// csa-import: {text}", "  ".repeat(indent)));
        self.summary.notes.push((self.lines.len(), text));
    }

    pub(super) fn comment(&mut self, indent: usize, text: &str) {
        self.line(format!("{}// {}", "  ".repeat(indent), one_line(text)));
    }

    /// The comment that keeps a table's header when its rows become a block.
    pub(super) fn printed_as_table(&mut self, header: &[String]) {
        self.gap();
        self.comment(
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
    }

    /// A fresh id from `title`, unique among the ids given so far.
    pub(super) fn id(&mut self, title: &str) -> String {
        unique(&mut self.ids, make_id(title))
    }

    pub(super) fn finish(mut self) -> Import {
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

/// Prose that would be read as structure gets the format's backslash.
fn escape(line: &str) -> String {
    if line.starts_with(['@', '#']) || line.starts_with("//") || line.starts_with('\\') {
        format!("\\{line}")
    } else {
        line.to_string()
    }
}

/// A block written as prose, word for word.
pub(super) fn prose_block(w: &mut Writer, block: &Block) {
    match block {
        Block::Heading { level, text } => w.heading(*level, text),
        Block::Paragraph(text) => w.prose(text),
        Block::Item { text, .. } => w.item(text),
        Block::Table(rows) => prose_table(w, rows),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
