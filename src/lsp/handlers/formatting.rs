//! `textDocument/formatting`: the document in the canonical layout `csa fmt` writes.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::blocking;
use crate::lsp::document::{Document, Encoding};
use crate::lsp::state::Shared;

pub async fn formatting(
    shared: &Shared,
    params: DocumentFormattingParams,
) -> Result<Option<Vec<TextEdit>>> {
    // The edits replace the client's latest text, so wait for its analysis.
    let Some(v) = shared.view(&params.text_document.uri, true).await else {
        return Ok(None);
    };
    blocking(move || answer(&v.doc, v.encoding)).await
}

/// The whole document in canonical layout, as one edit; nothing when it is laid out
/// already or has syntax errors (the errors are shown as diagnostics already).
fn answer(doc: &Document, encoding: Encoding) -> Option<Vec<TextEdit>> {
    let formatted = crate::format::format(&doc.text).ok()?;
    if formatted == doc.text {
        return Some(Vec::new());
    }
    let all = doc.span(0, doc.text.len());
    Some(vec![TextEdit {
        range: doc.range(all, encoding),
        new_text: formatted,
    }])
}
