//! One handler per request or notification, each in its own file; the server's
//! `LanguageServer` implementation (`lsp/mod.rs`) only delegates to them.
//!
//! A notification handler changes the state before its first `await`, and
//! tower-lsp-server starts handlers in arrival order, so changes apply in the client's
//! order though handlers run concurrently. A request handler takes what it answers
//! from out of the state (waiting for a running check when its answer edits or
//! points into the text) and computes the answer on a blocking thread ([`blocking`]),
//! so that no answer holds up the runtime that reads the messages after it.

pub mod code_action;
pub mod completion;
pub mod definition;
pub mod diagnostic;
pub mod did_change;
pub mod did_change_configuration;
pub mod did_change_watched_files;
pub mod did_change_workspace_folders;
pub mod did_close;
pub mod did_open;
pub mod document_highlight;
pub mod document_symbol;
pub mod folding_range;
pub mod formatting;
pub mod hover;
pub mod initialize;
pub mod initialized;
mod place;
pub mod references;
pub mod rename;
pub mod workspace_diagnostic;

use tower_lsp_server::jsonrpc::{Error, Result};

/// Runs `work` on a blocking thread and gives its answer; a panic in it is answered
/// as an internal error, and the server goes on.
pub async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|_| Error::internal_error())
}
