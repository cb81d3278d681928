//! Responsible authorities (Crime and Disorder Act 1998 s5): every kind required on
//! the effective date is named, by the name in use on that date, and no body that is
//! not a responsible authority is listed as one.

use std::collections::HashMap;

use crate::ast::{Date, Organisation};
use crate::diagnostics::{Applicability, Edit, Fix};
use crate::rules::law::{AuthorityName, Confidence};
use crate::rules::{matching, Context, Finding, Rule};
use crate::text::Span;

/// `authority-kinds`: kinds of responsible authority required on the effective date
/// that no `@authority` is.
pub fn missing_kind(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let Some(effective) = cx.effective else {
        return;
    };
    // A document with no partner list is reported once, by `no-authority-list`.
    if cx.doc.authorities.is_empty() {
        return;
    }
    let doc_kind = cx.document_kind();
    let span = cx
        .doc
        .authorities
        .first()
        .map_or(cx.document_span(), |a| a.span);
    for kind in cx
        .law
        .authority_kinds
        .iter()
        .filter(|k| k.required_on(effective))
    {
        if !kind.required_in.is_empty() && !kind.required_in.iter().any(|d| d == doc_kind) {
            continue;
        }
        let named = cx
            .doc
            .authorities
            .iter()
            .any(|a| a.kind.as_ref().is_some_and(|k| k.value == kind.id));
        if !named {
            let current = kind
                .names
                .iter()
                .find(|n| n.valid_on(effective))
                .map_or(kind.title.clone(), |n| n.name.clone());
            out.push(
                Finding::at(span)
                    .arg("kind", kind.id.clone())
                    .arg("title", kind.title.to_lowercase())
                    .arg("name", current)
                    .arg("citation", kind.citation.clone())
                    .arg("effective", effective.to_string())
                    .unverified_if(kind.confidence == Confidence::Unverified),
            );
        }
    }
}

fn name_in<'l>(cx: &'l Context, text: &str) -> Option<(&'l AuthorityName, &'l str)> {
    cx.law
        .authority_name_in(text)
        .map(|(_, name, spelling)| (name, spelling))
}

/// The name with the old spelling replaced by the current one, and a bracketed
/// acronym of the old name replaced by the new one's ("(CCG)" → "(ICB)").
fn renamed(text: &str, spelling: &str, old: &str, current: &str) -> String {
    let lower = text.to_lowercase();
    let replaced = match lower.find(&spelling.to_lowercase()) {
        Some(at) => format!("{}{}{}", &text[..at], current, &text[at + spelling.len()..]),
        None => current.to_string(),
    };
    let (old_acronym, new_acronym) = (matching::acronym(old), matching::acronym(current));
    if old_acronym.len() > 1 {
        replaced.replace(&format!("({old_acronym})"), &format!("({new_acronym})"))
    } else {
        replaced
    }
}

fn check_name(
    effective: Date,
    found: Option<(&AuthorityName, &str)>,
    text: &str,
    span: Span,
    out: &mut Vec<Finding>,
) {
    let Some((name, spelling)) = found else {
        return;
    };
    if name.valid_on(effective) {
        return;
    }
    let Some(until) = name.until.filter(|u| u.0 < effective.first_day()) else {
        return; // the name is not yet in use: not a stale name
    };
    let mut finding = Finding::at(span)
        .arg("name", text)
        .arg("old", name.name.clone())
        .arg("until", until.0.to_string())
        .arg("effective", effective.to_string())
        .unverified_if(name.confidence == Confidence::Unverified);
    match &name.current {
        Some(current) => {
            let replacement = renamed(text, spelling, &name.name, current);
            finding = finding
                .arg(
                    "advice",
                    format!(
                        "call it `{replacement}`, its name from {}",
                        date_after(until.0)
                    ),
                )
                .fix(Fix {
                    title: format!("Rename to `{replacement}`"),
                    applicability: Applicability::Unsafe,
                    edits: vec![Edit { span, replacement }],
                });
        }
        None => {
            finding = finding.arg(
                "advice",
                "remove it: it has no successor among the responsible authorities",
            )
        }
    }
    out.push(finding);
}

fn date_after(date: Date) -> Date {
    crate::rules::date_from_days(date.days_since_epoch() + 1)
}

/// `authority-name-current`: authorities and lead organisations called by a name no
/// longer in use on the effective date.
pub fn stale_name(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let Some(effective) = cx.effective else {
        return;
    };
    for authority in &cx.doc.authorities {
        if let Some(name) = &authority.name {
            check_name(
                effective,
                name_in(cx, &name.value),
                &name.value,
                name.span,
                out,
            );
        }
    }
    let leads = cx
        .doc
        .priorities
        .iter()
        .flat_map(|p| &p.leads)
        .chain(&cx.doc.leads)
        .chain(cx.doc.action_plans.iter().flat_map(|a| &a.leads));
    // Many leads share an organisation: look each name up once.
    let mut known: HashMap<&str, Option<(&AuthorityName, &str)>> = HashMap::new();
    for org in leads.filter_map(|l| l.organisation.as_ref()) {
        let found = *known
            .entry(org.value.as_str())
            .or_insert_with(|| name_in(cx, &org.value));
        check_name(effective, found, &org.value, org.span, out);
    }
}

fn name_of(org: &Organisation) -> &str {
    org.name.as_ref().map_or("", |n| n.value.as_str())
}

/// `not-an-authority`: the PCC (or another such body) listed as a responsible authority.
pub fn not_an_authority(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let Some(effective) = cx.effective else {
        return;
    };
    for authority in &cx.doc.authorities {
        for body in &cx.law.not_responsible_authorities {
            if body.from.is_some_and(|f| effective.first_day() < f.0) {
                continue;
            }
            let listed = std::iter::once(&body.name)
                .chain(&body.synonyms)
                .any(|s| matching::contains_phrase(name_of(authority), s));
            if listed {
                out.push(
                    Finding::at(authority.name.as_ref().map_or(authority.span, |n| n.span))
                        .arg("name", name_of(authority))
                        .arg("body", body.name.clone())
                        .arg("relationship", body.relationship.clone())
                        .arg("citation", body.citation.clone())
                        .unverified_if(body.confidence == Confidence::Unverified),
                );
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::renamed;

    #[test]
    fn renaming_keeps_the_local_part_and_swaps_the_acronym() {
        assert_eq!(
            renamed(
                "NHS Kent and Medway Clinical Commissioning Group (CCG)",
                "Clinical Commissioning Group",
                "Clinical Commissioning Group",
                "Integrated Care Board"
            ),
            "NHS Kent and Medway Integrated Care Board (ICB)"
        );
    }
}
