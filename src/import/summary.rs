//! What an import says to the person who ran it.
//!
//! A draft is only a start: the summary says what became blocks, how much was
//! left as prose, how much page furniture was dropped, and which
//! `// csa-import:` notes need a person, by line, so that the checking can start
//! where the importer was unsure.

use std::fmt;

/// What the importer recognised, kept as prose, dropped, and could not decide.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Blocks written, by keyword (`priority`, `version`, ...), in first-seen order.
    pub blocks: Vec<(&'static str, usize)>,
    /// Entries inside blocks (leads, objectives, assessment rows, ...), by kind.
    pub entries: Vec<(&'static str, usize)>,
    /// Lines of prose kept as prose.
    pub prose_lines: usize,
    /// Tables kept as prose because they were not recognised.
    pub prose_tables: usize,
    /// Page furniture dropped.
    pub furniture: usize,
    /// The lines dropped as page furniture, as printed.
    pub dropped: Vec<String>,
    /// `// csa-import:` notes: (line in the output, 1-based, and the note).
    pub notes: Vec<(usize, String)>,
}

impl Summary {
    /// Adds `n` to the count of `kind`, which is listed in the order first seen.
    pub(super) fn bump(list: &mut Vec<(&'static str, usize)>, kind: &'static str, n: usize) {
        match list.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, count)) => *count += n,
            None => list.push((kind, n)),
        }
    }

    /// How many blocks of `kind` were written.
    pub fn blocks_of(&self, kind: &str) -> usize {
        self.blocks
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(0, |(_, n)| *n)
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "recognised:")?;
        if self.blocks.is_empty() {
            writeln!(f, "  no structured part")?;
        }
        for (kind, n) in &self.blocks {
            writeln!(f, "  {n:>4} @{kind}")?;
        }
        for (kind, n) in &self.entries {
            writeln!(f, "  {n:>4} {kind}")?;
        }
        writeln!(
            f,
            "left as prose: {} line(s); {} table(s) not recognised, kept as list items",
            self.prose_lines, self.prose_tables
        )?;
        writeln!(
            f,
            "dropped: {} line(s) of page furniture (page numbers, blank-page notices, running headers)",
            self.furniture
        )?;
        for line in &self.dropped {
            writeln!(f, "  dropped: {line}")?;
        }
        if self.notes.is_empty() {
            writeln!(f, "needs a person: nothing the importer was unsure of")?;
        } else {
            writeln!(
                f,
                "needs a person: {} `// csa-import:` note(s) to check:",
                self.notes.len()
            )?;
            for (line, note) in &self.notes {
                writeln!(f, "  line {line}: {note}")?;
            }
        }
        Ok(())
    }
}
