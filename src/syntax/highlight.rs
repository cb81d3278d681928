//! Highlighting: the grammar's own `highlights.scm` run over the tree, as flat runs
//! of text each with one capture name, for an editor that has no tree-sitter of its
//! own (the browser's page). The same query file drives Neovim, Helix and the
//! TextMate tests, so the page shows what the other editors show.

use std::ops::Range;

use tree_sitter::{Query, QueryCursor, StreamingIterator};

use super::{parse_tree, LANGUAGE};

/// The query every editor shares.
const HIGHLIGHTS: &str = include_str!("../../grammar/queries/highlights.scm");

/// A run of text and the capture that colours it, such as `keyword` or `comment`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// Its byte range.
    pub range: Range<usize>,
    /// The capture's name without `@` (`markup.heading`, `string.special`, ...).
    pub capture: &'static str,
}

/// The runs of `text` in order, not overlapping. Where patterns overlap the later one
/// wins, as the query file's header says (Neovim and Helix read it the same way).
/// Captures that colour nothing (`spell`, names starting `_`) are left out.
pub fn highlight(text: &str) -> Vec<Run> {
    let query = query();
    // The query lives for the program, so its capture names do too.
    let names: &'static [&'static str] = query.capture_names();
    let tree = parse_tree(text, None);
    // Which capture colours each byte: u16::MAX for none. Filled in pattern order,
    // so a later pattern overwrites an earlier one.
    let mut by_byte = vec![u16::MAX; text.len()];
    let mut found: Vec<(usize, u16, Range<usize>)> = Vec::new();
    let mut cursor = QueryCursor::new();
    let mut matches = cursor.matches(query, tree.root_node(), text.as_bytes());
    while let Some(m) = matches.next() {
        for c in m.captures() {
            let name = names[c.index as usize];
            if name == "spell" || name.starts_with('_') {
                continue;
            }
            found.push((m.pattern_index, c.index as u16, c.node.byte_range()));
        }
    }
    found.sort_by_key(|(pattern, _, _)| *pattern);
    for (_, capture, range) in found {
        let end = range.end.min(text.len());
        by_byte[range.start.min(end)..end].fill(capture);
    }
    let mut runs: Vec<Run> = Vec::new();
    let mut start = 0;
    for i in 1..=by_byte.len() {
        if i == by_byte.len() || by_byte[i] != by_byte[start] {
            if by_byte[start] != u16::MAX {
                runs.push(Run {
                    range: start..i,
                    capture: names[by_byte[start] as usize],
                });
            }
            start = i;
        }
    }
    runs
}

/// The compiled query, built once: it is the same for every document.
fn query() -> &'static Query {
    static QUERY: std::sync::OnceLock<Query> = std::sync::OnceLock::new();
    QUERY.get_or_init(|| {
        Query::new(&LANGUAGE.into(), HIGHLIGHTS)
            .expect("grammar/queries/highlights.scm matches the grammar (tests/queries check it)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at<'a>(runs: &'a [Run], text: &str, word: &str) -> Vec<&'a str> {
        let start = text.find(word).expect("word in text");
        runs.iter()
            .filter(|r| r.range.start <= start && start < r.range.end)
            .map(|r| r.capture)
            .collect()
    }

    #[test]
    fn keywords_comments_and_values_get_their_captures() {
        let text = "// a note\n@priority DA: Domestic Abuse\n\n@leads\n  lead DA: Kent Police\n";
        let runs = highlight(text);
        assert_eq!(at(&runs, text, "// a note"), ["comment"]);
        assert_eq!(at(&runs, text, "priority"), ["keyword"]);
        assert_eq!(at(&runs, text, "DA"), ["label"]);
        assert_eq!(at(&runs, text, "Domestic"), ["markup.strong"]);
        assert_eq!(at(&runs, text, "Kent Police"), ["string"]);
        // Runs are in order and never overlap.
        for pair in runs.windows(2) {
            assert!(pair[0].range.end <= pair[1].range.start, "{pair:?}");
        }
    }

    #[test]
    fn a_suppression_comment_wins_over_a_plain_comment() {
        let text = "// csa-ignore CSA101\n";
        assert_eq!(at(&highlight(text), text, "csa-ignore"), ["comment.note"]);
    }

    #[test]
    fn empty_text_has_no_runs() {
        assert!(highlight("").is_empty());
    }
}
