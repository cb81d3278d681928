//! Responsible authorities (Crime and Disorder Act 1998 s5): every kind required on
//! the effective date is named, by the name in use on that date, and no body that is
//! not a responsible authority is listed as one.

use std::collections::HashMap;

use super::Kind;
use crate::ast::{Date, Organisation};
use crate::diagnostics::{Applicability, Edit, Fix};
use crate::knowledge::law::{AuthorityName, Confidence};
use crate::knowledge::Body;
use crate::rules::{Context, Finding, Rule};
use crate::text::matching;
use crate::text::Span;

/// The `authority-kinds` kind.
pub const AUTHORITY_KINDS: Kind = Kind {
    name: "authority-kinds",
    doc: "Every kind of responsible authority required on the effective date is named.",
    args: &["citation", "effective", "kind", "name", "title"],
    params: &[],
    run: Some(missing_kind),
};

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
        if !kind.required_in.is_empty() && !kind.required_in.iter().any(|d| d == doc_kind.as_str())
        {
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
                    .rests_on(kind.confidence),
            );
        }
    }
}

fn name_in<'l>(cx: &'l Context, text: &str) -> Option<(&'l AuthorityName, &'l str)> {
    cx.law
        .authority_name_in(text)
        .map(|(_, name, spelling)| (name, spelling))
}

/// What a name written in the document is known as: a body of the successors data
/// (by its own name), and the kind of name it uses (law.toml).
#[derive(Clone, Copy)]
struct Known<'l> {
    body: Option<&'l Body>,
    name: Option<&'l AuthorityName>,
}

fn known<'l>(cx: &'l Context, text: &str) -> Known<'l> {
    Known {
        body: cx.knowledge.body_named(text),
        name: name_in(cx, text).map(|(n, _)| n),
    }
}

/// The last day a name was in use, and how sure we are: the body's own end where the
/// successors data knows the body, else the end of the kind of name.
fn last_day(found: Known) -> Option<(Date, Confidence)> {
    match (found.body, found.name) {
        (Some(b), _) => b.until.map(|u| (u.0, b.confidence)),
        (None, Some(n)) => n.until.map(|u| (u.0, n.confidence)),
        _ => None,
    }
}

/// The ids of the document's area (its councils, counties and police area), which
/// choose the part of a body split by area (the National Probation Service's regions).
fn area_ids(cx: &Context) -> Vec<String> {
    cx.doc
        .agreement
        .as_ref()
        .and_then(|a| a.area.as_ref())
        .map_or(Vec::new(), |a| {
            cx.knowledge.area_ids(&a.value, cx.effective)
        })
}

/// Who took over on `date`, in words, and a fix where the successors data names the
/// body. Names come only from the data: where the chain breaks, csa says it does not
/// know the successor.
fn successor_advice(cx: &Context, found: Known, date: Date, span: Span) -> (String, Option<Fix>) {
    if let Some(body) = found.body {
        if let Some(next) = cx
            .knowledge
            .successor_in(body, date, &area_ids(cx))
            .filter(|n| n.id != body.id)
        {
            let name = next.name.clone();
            return (
                format!("call it `{name}`, the body that carries its functions on {date}"),
                Some(Fix {
                    title: format!("Rename to `{name}`"),
                    applicability: Applicability::Unsafe,
                    edits: vec![Edit {
                        span,
                        replacement: name,
                    }],
                }),
            );
        }
        if let Some(note) = &body.successor_note {
            return (
                format!("csa does not know a single successor ({note}); name the body that serves the area now"),
                None,
            );
        }
        if !body.successor_by_area.is_empty() {
            return (
                "its work was split by area, and csa cannot tell from the document's area which part took over here; name the body that serves the area now".to_string(),
                None,
            );
        }
    }
    let kind = found.name.and_then(|n| {
        cx.law
            .authority_kinds
            .iter()
            .find(|k| k.names.iter().any(|x| std::ptr::eq(x, n)))
    });
    let current = kind.and_then(|k| k.names.iter().find(|x| x.valid_on(date)));
    match current {
        Some(c) => (
            format!(
                "its functions passed to the {} of the area; csa does not know that body's name, so name it as it calls itself",
                c.name
            ),
            None,
        ),
        None => (
            "remove it: it has no successor among the responsible authorities".to_string(),
            None,
        ),
    }
}

fn check_name(
    cx: &Context,
    effective: Date,
    found: Known,
    text: &str,
    span: Span,
    out: &mut Vec<Finding>,
) {
    let Some((until, confidence)) = last_day(found) else {
        return;
    };
    if until >= effective.first_day() {
        return; // still in use, or replaced later (see authority-name-life)
    }
    if found.body.is_none() && found.name.is_some_and(|n| n.valid_on(effective)) {
        return;
    }
    let old = match (found.body, found.name) {
        (Some(b), _) => b.name.clone(),
        (None, Some(n)) => n.name.clone(),
        _ => return,
    };
    let (advice, fix) = successor_advice(cx, found, effective, span);
    let mut finding = Finding::at(span)
        .arg("name", text)
        .arg("old", old)
        .arg("until", until.to_string())
        .arg("effective", effective.to_string())
        .arg("advice", advice)
        .rests_on(confidence);
    if let Some(fix) = fix {
        finding = finding.fix(fix);
    }
    out.push(finding);
}

fn date_after(date: Date) -> Date {
    crate::ast::date_from_days(date.days_since_epoch() + 1)
}

/// Every name of an organisation the document gives: its authorities and the
/// organisations of its leads, each distinct name once, with its first place.
fn named_organisations<'d>(cx: &Context<'d>) -> Vec<(&'d str, Span)> {
    let mut out: Vec<(&str, Span)> = Vec::new();
    for authority in &cx.doc.authorities {
        if let Some(name) = &authority.name {
            out.push((&name.value, name.span));
        }
    }
    let leads = cx
        .doc
        .priorities
        .iter()
        .flat_map(|p| &p.leads)
        .chain(&cx.doc.leads)
        .chain(cx.doc.action_plans.iter().flat_map(|a| &a.leads));
    for org in leads.filter_map(|l| l.organisation.as_ref()) {
        out.push((&org.value, org.span));
    }
    out
}

/// The `authority-name-current` kind.
pub const AUTHORITY_NAME_CURRENT: Kind = Kind {
    name: "authority-name-current",
    doc: "Authorities and lead organisations are called by the name in use on the effective date.",
    args: &["advice", "effective", "name", "old", "until"],
    params: &[],
    run: Some(stale_name),
};

/// `authority-name-current`: authorities and lead organisations called by a name no
/// longer in use on the effective date.
pub fn stale_name(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let Some(effective) = cx.effective else {
        return;
    };
    // Many leads share an organisation: look each name up once.
    let mut seen: HashMap<&str, Known> = HashMap::new();
    for (text, span) in named_organisations(cx) {
        let found = *seen.entry(text).or_insert_with(|| known(cx, text));
        check_name(cx, effective, found, text, span, out);
    }
}

/// The `authority-name-life` kind.
pub const AUTHORITY_NAME_LIFE: Kind = Kind {
    name: "authority-name-life",
    doc: "An authority or lead organisation named in the document is replaced inside its life.",
    args: &["date", "life", "name", "successor"],
    params: &[],
    run: Some(replaced_in_life),
};

/// `authority-name-life`: an authority or lead organisation named in the document is
/// replaced inside the document's life; one finding per name, at its first place.
pub fn replaced_in_life(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let Some(effective) = cx.effective else {
        return;
    };
    let mut seen = std::collections::HashSet::new();
    let area = area_ids(cx);
    for (text, span) in named_organisations(cx) {
        if !seen.insert(text) {
            continue;
        }
        let found = known(cx, text);
        let Some((until, confidence)) = last_day(found) else {
            continue;
        };
        if until < effective.first_day() || !cx.in_life(date_after(until)) {
            continue;
        }
        let day = date_after(until);
        let successor = match found.body.and_then(|b| {
            cx.knowledge
                .successor_in(b, day, &area)
                .filter(|n| n.id != b.id)
        }) {
            Some(next) => format!("`{}`", next.name),
            None => {
                let kind = found.name.and_then(|n| {
                    cx.law
                        .authority_kinds
                        .iter()
                        .find(|k| k.names.iter().any(|x| std::ptr::eq(x, n)))
                });
                match kind.and_then(|k| k.names.iter().find(|x| x.valid_on(day))) {
                    Some(c) => format!(
                        "the {} (csa does not know the name of the one for this area)",
                        c.name
                    ),
                    None => "no successor among the responsible authorities".to_string(),
                }
            }
        };
        out.push(
            Finding::at(span)
                .arg("name", text)
                .arg("date", day.to_string())
                .arg("life", cx.life_text())
                .arg("successor", successor)
                .rests_on(confidence),
        );
    }
}

fn name_of(org: &Organisation) -> &str {
    org.name.as_ref().map_or("", |n| n.value.as_str())
}

/// The `not-an-authority` kind.
pub const NOT_AN_AUTHORITY: Kind = Kind {
    name: "not-an-authority",
    doc: "Bodies that are not responsible authorities (the PCC) are not listed as one.",
    args: &["body", "citation", "name", "relationship"],
    params: &[],
    run: Some(not_an_authority),
};

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
                        .rests_on(body.confidence),
                );
                break;
            }
        }
    }
}
