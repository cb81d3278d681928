//! `textDocument/didClose`: the document is the file's again. A file outside the
//! workspace loses its findings; one inside keeps them, now the file's, which the
//! next pass publishes; the documents that used the buffer read the file.

use std::sync::atomic::Ordering;

use tower_lsp_server::ls_types::DidCloseTextDocumentParams;

use crate::lsp::state::Shared;

pub async fn did_close(shared: &Shared, params: DidCloseTextDocumentParams) {
    let uri = params.text_document.uri;
    let (pull, in_workspace, dependents) = {
        let mut state = shared.state();
        let closed = state.docs.remove(&uri);
        let key = closed
            .as_ref()
            .and_then(|o| o.analysis.as_ref())
            .and_then(|a| a.doc.key.clone());
        let dependents = state.dependents_of(&uri, key.as_deref());
        if let Some(running) = closed.as_ref().and_then(|o| o.running.as_ref()) {
            running.store(true, Ordering::Relaxed);
        }
        let in_workspace =
            crate::lsp::uri::file_path(&uri).is_some_and(|path| state.in_workspace(&path));
        (state.pull, in_workspace, dependents)
    };
    if !pull && !in_workspace {
        shared
            .client
            .publish_diagnostics(uri, Vec::new(), None)
            .await;
    }
    for dependent in dependents {
        shared.check(dependent);
    }
    shared.schedule_pass();
}
