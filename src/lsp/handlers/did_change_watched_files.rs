//! `workspace/didChangeWatchedFiles`: a configuration, a rule pack, a previous
//! version or a document of the workspace changed on disk. Every open document is
//! checked again (a changed setup is loaded again then) and the workspace with them.

use tower_lsp_server::ls_types::DidChangeWatchedFilesParams;

use crate::lsp::state::Shared;

pub fn did_change_watched_files(shared: &Shared, _: DidChangeWatchedFilesParams) {
    shared.recheck_all();
}
