//! The period: the first span of years printed next to the document's name
//! ("Plan 2023-2026", "Strategy for 2024-27", "priorities ... for 2013/14"),
//! passing over a draft's, a previous plan's and the Police and Crime Plan's.

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
/// "Monitoring Report (April 2021 to March 2022)", or an assessment's: "Strategic
/// Threat Assessment 2023/24", except in the title of the assessment itself).
const ANOTHER_PLAN: [&str; 6] = [
    "previous",
    "existing",
    "replace",
    "last",
    "report",
    "assessment",
];

/// Words just before a span of years, in its sentence, that look back on it
/// ("the progress the partnership made in 2021-22").
const LOOKED_BACK: [&str; 3] = ["made", "achieved", "during"];

/// The first period the texts print next to the document's name: (first year, last
/// year). A draft's period ("the draft Strategy 2020-23") is taken only when no
/// other is printed: a page about the current plan often announces the next.
pub(super) fn period(texts: &[&str]) -> Option<(u32, u32)> {
    // The title's years are the document's when the title says what it is
    // ("2017-2019 Safer Anytown Strategy", "STRATEGIC ASSESSMENT 2015/16"), not
    // an update's on its work ("Update on Work in Redditch 2022-23").
    let names_itself = |t: &str| {
        let l = t.to_lowercase();
        NAMED_AFTER
            .iter()
            .chain(["assessment"].iter())
            .any(|w| l.contains(w))
    };
    let at = |(n, t): (usize, &&str), drafts| period_in(t, drafts, n == 0 && names_itself(t));
    texts
        .iter()
        .enumerate()
        .find_map(|t| at(t, false))
        .or_else(|| years_under_the_name(texts))
        .or_else(|| years_closing_an_opening_line(texts))
        .or_else(|| texts.iter().enumerate().find_map(|t| at(t, true)))
        .or_else(|| super::approval::next_years(texts, 16))
}

/// "COMMUNITY SAFETY STRATEGY", then "2020-2023" on the line after: a line that
/// is only a span of years, printed under the document's name.
fn years_under_the_name(texts: &[&str]) -> Option<(u32, u32)> {
    texts.windows(2).find_map(|pair| {
        let words = lower_words(pair[1]);
        let only_years = years_at(&words).is_some() && words.len() <= 3;
        let names = pair[0]
            .to_lowercase()
            .split_whitespace()
            .any(|w| NAMED_AFTER.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())));
        (only_years && names).then(|| years_at(&words)).flatten()
    })
}

/// "Information Brochure 2012 -13" on the cover, under the title: a short line of
/// the opening that ends with a span of years dates the document, whatever it
/// calls itself.
fn years_closing_an_opening_line(texts: &[&str]) -> Option<(u32, u32)> {
    texts.iter().take(4).find_map(|t| {
        let words = lower_words(t);
        let n = words.len();
        if n > 6 {
            return None;
        }
        (n.saturating_sub(3)..n).find_map(|k| {
            let span = years_at(&words[k..])?;
            (span_width(&words[k..]) == n - k).then_some(span)
        })
    })
}

/// How many words the span of years at the start of `words` takes.
fn span_width(words: &[String]) -> usize {
    (1..=words.len().min(4))
        .find(|&w| years_at(&words[..w]).is_some())
        .unwrap_or(0)
}

fn lower_words(text: &str) -> Vec<String> {
    text.split_whitespace().map(|w| w.to_lowercase()).collect()
}

/// The first span of years in `text` that is the document's own: named with the
/// document ("Plan 2023-2026"), in its title, or in the line that introduces its
/// list ("Between 2018 and 2023, the work of partners will focus on:").
fn period_in(text: &str, drafts: bool, title: bool) -> Option<(u32, u32)> {
    let words = lower_words(text);
    let bare = |w: &String| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    // The introduction of the priorities' list, not of any list ("Other notable
    // findings for the 2023/24 period included:").
    let introduces = text.trim_end().ends_with(':')
        && (super::introductions::kind_named(&text.to_lowercase()).is_some()
            || text.contains(" focus on"));
    let mut introduced = None;
    for n in 0..words.len() {
        let Some((from, to)) = years_at(&words[n..]).or_else(|| between_at(&words, n)) else {
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
        // The sentence that ends with the colon of a list holds the span.
        let in_introduction =
            introduces && !words[n..words.len() - 1].iter().any(|w| w.ends_with('.'));
        let by_name = title
            || after
            || before
                .iter()
                .any(|w| NAMES_THE_DOCUMENT.contains(&w.as_str()));
        let near: &[String] = &before[before.len().saturating_sub(3)..];
        // "The Safer Anytown Plan for 2020/23 outlined the priorities of ...": a
        // plan spoken of in the past tense is the one before.
        // (Minutes report the present in the past: "The Plan 2021-24 was now in
        // its last year" is the current plan.)
        let now = words.get(n + 2).is_some_and(|w| w == "now");
        let spoken_of_before = !now
            && words
                .get(n + 1)
                .map(bare)
                .is_some_and(|w| PAST.contains(&w.as_str()));
        // "The Partnership aims 2023-2027 are:": the aims' years, not the plan's.
        let aims = near
            .last()
            .is_some_and(|w| ["aims", "aim", "vision", "ambitions"].contains(&w.as_str()));
        // "the West Mercia Police and Crime Plan 2016-2021": the Commissioner's.
        let commissioners = near
            .windows(2)
            .any(|p| p[0] == "crime" && p[1].starts_with("plan"));
        // "In the first year of the plan from 2021 to 2022": a year of the plan.
        let one_year = before.windows(2).any(|p| {
            ["first", "second", "third", "final", "each"].contains(&p[0].as_str()) && p[1] == "year"
        });
        // "Update on Work in Redditch 2022-23": an update's year, not the plan's.
        // ("Overview and scrutiny of the partnership 2020-21": the scrutiny's.)
        // Read back to the start of the span's sentence.
        let sentence_start = words[..n]
            .iter()
            .rposition(|w| w.ends_with('.'))
            .map_or(0, |k| k + 1);
        let sentence: Vec<String> = words[sentence_start..n].iter().map(bare).collect();
        let update = sentence.iter().any(|w| w == "update")
            || sentence
                .windows(2)
                .any(|p| p[0] == "scrutiny" && p[1] == "of");
        // Raw words, so that a full stop keeps another sentence's verb out.
        let looked_back = words[n.saturating_sub(3)..n]
            .iter()
            .any(|w| LOOKED_BACK.contains(&w.as_str()));
        let other = spoken_of_before
            || looked_back
            || update
            || aims
            || commissioners
            || one_year
            || near
                .iter()
                .any(|w| ANOTHER_PLAN.contains(&w.as_str()) && !(title && w == "assessment"));
        // "the proposed action plan for 2015/2016" is a draft's too.
        let draft = before.iter().any(|w| w == "draft" || w == "proposed");
        if other || (draft && !drafts) {
            continue;
        }
        if by_name {
            return Some((from, to));
        }
        // A span in the introduction counts only when none beside it is named
        // ("The 2023-24 Strategic Assessment confirmed that the priorities of the
        // 2023-30 Strategy are still current:" is the strategy's).
        if in_introduction && introduced.is_none() {
            introduced = Some((from, to));
        }
    }
    introduced
}

/// "between 2018 and 2023" at word `n` (the first year's).
fn between_at(words: &[String], n: usize) -> Option<(u32, u32)> {
    if n == 0 || words[n - 1] != "between" || words.get(n + 1)? != "and" {
        return None;
    }
    let span = [
        words[n].clone(),
        "to".to_string(),
        words.get(n + 2)?.clone(),
    ];
    years_at(&span)
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
    // "2012 -13": the dash set against the end year.
    if let Some(end) = sep.strip_prefix(['-', '–']).filter(|e| !e.is_empty()) {
        return end_year(from, &clean(end)).map(|to| (from, to));
    }
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
            assert_eq!(period_in(text, false, false), want, "{text}");
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
}
