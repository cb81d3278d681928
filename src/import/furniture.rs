//! Page furniture: what a page adds around the text, dropped and counted.
//!
//! Page numbers (`12`, `Page 3 of 40`), "this page is intentionally left blank",
//! rules (`---`) and running headers and footers (the lines that come back at the
//! page breaks of a PDF's text) are the layout's, not the document's: kept, they
//! would break prose in mid-sentence and be read as headings. Only what is provably
//! furniture goes; the readers drop it, and the summary lists every line dropped,
//! so that a person can see nothing else went.

use std::collections::{HashMap, HashSet};

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
/// notices, rules and, where the text marks its page breaks (a form feed, as PDF
/// text has), the running headers and footers. What [`read`](super::text::read) drops.
///
/// A line is a running header only when it is provably one: it sits at the top or
/// the bottom of a page, and the same line sits there on at least three pages. A
/// short line that merely comes back often (`Lead: Kent Police` in an action plan,
/// `Why this matters` under every priority) is the document's, and stays.
pub fn furniture_lines(lines: &[&str]) -> Vec<bool> {
    let running = running_headers(lines);
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let t = l.trim();
            !t.is_empty() && !l.contains('\t') && (is_furniture(t) || running.contains(&i))
        })
        .collect()
}

/// The lines at the edges of pages (the first two and last two non-blank lines of
/// each page) that come back at the edges of three pages or more.
fn running_headers(lines: &[&str]) -> HashSet<usize> {
    let mut pages: Vec<Vec<usize>> = vec![Vec::new()];
    for (i, line) in lines.iter().enumerate() {
        if line.contains('\u{c}') {
            pages.push(Vec::new());
        }
        if !line.trim().is_empty() && !line.contains('\t') {
            pages.last_mut().expect("one page at least").push(i);
        }
    }
    if pages.len() < 3 {
        return HashSet::new();
    }
    let key = |i: usize| lines[i].trim().trim_matches('\u{c}').trim().to_string();
    let mut edges: HashMap<String, Vec<usize>> = HashMap::new();
    for page in &pages {
        let mut at: Vec<usize> = page
            .iter()
            .take(2)
            .chain(page.iter().rev().take(2))
            .copied()
            .collect();
        at.sort_unstable();
        at.dedup();
        for i in at {
            let k = key(i);
            if !k.is_empty() && k.len() <= 120 {
                edges.entry(k).or_default().push(i);
            }
        }
    }
    edges
        .into_values()
        .filter(|at| at.len() >= 3)
        .flatten()
        .collect()
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

    #[test]
    fn repeated_lines_are_kept_unless_they_sit_at_page_breaks() {
        let plan = "Lead: Kent Police\nWhy this matters\nText.\nLead: Kent Police\nWhy this matters\nMore.\nLead: Kent Police\nWhy this matters\nEnd.";
        let lines: Vec<&str> = plan.lines().collect();
        assert!(furniture_lines(&lines).iter().all(|d| !d));
        let pdf = "Safer Anytown Plan\nOne.\nTwo.\n\u{c}Safer Anytown Plan\nThree.\nFour.\n\u{c}Safer Anytown Plan\nFive.\nSix.\nSeven.";
        let lines: Vec<&str> = pdf.lines().collect();
        let dropped: Vec<&str> = lines
            .iter()
            .zip(furniture_lines(&lines))
            .filter(|(_, d)| *d)
            .map(|(l, _)| l.trim_matches('\u{c}'))
            .collect();
        assert_eq!(dropped, ["Safer Anytown Plan"; 3]);
    }
}
