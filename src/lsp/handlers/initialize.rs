//! `initialize`: what the client can do (position encodings, pulled diagnostics, file
//! watchers, refresh requests), its workspace folders and settings; answered with
//! what the server offers.

use std::path::PathBuf;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::blocking;
use crate::lsp::document::Encoding;
use crate::lsp::state::Shared;
use crate::lsp::uri::file_path;

/// What the client said it can do.
struct Abilities {
    utf8: bool,
    pull: bool,
    can_watch: bool,
    can_refresh: bool,
}

impl Abilities {
    fn of(capabilities: &ClientCapabilities) -> Self {
        let workspace = capabilities.workspace.as_ref();
        Self {
            utf8: capabilities
                .general
                .as_ref()
                .and_then(|g| g.position_encodings.as_ref())
                .is_some_and(|e| e.contains(&PositionEncodingKind::UTF8)),
            pull: capabilities
                .text_document
                .as_ref()
                .and_then(|t| t.diagnostic.as_ref())
                .is_some(),
            can_watch: workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|w| w.dynamic_registration)
                .unwrap_or(false),
            can_refresh: workspace
                .and_then(|w| w.diagnostics.as_ref())
                .and_then(|d| d.refresh_support)
                .unwrap_or(false),
        }
    }
}

/// The workspace folders a client names: its folders, else its root.
fn workspace_roots(folders: Option<&[WorkspaceFolder]>, root: Option<&Uri>) -> Vec<PathBuf> {
    let uris: Vec<&Uri> = match folders {
        Some(folders) if !folders.is_empty() => folders.iter().map(|f| &f.uri).collect(),
        _ => root.into_iter().collect(),
    };
    uris.into_iter().filter_map(file_path).collect()
}

pub async fn initialize(shared: &Shared, params: InitializeParams) -> Result<InitializeResult> {
    let abilities = Abilities::of(&params.capabilities);
    #[allow(deprecated)] // `rootUri` is still what clients without folders send.
    let roots = workspace_roots(
        params.workspace_folders.as_deref(),
        params.root_uri.as_ref(),
    );
    let problems = {
        let mut state = shared.state();
        state.can_watch = abilities.can_watch;
        state.can_refresh = abilities.can_refresh;
        state.roots = roots;
        state.encoding = if abilities.utf8 {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        };
        state.pull = abilities.pull;
        state
            .settings
            .update(params.initialization_options.as_ref())
    };
    shared.log_problems(problems);
    // Written to disk: off the message loop. Nothing is checked before the answer,
    // so every finding links to it.
    let docs_url = blocking(crate::lsp::reference::write).await?;
    shared.state().docs_url = docs_url;
    Ok(InitializeResult {
        server_info: Some(ServerInfo {
            name: "csa".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
        capabilities: capabilities(&abilities),
        offset_encoding: None,
    })
}

/// What the server offers.
fn capabilities(abilities: &Abilities) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(if abilities.utf8 {
            PositionEncodingKind::UTF8
        } else {
            PositionEncodingKind::UTF16
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: None,
                ..Default::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["@".into(), ":".into(), ",".into(), " ".into()]),
            ..Default::default()
        }),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        document_symbol_provider: Some(OneOf::Left(true)),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        document_highlight_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..Default::default()
        })),
        diagnostic_provider: abilities.pull.then(|| {
            DiagnosticServerCapabilities::Options(DiagnosticOptions {
                identifier: Some("csa".to_string()),
                // A document's findings depend on the documents it uses and on the
                // rest of its workspace.
                inter_file_dependencies: true,
                workspace_diagnostics: true,
                work_done_progress_options: Default::default(),
            })
        }),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..Default::default()
    }
}
