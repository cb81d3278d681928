//! References: ids are unique, and every id a line refers to exists.

use std::collections::{HashMap, HashSet};

use super::Kind;
use crate::ast::Reference;
use crate::diagnostics::{Applicability, Edit, Fix};
use crate::rules::{Context, Finding, Rule};
use crate::text::Span;

/// Reports the second and later definitions of each id in one family.
fn duplicates(family: &str, ids: Vec<(&str, Span)>, out: &mut Vec<Finding>) {
    let mut first: HashMap<&str, Span> = HashMap::new();
    for (id, span) in ids {
        match first.get(id) {
            Some(first) => out.push(
                Finding::at(span)
                    .arg("id", id)
                    .arg("family", family)
                    .label(*first, "first defined here"),
            ),
            None => {
                first.insert(id, span);
            }
        }
    }
}

/// The `duplicate-id` kind.
pub const DUPLICATE_ID: Kind = Kind {
    name: "duplicate-id",
    doc: "Ids are unique within their family.",
    args: &["family", "id"],
    params: &[],
    run: Some(duplicate_ids),
};

/// `duplicate-id`: ids defined twice in one family.
pub fn duplicate_ids(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    duplicates(
        "priorities and themes",
        doc.priorities
            .iter()
            .map(|p| (p.id.value.as_str(), p.id.span))
            .chain(doc.themes.iter().map(|t| (t.id.value.as_str(), t.id.span)))
            .collect(),
        out,
    );
    duplicates(
        "plans",
        doc.plans
            .iter()
            .map(|p| (p.id.value.as_str(), p.id.span))
            .collect(),
        out,
    );
    duplicates(
        "plan objectives",
        cx.objectives()
            .map(|o| (o.id.value.as_str(), o.id.span))
            .collect(),
        out,
    );
    duplicates(
        "authorities and bodies",
        doc.authorities
            .iter()
            .chain(&doc.bodies)
            .map(|o| (o.id.value.as_str(), o.id.span))
            .collect(),
        out,
    );
    for scope in ["agreement", "action-plan"] {
        duplicates(
            "versions",
            doc.versions
                .iter()
                .filter(|v| v.scope == scope)
                .map(|v| (v.version.value.as_str(), v.version.span))
                .collect(),
            out,
        );
    }
    duplicates(
        "action-plan aims",
        doc.action_plans
            .iter()
            .flat_map(|a| &a.aims)
            .map(|a| (a.number.value.as_str(), a.number.span))
            .collect(),
        out,
    );
}

fn unresolved(reference: &Reference, candidates: &[&str], what: &str) -> Finding {
    let mut finding = Finding::at(reference.span)
        .arg("id", reference.name.clone())
        .arg("what", what);
    match crate::ast::schema::did_you_mean(&reference.name, candidates.iter().copied()) {
        Some(s) => {
            finding = finding
                .arg("suggestion", format!("; did you mean `{s}`?"))
                .fix(Fix {
                    title: format!("Change to `{s}`"),
                    applicability: Applicability::Unsafe,
                    edits: vec![Edit {
                        span: reference.span,
                        replacement: s.to_string(),
                    }],
                })
        }
        None => finding = finding.arg("suggestion", ""),
    }
    finding
}

/// The `theme-reference` kind.
pub const THEME_REFERENCE: Kind = Kind {
    name: "theme-reference",
    doc: "Every theme an aim links to exists.",
    args: &["id", "suggestion", "what"],
    params: &[],
    run: Some(unknown_theme),
};

/// `theme-reference`: aims that link to themes that do not exist.
pub fn unknown_theme(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let ids: Vec<&str> = cx.doc.themes.iter().map(|t| t.id.value.as_str()).collect();
    for aim in cx.doc.action_plans.iter().flat_map(|a| &a.aims) {
        for reference in aim.themes.iter().filter(|r| cx.theme(&r.name).is_none()) {
            out.push(unresolved(reference, &ids, "theme"));
        }
    }
}

/// The `priority-reference` kind.
pub const PRIORITY_REFERENCE: Kind = Kind {
    name: "priority-reference",
    doc: "Every priority a leads row or action plan names exists.",
    args: &["id", "suggestion", "what"],
    params: &[],
    run: Some(unknown_priority),
};

/// `priority-reference`: leads rows and action plans naming priorities that do not exist.
pub fn unknown_priority(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let ids: Vec<&str> = cx
        .doc
        .priorities
        .iter()
        .map(|p| p.id.value.as_str())
        .collect();
    let references = cx
        .doc
        .leads
        .iter()
        .filter_map(|l| l.priority.as_ref())
        .chain(
            cx.doc
                .action_plans
                .iter()
                .filter(|a| !a.for_no_priority())
                .map(|a| &a.priority),
        );
    for reference in references.filter(|r| cx.priority(&r.name).is_none()) {
        out.push(unresolved(reference, &ids, "priority"));
    }
}

/// The `theme-linked` kind.
pub const THEME_LINKED: Kind = Kind {
    name: "theme-linked",
    doc: "In a document with an action plan, every theme is linked from some aim.",
    args: &["id", "title"],
    params: &[],
    run: Some(theme_without_actions),
};

/// `theme-linked`: themes no aim links to, in a document with an action plan.
pub fn theme_without_actions(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    if cx.doc.action_plans.is_empty() {
        return;
    }
    let linked_themes: HashSet<&str> = cx
        .doc
        .action_plans
        .iter()
        .flat_map(|a| &a.aims)
        .flat_map(|aim| &aim.themes)
        .map(|r| r.name.as_str())
        .collect();
    for theme in &cx.doc.themes {
        let linked = linked_themes.contains(theme.id.value.as_str());
        if !linked {
            out.push(
                Finding::at(theme.header_span)
                    .arg("id", theme.id.value.clone())
                    .arg(
                        "title",
                        theme
                            .title
                            .as_ref()
                            .map_or(String::new(), |t| t.value.clone()),
                    ),
            );
        }
    }
}
