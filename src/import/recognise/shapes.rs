//! More shapes of a list of priorities or themes, as English plans print them.
//!
//! - a numbered list run into one paragraph, as text copied from a PDF's contents
//!   page or a web transcription prints it ("Priorities 1. A 2. B 3. C");
//! - the entries named in a sentence: "This process identified 3 main priorities:
//!   A; B; and C.", "Running through every priority are three cross-cutting themes:
//!   early intervention, victims, and communities.", or a sentence naming the
//!   cross-cutting themes followed by "These were A; B; and C.";
//! - an entry printed with its description: "Increased Community safety – more
//!   people feel safer." (the title is what comes before the dash).
//!
//! Each check reads a paragraph once, left to right: linear in its length.

use super::lead_lines::LEAD_NAMES;
use super::priorities::{split_including, FoundList, ListKind};
use super::words::{is_name_like, one_line, split_names, strip_markup, words};
use crate::import::Block;

/// `Title – what it means`: the title, when what follows the dash is a description
/// (it opens in lower case) and the title is short.
pub(super) fn split_description(text: &str) -> Option<&str> {
    // "Reducing Crime which would be delivered by reducing re-offending ...".
    for cue in [
        " which would be delivered by ",
        " which will be delivered by ",
        " which will be achieved by ",
    ] {
        if let Some((title, _)) = text.split_once(cue) {
            if is_name_like(title) && words(title) <= 10 {
                return Some(title.trim());
            }
        }
    }
    // "Supporting our Communities to build Resilience (PHA) community consensus,
    // Lived Experiences etc": an abbreviation in brackets, then what it means;
    // "Exploitation of adults and children (The manipulation and ..." whose
    // bracket never closes (the page broke the entry in two).
    if let Some((title, rest)) = text.split_once(" (") {
        let unclosed = !rest.contains(')') && words(rest) >= 4;
        // Not one that abbreviates the words before it ("Domestic Violence and
        // Abuse (DVA) reports across ...": the sentence goes on).
        let initials: String = title
            .split_whitespace()
            .filter(|w| !["and", "of", "the", "&"].contains(w))
            .filter_map(|w| w.chars().next())
            .collect();
        let after_abbreviation = rest.split_once(") ").is_some_and(|(abbr, more)| {
            !initials.ends_with(abbr)
                && abbr.chars().all(|c| c.is_uppercase())
                && more.starts_with(|c: char| c.is_lowercase())
                && !["and ", "or ", "& "].iter().any(|c| more.starts_with(c))
        });
        if (unclosed || after_abbreviation) && is_name_like(title) && words(title) <= 10 {
            return Some(title.trim());
        }
    }
    // "supporting vulnerable people (the focus here is initially upon ...)": a
    // title, then what it means in brackets, in lower case and at some length.
    if let Some((title, aside)) = text.trim_end_matches('.').split_once(" (") {
        let aside = aside.strip_suffix(')').unwrap_or(aside);
        if aside.starts_with(|c: char| c.is_lowercase())
            && words(aside) >= 5
            && !aside.starts_with("to include")
            && !aside.starts_with("including")
            && is_name_like(title)
            && words(title) <= 8
        {
            return Some(title.trim());
        }
    }
    for dash in [" – ", " — ", " - "] {
        if let Some((title, rest)) = text.split_once(dash) {
            let title = title.trim();
            // Or a sentence of its own ("Anti-social behaviour - A multi agency
            // ASB panel meets to address high level issues").
            let rest = rest.trim_start();
            let sentence = ["A ", "An ", "The ", "This ", "We ", "Our "]
                .iter()
                .any(|a| rest.starts_with(a))
                && words(rest) >= 6;
            let described = rest.starts_with(|c: char| c.is_lowercase()) || sentence;
            if described && is_name_like(title) && words(title) <= 8 && !title.contains(',') {
                return Some(title);
            }
        }
    }
    None
}

/// The number words a sentence may count its entries with.
const COUNTS: [&str; 10] = [
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
];

/// How many entries the words just before `at` in `lower` announce ("3 main
/// priorities", "three cross-cutting themes"), if they announce a number.
pub(super) fn announced(lower: &str, at: usize) -> Option<usize> {
    lower[..at].split_whitespace().rev().take(3).find_map(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.parse::<usize>()
            .ok()
            .filter(|n| (2..=12).contains(n))
            .or_else(|| COUNTS.iter().position(|c| *c == w).map(|p| p + 2))
    })
}

/// How many entries an introduction ending with a colon counts, if it counts them
/// in the words before the colon ("... focus on five key areas which were:").
pub(super) fn count_before_colon(lower: &str) -> Option<usize> {
    let body = lower.trim_end().strip_suffix(':')?;
    let words: Vec<&str> = body.split_whitespace().collect();
    let from = words.len().saturating_sub(6);
    (from..words.len()).rev().find_map(|i| {
        let w = words[i].trim_matches(|c: char| !c.is_alphanumeric());
        // "for the next five years are:", "over the next 12 months" count time,
        // not entries.
        let of_years = words.get(i + 1).is_some_and(|n| {
            ["year", "-year", "month", "week"]
                .iter()
                .any(|t| n.starts_with(t))
        });
        if of_years || w.ends_with("-year") {
            return None;
        }
        w.parse::<usize>()
            .ok()
            .filter(|n| (2..=12).contains(n))
            .or_else(|| COUNTS.iter().position(|c| *c == w).map(|p| p + 2))
    })
}

/// Words that make a sentence about someone else's list, or last year's.
fn not_this_documents(lower: &str) -> bool {
    [
        "police and crime plan",
        "police & crime plan",
        "commissioner",
        "previous",
        "last year",
        "achieved",
        "progress",
        "sub-group",
        "subgroup",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// The kind a sentence names, and where the name ends: "priorities" or
/// "cross-cutting themes" ("Drugs, alcohol and Mental Health cut across all of
/// these topics": themes, named before the words).
fn names_kind(lower: &str) -> Option<(ListKind, usize)> {
    for cue in [
        "cross-cutting themes",
        "cross cutting themes",
        " cut across ",
        " cuts across ",
    ] {
        if let Some(at) = lower.find(cue) {
            return Some((ListKind::Theme, at));
        }
    }
    // "these serious priority issues: A; B; and C", "Every year, we prioritise a
    // number of key issues ...: A, B and C".
    [
        "priorities",
        "priority areas",
        "priority issues",
        "prioritise ",
    ]
    .iter()
    .filter_map(|k| lower.find(k))
    .min()
    .map(|at| (ListKind::Priority, at))
}

/// "Hate crime, anti-social behaviour and reducing serious violence have all been
/// identified as priorities", "A, B and C are some of the priorities ...": the
/// entries named before the words that call them priorities. Where those words
/// start, when the sentence opens with its entries.
fn names_before(lower: &str, at: usize) -> Option<usize> {
    // "... cut across all of these topics": the names end where the words start.
    if lower[at..].starts_with(" cut across ") || lower[at..].starts_with(" cuts across ") {
        return Some(at);
    }
    const CALLED: [&str; 8] = [
        " have all been identified as ",
        " have been identified as ",
        " were identified as ",
        " are some of the ",
        " are among the ",
        " are the ",
        " are our ",
        " will be the ",
    ];
    let head = &lower[..at];
    CALLED.iter().find_map(|c| {
        let p = head.rfind(c)?;
        // Only the key words may stand between them and the list's name.
        let between = &head[p + c.len()..];
        (words(between) <= 2 && !between.contains(',')).then_some(p)
    })
}

/// "... the partnership has identified A, B and C as its key priorities": the
/// entries between the verb and the words that call them priorities. Where they
/// start and end, when the sentence names them so.
fn named_as(lower: &str, at: usize) -> Option<(usize, usize)> {
    const VERBS: [&str; 5] = ["identified ", "agreed ", "chosen ", "selected ", "set "];
    let head = &lower[..at];
    let end = head.rfind(" as ")?;
    // Only "its", "their", "our" and the key words between "as" and the name.
    let between = &head[end + " as ".len()..];
    if words(between) > 3 || between.contains(',') {
        return None;
    }
    let start = VERBS
        .iter()
        .filter_map(|v| head[..end].rfind(v).map(|p| p + v.len()))
        .max()?;
    (start < end).then_some((start, end))
}

/// The sentences of a paragraph: each ends at ". " (or the end).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(p) = rest.find(". ") {
        out.push(&rest[..p + 1]);
        rest = &rest[p + 2..];
    }
    if !rest.trim().is_empty() {
        out.push(rest);
    }
    out
}

/// "... highlighted three key crime problems which must urgently be given extra
/// attention.", then a paragraph "Violent crime, youth problems and burglaries will
/// be tackled with a fresh approach in Bolton's new crime fighting strategy ...":
/// the last sentence of a paragraph counts, and the next opens with exactly as
/// many short names, then what the strategy or plan will do about them.
fn named_in_the_next(lower: &str, blocks: &[Block], i: usize) -> Option<FoundList> {
    let count = counted_noun(lower)?;
    let Some(Block::Paragraph(next)) = blocks.get(i + 1) else {
        return None;
    };
    let first = sentences(next).into_iter().next()?;
    let (list, rest) = first.split_once(" will be ")?;
    let rest = rest.to_lowercase();
    if !["strategy", "plan"].iter().any(|w| rest.contains(w)) {
        return None;
    }
    let names = names_in(list, Some(count));
    if names.len() != count || names.iter().any(|n| words(n) > 4) {
        return None;
    }
    Some(FoundList::named_inline(
        ListKind::Priority,
        i,
        &names,
        i + 1,
    ))
}

/// What a sentence may count its entries as ("six key fronts", "seven new
/// areas").
const COUNTED: [&str; 8] = [
    "areas",
    "fronts",
    "issues",
    "themes",
    "categories",
    "problems",
    "priorities",
    "strands",
];

/// "split into seven main categories": how many entries a sentence counts with
/// one of the [`COUNTED`] words (within three words of the count), if it counts
/// them. "100 target areas" counts no entries.
pub(super) fn counted_noun(lower: &str) -> Option<usize> {
    if !COUNTED.iter().any(|c| lower.contains(c)) {
        return None;
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    words.iter().enumerate().find_map(|(n, w)| {
        let count = w
            .parse::<usize>()
            .ok()
            .filter(|c| (2..=12).contains(c))
            .or_else(|| COUNTS.iter().position(|c| c == w).map(|p| p + 2))?;
        words[n + 1..]
            .iter()
            .take(3)
            .any(|w| COUNTED.contains(&w.trim_end_matches([',', ':', '.'])))
            .then_some(count)
    })
}

/// "And the battle will be staged on six key fronts -- A, B, C, D, E and F.",
/// "the new scheme will target seven new areas, A, B, ... and G.": a count, what
/// it counts, then the entries, exactly as many as the count.
fn counted_in_a_sentence(lower: &str, sentence: &str, i: usize) -> Option<FoundList> {
    // Most sentences count nothing: a look for the counted words first.
    if !COUNTED.iter().any(|c| lower.contains(c)) {
        return None;
    }
    let words: Vec<(usize, &str)> = lower
        .split(' ')
        .scan(0, |at, w| {
            let here = *at;
            *at += w.len() + 1;
            Some((here, w))
        })
        .collect();
    let (n, count) = words.iter().enumerate().find_map(|(n, (_, w))| {
        let count = w
            .parse::<usize>()
            .ok()
            .filter(|c| (2..=12).contains(c))
            .or_else(|| COUNTS.iter().position(|c| c == w).map(|p| p + 2))?;
        Some((n, count))
    })?;
    // The counted word within three words, then the separator.
    let (at, noun) = words[n + 1..]
        .iter()
        .take(3)
        .find(|(_, w)| COUNTED.contains(&w.trim_end_matches([',', ':'])))?;
    let after = &lower[at + noun.trim_end_matches([',', ':']).len()..];
    let start = ["--", " --", " –", " —", " -", ",", ":"]
        .iter()
        .find(|s| after.starts_with(*s))
        .map(|s| at + noun.trim_end_matches([',', ':']).len() + s.len())?;
    let list = sentence.get(start..)?;
    let names = names_in(list, Some(count));
    if names.len() != count {
        return None;
    }
    Some(FoundList::named_inline(ListKind::Priority, i, &names, i))
}

/// "These were A; B; and C.": the list a sentence gives after words that point
/// back to the sentence before it.
fn pointed_back(next: &str) -> Option<&str> {
    let nl = next.to_lowercase();
    ["these were ", "these are ", "they are ", "they were "]
        .iter()
        .find(|o| nl.starts_with(*o))
        .and_then(|o| next.get(o.len()..))
}

/// `A; B; and C` or `A, B and C`: the names, or none when one is not a name.
/// A name is short (up to 8 words, 12 between semicolons, 14 when the sentence
/// counts its entries and the count matches), not counting what it includes
/// ("drug related harm (including ...)").
fn names_in(list: &str, counted: Option<usize>) -> Vec<String> {
    let list = list.trim().trim_end_matches('.').trim();
    let names: Vec<String> = if list.contains(';') {
        let parts: Vec<&str> = list
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let joined_by_and = parts.iter().any(|p| p.starts_with("and "));
        let mut names: Vec<String> = parts
            .iter()
            .map(|p| p.strip_prefix("and ").unwrap_or(p).trim().to_string())
            .collect();
        // "A; B; C and D": with no "; and", the last "and" joins the last two
        // entries, when each is a phrase of its own ("serious youth violence and
        // antisocial behaviour"), not a name's ("violence against women and girls").
        let last_two = match names.last().and_then(|l| l.rsplit_once(" and ")) {
            Some((a, b)) if !joined_by_and && words(a) >= 2 && words(b) >= 2 => {
                Some((a.trim().to_string(), b.trim().to_string()))
            }
            _ => None,
        };
        if let Some((a, b)) = last_two {
            names.pop();
            names.extend([a, b]);
        }
        names
    } else {
        split_names(list)
            .into_iter()
            .map(|p| p.strip_prefix("and ").unwrap_or(&p).trim().to_string())
            .collect()
    };
    // Entries set apart by semicolons may be longer ("continued response to the
    // impact of Covid-19 on people's safety; responding to Domestic abuse; ...").
    let longest = if counted == Some(names.len()) {
        14
    } else if list.contains(';') {
        12
    } else {
        8
    };
    let all_names = names.iter().all(|n| {
        let title = split_including(n).map(|(t, _)| t);
        let title = title.as_deref().unwrap_or(n);
        // "antisocial behaviour – a phrase that has been around ...".
        let title = split_description(title).unwrap_or(title);
        is_name_like(title) && words(title) <= longest && !n.contains(':')
    });
    if all_names {
        names
    } else {
        Vec::new()
    }
}

/// A paragraph that names its entries in a sentence: "... 3 main priorities that
/// shaped the new Strategy: A; B; and C." or "... the Cross Cutting Themes ...
/// These were A; B; and C." When the sentence counts the entries, the count must
/// match; otherwise nothing is taken.
///
/// Also returns what made it unsure about a sentence that seemed to name them (a
/// count that does not match, names that are not short): such a sentence stays
/// prose, with a note saying so.
pub(super) fn sentence_lists(blocks: &[Block], i: usize) -> (Vec<FoundList>, Vec<String>) {
    // A sentence in a paragraph, or in a list item ("• The SLP priorities were:
    // A; B; C and D.").
    let (Some(Block::Paragraph(text)) | Some(Block::Item { text, .. })) = blocks.get(i) else {
        return (Vec::new(), Vec::new());
    };
    let sentences = sentences(text);
    let mut out: Vec<FoundList> = Vec::new();
    let mut unsure = Vec::new();
    for (n, sentence) in sentences.iter().enumerate() {
        let lower = sentence.to_lowercase();
        // Places found in the lower-cased text are used in the original: only
        // where lower-casing kept the lengths.
        if lower.len() != sentence.len() {
            continue;
        }
        if not_this_documents(&lower) {
            continue;
        }
        let Some((kind, at)) = names_kind(&lower) else {
            // A sentence that names no kind may count its entries ("six key
            // fronts -- A, B, ...").
            let last = n + 1 == sentences.len();
            let list = counted_in_a_sentence(&lower, sentence, i)
                .or_else(|| last.then(|| named_in_the_next(&lower, blocks, i)).flatten())
                .or_else(|| {
                    let next = sentences.get(n + 1).copied();
                    super::prose_lists::means_called_priorities(sentence, next, i)
                });
            if let Some(list) = list {
                if !out.iter().any(|l| l.kind == list.kind) {
                    out.push(list);
                }
            }
            continue;
        };
        if out.iter().any(|l| l.kind == kind) {
            continue;
        }
        let before = names_before(&lower, at).and_then(|end| sentence.get(..end));
        // "Priorities for Safer Leeds this year are A, B, C and D.": the entries
        // after "are", a few words on from the name.
        // "The CSP's current priorities include A, B and C." likewise.
        // "... with priorities for 2022/23 being A, B, C, and D." likewise.
        let after_are = [" are ", " include ", " included ", " being "]
            .iter()
            .filter_map(|verb| lower[at..].find(verb).map(|p| (p, verb.len())))
            .min()
            .filter(|(p, _)| words(&lower[at..at + p]) <= 6 && !lower[at..at + p].contains(','))
            .and_then(|(p, len)| sentence.get(at + p + len..))
            .filter(|list| list.matches(',').count() >= 1)
            // Not "are focused on ...", "are published in ...", "are to ...".
            .filter(|list| {
                let first = list.split_whitespace().next().unwrap_or("").to_lowercase();
                !first.ends_with("ed")
                    && !["to", "as", "set", "being", "that", "not", "also"]
                        .contains(&first.as_str())
            });
        let named = named_as(&lower, at).and_then(|(s, e)| sentence.get(s..e));
        // Where the entries are printed: this paragraph, or the next when the
        // sentence ends this one ("... sets out six key strategic priorities."
        // then a paragraph "These are A, B, ...").
        let mut entries_at = i;
        let list = match lower[at..].find(": ") {
            Some(colon) => match sentence.get(at + colon + 2..) {
                Some(list) => list,
                None => continue,
            },
            None if before.is_some() => before.unwrap_or_default(),
            None if named.is_some() => named.unwrap_or_default(),
            None if after_are.is_some() => after_are.unwrap_or_default(),
            None => {
                let next = match (sentences.get(n + 1), blocks.get(i + 1)) {
                    (Some(next), _) => Some(*next),
                    (None, Some(Block::Paragraph(next))) => {
                        entries_at = i + 1;
                        Some(next.as_str())
                    }
                    _ => None,
                };
                match next.and_then(pointed_back) {
                    Some(list) => list,
                    None => continue,
                }
            }
        };
        let announced = announced(&lower, at);
        let names = names_in(list, announced);
        // A sentence that opens with when or who ("In 2024, ...", "We ...") does
        // not open with its entries.
        let opens_otherwise = names.first().is_some_and(|f| {
            let first = f.split_whitespace().next().unwrap_or("").to_lowercase();
            [
                "in", "for", "over", "during", "since", "after", "this", "these", "we", "it", "our",
            ]
            .contains(&first.as_str())
        });
        if before.is_some() && opens_otherwise {
            continue;
        }
        let what = match kind {
            ListKind::Priority => "priorities",
            ListKind::Theme => "cross-cutting themes",
        };
        let parts = list
            .split([';', ','])
            .filter(|p| !p.trim().is_empty())
            .count();
        if names.is_empty() && parts >= 2 {
            unsure.push(format!(
                "this sentence seems to name the {what}, but not as short names: left as prose; check it"
            ));
            continue;
        }
        if let Some(c) = announced.filter(|c| names.len() >= 2 && *c != names.len()) {
            unsure.push(format!(
                "this sentence announces {c} {what} but names {}: left as prose; check it",
                names.len()
            ));
            continue;
        }
        if names.len() < 2 {
            continue;
        }
        out.push(FoundList::named_inline(kind, i, &names, entries_at));
    }
    (out, unsure)
}

/// `Priority 1: X – what it means ... Priority 2: Y – ...` run into one paragraph
/// (a PDF's lines run together): the titles, up to the dash or the full stop
/// after each label. The numbers must run 1, 2, 3, ...
pub(super) fn run_in_labelled(blocks: &[Block], i: usize) -> Option<FoundList> {
    let Some(Block::Paragraph(text)) = blocks.get(i) else {
        return None;
    };
    let mut list = FoundList::new(ListKind::Priority, i);
    let mut rest = text.as_str();
    for n in 1.. {
        let label = format!("Priority {n}:");
        let Some(p) = rest.find(&label) else { break };
        let after = rest[p + label.len()..].trim_start();
        // A contents page's dotted leader ("Priority 2: Burglary of homes ......
        // 10") ends the title too.
        let end = [" – ", " — ", " - ", ". ", " .."]
            .iter()
            .filter_map(|e| after.find(e))
            .min()
            .unwrap_or(after.len());
        let title = after[..end].trim();
        if !is_name_like(title) || words(title) > 10 {
            return None;
        }
        list.push(title, i);
        rest = &after[end..];
    }
    if list.titles.is_empty() {
        list = unnumbered_contents_labels(text, i)?;
    }
    list.inline = true;
    (list.titles.len() >= 2).then_some(list)
}

/// "... 31 PRIORITY: Domestic abuse and sexual violence 32 PRIORITY: Alcohol-related
/// harm 41 Focus area: ...": a contents page run into one paragraph, whose entries
/// for the priorities carry the label without a number. Each title ends at its page
/// number; a label whose title has none is no contents entry, and nothing is taken.
fn unnumbered_contents_labels(text: &str, i: usize) -> Option<FoundList> {
    let mut list = FoundList::new(ListKind::Priority, i);
    for label in ["PRIORITY: ", "Priority: "] {
        for (p, _) in text.match_indices(label) {
            let after = &text[p + label.len()..];
            // Within the few words a title has: the rest of the paragraph is
            // not read again for every label.
            let page = after.split(' ').take(12).position(|w| {
                !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit())
            })?;
            let title = after.split(' ').take(page).collect::<Vec<_>>().join(" ");
            if page == 0 || !is_name_like(&title) || words(&title) > 10 {
                return None;
            }
            list.push(&title, i);
        }
    }
    Some(list)
}

/// A numbered list run into one paragraph straight after the word "Priorities":
/// "Community Safety Partnership Priorities 1. A 2. B 3. C. 18 Further
/// Information". The numbers must run 1, 2, 3, ...; the last entry ends at its
/// first full stop. A contents line of other headings is not taken.
pub(super) fn run_in_numbered(blocks: &[Block], i: usize) -> Option<FoundList> {
    let Some(Block::Paragraph(text)) = blocks.get(i) else {
        return None;
    };
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return None;
    }
    let start = lower
        .match_indices("priorities 1. ")
        .map(|(p, _)| p + "priorities ".len())
        .next()?;
    if not_this_documents(&lower[..start]) {
        return None;
    }
    let mut entries = Vec::new();
    let mut at = start + "1. ".len();
    if !text.is_char_boundary(at) {
        return None;
    }
    let mut n = 2;
    loop {
        let marker = format!(" {n}. ");
        match text[at..].find(&marker) {
            Some(p) => {
                entries.push(&text[at..at + p]);
                at += p + marker.len();
                n += 1;
            }
            None => {
                let rest = &text[at..];
                let end = rest.find(". ").map_or(rest.len(), |p| p + 1);
                entries.push(&rest[..end]);
                break;
            }
        }
    }
    let fits = |e: &&str| {
        let e = e.trim();
        e.starts_with(|c: char| c.is_uppercase()) && (1..=60).contains(&words(e))
    };
    if entries.len() < 3 || !entries.iter().all(fits) {
        return None;
    }
    let mut list = FoundList::new(ListKind::Priority, i);
    for e in entries {
        list.push(e.trim(), i);
    }
    list.inline = true;
    Some(list)
}

/// The names a table's priority column goes by.
const KEY_NAMES: [&str; 14] = [
    "priority",
    "priorities",
    "our priorities",
    "strategic priority",
    "strategic priorities",
    "priority area",
    "priority areas",
    "theme",
    "themes",
    "objective",
    "objectives",
    "strategic objective",
    "outcome",
    "outcomes",
];

/// A table with a priority column (Priority, Theme, Objective or Outcome, in any
/// place) beside columns that describe each one (what it means, what will be
/// done): the column's short cells are the priorities. A table with a lead column
/// is the leads table's; a column of long cells or repeated names is not a list.
pub(super) fn key_column(rows: &[Vec<String>], i: usize) -> Option<FoundList> {
    let header: Vec<String> = rows[0]
        .iter()
        .map(|c| one_line(&strip_markup(c)).to_lowercase())
        .collect();
    let has_lead = header.iter().any(|c| {
        let c = c.trim_end_matches(['(', 's', ')']);
        LEAD_NAMES.contains(&c) || LEAD_NAMES.contains(&format!("{c}s").as_str())
    });
    let key = header
        .iter()
        .position(|c| KEY_NAMES.contains(&c.as_str()))?;
    if has_lead || header.len() < 2 {
        return None;
    }
    let cells: Vec<String> = rows[1..]
        .iter()
        .filter_map(|r| r.get(key))
        .map(|c| one_line(&strip_markup(c)))
        .filter(|c| !c.is_empty())
        .collect();
    let distinct = cells
        .iter()
        .enumerate()
        .all(|(n, c)| !cells[..n].contains(c));
    let short = cells
        .iter()
        .all(|c| is_name_like(c.trim_end_matches('.')) || is_name_like(c));
    // The other columns describe each priority in words (an assessment's table of
    // counts or ticks against each priority is not its list).
    let body = &rows[1..];
    let described = (0..header.len()).filter(|c| *c != key).any(|c| {
        let long = body
            .iter()
            .filter(|r| r.get(c).is_some_and(|t| words(t) >= 3))
            .count();
        long * 2 > body.len()
    });
    if cells.len() < 2 || !distinct || !short || !described {
        return None;
    }
    let mut list = FoundList::new(ListKind::Priority, i);
    for c in &cells {
        list.push(c, i);
    }
    Some(list)
}

/// `Domestic abuse: we will support victims ...`: a short title opening a
/// paragraph, then what is said about it.
fn run_in_title(text: &str) -> Option<&str> {
    let (title, rest) = text.split_once(": ")?;
    let title = title.trim();
    // The labels of a page's own furniture, not titles.
    const LABELS: [&str; 14] = [
        "note",
        "please note",
        "nb",
        "source",
        "sources",
        "contact",
        "email",
        "tel",
        "telephone",
        "website",
        "date",
        "updated",
        "figure",
        "table",
    ];
    if LABELS.contains(&title.to_lowercase().as_str()) {
        return None;
    }
    let opens = title.starts_with(|c: char| c.is_uppercase());
    (opens && is_name_like(title) && words(title) <= 8 && words(rest) >= 6).then_some(title)
}

/// Short paragraphs that each open with a title, after the introduction (and,
/// under a heading, perhaps one line that introduces them): the titles are the
/// entries, the paragraphs stay prose. Two or more in a row, and every paragraph of
/// the run opens with one.
pub(super) fn titled_paragraphs(
    blocks: &[Block],
    i: usize,
    kind: ListKind,
    is_heading: bool,
) -> Option<FoundList> {
    let mut j = i + 1;
    if let (true, Some(Block::Paragraph(t))) = (is_heading, blocks.get(j)) {
        if t.trim_end().ends_with(':') && run_in_title(t).is_none() {
            j += 1;
        }
    }
    let mut list = FoundList::new(kind, i);
    while let Some(Block::Paragraph(t)) = blocks.get(j) {
        let Some(title) = run_in_title(t) else {
            break;
        };
        if super::lead_lines::field_line(t).is_some() {
            break;
        }
        list.push(title, j);
        j += 1;
    }
    list.end = j;
    list.opens_paragraph = true;
    (list.titles.len() >= 2).then_some(list)
}

/// "5th", "12%", "1,204", "-": a figure in a table's cell.
fn is_figure(cell: &str) -> bool {
    let t = cell.trim();
    if matches!(t, "-" | "–" | "n/a" | "N/A") {
        return true;
    }
    let digits = ["st", "nd", "rd", "th", "%"]
        .iter()
        .find_map(|s| t.strip_suffix(s))
        .unwrap_or(t);
    !digits.is_empty()
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
}

/// A table whose text a web page has flattened, a cell to a line: the header's
/// cells, the first naming the priorities ("2021-22 Priority", "2020-21
/// Performance", ...), then each row's, a title and figures ("Violent crime",
/// "5th", "2nd"). The first column's titles are the entries.
pub(super) fn flattened_table(blocks: &[Block], i: usize) -> Option<FoundList> {
    let cell = |j: usize| match blocks.get(j) {
        Some(Block::Paragraph(t)) => Some(t.trim()),
        _ => None,
    };
    let head = cell(i)?.to_lowercase();
    let names_column = ["priority", "priorities", "priority area", "theme"]
        .iter()
        .any(|k| head.ends_with(k));
    if !names_column || words(&head) > 4 {
        return None;
    }
    // The header's cells and the first row's title, then the first figure.
    let mut texts = 1;
    while cell(i + texts).is_some_and(|t| !is_figure(t) && words(t) <= 4) && texts <= 6 {
        texts += 1;
    }
    let width = texts - 1;
    if width < 2 {
        return None;
    }
    let mut list = FoundList::new(ListKind::Priority, i);
    let mut j = i + width;
    loop {
        let title = cell(j).filter(|t| !is_figure(t) && is_name_like(t) && words(t) <= 12);
        let figures = (1..width).all(|c| cell(j + c).is_some_and(is_figure));
        match title {
            Some(t) if figures => list.push(t, j),
            _ => break,
        }
        j += width;
    }
    list.end = j;
    (list.titles.len() >= 2).then_some(list)
}

/// "The split of priorities was now:", then "SSCB:" and its items, then "CSP:"
/// and its items: lists of the priorities each body takes, under labels. The
/// entries are the items under the label that names the partnership itself
/// ("CSP", "Partnership"), when only one label does; the others stay prose.
pub(super) fn labelled_groups(blocks: &[Block], i: usize, kind: ListKind) -> Option<FoundList> {
    let label = |j: usize| match blocks.get(j) {
        Some(Block::Paragraph(t)) if t.trim_end().ends_with(':') && words(t) <= 3 => {
            Some(t.trim().trim_end_matches(':').to_lowercase())
        }
        _ => None,
    };
    // Each group: its label and the items under it.
    let mut groups: Vec<(String, usize, usize)> = Vec::new();
    let mut j = i + 1;
    while let Some(name) = label(j) {
        let start = j + 1;
        let mut end = start;
        while matches!(blocks.get(end), Some(Block::Item { .. })) {
            end += 1;
        }
        if end == start {
            return None;
        }
        groups.push((name, start, end));
        j = end;
    }
    let own = |name: &str| {
        name.split_whitespace()
            .any(|w| ["csp", "partnership"].contains(&w))
    };
    let mut own_groups = groups.iter().filter(|(name, _, _)| own(name));
    let (Some(&(_, start, end)), None) = (own_groups.next(), own_groups.next()) else {
        return None;
    };
    if groups.len() < 2 {
        return None;
    }
    let mut list = FoundList::new(kind, i);
    for at in start..end {
        if let Some(Block::Item { text, .. }) = blocks.get(at) {
            list.push(text, at);
        }
    }
    list.end = j;
    (list.titles.len() >= 2).then_some(list)
}
