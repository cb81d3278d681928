//! `// csa-ignore` comments: dropping the findings they accept, and reporting the
//! comments that accept nothing or name no rule (they hide nothing, or hide the
//! wrong thing).

use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap, HashMap};

use super::kinds::Kind;
use super::{diagnostic, Finding, Options, Registry};
use crate::ast::{Document, SuppressionScope};
use crate::diagnostics::{Accepted, Applicability, Diagnostic, Edit, Fix};

/// The kind of the rule that reports suppressions that suppressed nothing.
pub const UNUSED_KIND: &str = "unused-suppression";
/// The kind of the rule that reports suppressions naming no known rule.
pub const UNKNOWN_KIND: &str = "unknown-suppression";

/// The `unused-suppression` kind; [`apply`] makes its findings.
pub const UNUSED_SUPPRESSION: Kind = Kind {
    name: UNUSED_KIND,
    doc: "A suppression comment that suppressed nothing.",
    args: &["codes"],
    params: &[],
    run: None,
};

/// The `unknown-suppression` kind; [`apply`] makes its findings.
pub const UNKNOWN_SUPPRESSION: Kind = Kind {
    name: UNKNOWN_KIND,
    doc: "A suppression comment naming no known rule.",
    args: &["code", "suggestion"],
    params: &[],
    run: None,
};

/// Takes out the findings `doc`'s suppressions cover (returned second, each with the
/// comment that accepts it) and adds findings about the suppressions themselves.
pub fn apply(
    doc: &Document,
    registry: &Registry,
    options: &Options,
    findings: Vec<Diagnostic>,
) -> (Vec<Diagnostic>, Vec<Accepted>) {
    let mut used = vec![false; doc.suppressions.len()];
    let (mut kept, accepted) = if doc.suppressions.is_empty() {
        (findings, Vec::new())
    } else {
        take_covered(doc, registry, findings, &mut used)
    };
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
    (kept, accepted)
}

/// Takes out the findings a suppression covers, marking in `used` the first
/// suppression (in document order) that covers each. The findings are swept in order of place
/// while the suppressions whose reach holds the current place are kept by the words
/// they name, so each finding costs a few lookups however many suppressions there
/// are: time in proportion to findings and suppressions (and their logarithm).
fn take_covered(
    doc: &Document,
    registry: &Registry,
    findings: Vec<Diagnostic>,
    used: &mut [bool],
) -> (Vec<Diagnostic>, Vec<Accepted>) {
    let suppressions = &doc.suppressions;
    let word = |w: &str| w.to_ascii_lowercase();
    // Suppressions by the words they name: the whole file's always, the others while
    // the sweep is inside their reach.
    let mut file_wide: HashMap<String, BTreeSet<usize>> = HashMap::new();
    let mut ranged: Vec<usize> = Vec::new();
    for (i, s) in suppressions.iter().enumerate() {
        if s.scope == SuppressionScope::File {
            for code in &s.codes {
                file_wide.entry(word(&code.value)).or_default().insert(i);
            }
        } else {
            ranged.push(i);
        }
    }
    ranged.sort_by_key(|i| suppressions[*i].covers.start.offset);
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|i| findings[*i].span.start.offset);
    let mut active: HashMap<String, BTreeSet<usize>> = HashMap::new();
    let mut ending: BinaryHeap<Reverse<(usize, usize)>> = BinaryHeap::new();
    let mut next = 0;
    let mut covered: Vec<Option<usize>> = vec![None; findings.len()];
    for f in order {
        let finding = &findings[f];
        let at = finding.span.start.offset;
        while let Some(&i) = ranged.get(next) {
            if suppressions[i].covers.start.offset > at {
                break;
            }
            for code in &suppressions[i].codes {
                active.entry(word(&code.value)).or_default().insert(i);
            }
            ending.push(Reverse((suppressions[i].covers.end.offset, i)));
            next += 1;
        }
        while let Some(&Reverse((end, i))) = ending.peek() {
            if end > at {
                break;
            }
            ending.pop();
            for code in &suppressions[i].codes {
                if let Some(set) = active.get_mut(&word(&code.value)) {
                    set.remove(&i);
                }
            }
        }
        // Every word that names the finding's rule: its code, name, family, aliases.
        let rule = registry.find(&finding.code);
        let words = std::iter::once(finding.code.as_str()).chain(rule.into_iter().flat_map(|r| {
            [r.code.as_str(), r.name.as_str(), r.family.as_str()]
                .into_iter()
                .chain(r.aliases.iter().map(String::as_str))
        }));
        let mut first: Option<usize> = None;
        for w in words {
            let w = word(w);
            for set in [active.get(&w), file_wide.get(&w)].into_iter().flatten() {
                if let Some(&i) = set.first() {
                    first = Some(first.map_or(i, |f| f.min(i)));
                }
            }
        }
        if let Some(i) = first {
            used[i] = true;
            covered[f] = Some(i);
        }
    }
    let mut kept = Vec::new();
    let mut accepted = Vec::new();
    for (diagnostic, by) in findings.into_iter().zip(covered) {
        match by {
            Some(i) => accepted.push(Accepted {
                diagnostic,
                reason: suppressions[i].reason.as_ref().map(|r| r.value.clone()),
                accepted_at: suppressions[i].span,
            }),
            None => kept.push(diagnostic),
        }
    }
    (kept, accepted)
}
