//! `textDocument/diagnostic`: a document's findings, pulled by the client. An open
//! document's are those of the analysis of its latest version; a file that is not
//! open has those the last workspace pass found.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::blocking;
use crate::lsp::state::Shared;

pub async fn diagnostic(
    shared: &Shared,
    params: DocumentDiagnosticParams,
) -> Result<DocumentDiagnosticReportResult> {
    let uri = &params.text_document.uri;
    let items = match shared.view(uri, true).await {
        Some(v) => blocking(move || v.diagnostics.to_vec()).await?,
        None => {
            let member = shared
                .state()
                .passes
                .last
                .as_ref()
                .and_then(|pass| pass.members.iter().find(|m| &m.uri == uri).cloned());
            match member {
                Some(m) => blocking(move || m.converted.clone()).await?,
                None => Vec::new(),
            }
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
