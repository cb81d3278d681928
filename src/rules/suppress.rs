//! `// csa-ignore` comments: dropping the findings they accept, and reporting the
//! comments that accept nothing or name no rule (they hide nothing, or hide the
//! wrong thing).

use super::{diagnostic, Finding, Options, Registry};
use crate::ast::{Document, SuppressionScope};
use crate::diagnostics::{Applicability, Diagnostic, Edit, Fix};

/// The kind of the rule that reports suppressions that suppressed nothing.
pub const UNUSED_KIND: &str = "unused-suppression";
/// The kind of the rule that reports suppressions naming no known rule.
pub const UNKNOWN_KIND: &str = "unknown-suppression";

/// Drops the findings `doc`'s suppressions cover and adds findings about the
/// suppressions themselves.
pub fn apply(
    doc: &Document,
    registry: &Registry,
    options: &Options,
    findings: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let mut used = vec![false; doc.suppressions.len()];
    let mut kept = Vec::with_capacity(findings.len());
    for finding in findings {
        let rule = registry.find(&finding.code);
        let covering = doc.suppressions.iter().position(|s| {
            let at = finding.span.start.offset;
            let covered = s.covers.start.offset <= at
                && (at < s.covers.end.offset || s.scope == SuppressionScope::File);
            covered
                && s.codes.iter().any(|c| {
                    rule.is_some_and(|r| r.answers_to(&c.value)) || c.value == finding.code
                })
        });
        match covering {
            Some(i) => used[i] = true,
            None => kept.push(finding),
        }
    }
    for rule in registry.rules.iter().filter(|r| options.selects(r)) {
        let severity = options.severity_of(rule);
        for (i, suppression) in doc.suppressions.iter().enumerate() {
            match rule.kind.as_str() {
                UNKNOWN_KIND => {
                    for code in &suppression.codes {
                        if registry.find(&code.value).is_none()
                            && !registry.rules.iter().any(|r| r.family == code.value)
                        {
                            let names = registry
                                .rules
                                .iter()
                                .map(|r| r.name.as_str())
                                .chain(registry.rules.iter().map(|r| r.code.as_str()));
                            let mut finding =
                                Finding::at(code.span).arg("code", code.value.clone());
                            if let Some(s) = crate::ast::schema::did_you_mean(&code.value, names) {
                                finding = finding
                                    .arg("suggestion", format!("; did you mean `{s}`?"))
                                    .fix(Fix {
                                        title: format!("Change to `{s}`"),
                                        applicability: Applicability::Unsafe,
                                        edits: vec![Edit {
                                            span: code.span,
                                            replacement: s.to_string(),
                                        }],
                                    });
                            } else {
                                finding = finding.arg("suggestion", "");
                            }
                            kept.push(diagnostic(rule, severity, finding));
                        }
                    }
                }
                UNUSED_KIND if !used[i] => {
                    let known = suppression.codes.iter().all(|c| {
                        registry.find(&c.value).is_some()
                            || registry.rules.iter().any(|r| r.family == c.value)
                    });
                    // A suppression of a rule that is switched off, or of an unknown
                    // code (reported above), is not "unused" in a way worth a second
                    // finding.
                    let any_selected = suppression.codes.iter().any(|c| {
                        registry
                            .rules
                            .iter()
                            .any(|r| r.answers_to(&c.value) && options.selects(r))
                    });
                    if known && any_selected {
                        let codes: Vec<&str> =
                            suppression.codes.iter().map(|c| c.value.as_str()).collect();
                        let finding = Finding::at(suppression.span).arg("codes", codes.join(", "));
                        kept.push(diagnostic(rule, severity, finding));
                    }
                }
                _ => {}
            }
        }
    }
    kept
}
