//! What the server tells the client unasked: a document's findings
//! (`textDocument/publishDiagnostics`) and status (`csa/status`), requests to pull
//! diagnostics again, and problems to show. None of it is awaited by a message
//! handler: a client slow to read must never hold up the messages after.

use tower_lsp_server::ls_types::{notification, MessageType, Uri};

use super::document::Document;
use super::state::Shared;
use crate::diagnostics::Severity;

/// `csa/status`: a document's counts and whether it would fail `csa check`, so an
/// editor can show it (the VS Code extension's status bar).
enum StatusNotification {}

impl notification::Notification for StatusNotification {
    type Params = serde_json::Value;
    const METHOD: &'static str = "csa/status";
}

fn status(uri: &Uri, doc: &Document, fail_level: Severity) -> serde_json::Value {
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

impl Shared {
    /// Logs and shows `problems` (a configuration that could not be used, a bad
    /// setting).
    pub fn log_problems(&self, problems: Vec<String>) {
        if problems.is_empty() {
            return;
        }
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

    /// Logs one line.
    pub fn log(&self, kind: MessageType, line: String) {
        let client = self.client.clone();
        tokio::spawn(async move { client.log_message(kind, line).await });
    }

    /// Asks a client that pulls diagnostics to pull them again (when it lets the
    /// server ask): findings changed without a change of the client's.
    pub fn refresh(&self) {
        let state = self.state();
        if state.pull && state.can_refresh {
            let client = self.client.clone();
            tokio::spawn(async move {
                let _ = client.workspace_diagnostic_refresh().await;
            });
        }
    }

    /// Publishes the findings of `uri`'s latest analysis, for the version they were
    /// computed for (unless the client pulls them), and the document's status when
    /// the client asked for it.
    pub async fn publish(&self, uri: Uri) {
        let (diagnostics, status) = {
            let mut state = self.state();
            let pull = state.pull;
            let settings = state.settings.clone();
            let Some(open) = state.docs.get_mut(&uri) else {
                return;
            };
            let Some(analysed) = open.analysis.clone() else {
                return;
            };
            let doc = &analysed.doc;
            // A check caused by another document can find what was found before: the
            // client is not told the same thing twice.
            let published = (doc.version, analysed.fingerprint.clone());
            let repeat = open.published.as_ref() == Some(&published);
            open.published = Some(published);
            let diagnostics =
                (!pull && !repeat).then(|| (analysed.diagnostics.clone(), doc.version));
            let status = settings.status.then(|| {
                let fail_level = analysed.setup.fail_level(settings.fail_level);
                status(&uri, doc, fail_level)
            });
            (diagnostics, status)
        };
        if let Some((items, version)) = diagnostics {
            self.client
                .publish_diagnostics(uri, items.to_vec(), Some(version))
                .await;
        }
        if let Some(status) = status {
            self.client
                .send_notification::<StatusNotification>(status)
                .await;
        }
    }
}
