//! Page furniture: what a page adds around the text, dropped and counted.
//!
//! Page numbers (`12`, `Page 3 of 40`), "this page is intentionally left blank",
//! rules (`---`) and running headers and footers (short lines that come back on
//! page after page) are the layout's, not the document's: kept, they would break
//! prose in mid-sentence and be read as headings. Both readers drop them, and the
//! summary says how many, so that a person can see nothing else went.

use std::collections::HashMap;

/// A page number (`12`, `Page 3`, `Page 3 of 40`), a blank-page notice or a rule.
pub fn is_furniture(line: &str) -> bool {
    let l = line.trim().to_lowercase();
    if l.is_empty() {
        return false;
    }
    if l.chars().all(|c| matches!(c, '-' | '_' | '*' | '=')) && l.len() >= 3 {
        return true;
    }
    if l.contains("intentionally blank") || l.contains("intentionally left blank") {
        return l.split_whitespace().count() <= 10;
    }
    let rest = l.strip_prefix("page").map(str::trim_start).unwrap_or(&l);
    let mut parts = rest.split_whitespace();
    let first = parts.next().unwrap_or("");
    let number = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    match (parts.next(), parts.next(), parts.next()) {
        (None, ..) => number(first),
        (Some("of" | "/"), Some(total), None) => number(first) && number(total),
        _ => false,
    }
}

/// Which lines are page furniture (outside tables): page numbers, blank-page
/// notices, rules and running headers. What [`read`](super::text::read) drops.
pub fn furniture_lines(lines: &[&str]) -> Vec<bool> {
    let running = running_headers(lines);
    lines
        .iter()
        .map(|l| {
            let t = l.trim();
            !t.is_empty() && !l.contains('\t') && (is_furniture(t) || running.contains_key(t))
        })
        .collect()
}

/// Short lines that come back at least three times: running headers and footers.
fn running_headers<'a>(lines: &[&'a str]) -> HashMap<&'a str, usize> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for line in lines {
        let l = line.trim();
        if !l.is_empty()
            && !line.contains('\t')
            && l.len() <= 80
            && !l.starts_with(['-', '*', '•', '#', '<'])
            && l.split_whitespace().count() <= 10
            && l.chars().any(char::is_alphabetic)
            && !l.ends_with(':')
        {
            *counts.entry(l).or_default() += 1;
        }
    }
    counts.retain(|_, n| *n >= 3);
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture() {
        for l in [
            "12",
            "Page 3",
            "page 3 of 40",
            "---",
            "This page has been left intentionally blank",
        ] {
            assert!(is_furniture(l), "{l}");
        }
        for l in ["2.0", "Page 3 Page 41", "Domestic Abuse", "12 districts"] {
            assert!(!is_furniture(l), "{l}");
        }
    }
}
