//! Priority-to-lead completeness: every priority is led, every lead leads a
//! priority, and every lead's organisation is part of the partnership.

use std::collections::{HashMap, HashSet};

use super::Kind;
use crate::ast::{Lead, Priority};
use crate::diagnostics::{Applicability, Fix};
use crate::rules::{Context, Finding, Rule};
use crate::text::matching;

/// Every lead the document gives, wherever written.
fn all_leads<'a>(cx: &Context<'a>) -> impl Iterator<Item = &'a Lead> {
    cx.doc
        .priorities
        .iter()
        .flat_map(|p| &p.leads)
        .chain(&cx.doc.leads)
        .chain(cx.doc.action_plans.iter().flat_map(|a| &a.leads))
}

/// The leads of every priority, wherever written, by priority id.
fn leads_by_priority<'a>(cx: &Context<'a>) -> HashMap<&'a str, Vec<&'a Lead>> {
    let mut out: HashMap<&str, Vec<&Lead>> = HashMap::new();
    for lead in all_leads(cx) {
        if let Some(p) = lead.priority.as_ref().and_then(|r| cx.priority(&r.name)) {
            out.entry(p.id.value.as_str()).or_default().push(lead);
        }
    }
    out
}

fn title(priority: &Priority) -> String {
    priority
        .title
        .as_ref()
        .map(|t| t.value.clone())
        .unwrap_or_default()
}

/// The `priority-lead` kind.
pub const PRIORITY_LEAD: Kind = Kind {
    name: "priority-lead",
    doc: "Every priority has at least one lead (inline, in a leads table, or in its action plan).",
    args: &["id", "title"],
    params: &[],
    run: Some(priority_without_lead),
};

/// `priority-lead`: priorities nobody leads.
pub fn priority_without_lead(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let leads = leads_by_priority(cx);
    for priority in &cx.doc.priorities {
        if !leads.contains_key(priority.id.value.as_str()) {
            out.push(
                Finding::at(priority.header_span)
                    .arg("id", priority.id.value.clone())
                    .arg("title", title(priority))
                    .fix(Fix {
                        title: "Add a lead placeholder".to_string(),
                        applicability: Applicability::DisplayOnly,
                        edits: vec![super::insert_after(
                            priority.header_span,
                            "  lead: ROLE, ORGANISATION",
                        )],
                    }),
            );
        }
    }
}

/// The `lead-priority` kind.
pub const LEAD_PRIORITY: Kind = Kind {
    name: "lead-priority",
    doc: "Every row of a leads table names its priority.",
    args: &["lead", "role"],
    params: &[],
    run: Some(lead_without_priority),
};

/// `lead-priority`: leads-table rows that name no priority.
pub fn lead_without_priority(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let leads = leads_by_priority(cx);
    // The likeliest owner: a priority no lead is given for yet, when only one is.
    let unled: Vec<&Priority> = cx
        .doc
        .priorities
        .iter()
        .filter(|p| !leads.contains_key(p.id.value.as_str()))
        .collect();
    for lead in cx.doc.leads.iter().filter(|l| l.priority.is_none()) {
        let mut finding = Finding::at(lead.span)
            .arg("role", lead.role.value.clone())
            .arg("lead", describe(lead));
        if unled.len() == 1 {
            finding = finding.label(unled[0].header_span, "the one priority with no lead");
        }
        out.push(finding);
    }
}

/// Whether the lead's whole text ends with a declared name that itself holds a comma
/// (`Kent, Surrey and Sussex Community Rehabilitation Company`), which the split at
/// the last comma cut in two.
fn ends_with_declared(lead: &Lead, organisations: &[(&str, &str)]) -> bool {
    let whole = matching::words(&describe(lead));
    organisations.iter().any(|(name, _)| {
        let words = matching::words(name);
        name.contains(',') && !words.is_empty() && whole.ends_with(&words)
    })
}

fn describe(lead: &Lead) -> String {
    match &lead.organisation {
        Some(org) => format!("{}, {}", lead.role.value, org.value),
        None => lead.role.value.clone(),
    }
}

/// The `lead-organisation` kind.
pub const LEAD_ORGANISATION: Kind = Kind {
    name: "lead-organisation",
    doc: "Every lead names an organisation.",
    args: &["role"],
    params: &[],
    run: Some(lead_without_organisation),
};

/// `lead-organisation`: leads that name a role but no organisation.
pub fn lead_without_organisation(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    for lead in all_leads(cx).filter(|l| l.organisation.is_none()) {
        out.push(Finding::at(lead.span).arg("role", lead.role.value.clone()));
    }
}

/// The `lead-organisation-known` kind.
pub const LEAD_ORGANISATION_KNOWN: Kind = Kind {
    name: "lead-organisation-known",
    doc: "A lead's organisation is a declared authority or body.",
    args: &["organisation", "suggestion"],
    params: &[],
    run: Some(unknown_organisation),
};

/// `lead-organisation-known`: a lead's organisation is no declared authority or body.
pub fn unknown_organisation(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let organisations: Vec<(&str, &str)> = cx
        .doc
        .authorities
        .iter()
        .chain(&cx.doc.bodies)
        .map(|o| {
            (
                o.name.as_ref().map_or("", |n| n.value.as_str()),
                o.id.value.as_str(),
            )
        })
        .collect();
    let mut reported = HashSet::new();
    // Many leads share an organisation: match each name once.
    let mut known: HashMap<&str, bool> = HashMap::new();
    for lead in all_leads(cx) {
        let Some(org) = &lead.organisation else {
            continue;
        };
        let declared = *known.entry(org.value.as_str()).or_insert_with(|| {
            organisations
                .iter()
                .any(|(name, id)| matching::same_organisation(&org.value, name, id))
        }) || ends_with_declared(lead, &organisations);
        if declared {
            continue;
        }
        // One finding per organisation per place, not one per lead of it.
        if !reported.insert((org.value.as_str(), lead.source)) {
            continue;
        }
        let closest = organisations
            .iter()
            .map(|(name, _)| (matching::similarity(&org.value, name), *name))
            .filter(|(score, _)| *score >= 0.5)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let mut finding = Finding::at(org.span).arg("organisation", org.value.clone());
        finding = match closest {
            Some((_, name)) => finding
                .arg("suggestion", format!("; did you mean `{name}`?"))
                .fix(Fix {
                    title: format!("Change to `{name}`"),
                    applicability: Applicability::Unsafe,
                    edits: vec![crate::diagnostics::Edit {
                        span: org.span,
                        replacement: name.to_string(),
                    }],
                }),
            None => finding.arg("suggestion", ""),
        };
        out.push(finding);
    }
}

/// What two leads are compared by: the folded words of the role and organisation.
fn lead_words(lead: &Lead) -> Vec<String> {
    matching::words(&describe(lead))
}

/// The `leads-agree` kind.
pub const LEADS_AGREE: Kind = Kind {
    name: "leads-agree",
    doc: "Where a priority has leads of its own and in a leads table, they are the same.",
    args: &["id", "lead", "where"],
    params: &[],
    run: Some(leads_disagree),
};

/// `leads-agree`: a priority's own leads and its leads-table rows differ.
pub fn leads_disagree(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let leads = leads_by_priority(cx);
    for priority in cx.doc.priorities.iter().filter(|p| !p.leads.is_empty()) {
        // Table rows name a priority by id, which means its first definition; a
        // repeated id is reported by its own rule, and comparing every copy with
        // the same rows would cost the square of the copies.
        if !cx
            .priority(&priority.id.value)
            .is_some_and(|first| std::ptr::eq(first, priority))
        {
            continue;
        }
        let table: Vec<&Lead> = leads
            .get(priority.id.value.as_str())
            .into_iter()
            .flatten()
            .copied()
            .filter(|l| l.source == "leads-table")
            .collect();
        if table.is_empty() {
            continue;
        }
        let own_words: HashSet<Vec<String>> = priority.leads.iter().map(lead_words).collect();
        let table_words: HashSet<Vec<String>> = table.iter().map(|l| lead_words(l)).collect();
        for lead in &table {
            if !own_words.contains(&lead_words(lead)) {
                out.push(
                    Finding::at(lead.span)
                        .arg("id", priority.id.value.clone())
                        .arg("lead", describe(lead))
                        .arg("where", "in the leads table but not in the priority")
                        .label(priority.header_span, "the priority's own leads are here"),
                );
            }
        }
        for own in &priority.leads {
            if !table_words.contains(&lead_words(own)) {
                out.push(
                    Finding::at(own.span)
                        .arg("id", priority.id.value.clone())
                        .arg("lead", describe(own))
                        .arg("where", "in the priority but not in the leads table")
                        .label(table[0].span, "the leads table's row for it is here"),
                );
            }
        }
    }
}
