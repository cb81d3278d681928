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
    out.push_str(
        "A fix is *safe* when it cannot change what the document says (`csa check --fix` applies it), \
         *unsafe* when a person should confirm it, and *display-only* when it is only shown. \
         Rules apply to the kinds of document listed: `county-agreement` (a two-tier county's \
         community safety agreement), `district-plan` and `unitary-plan` (a partnership plan).\n\n",
    );
    out.push_str("| code | name | family | severity | applies to | fix | what it finds |\n|---|---|---|---|---|---|---|\n");
    for rule in &registry.rules {
        out.push_str(&format!(
            "| [{}](#{}) | `{}` | {} | {} | {} | {} | {} |\n",
            rule.code,
            rule.code.to_lowercase(),
            rule.name,
            rule.family,
            rule.severity.as_str(),
            applies_to(rule),
            rule.fix
                .as_ref()
                .map_or("none", |f| f.applicability.as_str()),
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
        "Family: {}. Default severity: {}. Applies to: {}.\n\n{}\n\n",
        rule.family,
        rule.severity.as_str(),
        applies_to(rule),
        rule.summary
    ));
    out.push_str(&format!("{heading}What it checks\n\n{}\n\n", e.what));
    out.push_str(&format!("{heading}Why it matters\n\n{}\n\n", e.why));
    let bases: Vec<(String, String)> = rule
        .applies_to
        .iter()
        .filter_map(|kind| {
            rule.legal_basis_for(kind)
                .map(|b| (kind.clone(), describe_basis(rule, b)))
        })
        .filter(|(_, b)| !b.is_empty())
        .collect();
    if !bases.is_empty() {
        out.push_str(&format!("{heading}Legal basis\n\n"));
        if bases.iter().all(|(_, b)| *b == bases[0].1) {
            out.push_str(&format!("{}\n\n", bases[0].1));
        } else {
            let bullet = if markdown { "- " } else { "  " };
            for (kind, basis) in &bases {
                out.push_str(&format!("{bullet}{kind}: {basis}\n"));
            }
            out.push('\n');
        }
    }
    let example = if markdown {
        format!("```\n{}\n```", e.example)
    } else {
        indent(&e.example)
    };
    out.push_str(&format!("{heading}Example\n\n{example}\n\n"));
    out.push_str(&format!("{heading}How to fix it\n\n{}\n", e.fix));
    if let Some(fix) = &rule.fix {
        out.push_str(&format!(
            "\nFix ({}): {}\n",
            fix.applicability.as_str(),
            fix.does
        ));
    }
    out
}

/// The kinds of document a rule applies to, as a list for people.
fn applies_to(rule: &Rule) -> String {
    rule.applies_to.join(", ")
}

/// A legal-basis template as the reference shows it: the text as written, with the
/// values a finding fills in described.
fn describe_basis(rule: &Rule, basis: &str) -> String {
    if !basis.contains('{') {
        return basis.to_string();
    }
    let law_data = "the provision for each area or authority, from csa's law data (`csa rules --areas`), as in force on the document's effective date";
    let filled = basis
        .replace("{basis}", law_data)
        .replace("{citation}", law_data);
    if filled.contains('{') || !(rule.family == "coverage" || rule.family == "authorities") {
        return String::new();
    }
    let mut chars = filled.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect::<String>() + ".")
        .unwrap_or_default()
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
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
