//! Responsible authorities by what they are, not only their kind: where the law
//! names the body itself (the health body has been the primary care trust, then the
//! clinical commissioning group, then the integrated care board; from 1 June 2014 to
//! 25 June 2021 probation was two bodies, the National Probation Service and the
//! area's Community Rehabilitation Company), an NHS hospital trust or a public health
//! team written as `kind: health` does not make the partnership whole.

use super::Kind;
use crate::ast::Organisation;
use crate::knowledge::law::AuthorityName;
use crate::rules::{Context, Finding, Rule};
use crate::text::matching;

/// The `designated-authority` kind.
pub const DESIGNATED_AUTHORITY: Kind = Kind {
    name: "designated-authority",
    doc: "For a kind of responsible authority the law names by body (health, probation), each body in force on the effective date is among the `@authority` blocks of that kind.",
    args: &["title", "name", "named", "effective", "citation", "kind", "both"],
    params: &[],
    run: Some(designated_authority),
};

/// Whether `org`'s name is written as `name` (or one of its spellings).
fn is_named(org: &Organisation, name: &AuthorityName) -> bool {
    let written = matching::words(org.name.as_ref().map_or(&org.id.value, |n| &n.value));
    name.spellings()
        .any(|s| matching::contains_words(&written, &matching::words(s)))
}

/// `designated-authority`: each body the law names on the effective date, for the
/// kinds it names by body, when the document lists others of that kind instead.
pub fn designated_authority(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let Some(effective) = cx.effective else {
        return;
    };
    let doc_kind = cx.document_kind();
    for kind in cx.law.authority_kinds.iter().filter(|k| {
        k.designated
            && k.required_on(effective)
            && (k.required_in.is_empty() || k.required_in.iter().any(|d| d == doc_kind.as_str()))
    }) {
        let listed: Vec<&Organisation> = cx
            .doc
            .authorities
            .iter()
            .filter(|a| a.kind.as_ref().is_some_and(|k| k.value == kind.id))
            .collect();
        // None listed at all is the missing kind (`authority-kinds`), said once.
        let Some(first) = listed.first() else {
            continue;
        };
        let in_force: Vec<&AuthorityName> = kind
            .names
            .iter()
            .filter(|n| n.valid_on(effective))
            .collect();
        let both = if in_force.len() > 1 {
            format!(
                "; on that day the law made {} each a responsible authority",
                in_force
                    .iter()
                    .map(|n| format!("the {}", n.name))
                    .collect::<Vec<_>>()
                    .join(" and ")
            )
        } else {
            String::new()
        };
        for name in in_force {
            if listed.iter().any(|a| is_named(a, name)) {
                continue;
            }
            let named: Vec<String> = listed
                .iter()
                .map(|a| format!("`{}`", a.name.as_ref().map_or(&a.id.value, |n| &n.value)))
                .collect();
            out.push(
                Finding::at(first.name.as_ref().map_or(first.span, |n| n.span))
                    .arg("title", kind.title.to_lowercase())
                    .arg("kind", kind.id.clone())
                    .arg("name", name.name.clone())
                    .arg("named", named.join(", "))
                    .arg("effective", effective.to_string())
                    .arg("citation", kind.citation.clone())
                    .arg("both", both.clone())
                    .rests_on(name.confidence)
                    .rests_on(kind.confidence),
            );
        }
    }
}
