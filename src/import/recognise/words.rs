//! Reading words in the prose: titles compared, names listed, lines tidied.
//!
//! The same title is printed differently from place to place (`&` or `and`, bold,
//! a link, a line break), and a list of names is a sentence (`A, B, C and D`);
//! the recognisers compare and split them through these functions so that they
//! all agree on what counts as the same name.

use crate::import::text::tidy;

/// A cell or line on one line, its spaces tidied: the form every field is written in.
pub(super) fn one_line(text: &str) -> String {
    tidy(&text.replace('\n', " "))
}

/// Lower case letters and digits only, `&` read as `and`: for comparing titles.
pub(super) fn key(text: &str) -> String {
    let text = text.to_lowercase().replace('&', " and ");
    let text = strip_markup(&text);
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `*text*`, `**text**` and `[text](address)` reduced to `text`.
pub(super) fn strip_markup(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after
            .find("](")
            .and_then(|mid| after[mid..].find(')').map(|end| (mid, mid + end)))
        {
            Some((mid, end)) => {
                out.push_str(&after[..mid]);
                rest = &after[end + 1..];
            }
            None => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.replace(['*', '_'], "").trim().to_string()
}

/// How many words: the recognisers' measure of a short line.
pub(super) fn words(text: &str) -> usize {
    // A dash or bullet standing alone is punctuation, not a word.
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// A short line that names something rather than says something.
pub(super) fn is_name_like(text: &str) -> bool {
    let t = text.trim();
    // A name has a letter: "2)" alone is a list's number, "2021/22" a year.
    t.chars().any(char::is_alphabetic)
        && words(t) <= 14
        && !t.ends_with(['.', ':', ';'])
        && t.len() <= 120
}

/// The first `n` characters of `text`, with `...` when there were more.
pub(super) fn truncate(text: &str, n: usize) -> String {
    match text.char_indices().nth(n) {
        Some((at, _)) => format!("{}...", &text[..at]),
        None => text.to_string(),
    }
}

/// `'A'`, `‘B’`: the quoted names in `text`.
pub(super) fn quoted(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (open, close) in [('\'', '\''), ('‘', '’')] {
        let mut rest = text;
        while let Some(s) = rest.find(open) {
            // An apostrophe inside a word is not a quote.
            let before = rest[..s].chars().last();
            if before.is_some_and(char::is_alphanumeric) {
                rest = &rest[s + open.len_utf8()..];
                continue;
            }
            let after = &rest[s + open.len_utf8()..];
            match after.find(close) {
                Some(e) if e > 0 => {
                    out.push(after[..e].trim().to_string());
                    rest = &after[e + close.len_utf8()..];
                }
                _ => break,
            }
        }
    }
    out
}

/// Commas inside `**bold**` become `;`, so that a bold name stays one name.
pub(super) fn protect_bold(text: &str) -> String {
    text.split("**")
        .enumerate()
        .map(|(n, part)| {
            if n % 2 == 1 {
                part.replace(',', ";")
            } else {
                part.to_string()
            }
        })
        .collect()
}

/// Phrases whose "and" is part of a body's name, never a list's.
pub(super) const BOUND: [&str; 7] = [
    "fire and rescue",
    "women and girls",
    "police and crime",
    "fire and crime",
    "crime and disorder",
    "health and wellbeing",
    "health and social care",
];

/// Where the first " and " of `text` that is not inside a body's name ("Royal
/// Berkshire Fire and Rescue Service") starts.
pub(super) fn free_and(text: &str) -> Option<usize> {
    // ASCII lower case keeps every byte where it was, so a place found in it is
    // the same place in `text` (full lower case may move them: "K" is 3 bytes).
    let lower = text.to_ascii_lowercase();
    lower.match_indices(" and ").map(|(p, _)| p).find(|&p| {
        !BOUND.iter().any(|b| {
            lower
                .match_indices(b)
                .any(|(q, _)| q <= p && p < q + b.len())
        })
    })
}

/// Where the last " and " of `text` that is not inside a body's name starts.
fn last_free_and(text: &str) -> Option<usize> {
    let mut last = None;
    let mut from = 0;
    while let Some(p) = text.get(from..).and_then(free_and) {
        last = Some(from + p);
        from += p + " and ".len() - 1;
    }
    last
}

/// Words that end a body's name.
const BODY_ENDS: [&str; 9] = [
    "Service",
    "Council",
    "Police",
    "Trust",
    "Group",
    "Board",
    "Company",
    "Partnership",
    "Authority",
];

/// "Kent, Surrey and Sussex Probation Service": a place, then a body named after
/// it and two more, is one name, whose commas and "and" are its own.
fn joined_places(parts: Vec<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut n = 0;
    while n < parts.len() {
        let place = parts[n].trim();
        let one_place = words(place) == 1 && place.starts_with(|c: char| c.is_uppercase());
        let body = parts.get(n + 1).map(|p| p.trim()).filter(|next| {
            let (first, rest) = next.split_once(" and ").unwrap_or(("", ""));
            words(first) == 1
                && first.starts_with(|c: char| c.is_uppercase())
                && words(rest) >= 3
                && BODY_ENDS.iter().any(|e| rest.ends_with(e))
        });
        match body {
            Some(body) if one_place => {
                out.push(format!("{place}, {body}"));
                n += 2;
            }
            _ => {
                out.push(parts[n].to_string());
                n += 1;
            }
        }
    }
    out
}

/// "..., and vulnerabilities including domestic violence, hate crime and
/// substance abuse": after the list's last "and", an entry that says what it
/// includes takes the rest of the sentence with it.
fn final_includes(parts: Vec<String>) -> Vec<String> {
    let last = parts.iter().position(|p| {
        let p = p.trim_start();
        p.starts_with("and ") && (p.contains(" including ") || p.contains(" such as "))
    });
    match last {
        Some(n) if n + 1 < parts.len() => {
            let mut out = parts[..n].to_vec();
            out.push(parts[n..].join(","));
            out
        }
        _ => parts,
    }
}

/// `A, B, C and D` → the names.
pub(super) fn split_names(text: &str) -> Vec<String> {
    let text = text.trim().trim_end_matches('.');
    let mut out: Vec<String> = Vec::new();
    let parts = final_includes(joined_places(text.split(',').collect()));
    // Only the last part with an "and" can hold the "and" that joins the list's
    // last two entries ("..., C and D", or "..., C and D, the D of E" when an
    // aside follows): an "and" before it is part of a name ("Hampshire Fire and
    // Rescue Service, ..."). After a serial comma (", and D") that "and" has
    // joined them already.
    let serial = parts
        .iter()
        .skip(1)
        .any(|p| p.trim_start().starts_with("and "));
    let joining = parts
        .iter()
        .rposition(|p| free_and(p).is_some() && !p.contains(','))
        .filter(|_| !serial);
    for (n, part) in parts.iter().enumerate() {
        // ", and C": the serial comma's "and" is the list's, not the name's.
        let part = part.trim();
        let part = part.strip_prefix("and ").unwrap_or(part);
        // "..., domestic abuse and sexual violence and road safety": the last
        // "and" joins the list's last two entries of a phrase, unless it leaves a
        // single word ("..., domestic violence and drugs and alcohol"), or a name
        // goes on after it ("the NHS Suffolk and North East Essex Integrated Care
        // Board"): then the first does.
        let split_at = |p: usize| (&part[..p], &part[p + 5..]);
        let split = last_free_and(part)
            .filter(|_| !part.contains(','))
            .map(split_at)
            // ("..., road safety and community and cultural harmony": the "and"
            // left in "road safety and community" would join a single word, so
            // the first "and" is the list's.)
            .filter(|(a, b)| {
                let joined = free_and(a).map(|p| (&a[..p], &a[p + 5..]));
                words(a) > 1
                    && words(b) > 1
                    && b.starts_with(|c: char| c.is_lowercase())
                    && joined.is_none_or(|(x, y)| words(x) > 1 && words(y) > 1)
            })
            .or_else(|| free_and(part).map(split_at));
        match split.filter(|_| Some(n) == joining) {
            Some((a, b)) if n >= 1 => {
                // "X and Y" after a comma, at the end of a list, is two names,
                // unless both halves are single words ("Fire and Rescue").
                if words(a) > 1 || words(b) > 1 {
                    out.push(a.trim().to_string());
                    out.push(b.trim().to_string());
                } else {
                    out.push(part.to_string());
                }
            }
            _ => out.push(part.to_string()),
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_names_are_read_and_apostrophes_in_words_are_not_quotes() {
        assert_eq!(
            quoted("the themes 'Early intervention' and ‘Victims’ in the partnership's plan"),
            ["Early intervention", "Victims"]
        );
        assert!(quoted("an empty '' pair").is_empty());
    }

    #[test]
    fn names() {
        assert_eq!(
            split_names("Domestic Abuse, Substance Misuse, Serious & Organised Crime, Anti-Social Behaviour and Road Safety"),
            vec!["Domestic Abuse", "Substance Misuse", "Serious & Organised Crime", "Anti-Social Behaviour", "Road Safety"]
        );
    }

    #[test]
    fn the_and_inside_a_bodys_name_does_not_split_it() {
        assert_eq!(
            split_names("Tendring District Council, Essex County Fire and Rescue Service, the Police and Crime Commissioner and the Probation Service"),
            vec!["Tendring District Council", "Essex County Fire and Rescue Service", "the Police and Crime Commissioner", "the Probation Service"]
        );
        assert_eq!(
            split_names("Kent Police, Kent County Council, Kent Fire and Rescue Service and the Kent and Medway Integrated Care Board"),
            vec!["Kent Police", "Kent County Council", "Kent Fire and Rescue Service", "the Kent and Medway Integrated Care Board"]
        );
    }
}
