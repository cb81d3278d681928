//! What introduces a list of priorities or themes: the line's ending and length,
//! the kind it names, how many entries it announces, and the lines that look like
//! an introduction but are not (a list of people, a contents entry).

use super::priorities::{strip_label, ListKind};
use super::words::{is_name_like, words};
use crate::import::Block;

/// A short line that reads as the heading of the list ("Our priorities", "Key
/// priorities 2024/25", "5 Our Priorities 2018 – 2020" in a copied contents
/// page): it names the priorities (or themes), with nothing after but years.
pub(super) fn names_its_list(text: &str) -> bool {
    let lower = text.to_lowercase();
    let lower = lower.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
    let Some(at) = ["priorities", "themes"]
        .iter()
        .find_map(|k| lower.rfind(k).map(|p| p + k.len()))
    else {
        return false;
    };
    let only_years = lower[at..].split_whitespace().all(|w| {
        w == "for"
            || w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '–' | '/'))
    });
    only_years && is_name_like(text) && words(lower) <= 6
}

/// "Our aim is to improve the quality of life ... by:", "Our values are:": a
/// line that introduces a list of another kind than priorities or themes (aims,
/// a vision, values, principles), though a heading above it ("Partnership aims
/// and priorities") names priorities too.
pub(super) fn introduces_another_kind(lower: &str) -> bool {
    const OTHER: [&str; 6] = ["aim", "vision", "value", "principle", "ambition", "mission"];
    kind_named(lower).is_none()
        && lower.split(|c: char| !c.is_alphabetic()).any(|w| {
            OTHER
                .iter()
                .any(|o| w == *o || w.strip_suffix('s') == Some(o))
        })
}

/// The last sentence of a paragraph.
pub(super) fn last_sentence(text: &str) -> &str {
    let t = text.trim_end();
    match t.rfind(". ") {
        Some(p) if p + 2 < t.len() => &t[p + 2..],
        _ => t,
    }
}

/// A heading or paragraph that introduces a list, by its ending and its length:
/// `Some(false)` when it does, `Some(true)` when it is long (over 30 words) and
/// introduces only a clean list of short items, `None` when it does not.
pub(super) fn introduces(lower: &str, is_heading: bool) -> Option<bool> {
    let lower = lower.trim_end();
    let long_cue = [
        "are:",
        "were:",
        "as:",
        "namely:",
        "as follows:",
        "following:",
        "priorities:",
        "themes:",
        "topics:",
        "areas:",
        // "... key priorities and associated areas of focus:"
        "focus:",
        "include:",
        "will:",
        "be:",
    ]
    .iter()
    .any(|c| lower.ends_with(c))
        || counts_its_entries(lower)
        || (lower.ends_with(':') && opens_by_naming_them(lower))
        || lower.ends_with("priorities")
        || lower.ends_with("priority areas")
        || lower.contains("the following");
    let limit = if long_cue { 30 } else { 8 };
    let n = words(lower);
    if !(is_heading || lower.ends_with(':') || long_cue) {
        None
    } else if n <= limit {
        Some(false)
    } else if (long_cue && lower.ends_with(':') && n <= 60)
        || (says_what_they_are(lower) && n <= 40)
    {
        Some(true)
    } else {
        None
    }
}

/// "The 2023-24 Strategic Assessment confirmed that the priorities identified in
/// the Strategy are still current:": a sentence that says what the priorities are
/// and ends with its colon introduces a clean list of short items ("The
/// priorities set out in this agreement link to ... plans including:" does not).
fn says_what_they_are(lower: &str) -> bool {
    let Some(at) = ["priorities", "themes"].iter().find_map(|k| lower.find(k)) else {
        return false;
    };
    let rest = &lower[at..];
    // "... in agreeing the priorities that the Partnership will focus upon in
    // this plan:" says so too.
    let says = [" are ", " were ", " will focus ", " to focus "];
    lower.ends_with(':') && says.iter().any(|s| rest.contains(s))
}

/// "The priorities are (in no particular order)", then the list: a short line that
/// ends where a colon belongs ("are", "were", "as follows"), perhaps before a short
/// aside in brackets, introduces the list items after it as if the colon were
/// printed. The aside is dropped from the introduction it returns.
pub(super) fn colon_implied(lower: &str, next: Option<&Block>) -> Option<String> {
    // "... for 2017-2020 were;": a semicolon where the colon belongs.
    let mut line = lower.trim_end().trim_end_matches(';').trim_end();
    if let Some(open) = line.rfind(" (").filter(|_| line.ends_with(')')) {
        if words(&line[open..]) <= 6 {
            line = line[..open].trim_end();
        }
    }
    let ends_open = [" are", " were", " as follows", " include"]
        .iter()
        .any(|e| line.ends_with(e));
    let list_next = match next {
        Some(Block::Item { .. }) => true,
        Some(Block::Paragraph(t)) => {
            strip_label(t) != t.as_str() || super::titles::run_together_titles(t).is_some()
        }
        _ => false,
    };
    if ends_open && list_next && words(line) <= 12 && !line.contains(". ") {
        return Some(format!("{line}:"));
    }
    // "This process identifies the main local priorities which the CSP will
    // focus on over the next 12 months (April 2018- March 2019)", then bullets:
    // a sentence that names the priorities and runs into the list, with no full
    // stop, introduces it as if the colon were printed.
    let sentence = last_sentence(line);
    let bullets_next = matches!(next, Some(Block::Item { .. }));
    let names_them = sentence.contains("priorities") && !sentence.contains("theme");
    // ("The priorities were reviewed; the board agreed them" goes on about them.)
    (bullets_next
        && names_them
        && !sentence.contains(';')
        && !line.ends_with(['.', ':', '!', '?'])
        && words(sentence) <= 30
        && words(sentence) >= 6)
        .then(|| format!("{line}:"))
}

/// "There are 100 target areas for action - split into seven main categories.",
/// then seven list items: a last sentence that counts its entries and ends with
/// its full stop introduces exactly that many items after it, as if the colon
/// were printed. Counted as "categories", "strands" or "problems" (words that also
/// count a data section's crime types), every entry must say what will be done
/// ("Reducing youth crime ...", "Cutting drugs ...").
pub(super) fn counted_before_items(whole: &str, blocks: &[Block], i: usize) -> Option<String> {
    let sentence = last_sentence(whole.trim_end()).strip_suffix('.')?;
    let count = super::shapes::counted_noun(sentence)?;
    let Some(Block::Item { level, .. }) = blocks.get(i + 1) else {
        return None;
    };
    let items: Vec<&str> = blocks[i + 1..]
        .iter()
        .map_while(|b| match b {
            Block::Item { level: l, text } if l == level => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let named = kind_named(sentence).is_some();
    let actions = items.iter().all(|t| {
        t.split_whitespace()
            .next()
            .is_some_and(|w| w.len() > 4 && w.ends_with("ing") && w.starts_with(char::is_uppercase))
    });
    (items.len() == count && (named || actions))
        .then(|| format!("{}:", whole.trim_end().trim_end_matches('.')))
}

/// "... has agreed six priority areas for 2024/25 which ...:", "The three
/// priorities for the coming year would be:": the introduction says how many.
pub(super) fn counts_its_entries(lower: &str) -> bool {
    entries_counted(lower).is_some()
}

/// "Our key priorities are tackling the issues most affecting our communities
/// ...:": a sentence that opens by saying what the priorities are (not "The
/// priorities set out in this agreement link to ... plans including:").
pub(super) fn opens_by_naming_them(lower: &str) -> bool {
    let rest = ["our ", "the "].iter().find_map(|o| lower.strip_prefix(o));
    let rest = rest.map(|r| {
        ["key ", "strategic ", "main "]
            .iter()
            .find_map(|k| r.strip_prefix(k))
            .unwrap_or(r)
    });
    rest.is_some_and(|r| {
        ["priorities are ", "priorities were ", "priorities will be "]
            .iter()
            .any(|p| r.starts_with(p))
    })
}

/// How many entries an introduction says it introduces, if it says.
pub(super) fn entries_counted(lower: &str) -> Option<usize> {
    // "5 Our Priorities 2018 – 2020": a section's number is no count.
    let lower = match lower.split_once(' ') {
        Some((n, rest))
            if n.trim_end_matches('.')
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.') =>
        {
            rest
        }
        _ => lower,
    };
    let Some(at) = ["priorities", "priority areas", "themes", "key areas"]
        .iter()
        .find_map(|k| lower.find(k))
    else {
        // "... split into seven main categories:"
        return super::shapes::counted_noun(lower);
    };
    super::shapes::announced(lower, at).or_else(|| super::shapes::count_before_colon(lower))
}

/// The kind of list a sentence introduces, and whether it calls them themes
/// ("the vision for key themes:") rather than priorities or cross-cutting themes.
pub(super) fn kind_named(lower: &str) -> Option<(ListKind, bool)> {
    let cross = ["cross-cutting", "cross cutting", "crosscutting"];
    if cross.iter().any(|c| lower.contains(c)) {
        Some((ListKind::Theme, false))
    } else if (lower.contains("priorities")
        || lower.contains("priority areas")
        || lower.contains("priority outcomes")
        || lower.contains("main focus")
        // "a number of key areas had been identified for the Partnership to focus
        // resources on"
        || (lower.contains("key areas") && lower.contains("focus"))
        || lower.contains("areas of focus")
        || lower.contains("focus areas"))
        && !lower.contains("theme")
    {
        Some((ListKind::Priority, false))
    } else if lower.contains("themes") {
        Some((ListKind::Priority, true))
    } else {
        None
    }
}

/// The sentence of a paragraph that introduces its list: the last, or, when the
/// last names no list, goes on about the one before it ("This is due to ...",
/// "These ...") and ends with a colon ("In addition, the following crosscutting
/// topics will be considered. This is due to ...:"), the one before it when it
/// says "the following" (read as ending with the colon).
pub(super) fn introducing_sentence(whole: &str) -> String {
    let last = last_sentence(whole);
    let goes_on = ["this ", "these ", "they ", "it "]
        .iter()
        .any(|w| last.starts_with(w))
        || last.contains(" these ");
    if kind_named(last).is_some() || !whole.trim_end().ends_with(':') || !goes_on {
        return last.to_string();
    }
    let before = whole[..whole.len() - last.len()].trim_end();
    let previous = last_sentence(before);
    if previous.contains("the following") && kind_named(previous).is_some() {
        return format!("{}:", previous.trim_end_matches('.'));
    }
    // "... support the priorities set out in the Plan. These include:": a last
    // sentence of a pronoun and its verb only introduces what the one before names;
    // so does one that speaks of "these" ("An update was given on each of these
    // four areas:").
    if (words(last) <= 3 || last.contains(" these ")) && kind_named(previous).is_some() {
        return format!("{} {last}", previous.trim_end_matches('.'));
    }
    last.to_string()
}

/// "Andrea Clemons, Head of Community Safety", "Cllr Nneka Keazor, Cabinet
/// Member for ...": a person's name, then their role.
pub(super) fn names_a_person(entry: &str) -> bool {
    const ROLES: [&str; 14] = [
        "member",
        "director",
        "head of",
        "officer",
        "manager",
        "chief",
        "superintendent",
        "inspector",
        "chair",
        "councillor",
        "executive",
        "lead for",
        "commissioner",
        "cllr",
    ];
    let Some((name, role)) = entry.split_once(", ") else {
        return false;
    };
    let capitalised = name
        .split_whitespace()
        .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    let role = role.to_lowercase();
    capitalised && (2..=4).contains(&words(name)) && ROLES.iter().any(|r| role.contains(r))
}

/// Whether `text` holds one of the words a list's kind is named with
/// ("priorities", "themes", "focus", "cross-cutting"), in any case: one pass over
/// its bytes, nothing allocated.
pub(super) fn mentions_a_kind(text: &str) -> bool {
    const STEMS: [&[u8]; 4] = [b"priorit", b"theme", b"focus", b"cross"];
    let bytes = text.as_bytes();
    (0..bytes.len()).any(|at| {
        let rest = &bytes[at..];
        STEMS
            .iter()
            .any(|s| rest.len() >= s.len() && rest[..s.len()].eq_ignore_ascii_case(s))
    })
}
