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

mod across;
mod document;
mod features;
mod settings;
pub mod transport;
mod workspace;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer, LspService, Server};

pub use document::{Document, Encoding, Source, Surroundings};
use settings::{ConfigCache, Settings};
use workspace::{Overlay, Pass};

use crate::analysis;
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
    /// Whether the author changed it since the documents that use it were last
    /// re-checked.
    changed: bool,
    /// The version and findings last published.
    published: Option<(i32, String)>,
}

/// The workspace pass: when one is wanted, the running one, and the last one's result.
#[derive(Default)]
struct Passes {
    /// Counts the changes that want a pass.
    wanted: u64,
    /// Whether a task is waiting to run passes or running one.
    runner: bool,
    /// The running pass's cancel flag.
    cancel: Option<Arc<AtomicBool>>,
    /// The last finished pass.
    last: Option<Arc<Pass>>,
    /// The id the next pass gets.
    next_id: u64,
    /// Woken when a pass ends.
    ready: Arc<tokio::sync::Notify>,
    /// What was last published for each closed file (a fingerprint of its findings).
    published: HashMap<Url, String>,
    /// Problems already logged, so each is logged once.
    logged: HashSet<String>,
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
    /// The workspace folders: every `.csa` file under them is checked together.
    roots: Vec<PathBuf>,
    /// The passes over the workspace.
    passes: Passes,
    /// Whether the client lets the server ask it to pull diagnostics again.
    can_refresh: bool,
}

impl State {
    /// Whether `path` lies in a workspace folder.
    fn in_workspace(&self, path: &Path) -> bool {
        self.roots.iter().any(|root| path.starts_with(root))
    }

    /// The documents of the workspace as the server has them, for names across files:
    /// the open documents' analyses, and the other files as the last pass read them.
    fn candidates(&self) -> Vec<across::Candidate> {
        let mut out: Vec<across::Candidate> = self
            .docs
            .iter()
            .filter_map(|(uri, open)| {
                let doc = open.analysis.clone()?;
                Some(across::Candidate::Open(uri.clone(), doc))
            })
            .collect();
        if let Some(pass) = &self.passes.last {
            out.extend(
                pass.members
                    .iter()
                    .filter(|m| !self.docs.contains_key(&m.uri))
                    .map(|m| across::Candidate::Closed(m.clone())),
            );
        }
        out
    }

    /// The open buffers' texts, but `except`'s.
    fn overlay(&self, except: Option<&Url>) -> Overlay {
        let mut overlay = Overlay::default();
        for (uri, open) in &self.docs {
            if Some(uri) == except {
                continue;
            }
            if let Ok(path) = uri.to_file_path() {
                overlay.insert(
                    &path,
                    Arc::new(open.source.text.clone()),
                    open.source.version,
                );
            }
        }
        overlay
    }
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

/// How long the workspace must be left unchanged before it is checked as a whole:
/// long enough that a burst of keystrokes makes one pass, short enough that the
/// findings of the other files follow the author's pauses.
const PASS_QUIET: std::time::Duration = std::time::Duration::from_millis(150);

/// The open documents, other than `uri`, that use it (directly or through another).
fn dependents_of(state: &State, uri: &Url) -> Vec<Url> {
    let Ok(path) = uri.to_file_path() else {
        return Vec::new();
    };
    let key = crate::files::normalise(&path);
    state
        .docs
        .iter()
        .filter(|(other, open)| {
            *other != uri
                && open
                    .analysis
                    .as_ref()
                    .is_some_and(|a| a.resolution.reads(&key))
        })
        .map(|(other, _)| other.clone())
        .collect()
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

/// The workspace folders a client names: its folders, else its root.
fn workspace_roots(folders: Option<&[WorkspaceFolder]>, root: Option<&Url>) -> Vec<PathBuf> {
    let uris: Vec<&Url> = match folders {
        Some(folders) if !folders.is_empty() => folders.iter().map(|f| &f.uri).collect(),
        _ => root.into_iter().collect(),
    };
    uris.into_iter()
        .filter_map(|u| u.to_file_path().ok())
        .collect()
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
                    roots: Vec::new(),
                    passes: Passes::default(),
                    can_refresh: false,
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

    /// The last workspace pass; waits for the first when the workspace has folders
    /// and none has ended yet.
    async fn last_pass(&self) -> Option<Arc<Pass>> {
        loop {
            let ready = {
                let state = self.state();
                if let Some(last) = &state.passes.last {
                    return Some(last.clone());
                }
                // No folder, or no pass coming (the last one failed): nothing to wait for.
                if state.roots.is_empty() || !state.passes.runner {
                    return None;
                }
                state.passes.ready.clone()
            };
            ready.notified().await;
        }
    }

    /// Re-checks every open document (after the configuration changed).
    async fn recheck_all(&self) {
        let uris: Vec<Url> = self.state().docs.keys().cloned().collect();
        for uri in uris {
            self.shared.check(uri);
        }
        self.shared.refresh();
        self.shared.schedule_pass();
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

    /// Asks a client that pulls diagnostics to pull them again (when it lets the
    /// server ask): findings changed without a change of the client's.
    fn refresh(&self) {
        let state = self.state();
        if state.pull && state.can_refresh {
            // Not awaited: the client's answer must not hold up the messages after.
            let client = self.client.clone();
            tokio::spawn(async move {
                let _ = client.workspace_diagnostic_refresh().await;
            });
        }
    }

    /// Starts a check of `uri`'s latest text on a blocking thread, or, when one is
    /// running, asks it to stop early and another to follow it.
    fn check(&self, uri: Url) {
        let path = uri.to_file_path().ok();
        let (
            snapshot,
            base,
            registry,
            options,
            cancel,
            generation,
            problems,
            overlay,
            neighbours,
            pass,
        ) = {
            let mut state = self.state();
            // A check already running is asked to stop and to be followed by another,
            // before anything is gathered for one.
            match state.docs.get_mut(&uri) {
                None => return,
                Some(open) => {
                    if let Some(running) = &open.running {
                        running.store(true, Ordering::Relaxed);
                        open.again = true;
                        return;
                    }
                }
            }
            let overlay = state.overlay(Some(&uri));
            let (neighbours, pass) = match (&state.passes.last, &path) {
                (Some(last), Some(path)) if state.in_workspace(path) => {
                    (last.members.clone(), last.id)
                }
                _ => (Vec::new(), 0),
            };
            let State {
                docs,
                configs,
                settings,
                ..
            } = &mut *state;
            let Some(open) = docs.get_mut(&uri) else {
                return;
            };
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
                overlay,
                neighbours,
                pass,
            )
        };
        let shared = self.clone();
        tokio::spawn(async move {
            shared.log_problems(problems).await;
            let checked = tokio::task::spawn_blocking(move || {
                let mut snapshot = snapshot;
                let text = std::mem::take(&mut snapshot.text);
                let edits = snapshot.edits.as_deref().unwrap_or(&[]);
                let around = Surroundings {
                    path: path.as_deref(),
                    sources: &overlay,
                    neighbours: &neighbours,
                    pass,
                };
                let doc = Document::build(
                    text,
                    snapshot.lines.clone(),
                    snapshot.version,
                    base.as_deref().map(|b| (b.tree(), edits)),
                    &registry,
                    &options,
                    &around,
                    &|| cancel.load(Ordering::Relaxed),
                );
                (doc, snapshot)
            })
            .await;
            let mut failure = None;
            let (publish, again, dependents, refresh) = {
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
                let publish = latest && !open.again;
                let again = open.again;
                // The documents that use this one see the author's change now; a check
                // not caused by a change of this document's own (one it uses changed)
                // asks a client that pulls to pull again.
                let changed = publish && std::mem::take(&mut open.changed);
                let refresh = publish && !changed;
                let dependents = if changed {
                    dependents_of(&state, &uri)
                } else {
                    Vec::new()
                };
                (publish, again, dependents, refresh)
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
                if refresh {
                    shared.refresh();
                }
            }
            for dependent in dependents {
                shared.check(dependent);
            }
        });
    }

    /// Asks for a pass over the workspace, after a short quiet spell: every change
    /// asks, and a burst of keystrokes makes one pass. A running pass is stopped: its
    /// result would be out of date.
    fn schedule_pass(&self) {
        {
            let mut state = self.state();
            if state.roots.is_empty() {
                return;
            }
            state.passes.wanted += 1;
            if let Some(cancel) = &state.passes.cancel {
                cancel.store(true, Ordering::Relaxed);
            }
            if state.passes.runner {
                return;
            }
            state.passes.runner = true;
        }
        let shared = self.clone();
        tokio::spawn(async move { shared.run_passes().await });
    }

    /// Runs passes until one finishes with no change asked for meanwhile.
    async fn run_passes(&self) {
        loop {
            let seen = self.state().passes.wanted;
            tokio::time::sleep(PASS_QUIET).await;
            let inputs = {
                let mut state = self.state();
                if state.passes.wanted != seen {
                    continue; // still typing
                }
                let cancel = Arc::new(AtomicBool::new(false));
                state.passes.cancel = Some(cancel.clone());
                state.passes.next_id += 1;
                let id = state.passes.next_id;
                let overlay = state.overlay(None);
                let roots = state.roots.clone();
                let State {
                    configs, settings, ..
                } = &mut *state;
                let (registry, options, problems) = match roots.first() {
                    Some(root) => configs.for_folder(root, settings),
                    None => configs.for_folder(Path::new("."), settings),
                };
                (
                    workspace::Inputs {
                        id,
                        roots,
                        overlay,
                        registry,
                        options,
                    },
                    cancel,
                    problems,
                )
            };
            let (inputs, cancel, problems) = inputs;
            let roots = inputs.roots.clone();
            self.log_problems(problems).await;
            let result = tokio::task::spawn_blocking(move || {
                workspace::run(&inputs, &|| cancel.load(Ordering::Relaxed))
            })
            .await;
            let finished = {
                let mut state = self.state();
                state.passes.cancel = None;
                // A change meanwhile, or folders opened or closed, make it out of date.
                let fresh = state.passes.wanted == seen && state.roots == roots;
                let (pass, failure) = match result {
                    Ok(Some(pass)) if fresh => (Some(Arc::new(pass)), None),
                    Ok(_) => (None, None),
                    Err(e) => (None, Some(e.to_string())),
                };
                if let Some(pass) = &pass {
                    state.passes.last = Some(pass.clone());
                }
                if fresh {
                    state.passes.runner = false;
                }
                // Whoever waits for a pass looks again: at this one, or at why none came.
                state.passes.ready.notify_waiters();
                (pass, fresh, failure)
            };
            if let Some(failure) = finished.2 {
                let client = self.client.clone();
                tokio::spawn(async move {
                    client
                        .log_message(
                            MessageType::ERROR,
                            format!("csa: checking the workspace failed: {failure}"),
                        )
                        .await
                });
            }
            if let Some(pass) = finished.0 {
                self.after_pass(pass).await;
            }
            if finished.1 {
                return;
            }
        }
    }

    /// What a finished pass changes: the findings of the files that are not open, and
    /// the checks of the open ones whose findings across documents it changed.
    async fn after_pass(&self, pass: Arc<Pass>) {
        let (publish, recheck, problems, pull) = {
            let mut state = self.state();
            let problems: Vec<String> = pass
                .problems
                .iter()
                .filter(|p| state.passes.logged.insert((*p).clone()))
                .cloned()
                .collect();
            let mut publish = Vec::new();
            if !state.pull {
                let mut present = HashSet::new();
                for member in &pass.members {
                    present.insert(member.uri.clone());
                    if state.docs.contains_key(&member.uri) {
                        continue;
                    }
                    let fingerprint = workspace::fingerprint(&member.diagnostics);
                    if state.passes.published.get(&member.uri) != Some(&fingerprint) {
                        state
                            .passes
                            .published
                            .insert(member.uri.clone(), fingerprint);
                        let items = member
                            .diagnostics
                            .iter()
                            .map(|f| {
                                to_lsp(&member.uri, f, state.encoding, state.docs_url.as_ref())
                            })
                            .collect();
                        publish.push((member.uri.clone(), items));
                    }
                }
                // Files gone from the workspace (deleted, or moved out) lose theirs.
                let gone: Vec<Url> = state
                    .passes
                    .published
                    .keys()
                    .filter(|uri| !present.contains(*uri) && !state.docs.contains_key(*uri))
                    .cloned()
                    .collect();
                for uri in gone {
                    state.passes.published.remove(&uri);
                    publish.push((uri, Vec::new()));
                }
            }
            // An open document checked with an older pass is checked again, unless
            // this pass found the same for the same version of it.
            let recheck: Vec<Url> = state
                .docs
                .iter()
                .filter_map(|(uri, open)| {
                    let analysis = open.analysis.as_ref()?;
                    let path = uri.to_file_path().ok()?;
                    let member = pass.member(&path)?;
                    let same = member.version == Some(analysis.version)
                        && member.diagnostics == analysis.diagnostics;
                    (analysis.pass < pass.id && !same).then(|| uri.clone())
                })
                .collect();
            (publish, recheck, problems, state.pull)
        };
        for problem in problems {
            let client = self.client.clone();
            tokio::spawn(async move { client.log_message(MessageType::WARNING, problem).await });
        }
        for (uri, items) in publish {
            self.client.publish_diagnostics(uri, items, None).await;
        }
        if pull {
            self.refresh();
        }
        for uri in recheck {
            self.check(uri);
        }
    }

    /// Publishes the findings of `uri`'s latest analysis, for the version they were
    /// computed for (unless the client pulls them), and the document's status when
    /// the client asked for it.
    async fn publish(&self, uri: Url) {
        let (diagnostics, status) = {
            let mut state = self.state();
            let Some(open) = state.docs.get_mut(&uri) else {
                return;
            };
            let Some(doc) = open.analysis.clone() else {
                return;
            };
            // A check caused by another document can find what was found before: the
            // client is not told the same thing twice.
            let published = (doc.version, workspace::fingerprint(&doc.diagnostics));
            let repeat = open.published.as_ref() == Some(&published);
            open.published = Some(published);
            let diagnostics = (!state.pull && !repeat).then(|| {
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
fn to_lsp(uri: &Url, f: &Finding, encoding: Encoding, docs_url: Option<&Url>) -> Diagnostic {
    let range = |span| document::range(span, encoding);
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
                    range: range(l.span),
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
        range: range(f.span),
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
        .map(|f| to_lsp(uri, f, encoding, docs_url))
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
        let can_refresh = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.diagnostic.as_ref())
            .and_then(|d| d.refresh_support)
            .unwrap_or(false);
        #[allow(deprecated)] // `rootUri` is still what clients without folders send.
        let roots = workspace_roots(
            params.workspace_folders.as_deref(),
            params.root_uri.as_ref(),
        );
        let problems = {
            let mut state = self.state();
            state.can_watch = can_watch;
            state.can_refresh = can_refresh;
            state.roots = roots;
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
                        // A document's findings depend on the documents it uses and
                        // on the rest of its workspace.
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
            },
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        // Re-check when a configuration, a rule pack or a document of the workspace
        // changes on disk. Clients that cannot register watchers still get fresh
        // configuration: it is re-read whenever a document changes and the file's
        // modification time has moved.
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
        if self.state().can_watch {
            // Not awaited here: messages are handled one at a time, and the reply to
            // this request must not hold up the documents the client opens meanwhile.
            let client = self.shared.client.clone();
            tokio::spawn(async move {
                let _ = client.register_capability(vec![registration]).await;
            });
        }
        self.shared.schedule_pass();
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
                changed: true,
                published: None,
            };
            if let Some(old) = state.docs.insert(uri.clone(), open) {
                if let Some(running) = old.running {
                    running.store(true, Ordering::Relaxed);
                }
            }
            // Its findings come from its own checks while it is open.
            state.passes.published.remove(&uri);
        }
        self.shared.check(uri);
        self.shared.schedule_pass();
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let outcome = {
            let mut state = self.state();
            let encoding = state.encoding;
            state.docs.get_mut(&uri).map(|open| {
                let outcome = open.source.change(
                    params.text_document.version,
                    params.content_changes,
                    encoding,
                );
                open.changed |= outcome.is_ok();
                outcome
            })
        };
        match outcome {
            Some(Ok(())) => {
                self.shared.check(uri);
                self.shared.schedule_pass();
            }
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
        let (pull, in_workspace, dependents) = {
            let mut state = self.state();
            let dependents = dependents_of(&state, &uri);
            if let Some(running) = state.docs.remove(&uri).and_then(|o| o.running) {
                running.store(true, Ordering::Relaxed);
            }
            let in_workspace = uri
                .to_file_path()
                .is_ok_and(|path| state.in_workspace(&path));
            (state.pull, in_workspace, dependents)
        };
        // A file of the workspace keeps its findings, now those of the file on disk,
        // which the next pass publishes; documents that used the buffer read the file.
        if !pull && !in_workspace {
            self.shared
                .client
                .publish_diagnostics(uri, Vec::new(), None)
                .await;
        }
        for dependent in dependents {
            self.shared.check(dependent);
        }
        self.shared.schedule_pass();
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
        // A configuration, a rule pack or a used document changed on disk: every open
        // document is checked again, and the workspace with them.
        self.recheck_all().await;
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        let cleared = {
            let mut state = self.state();
            let removed: Vec<PathBuf> = params
                .event
                .removed
                .iter()
                .filter_map(|f| f.uri.to_file_path().ok())
                .collect();
            state.roots.retain(|r| !removed.contains(r));
            for folder in params.event.added {
                if let Ok(path) = folder.uri.to_file_path() {
                    if !state.roots.contains(&path) {
                        state.roots.push(path);
                    }
                }
            }
            // With no folder left, no pass follows: the closed files lose their
            // findings now (a pass clears those of files outside the folders left).
            if state.roots.is_empty() {
                state.passes.last = None;
                state.passes.published.drain().map(|(uri, _)| uri).collect()
            } else {
                Vec::new()
            }
        };
        for uri in cleared {
            self.shared
                .client
                .publish_diagnostics(uri, Vec::new(), None)
                .await;
        }
        self.recheck_all().await;
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let uri = &params.text_document.uri;
        let items = match self.view(uri, true).await {
            Some(v) => to_lsp_diagnostics(&v.doc, uri, v.encoding, v.docs_url.as_ref()),
            // A file that is not open: as the last workspace pass found it.
            None => {
                let state = self.state();
                let member = state
                    .passes
                    .last
                    .as_ref()
                    .and_then(|pass| pass.members.iter().find(|m| &m.uri == uri));
                member.map_or_else(Vec::new, |m| {
                    m.diagnostics
                        .iter()
                        .map(|f| to_lsp(uri, f, state.encoding, state.docs_url.as_ref()))
                        .collect()
                })
            }
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

    async fn workspace_diagnostic(
        &self,
        params: WorkspaceDiagnosticParams,
    ) -> Result<WorkspaceDiagnosticReportResult> {
        let pass = self.last_pass().await;
        let previous: HashMap<Url, String> = params
            .previous_result_ids
            .into_iter()
            .map(|p| (p.uri, p.value))
            .collect();
        let state = self.state();
        let items = pass
            .iter()
            .flat_map(|pass| &pass.members)
            // Open documents' findings are pulled one by one, for their versions.
            .filter(|m| !state.docs.contains_key(&m.uri))
            .map(|m| {
                let result_id = workspace::fingerprint(&m.diagnostics);
                if previous.get(&m.uri) == Some(&result_id) {
                    return WorkspaceDocumentDiagnosticReport::Unchanged(
                        WorkspaceUnchangedDocumentDiagnosticReport {
                            uri: m.uri.clone(),
                            version: None,
                            unchanged_document_diagnostic_report:
                                UnchangedDocumentDiagnosticReport { result_id },
                        },
                    );
                }
                let items = m
                    .diagnostics
                    .iter()
                    .map(|f| to_lsp(&m.uri, f, state.encoding, state.docs_url.as_ref()))
                    .collect();
                WorkspaceDocumentDiagnosticReport::Full(WorkspaceFullDocumentDiagnosticReport {
                    uri: m.uri.clone(),
                    version: None,
                    full_document_diagnostic_report: FullDocumentDiagnosticReport {
                        result_id: Some(result_id),
                        items,
                    },
                })
            })
            .collect();
        Ok(WorkspaceDiagnosticReportResult::Report(
            WorkspaceDiagnosticReport { items },
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
        // The `@use` line's file.
        if let Some(file) = across::used_file_at(doc, offset) {
            return Ok(Url::from_file_path(&file).ok().map(|uri| {
                GotoDefinitionResponse::Scalar(Location {
                    uri,
                    range: Range::default(),
                })
            }));
        }
        let Some(target) = doc.index.at(offset) else {
            return Ok(None);
        };
        if let Some(d) = doc.index.definition_of(&target) {
            return Ok(Some(GotoDefinitionResponse::Scalar(Location {
                uri: p.text_document.uri.clone(),
                range: doc.range(d.id_span, state.encoding),
            })));
        }
        // Defined in a document this one uses.
        Ok(across::foreign_definition(doc, &target).and_then(|f| {
            Some(GotoDefinitionResponse::Scalar(Location {
                uri: f.uri()?,
                range: document::range(f.definition.id_span, state.encoding),
            }))
        }))
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let p = &params.text_document_position;
        let Some(v) = self.view(&p.text_document.uri, true).await else {
            return Ok(None);
        };
        let (doc, state) = (&*v.doc, &v);
        let offset = doc.offset(p.position, state.encoding);
        // A name defined in a file: every place the workspace names it.
        if let Ok(Some(home)) = across::home(doc, offset) {
            let candidates = self.state().candidates();
            let mut places = across::occurrences(&home, &candidates, false);
            if !params.context.include_declaration {
                let declared =
                    Url::from_file_path(crate::workspace::uses::lexical(&home.path)).ok();
                places.retain(|(uri, span)| {
                    Some(uri) != declared.as_ref() || *span != home.definition.id_span
                });
            }
            return Ok(Some(across::locations(places, state.encoding)));
        }
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
        let span = features::renamable(doc, offset).or_else(|| match doc.index.at(offset)? {
            // A name defined in a file this one uses is renamed there and everywhere.
            target @ analysis::Target::Use(u) if !u.quoted => {
                across::foreign_definition(doc, &target)
                    .filter(across::Foreign::in_file)
                    .map(|_| u.span)
            }
            _ => None,
        });
        Ok(span.map(|span| PrepareRenameResponse::Range(doc.range(span, state.encoding))))
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let p = &params.text_document_position;
        let Some(v) = self.view(&p.text_document.uri, true).await else {
            return Ok(None);
        };
        let (doc, state) = (&*v.doc, &v);
        let offset = doc.offset(p.position, state.encoding);
        match across::home(doc, offset) {
            Ok(Some(home)) => {
                let candidates = self.state().candidates();
                return across::rename(&home, &candidates, &params.new_name, state.encoding);
            }
            Ok(None) => {}
            Err(why) => return Err(tower_lsp::jsonrpc::Error::invalid_params(why)),
        }
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
