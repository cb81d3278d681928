//! The tables of responsible authorities (`@authority`) and of other bodies (`@body`),
//! each kind named as the law names it.

use super::builder::Builder;
use super::parts::Part;
use super::{Block, Cell, Table};

impl Builder<'_> {
    /// The table of a run of `@authority` or of `@body` blocks (`first` says which).
    pub(super) fn organisations(&mut self, first: Part, parts: Vec<Part>) {
        let doc = self.doc;
        let authorities = matches!(first, Part::Authority(_));
        let mut table = if authorities {
            Table::new("Responsible authorities", &["Authority", "Kind"])
        } else {
            Table::new("Other bodies", &["Body", "Kind"])
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
                // `note:` is the author's annotation, not published text.
                Cell::text(kind),
            ]);
        }
        self.blocks.push(Block::Table(table));
    }
}
