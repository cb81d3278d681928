//! The check of one open document. What it reads is taken out under the lock (the
//! latest text, the last analysis's tree, the other open buffers, the last workspace
//! pass); its setup is looked up, the document checked and its findings converted on
//! a blocking thread; then the lock is taken again to store the result. A change
//! that arrives meanwhile stops the running check early and asks for another, and
//! only the latest version's findings are published.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use tower_lsp_server::ls_types::{MessageType, Uri};

use super::convert::Conversion;
use super::document::{Document, Surroundings};
use super::settings::Settings;
use super::setups::Setups;
use super::source::Snapshot;
use super::state::{Analysed, Shared};
use super::workspace::{self, Buffer, Member, Overlay};

/// What a check reads, taken out under the lock.
struct Job {
    path: Option<PathBuf>,
    snapshot: Snapshot,
    /// The last analysis, whose tree the parse re-uses.
    base: Option<Arc<Document>>,
    buffers: Vec<Buffer>,
    /// The documents of its workspace, as the last pass saw them, and that pass.
    neighbours: Vec<Arc<Member>>,
    pass: u64,
    settings: Settings,
    conversion: Conversion,
    cancel: Arc<AtomicBool>,
}

/// What a check made: the analysis, unless a newer version stopped it, and what was
/// wrong with the configuration when it was (re)loaded.
struct Made {
    analysed: Option<Analysed>,
    snapshot: Snapshot,
    problems: Vec<String>,
}

/// What follows a check, decided when its result is stored.
#[derive(Default)]
struct Next {
    /// Check again: the text changed while it ran.
    again: bool,
    /// Publish: its result is the client's latest version.
    publish: bool,
    /// Ask a client that pulls to pull again: the findings changed without a change
    /// of this document's own.
    refresh: bool,
    /// The open documents that use this one, to be checked with its new text.
    dependents: Vec<Uri>,
}

impl Job {
    /// The check itself, on a blocking thread.
    fn run(self, uri: &Uri, setups: &Mutex<Setups>) -> Made {
        let (setup, problems) = setups
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .for_document(self.path.as_deref());
        let options = self.settings.options(&setup);
        let mut overlay = Overlay::new(self.buffers);
        overlay.know(&self.neighbours);
        let mut snapshot = self.snapshot;
        let around = Surroundings {
            path: self.path.as_deref(),
            sources: &overlay,
            neighbours: &self.neighbours,
            pass: self.pass,
        };
        let cancel = self.cancel;
        let doc = Document::from_snapshot(
            &mut snapshot,
            self.base.as_deref(),
            &setup.registry,
            &options,
            &around,
            &|| cancel.load(Ordering::Relaxed),
        );
        let analysed = doc.map(|doc| Analysed {
            diagnostics: Arc::new(self.conversion.all(uri, &doc.diagnostics)),
            fingerprint: workspace::fingerprint(&doc.diagnostics),
            doc: Arc::new(doc),
            setup,
        });
        Made {
            analysed,
            snapshot,
            problems,
        }
    }
}

impl Shared {
    /// Starts a check of `uri`'s latest text on a blocking thread, or, when one is
    /// running, asks it to stop early and another to follow it.
    pub fn check(&self, uri: Uri) {
        let Some((job, generation)) = self.start_check(&uri) else {
            return;
        };
        let shared = self.clone();
        tokio::spawn(async move {
            let setups = shared.setups.clone();
            let checked = uri.clone();
            let made = tokio::task::spawn_blocking(move || job.run(&checked, &setups)).await;
            let made = match made {
                Ok(mut made) => {
                    shared.log_problems(std::mem::take(&mut made.problems));
                    Some(made)
                }
                Err(e) => {
                    shared.log(
                        MessageType::ERROR,
                        format!("csa: checking {} failed: {e}", uri.as_str()),
                    );
                    None
                }
            };
            if let Some(next) = shared.end_check(&uri, generation, made) {
                shared.follow(uri, next).await;
            }
        });
    }

    /// Marks a check of `uri` as running and takes out what it reads; `None` when the
    /// document is not open or a check of it runs (which is then asked to stop and
    /// be followed by another).
    fn start_check(&self, uri: &Uri) -> Option<(Job, u64)> {
        let mut state = self.state();
        let open = state.docs.get_mut(uri)?;
        if let Some(running) = &open.running {
            running.store(true, Ordering::Relaxed);
            open.again = true;
            return None;
        }
        let cancel = Arc::new(AtomicBool::new(false));
        open.running = Some(cancel.clone());
        open.again = false;
        let snapshot = open.source.snapshot();
        // The last analysis lends its tree when the snapshot has the edits from it.
        let base = open
            .analysis
            .as_ref()
            .map(|a| a.doc.clone())
            .filter(|_| snapshot.edits.is_some());
        let generation = open.generation;
        let path = open.path.clone();
        let buffers = state.buffers(Some(uri));
        let (neighbours, pass) = match (&state.passes.last, &path) {
            (Some(last), Some(path)) if state.in_workspace(path) => (last.members.clone(), last.id),
            _ => (Vec::new(), 0),
        };
        let job = Job {
            path,
            snapshot,
            base,
            buffers,
            neighbours,
            pass,
            settings: state.settings.clone(),
            conversion: state.conversion(),
            cancel,
        };
        Some((job, generation))
    }

    /// Stores what a check made (nothing when it failed) and says what follows;
    /// `None` when the document was closed or opened again meanwhile.
    fn end_check(&self, uri: &Uri, generation: u64, made: Option<Made>) -> Option<Next> {
        let mut state = self.state();
        let open = state
            .docs
            .get_mut(uri)
            .filter(|o| o.generation == generation)?;
        open.running = None;
        if let Some(Made {
            analysed: Some(analysed),
            snapshot,
            ..
        }) = made
        {
            // Checks of one document run one at a time, each of a newer text than the
            // last; an older result is never stored over a newer one all the same.
            let newer = open
                .analysis
                .as_ref()
                .is_none_or(|a| a.doc.version <= analysed.doc.version);
            if newer {
                open.source.analysed(&snapshot);
                open.analysis = Some(analysed);
            }
        }
        open.ready.notify_waiters();
        let latest = open
            .analysis
            .as_ref()
            .is_some_and(|a| a.doc.version == open.source.version);
        // A change that arrived while the check ran asked for another.
        let publish = latest && !open.again;
        // The documents that use this one see the author's change now; a check not
        // caused by a change of this document's own (one it uses changed) asks a
        // client that pulls to pull again.
        let changed = publish && std::mem::take(&mut open.changed);
        let key = open.analysis.as_ref().and_then(|a| a.doc.key.clone());
        let next = Next {
            again: open.again,
            publish,
            refresh: publish && !changed,
            dependents: Vec::new(),
        };
        let dependents = if changed {
            state.dependents_of(uri, key.as_deref())
        } else {
            Vec::new()
        };
        Some(Next { dependents, ..next })
    }

    /// Does what follows a check.
    async fn follow(&self, uri: Uri, next: Next) {
        if next.again {
            self.check(uri);
        } else if next.publish {
            self.publish(uri).await;
            if next.refresh {
                self.refresh();
            }
        }
        for dependent in next.dependents {
            self.check(dependent);
        }
    }
}
