//! Typed values: dates, periods, numbers and comma-separated lists, parsed from a
//! field's text with the exact span of each part.

use std::fmt;

use serde::{Serialize, Serializer};

/// A calendar date, or a month when the day is not known (`2022-04`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u32,
    /// Day of the month, when given.
    pub day: Option<u32>,
}

impl Date {
    /// The month's name in English (`April`); empty for a month out of range.
    pub fn month_name(self) -> &'static str {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        MONTHS
            .get(self.month.saturating_sub(1) as usize)
            .copied()
            .unwrap_or("")
    }

    /// A full date. Returns `None` when it does not exist (2023-02-30).
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        let date = Self {
            year,
            month,
            day: Some(day),
        };
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(date)
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM`.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.split('-');
        let year = parts.next().filter(|p| p.len() == 4)?.parse().ok()?;
        let month: u32 = parts.next().filter(|p| p.len() == 2)?.parse().ok()?;
        let day = match parts.next() {
            Some(p) if p.len() == 2 => Some(p.parse().ok()?),
            Some(_) => return None,
            None => None,
        };
        if parts.next().is_some() || !text.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
            return None;
        }
        match day {
            Some(d) => Self::ymd(year, month, d),
            None => (1..=12).contains(&month).then_some(Self {
                year,
                month,
                day: None,
            }),
        }
    }

    /// The first day this date could mean (the 1st for a month).
    pub fn first_day(self) -> Self {
        Self {
            day: Some(self.day.unwrap_or(1)),
            ..self
        }
    }

    /// The last day this date could mean (the month's last day for a month).
    pub fn last_day(self) -> Self {
        Self {
            day: Some(self.day.unwrap_or(days_in_month(self.year, self.month))),
            ..self
        }
    }

    /// Days since 1970-01-01 of the first day this date could mean.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let d = self.first_day();
        let y = if d.month <= 2 { d.year - 1 } else { d.year } as i64;
        let m = d.month as i64;
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let doy =
            (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d.day.unwrap_or(1) as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.day {
            Some(day) => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, day),
            None => write!(f, "{:04}-{:02}", self.year, self.month),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A period `FROM to TO`, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    /// First day.
    pub from: Date,
    /// Last day.
    pub to: Date,
}

impl Period {
    /// Parses a period as officers write one: `2022-04-01 to 2025-03-31` (dates or
    /// months), `2024/25 to 2026/27` (financial years), or in whole years:
    /// `2024-2027`, `2024 to 2027`, `2024–2027`, `2024/2027` or `2024-27` (all the
    /// financial years 2024/25 to 2026/27, as plans title themselves: one reading,
    /// however the years are joined), `2024/25` or `2024-25` (one financial year).
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if let Some((from, to)) = text.split_once(" to ") {
            // Two bare years read as `2024-2027` does; the same year twice is that
            // calendar year.
            if let (Some(a), Some(b)) = (year(from.trim()), year(to.trim())) {
                if a < b {
                    return Some(Self {
                        from: fy_start(a),
                        to: fy_end(b - 1),
                    });
                }
            }
            let from = endpoint(from.trim(), false)?;
            let to = endpoint(to.trim(), true)?;
            return (from.first_day() <= to.last_day()).then_some(Self { from, to });
        }
        if let Some(start) = financial_year(text) {
            return Some(Self {
                from: fy_start(start),
                to: fy_end(start),
            });
        }
        let (a, b) = text.split_once(['-', '\u{2013}', '/'])?;
        let a = year(a.trim())?;
        let b = b.trim();
        // `2021-23`: the end year in two digits, in the same century.
        let b = match b.len() {
            2 if b.bytes().all(|c| c.is_ascii_digit()) => a - a % 100 + b.parse::<i32>().ok()?,
            _ => year(b)?,
        };
        (a < b).then(|| Self {
            from: fy_start(a),
            to: fy_end(b - 1),
        })
    }

    /// Whether `date` falls within the period.
    pub fn covers(&self, date: Date) -> bool {
        self.from.first_day() <= date.first_day() && date.first_day() <= self.to.last_day()
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} to {}", self.from, self.to)
    }
}

impl Date {
    /// Parses a date as a field may give it: `YYYY-MM-DD`, `YYYY-MM`, or a financial
    /// year (`2024/25`: its first day, 2024-04-01).
    pub fn parse_field(text: &str) -> Option<Self> {
        Self::parse(text).or_else(|| financial_year(text.trim()).map(fy_start))
    }
}

/// A four-digit year.
fn year(text: &str) -> Option<i32> {
    (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// The first year of a financial year written `2024/25`, `2024/2025` or `2024-25`.
fn financial_year(text: &str) -> Option<i32> {
    let (a, b) = text
        .split_once('/')
        .or_else(|| text.split_once('-').filter(|(_, b)| b.len() == 2))?;
    let start = year(a)?;
    let next = match b.len() {
        2 if b.bytes().all(|c| c.is_ascii_digit()) => b.parse::<i32>().ok()?,
        4 => year(b)? % 100,
        _ => return None,
    };
    (next == (start + 1) % 100).then_some(start)
}

fn fy_start(year: i32) -> Date {
    Date {
        year,
        month: 4,
        day: Some(1),
    }
}

fn fy_end(year: i32) -> Date {
    Date {
        year: year + 1,
        month: 3,
        day: Some(31),
    }
}

/// One end of a period: a date, a month, a financial year or a year.
fn endpoint(text: &str, end: bool) -> Option<Date> {
    if let Some(date) = Date::parse(text) {
        return Some(date);
    }
    if let Some(start) = financial_year(text) {
        return Some(if end { fy_end(start) } else { fy_start(start) });
    }
    let y = year(text)?;
    Some(Date {
        year: y,
        month: if end { 12 } else { 1 },
        day: Some(if end { 31 } else { 1 }),
    })
}

/// The first period written in running text, such as a title's "Plan 2022-2025",
/// "Strategy 2024 to 2027" or "(2024/25)": as written, and as read. A lone year
/// or a date is not a period.
pub fn period_in(text: &str) -> Option<(String, Period)> {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_ascii_digit()))
        .collect();
    for (i, word) in words.iter().enumerate() {
        if !word.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        if let (Some(&"to"), Some(end)) = (
            text.split_whitespace().nth(i + 1).as_ref(),
            words.get(i + 2),
        ) {
            let written = format!("{word} to {end}");
            if let Some(period) = Period::parse(&written) {
                return Some((written, period));
            }
        }
        if let Some(period) = Period::parse(word) {
            return Some((word.to_string(), period));
        }
    }
    None
}

/// Splits `text` (found at byte `offset`) at commas into trimmed, non-empty parts,
/// each with its byte range.
pub fn split_list(text: &str, offset: usize) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut start = 0;
    for part in text.split(',') {
        let lead = part.len() - part.trim_start().len();
        let trimmed = part.trim();
        if !trimmed.is_empty() {
            let s = offset + start + lead;
            out.push((trimmed.to_string(), s..s + trimmed.len()));
        }
        start += part.len() + 1;
    }
    out
}

/// Days since 1970-01-01 that "today" is, when a front end sets it: the browser has
/// no system clock the standard library can read, so its bindings pass the page's date.
static TODAY_SET: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(i64::MIN);

/// Sets the date [`today`] answers (days since 1970-01-01), for a front end without a
/// system clock.
pub fn set_today(days: i64) {
    TODAY_SET.store(days, std::sync::atomic::Ordering::Relaxed);
}

/// Today's date (UTC): the one a front end set, else the system clock's.
pub fn today() -> Date {
    let set = TODAY_SET.load(std::sync::atomic::Ordering::Relaxed);
    if set != i64::MIN {
        return date_from_days(set);
    }
    date_from_days(system_days())
}

#[cfg(not(target_family = "wasm"))]
fn system_days() -> i64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    secs.div_euclid(86_400)
}

/// The browser's bindings set the date before every call; 1970-01-01 otherwise.
#[cfg(target_family = "wasm")]
fn system_days() -> i64 {
    0
}

/// The date `days` after 1970-01-01.
pub fn date_from_days(days: i64) -> Date {
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date {
        year,
        month,
        day: Some(day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_full_and_month_forms() {
        assert_eq!(Date::parse("2022-04-01"), Date::ymd(2022, 4, 1));
        assert_eq!(Date::parse("2022-04").unwrap().to_string(), "2022-04");
        for bad in [
            "2022-4-1",
            "1 April 2022",
            "2023-02-29",
            "2022-13",
            "2022-04-01-01",
            "２０２２-04",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2024-02-29").is_some());
    }

    #[test]
    fn titles_state_their_periods() {
        let read = |t: &str| super::period_in(t).map(|(w, p)| (w, p.to_string()));
        assert_eq!(
            read("Anytown Community Safety Partnership Plan 2022-2025"),
            Some(("2022-2025".into(), "2022-04-01 to 2025-03-31".into()))
        );
        assert_eq!(
            read("Safer Anytown Strategy 2024 to 2027"),
            Some(("2024 to 2027".into(), "2024-04-01 to 2027-03-31".into()))
        );
        assert_eq!(
            read("Community Safety Plan (2024/25)"),
            Some(("2024/25".into(), "2024-04-01 to 2025-03-31".into()))
        );
        assert_eq!(read("Kent Community Safety Agreement April 2017"), None);
        assert_eq!(read("Plan agreed 2022-04-01"), None);
        assert_eq!(read("Community Safety Agreement"), None);
    }

    #[test]
    fn years_joined_by_to_or_a_dash_end_on_the_same_day() {
        for (a, b) in [
            ("2020 to 2024", "2020-2024"),
            ("2022 to 2025", "2022\u{2013}2025"),
        ] {
            assert_eq!(Period::parse(a), Period::parse(b), "{a} / {b}");
        }
    }

    #[test]
    fn periods_cover_their_ends() {
        let p = Period::parse("2022-04-01 to 2025-03-31").unwrap();
        assert!(p.covers(Date::parse("2022-04-01").unwrap()));
        assert!(p.covers(Date::parse("2025-03-31").unwrap()));
        assert!(!p.covers(Date::parse("2025-04-01").unwrap()));
        assert!(!p.covers(Date::parse("2022-03-31").unwrap()));
    }

    #[test]
    fn periods_read_the_forms_officers_write() {
        let fy = |a: &str, b: &str| Period {
            from: Date::parse(a).unwrap(),
            to: Date::parse(b).unwrap(),
        };
        for (text, want) in [
            ("2024-04-01 to 2027-03-31", fy("2024-04-01", "2027-03-31")),
            ("2024-2027", fy("2024-04-01", "2027-03-31")),
            ("2022\u{2013}2025", fy("2022-04-01", "2025-03-31")),
            ("2024/25", fy("2024-04-01", "2025-03-31")),
            ("2024-25", fy("2024-04-01", "2025-03-31")),
            ("2024/25 to 2026/27", fy("2024-04-01", "2027-03-31")),
            ("2024 to 2026", fy("2024-04-01", "2026-03-31")),
            ("2020 to 2024", fy("2020-04-01", "2024-03-31")),
            ("2024 to 2024", fy("2024-01-01", "2024-12-31")),
            ("2017-04 to 2021-03", fy("2017-04", "2021-03")),
            ("2016/2020", fy("2016-04-01", "2020-03-31")),
            ("2021-23", fy("2021-04-01", "2023-03-31")),
        ] {
            assert_eq!(Period::parse(text), Some(want), "{text}");
        }
        for bad in [
            "2024",
            "2027-2024",
            "2024/2024",
            "2025-03-31 to 2024-04-01",
            "soon",
        ] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
        assert_eq!(Date::parse_field("2024/25"), Date::parse("2024-04-01"));
        assert_eq!(Date::parse_field("2024-04"), Date::parse("2024-04"));
    }

    #[test]
    fn epoch_days_order_dates() {
        assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
        assert_eq!(
            Date::parse("2000-03-01").unwrap().days_since_epoch(),
            11_017
        );
    }

    #[test]
    fn lists_keep_exact_ranges() {
        let parts = split_list(" MKS-1,  MKS-2 ,,x", 10);
        assert_eq!(
            parts,
            vec![
                ("MKS-1".to_string(), 11..16),
                ("MKS-2".to_string(), 19..24),
                ("x".to_string(), 27..28)
            ]
        );
    }
}
