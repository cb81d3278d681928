//! `textDocument/references`: every place that names the definition under the
//! cursor: in this document, or, for a name defined in a file, in every document of
//! the workspace that uses that file (read and indexed on a blocking thread).

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::blocking;
use crate::lsp::across::{self, Candidate};
use crate::lsp::document::{Document, Encoding};
use crate::lsp::state::Shared;

pub async fn references(shared: &Shared, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
    let p = params.text_document_position;
    let Some(v) = shared.view(&p.text_document.uri, true).await else {
        return Ok(None);
    };
    let candidates = shared.state().candidates();
    let uri = p.text_document.uri;
    let declaration = params.context.include_declaration;
    blocking(move || {
        answer(
            &v.doc,
            &uri,
            &candidates,
            p.position,
            declaration,
            v.encoding,
        )
    })
    .await
}

fn answer(
    doc: &Document,
    uri: &Uri,
    candidates: &[Candidate],
    position: Position,
    declaration: bool,
    encoding: Encoding,
) -> Option<Vec<Location>> {
    let offset = doc.offset(position, encoding);
    // A name defined in a file: every place the workspace names it.
    if let Ok(Some(home)) = across::home(doc, offset) {
        let mut places = across::occurrences(&home, candidates, false);
        if !declaration {
            let declared = crate::lsp::uri::from_path(&crate::workspace::uses::lexical(&home.path));
            places.retain(|(uri, span)| {
                Some(uri) != declared.as_ref() || *span != home.definition.id_span
            });
        }
        return Some(across::locations(places, encoding));
    }
    let target = doc.index.at(offset)?;
    let mut spans = doc.index.occurrences(&target);
    if !declaration {
        if let Some(def) = doc.index.definition_of(&target) {
            spans.retain(|s| *s != def.id_span);
        }
    }
    Some(
        spans
            .into_iter()
            .map(|s| Location {
                uri: uri.clone(),
                range: doc.range(s, encoding),
            })
            .collect(),
    )
}
