//! `initialized`: the server registers its file watchers (when the client lets it)
//! and starts the first workspace pass.

use tower_lsp_server::ls_types::*;

use crate::lsp::state::Shared;

pub async fn initialized(shared: &Shared, _: InitializedParams) {
    // Re-check when a configuration, a rule pack or a document of the workspace
    // changes on disk. Clients that cannot register watchers still get fresh
    // configuration: it is re-read whenever a document changes and a file it was
    // read from has a new modification time.
    let watchers = ["**/*.toml", "**/*.csa"]
        .into_iter()
        .map(|glob| FileSystemWatcher {
            glob_pattern: GlobPattern::String(glob.to_string()),
            kind: None,
        })
        .collect();
    let registration = Registration {
        id: "csa-config-watch".to_string(),
        method: "workspace/didChangeWatchedFiles".to_string(),
        register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
            watchers,
        })
        .ok(),
    };
    if shared.state().can_watch {
        // Not awaited here: the reply to this request must not hold up the documents
        // the client opens meanwhile.
        let client = shared.client.clone();
        tokio::spawn(async move {
            let _ = client.register_capability(vec![registration]).await;
        });
    }
    shared.schedule_pass();
    shared
        .client
        .log_message(MessageType::INFO, "csa language server ready")
        .await;
}
