//! `textDocument/didOpen`: the document is the client's from now on; it is checked,
//! and so is the workspace, which now reads its buffer.

use std::sync::atomic::Ordering;

use tower_lsp_server::ls_types::DidOpenTextDocumentParams;

use crate::lsp::source::Source;
use crate::lsp::state::{Open, Shared};

pub fn did_open(shared: &Shared, params: DidOpenTextDocumentParams) {
    let uri = params.text_document.uri;
    {
        let mut state = shared.state();
        let generation = state.next_generation;
        state.next_generation += 1;
        let source = Source::new(params.text_document.text, params.text_document.version);
        let open = Open::new(source, crate::lsp::uri::file_path(&uri), generation);
        if let Some(old) = state.docs.insert(uri.clone(), open) {
            if let Some(running) = old.running {
                running.store(true, Ordering::Relaxed);
            }
        }
        // Its findings come from its own checks while it is open.
        state.passes.published.remove(&uri);
    }
    shared.check(uri);
    shared.schedule_pass();
}
