//! `textDocument/codeAction`: quick fixes for the findings in the range: the rule
//! engine's fixes (preferred when safe), and a suppression with a reason to fill in.

use std::collections::HashMap;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::blocking;
use crate::diagnostics::Applicability;
use crate::lsp::convert::Conversion;
use crate::lsp::document::Document;
use crate::lsp::state::Shared;

pub async fn code_action(
    shared: &Shared,
    params: CodeActionParams,
) -> Result<Option<CodeActionResponse>> {
    let uri = params.text_document.uri;
    let Some(v) = shared.view(&uri, true).await else {
        return Ok(None);
    };
    blocking(move || {
        let conversion = Conversion {
            encoding: v.encoding,
            docs_url: v.docs_url.clone(),
        };
        let start = v.doc.offset(params.range.start, v.encoding);
        let end = v.doc.offset(params.range.end, v.encoding);
        Some(answer(&v.doc, &uri, start, end, &conversion))
    })
    .await
}

/// Quick fixes for the findings in `start..end`: the rule engine's fixes (preferred
/// when safe), and a suppression with a reason to fill in.
fn answer(
    doc: &Document,
    uri: &Uri,
    start: usize,
    end: usize,
    conversion: &Conversion,
) -> Vec<CodeActionOrCommand> {
    let encoding = conversion.encoding;
    let mut out = Vec::new();
    // Fixes are written with `\n`; a CRLF document keeps its line endings.
    let ending = crate::format::LineEnding::of(&doc.text);
    for finding in doc
        .diagnostics
        .iter()
        .filter(|f| f.span.start.offset <= end && start <= f.span.end.offset)
    {
        let lsp = conversion.one(uri, finding);
        if let Some(fix) = &finding.fix {
            let edits = fix
                .edits
                .iter()
                .map(|e| TextEdit {
                    range: doc.range(e.span, encoding),
                    new_text: ending.adapt(&e.replacement),
                })
                .collect();
            let title = match fix.applicability {
                Applicability::Safe | Applicability::Unsafe => fix.title.clone(),
                Applicability::DisplayOnly => format!("{} (then complete it)", fix.title),
            };
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp.clone()]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), edits)])),
                    ..Default::default()
                }),
                is_preferred: Some(fix.applicability == Applicability::Safe),
                ..Default::default()
            }));
        }
        // Syntax errors are fixed, not suppressed.
        if !crate::diagnostics::syntax::is_syntax(&finding.code) {
            let line = finding.span.start.line as usize;
            let line_start = doc.lines.line_start(line).unwrap_or(0);
            let indent: String = doc.text[line_start..]
                .chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .collect();
            let at = doc.span(line_start, line_start);
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Suppress {} with a reason", finding.code),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(
                        uri.clone(),
                        vec![TextEdit {
                            range: doc.range(at, encoding),
                            new_text: format!(
                                "{indent}// csa-ignore {}: REASON{}",
                                finding.code,
                                ending.as_str()
                            ),
                        }],
                    )])),
                    ..Default::default()
                }),
                is_preferred: Some(false),
                ..Default::default()
            }));
        }
    }
    out
}
