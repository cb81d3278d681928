//! An entry's title as printed: its `Priority 1 -` label or number taken off,
//! what it includes taken apart ("X (including Y)", "X which includes Y"), and
//! the lines that look like entries but record something else ("Status: Closed").

use super::introductions::kind_named;
use super::words::{is_name_like, split_names, strip_markup, words};

/// `X, with particular reference to:` / `X – in particular:`: an entry that
/// introduces its sub-items; `X` is its title.
pub(super) fn introducing_tail(text: &str) -> Option<&str> {
    let text = text.strip_suffix(':')?;
    let (title, tail) = [", ", " – ", " — ", " - "]
        .iter()
        .filter_map(|sep| text.rsplit_once(sep))
        .max_by_key(|(title, _)| title.len())?;
    let tail = tail.trim();
    (tail.starts_with(|c: char| c.is_lowercase()) && words(tail) <= 6 && is_name_like(title))
        .then_some(title.trim())
}

/// `Priority 1 - X`, `Priority One: X`, `Priority 2. X` → `X`; other text as it is.
pub(super) fn strip_label(text: &str) -> &str {
    label_rest(text)
        .or_else(|| number_rest(text))
        .unwrap_or(text)
}

/// "Status: Closed", "Period: 08 February 2017 - 17 March 2017": a label of one or
/// two words and a short value, as a web page records a consultation's details.
pub(super) fn is_record_field(text: &str) -> bool {
    let Some((label, value)) = text.split_once(": ") else {
        return false;
    };
    let l = label.to_lowercase();
    (1..=2).contains(&words(label))
        && label.starts_with(|c: char| c.is_uppercase())
        && !l.contains("priorit")
        && !l.contains("theme")
        && words(value) <= 6
}

/// "JAG Priority: Protecting Vulnerable People. PCC Policy Area: Putting Victims
/// at the Centre ...": an entry labelled as one body's priority, followed by
/// another label. The title is what the priority label holds, up to the next.
pub(super) fn labelled_field(text: &str) -> Option<&str> {
    let (label, rest) = text.split_once(": ")?;
    if !label.to_lowercase().ends_with("priority") || words(label) > 3 {
        return None;
    }
    let (title, next) = rest.split_once(". ")?;
    let next_label = next.split_once(": ").map(|(l, _)| l)?;
    let capitalised = next_label
        .split_whitespace()
        .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    (capitalised && words(next_label) <= 4 && is_name_like(title)).then_some(title)
}

/// "Part Three", "Section 2", "Appendix One": a part of the document, named by
/// its number alone.
pub(super) fn names_a_part(title: &str) -> bool {
    let mut words = title.split_whitespace();
    let (Some(part), Some(number), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    const PARTS: [&str; 5] = ["part", "section", "chapter", "appendix", "annex"];
    const NUMBERS: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let number = number.to_lowercase();
    PARTS.contains(&part.to_lowercase().as_str())
        && (NUMBERS.contains(&number.as_str())
            || number.chars().all(|c| c.is_ascii_alphanumeric()) && number.len() <= 3)
}

/// `1. X`, `2) X`, `(3) X` → `X`: an entry of a numbered list.
pub(super) fn number_rest(text: &str) -> Option<&str> {
    let t = text.strip_prefix('(').unwrap_or(text);
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let rest = t[digits..]
        .strip_prefix(". ")
        .or_else(|| t[digits..].strip_prefix(") "))?
        .trim_start();
    rest.starts_with(|c: char| c.is_alphabetic())
        .then_some(rest)
}

/// What follows a `Priority N` label and its separator, if the text opens with one.
pub(super) fn label_rest(text: &str) -> Option<&str> {
    // "Local Priority 1 – X", "Key Priority 2: X": the label's qualifier too.
    let text = [
        "Local ",
        "Key ",
        "Strategic ",
        "LOCAL ",
        "KEY ",
        "STRATEGIC ",
    ]
    .iter()
    .find_map(|q| text.strip_prefix(q))
    .unwrap_or(text);
    // "Outcome One - X", "Objective 2: X": the same label under other names.
    let rest = [
        "Priority ",
        "PRIORITY ",
        "priority ",
        "Outcome ",
        "Objective ",
    ]
    .iter()
    .find_map(|l| text.strip_prefix(l))?;
    let (number, rest) = rest.split_once(|c: char| !c.is_alphanumeric())?;
    const WORDS: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let is_number =
        (!number.is_empty() && number.len() <= 2 && number.bytes().all(|b| b.is_ascii_digit()))
            || WORDS.contains(&number.to_lowercase().as_str());
    if !is_number {
        return None;
    }
    let rest = rest
        .trim_start_matches([' ', '-', '–', '—', ':', '.', ')'])
        .trim();
    (!rest.is_empty() && rest.starts_with(|c: char| c.is_alphabetic())).then_some(rest)
}

/// `X which includes Y`, `X - including Y`, `X (to include Y)`, `X (including Y)`:
/// the title and what it includes.
pub(super) fn split_including(text: &str) -> Option<(String, String)> {
    for cue in [
        " which includes ",
        " - including ",
        " – including ",
        ", including ",
        " including: ",
        ", this will include; ",
        " this will include; ",
        ", this will include ",
        " this will include ",
        "; especially ",
    ] {
        if let Some((title, what)) = text.split_once(cue) {
            let title = title.trim();
            // "Reducing the impact of crime, including fear of, on community
            // wellbeing": an aside, after which the title goes on.
            let aside = cue.starts_with(',')
                && [
                    ", on ",
                    ", in ",
                    ", for ",
                    ", to ",
                    ", across ",
                    ", within ",
                ]
                .iter()
                .any(|p| what.contains(p));
            if is_name_like(title) && words(title) <= 12 && !what.trim().is_empty() && !aside {
                return Some((
                    title.to_string(),
                    what.trim().trim_end_matches('.').to_string(),
                ));
            }
        }
    }
    // "vulnerability including mental health and substance misuse": a short title
    // (up to four words), then what it includes; a longer one is a sentence
    // ("Ensuring neighbourhoods are safe by tackling crime and anti-social
    // behaviour including burglary ...").
    if let Some((title, what)) = text.split_once(" including ") {
        let title = title.trim();
        let what = what.trim().trim_end_matches('.');
        if is_name_like(title) && words(title) <= 4 && !what.is_empty() {
            return Some((title.to_string(), what.to_string()));
        }
    }
    // "Neighbourhood crimes like robbery, burglary and vehicle crime": a short
    // title, then examples (two or more, so "like" is not part of a name).
    if let Some((title, what)) = text.split_once(" like ") {
        let title = title.trim();
        let what = what.trim().trim_end_matches('.');
        if is_name_like(title) && words(title) <= 6 && split_names(what).len() >= 2 {
            return Some((title.to_string(), what.to_string()));
        }
    }
    // "Reduce offending and re-offending (for example, tackling alcohol and
    // substance misuse)": what it includes, by example.
    for cue in [
        " (to include ",
        " (including ",
        " (Including ",
        " (includes ",
        " (for example, ",
        " (for example ",
        " (e.g. ",
    ] {
        if let Some((title, what)) = text.split_once(cue) {
            let title = title.trim();
            if text.ends_with(')') && is_name_like(title) && words(title) <= 12 {
                let what = what.strip_suffix(')').unwrap_or(what).trim();
                return Some((title.to_string(), what.to_string()));
            }
        }
    }
    None
}

/// `Safeguarding Vulnerable People includes: A, B` → (name, what it includes).
pub(super) fn split_includes(text: &str) -> Option<(String, String)> {
    let (name, what) = text.split_once(" includes:")?;
    let name = strip_markup(name).trim().to_string();
    let what = strip_markup(what).trim().to_string();
    (is_name_like(&name) && words(&name) <= 8 && !what.is_empty()).then_some((name, what))
}

/// "Alcohol and alcohol-related crime Anti-social behaviour Domestic violence
/// Drugs and drug-related crime": a list in sentence case whose line breaks the
/// page lost; each capital opens an entry. Three entries at least, each of two
/// words or more, with no punctuation but hyphens and nothing after but lower
/// case: a Title Case run ("Alcohol Harm Anti-Social Behaviour") cannot be told
/// apart, and is not taken.
pub(super) fn run_together_titles(text: &str) -> Option<Vec<String>> {
    let text = text.trim();
    if text.contains(|c: char| !(c.is_alphanumeric() || c == ' ' || c == '-')) {
        return None;
    }
    let mut entries: Vec<Vec<&str>> = Vec::new();
    for word in text.split_whitespace() {
        match entries.last_mut() {
            Some(entry) if !word.starts_with(|c: char| c.is_uppercase()) => entry.push(word),
            _ => entries.push(vec![word]),
        }
    }
    let fits = entries.len() >= 3 && entries.iter().all(|e| e.len() >= 2);
    fits.then(|| entries.iter().map(|e| e.join(" ")).collect())
}

/// "Safety in Public Spaces:": a short title that ends with the colon of the
/// list under it; not a line that introduces one in words of its own ("Focusing
/// on:", "What we will do:", "Key actions:").
pub(super) fn colon_title(text: &str) -> Option<&str> {
    const OPENERS: [&str; 14] = [
        "what",
        "how",
        "why",
        "where",
        "who",
        "when",
        "we",
        "our",
        "this",
        "these",
        "key",
        "actions",
        "focusing",
        "including",
    ];
    const ENDINGS: [&str; 14] = [
        "on",
        "include",
        "includes",
        "including",
        "by",
        "to",
        "are",
        "were",
        "of",
        "for",
        "as",
        "will",
        "be",
        "is",
    ];
    let title = text.trim_end().strip_suffix(':')?.trim();
    let first = title.split_whitespace().next()?.to_lowercase();
    let last = title.split_whitespace().last()?.to_lowercase();
    let fits = (2..=6).contains(&words(title))
        && is_name_like(title)
        && title.starts_with(char::is_uppercase)
        && !title.contains([':', ',', '.'])
        && !OPENERS.contains(&first.as_str())
        && !ENDINGS.contains(&last.as_str())
        && kind_named(&title.to_lowercase()).is_none();
    fits.then_some(title)
}
