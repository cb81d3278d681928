//! `textDocument/documentHighlight`: the places in this document that name the
//! definition under the cursor, the definition marked as written.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::blocking;
use crate::lsp::document::{Document, Encoding};
use crate::lsp::state::Shared;

pub async fn document_highlight(
    shared: &Shared,
    params: DocumentHighlightParams,
) -> Result<Option<Vec<DocumentHighlight>>> {
    let p = params.text_document_position_params;
    let Some(v) = shared.view(&p.text_document.uri, true).await else {
        return Ok(None);
    };
    blocking(move || answer(&v.doc, p.position, v.encoding)).await
}

fn answer(
    doc: &Document,
    position: Position,
    encoding: Encoding,
) -> Option<Vec<DocumentHighlight>> {
    let offset = doc.offset(position, encoding);
    let target = doc.index.at(offset)?;
    let def = doc.index.definition_of(&target).map(|d| d.id_span);
    Some(
        doc.index
            .occurrences(&target)
            .into_iter()
            .map(|s| DocumentHighlight {
                range: doc.range(s, encoding),
                kind: Some(if Some(s) == def {
                    DocumentHighlightKind::WRITE
                } else {
                    DocumentHighlightKind::READ
                }),
            })
            .collect(),
    )
}
