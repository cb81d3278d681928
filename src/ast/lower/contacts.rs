//! `@contact` blocks: who to contact about the document, and how.

use super::{BlockParts, Lowering};
use crate::ast::Contact;

impl Lowering<'_> {
    pub(super) fn contact(&mut self, parts: BlockParts) {
        let entries = &parts.entries;
        let contact = Contact {
            name: parts.title,
            email: self.text_of(entries, "email"),
            phone: self.text_of(entries, "phone"),
            address: self.text_of(entries, "address"),
            web: self.text_of(entries, "web"),
            span: parts.span,
        };
        self.document.contacts.push(contact);
    }
}
