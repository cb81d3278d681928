//! The `@agreement` header: the document's kind, area, partnership, version, dates
//! and status. A document has one; a second is reported and left out.

use super::{codes, BlockParts, Lowering};
use crate::ast::{Agreement, Spanned};
use crate::diagnostics::{Diagnostic, Severity};

impl Lowering<'_> {
    pub(super) fn agreement(&mut self, parts: BlockParts) {
        let BlockParts {
            title,
            entries,
            span,
            header_span,
            ..
        } = parts;
        let agreement = Agreement {
            title,
            kind: self.text_of(&entries, "kind"),
            area: self.text_of(&entries, "area"),
            excludes: self
                .first(&entries, "excludes")
                .and_then(|c| c.value)
                .map(|v| {
                    self.list(v)
                        .into_iter()
                        .map(|r| Spanned::new(r.name, r.span))
                        .collect()
                })
                .unwrap_or_default(),
            partnership: self.text_of(&entries, "partnership"),
            chair: self.text_of(&entries, "chair"),
            convened_by: self.text_of(&entries, "convened-by"),
            version: self.text_of(&entries, "version"),
            effective: self.date_of(&entries, "effective"),
            period: self.period_of(&entries),
            review: self.text_of(&entries, "review"),
            status: self.text_of(&entries, "status"),
            approved: self.text_of(&entries, "approved"),
            assessed: self.date_of(&entries, "assessed"),
            consultation: self.texts_of(&entries, "consultation"),
            scrutiny: self.text_of(&entries, "scrutiny"),
            scrutinised: self.date_of(&entries, "scrutinised"),
            sent_to_pcc: self.date_of(&entries, "sent-to-pcc"),
            serious_violence_strategy: self.text_of(&entries, "serious-violence-strategy"),
            members: self.texts_of(&entries, "member"),
            header_span,
            span,
        };
        if let Some(first) = &self.document.agreement {
            let diagnostic = Diagnostic::new(
                codes::MISPLACED_ENTRY.0,
                codes::MISPLACED_ENTRY.1,
                Severity::Error,
                header_span,
                "the document has two `@agreement` headers",
            )
            .with_label(first.header_span, "the first one is here")
            .with_help("a document has one header; keep one of them");
            self.diagnostics.push(diagnostic);
        } else {
            self.document.agreement = Some(agreement);
        }
    }
}
