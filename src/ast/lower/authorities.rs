//! `@authority` and `@body` blocks: the responsible authorities of the partnership
//! and the other organisations that take part. Both are read the same way and kept
//! apart, because the law names the responsible authorities and not the others.

use super::{BlockParts, Lowering};
use crate::ast::Organisation;

impl Lowering<'_> {
    pub(super) fn authority(&mut self, parts: BlockParts) {
        let authority = self.organisation(parts);
        self.document.authorities.push(authority);
    }

    pub(super) fn body(&mut self, parts: BlockParts) {
        let body = self.organisation(parts);
        self.document.bodies.push(body);
    }

    fn organisation(&self, parts: BlockParts) -> Organisation {
        Organisation {
            id: parts.required_id(),
            name: parts.title,
            kind: self.text_of(&parts.entries, "kind"),
            note: self.text_of(&parts.entries, "note"),
            span: parts.span,
        }
    }
}
