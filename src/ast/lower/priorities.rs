//! `@priority` and `@theme` blocks: what each includes, the statutory areas it
//! addresses, the Police and Crime Plan objectives it supports, the county's
//! priorities it works on, and (for a priority) its leads.

use super::{BlockParts, Lowering};
use crate::ast::{Priority, Reference, Theme};

impl Lowering<'_> {
    pub(super) fn priority(&mut self, parts: BlockParts) {
        let id = parts.required_id();
        // Leads written inside a priority lead that priority.
        let owner = Reference {
            name: id.value.clone(),
            quoted: false,
            span: id.span,
        };
        let entries = &parts.entries;
        let priority = Priority {
            leads: self.leads_of(entries, Some(&owner), "priority"),
            id,
            title: parts.title,
            includes: self.text_of(entries, "includes"),
            addresses: self.ids_of(entries, "addresses"),
            supports: self.ids_of(entries, "supports"),
            county: self.ids_of(entries, "county"),
            measures: self.texts_of(entries, "measure"),
            resources: self.text_of(entries, "resources"),
            joint_working: self.text_of(entries, "joint-working"),
            note: self.text_of(entries, "note"),
            header_span: parts.header_span,
            span: parts.span,
        };
        self.document.priorities.push(priority);
    }

    pub(super) fn theme(&mut self, parts: BlockParts) {
        let entries = &parts.entries;
        let theme = Theme {
            id: parts.required_id(),
            title: parts.title,
            includes: self.text_of(entries, "includes"),
            addresses: self.ids_of(entries, "addresses"),
            supports: self.ids_of(entries, "supports"),
            county: self.ids_of(entries, "county"),
            note: self.text_of(entries, "note"),
            header_span: parts.header_span,
            span: parts.span,
        };
        self.document.themes.push(theme);
    }
}
