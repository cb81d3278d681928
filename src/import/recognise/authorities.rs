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

/// "The partnership is made up of A, B, ... and C.": the members named in one
/// sentence. Those whose names say which responsible authority they are become
/// `@authority` blocks (three at least, or the sentence is not about them); the
/// others (a voluntary body, a business district) are named in the note and stay
/// prose only.
fn members_sentence(w: &mut Writer, at: usize, text: &str) -> Option<usize> {
    const CUES: [&str; 5] = [
        " made up of ",
        " made up from ",
        " brings together ",
        " comprises ",
        " consists of ",
    ];
    let folded = crate::text::matching::Folded::new(text);
    let sentence_of = |p: usize| {
        let start = folded.lower[..p].rfind(". ").map_or(0, |s| s + 2);
        let end = folded.lower[p..]
            .find(". ")
            .map_or(folded.lower.len(), |e| p + e);
        (start, end)
    };
    let (cue, p) = CUES
        .iter()
        .find_map(|c| folded.lower.find(c).map(|p| (c, p)))?;
    let (start, end) = sentence_of(p);
    // The partnership's own members, not what partnerships in general are made
    // of ("Community Safety Partnerships were made up of representatives from
    // ... such as police, ...").
    let subject = &folded.lower[start..p];
    let general = ["partnerships", "csps", "csp's", "such as"]
        .iter()
        .any(|w| subject.contains(w) || folded.lower[p..end].contains(w));
    if general || !(subject.contains("partnership") || subject.contains("csp")) {
        return None;
    }
    // "... brings together those authorities and includes A, B and C": the
    // names start after the last word that introduces them.
    let from = ["includes ", "including ", "include "]
        .iter()
        .filter_map(|c| folded.lower[p..end].rfind(c).map(|q| p + q + c.len()))
        .max()
        .unwrap_or(p + cue.len());
    let list = &text[folded.origin(from)..folded.origin(end)];
    let names = split_names(list);
    // "the National Probation Service": the article is not the name's.
    let bare = |n: &str| {
        let n = one_line(n.trim());
        match n.strip_prefix("the ") {
            Some(rest) if rest.starts_with(|c: char| c.is_uppercase()) => rest.to_string(),
            _ => n,
        }
    };
    let (known, others): (Vec<_>, Vec<_>) = names
        .iter()
        .map(|n| bare(n))
        .partition(|n| kind_in(w, n).is_some());
    if known.len() < 3 {
        return None;
    }
    w.prose(text);
    let others = match others.is_empty() {
        true => String::new(),
        false => format!(
            "; not recognised as responsible authorities, and left as prose: {}",
            others.join("; ")
        ),
    };
    w.note(
        0,
        &format!("the responsible authorities below are the members this sentence names whose names say which authority they are: check them{others}"),
    );
    for name in known {
        authority(w, &name);
    }
    w.gap();
    Some(at + 1)
}

/// "The responsible authorities are: A, B and C", when no section lists them.
pub(super) fn sentence(w: &mut Writer, at: usize, text: &str, plan: &Plan) -> Option<usize> {
    if plan.authority_section || w.summary.blocks_of("authority") > 0 {
        return None;
    }
    let lower = text.to_lowercase();
    if !lower.starts_with("the responsible authorities are") {
        return members_sentence(w, at, text);
    }
    let (_, list) = text.split_once(':')?;
    let names = split_names(&protect_bold(list.trim_start_matches(['-', ' '])));
    if names.len() < 3 {
        return None;
    }
    w.prose(text);
    w.note(
        0,
        "the responsible authorities below are taken from this sentence: check them",
    );
    for name in names {
        authority(w, &strip_markup(&name.replace(';', ",")));
    }
    w.gap();
    Some(at + 1)
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
        "authorities",
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

/// The kind of authority a name is in this document: "the Council" is the
/// area's own council, of the kind its tier has.
fn kind_in(w: &Writer, name: &str) -> Option<&'static str> {
    let bare = name
        .trim()
        .trim_start_matches("the ")
        .trim_start_matches("The ");
    match bare {
        "Council" => w.area_council,
        _ => kind_of(name),
    }
}

/// The kind of responsible authority a name says it is, if it says.
fn kind_of(name: &str) -> Option<&'static str> {
    let lower = name.to_lowercase();
    if lower.contains("community safety partnership") || lower.contains("commissioner") {
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
    } else if let Some(kind) = council_kind(name) {
        Some(kind)
    } else if lower.contains("council") && (lower.contains("district") || lower.contains("borough"))
    {
        Some("district-council")
    } else if lower.contains("unitary")
        || lower.contains("city council")
        || lower.contains("corporation")
    {
        Some("unitary-council")
    } else {
        None
    }
}

/// One name: an `@authority` of the kind its words say, or a `@body`.
fn authority(w: &mut Writer, name: &str) {
    let name = one_line(name);
    let kind = kind_in(w, &name);
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
