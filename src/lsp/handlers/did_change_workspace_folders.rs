//! `workspace/didChangeWorkspaceFolders`: folders opened or closed. With none left,
//! the files that are not open lose their findings now; otherwise the next pass
//! clears those of files outside the folders left.

use std::path::PathBuf;

use tower_lsp_server::ls_types::DidChangeWorkspaceFoldersParams;

use crate::lsp::state::Shared;
use crate::lsp::uri::file_path;

pub async fn did_change_workspace_folders(
    shared: &Shared,
    params: DidChangeWorkspaceFoldersParams,
) {
    let cleared = {
        let mut state = shared.state();
        let removed: Vec<PathBuf> = params
            .event
            .removed
            .iter()
            .filter_map(|f| file_path(&f.uri))
            .collect();
        state.roots.retain(|r| !removed.contains(r));
        for folder in params.event.added {
            if let Some(path) = file_path(&folder.uri) {
                if !state.roots.contains(&path) {
                    state.roots.push(path);
                }
            }
        }
        if state.roots.is_empty() {
            state.passes.last = None;
            state.passes.published.drain().map(|(uri, _)| uri).collect()
        } else {
            Vec::new()
        }
    };
    for uri in cleared {
        shared
            .client
            .publish_diagnostics(uri, Vec::new(), None)
            .await;
    }
    shared.recheck_all();
}
