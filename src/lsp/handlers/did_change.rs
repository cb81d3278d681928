//! `textDocument/didChange`: the client's edits, applied in its order to the text the
//! server keeps; the document is checked again, and the workspace after a pause. A
//! change to a version that is not newer, or to a document that is not open, is
//! logged and ignored.

use tower_lsp_server::ls_types::{DidChangeTextDocumentParams, MessageType};

use crate::lsp::state::Shared;

pub fn did_change(shared: &Shared, params: DidChangeTextDocumentParams) {
    let uri = params.text_document.uri;
    let outcome = {
        let mut state = shared.state();
        let encoding = state.encoding;
        state.docs.get_mut(&uri).map(|open| {
            let outcome = open.source.change(
                params.text_document.version,
                params.content_changes,
                encoding,
            );
            open.changed |= outcome.is_ok();
            outcome
        })
    };
    match outcome {
        Some(Ok(())) => {
            shared.check(uri);
            shared.schedule_pass();
        }
        Some(Err(stale)) => shared.log(
            MessageType::WARNING,
            format!(
                "csa: ignored a change to {}: its version {} is not newer than the document's {}",
                uri.as_str(),
                stale.version,
                stale.current
            ),
        ),
        None => shared.log(
            MessageType::WARNING,
            format!("change to a document that is not open: {}", uri.as_str()),
        ),
    }
}
