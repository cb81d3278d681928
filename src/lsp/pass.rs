//! The passes over the workspace: every `.csa` file under the workspace folders,
//! checked together after a short quiet spell (see `workspace`). A pass runs on a
//! blocking thread with what it reads taken out under the lock; a change meanwhile
//! stops it, and its result is dropped when the workspace changed since it started.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use tower_lsp_server::ls_types::{MessageType, Uri};

use super::state::Shared;
use super::workspace::{self, Member, Pass};

/// How long the workspace must be left unchanged before it is checked as a whole:
/// long enough that a burst of keystrokes makes one pass, short enough that the
/// findings of the other files follow the author's pauses.
const PASS_QUIET: std::time::Duration = std::time::Duration::from_millis(150);

/// What a finished pass changes for the client.
struct Changes {
    /// Closed files whose findings changed (none: they are gone from the workspace).
    publish: Vec<(Uri, Option<Arc<Member>>)>,
    /// Open documents to check again with the pass's documents.
    recheck: Vec<Uri>,
    /// Problems not logged before.
    problems: Vec<String>,
    pull: bool,
}

impl Shared {
    /// Asks for a pass over the workspace, after a short quiet spell: every change
    /// asks, and a burst of keystrokes makes one pass. A running pass is stopped: its
    /// result would be out of date.
    pub fn schedule_pass(&self) {
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
            let (inputs, cancel) = {
                let mut state = self.state();
                if state.passes.wanted != seen {
                    continue; // still typing
                }
                let cancel = Arc::new(AtomicBool::new(false));
                state.passes.cancel = Some(cancel.clone());
                state.passes.next_id += 1;
                let inputs = workspace::Inputs {
                    id: state.passes.next_id,
                    roots: state.roots.clone(),
                    buffers: state.buffers(None),
                    settings: state.settings.clone(),
                    conversion: state.conversion(),
                };
                (inputs, cancel)
            };
            let roots = inputs.roots.clone();
            let setups = self.setups.clone();
            let result = tokio::task::spawn_blocking(move || {
                workspace::run(inputs, &setups, &|| cancel.load(Ordering::Relaxed))
            })
            .await;
            let (pass, failure) = match result {
                Ok(outcome) => {
                    self.log_problems(outcome.configuration);
                    (outcome.pass, None)
                }
                Err(e) => (None, Some(e.to_string())),
            };
            let (kept, done) = {
                let mut state = self.state();
                state.passes.cancel = None;
                // A change meanwhile, or folders opened or closed, make it out of date.
                let fresh = state.passes.wanted == seen && state.roots == roots;
                let kept = pass.filter(|_| fresh).map(Arc::new);
                if let Some(pass) = &kept {
                    state.passes.last = Some(pass.clone());
                }
                if fresh {
                    state.passes.runner = false;
                }
                // Whoever waits for a pass looks again: at this one, or at why none came.
                state.passes.ready.notify_waiters();
                (kept, fresh)
            };
            if let Some(failure) = failure {
                self.log(
                    MessageType::ERROR,
                    format!("csa: checking the workspace failed: {failure}"),
                );
            }
            if let Some(pass) = kept {
                self.after_pass(&pass).await;
            }
            if done {
                return;
            }
        }
    }

    /// What a finished pass changes: the findings of the files that are not open, and
    /// the checks of the open ones whose findings across documents it changed.
    async fn after_pass(&self, pass: &Pass) {
        let changes = self.changes(pass);
        for problem in changes.problems {
            self.log(MessageType::WARNING, problem);
        }
        for (uri, member) in changes.publish {
            let items = member.map(|m| m.converted.clone()).unwrap_or_default();
            self.client.publish_diagnostics(uri, items, None).await;
        }
        if changes.pull {
            self.refresh();
        }
        for uri in changes.recheck {
            self.check(uri);
        }
    }

    /// Decides, under the lock, what `pass` changes. The findings were converted and
    /// fingerprinted with the pass, so this only compares.
    fn changes(&self, pass: &Pass) -> Changes {
        let mut state = self.state();
        let state = &mut *state;
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
                let last = state.passes.published.get(&member.uri);
                if last != Some(&member.fingerprint) {
                    state
                        .passes
                        .published
                        .insert(member.uri.clone(), member.fingerprint.clone());
                    publish.push((member.uri.clone(), Some(member.clone())));
                }
            }
            // Files gone from the workspace (deleted, or moved out) lose theirs.
            let gone: Vec<Uri> = state
                .passes
                .published
                .keys()
                .filter(|uri| !present.contains(*uri) && !state.docs.contains_key(*uri))
                .cloned()
                .collect();
            for uri in gone {
                state.passes.published.remove(&uri);
                publish.push((uri, None));
            }
        }
        // An open document checked with an older pass is checked again, unless this
        // pass found the same for the same version of it.
        let recheck: Vec<Uri> = state
            .docs
            .iter()
            .filter_map(|(uri, open)| {
                let analysed = open.analysis.as_ref()?;
                let member = pass.member(analysed.doc.key.as_deref()?)?;
                let same = member.version == Some(analysed.doc.version)
                    && member.fingerprint == analysed.fingerprint;
                (analysed.doc.pass < pass.id && !same).then(|| uri.clone())
            })
            .collect();
        Changes {
            publish,
            recheck,
            problems,
            pull: state.pull,
        }
    }
}
