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
use super::words::{one_line, protect_bold, split_names, strip_markup, words};
use super::writer::Writer;
use crate::import::Block;

/// A list of names in the responsible authorities' section, when none is written yet.
pub(super) fn list(w: &mut Writer, items: &[Block], section: &str) -> bool {
    if !section.contains("responsible authorities")
        || w.summary.blocks.iter().any(|(k, _)| *k == "authority")
    {
        return false;
    }
    // "Leicester City Council - Office of the Police & Crime Commissioner": a
    // table of two columns run together, one name from each, when most lines
    // are so printed (not "The Probation Service - London" alone).
    let two_names = |t: &str| {
        t.split_once(" - ")
            .is_some_and(|(a, b)| is_name(a) && is_name(b))
    };
    let run_together = items.len() >= 2
        && items.iter().filter(|b| two_names(item_text(b))).count() * 2 > items.len();
    for b in items {
        let text = item_text(b);
        match text.split_once(" - ") {
            Some((a, b)) if run_together && is_name(a) && is_name(b) => {
                authority(w, a);
                authority(w, b);
            }
            _ => authority(w, text),
        }
    }
    w.gap();
    true
}

/// "The partnership is made up of A, B, ... and C.", "The Anytown Community Safety
/// Partnership includes A, B and C", "They are made up of a number of agencies
/// including A, B and C": the members named in one sentence, written as
/// `write_members` does.
fn members_sentence(
    w: &mut Writer,
    at: usize,
    text: &str,
    before: &str,
    prose: bool,
) -> Option<usize> {
    const CUES: [&str; 12] = [
        // "The partnership, which is led by A, B and C, includes ...", "The
        // partnership, which involves a range of organisations including A, B
        // and C, aims to ...": the names end with the clause.
        ", which is led by ",
        ", which involves ",
        " made up of ",
        // "Knowsley Community Safety Partners, including A, B and C"
        ", including ",
        " made up from ",
        " brings together ",
        " comprises ",
        " comprised of ",
        " consists of ",
        " includes ",
        " include ",
        " together including ",
    ];
    let folded = crate::text::matching::Folded::new(text);
    let lower = folded.lower.as_str();
    let mut start = 0;
    for sentence in lower.split_inclusive(". ") {
        let here = start;
        let end = here + sentence.trim_end_matches(". ").len();
        start += sentence.len();
        let Some((cue, p)) = CUES
            .iter()
            .filter_map(|c| lower[here..end].find(c).map(|p| (c, here + p)))
            .min_by_key(|(_, p)| *p)
        else {
            continue;
        };
        // The partnership's own members, not what partnerships in general are
        // made of ("Community Safety Partnerships were made up of representatives
        // from ... such as police, ..."); "They are made up of" when the sentence
        // before speaks of the partnership.
        let subject = &lower[here..p];
        let general = ["partnerships", "csps", "csp's", "such as"]
            .iter()
            .any(|g| subject.contains(g) || lower[p..end].contains(g));
        let names_it = |t: &str| {
            ["partnership", "csp", "cdp", "community safety partners"]
                .iter()
                .any(|n| t.contains(n))
        };
        // "They are made up of ...", "Partners include ...", after a sentence
        // about the partnership.
        let pronoun = [
            "they ",
            "it ",
            "partners ",
            "its partners ",
            "members ",
            "its members ",
        ]
        .iter()
        .any(|o| format!("{subject} ").starts_with(o))
            && (names_it(&lower[..here]) || names_it(before));
        if general || !(names_it(subject) || pronoun) {
            continue;
        }
        // ", including" only after the partnership's own name ("Knowsley Community
        // Safety Partners, including ..."), not after partners in general ("a
        // commitment by partners, including ...").
        let own_name = ["community safety partners", "partnership"]
            .iter()
            .any(|n| subject.trim_end().ends_with(n));
        if *cue == ", including " && !own_name {
            continue;
        }
        let clause = p + cue.len();
        // The clause ends at the comma before the main verb (", includes local
        // ...", ", aims to ..."): the first after its "and" whose next word is
        // printed in lower case and is no name's ("the council", "and the fire
        // service").
        let main_verb = |q: usize| {
            let next = text[folded.origin(q + 2)..].split_whitespace().next();
            next.is_some_and(|n| {
                n.starts_with(|c: char| c.is_lowercase())
                    && !["the", "and", "a", "an", "its", "their", "our"].contains(&n)
            })
        };
        let end = match cue.starts_with(", which ") {
            true => super::words::free_and(&lower[clause..end])
                .and_then(|a| {
                    lower[clause + a..end]
                        .match_indices(", ")
                        .map(|(c, _)| clause + a + c)
                        .find(|&q| main_verb(q))
                })
                .unwrap_or(end),
            false => end,
        };
        // "... brings together those authorities and includes A, B and C",
        // "... comprised of representatives from the police, council, ...": the
        // names start after the last words that introduce them.
        let from = [
            "includes ",
            "including ",
            "include ",
            "representatives from ",
            "officers from ",
        ]
        .iter()
        .filter_map(|c| lower[p..end].rfind(c).map(|q| p + q + c.len()))
        .max()
        .unwrap_or(p + cue.len());
        // "... Tees Valley Clinical Commissioning Group plus a range of other
        // partners": the names end where the others are spoken of.
        // ("-- a co-operative which includes A, B and C -- unveiled ...": the
        // dash closes the aside.)
        let end = [
            " plus ",
            " and other ",
            " and a range of other ",
            " -- ",
            " – ",
        ]
        .iter()
        .filter_map(|c| lower[from..end].find(c))
        .min()
        .map_or(end, |q| from + q);

        let list = &text[folded.origin(from)..folded.origin(end)];
        // "... representatives from all key local public agencies (A, B, ... and
        // F) and is committed to ...": the names are the bracket's.
        let list = match (list.find(" ("), list.find(')')) {
            (Some(open), Some(close)) if open < close && !list[..open].contains(',') => {
                &list[open + 2..close]
            }
            _ => list,
        };
        let names = split_names(list.trim_start_matches("the "));
        let why = "the responsible authorities below are the members this sentence names whose names say which authority they are: check them";
        if write_members(w, prose.then_some(text), &names, why) {
            return Some(at + 1);
        }
    }
    None
}

/// The members of a list or sentence: those whose names say which responsible
/// authority they are become `@authority` blocks (three at least, or the list is
/// not about them), after `prose` if given; the others (a voluntary body, the
/// commissioner's office) are named in the note and stay prose only. Whether it
/// wrote them.
fn write_members(w: &mut Writer, prose: Option<&str>, names: &[String], why: &str) -> bool {
    // "the National Probation Service and the Community Rehabilitation
    // Company": two members; "the" is not part of a name.
    let names: Vec<String> = names
        .iter()
        .flat_map(|n| n.split(" and the ").map(str::to_string).collect::<Vec<_>>())
        .flat_map(|n| split_after_authority(w, &n))
        .map(|n| {
            let n = one_line(n.trim());
            match n.strip_prefix("the ").or_else(|| n.strip_prefix("The ")) {
                Some(rest) if rest.starts_with(|c: char| c.is_uppercase()) => rest.to_string(),
                _ => n,
            }
        })
        .filter(|n| !n.is_empty())
        .collect();
    let (known, others): (Vec<_>, Vec<_>) =
        names.into_iter().partition(|n| kind_in(w, n).is_some());
    if known.len() < 3 {
        return false;
    }
    if let Some(prose) = prose {
        w.prose(prose);
    }
    let others = match others.is_empty() {
        true => String::new(),
        false => format!(
            "; not recognised as responsible authorities, and left as prose: {}",
            others.join("; ")
        ),
    };
    w.note(0, &format!("{why}{others}"));
    for name in known {
        authority(w, &name);
    }
    w.gap();
    true
}

/// "the NHS and Nottingham City Homes": two members, when what comes before the
/// "and" is an authority by itself and the "and" is not inside a name ("Fire and
/// Rescue", "Police and Crime").
fn split_after_authority(w: &Writer, name: &str) -> Vec<String> {
    use super::words::BOUND;
    let lower = name.to_ascii_lowercase();
    for (p, _) in lower.match_indices(" and ") {
        let inside = BOUND.iter().any(|b| {
            lower
                .match_indices(b)
                .any(|(q, _)| q <= p && p < q + b.len())
        });
        let (left, right) = (&name[..p], &name[p + 5..]);
        if !inside && kind_in(w, left).is_some() {
            let mut out = vec![left.trim().to_string()];
            out.extend(split_after_authority(w, right));
            return out;
        }
    }
    vec![name.to_string()]
}

/// "Our partners", "The partnership includes:", "Membership": a line that
/// introduces the partnership's members, one to a line or list item after it.
/// The authorities among them are written as `write_members` does, then the
/// lines as prose. The block after the list, when it was one of authorities.
pub(super) fn members_list(
    w: &mut Writer,
    blocks: &[Block],
    at: usize,
    text: &str,
    plan: &Plan,
) -> Option<usize> {
    // The line, or the last sentence of a paragraph ("The Community Safety
    // Partnership is made up of the key organisations ... The partnership
    // includes:").
    // "The partners include...": the dots stand where the colon belongs.
    let lower = text.trim().trim_end_matches([':', '.', '…']).to_lowercase();
    let lower = lower.rsplit(". ").next().unwrap_or(&lower).to_string();
    let introduces = matches!(
        lower.as_str(),
        "our partners"
            | "partners"
            | "membership"
            | "our members"
            | "members"
            | "partner organisations"
            | "our partner organisations"
    ) || (lower.starts_with("the partnership")
        && (lower.ends_with(" includes") || lower.ends_with(" include")))
        // "Partners that contribute to the CSP are:", "The partner agencies, all
        // working together to keep Stevenage safe ..., include:"
        || ([
            "partners ",
            "the partners ",
            "members ",
            "the members ",
            "partner agencies",
            "the partner agencies",
        ]
        .iter()
        .any(|o| lower.starts_with(o))
            && [" are", " include", " includes"].iter().any(|e| lower.ends_with(e)))
        // "The partnership is made up of the following members:"
        || [
            "following members",
            "following organisations",
            "following partners",
            // "The group includes representatives from"
            "includes representatives from",
            "include representatives from",
        ]
        .iter()
        .any(|e| lower.ends_with(e))
        // "... membership of the Partnership comprises representation from a wide
        // range of stakeholders and organisations including"
        || (lower.contains("membership")
            && [" including", " include", " includes", " comprises"]
                .iter()
                .any(|e| lower.ends_with(e)))
        // "Other statutory members are from the following key agencies:"
        // (a list of lines; a list of items after "The responsible authorities
        // are:" is read as the authorities' section).
        || (lower.contains("statutory")
            && names_them(&lower)
            && text.trim_end().ends_with(':')
            && matches!(blocks.get(at + 1), Some(Block::Paragraph(_))));
    if !introduces || w.summary.blocks_of("authority") > 0 {
        return None;
    }
    // The names run up to a longer line, or to the line that introduces the
    // priorities ("Our priorities").
    let end = (at + 1..blocks.len())
        .find(|&j| {
            let short_name = match &blocks[j] {
                Block::Item { text, .. } | Block::Paragraph(text) => {
                    super::words::is_name_like(text) && super::words::words(text) <= 10
                }
                _ => false,
            };
            !short_name || plan.lists.iter().any(|l| l.intro == j)
        })
        .unwrap_or(blocks.len());
    // A line may name two ("Thames Valley Police Authority, Royal Berkshire Fire
    // and Rescue Service"): it is split when each part is an authority.
    let mut names = Vec::new();
    for b in &blocks[at + 1..end] {
        let (Block::Item { text, .. } | Block::Paragraph(text)) = b else {
            continue;
        };
        let parts = split_names(text);
        if parts.len() > 1 && parts.iter().all(|p| kind_in(w, p).is_some()) {
            names.extend(parts);
        } else {
            names.push(text.clone());
        }
    }
    let why = "the responsible authorities below are the members listed after them whose names say which authority they are: check them";
    if !write_members(w, Some(text), &names, why) {
        return None;
    }
    for b in &blocks[at + 1..end] {
        super::writer::prose_block(w, b);
    }
    w.gap();
    Some(end)
}

/// A body's name: short, and opening with a capital.
fn is_name(text: &str) -> bool {
    let t = text.trim();
    t.starts_with(|c: char| c.is_uppercase()) && super::words::is_name_like(t)
}

/// The members a paragraph already written as prose names ("The partnership,
/// which is led by A, B and C, ... these serious priority issues: ..."), when no
/// section lists them: their blocks, after it.
pub(super) fn members_of_written(w: &mut Writer, at: usize, text: &str, plan: &Plan) {
    if !plan.authority_section && w.summary.blocks_of("authority") == 0 {
        members_sentence(w, at, text, "", false);
    }
}

/// "The responsible authorities are: A, B and C", when no section lists them.
pub(super) fn sentence(
    w: &mut Writer,
    blocks: &[Block],
    at: usize,
    text: &str,
    plan: &Plan,
) -> Option<usize> {
    if plan.authority_section || w.summary.blocks_of("authority") > 0 {
        return None;
    }
    let lower = text.to_lowercase();
    // "The responsible authorities for the Safer Anytown Partnership are A, B
    // and C.": the names after its "are", when no colon comes first.
    let after_are = lower
        .starts_with("the responsible authorities ")
        .then(|| lower.find(" are "))
        .flatten()
        .filter(|p| !lower[..*p].contains(':') && lower.len() == text.len())
        .map(|p| &text[p + " are ".len()..]);
    if let Some(list) = after_are.filter(|l| !l.trim_start().starts_with(':')) {
        let names = split_names(&protect_bold(list));
        if names.len() >= 3 && names.iter().all(|n| is_name(n)) {
            w.prose(text);
            w.note(
                0,
                "the responsible authorities below are taken from this sentence: check them",
            );
            for name in names {
                authority(w, &strip_markup(&name));
            }
            w.gap();
            return Some(at + 1);
        }
    }
    // "Statutory partners included: A, B and C together with other partners
    // including ...": a short label that names them, then the names.
    let labelled = lower
        .split_once(':')
        .is_some_and(|(label, _)| words(label) <= 6 && names_them(label));
    if !lower.starts_with("the responsible authorities are") && !labelled {
        // The paragraph just above may say whose members they are ("The Tamworth
        // Community Safety Partnership brings together ...", then "Partners
        // include ...").
        let before = match at.checked_sub(1).map(|p| &blocks[p]) {
            Some(Block::Paragraph(t)) => t.to_lowercase(),
            _ => String::new(),
        };
        return members_sentence(w, at, text, &before, true);
    }
    let (_, list) = text.split_once(':')?;
    // The names end where the other partners are spoken of.
    let list_lower = list.to_ascii_lowercase();
    let end = [" together with ", " plus ", " and other "]
        .iter()
        .filter_map(|c| list_lower.find(c))
        .min()
        .unwrap_or(list.len());
    let list = &list[..end];
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

/// The kind of authority a name is in this document: "the Council" (or "The
/// Borough Council", "council") is the area's own council, of the kind its tier
/// has.
fn kind_in(w: &Writer, name: &str) -> Option<&'static str> {
    let lower = name.trim().to_lowercase();
    let bare = lower.strip_prefix("the ").unwrap_or(&lower);
    match bare {
        // "Local Authorities" among the kinds of member: the area's council.
        "council" | "borough council" | "city council" | "district council" | "local authority"
        | "local authorities" => w.area_council.or_else(|| kind_of(name)),
        _ => kind_of(name),
    }
}

/// The kind of responsible authority a name says it is, if it says.
fn kind_of(name: &str) -> Option<&'static str> {
    let lower = name.to_lowercase();
    if lower.contains("community safety partnership") || lower.contains("commissioner") {
        None
    } else if lower == "health" || lower.starts_with("health service") {
        Some("health")
    } else if lower.contains("ambulance") || lower.ends_with("nhs trust") {
        // An ambulance or hospital trust provides care; the health body the Act
        // names is the one that commissions it (the CCG, now the ICB).
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
        || lower.contains("public health")
        || lower.contains("foundation trust")
        || lower.contains("health care")
    {
        Some("health")
    } else if lower.contains("probation") || lower.contains("rehabilitation company") {
        Some("probation")
    } else if let Some(kind) = council_kind(name) {
        Some(kind)
    } else if let Some(kind) = council_initials(name.trim()) {
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

/// "WSCC", "NYCC", "SBC": a council known by its initials, which end with
/// those of its kind ("County Council", "Borough" or "District Council"); not
/// the Commissioner's office ("OPCC").
fn council_initials(name: &str) -> Option<&'static str> {
    let initials = (3..=5).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_uppercase());
    if !initials || name.contains("PCC") {
        return None;
    }
    if name.ends_with("CC") {
        Some("county-council")
    } else if name.ends_with("BC") || name.ends_with("DC") {
        Some("district-council")
    } else {
        None
    }
}

/// One name: an `@authority` of the kind its words say, or a `@body`. A note in
/// brackets after the name ("National Probation Service (merged with CRC)") is
/// not part of it.
fn authority(w: &mut Writer, name: &str) {
    // "Community Rehabilitation Company," in a list: the comma is the list's.
    let printed = one_line(name).trim_end_matches(',').trim_end().to_string();
    let name = match printed.rsplit_once(" (") {
        Some((bare, note))
            if note.ends_with(')') && note.starts_with(|c: char| c.is_lowercase()) =>
        {
            bare.to_string()
        }
        _ => printed.clone(),
    };
    // "Hertfordshire County Council including Hertfordshire Fire and Rescue
    // Service": the name, and what it takes in kept in the comment.
    let name = match name.split_once(" including ") {
        Some((bare, _)) if kind_in(w, bare).is_some() => bare.to_string(),
        _ => name,
    };
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
    if printed != name {
        w.comment(1, &format!("printed as \"{printed}\""));
    }
}
