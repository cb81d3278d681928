//! `csa lsp`: the language server. Authors see the same findings as `csa check`, as
//! they type, and can navigate, complete and fix without leaving the editor.
//!
//! Built on tower-lsp 0.20. Its transport runs message handlers concurrently, which
//! can reorder `didChange` notifications; the server is therefore run with a
//! concurrency of one, so every message is handled to the end, in arrival order,
//! before the next (the handlers take milliseconds). Documents also ignore changes
//! whose version is not newer than their own.

mod document;
mod features;
mod settings;

use std::collections::HashMap;
use std::sync::Mutex;

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer, LspService, Server};

pub use document::{Document, Encoding};
use settings::{ConfigCache, Settings};

use crate::diagnostics::{Diagnostic as Finding, Severity};

/// Everything the server knows between messages.
struct State {
    docs: HashMap<Url, Document>,
    encoding: Encoding,
    settings: Settings,
    configs: ConfigCache,
    /// Whether the client pulls diagnostics (`textDocument/diagnostic`) rather than
    /// having them pushed.
    pull: bool,
    /// Where `codeDescription` links point: the rule reference, as a file.
    docs_url: Option<Url>,
    /// Whether the client lets the server register file watchers.
    can_watch: bool,
}

/// The language server.
pub struct Backend {
    client: Client,
    state: Mutex<State>,
}

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
    runtime.block_on(async {
        let (service, socket) = LspService::new(Backend::new);
        let (input, server_input) = tokio::io::duplex(1 << 16);
        tokio::spawn(forward_until_exit(tokio::io::stdin(), input));
        Server::new(server_input, tokio::io::stdout(), socket)
            .concurrency_level(1)
            .serve(service)
            .await;
    });
    0
}

/// Copies messages from the client to the server and ends the server's input after
/// the `exit` notification. tower-lsp stops serving only when its input ends, and a
/// client may keep the pipe open after `exit`; the protocol says the server exits.
async fn forward_until_exit(
    stdin: impl tokio::io::AsyncRead + Unpin,
    mut to_server: impl tokio::io::AsyncWrite + Unpin,
) {
    use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
    let mut reader = BufReader::new(stdin);
    loop {
        let mut header = String::new();
        let mut length: Option<usize> = None;
        loop {
            let mut line = String::new();
            match reader.read_line(&mut line).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            header.push_str(&line);
            let trimmed = line.trim_end();
            if trimmed.is_empty() {
                break;
            }
            if let Some((name, value)) = trimmed.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().ok();
                }
            }
        }
        let Some(length) = length else {
            // Not a framed message: pass it on and let the server report it.
            let _ = to_server.write_all(header.as_bytes()).await;
            continue;
        };
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).await.is_err() {
            return;
        }
        if to_server.write_all(header.as_bytes()).await.is_err()
            || to_server.write_all(&body).await.is_err()
        {
            return;
        }
        let is_exit = serde_json::from_slice::<serde_json::Value>(&body)
            .is_ok_and(|m| m.get("method").and_then(|v| v.as_str()) == Some("exit"));
        if is_exit {
            let _ = to_server.flush().await;
            return; // dropping the writer ends the server's input
        }
    }
}

impl Backend {
    fn new(client: Client) -> Self {
        Self {
            client,
            state: Mutex::new(State {
                docs: HashMap::new(),
                encoding: Encoding::Utf16,
                settings: Settings::default(),
                configs: ConfigCache::default(),
                pull: false,
                docs_url: None,
                can_watch: false,
            }),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        // A handler that panicked cannot have left the state half-written in a way
        // that matters more than stopping the server would; carry on with it.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Publishes the findings of `uri` for the version they were computed for (unless
    /// the client pulls them), and the document's status when the client asked for it.
    async fn publish(&self, uri: Url) {
        let (diagnostics, status) = {
            let state = self.state();
            let Some(doc) = state.docs.get(&uri) else {
                return;
            };
            let diagnostics = (!state.pull).then(|| {
                let items = to_lsp_diagnostics(doc, &uri, state.encoding, state.docs_url.as_ref());
                (items, doc.version)
            });
            let status = state.settings.status.then(|| {
                let from_config = state.configs.cached(&uri).1.and_then(|o| o.fail_level);
                let fail_level = state
                    .settings
                    .fail_level
                    .or(from_config)
                    .unwrap_or(Severity::Error);
                status(&uri, doc, fail_level)
            });
            (diagnostics, status)
        };
        if let Some((items, version)) = diagnostics {
            self.client
                .publish_diagnostics(uri, items, Some(version))
                .await;
        }
        if let Some(status) = status {
            self.client
                .send_notification::<StatusNotification>(status)
                .await;
        }
    }

    /// Re-checks every open document (after the configuration changed) and publishes.
    async fn recheck_all(&self) {
        let uris: Vec<Url> = {
            let mut state = self.state();
            let State {
                docs,
                configs,
                settings,
                ..
            } = &mut *state;
            for (uri, doc) in docs.iter_mut() {
                let (registry, options, _) = configs.for_document(uri, settings);
                doc.analyse(&registry, &options);
            }
            docs.keys().cloned().collect()
        };
        for uri in uris {
            self.publish(uri).await;
        }
        if self.state().pull {
            let _ = self.client.workspace_diagnostic_refresh().await;
        }
    }

    async fn log_problems(&self, problems: Vec<String>) {
        for problem in problems {
            self.client
                .log_message(MessageType::WARNING, problem.clone())
                .await;
            self.client
                .show_message(MessageType::WARNING, problem)
                .await;
        }
    }
}

/// `csa/status`: a document's counts and whether it would fail `csa check`, so an
/// editor can show it (the VS Code extension's status bar).
enum StatusNotification {}

impl notification::Notification for StatusNotification {
    type Params = serde_json::Value;
    const METHOD: &'static str = "csa/status";
}

fn status(uri: &Url, doc: &Document, fail_level: Severity) -> serde_json::Value {
    let count = |s: Severity| doc.diagnostics.iter().filter(|d| d.severity == s).count();
    serde_json::json!({
        "uri": uri,
        "version": doc.version,
        "errors": count(Severity::Error),
        "warnings": count(Severity::Warning),
        "infos": count(Severity::Info),
        "hints": count(Severity::Hint),
        "failLevel": fail_level.as_str(),
        "fails": doc.diagnostics.iter().any(|d| d.severity >= fail_level),
    })
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// One finding as an LSP diagnostic.
fn to_lsp(
    doc: &Document,
    uri: &Url,
    f: &Finding,
    encoding: Encoding,
    docs_url: Option<&Url>,
) -> Diagnostic {
    let mut message = f.message.clone();
    if let Some(help) = &f.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    if let Some(basis) = &f.legal_basis {
        message.push_str(&format!("\nlegal basis: {basis}"));
    }
    let related = (!f.labels.is_empty()).then(|| {
        f.labels
            .iter()
            .map(|l| DiagnosticRelatedInformation {
                location: Location {
                    uri: uri.clone(),
                    range: doc.range(l.span, encoding),
                },
                message: l.message.clone(),
            })
            .collect()
    });
    let code_description = docs_url.map(|base| {
        let mut href = base.clone();
        href.set_fragment(Some(&f.code.to_lowercase()));
        CodeDescription { href }
    });
    Diagnostic {
        range: doc.range(f.span, encoding),
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(f.code.clone())),
        code_description,
        source: Some("csa".to_string()),
        message,
        related_information: related,
        tags: None,
        data: Some(serde_json::json!({ "name": f.name })),
    }
}

fn to_lsp_diagnostics(
    doc: &Document,
    uri: &Url,
    encoding: Encoding,
    docs_url: Option<&Url>,
) -> Vec<Diagnostic> {
    doc.diagnostics
        .iter()
        .map(|f| to_lsp(doc, uri, f, encoding, docs_url))
        .collect()
}

/// Writes the rule reference where editors can open it, and returns its address.
/// Generated from the rules this binary carries, so it always matches them.
fn write_rule_reference() -> Option<Url> {
    let dir = std::env::temp_dir().join(format!("csa-{}", env!("CARGO_PKG_VERSION")));
    std::fs::create_dir_all(&dir).ok()?;
    let path = dir.join("rules.md");
    let text = crate::rules::explain::markdown(&crate::rules::Registry::bundled());
    if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
        // Written beside and renamed, so a reader never sees half a file.
        let tmp = dir.join(format!("rules.md.{}", std::process::id()));
        std::fs::write(&tmp, &text).ok()?;
        std::fs::rename(&tmp, &path).ok()?;
    }
    Url::from_file_path(&path).ok()
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let offers_utf8 = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
            .is_some_and(|e| e.contains(&PositionEncodingKind::UTF8));
        let pull = params
            .capabilities
            .text_document
            .as_ref()
            .and_then(|t| t.diagnostic.as_ref())
            .is_some();
        let can_watch = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        let problems = {
            let mut state = self.state();
            state.can_watch = can_watch;
            state.encoding = if offers_utf8 {
                Encoding::Utf8
            } else {
                Encoding::Utf16
            };
            state.pull = pull;
            state.docs_url = write_rule_reference();
            state
                .settings
                .update(params.initialization_options.as_ref())
        };
        self.log_problems(problems).await;
        let encoding = if offers_utf8 {
            PositionEncodingKind::UTF8
        } else {
            PositionEncodingKind::UTF16
        };
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "csa".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding),
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
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                        ..Default::default()
                    },
                )),
                diagnostic_provider: pull.then(|| {
                    DiagnosticServerCapabilities::Options(DiagnosticOptions {
                        identifier: Some("csa".to_string()),
                        inter_file_dependencies: false,
                        workspace_diagnostics: false,
                        work_done_progress_options: Default::default(),
                    })
                }),
                ..Default::default()
            },
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        // Re-check when a configuration or rule pack changes. Clients that cannot
        // register watchers still get fresh configuration: it is re-read whenever a
        // document changes and the file's modification time has moved.
        let watchers = vec![FileSystemWatcher {
            glob_pattern: GlobPattern::String("**/*.toml".to_string()),
            kind: None,
        }];
        let registration = Registration {
            id: "csa-config-watch".to_string(),
            method: "workspace/didChangeWatchedFiles".to_string(),
            register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
                watchers,
            })
            .ok(),
        };
        if self.state().can_watch {
            // Not awaited here: messages are handled one at a time, and the reply to
            // this request must not hold up the documents the client opens meanwhile.
            let client = self.client.clone();
            tokio::spawn(async move {
                let _ = client.register_capability(vec![registration]).await;
            });
        }
        self.client
            .log_message(MessageType::INFO, "csa language server ready")
            .await;
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let uri = params.text_document.uri;
        let problems = {
            let mut state = self.state();
            let State {
                docs,
                configs,
                settings,
                ..
            } = &mut *state;
            let (registry, options, problems) = configs.for_document(&uri, settings);
            let doc = Document::open(
                params.text_document.text,
                params.text_document.version,
                &registry,
                &options,
            );
            docs.insert(uri.clone(), doc);
            problems
        };
        self.log_problems(problems).await;
        self.publish(uri).await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let changed = {
            let mut state = self.state();
            let encoding = state.encoding;
            let State {
                docs,
                configs,
                settings,
                ..
            } = &mut *state;
            let (registry, options, _) = configs.for_document(&uri, settings);
            match docs.get_mut(&uri) {
                Some(doc) => doc.change(
                    params.text_document.version,
                    params.content_changes,
                    encoding,
                    &registry,
                    &options,
                ),
                None => false,
            }
        };
        if changed {
            self.publish(uri).await;
        } else if !self.state().docs.contains_key(&uri) {
            self.client
                .log_message(
                    MessageType::WARNING,
                    format!("change to a document that is not open: {uri}"),
                )
                .await;
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let pull = {
            let mut state = self.state();
            state.docs.remove(&uri);
            state.pull
        };
        if !pull {
            self.client.publish_diagnostics(uri, Vec::new(), None).await;
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let problems = {
            let mut state = self.state();
            let settings = params
                .settings
                .get("csa")
                .cloned()
                .unwrap_or(params.settings);
            state.settings.update(Some(&settings))
        };
        self.log_problems(problems).await;
        self.recheck_all().await;
    }

    async fn did_change_watched_files(&self, _: DidChangeWatchedFilesParams) {
        self.recheck_all().await;
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let state = self.state();
        let items = match state.docs.get(&params.text_document.uri) {
            Some(doc) => to_lsp_diagnostics(
                doc,
                &params.text_document.uri,
                state.encoding,
                state.docs_url.as_ref(),
            ),
            None => Vec::new(),
        };
        Ok(DocumentDiagnosticReportResult::Report(
            DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: None,
                    items,
                },
            }),
        ))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let state = self.state();
        let p = &params.text_document_position_params;
        let Some(doc) = state.docs.get(&p.text_document.uri) else {
            return Ok(None);
        };
        let (registry, _, _) = state.configs.cached(&p.text_document.uri);
        Ok(features::hover(doc, &registry, p.position, state.encoding))
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let state = self.state();
        let p = &params.text_document_position;
        let Some(doc) = state.docs.get(&p.text_document.uri) else {
            return Ok(None);
        };
        let (registry, _, _) = state.configs.cached(&p.text_document.uri);
        Ok(
            features::completion(doc, &registry, p.position, state.encoding)
                .map(CompletionResponse::Array),
        )
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let state = self.state();
        let p = &params.text_document_position_params;
        let Some(doc) = state.docs.get(&p.text_document.uri) else {
            return Ok(None);
        };
        let offset = doc.offset(p.position, state.encoding);
        let found = doc
            .index
            .at(offset)
            .and_then(|t| doc.index.definition_of(&t).cloned());
        Ok(found.map(|d| {
            GotoDefinitionResponse::Scalar(Location {
                uri: p.text_document.uri.clone(),
                range: doc.range(d.id_span, state.encoding),
            })
        }))
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let state = self.state();
        let p = &params.text_document_position;
        let Some(doc) = state.docs.get(&p.text_document.uri) else {
            return Ok(None);
        };
        let offset = doc.offset(p.position, state.encoding);
        let Some(target) = doc.index.at(offset) else {
            return Ok(None);
        };
        let mut spans = doc.index.occurrences(&target);
        if !params.context.include_declaration {
            if let Some(def) = doc.index.definition_of(&target) {
                spans.retain(|s| *s != def.id_span);
            }
        }
        Ok(Some(
            spans
                .into_iter()
                .map(|s| Location {
                    uri: p.text_document.uri.clone(),
                    range: doc.range(s, state.encoding),
                })
                .collect(),
        ))
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        let state = self.state();
        let p = &params.text_document_position_params;
        let Some(doc) = state.docs.get(&p.text_document.uri) else {
            return Ok(None);
        };
        let offset = doc.offset(p.position, state.encoding);
        let Some(target) = doc.index.at(offset) else {
            return Ok(None);
        };
        let def = doc.index.definition_of(&target).map(|d| d.id_span);
        Ok(Some(
            doc.index
                .occurrences(&target)
                .into_iter()
                .map(|s| DocumentHighlight {
                    range: doc.range(s, state.encoding),
                    kind: Some(if Some(s) == def {
                        DocumentHighlightKind::WRITE
                    } else {
                        DocumentHighlightKind::READ
                    }),
                })
                .collect(),
        ))
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        let state = self.state();
        let Some(doc) = state.docs.get(&params.text_document.uri) else {
            return Ok(None);
        };
        let offset = doc.offset(params.position, state.encoding);
        Ok(features::renamable(doc, offset)
            .map(|span| PrepareRenameResponse::Range(doc.range(span, state.encoding))))
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let state = self.state();
        let p = &params.text_document_position;
        let Some(doc) = state.docs.get(&p.text_document.uri) else {
            return Ok(None);
        };
        let offset = doc.offset(p.position, state.encoding);
        features::rename(
            doc,
            &p.text_document.uri,
            offset,
            &params.new_name,
            state.encoding,
        )
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let state = self.state();
        let Some(doc) = state.docs.get(&params.text_document.uri) else {
            return Ok(None);
        };
        Ok(Some(DocumentSymbolResponse::Nested(features::symbols(
            doc,
            state.encoding,
        ))))
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        let state = self.state();
        let Some(doc) = state.docs.get(&params.text_document.uri) else {
            return Ok(None);
        };
        Ok(Some(features::folding(doc)))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let state = self.state();
        let uri = &params.text_document.uri;
        let Some(doc) = state.docs.get(uri) else {
            return Ok(None);
        };
        let start = doc.offset(params.range.start, state.encoding);
        let end = doc.offset(params.range.end, state.encoding);
        let actions = features::code_actions(
            doc,
            uri,
            start,
            end,
            state.encoding,
            state.docs_url.as_ref(),
        );
        Ok(Some(actions))
    }
}
