//! `csa lsp`: the language server. Authors see the same findings as `csa check`, as
//! they type, and can navigate, complete and fix without leaving the editor.
//!
//! Built on tower-lsp-server, behind our own framing (`transport`), which answers
//! malformed messages itself so that none can stop the server. Each request and
//! notification has its handler in `handlers/`; the [`LanguageServer`] implementation
//! here only delegates to them. No handler does heavy work on the runtime thread
//! that reads the messages: a change edits the text and starts a check (`check`) on a
//! blocking thread, which drops out early when a newer version arrives, and only the
//! latest version's findings are published; answers are computed on blocking threads
//! too, from what was taken out of the state under its lock, which none of them
//! holds while it works (`state`).
//!
//! Every handler changes the state before its first `await`, and tower-lsp-server
//! starts handlers in arrival order, so changes apply in the client's order even
//! though handlers run concurrently; a request waiting for a check does not hold up
//! the changes, hovers and `$/cancelRequest`s after it (a cancelled request is
//! answered at once with RequestCancelled). Hover, completion, symbols and folding
//! answer from the last analysis while a check runs; requests whose answer edits or
//! points into the text (rename, code actions, definitions, references, pulled
//! diagnostics) wait for the current one.
//!
//! A document is checked by the engine, as by every front end: its setup
//! (`setups`: its `csa.toml`, rule packs and previous version) is the one
//! `csa check` loads, and the workspace pass (`pass`, `workspace`) checks the files
//! of the workspace folders together as `csa check FOLDER` does.

mod across;
mod check;
mod convert;
mod document;
mod handlers;
mod pass;
mod publish;
mod reference;
mod settings;
mod setups;
mod source;
mod state;
pub mod transport;
mod uri;
mod workspace;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

pub use document::{Document, Encoding, Surroundings};
use handlers::*;
pub use source::{Snapshot, Source};
use state::Shared;

/// The language server.
pub struct Backend {
    shared: Shared,
}

/// How many messages are handled at once. Handlers do no heavy work on the runtime,
/// so this only bounds how many requests may wait for a check or an answer while
/// later messages go on.
const CONCURRENCY: usize = 16;

/// Runs the server on standard input and output until the client exits.
pub fn run() -> u8 {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the language server: {e}");
            return 2;
        }
    };
    runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    0
}

/// Serves one client: its messages come from `input`, the server's go to `output`.
/// Returns after the `exit` notification or when `input` ends. Whatever the input
/// holds, this neither panics nor stops serving early (see `transport`).
pub async fn serve(
    input: impl tokio::io::AsyncRead + Unpin + Send + 'static,
    output: impl tokio::io::AsyncWrite + Unpin + Send + 'static,
) {
    let (service, socket) = LspService::new(Backend::new);
    let (to_server, server_input) = tokio::io::duplex(1 << 16);
    let (server_output, from_server) = tokio::io::duplex(1 << 16);
    let (messages, outgoing) = tokio::sync::mpsc::channel(64);
    let reader = tokio::spawn(transport::read_client(input, to_server, messages.clone()));
    let relay = tokio::spawn(transport::relay_server(from_server, messages));
    let writer = tokio::spawn(transport::write_client(outgoing, output));
    Server::new(server_input, server_output, socket)
        .concurrency_level(CONCURRENCY)
        .serve(service)
        .await;
    // The server's output has ended: the relay, then the writer, finish.
    let _ = relay.await;
    reader.abort();
    let _ = writer.await;
}

impl Backend {
    fn new(client: Client) -> Self {
        Self {
            shared: Shared::new(client),
        }
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        initialize::initialize(&self.shared, params).await
    }

    async fn initialized(&self, params: InitializedParams) {
        initialized::initialized(&self.shared, params).await;
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        did_open::did_open(&self.shared, params);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        did_change::did_change(&self.shared, params);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        did_close::did_close(&self.shared, params).await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        did_change_configuration::did_change_configuration(&self.shared, params);
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        did_change_watched_files::did_change_watched_files(&self.shared, params);
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        did_change_workspace_folders::did_change_workspace_folders(&self.shared, params).await;
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        diagnostic::diagnostic(&self.shared, params).await
    }

    async fn workspace_diagnostic(
        &self,
        params: WorkspaceDiagnosticParams,
    ) -> Result<WorkspaceDiagnosticReportResult> {
        workspace_diagnostic::workspace_diagnostic(&self.shared, params).await
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        hover::hover(&self.shared, params).await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        completion::completion(&self.shared, params).await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        definition::definition(&self.shared, params).await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        references::references(&self.shared, params).await
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        document_highlight::document_highlight(&self.shared, params).await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        rename::prepare_rename(&self.shared, params).await
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        rename::rename(&self.shared, params).await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        document_symbol::document_symbol(&self.shared, params).await
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        folding_range::folding_range(&self.shared, params).await
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        formatting::formatting(&self.shared, params).await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        code_action::code_action(&self.shared, params).await
    }
}
