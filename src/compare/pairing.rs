//! Pairing the things of an old version with those of a new one: by id, then by the
//! same title, then by a second key (a chapter's number), then by alike titles.
//!
//! Alike titles are found through an index of their words, so that pairing stays
//! linear in the number of things: a title is only compared with the titles that
//! share one of its less common words.

use std::collections::HashMap;

use crate::text::matching;

/// How alike two titles must be ([`matching::similarity`]) to be the same thing renamed.
pub const RENAME_THRESHOLD: f64 = 0.5;

/// Words shared by more titles than this are too common to find candidates by.
const MAX_POSTING: usize = 24;

/// One thing to pair.
#[derive(Debug, Clone, Copy, Default)]
pub struct Key<'a> {
    /// Its id, when it has one.
    pub id: Option<&'a str>,
    /// A second exact key tried after the title (a chapter's number).
    pub alt: Option<&'a str>,
    /// Its title or text.
    pub title: &'a str,
}

/// For each new thing, the index of the old thing it is (or `None` when it is new).
/// Each old thing is paired at most once.
pub fn pair(old: &[Key], new: &[Key], threshold: f64) -> Vec<Option<usize>> {
    let mut of_new: Vec<Option<usize>> = vec![None; new.len()];
    let mut taken = vec![false; old.len()];

    // 1. The same id.
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for (i, k) in old.iter().enumerate() {
        if let Some(id) = k.id {
            by_id.entry(id).or_insert(i);
        }
    }
    for (j, k) in new.iter().enumerate() {
        if let Some(&i) = k.id.and_then(|id| by_id.get(id)) {
            if !taken[i] {
                taken[i] = true;
                of_new[j] = Some(i);
            }
        }
    }

    // 2. The same title (folded words); 3. the same second key.
    exact(old, new, &mut taken, &mut of_new, |k| {
        let words = matching::words(k.title);
        (!words.is_empty()).then(|| words.join(" "))
    });
    exact(old, new, &mut taken, &mut of_new, |k| {
        k.alt.map(str::to_lowercase)
    });

    // 4. Alike titles, best pairs first.
    let old_words: Vec<Vec<String>> = old
        .iter()
        .zip(&taken)
        .map(|(k, t)| {
            if *t {
                Vec::new()
            } else {
                matching::specific_words(k.title)
            }
        })
        .collect();
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, words) in old_words.iter().enumerate() {
        for w in words {
            postings.entry(w.as_str()).or_default().push(i);
        }
    }
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (j, k) in new.iter().enumerate() {
        if of_new[j].is_some() {
            continue;
        }
        let words = matching::specific_words(k.title);
        let mut seen: Vec<usize> = words
            .iter()
            .filter_map(|w| postings.get(w.as_str()))
            .filter(|list| list.len() <= MAX_POSTING)
            .flatten()
            .copied()
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for i in seen {
            let score = matching::similarity_of(&old_words[i], &words);
            if score >= threshold {
                candidates.push((score, j, i));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, j, i) in candidates {
        if of_new[j].is_none() && !taken[i] {
            taken[i] = true;
            of_new[j] = Some(i);
        }
    }
    of_new
}

/// Pairs what is left by an exact key.
fn exact(
    old: &[Key],
    new: &[Key],
    taken: &mut [bool],
    of_new: &mut [Option<usize>],
    key: impl Fn(&Key) -> Option<String>,
) {
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, k) in old.iter().enumerate() {
        if !taken[i] {
            if let Some(key) = key(k) {
                by_key.entry(key).or_default().push(i);
            }
        }
    }
    for list in by_key.values_mut() {
        list.reverse();
    }
    for (j, k) in new.iter().enumerate() {
        if of_new[j].is_some() {
            continue;
        }
        let Some(list) = key(k).and_then(|key| by_key.get_mut(&key)) else {
            continue;
        };
        while let Some(i) = list.pop() {
            if !taken[i] {
                taken[i] = true;
                of_new[j] = Some(i);
                break;
            }
        }
    }
}

/// The old things no new thing was paired with, in order.
pub fn unpaired(old_len: usize, of_new: &[Option<usize>]) -> Vec<usize> {
    let mut taken = vec![false; old_len];
    for i in of_new.iter().flatten() {
        taken[*i] = true;
    }
    (0..old_len).filter(|i| !taken[*i]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key<'a>(id: &'a str, title: &'a str) -> Key<'a> {
        Key {
            id: Some(id),
            alt: None,
            title,
        }
    }

    #[test]
    fn pairs_by_id_then_title_then_likeness() {
        let old = [
            key("DA", "Domestic Abuse"),
            key("SOC", "Serious and Organised Crime"),
            key("ASB", "Anti-Social Behaviour"),
            key("RS", "Road Safety"),
            key("X", "Acquisitive Crime"),
        ];
        let new = [
            key("DA", "Domestic Abuse and Stalking"),
            key("SVOC", "Serious Violence and Organised Crime"),
            key(
                "NCASB",
                "Preventing Neighbourhood Crime & ASB (Anti-Social Behaviour)",
            ),
            key("ROAD", "Road safety"),
            key("VAWG", "Violence Against Women and Girls"),
        ];
        let pairs = pair(&old, &new, RENAME_THRESHOLD);
        assert_eq!(pairs, [Some(0), Some(1), Some(2), Some(3), None]);
        assert_eq!(unpaired(old.len(), &pairs), [4]);
    }

    #[test]
    fn each_old_thing_pairs_once() {
        let old = [key("A", "Domestic Abuse")];
        let new = [key("B", "Domestic Abuse"), key("C", "Domestic Abuse")];
        assert_eq!(pair(&old, &new, RENAME_THRESHOLD), [Some(0), None]);
    }

    #[test]
    fn second_key_pairs_renumbered_titles() {
        let old = [Key {
            id: None,
            alt: Some("Appendix D"),
            title: "Police & Crime Plan (2017-2021)",
        }];
        let new = [Key {
            id: None,
            alt: Some("Appendix D"),
            title: "Making Kent Safer",
        }];
        assert_eq!(pair(&old, &new, RENAME_THRESHOLD), [Some(0)]);
    }
}
