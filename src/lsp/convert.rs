//! Findings as the client is sent them: LSP diagnostics with the rule's code, a link
//! to its place in the rule reference, its help and legal basis in the message, and
//! its labels as related places.

use tower_lsp_server::ls_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Uri,
};

use super::document::{range, Encoding};
use crate::diagnostics::{Diagnostic as Finding, Severity};

/// How a client is sent findings: its position encoding, and where rule codes link.
#[derive(Clone)]
pub struct Conversion {
    pub encoding: Encoding,
    pub docs_url: Option<Uri>,
}

impl Conversion {
    /// One finding of the document at `uri`.
    pub fn one(&self, uri: &Uri, f: &Finding) -> Diagnostic {
        let range = |span| range(span, self.encoding);
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
        let code_description = self
            .docs_url
            .as_ref()
            .and_then(|base| super::uri::with_fragment(base, &f.code.to_lowercase()))
            .map(|href| CodeDescription { href });
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

    /// Every finding of the document at `uri`.
    pub fn all(&self, uri: &Uri, findings: &[Finding]) -> Vec<Diagnostic> {
        findings.iter().map(|f| self.one(uri, f)).collect()
    }
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}
