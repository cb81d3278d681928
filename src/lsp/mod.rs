//! `csa lsp`: the language server. Authors see the same findings as `csa check`, as
//! they type, and can navigate, complete and fix without leaving the editor.
//!
//! Built on tower-lsp 0.20, behind our own framing (`transport`), which answers
//! malformed messages itself so that none can stop the server. No handler does the
//! work of a check: a change edits the text and starts a check on a blocking thread,
//! which drops out early when a newer version arrives, and only the latest version's
//! findings are published. Every handler changes the state before its first `await`,
//! and tower-lsp starts handlers in arrival order, so changes apply in the client's
//! order even though handlers run concurrently; a request waiting for a check does
//! not hold up the changes, hovers and `$/cancelRequest`s after it (a cancelled
//! request is answered at once with RequestCancelled). Hover, completion, symbols and
//! folding answer from the last analysis while a check runs; requests whose answer
//! edits or points into the text (rename, code actions, definitions, references,
//! pulled diagnostics) wait for the current one.

mod document;
mod features;
mod settings;
pub mod transport;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer, LspService, Server};

pub use document::{Document, Encoding, Source};
use settings::{ConfigCache, Settings};

use crate::diagnostics::{Diagnostic as Finding, Severity};
use crate::rules::Registry;

/// An open document: the client's text and its last analysis.
struct Open {
    source: Source,
    /// The last finished analysis (of `source` or an earlier version of it).
    analysis: Option<Arc<Document>>,
    /// The running check's cancel flag, while one runs.
    running: Option<Arc<AtomicBool>>,
    /// Whether another check is wanted when the running one ends.
    again: bool,
    /// Woken whenever a check ends.
    ready: Arc<tokio::sync::Notify>,
    /// Tells this opening from a later one of the same document.
    generation: u64,
}

/// Everything the server knows between messages.
struct State {
    docs: HashMap<Url, Open>,
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
    /// The generation the next opened document gets.
    next_generation: u64,
}

/// The language server.
pub struct Backend {
    shared: Shared,
}

/// What the message handlers and the check tasks share.
#[derive(Clone)]
struct Shared {
    client: Client,
    state: Arc<Mutex<State>>,
}

/// What a request is answered from.
struct View {
    doc: Arc<Document>,
    encoding: Encoding,
    registry: Arc<Registry>,
    docs_url: Option<Url>,
}

/// How many messages are handled at once. Handlers do no heavy work, so this only
/// bounds how many requests may wait for a check while later messages go on.
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
            shared: Shared {
                client,
                state: Arc::new(Mutex::new(State {
                    docs: HashMap::new(),
                    encoding: Encoding::Utf16,
                    settings: Settings::default(),
                    configs: ConfigCache::default(),
                    pull: false,
                    docs_url: None,
                    can_watch: false,
                    next_generation: 0,
                })),
            },
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.shared.state()
    }

    /// The last analysis of `uri`, to answer a request from. With `current`, waits
    /// for the analysis of the client's latest version when a check of it is running;
    /// otherwise waits only when the document has no analysis yet.
    async fn view(&self, uri: &Url, current: bool) -> Option<View> {
        loop {
            let ready = {
                let state = self.state();
                let open = state.docs.get(uri)?;
                let usable = open
                    .analysis
                    .as_ref()
                    .filter(|a| !current || a.version == open.source.version);
                match usable {
                    Some(doc) => {
                        return Some(View {
                            doc: doc.clone(),
                            encoding: state.encoding,
                            registry: state.configs.cached(uri).0,
                            docs_url: state.docs_url.clone(),
                        })
                    }
                    // Nothing will come: answer from what there is.
                    None if open.running.is_none() => {
                        return open.analysis.clone().map(|doc| View {
                            doc,
                            encoding: state.encoding,
                            registry: state.configs.cached(uri).0,
                            docs_url: state.docs_url.clone(),
                        })
                    }
                    None => open.ready.clone(),
                }
            };
            let notified = ready.notified();
            // Registered before the lock was let go, so a check ending meanwhile is
            // not missed: `notify_waiters` wakes futures created before it.
            notified.await;
        }
    }

    /// Re-checks every open document (after the configuration changed).
    async fn recheck_all(&self) {
        let uris: Vec<Url> = self.state().docs.keys().cloned().collect();
        for uri in uris {
            self.shared.check(uri);
        }
        if self.state().pull {
            // Not awaited: the client's answer must not hold up the messages after.
            let client = self.shared.client.clone();
            tokio::spawn(async move {
                let _ = client.workspace_diagnostic_refresh().await;
            });
        }
    }

    async fn log_problems(&self, problems: Vec<String>) {
        self.shared.log_problems(problems).await;
    }
}

impl Shared {
    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        // A handler that panicked cannot have left the state half-written in a way
        // that matters more than stopping the server would; carry on with it.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    async fn log_problems(&self, problems: Vec<String>) {
        if problems.is_empty() {
            return;
        }
        // Sent from a task of their own: a message to the client must never hold up
        // the handling of the messages after it.
        let client = self.client.clone();
        tokio::spawn(async move {
            for problem in problems {
                client
                    .log_message(MessageType::WARNING, problem.clone())
                    .await;
                client.show_message(MessageType::WARNING, problem).await;
            }
        });
    }

    /// Starts a check of `uri`'s latest text on a blocking thread, or, when one is
    /// running, asks it to stop early and another to follow it.
    fn check(&self, uri: Url) {
        let (snapshot, base, registry, options, cancel, generation, problems) = {
            let mut state = self.state();
            let State {
                docs,
                configs,
                settings,
                ..
            } = &mut *state;
            let Some(open) = docs.get_mut(&uri) else {
                return;
            };
            if let Some(running) = &open.running {
                running.store(true, Ordering::Relaxed);
                open.again = true;
                return;
            }
            let (registry, options, problems) = configs.for_document(&uri, settings);
            let snapshot = open.source.snapshot();
            let base = open.analysis.clone().filter(|_| snapshot.edits.is_some());
            let cancel = Arc::new(AtomicBool::new(false));
            open.running = Some(cancel.clone());
            open.again = false;
            (
                snapshot,
                base,
                registry,
                options,
                cancel,
                open.generation,
                problems,
            )
        };
        let shared = self.clone();
        tokio::spawn(async move {
            shared.log_problems(problems).await;
            let path = uri.to_file_path().ok();
            let checked = tokio::task::spawn_blocking(move || {
                let mut snapshot = snapshot;
                let text = std::mem::take(&mut snapshot.text);
                let edits = snapshot.edits.as_deref().unwrap_or(&[]);
                let doc = Document::build(
                    text,
                    snapshot.version,
                    base.as_deref().map(|b| (b.tree(), edits)),
                    &registry,
                    &options,
                    path.as_deref(),
                    &|| cancel.load(Ordering::Relaxed),
                );
                (doc, snapshot)
            })
            .await;
            let mut failure = None;
            let (publish, again) = {
                let mut state = shared.state();
                let Some(open) = state
                    .docs
                    .get_mut(&uri)
                    .filter(|o| o.generation == generation)
                else {
                    return; // closed (or reopened) meanwhile
                };
                open.running = None;
                match checked {
                    Ok((Some(doc), snapshot)) => {
                        open.source.analysed(&snapshot);
                        open.analysis = Some(Arc::new(doc));
                    }
                    Ok((None, _)) => {} // dropped for a newer version
                    Err(e) => failure = Some(e.to_string()),
                }
                open.ready.notify_waiters();
                let latest = open
                    .analysis
                    .as_ref()
                    .is_some_and(|a| a.version == open.source.version);
                // A change that arrived while the check ran asked for another.
                (latest && !open.again, open.again)
            };
            if let Some(failure) = failure {
                shared
                    .client
                    .log_message(
                        MessageType::ERROR,
                        format!("csa: checking {uri} failed: {failure}"),
                    )
                    .await;
            }
            if again {
                shared.check(uri);
            } else if publish {
                shared.publish(uri).await;
            }
        });
    }

    /// Publishes the findings of `uri`'s latest analysis, for the version they were
    /// computed for (unless the client pulls them), and the document's status when
    /// the client asked for it.
    async fn publish(&self, uri: Url) {
        let (diagnostics, status) = {
            let state = self.state();
            let Some(doc) = state.docs.get(&uri).and_then(|o| o.analysis.clone()) else {
                return;
            };
            let diagnostics = (!state.pull).then(|| {
                let items = to_lsp_diagnostics(&doc, &uri, state.encoding, state.docs_url.as_ref());
                (items, doc.version)
            });
            let status = state.settings.status.then(|| {
                let from_config = state.configs.cached(&uri).1.and_then(|o| o.fail_level);
                let fail_level = state
                    .settings
                    .fail_level
                    .or(from_config)
                    .unwrap_or(Severity::Error);
                status(&uri, &doc, fail_level)
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
/// Generated from the rules this binary carries, so it always matches them. It goes
/// in a folder only the user can write (see [`private_dir`]), through a file created
/// exclusively and renamed into place, so no one else can redirect or read-swap it.
fn write_rule_reference() -> Option<Url> {
    let dir = private_dir()?;
    let path = dir.join("rules.md");
    let text = crate::rules::explain::markdown(&crate::rules::Registry::bundled());
    let current = std::fs::symlink_metadata(&path)
        .ok()
        .filter(|m| m.file_type().is_file())
        .and_then(|_| std::fs::read_to_string(&path).ok());
    if current.as_deref() != Some(text.as_str()) {
        // Written beside and renamed, so a reader never sees half a file; created
        // exclusively, so a link planted at that name is not followed.
        let tmp = dir.join(format!("rules.md.{}", std::process::id()));
        let _ = std::fs::remove_file(&tmp);
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .ok()?;
        std::io::Write::write_all(&mut file, text.as_bytes()).ok()?;
        drop(file);
        std::fs::rename(&tmp, &path).ok()?;
    }
    Url::from_file_path(&path).ok()
}

/// A folder for csa's generated files that only the user can write: `csa-VERSION` in
/// the user's cache folder (`$XDG_CACHE_HOME`, else `~/.cache`), or else a new folder
/// of the system's temporary folder, created exclusively. A folder that is a link,
/// or that others may write, is not used.
fn private_dir() -> Option<std::path::PathBuf> {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(std::path::PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".cache")));
    private_dir_in(cache, &std::env::temp_dir())
}

/// [`private_dir`], given the user's cache folder and the system's temporary folder.
fn private_dir_in(
    cache: Option<std::path::PathBuf>,
    temp: &std::path::Path,
) -> Option<std::path::PathBuf> {
    let name = format!("csa-{}", env!("CARGO_PKG_VERSION"));
    if let Some(cache) = cache {
        let dir = cache.join(&name);
        let _ = std::fs::create_dir_all(&cache);
        let _ = create_private(&dir);
        if is_private(&dir) {
            return Some(dir);
        }
    }
    let unique = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = temp.join(format!("{name}-{}-{unique}", std::process::id()));
    create_private(&dir).ok()?;
    is_private(&dir).then_some(dir)
}

fn create_private(dir: &std::path::Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Whether `dir` is a real folder (not a link) that only its owner may write.
fn is_private(dir: &std::path::Path) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(dir) else {
        return false;
    };
    if !meta.file_type().is_dir() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Ours: a file we create in it is owned by the same user as the folder.
        let probe = dir.join(format!(".probe.{}", std::process::id()));
        let _ = std::fs::remove_file(&probe);
        let owned = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&probe)
            .and_then(|f| f.metadata())
            .is_ok_and(|m| m.uid() == meta.uid());
        let _ = std::fs::remove_file(&probe);
        owned && meta.mode() & 0o022 == 0
    }
    #[cfg(not(unix))]
    true
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
                document_formatting_provider: Some(OneOf::Left(true)),
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
            let client = self.shared.client.clone();
            tokio::spawn(async move {
                let _ = client.register_capability(vec![registration]).await;
            });
        }
        self.shared
            .client
            .log_message(MessageType::INFO, "csa language server ready")
            .await;
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let uri = params.text_document.uri;
        {
            let mut state = self.state();
            let generation = state.next_generation;
            state.next_generation += 1;
            let open = Open {
                source: Source::new(params.text_document.text, params.text_document.version),
                analysis: None,
                running: None,
                again: false,
                ready: Arc::new(tokio::sync::Notify::new()),
                generation,
            };
            if let Some(old) = state.docs.insert(uri.clone(), open) {
                if let Some(running) = old.running {
                    running.store(true, Ordering::Relaxed);
                }
            }
        }
        self.shared.check(uri);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let outcome = {
            let mut state = self.state();
            let encoding = state.encoding;
            state.docs.get_mut(&uri).map(|open| {
                open.source.change(
                    params.text_document.version,
                    params.content_changes,
                    encoding,
                )
            })
        };
        match outcome {
            Some(Ok(())) => self.shared.check(uri),
            Some(Err(stale)) => {
                // Not awaited: a log line must never hold up the messages after it.
                let client = self.shared.client.clone();
                let line = format!(
                    "csa: ignored a change to {uri}: its version {} is not newer than the document's {}",
                    stale.version, stale.current
                );
                tokio::spawn(async move { client.log_message(MessageType::WARNING, line).await });
            }
            None => {
                let client = self.shared.client.clone();
                let line = format!("change to a document that is not open: {uri}");
                tokio::spawn(async move { client.log_message(MessageType::WARNING, line).await });
            }
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let pull = {
            let mut state = self.state();
            if let Some(running) = state.docs.remove(&uri).and_then(|o| o.running) {
                running.store(true, Ordering::Relaxed);
            }
            state.pull
        };
        if !pull {
            self.shared
                .client
                .publish_diagnostics(uri, Vec::new(), None)
                .await;
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
        let uri = &params.text_document.uri;
        let items = match self.view(uri, true).await {
            Some(v) => to_lsp_diagnostics(&v.doc, uri, v.encoding, v.docs_url.as_ref()),
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
        let p = &params.text_document_position_params;
        let Some(v) = self.view(&p.text_document.uri, false).await else {
            return Ok(None);
        };
        Ok(features::hover(&v.doc, &v.registry, p.position, v.encoding))
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let p = &params.text_document_position;
        // Completion reads the line being typed, so it waits for the analysis of the
        // text the client holds: an older one would offer words for another line.
        let Some(v) = self.view(&p.text_document.uri, true).await else {
            return Ok(None);
        };
        Ok(
            features::completion(&v.doc, &v.registry, p.position, v.encoding)
                .map(CompletionResponse::Array),
        )
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let p = &params.text_document_position_params;
        let Some(v) = self.view(&p.text_document.uri, true).await else {
            return Ok(None);
        };
        let (doc, state) = (&*v.doc, &v);
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
        let p = &params.text_document_position;
        let Some(v) = self.view(&p.text_document.uri, true).await else {
            return Ok(None);
        };
        let (doc, state) = (&*v.doc, &v);
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
        let p = &params.text_document_position_params;
        let Some(v) = self.view(&p.text_document.uri, true).await else {
            return Ok(None);
        };
        let (doc, state) = (&*v.doc, &v);
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
        let Some(v) = self.view(&params.text_document.uri, true).await else {
            return Ok(None);
        };
        let (doc, state) = (&*v.doc, &v);
        let offset = doc.offset(params.position, state.encoding);
        Ok(features::renamable(doc, offset)
            .map(|span| PrepareRenameResponse::Range(doc.range(span, state.encoding))))
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let p = &params.text_document_position;
        let Some(v) = self.view(&p.text_document.uri, true).await else {
            return Ok(None);
        };
        let (doc, state) = (&*v.doc, &v);
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
        let Some(v) = self.view(&params.text_document.uri, false).await else {
            return Ok(None);
        };
        let (doc, state) = (&*v.doc, &v);
        Ok(Some(DocumentSymbolResponse::Nested(features::symbols(
            doc,
            state.encoding,
        ))))
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        let Some(v) = self.view(&params.text_document.uri, false).await else {
            return Ok(None);
        };
        let doc = &*v.doc;
        Ok(Some(features::folding(doc)))
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        // The edits replace the client's latest text, so wait for its analysis.
        let Some(v) = self.view(&params.text_document.uri, true).await else {
            return Ok(None);
        };
        Ok(features::formatting(&v.doc, v.encoding))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = &params.text_document.uri;
        let Some(v) = self.view(uri, true).await else {
            return Ok(None);
        };
        let (doc, state) = (&*v.doc, &v);
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

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn the_rule_reference_folder_is_never_a_planted_link_or_shared() {
        let root = tempfile::tempdir().unwrap();
        let cache = root.path().join("cache");
        let elsewhere = root.path().join("elsewhere");
        std::fs::create_dir_all(&cache).unwrap();
        std::fs::create_dir_all(&elsewhere).unwrap();
        let name = format!("csa-{}", env!("CARGO_PKG_VERSION"));
        // A link planted where the folder would be is not followed.
        std::os::unix::fs::symlink(&elsewhere, cache.join(&name)).unwrap();
        let temp = root.path().join("tmp");
        std::fs::create_dir_all(&temp).unwrap();
        let dir = private_dir_in(Some(cache.clone()), &temp).unwrap();
        assert!(dir.starts_with(&temp), "{dir:?}");
        assert!(is_private(&dir));
        // A folder others may write is not used either.
        std::fs::remove_file(cache.join(&name)).unwrap();
        std::fs::create_dir(cache.join(&name)).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(cache.join(&name), std::fs::Permissions::from_mode(0o777))
            .unwrap();
        assert!(private_dir_in(Some(cache.clone()), &temp)
            .unwrap()
            .starts_with(&temp));
        // A fresh one is created private and used.
        std::fs::remove_dir(cache.join(&name)).unwrap();
        let dir = private_dir_in(Some(cache.clone()), &temp).unwrap();
        assert_eq!(dir, cache.join(&name));
        let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "{mode:o}");
    }
}
