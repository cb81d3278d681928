//! The version control table, from the `@version` rows.

use super::builder::Builder;
use super::parts::Part;
use super::words::text_of;
use super::{human_date, Block, Cell, Table};

impl Builder<'_> {
    /// The version control table, from a run of `@version` blocks.
    pub(super) fn versions(&mut self, parts: Vec<Part>) {
        let doc = self.doc;
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
                            .map_or("not given".to_string(), |d| human_date(d.value)),
                    ),
                    Cell::text(text_of(&v.summary)),
                    Cell::lines(v.changes.iter().map(|c| c.value.clone())),
                ]);
            }
        }
        self.blocks.push(Block::Table(table));
    }
}
