//! Priorities told in running prose and called so only in the sentence after:
//!
//! "Manchester's Community Safety Strategy sets out the vision for the Community
//! Safety Partnership (CSP) to tackle crime and antisocial behaviour in the city by
//! reducing violence and exploitation, supporting victims and vulnerable people,
//! building strong and resilient communities, and improving the safety of public
//! spaces. The current strategy ... outlines how the CSP will work with partners
//! and residents to deliver these priorities, ..."
//!
//! The entries are the means after the last "by", each opening with what will be
//! done ("reducing", "supporting", ...), three or more, when the next sentence
//! calls them "these priorities". A sentence of means the next one does not call
//! priorities stays prose.

use super::priorities::{FoundList, ListKind};
use super::words::{split_names, words};

/// The entries of `sentence`, when the one after it (`next`) calls them priorities.
pub(super) fn means_called_priorities(
    sentence: &str,
    next: Option<&str>,
    i: usize,
) -> Option<FoundList> {
    // Most sentences have no "by": looked for before the next one is read.
    let (_, means) = sentence.rsplit_once(" by ")?;
    if !next?.to_lowercase().contains("these priorities") {
        return None;
    }
    let means = means.trim().trim_end_matches('.');
    let names: Vec<String> = split_names(means)
        .into_iter()
        .map(|n| n.strip_prefix("and ").unwrap_or(&n).trim().to_string())
        .collect();
    let what_is_done = |n: &String| {
        let first = n.split_whitespace().next().unwrap_or("");
        first.len() > 4
            && first.ends_with("ing")
            && first.starts_with(char::is_lowercase)
            && (2..=8).contains(&words(n))
    };
    if names.len() < 3 || !names.iter().all(what_is_done) {
        return None;
    }
    Some(FoundList::named_inline(ListKind::Priority, i, &names, i))
}
