//! Rule explanations in words: what a rule checks, why, the law, an example and the
//! fix. `csa explain`, the rule reference (docs/rules.md), the language server's
//! hover and `csa report` all render them from here.

use crate::rules::{Registry, Rule};

/// The rule reference in Markdown, generated from the rule data.
pub fn markdown(registry: &Registry) -> String {
    let mut out = String::from(
        "# Rule reference\n\n\
         <!-- Generated from rules/rules.toml by `csa rules --format markdown`; do not edit by hand. -->\n\n\
         Every finding of `csa check` has a stable code and a kebab-case name; either can be used in \
         `csa.toml` (`select`, `ignore`, `severity`) and in `// csa-ignore` comments, as can a family \
         name. Severities are the defaults; a finding that rests on a legal fact csa's data marks as \
         unverified is never an error.\n\n",
    );
    out.push_str("| code | name | family | severity | what it finds |\n|---|---|---|---|---|\n");
    for rule in &registry.rules {
        out.push_str(&format!(
            "| [{}](#{}) | `{}` | {} | {} | {} |\n",
            rule.code,
            rule.code.to_lowercase(),
            rule.name,
            rule.family,
            rule.severity.as_str(),
            rule.summary
        ));
    }
    for rule in &registry.rules {
        out.push('\n');
        out.push_str(&explain(rule, true));
    }
    out
}

/// One rule's full explanation, as `csa explain` prints it (Markdown when `markdown`).
pub fn explain(rule: &Rule, markdown: bool) -> String {
    let e = &rule.explanation;
    let heading = if markdown { "### " } else { "" };
    let mut out = format!(
        "{}{} {}\n\n",
        if markdown { "## " } else { "" },
        rule.code,
        rule.name
    );
    out.push_str(&format!(
        "Family: {}. Default severity: {}.\n\n{}\n\n",
        rule.family,
        rule.severity.as_str(),
        rule.summary
    ));
    out.push_str(&format!("{heading}What it checks\n\n{}\n\n", e.what));
    out.push_str(&format!("{heading}Why it matters\n\n{}\n\n", e.why));
    if let Some(basis) = basis_words(rule) {
        out.push_str(&format!("{heading}Legal basis\n\n{basis}\n\n"));
    }
    let example = if markdown {
        format!("```\n{}\n```", e.example)
    } else {
        indent(&e.example)
    };
    out.push_str(&format!("{heading}Example\n\n{example}\n\n"));
    out.push_str(&format!("{heading}How to fix it\n\n{}\n", e.fix));
    out
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The legal basis of `rule` in words: its own, or, for rules whose basis depends on
/// the area or authority a finding is about, where csa's law data gives it.
pub fn basis_words(rule: &Rule) -> Option<String> {
    let basis = rule.legal_basis.as_ref()?;
    if !basis.contains('{') {
        Some(basis.clone())
    } else if rule.family == "coverage" || rule.family == "authorities" {
        Some("The provision for each area or authority, from csa's law data (`csa rules --areas`), as in force on the document's effective date.".to_string())
    } else {
        None
    }
}

/// A rule in brief, for readers of a report: what it is about, why it matters and
/// how to put a finding of it right.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Brief {
    /// What the rule finds, in one line.
    pub summary: String,
    /// Why it matters.
    pub why: String,
    /// How to fix what it finds.
    pub fix: String,
}

/// `rule` in brief.
pub fn brief(rule: &Rule) -> Brief {
    Brief {
        summary: rule.summary.clone(),
        why: rule.explanation.why.clone(),
        fix: rule.explanation.fix.clone(),
    }
}
