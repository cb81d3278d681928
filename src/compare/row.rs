//! The draft `@version` row: the changes listed by chapter, as version histories
//! list them ("Ch.6 - changes made to priorities and cross-cutting themes").

use crate::ast::Document;
use crate::text::matching;

use super::{ChangeKind, ChapterChange, Comparison};

/// One change line of the draft row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowLine {
    /// The chapter it is about (`None` for a change to the header).
    pub chapter: Option<ChapterChange>,
    /// The line, without the leading `- `.
    pub text: String,
}

/// Chapters a version history does not list: the contents and the history itself.
fn housekeeping(title: &str) -> bool {
    let words = matching::content_words(title);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    matches!(
        words.as_slice(),
        ["content"] | ["version", "control"] | ["version", "history"] | ["document", "control"]
    )
}

/// Joins `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn count(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The change lines, header first, then chapter by chapter (the new version's order,
/// then chapters removed). The contents and the version history are left out.
pub fn row_lines(cmp: &Comparison) -> Vec<RowLine> {
    let mut out = Vec::new();
    for field in &cmp.header {
        let new = field.added.join(", ");
        let text = match field.field.as_str() {
            "version" => continue,
            "effective" => {
                let words = crate::ast::Date::parse(&new)
                    .map(|d| format!("{} {}", d.month_name(), d.year))
                    .unwrap_or(new);
                format!("Effective date changed to {words}")
            }
            "excludes" => format!(
                "Areas excluded changed{}{}",
                if field.added.is_empty() {
                    String::new()
                } else {
                    format!(": now excludes {}", field.added.join(", "))
                },
                if field.removed.is_empty() {
                    String::new()
                } else {
                    format!("; no longer excludes {}", field.removed.join(", "))
                }
            ),
            name if new.is_empty() => format!("{} removed from the header", capitalise(name)),
            name => format!("{} changed to {new}", capitalise(name)),
        };
        out.push(RowLine {
            chapter: None,
            text,
        });
    }
    for chapter in &cmp.chapters {
        if housekeeping(&chapter.title) {
            continue;
        }
        let name = if chapter.label == chapter.title {
            chapter.label.clone()
        } else {
            format!("{} ({})", chapter.label, chapter.title)
        };
        let text = match chapter.change {
            ChangeKind::Added => format!("{} - new chapter: {}", chapter.label, chapter.title),
            ChangeKind::Removed => format!("{name} - chapter removed"),
            ChangeKind::Renamed | ChangeKind::Changed => {
                let mut segments = Vec::new();
                if let Some(old) = &chapter.old_title {
                    segments.push(format!("retitled (was ‘{old}’)"));
                }
                if !chapter.parts.is_empty() {
                    segments.push(format!("changes made to {}", and_list(&chapter.parts)));
                }
                let mut prose = Vec::new();
                if chapter.paragraphs_changed > 0 {
                    prose.push(format!(
                        "{} reworded",
                        count(chapter.paragraphs_changed, "paragraph")
                    ));
                }
                if chapter.paragraphs_added > 0 {
                    prose.push(format!(
                        "{} added",
                        count(chapter.paragraphs_added, "paragraph")
                    ));
                }
                if chapter.paragraphs_removed > 0 {
                    prose.push(format!(
                        "{} removed",
                        count(chapter.paragraphs_removed, "paragraph")
                    ));
                }
                if !prose.is_empty() {
                    segments.push(format!("text updated ({})", prose.join(", ")));
                }
                format!("{} - {}", chapter.label, segments.join("; "))
            }
        };
        out.push(RowLine {
            chapter: Some(chapter.clone()),
            text,
        });
    }
    out
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The draft `@version` row for `new`, ready to paste into its version history: the
/// header's version and title, the month of its effective date, and the changes.
pub fn draft_row(cmp: &Comparison, new: &Document) -> String {
    let agreement = new.agreement.as_ref();
    let version = agreement
        .and_then(|a| a.version.as_ref())
        .map_or("NEW", |v| v.value.as_str());
    let title = agreement
        .and_then(|a| a.title.as_ref())
        .map_or("the document".to_string(), |t| t.value.clone());
    let date = agreement
        .and_then(|a| a.effective.as_ref())
        .map(|d| format!("{:04}-{:02}", d.value.year, d.value.month))
        .unwrap_or_else(|| {
            let today = crate::ast::today();
            format!("{:04}-{:02}", today.year, today.month)
        });
    let mut out = format!("@version {version}: Refreshed {title}\n  date: {date}\n");
    for line in row_lines(cmp) {
        out.push_str("  - ");
        out.push_str(&line.text);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contents_and_history_are_housekeeping() {
        assert!(housekeeping("Contents"));
        assert!(housekeeping("Version Control"));
        assert!(!housekeeping("County Priorities"));
    }

    #[test]
    fn lists_read_as_english() {
        let parts = ["priorities", "leads", "the action plan"].map(String::from);
        assert_eq!(and_list(&parts), "priorities, leads and the action plan");
        assert_eq!(and_list(&parts[..1]), "priorities");
    }
}
