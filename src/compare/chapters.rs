//! The document as chapters (its `#` headings), each with its prose cut into
//! paragraphs, and the comparison of the prose of two versions chapter by chapter.

use std::collections::HashMap;

use crate::ast::{Document, ItemKind};
use crate::text::matching;

use super::pairing::{self, Key};

/// One chapter: the text under a `#` heading, up to the next one. What comes before
/// the first heading is a chapter without a heading.
#[derive(Debug, Clone)]
pub struct Chapter {
    /// How version histories name it: `Ch.6`, `Appendix A`, or its title.
    pub label: String,
    /// Its title without its number (`County Priorities`).
    pub title: String,
    /// Whether the label is a number or appendix letter (rather than the title).
    pub numbered: bool,
    /// Byte offset where it starts.
    pub start: usize,
    /// Its paragraphs, list items and sub-headings, as written (comments left out).
    pub paragraphs: Vec<String>,
}

/// The chapters of a document, in order.
#[derive(Debug, Clone)]
pub struct Chapters {
    /// The chapters.
    pub list: Vec<Chapter>,
}

impl Chapters {
    /// Cuts `doc` into chapters.
    pub fn of(doc: &Document) -> Self {
        let mut list = vec![Chapter {
            label: "Front matter".to_string(),
            title: "Front matter".to_string(),
            numbered: false,
            start: 0,
            paragraphs: Vec::new(),
        }];
        let mut headings = doc.outline.iter();
        let mut paragraph = String::new();
        let flush = |paragraph: &mut String, list: &mut Vec<Chapter>| {
            if !paragraph.is_empty() {
                let chapter = list.last_mut().expect("there is always a chapter");
                chapter.paragraphs.push(std::mem::take(paragraph));
            }
        };
        for item in &doc.items {
            match &item.kind {
                ItemKind::Heading => {
                    flush(&mut paragraph, &mut list);
                    let Some(heading) = headings.next() else {
                        continue;
                    };
                    if heading.level <= 1 {
                        let (label, title, numbered) = label(&heading.text.value);
                        list.push(Chapter {
                            label,
                            title,
                            numbered,
                            start: item.span.start.offset,
                            paragraphs: Vec::new(),
                        });
                    } else {
                        let chapter = list.last_mut().expect("there is always a chapter");
                        chapter.paragraphs.push(format!(
                            "{} {}",
                            "#".repeat(heading.level as usize),
                            heading.text.value
                        ));
                    }
                }
                ItemKind::Prose {
                    text, list: true, ..
                } => {
                    flush(&mut paragraph, &mut list);
                    paragraph.push_str(text.trim());
                    flush(&mut paragraph, &mut list);
                }
                ItemKind::Prose { text, .. } => {
                    if !paragraph.is_empty() {
                        paragraph.push(' ');
                    }
                    paragraph.push_str(text.trim());
                }
                ItemKind::Comment => {}
                ItemKind::Blank | ItemKind::Block { .. } | ItemKind::Error => {
                    flush(&mut paragraph, &mut list);
                }
            }
        }
        flush(&mut paragraph, &mut list);
        // The front matter is a chapter only when it holds prose or a block.
        if list[0].paragraphs.is_empty() && list.len() > 1 && !has_blocks_before(doc, list[1].start)
        {
            list.remove(0);
        }
        Self { list }
    }

    /// The chapter the byte `offset` lies in.
    pub fn at(&self, offset: usize) -> Option<usize> {
        self.list
            .partition_point(|c| c.start <= offset)
            .checked_sub(1)
    }
}

fn has_blocks_before(doc: &Document, offset: usize) -> bool {
    doc.items
        .iter()
        .take_while(|i| i.span.start.offset < offset)
        .any(|i| matches!(i.kind, ItemKind::Block { .. }))
}

/// Splits a chapter heading into how version histories name it and its title:
/// `6. County Priorities` is `Ch.6`, `Appendix A: Strategic Assessments` is
/// `Appendix A`, `Foreword` is `Foreword`.
pub fn label(heading: &str) -> (String, String, bool) {
    let heading = heading.trim();
    let digits: String = heading.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        let rest =
            heading[digits.len()..].trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
        if rest.is_empty() || rest.starts_with(char::is_whitespace) {
            let title = rest.trim();
            return (format!("Ch.{digits}"), title.to_string(), true);
        }
    }
    let lower = heading.to_lowercase();
    if let Some(rest) = lower.strip_prefix("appendix ") {
        let token: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
        if !token.is_empty() {
            let after = &heading["appendix ".len() + token.len()..];
            let title = after.trim_start_matches([':', '.', '-', '–', ' ']).trim();
            let token = &heading["appendix ".len().."appendix ".len() + token.len()];
            return (
                format!("Appendix {}", token.to_uppercase()),
                title.to_string(),
                true,
            );
        }
    }
    (heading.to_string(), heading.to_string(), false)
}

/// How the prose of one chapter changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProseChange {
    /// Paragraphs only in the new version.
    pub added: usize,
    /// Paragraphs only in the old version.
    pub removed: usize,
    /// Paragraphs reworded (alike, but not the same).
    pub changed: usize,
}

/// Compares the paragraphs of two versions of a chapter.
pub fn prose(old: &[String], new: &[String]) -> ProseChange {
    let norm = |p: &String| p.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut counts: HashMap<String, usize> = HashMap::new();
    for p in old {
        *counts.entry(norm(p)).or_default() += 1;
    }
    let mut new_left = Vec::new();
    for p in new {
        match counts.get_mut(&norm(p)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => new_left.push(p.as_str()),
        }
    }
    let mut old_left = Vec::new();
    let mut remaining = counts;
    for p in old {
        if let Some(n) = remaining.get_mut(&norm(p)) {
            if *n > 0 {
                *n -= 1;
                old_left.push(p.as_str());
            }
        }
    }
    let old_keys: Vec<Key> = old_left
        .iter()
        .map(|t| Key {
            title: t,
            ..Key::default()
        })
        .collect();
    let new_keys: Vec<Key> = new_left
        .iter()
        .map(|t| Key {
            title: t,
            ..Key::default()
        })
        .collect();
    let pairs = pairing::pair(&old_keys, &new_keys, pairing::RENAME_THRESHOLD);
    let changed = pairs.iter().flatten().count();
    ProseChange {
        added: new_left.len() - changed,
        removed: old_left.len() - changed,
        changed,
    }
}

/// Whether a change line of a version history (`Ch.6 - changes made to priorities`)
/// names the chapter: by its label (`Ch.6`, `Chapter 6`, `Section 6`, `Appendix A`)
/// or its title.
pub fn mentions(line: &str, chapter_label: &str, title: &str) -> bool {
    let words = matching::words(line);
    if let Some(number) = chapter_label.strip_prefix("Ch.") {
        let number = number.to_lowercase();
        let named = words.windows(2).any(|w| {
            matches!(
                w[0].as_str(),
                "ch" | "chapter" | "chap" | "section" | "para"
            ) && w[1] == number
        }) || words
            .iter()
            .any(|w| w.strip_prefix("ch").is_some_and(|n| n == number));
        if named {
            return true;
        }
    } else if matching::contains_phrase(line, chapter_label) {
        return true;
    }
    !title.is_empty() && matching::contains_phrase(line, title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_version_histories() {
        assert_eq!(
            label("6. County Priorities"),
            ("Ch.6".into(), "County Priorities".into(), true)
        );
        assert_eq!(
            label("Appendix A: Strategic Assessments (2021-22)"),
            (
                "Appendix A".into(),
                "Strategic Assessments (2021-22)".into(),
                true
            )
        );
        assert_eq!(
            label("Foreword"),
            ("Foreword".into(), "Foreword".into(), false)
        );
        assert_eq!(label("2021 review").0, "Ch.2021");
        assert_eq!(label("2021-22 review").0, "2021-22 review");
    }

    #[test]
    fn prose_counts_added_removed_and_reworded() {
        let old: Vec<String> = [
            "The CSA is reviewed annually.",
            "Twelve partnerships made strategic assessments of crime in Kent.",
            "Road safety is led by the RCRP.",
        ]
        .map(String::from)
        .into();
        let new: Vec<String> = [
            "The CSA is reviewed annually.",
            "Eleven partnerships made strategic assessments of crime in Kent.",
            "Violence against women and girls is a new priority.",
        ]
        .map(String::from)
        .into();
        assert_eq!(
            prose(&old, &new),
            ProseChange {
                added: 1,
                removed: 1,
                changed: 1
            }
        );
        assert_eq!(prose(&old, &old), ProseChange::default());
    }

    #[test]
    fn a_history_line_names_a_chapter_by_number_or_title() {
        assert!(mentions(
            "Ch.6 - changes made to priorities",
            "Ch.6",
            "County Priorities"
        ));
        assert!(mentions(
            "Chapter 6: new priorities",
            "Ch.6",
            "County Priorities"
        ));
        assert!(!mentions("Ch.61 - new", "Ch.6", "County Priorities"));
        assert!(mentions(
            "Updated the county priorities",
            "Ch.6",
            "County Priorities"
        ));
        assert!(mentions(
            "Appendix A – strategic assessment outcomes updated",
            "Appendix A",
            "Strategic Assessments"
        ));
        assert!(!mentions(
            "Appendix B – MoRiLE outcomes refreshed",
            "Appendix A",
            "Strategic Assessments"
        ));
        assert!(mentions(
            "Foreword – updated to reflect latest version",
            "Foreword",
            "Foreword"
        ));
    }
}
