//! What the server knows between messages (the open documents, the workspace passes,
//! the client's capabilities and the editor's settings) and the reads handlers make
//! of it. The state is behind one lock, held only to read or write it: never across
//! an `await`, nor while a check, a look at the disk or an answer is computed. Those
//! take what they need out under the lock, compute on a blocking thread, and take the
//! lock again to store what they made.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard};

use tower_lsp_server::ls_types::{Diagnostic, Uri};
use tower_lsp_server::Client;

use super::across::Candidate;
use super::convert::Conversion;
use super::document::{Document, Encoding};
use super::settings::Settings;
use super::setups::Setups;
use super::source::Source;
use super::workspace::{Buffer, Pass};
use crate::engine::Setup;
use crate::rules::Registry;

/// A finished analysis of an open document, with what it was made with and its
/// findings as the client is sent them (converted on the check's blocking thread).
#[derive(Clone)]
pub struct Analysed {
    /// The document analysed.
    pub doc: Arc<Document>,
    /// Its setup: its rules answer hovers and completions, and its `fail-level` is
    /// the one `csa/status` reports.
    pub setup: Arc<Setup>,
    /// Its findings as LSP diagnostics.
    pub diagnostics: Arc<Vec<Diagnostic>>,
    /// A fingerprint of its findings (see `workspace::fingerprint`).
    pub fingerprint: String,
}

/// An open document: the client's text and its last analysis.
pub struct Open {
    pub source: Source,
    /// Where it is saved, when its address is a local file.
    pub path: Option<PathBuf>,
    /// The last finished analysis (of `source` or an earlier version of it).
    pub analysis: Option<Analysed>,
    /// The running check's cancel flag, while one runs.
    pub running: Option<Arc<AtomicBool>>,
    /// Whether another check is wanted when the running one ends.
    pub again: bool,
    /// Woken whenever a check ends.
    pub ready: Arc<tokio::sync::Notify>,
    /// Tells this opening from a later one of the same document.
    pub generation: u64,
    /// Whether the author changed it since the documents that use it were last
    /// re-checked.
    pub changed: bool,
    /// The version and findings last published.
    pub published: Option<(i32, String)>,
}

impl Open {
    /// A document just opened, not yet checked.
    pub fn new(source: Source, path: Option<PathBuf>, generation: u64) -> Self {
        Self {
            source,
            path,
            analysis: None,
            running: None,
            again: false,
            ready: Arc::new(tokio::sync::Notify::new()),
            generation,
            changed: true,
            published: None,
        }
    }
}

/// The workspace pass: when one is wanted, the running one, and the last one's result.
#[derive(Default)]
pub struct Passes {
    /// Counts the changes that want a pass.
    pub wanted: u64,
    /// Whether a task is waiting to run passes or running one.
    pub runner: bool,
    /// The running pass's cancel flag.
    pub cancel: Option<Arc<AtomicBool>>,
    /// The last finished pass.
    pub last: Option<Arc<Pass>>,
    /// The id the next pass gets.
    pub next_id: u64,
    /// Woken when a pass ends.
    pub ready: Arc<tokio::sync::Notify>,
    /// What was last published for each closed file (a fingerprint of its findings).
    pub published: HashMap<Uri, String>,
    /// Problems already logged, so each is logged once.
    pub logged: HashSet<String>,
}

/// Everything the server knows between messages.
pub struct State {
    pub docs: HashMap<Uri, Open>,
    pub encoding: Encoding,
    pub settings: Settings,
    /// Whether the client pulls diagnostics (`textDocument/diagnostic`) rather than
    /// having them pushed.
    pub pull: bool,
    /// Where `codeDescription` links point: the rule reference, as a file.
    pub docs_url: Option<Uri>,
    /// Whether the client lets the server register file watchers.
    pub can_watch: bool,
    /// The generation the next opened document gets.
    pub next_generation: u64,
    /// The workspace folders: every `.csa` file under them is checked together.
    pub roots: Vec<PathBuf>,
    /// The passes over the workspace.
    pub passes: Passes,
    /// Whether the client lets the server ask it to pull diagnostics again.
    pub can_refresh: bool,
}

impl State {
    fn new() -> Self {
        Self {
            docs: HashMap::new(),
            encoding: Encoding::Utf16,
            settings: Settings::default(),
            pull: false,
            docs_url: None,
            can_watch: false,
            next_generation: 0,
            roots: Vec::new(),
            passes: Passes::default(),
            can_refresh: false,
        }
    }

    /// How findings are sent to this client.
    pub fn conversion(&self) -> Conversion {
        Conversion {
            encoding: self.encoding,
            docs_url: self.docs_url.clone(),
        }
    }

    /// Whether `path` lies in a workspace folder.
    pub fn in_workspace(&self, path: &Path) -> bool {
        self.roots.iter().any(|root| path.starts_with(root))
    }

    /// The documents of the workspace as the server has them, for names across files:
    /// the open documents' analyses, and the other files as the last pass read them.
    pub fn candidates(&self) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = self
            .docs
            .iter()
            .filter_map(|(uri, open)| {
                let doc = open.analysis.as_ref()?.doc.clone();
                Some(Candidate::Open(uri.clone(), doc))
            })
            .collect();
        if let Some(pass) = &self.passes.last {
            out.extend(
                pass.members
                    .iter()
                    .filter(|m| !self.docs.contains_key(&m.uri))
                    .map(|m| Candidate::Closed(m.clone())),
            );
        }
        out
    }

    /// The open buffers saved as files, but `except`'s: their texts are shared, not
    /// copied, and the paths are normalised by whoever reads them.
    pub fn buffers(&mut self, except: Option<&Uri>) -> Vec<Buffer> {
        self.docs
            .iter_mut()
            .filter(|(uri, _)| Some(*uri) != except)
            .filter_map(|(_, open)| {
                Some(Buffer {
                    path: open.path.clone()?,
                    text: open.source.shared(),
                    version: open.source.version,
                })
            })
            .collect()
    }

    /// The open documents, other than `uri`, that use the one known by `key`
    /// (directly or through another).
    pub fn dependents_of(&self, uri: &Uri, key: Option<&Path>) -> Vec<Uri> {
        let Some(key) = key else {
            return Vec::new();
        };
        self.docs
            .iter()
            .filter(|(other, open)| {
                *other != uri
                    && open
                        .analysis
                        .as_ref()
                        .is_some_and(|a| a.doc.resolution.reads(key))
            })
            .map(|(other, _)| other.clone())
            .collect()
    }
}

/// What a request is answered from.
pub struct View {
    pub doc: Arc<Document>,
    pub encoding: Encoding,
    pub registry: Arc<Registry>,
    pub docs_url: Option<Uri>,
    /// The analysis's findings as LSP diagnostics.
    pub diagnostics: Arc<Vec<Diagnostic>>,
}

impl View {
    fn of(state: &State, analysed: &Analysed) -> Self {
        Self {
            doc: analysed.doc.clone(),
            encoding: state.encoding,
            registry: analysed.setup.registry.clone(),
            docs_url: state.docs_url.clone(),
            diagnostics: analysed.diagnostics.clone(),
        }
    }
}

/// What the message handlers and the check tasks share.
#[derive(Clone)]
pub struct Shared {
    pub client: Client,
    state: Arc<Mutex<State>>,
    /// The documents' setups: used on blocking threads only, under their own lock.
    pub setups: Arc<Mutex<Setups>>,
}

impl Shared {
    pub fn new(client: Client) -> Self {
        Self {
            client,
            state: Arc::new(Mutex::new(State::new())),
            setups: Arc::new(Mutex::new(Setups::default())),
        }
    }

    pub fn state(&self) -> MutexGuard<'_, State> {
        // A handler that panicked cannot have left the state half-written in a way
        // that matters more than stopping the server would; carry on with it.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The last analysis of `uri`, to answer a request from. With `current`, waits
    /// for the analysis of the client's latest version when a check of it is running;
    /// otherwise waits only when the document has no analysis yet.
    pub async fn view(&self, uri: &Uri, current: bool) -> Option<View> {
        loop {
            let ready = {
                let state = self.state();
                let open = state.docs.get(uri)?;
                let usable = open
                    .analysis
                    .as_ref()
                    .filter(|a| !current || a.doc.version == open.source.version);
                match usable {
                    Some(analysed) => return Some(View::of(&state, analysed)),
                    // Nothing will come: answer from what there is.
                    None if open.running.is_none() => {
                        return open.analysis.as_ref().map(|a| View::of(&state, a))
                    }
                    // Made before the lock is let go, so a check ending meanwhile is
                    // not missed: `notify_waiters` wakes the futures made before it.
                    None => open.ready.clone().notified_owned(),
                }
            };
            ready.await;
        }
    }

    /// The last workspace pass; waits for the first when the workspace has folders
    /// and none has ended yet.
    pub async fn last_pass(&self) -> Option<Arc<Pass>> {
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
                state.passes.ready.clone().notified_owned()
            };
            ready.await;
        }
    }

    /// Re-checks every open document and the workspace (after the configuration, a
    /// rule pack or a file on disk changed).
    pub fn recheck_all(&self) {
        let uris: Vec<Uri> = self.state().docs.keys().cloned().collect();
        for uri in uris {
            self.check(uri);
        }
        self.refresh();
        self.schedule_pass();
    }
}
