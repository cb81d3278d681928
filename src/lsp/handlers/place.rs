//! Where a position is in a document's structure, for hover and completion: the
//! block that holds it, and the fields a block may have.

use crate::ast::schema::FieldSpec;
use crate::ast::ItemKind;
use crate::lsp::document::Document;
use crate::text::Span;

/// The block (keyword and span) holding `offset`, if any.
pub fn block_at(doc: &Document, offset: usize) -> Option<(&str, Span)> {
    doc.parsed
        .document
        .items
        .iter()
        .find_map(|item| match &item.kind {
            ItemKind::Block { keyword }
                if item.span.start.offset <= offset
                    && offset < item.span.end.offset.max(item.span.start.offset + 1) =>
            {
                Some((keyword.as_str(), item.span))
            }
            _ => None,
        })
}

/// Every field of a block, nested ones included.
pub fn all_fields(fields: &'static [FieldSpec]) -> Box<dyn Iterator<Item = &'static FieldSpec>> {
    Box::new(
        fields
            .iter()
            .flat_map(|f| std::iter::once(f).chain(all_fields(f.children))),
    )
}
