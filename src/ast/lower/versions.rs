//! `@version` rows of the version history: the version, its date, what it covers and
//! the changes it made.

use super::{BlockParts, Lowering};
use crate::ast::Version;

impl Lowering<'_> {
    pub(super) fn version(&mut self, parts: BlockParts) {
        let version = Version {
            version: parts.required_id(),
            summary: parts.title,
            date: self.date_of(&parts.entries, "date"),
            // A row that does not say is about the agreement itself.
            scope: self
                .text_of(&parts.entries, "scope")
                .map(|s| s.value)
                .unwrap_or_else(|| "agreement".to_string()),
            changes: self.block_items(&parts.entries),
            span: parts.span,
        };
        self.document.versions.push(version);
    }
}
