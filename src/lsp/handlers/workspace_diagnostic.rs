//! `workspace/diagnostic`: the findings of every file of the workspace that is not
//! open (open documents' are pulled one by one, for their versions), as the last pass
//! found them; a file whose findings are those the client already has (by result id)
//! is reported unchanged.

use std::collections::{HashMap, HashSet};

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::blocking;
use crate::lsp::state::Shared;
use crate::lsp::workspace::Pass;

pub async fn workspace_diagnostic(
    shared: &Shared,
    params: WorkspaceDiagnosticParams,
) -> Result<WorkspaceDiagnosticReportResult> {
    let pass = shared.last_pass().await;
    let previous: HashMap<Uri, String> = params
        .previous_result_ids
        .into_iter()
        .map(|p| (p.uri, p.value))
        .collect();
    let open: HashSet<Uri> = shared.state().docs.keys().cloned().collect();
    // A large workspace's findings are many: copied off the message loop.
    let items = blocking(move || report(pass.as_deref(), &open, &previous)).await?;
    Ok(WorkspaceDiagnosticReportResult::Report(
        WorkspaceDiagnosticReport { items },
    ))
}

fn report(
    pass: Option<&Pass>,
    open: &HashSet<Uri>,
    previous: &HashMap<Uri, String>,
) -> Vec<WorkspaceDocumentDiagnosticReport> {
    pass.iter()
        .flat_map(|pass| &pass.members)
        .filter(|m| !open.contains(&m.uri))
        .map(|m| {
            let result_id = m.fingerprint.clone();
            if previous.get(&m.uri) == Some(&result_id) {
                return WorkspaceDocumentDiagnosticReport::Unchanged(
                    WorkspaceUnchangedDocumentDiagnosticReport {
                        uri: m.uri.clone(),
                        version: None,
                        unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                            result_id,
                        },
                    },
                );
            }
            WorkspaceDocumentDiagnosticReport::Full(WorkspaceFullDocumentDiagnosticReport {
                uri: m.uri.clone(),
                version: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: Some(result_id),
                    items: m.converted.clone(),
                },
            })
        })
        .collect()
}
