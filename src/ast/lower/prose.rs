//! Headings and prose: the outline, and each line of prose as an item that knows
//! whether it is a list item and how far it is indented.

use std::ops::Range;

use super::Lowering;
use crate::ast::{Heading, ItemKind, Spanned};
use crate::text::Span;

impl Lowering<'_> {
    pub(super) fn heading(&mut self, content: Range<usize>, span: Span) {
        let raw = &self.text[content.clone()];
        let level = raw.chars().take_while(|c| *c == '#').count();
        let rest = &raw[level..];
        let lead = rest.len() - rest.trim_start().len();
        let start = content.start + level + lead;
        let title = rest.trim();
        self.document.outline.push(Heading {
            level: level as u32,
            text: Spanned::new(title.to_string(), self.span(start..start + title.len())),
            span,
        });
    }

    pub(super) fn prose(&mut self, content: Range<usize>) -> ItemKind {
        let line_start = self
            .index
            .line_start(self.index.line_of(content.start))
            .unwrap_or(0);
        let indent: u32 = self.text[line_start..content.start]
            .chars()
            .map(|c| if c == '\t' { 2 } else { 1 })
            .sum();
        let raw = self.text[content].trim_end();
        let text = match raw.strip_prefix('\\') {
            Some(rest) if rest.starts_with(['@', '#', '/']) => rest,
            _ => raw,
        };
        ItemKind::Prose {
            text: text.to_string(),
            list: is_list_item(text),
            indent,
        }
    }
}

fn is_list_item(text: &str) -> bool {
    let t = text.trim_start();
    if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("• ") || t == "-" {
        return true;
    }
    let digits_end = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    digits_end > 0
        && t[..digits_end].starts_with(|c: char| c.is_ascii_digit())
        && t[..digits_end].ends_with('.')
        && t[digits_end..].starts_with(' ')
}
