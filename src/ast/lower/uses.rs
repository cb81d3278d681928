//! `@use` lines: another document, or a Police and Crime Plan csa knows, whose parts
//! this one uses. A line without a target names nothing and is left out.

use super::{BlockParts, Lowering};
use crate::ast::Use;

impl Lowering<'_> {
    pub(super) fn use_line(&mut self, parts: BlockParts) {
        if let Some(target) = parts.title {
            self.document.uses.push(Use {
                target,
                header_span: parts.header_span,
            });
        }
    }
}
