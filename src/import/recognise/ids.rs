//! Ids for the blocks the importer writes (`@priority DA`, `@authority kp`).
//!
//! The draft has to parse, and references between blocks (a lead's priority)
//! have to resolve, so every id is made from its title the same way and made
//! unique by a number where two titles would give the same one.

use std::collections::HashSet;

/// `base`, or `base2`, `base3`, ... when it is taken; the one returned is taken now.
pub(super) fn unique(ids: &mut HashSet<String>, base: String) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while !ids.insert(id.clone()) {
        id = format!("{base}{n}");
        n += 1;
    }
    id
}

/// An id from a title: its acronym in brackets (`VAWG`), or the initials of its
/// words (`Domestic Abuse` → `DA`), keeping words already in capitals (`ASB`).
pub fn make_id(title: &str) -> String {
    let title = title.trim();
    if let (Some(open), Some(close)) = (title.rfind('('), title.rfind(')')) {
        let inner = title.get(open + 1..close).unwrap_or("").trim();
        if (2..=8).contains(&inner.len()) && inner.chars().all(|c| c.is_ascii_uppercase()) {
            return inner.to_string();
        }
    }
    let plain = title.split('(').next().unwrap_or(title);
    let mut id = String::new();
    for word in plain.split(|c: char| c.is_whitespace() || c == '-' || c == '/') {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() || is_small(word) {
            continue;
        }
        if word.len() >= 2 && word.len() <= 5 && word.chars().all(|c| c.is_ascii_uppercase()) {
            id.push_str(word);
        } else if let Some(c) = word.chars().next().filter(char::is_ascii_alphanumeric) {
            id.push(c.to_ascii_uppercase());
        }
    }
    if id.len() < 2 {
        id = plain
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .take(8)
            .collect::<String>()
            .to_uppercase();
    }
    if id.is_empty() {
        id = "X".to_string();
    }
    id
}

fn is_small(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "and"
            | "of"
            | "the"
            | "for"
            | "to"
            | "in"
            | "on"
            | "a"
            | "an"
            | "with"
            | "from"
            | "by"
            | "at"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert_eq!(make_id("Domestic Abuse"), "DA");
        assert_eq!(make_id("Violence Against Women and Girls (VAWG)"), "VAWG");
        assert_eq!(
            make_id("Preventing Neighbourhood Crime & ASB (Anti-Social Behaviour)"),
            "PNCASB"
        );
        assert_eq!(make_id("Making Kent Safer"), "MKS");
    }
}
