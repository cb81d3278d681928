//! The area and the period, read from the title and the opening of the text.
//!
//! Plans name their area in many ways ("Safer Bromley Partnership", "the
//! Community Safety Plan for Middlesbrough", "Kirklees Community Safety Plan"), so
//! the area is the first run of capitalised words, in the title and then the
//! opening, that the knowledge base knows as a place (`csa law areas`): never a
//! name it does not know. The period is the first span of years printed next to
//! the document's name ("Plan 2023-2026", "Strategy for 2024-27", "priorities ...
//! for 2013/14"), passing over a draft's or a previous plan's.

use crate::knowledge::{Knowledge, Resolved};

/// Words that may sit inside a place's name in lower case.
const JOINING: [&str; 5] = ["and", "of", "upon", "on", "the"];

/// Words that, after a place's name, make it the partnership's or council's own
/// ("Rochdale Safer Communities Partnership", "Kent Community Safety Agreement",
/// "Brentwood Council").
const OWN_AFTER: [&str; 12] = [
    "community",
    "communities",
    "safer",
    "safety",
    "partnership",
    "csp",
    "council",
    "borough",
    "district",
    "city",
    "county",
    "strategic",
];

/// Words that say what kind of place or council a name is, not which: a run of
/// them alone ("The City", "County Council") names no place, whatever alias the
/// knowledge base keeps ("the City" is the City of London's).
const GENERIC: [&str; 10] = [
    "the",
    "city",
    "county",
    "borough",
    "district",
    "council",
    "town",
    "metropolitan",
    "royal",
    "of",
];

/// Words that, after a place's name, make it another body's ("Greater Manchester
/// Police", "Essex Fire and Rescue Service").
const OTHER_AFTER: [&str; 8] = [
    "police",
    "constabulary",
    "fire",
    "integrated",
    "nhs",
    "probation",
    "health",
    "clinical",
];

/// A place the text names: where, how, and how specific.
struct Candidate {
    name: String,
    tier: String,
    /// 0: named as the partnership's or council's own in the title; 1: so named
    /// in the opening; 2: so named later; 3: named plainly in the opening; 4:
    /// named plainly later ("making Torbay safe"); 5: in another body's name (a
    /// police force), never the area.
    standing: u8,
    /// 0: a council's area; 1: a county; 2: a police force area or a partnership.
    breadth: u8,
}

/// The place the text names as the partnership's own, as documents write it, and
/// its tier: a place named in the title as the document's own ("Kent Community
/// Safety Agreement"), else the first the opening names as a partnership's or
/// council's own ("the Rochdale Safer Communities Partnership", "Safer Bromley"),
/// else the first the rest of the text (`later`) names as a partnership's own,
/// else the most specific place the opening names plainly, else the first the
/// rest names plainly; never a place named only in another body's name
/// ("Greater Manchester Police"). Only a name the knowledge base knows (`csa law
/// areas`), never a number or a word it does not know.
pub(super) fn find(texts: &[&str], later: &[&str]) -> Option<(String, String)> {
    let knowledge = Knowledge::bundled();
    let mut found: Vec<Candidate> = Vec::new();
    let opening = texts.len();
    // The rest of the text is read only while it may still matter, and no
    // further than its first place named as the partnership's own: a long text
    // costs no more than its opening.
    'texts: for (t, text) in texts.iter().chain(later).enumerate() {
        if t >= opening && found.iter().any(|c| c.standing <= 2) {
            break;
        }
        let words: Vec<&str> = text
            .split(|c: char| {
                c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '|' | '"')
            })
            .map(|w| {
                let w = w.trim_end_matches("’s").trim_end_matches("'s");
                w.trim_matches(|c: char| !c.is_alphanumeric())
            })
            .collect();
        let mut start = 0;
        while start < words.len() {
            let Some((len, place)) = place_at(&knowledge, &words, start) else {
                start += 1;
                continue;
            };
            let (name, tier) = describe(&place);
            let after = words[start + len..]
                .iter()
                .find(|w| !w.is_empty())
                .map(|w| w.to_lowercase())
                .unwrap_or_default();
            let before_word = words[..start]
                .iter()
                .rev()
                .find(|w| !w.is_empty())
                .copied()
                .unwrap_or_default();
            let before = before_word.to_lowercase();
            // "South Warwickshire" is not Warwickshire: a compass word before a
            // place (the longer name unknown) makes another area of it.
            let qualified = [
                "South", "North", "East", "West", "Mid", "Central", "Inner", "Outer",
            ]
            .contains(&before_word);
            if qualified {
                start += len;
                continue;
            }
            let own =
                OWN_AFTER.contains(&after.as_str()) || matches!(before.as_str(), "safer" | "safe");
            // After the opening, only a place named as the partnership's own
            // counts ("Wokingham Community Safety Partnership have 4 key
            // priorities"), and after every such place in the opening.
            let standing = if OTHER_AFTER.contains(&after.as_str()) {
                5
            } else if own && t == 0 {
                0
            } else if own && t < opening {
                1
            } else if own {
                2
            } else if t < opening {
                3
            } else {
                4
            };
            let breadth = match tier.as_str() {
                "county" => 1,
                "police-area" | "partnership" => 2,
                _ => 0,
            };
            // After the opening, one place named plainly is enough.
            let plain_later = standing == 4 && found.iter().any(|c| c.standing == 4);
            if !plain_later {
                found.push(Candidate {
                    name,
                    tier,
                    standing,
                    breadth,
                });
            }
            if t >= opening && standing == 2 {
                break 'texts;
            }
            start += len;
        }
    }
    // A place named only in another body's name ("Staffordshire Police") says
    // where that body works, not which area the partnership covers (a district
    // of the force's county, often): no area rather than a wrong one.
    found.retain(|c| c.standing < 5);
    // The order of the text among equals: the first is kept by `min_by_key`.
    let best = found.iter().enumerate().min_by_key(|(n, c)| {
        let breadth = if c.standing >= 3 { c.breadth } else { 0 };
        (c.standing, breadth, *n)
    })?;
    Some((best.1.name.clone(), best.1.tier.clone()))
}

/// The longest run of capitalised words at `start` (up to five) that the knowledge
/// base knows as a place, and how many words it takes.
fn place_at<'k>(
    knowledge: &'k Knowledge,
    words: &[&str],
    start: usize,
) -> Option<(usize, Resolved<'k>)> {
    if !words[start].starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    for len in (1..=5).rev() {
        let Some(run) = words.get(start..start + len) else {
            continue;
        };
        let last = run[len - 1];
        let capitalised = run
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || JOINING.contains(w));
        if !capitalised || JOINING.contains(&last) || run.iter().any(|w| w.is_empty()) {
            continue;
        }
        // Nor does a name of two places ("The City Council and Southampton") one
        // of which is only such words.
        let generic = |part: &[&str]| {
            part.iter()
                .all(|w| GENERIC.contains(&w.to_lowercase().as_str()))
        };
        if run.split(|w| *w == "and" || *w == "&").any(generic) {
            continue;
        }
        let name = run.join(" ");
        if let Some(place) = knowledge.resolve(&name, None).into_iter().next() {
            // "North Yorkshire Community Safety Partnership": the area is the
            // place the partnership is named after, when csa knows it as one.
            if matches!(place, Resolved::Partnership(_)) {
                if let Some(shorter) = (1..len).rev().find_map(|l| {
                    let inner = words[start..start + l].join(" ");
                    knowledge
                        .resolve(&inner, None)
                        .into_iter()
                        .find(|p| matches!(p, Resolved::Authority(_)))
                        .map(|p| (l, p))
                }) {
                    return Some(shorter);
                }
            }
            return Some((len, place));
        }
    }
    None
}

/// The place's name as documents write it, and its tier (`county`, `district`,
/// `unitary`, ...; `police-area` for a force area).
fn describe(place: &Resolved<'_>) -> (String, String) {
    match place {
        Resolved::Authority(a) => (a.area.clone(), a.tier.clone()),
        Resolved::Partnership(p) => (p.name.clone(), "partnership".to_string()),
        Resolved::PoliceArea(p) => (p.name.clone(), "police-area".to_string()),
    }
}

/// Words after which a span of years is the document's own period.
const NAMES_THE_DOCUMENT: [&str; 8] = [
    "period",
    "plan",
    "strategy",
    "agreement",
    "priorities",
    "partnership",
    "actions",
    "cspp",
];

/// Words just after a span of years that make it the document's own period.
const NAMED_AFTER: [&str; 5] = ["plan", "strategy", "agreement", "priorities", "priority"];

/// Verbs just after a span of years that speak of its plan in the past.
const PAST: [&str; 8] = [
    "outlined",
    "was",
    "had",
    "ran",
    "covered",
    "focused",
    "delivered",
    "ended",
];

/// Words before a span of years that make it another plan's (or a report's:
/// "Monitoring Report (April 2021 to March 2022)").
const ANOTHER_PLAN: [&str; 5] = ["previous", "existing", "replace", "last", "report"];

/// The first period the texts print next to the document's name: (first year, last
/// year). A draft's period ("the draft Strategy 2020-23") is taken only when no
/// other is printed: a page about the current plan often announces the next.
pub(super) fn period(texts: &[&str]) -> Option<(u32, u32)> {
    texts
        .iter()
        .find_map(|t| period_in(t, false))
        .or_else(|| years_under_the_name(texts))
        .or_else(|| texts.iter().find_map(|t| period_in(t, true)))
        .or_else(|| super::approval::next_years(texts, 16))
}

/// "COMMUNITY SAFETY STRATEGY", then "2020-2023" on the line after: a line that
/// is only a span of years, printed under the document's name.
fn years_under_the_name(texts: &[&str]) -> Option<(u32, u32)> {
    texts.windows(2).find_map(|pair| {
        let words: Vec<String> = pair[1]
            .split_whitespace()
            .map(|w| w.to_lowercase())
            .collect();
        let only_years = years_at(&words).is_some() && words.len() <= 3;
        let names = pair[0]
            .to_lowercase()
            .split_whitespace()
            .any(|w| NAMED_AFTER.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())));
        (only_years && names).then(|| years_at(&words)).flatten()
    })
}

fn period_in(text: &str, drafts: bool) -> Option<(u32, u32)> {
    let words: Vec<String> = text.split_whitespace().map(|w| w.to_lowercase()).collect();
    let bare = |w: &String| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    for n in 0..words.len() {
        let Some((from, to)) = years_at(&words[n..]) else {
            continue;
        };
        let before: Vec<String> = words[n.saturating_sub(8)..n].iter().map(bare).collect();
        // Or the name just after the span: "the following 2024/25 BCSP priority
        // areas", "our 2024-27 Strategy".
        let after = words[n + 1..]
            .iter()
            .take(3)
            .map(bare)
            .any(|w| NAMED_AFTER.contains(&w.as_str()));
        let named = after
            || before
                .iter()
                .any(|w| NAMES_THE_DOCUMENT.contains(&w.as_str()));
        let near: &[String] = &before[before.len().saturating_sub(3)..];
        // "The Safer Anytown Plan for 2020/23 outlined the priorities of ...": a
        // plan spoken of in the past tense is the one before.
        let spoken_of_before = words
            .get(n + 1)
            .map(bare)
            .is_some_and(|w| PAST.contains(&w.as_str()));
        let other = spoken_of_before || near.iter().any(|w| ANOTHER_PLAN.contains(&w.as_str()));
        let draft = before.iter().any(|w| w == "draft");
        if named && !other && (drafts || !draft) {
            return Some((from, to));
        }
    }
    None
}

/// `2024-2027`, `2024-27`, `2013/14`, `2016/2020`, `2024 - 2027`, `2024 to 2027` at the
/// start of `words`: the first and last years.
fn years_at(words: &[String]) -> Option<(u32, u32)> {
    let clean = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let year = |w: &str| {
        (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<u32>().ok())
            .flatten()
    };
    let first = words.first()?;
    let first = first.trim_start_matches(|c: char| !c.is_alphanumeric());
    // One word: 2024-2027, 2024-27, 2013/14, 2016/2020.
    if let Some((a, b)) = first.split_once(['-', '–', '/']) {
        let (a, b) = (clean(a), clean(b));
        let from = year(&a)?;
        return end_year(from, &b).map(|to| (from, to));
    }
    let from = year(&clean(first))?;
    // Three words: 2024 - 2027, 2024 to 2027.
    // Or four, the last year with its month: "April 2014 to March 2017".
    let sep = words.get(1)?;
    if matches!(sep.as_str(), "-" | "–" | "to" | "/") {
        let third = clean(words.get(2)?);
        let to = end_year(from, &third).or_else(|| {
            let month = super::dates::is_month(&third);
            month
                .then(|| end_year(from, &clean(words.get(3)?)))
                .flatten()
        })?;
        return Some((from, to));
    }
    None
}

/// The end of a span starting `from`: `2027` or `27`, one to ten years on.
fn end_year(from: u32, text: &str) -> Option<u32> {
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let to = match text.len() {
        4 => text.parse::<u32>().ok()?,
        2 => from / 100 * 100 + text.parse::<u32>().ok()?,
        _ => return None,
    };
    (to > from && to - from <= 10).then_some(to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        for (text, want) in [
            (
                "Community Safety Partnership Plan 2023-2026",
                Some((2023, 2026)),
            ),
            (
                "the Community Safety Plan for Middlesbrough 2024-26.",
                Some((2024, 2026)),
            ),
            (
                "priorities across Lancashire for 2013/14.",
                Some((2013, 2014)),
            ),
            (
                "Lancashire Community Safety Agreement – 2014 - 2016",
                Some((2014, 2016)),
            ),
            ("Draft Strategy 2020-23", None),
            (
                "can be found here: draft Community Safety and Crime Reduction Strategy 2020-23",
                None,
            ),
            ("offences during 2021/22 were below", None),
            ("Publication date: 22/09/2022", None),
            (
                "suggest that the following 2024/25 BCSP priority areas should be:",
                Some((2024, 2025)),
            ),
            ("the 2021/22 strategic assessment found", None),
            // Numbers that are not years are no period.
            ("Youth Strategy 16 - 18", None),
        ] {
            assert_eq!(period_in(text, false), want, "{text}");
        }
    }

    #[test]
    fn a_drafts_period_only_when_there_is_no_other() {
        assert_eq!(
            period(&["the draft Strategy 2020-23", "Strategy 2017-20"]),
            Some((2017, 2020))
        );
        assert_eq!(period(&["the draft Plan 2025-2028"]), Some((2025, 2028)));
    }

    #[test]
    fn the_word_after_a_place_is_read_past_punctuation() {
        // "Rochdale," then "Community Safety Partnership": the partnership's own
        // place, though a comma stands between; Manchester is only named.
        assert_eq!(
            find(
                &["Manchester, and Rochdale, Community Safety Partnership"],
                &[]
            )
            .map(|(n, _)| n)
            .as_deref(),
            Some("Rochdale")
        );
    }

    #[test]
    fn a_run_of_words_that_only_say_what_kind_of_place_is_no_place() {
        let found = |t: &[&str]| find(t, &[]).map(|(n, _)| n);
        // "The City" is an alias of the City of London: a council calling itself
        // "The City Council" is not the City of London.
        assert_eq!(
            found(&[
                "Safer Anytown Strategy",
                "The City Council and Southampton’s partners agreed the strategy."
            ])
            .as_deref(),
            Some("Southampton")
        );
        assert_eq!(found(&["The County Council and the City Council"]), None);
        // The name itself still resolves.
        assert_eq!(
            found(&["The City of London Safer City Partnership"]).as_deref(),
            Some("City of London")
        );
    }

    #[test]
    fn a_council_named_plainly_is_preferred_to_the_police_area_around_it() {
        // Both named plainly, the police force area first: the council's area is the
        // more specific, and a partnership is a council's.
        assert_eq!(
            find(
                &[
                    "Community Safety Plan",
                    "Crime across Thames Valley has fallen, and in Oxford it fell furthest."
                ],
                &[]
            )
            .map(|(n, _)| n)
            .as_deref(),
            Some("Oxford")
        );
    }

    #[test]
    fn areas() {
        let found = |t: &str| find(&[t], &[]).map(|(n, _)| n);
        assert_eq!(
            found("The Safer Bromley Partnership was set up").as_deref(),
            Some("Bromley")
        );
        assert_eq!(
            found("West Lancashire Community Safety Partnership (CSP)").as_deref(),
            Some("West Lancashire")
        );
        assert_eq!(
            found("The report summarised the Community Safety Plan for Middlesbrough’s residents")
                .as_deref(),
            Some("Middlesbrough")
        );
        assert_eq!(found("Documents and Data"), None);
    }
}
