//! When a plan took effect and how long it runs, from its words rather than its
//! title: "agreed by the Partnership Board on 12 March 2025", "has agreed its
//! priorities for the next three years" (with the year printed nearby).
//!
//! Each reader goes over each text once: linear in the input.

use super::dates::parse_month;

/// The verbs that say a plan was agreed.
const AGREED: [&str; 6] = [
    "agreed",
    "approved",
    "adopted",
    "endorsed",
    "ratified",
    "signed off",
];

/// Words just before the verb that make it a plan not yet agreed ("will be
/// approved", "is to be agreed").
const NOT_YET: [&str; 4] = ["be", "will", "to", "awaiting"];

/// "agreed by the Board on 12 March 2025", "approved in April 2024": the date, and
/// the words it was read from (for the note).
pub(super) fn approval_date(texts: &[&str]) -> Option<(String, String)> {
    for text in texts {
        let lower = text.to_lowercase();
        if lower.len() != text.len() {
            continue;
        }
        for verb in AGREED {
            for (at, _) in lower.match_indices(verb) {
                let before_ok = lower[..at]
                    .split_whitespace()
                    .next_back()
                    .is_none_or(|w| !NOT_YET.contains(&w));
                let word_start = at == 0 || !lower[..at].ends_with(char::is_alphanumeric);
                if !before_ok || !word_start {
                    continue;
                }
                // Within the next dozen words: "on DAY MONTH YEAR" or "in MONTH YEAR".
                let Some(rest) = text.get(at..) else {
                    continue;
                };
                let after: Vec<&str> = rest.split_whitespace().take(14).collect();
                for (n, w) in after.iter().enumerate() {
                    if !matches!(w.to_lowercase().as_str(), "on" | "in") {
                        continue;
                    }
                    let date_words = after[n + 1..].iter().take(4).copied().collect::<Vec<_>>();
                    if let Some(date) = parse_month(&date_words.join(" ")) {
                        let said = after[..(n + 1 + date_words.len()).min(after.len())].join(" ");
                        let said = said.trim_end_matches(['.', ',', ';']).to_string();
                        return Some((date, said));
                    }
                }
            }
        }
    }
    None
}

/// The number words a span of years is given in.
const SPANS: [&str; 9] = [
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// How many years "for the next three years", "over the next 5 years" or "a
/// three-year plan" name in `lower`, if any.
fn years_named(lower: &str) -> Option<u32> {
    let words: Vec<&str> = lower.split_whitespace().collect();
    let count = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.parse::<u32>()
            .ok()
            .filter(|n| (2..=10).contains(n))
            .or_else(|| SPANS.iter().position(|s| *s == w).map(|p| p as u32 + 2))
    };
    for (n, w) in words.iter().enumerate() {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        let next_years = bare == "next"
            && words
                .get(n + 2)
                .is_some_and(|y| y.trim_matches(|c: char| !c.is_alphanumeric()) == "years");
        if next_years {
            if let Some(c) = words.get(n + 1).and_then(|c| count(c)) {
                return Some(c);
            }
        }
        // "three-year plan", "five year strategy".
        let joined = bare.replace(['‑', '–'], "-");
        if let Some(first) = joined.strip_suffix("-year") {
            let plan = words.get(n + 1).is_some_and(|p| {
                let p = p.trim_matches(|c: char| !c.is_alphanumeric());
                matches!(p, "plan" | "strategy" | "agreement")
            });
            if plan {
                if let Some(c) = count(first) {
                    return Some(c);
                }
            }
        }
    }
    None
}

/// The first year (1990 to 2099) printed in `text`, alone or in a date.
fn first_year(text: &str) -> Option<u32> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let digits = bytes[i..i + 4].iter().all(u8::is_ascii_digit);
        let alone = (i == 0 || !bytes[i - 1].is_ascii_digit())
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit());
        let year = digits
            .then(|| text[i..i + 4].parse::<u32>().ok())
            .flatten()?;
        (alone
            && (1990..2100).contains(&year)
            && !ends_something(&text[..i])
            && !names_a_law(&text[..i]))
        .then_some(year)
    })
}

/// Whether the year is a law's ("the Police and Justice Act 2006", "the 2007
/// Regulations" aside): never a plan's.
fn names_a_law(before: &str) -> bool {
    let word = before
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    matches!(word.as_str(), "act" | "regulations" | "order" | "bill")
}

/// Whether the words before a year make it an end, not a start ("the objectives
/// set until 2027", "by 2030"): such a year never starts a period.
fn ends_something(before: &str) -> bool {
    let word = before
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        word.as_str(),
        "until" | "till" | "to" | "by" | "through" | "ending" | "end" | "before"
    )
}

/// The first year printed as an end ("the objectives set until 2027", "running
/// through 2026"); not "by 2030", which is a target's year more often than a
/// plan's last.
fn end_year(text: &str) -> Option<u32> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).find_map(|pair| {
        let cue = pair[0].to_lowercase();
        let year = pair[1].trim_end_matches(['.', ',', ';', ':', ')']);
        let year: u32 = (year.len() == 4).then(|| year.parse().ok()).flatten()?;
        (matches!(cue.as_str(), "until" | "till" | "through" | "ending")
            && (1990..2100).contains(&year))
        .then_some(year)
    })
}

/// Whether `text` prints a span of years ("April 2021 to March 2022",
/// "2021-2022"): a year followed, within a few words, by "to" or a dash and then
/// another year.
fn has_span(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let year = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_ascii_digit());
        w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1990..2100).contains(&y))
    };
    words.iter().enumerate().any(|(i, w)| {
        if w.contains(['-', '–', '/']) && w.split(['-', '–', '/']).filter(|p| year(p)).count() == 2
        {
            return true;
        }
        year(w)
            && words[i + 1..]
                .iter()
                .take(4)
                .position(|n| matches!(*n, "to" | "-" | "–"))
                .is_some_and(|p| words[i + 2 + p..].iter().take(2).any(|n| year(n)))
    })
}

/// "has agreed its priorities for the next three years", with a year printed in
/// the same text or else in the opening (a publication date): the first and last
/// years; or "its new five-year strategy" with the year it runs until ("until
/// 2027"): the span counted back from it. Without a year, nothing: a span alone
/// is not a period.
pub(super) fn next_years(texts: &[&str], opening: usize) -> Option<(u32, u32)> {
    texts.iter().find_map(|t| {
        let span = years_named(&t.to_lowercase())?;
        // In the opening, a year printed alone or in a date, not the start of the
        // years a report covers ("Monitoring Report (April 2021 to March 2022)").
        let opening = || texts.iter().take(opening).filter(|o| !has_span(o));
        if let Some(from) = first_year(t).or_else(|| opening().find_map(|o| first_year(o))) {
            return Some((from, from + span));
        }
        let to = end_year(t).or_else(|| opening().find_map(|o| end_year(o)))?;
        Some((to - span, to))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn approval() {
        assert_eq!(
            approval_date(&["The plan was agreed by the Partnership Board on 12 March 2025."])
                .map(|d| d.0),
            Some("2025-03-12".to_string())
        );
        assert_eq!(
            approval_date(&["The plan will be approved by Council on 12 March 2025."]),
            None
        );
        assert_eq!(approval_date(&["The priorities were agreed."]), None);
    }

    #[test]
    fn spans() {
        assert_eq!(
            next_years(
                &[
                    "Published 01.04.2011",
                    "agreed its priorities for the next three years"
                ],
                5
            ),
            Some((2011, 2014))
        );
        assert_eq!(
            next_years(&["a new, three‑year plan for the county"], 5),
            None
        );
        assert_eq!(
            next_years(&["Our three-year plan from 2025 sets out"], 5),
            Some((2025, 2028))
        );
        // A year the text gives as an end does not start the span: it ends it.
        assert_eq!(
            next_years(
                &[
                    "seeking views on its new five-year strategy",
                    "the objectives set until 2027"
                ],
                5
            ),
            Some((2022, 2027))
        );
        // A target's year is not the plan's end.
        assert_eq!(
            next_years(
                &[
                    "seeking views on its new five-year strategy",
                    "to halve knife crime by 2030"
                ],
                5
            ),
            None
        );
        // A law's year, or the years a report covers, are no start.
        assert_eq!(
            next_years(
                &[
                    "Monitoring Report (April 2021 to March 2022)",
                    "the Crime and Disorder Committee designated under the Police and Justice Act 2006",
                    "the three-year plan was reviewed"
                ],
                5
            ),
            None
        );
        assert_eq!(
            next_years(
                &["Published: 3rd June 2025", "over the next three years"],
                5
            ),
            Some((2025, 2028))
        );
        // A year printed as a start comes first.
        assert_eq!(
            next_years(&["a three-year plan from 2024, reviewed until 2030"], 5),
            Some((2024, 2027))
        );
    }
}
