//! A field's value against the kind the schema gives it: a date, a period, a whole
//! number or one of a list of words, with a hint for the usual mistakes (a date in
//! words, a word misspelt).

use super::{codes, schema, Lowering};
use crate::ast::schema::{FieldSpec, ValueKind};
use crate::ast::values::{Date, Period};
use crate::syntax::Token;

impl Lowering<'_> {
    /// Checks a value against its field's kind; reports and returns false when wrong.
    pub(super) fn check_value(&mut self, spec: &FieldSpec, value: &Token) -> bool {
        let text = value.text.trim();
        let range = value.range.start..value.range.start + text.len();
        let problem = match spec.value {
            ValueKind::Date if Date::parse_field(text).is_none() => Some((
                format!("`{text}` is not a date"),
                format!("write dates as YYYY-MM-DD, such as `2022-04-01`, or YYYY-MM when only the month is known{}", date_hint(text)),
            )),
            ValueKind::Period if Period::parse(text).is_none() => Some((
                format!("`{text}` is not a period"),
                "write a period as `DATE to DATE`, such as `2022-04-01 to 2025-03-31`, or in financial years, such as `2024/25 to 2026/27` or `2024-2027`".to_string(),
            )),
            ValueKind::Number if text.parse::<u32>().is_err() => Some((
                format!("`{text}` is not a whole number"),
                "write the number in digits, such as `12`".to_string(),
            )),
            ValueKind::OneOf(words) if !words.contains(&text) => {
                let suggestion = schema::did_you_mean(text, words.iter().copied());
                Some((
                    match suggestion {
                        Some(s) => format!("`{text}` is not a valid `{}`; did you mean `{s}`?", spec.name),
                        None => format!("`{text}` is not a valid `{}`", spec.name),
                    },
                    format!("`{}` is one of {}", spec.name, words.iter().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(", ")),
                ))
            }
            _ => None,
        };
        match problem {
            Some((message, help)) => {
                self.error(codes::INVALID_VALUE, range, message, &help);
                false
            }
            None => true,
        }
    }
}

/// A suggestion for dates written in words, such as "1 April 2022".
fn date_hint(text: &str) -> String {
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
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.trim_end_matches(|c: char| {
                c.is_alphabetic() && w.chars().next().is_some_and(|f| f.is_ascii_digit())
            })
            .to_lowercase()
        })
        .collect();
    let month = words.iter().find_map(|w| {
        MONTHS
            .iter()
            .position(|m| m.starts_with(w.as_str()) && w.len() >= 3)
    });
    let year = words
        .iter()
        .find(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()));
    let day = words
        .iter()
        .find(|w| (1..=2).contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit()));
    match (day, month, year) {
        (Some(d), Some(m), Some(y)) => format!("; here, `{y}-{:02}-{:0>2}`", m + 1, d),
        (None, Some(m), Some(y)) => format!("; here, `{y}-{:02}`", m + 1),
        _ => String::new(),
    }
}
