//! `--output-format sarif`: SARIF 2.1.0, read by code-scanning services and editors.

use serde_json::{json, Value};

use super::FileReport;
use crate::diagnostics::{Diagnostic, Severity};
use crate::rules::Registry;
use crate::text::Span;

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

/// A SARIF region; lines and columns from 1, columns in UTF-16 code units (the
/// run's `columnKind`).
fn region(span: &Span) -> Value {
    json!({
        "startLine": span.start.line + 1,
        "startColumn": span.start.column_utf16 + 1,
        "endLine": span.end.line + 1,
        "endColumn": span.end.column_utf16 + 1,
        "charOffset": span.start.offset,
        "charLength": span.end.offset - span.start.offset,
    })
}

fn location(path: &str, span: &Span) -> Value {
    json!({ "physicalLocation": { "artifactLocation": { "uri": path }, "region": region(span) } })
}

fn result(path: &str, d: &Diagnostic, rule_index: Option<usize>) -> Value {
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    if let Some(basis) = &d.legal_basis {
        message.push_str(&format!("\nlegal basis: {basis}"));
    }
    let mut result = json!({
        "ruleId": d.code,
        "level": level(d.severity),
        "message": { "text": message },
        "locations": [location(path, &d.span)],
    });
    if let Some(index) = rule_index {
        result["ruleIndex"] = json!(index);
    }
    if !d.labels.is_empty() {
        result["relatedLocations"] = Value::Array(
            d.labels
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let mut loc = location(path, &l.span);
                    loc["id"] = json!(i);
                    loc["message"] = json!({ "text": l.message });
                    loc
                })
                .collect(),
        );
    }
    if let Some(fix) = &d.fix {
        result["fixes"] = json!([{
            "description": { "text": fix.title },
            "artifactChanges": [{
                "artifactLocation": { "uri": path },
                "replacements": fix.edits.iter().map(|e| json!({
                    "deletedRegion": region(&e.span),
                    "insertedContent": { "text": e.replacement },
                })).collect::<Vec<_>>(),
            }],
        }]);
    }
    result
}

/// The whole check as one SARIF log.
pub fn render(reports: &[FileReport], registry: &Registry) -> String {
    let rules: Vec<Value> = registry
        .rules
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": format!("{} {}", r.explanation.what, r.explanation.why) },
                "help": { "text": r.explanation.fix },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": { "family": r.family },
            })
        })
        .collect();
    let results: Vec<Value> = reports
        .iter()
        .flat_map(|report| {
            let index = |code: &str| registry.rules.iter().position(|r| r.code == code);
            let reported = report
                .diagnostics
                .iter()
                .map(move |d| result(&report.path, d, index(&d.code)));
            // An accepted finding is a result with an in-source suppression, as
            // SARIF records a finding silenced by a comment: code-scanning tools
            // show it as dismissed, with the partnership's reason.
            let accepted = report.accepted.iter().map(move |a| {
                let mut r = result(&report.path, &a.diagnostic, index(&a.diagnostic.code));
                let mut suppression = json!({ "kind": "inSource", "status": "accepted" });
                if let Some(reason) = &a.reason {
                    suppression["justification"] = json!(reason);
                }
                r["suppressions"] = json!([suppression]);
                r
            });
            reported.chain(accepted)
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "csa",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "utf16CodeUnits",
            "artifacts": reports.iter().map(|r| json!({ "location": { "uri": r.path } })).collect::<Vec<_>>(),
            "results": results,
        }],
    });
    let mut text = serde_json::to_string_pretty(&log).expect("the log serialises");
    text.push('\n');
    text
}
