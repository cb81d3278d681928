//! Dates and periods as the documents print them.
//!
//! Covers and version tables print months (`April 2022`, `1st April 2017`,
//! `01/04/2017`); titles print years (`2017-2021`). The format wants ISO dates,
//! and a period given only as years is a guess (financial years, April to
//! March), so the two are read apart and the guess is flagged as one.

use super::words::strip_markup;

/// Month names, for reading `April` or `Apr`.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether `word` names a month ("march", "Mar").
pub(super) fn is_month(word: &str) -> bool {
    let w = word.to_lowercase();
    w.len() >= 3 && MONTHS.iter().any(|m| m.starts_with(&w))
}

/// `April 2017`, `1st April 2017`, `2017-04-01`, `01/04/2017` → `2017-04` or `2017-04-01`.
pub(super) fn parse_month(text: &str) -> Option<String> {
    let text = strip_markup(text);
    let tokens: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|t| t.trim_matches(|c: char| matches!(c, '.' | ';' | ':' | '(' | ')' | '\'' | '’')))
        .filter(|t| !t.is_empty())
        .map(|t| t.to_lowercase())
        .collect();
    for (n, t) in tokens.iter().enumerate() {
        if let Some(m) = MONTHS
            .iter()
            .position(|m| t == m || (t.len() == 3 && m.starts_with(t.as_str())))
        {
            if let Some(year) = tokens
                .get(n + 1)
                .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
            {
                let day = n
                    .checked_sub(1)
                    .and_then(|p| tokens.get(p))
                    .map(|d| d.trim_end_matches(|c: char| c.is_alphabetic()))
                    .and_then(|d| d.parse::<u32>().ok())
                    .filter(|d| (1..=31).contains(d));
                return Some(match day {
                    Some(d) => format!("{year}-{:02}-{d:02}", m + 1),
                    None => format!("{year}-{:02}", m + 1),
                });
            }
        }
        if crate::ast::Date::parse(t).is_some() {
            return Some(t.clone());
        }
        let parts: Vec<&str> = t.split('/').collect();
        if let [d, m, y] = parts[..] {
            if let (Ok(d), Ok(m), true) = (d.parse::<u32>(), m.parse::<u32>(), y.len() == 4) {
                let date = format!("{y}-{m:02}-{d:02}");
                if crate::ast::Date::parse(&date).is_some() {
                    return Some(date);
                }
            }
        }
    }
    None
}

/// "April 2022 to March 2025" → an exact period.
pub(super) fn month_period(text: &str) -> Option<(String, bool)> {
    text.match_indices(" to ").find_map(|(at, _)| {
        let before: Vec<&str> = text[..at].split_whitespace().rev().take(2).collect();
        let from = parse_month(&before.into_iter().rev().collect::<Vec<_>>().join(" "))?;
        let after: Vec<&str> = text[at + 4..].split_whitespace().take(2).collect();
        let to = parse_month(&after.join(" "))?;
        Some((format!("{from} to {to}"), true))
    })
}

/// "2017-2021", "2022 – 2025" → financial years, a guess.
pub(super) fn year_period(text: &str) -> Option<(String, bool)> {
    let bytes = text.as_bytes();
    let mut years = Vec::new();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        if bytes[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
            && (i + 4 == bytes.len() || !bytes[i + 4].is_ascii_digit())
        {
            years.push(text[i..i + 4].parse::<u32>().ok()?);
            i += 4;
        } else {
            i += 1;
        }
    }
    match years[..] {
        [from, to, ..] if to > from && to - from <= 10 => {
            Some((format!("{from}-04-01 to {to}-03-31"), false))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_month("April 2017").as_deref(), Some("2017-04"));
        assert_eq!(parse_month("DRAFT APRIL 2018").as_deref(), Some("2018-04"));
        assert_eq!(parse_month("1st April 2017").as_deref(), Some("2017-04-01"));
        assert_eq!(parse_month("01/04/2017").as_deref(), Some("2017-04-01"));
        assert_eq!(parse_month("soon"), None);
    }

    #[test]
    fn a_span_of_years_is_a_period_only_when_it_could_be_a_plans() {
        assert_eq!(
            year_period("Strategy 2022 – 2025"),
            Some(("2022-04-01 to 2025-03-31".to_string(), false))
        );
        // Backwards, or longer than ten years: a history, not a plan's life.
        assert_eq!(year_period("2025 to 2022"), None);
        assert_eq!(year_period("between 2001 and 2021"), None);
    }
}
