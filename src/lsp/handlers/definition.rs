//! `textDocument/definition`: the file a `@use` line names, or where the name under
//! the cursor is defined, in this document or in one it uses.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::blocking;
use crate::lsp::across;
use crate::lsp::document::{range, Document, Encoding};
use crate::lsp::state::Shared;

pub async fn definition(
    shared: &Shared,
    params: GotoDefinitionParams,
) -> Result<Option<GotoDefinitionResponse>> {
    let p = params.text_document_position_params;
    let Some(v) = shared.view(&p.text_document.uri, true).await else {
        return Ok(None);
    };
    let uri = p.text_document.uri;
    blocking(move || answer(&v.doc, &uri, p.position, v.encoding)).await
}

fn answer(
    doc: &Document,
    uri: &Uri,
    position: Position,
    encoding: Encoding,
) -> Option<GotoDefinitionResponse> {
    let offset = doc.offset(position, encoding);
    // The `@use` line's file.
    if let Some(file) = across::used_file_at(doc, offset) {
        return crate::lsp::uri::from_path(&file).map(|uri| {
            GotoDefinitionResponse::Scalar(Location {
                uri,
                range: Range::default(),
            })
        });
    }
    let target = doc.index.at(offset)?;
    if let Some(d) = doc.index.definition_of(&target) {
        return Some(GotoDefinitionResponse::Scalar(Location {
            uri: uri.clone(),
            range: doc.range(d.id_span, encoding),
        }));
    }
    // Defined in a document this one uses.
    let foreign = across::foreign_definition(doc, &target)?;
    Some(GotoDefinitionResponse::Scalar(Location {
        uri: foreign.uri()?,
        range: range(foreign.definition.id_span, encoding),
    }))
}
