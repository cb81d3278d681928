//! The responsible authorities: `@authority` with its kind, or `@body`.
//!
//! The law names the bodies that must take part (police, fire, councils, health,
//! probation), and the checks look for each kind, so every name listed with the
//! responsible authorities is given a kind from the words in it. A name that is
//! none of them (the partnership itself, the Commissioner) is kept as a `@body`
//! with a note rather than forced into a kind. The list is read from the section
//! that names them, or, when no heading does, from the sentence "The responsible
//! authorities are: A, B and C".

use super::plan::Plan;
use super::section::item_text;
use super::words::{one_line, protect_bold, split_names, strip_markup};
use super::writer::Writer;
use crate::import::Block;

/// A list of names in the responsible authorities' section, when none is written yet.
pub(super) fn list(w: &mut Writer, items: &[Block], section: &str) -> bool {
    if !section.contains("responsible authorities")
        || w.summary.blocks.iter().any(|(k, _)| *k == "authority")
    {
        return false;
    }
    for b in items {
        authority(w, item_text(b));
    }
    w.gap();
    true
}

/// "The responsible authorities are: A, B and C", when no section lists them.
pub(super) fn sentence(w: &mut Writer, at: usize, text: &str, plan: &Plan) -> Option<usize> {
    let lower = text.to_lowercase();
    if !plan.authority_section && lower.starts_with("the responsible authorities are") {
        if let Some((_, list)) = text.split_once(':') {
            let names = split_names(&protect_bold(list.trim_start_matches(['-', ' '])));
            if names.len() >= 3 {
                w.prose(text);
                w.note(
                    0,
                    "the responsible authorities below are taken from this sentence: check them",
                );
                for name in names {
                    authority(w, &strip_markup(&name.replace(';', ",")));
                }
                w.gap();
                return Some(at + 1);
            }
        }
    }
    None
}

/// Whether a line names the responsible authorities, in the words plans use for
/// them: "responsible authorities", or the "statutory partners" (or members,
/// agencies, bodies) the Act makes them; not the "non-statutory partners".
pub(super) fn names_them(lower: &str) -> bool {
    if lower.contains("responsible authorities") {
        return true;
    }
    let lower = lower
        .replace("non-statutory", "")
        .replace("non statutory", "");
    [
        "partners",
        "members",
        "agencies",
        "bodies",
        "partner agencies",
        "organisations",
    ]
    .iter()
    .any(|w| lower.contains(&format!("statutory {w}")))
}

/// The kind of council "X Council" is, from the tier of the place X the
/// knowledge base knows ("Brentwood Council": a district).
fn council_kind(name: &str) -> Option<&'static str> {
    let place = name
        .strip_suffix(" Council")?
        .trim_end_matches(" Borough")
        .trim_end_matches(" District")
        .trim_end_matches(" City");
    let knowledge = crate::knowledge::Knowledge::bundled();
    let found = knowledge.resolve(place, None);
    match found.first()? {
        crate::knowledge::Resolved::Authority(a) => match a.tier.as_str() {
            "county" => Some("county-council"),
            "district" => Some("district-council"),
            _ => Some("unitary-council"),
        },
        _ => None,
    }
}

/// One name: an `@authority` of the kind its words say, or a `@body`.
fn authority(w: &mut Writer, name: &str) {
    let name = one_line(name);
    let lower = name.to_lowercase();
    let kind = if lower.contains("community safety partnership") || lower.contains("commissioner") {
        None
    } else if lower.contains("police") || lower.contains("constabulary") {
        Some("police")
    } else if lower.contains("fire") {
        Some("fire")
    } else if lower.contains("county council") {
        Some("county-council")
    } else if lower.contains("clinical commissioning")
        || lower.contains("ccg")
        || lower.contains("nhs")
        || lower.contains("integrated care")
        || lower.contains("health board")
        || lower.contains("national health service")
        || lower.contains("primary care trust")
        || lower.contains("health authority")
    {
        Some("health")
    } else if lower.contains("probation") || lower.contains("rehabilitation company") {
        Some("probation")
    } else if let Some(kind) = council_kind(&name) {
        Some(kind)
    } else if lower.contains("district") || lower.contains("borough") {
        Some("district-council")
    } else if lower.contains("unitary")
        || lower.contains("city council")
        || lower.contains("corporation")
    {
        Some("unitary-council")
    } else {
        None
    };
    let id = w.id(&name).to_lowercase();
    match kind {
        Some(kind) => {
            w.open("authority", format!("@authority {id}: {name}"));
            w.field(1, "kind", kind);
        }
        None => {
            w.open("body", format!("@body {id}: {name}"));
            w.note(1, "listed with the responsible authorities but not recognised as one: if it is one, make it an @authority with a kind");
        }
    }
}
