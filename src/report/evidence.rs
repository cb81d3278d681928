//! Evidence: the issues the strategic assessments named, and the priorities and
//! themes whose title or `includes:` share a specific word with each. Notes are
//! never searched, and the words every plan uses ("people", "crime", "community",
//! "safety", "preventing") match nothing. A match is the reader's inference from
//! shared words, and the page says so, with the words shared.

use super::page::Page;
use super::topics::Topics;
use super::{DocumentReport, EvidenceSection, IssueRow, WordMatch};
use crate::ast::Document;
use crate::publish::{Block, Cell, Table};
use crate::text::matching;

/// The priorities and themes whose title or `includes:` share a specific word with
/// `text`, with the words shared.
pub(super) fn word_matches(doc: &Document, topics: &Topics, text: &str) -> Vec<WordMatch> {
    let wanted = matching::informative_words(text);
    if wanted.is_empty() {
        return Vec::new();
    }
    let fields = doc
        .priorities
        .iter()
        .map(|p| (&p.id.value, &p.title, &p.includes))
        .chain(
            doc.themes
                .iter()
                .map(|t| (&t.id.value, &t.title, &t.includes)),
        );
    let mut out = Vec::new();
    for (id, title, includes) in fields {
        for (field, value) in [("title", title), ("includes", includes)] {
            let Some(value) = value else { continue };
            let own = matching::informative_words(&value.value);
            // In the order the issue or objective says them.
            let mut shared: Vec<String> = matching::words(text)
                .into_iter()
                .filter(|w| wanted.contains(w) && own.contains(w))
                .collect();
            shared.dedup();
            let shared: Vec<String> = shared.iter().map(|w| as_written(text, w)).collect();
            if !shared.is_empty() {
                out.push(WordMatch {
                    topic: topics.get(id),
                    words: shared,
                    field,
                });
                break;
            }
        }
    }
    out
}

/// The word of `text` that folds to `folded`, as written there.
fn as_written(text: &str, folded: &str) -> String {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .find(|w| matching::words(w).first().map(String::as_str) == Some(folded))
        .map_or_else(|| folded.to_string(), str::to_string)
}

/// Each issue and what shares its words; when there is no assessment, why not,
/// added to `not_checked`.
pub(super) fn section(
    doc: &Document,
    topics: &Topics,
    not_checked: &mut Vec<String>,
) -> EvidenceSection {
    if doc.assessments.is_empty() {
        let reason = "The document gives no table of the strategic assessments' issues, so this review could not check that its priorities answer them.".to_string();
        not_checked.push(reason.clone());
        return EvidenceSection {
            checked: false,
            reason: Some(reason),
            issues: Vec::new(),
        };
    }
    let mut issues = Vec::new();
    for assessment in &doc.assessments {
        for issue in &assessment.issues {
            let Some(text) = &issue.text else { continue };
            let matches = word_matches(doc, topics, &text.value);
            issues.push(IssueRow {
                issue: text.value.clone(),
                count: issue.count.as_ref().map(|c| c.value),
                of: assessment.partnerships.as_ref().map(|p| p.value),
                status: if matches.is_empty() {
                    "not-covered"
                } else {
                    "inferred"
                },
                covered_by: matches.iter().map(|m| m.topic.clone()).collect(),
                matches,
            });
        }
    }
    EvidenceSection {
        checked: true,
        reason: None,
        issues,
    }
}

/// A match in words: `Substance Misuse (title: “substance”, “misuse”)`.
pub(super) fn match_words(m: &WordMatch) -> String {
    format!(
        "{} ({} shares {})",
        m.topic.title,
        if m.field == "title" {
            "its title"
        } else {
            "what it includes"
        },
        m.words
            .iter()
            .map(|w| format!("“{w}”"))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// The evidence section of the page.
pub(super) fn blocks(r: &DocumentReport, level: u8, page: &mut Page) {
    page.heading(level, "Evidence".to_string());
    if let Some(reason) = &r.evidence.reason {
        page.push(Block::Paragraph(format!("Not checked. {reason}")));
        return;
    }
    page.push(Block::Paragraph("The issues the district strategic assessments named, and the priorities and themes whose title or list of what they include shares a specific word with each. The agreement does not link them: each match is **inferred** from the words shown, for the partnership to confirm. Words every plan uses (such as people, crime, community, safety, preventing) are not counted, and notes are not read.".to_string()));
    let mut t = Table::new(
        "Issues named by the strategic assessments",
        &[
            "Issue",
            "Partnerships naming it",
            "Inferred from shared words",
        ],
    );
    for i in &r.evidence.issues {
        t.row(vec![
            Cell::text(i.issue.clone()),
            Cell::text(match (i.count, i.of) {
                (Some(c), Some(of)) => format!("{c} of {of}"),
                (Some(c), None) => c.to_string(),
                _ => "not given".to_string(),
            }),
            if i.matches.is_empty() {
                Cell::text("No priority or theme shares a specific word with it")
            } else {
                Cell::lines(i.matches.iter().map(match_words))
            },
        ]);
    }
    page.push(Block::Table(t));
}
