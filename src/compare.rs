//! What changed between two versions of a document: priorities, themes, leads and
//! Police and Crime Plan objectives added, removed or renamed.
//!
//! Things are paired by id first. What is left on each side is paired by title when
//! the titles are alike (the same words, or one the other's words plus a few), as an
//! id often changes when a priority is renamed ("SOC" became "SVOC" when Serious and
//! Organised Crime became Serious Violence and Organised Crime). What is still left
//! was added or removed. `csa report --previous` shows the result.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::ast::Document;
use crate::rules::matching;

/// What happened to one thing between the two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In both, under another id or title.
    Renamed,
}

/// One change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Added, removed or renamed.
    pub change: ChangeKind,
    /// The id in the old version (absent when added, or for leads).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_id: Option<String>,
    /// The id in the new version (absent when removed, or for leads).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_id: Option<String>,
    /// The title or text in the old version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_title: Option<String>,
    /// The title or text in the new version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_title: Option<String>,
}

impl Change {
    /// The title of the thing as it is now (or was, when removed).
    pub fn title(&self) -> &str {
        self.new_title
            .as_deref()
            .or(self.old_title.as_deref())
            .or(self.new_id.as_deref())
            .or(self.old_id.as_deref())
            .unwrap_or("")
    }
}

/// Everything that changed, by kind of thing, each list in document order (new
/// version first, then what was removed, in the old version's order).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// Priorities.
    pub priorities: Vec<Change>,
    /// Cross-cutting themes.
    pub themes: Vec<Change>,
    /// Leads (a role and organisation, with the priority it leads).
    pub leads: Vec<Change>,
    /// Objectives of the Police and Crime Plans.
    pub objectives: Vec<Change>,
}

impl Comparison {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.priorities.is_empty()
            && self.themes.is_empty()
            && self.leads.is_empty()
            && self.objectives.is_empty()
    }
}

/// One thing to compare: its id and its title.
#[derive(Debug, Clone)]
struct Entry {
    id: String,
    title: String,
}

/// Compares the `old` and `new` versions of a document.
pub fn compare(old: &Document, new: &Document) -> Comparison {
    let priorities = |d: &Document| -> Vec<Entry> {
        d.priorities
            .iter()
            .map(|p| Entry {
                id: p.id.value.clone(),
                title: p
                    .title
                    .as_ref()
                    .map(|t| t.value.clone())
                    .unwrap_or_default(),
            })
            .collect()
    };
    let themes = |d: &Document| -> Vec<Entry> {
        d.themes
            .iter()
            .map(|t| Entry {
                id: t.id.value.clone(),
                title: t
                    .title
                    .as_ref()
                    .map(|t| t.value.clone())
                    .unwrap_or_default(),
            })
            .collect()
    };
    let objectives = |d: &Document| -> Vec<Entry> {
        d.plans
            .iter()
            .flat_map(|p| &p.objectives)
            .map(|o| Entry {
                id: o.id.value.clone(),
                title: o.text.as_ref().map(|t| t.value.clone()).unwrap_or_default(),
            })
            .collect()
    };
    Comparison {
        priorities: pair(priorities(old), priorities(new)),
        themes: pair(themes(old), themes(new)),
        leads: leads(old, new),
        objectives: pair(objectives(old), objectives(new)),
    }
}

/// Pairs old and new entries by id, then by alike titles; the rest were added or
/// removed.
fn pair(old: Vec<Entry>, new: Vec<Entry>) -> Vec<Change> {
    let old_by_id: HashMap<&str, &Entry> = old.iter().map(|e| (e.id.as_str(), e)).collect();
    let new_ids: HashSet<&str> = new.iter().map(|e| e.id.as_str()).collect();
    // Each change with its place: the new version's order, then what was removed.
    let mut out: Vec<(usize, Change)> = Vec::new();
    let mut unmatched_new = Vec::new();
    for (place, entry) in new.iter().enumerate() {
        match old_by_id.get(entry.id.as_str()) {
            Some(before) => {
                if words(&before.title) != words(&entry.title) {
                    out.push((place, renamed(before, entry)));
                }
            }
            None => unmatched_new.push((place, entry)),
        }
    }
    let unmatched_old: Vec<&Entry> = old
        .iter()
        .filter(|e| !new_ids.contains(e.id.as_str()))
        .collect();
    // Titles of what is left, by their folded words, so alike titles pair in one
    // pass; and by each word (leaving out words most titles share), so that finding
    // the titles that share words with a new one costs what they share, not a pass
    // over every old title.
    let old_words: Vec<Vec<String>> = unmatched_old.iter().map(|e| words(&e.title)).collect();
    let mut by_words: HashMap<&[String], Vec<usize>> = HashMap::new();
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, w) in old_words.iter().enumerate() {
        by_words.entry(w.as_slice()).or_default().push(i);
        let distinct: HashSet<&str> = w.iter().map(String::as_str).collect();
        for word in distinct {
            by_word.entry(word).or_default().push(i);
        }
    }
    const COMMON: usize = 64;
    let mut taken = vec![false; unmatched_old.len()];
    for (place, entry) in unmatched_new {
        let key = words(&entry.title);
        let exact = by_words
            .get(key.as_slice())
            .and_then(|list| list.iter().copied().find(|&i| !taken[i]));
        // A renamed title keeps most of its words: look for the old title sharing most.
        let found = exact.or_else(|| {
            let mut candidates: Vec<usize> = key
                .iter()
                .collect::<HashSet<_>>()
                .into_iter()
                .filter_map(|w| by_word.get(w.as_str()))
                .filter(|list| list.len() <= COMMON)
                .flatten()
                .copied()
                .filter(|&i| !taken[i])
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            candidates
                .into_iter()
                .map(|i| (alike(&old_words[i], &key), i))
                .filter(|(score, _)| *score >= 0.5)
                .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
                .map(|(_, i)| i)
        });
        match found {
            Some(i) => {
                taken[i] = true;
                out.push((place, renamed(unmatched_old[i], entry)));
            }
            None => out.push((
                place,
                Change {
                    change: ChangeKind::Added,
                    old_id: None,
                    new_id: Some(entry.id.clone()),
                    old_title: None,
                    new_title: Some(entry.title.clone()),
                },
            )),
        }
    }
    out.sort_by_key(|(place, _)| *place);
    let removed = unmatched_old
        .into_iter()
        .zip(taken)
        .filter(|(_, taken)| !taken)
        .map(|(e, _)| Change {
            change: ChangeKind::Removed,
            old_id: Some(e.id.clone()),
            new_id: None,
            old_title: Some(e.title.clone()),
            new_title: None,
        });
    out.into_iter().map(|(_, c)| c).chain(removed).collect()
}

fn renamed(old: &Entry, new: &Entry) -> Change {
    Change {
        change: ChangeKind::Renamed,
        old_id: Some(old.id.clone()),
        new_id: Some(new.id.clone()),
        old_title: Some(old.title.clone()),
        new_title: Some(new.title.clone()),
    }
}

/// The meaningful folded words of a title, in order.
fn words(title: &str) -> Vec<String> {
    matching::content_words(title)
}

/// How alike two titles are, from 0 to 1: the words they share over the words of
/// the longer; or, when one title has at least two words and all of them are in the
/// other ("Anti-Social Behaviour" in "Preventing Neighbourhood Crime & ASB
/// (Anti-Social Behaviour)"), 1.
fn alike(a: &[String], b: &[String]) -> f64 {
    let (longer, shorter) = (a.len().max(b.len()), a.len().min(b.len()));
    if longer == 0 {
        return 0.0;
    }
    let set: HashSet<&String> = a.iter().collect();
    let shared = b
        .iter()
        .collect::<HashSet<_>>()
        .into_iter()
        .filter(|w| set.contains(w))
        .count();
    if shorter >= 2 && shared >= shorter {
        1.0
    } else {
        shared as f64 / longer as f64
    }
}

/// Leads, as `role, organisation`: a lead is the same person when the words of its
/// role and organisation are. The priority it leads is shown, not compared (older
/// documents often do not say).
fn leads(old: &Document, new: &Document) -> Vec<Change> {
    let all = |d: &Document| -> Vec<(Vec<String>, String)> {
        let mut seen = HashSet::new();
        crate::publish::leads_of(d)
            .into_iter()
            .filter_map(|(priority, lead)| {
                let who = crate::publish::lead_words(lead);
                let key = matching::words(&who);
                seen.insert(key.clone()).then(|| {
                    let shown = match priority {
                        Some(p) => format!("{who} (leads {p})"),
                        None => who,
                    };
                    (key, shown)
                })
            })
            .collect()
    };
    let (before, after) = (all(old), all(new));
    let before_keys: HashSet<&Vec<String>> = before.iter().map(|(k, _)| k).collect();
    let after_keys: HashSet<&Vec<String>> = after.iter().map(|(k, _)| k).collect();
    let added = after
        .iter()
        .filter(|(k, _)| !before_keys.contains(k))
        .map(|(_, shown)| Change {
            change: ChangeKind::Added,
            old_id: None,
            new_id: None,
            old_title: None,
            new_title: Some(shown.clone()),
        });
    let removed = before
        .iter()
        .filter(|(k, _)| !after_keys.contains(k))
        .map(|(_, shown)| Change {
            change: ChangeKind::Removed,
            old_id: None,
            new_id: None,
            old_title: Some(shown.clone()),
            new_title: None,
        });
    added.chain(removed).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        crate::ast::parse(text).document
    }

    #[test]
    fn pairs_by_id_then_by_title() {
        let old = doc("@priority SOC: Serious and Organised Crime\n\n@priority ASB: Anti-Social Behaviour\n\n@priority AC: Acquisitive Crime\n");
        let new = doc("@priority SVOC: Serious Violence and Organised Crime\n\n@priority ASB: Anti-Social Behaviour and Neighbourhood Crime\n\n@priority VAWG: Violence Against Women and Girls\n");
        let changes = compare(&old, &new).priorities;
        let summary: Vec<(ChangeKind, Option<&str>, Option<&str>)> = changes
            .iter()
            .map(|c| (c.change, c.old_id.as_deref(), c.new_id.as_deref()))
            .collect();
        assert_eq!(
            summary,
            vec![
                (ChangeKind::Renamed, Some("SOC"), Some("SVOC")),
                (ChangeKind::Renamed, Some("ASB"), Some("ASB")),
                (ChangeKind::Added, None, Some("VAWG")),
                (ChangeKind::Removed, Some("AC"), None),
            ]
        );
    }

    #[test]
    fn the_same_document_has_no_changes() {
        let text = std::fs::read_to_string("examples/kent-2022.csa").unwrap();
        assert!(compare(&doc(&text), &doc(&text)).is_empty());
    }

    #[test]
    fn leads_added_and_removed() {
        let old = doc("@priority DA: Domestic Abuse\n  lead: Head of Policing, Kent Police\n");
        let new = doc("@priority DA: Domestic Abuse\n  lead: Chief Superintendent, Kent Police\n");
        let changes = compare(&old, &new).leads;
        assert_eq!(changes.len(), 2);
        assert_eq!(changes[0].change, ChangeKind::Added);
        assert!(changes[0].title().starts_with("Chief Superintendent"));
        assert_eq!(changes[1].change, ChangeKind::Removed);
    }
}
