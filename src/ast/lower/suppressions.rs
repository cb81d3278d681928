//! `// csa-ignore` comments: reading the codes and the reason, and working out what
//! each one covers once the whole document is lowered.

use std::ops::Range;

use super::{codes, Lowering};
use crate::ast::values::split_list;
use crate::ast::{ItemKind, Spanned, Suppression, SuppressionScope};
use crate::diagnostics::{Diagnostic, Severity};

/// A suppression comment waiting to learn what it covers.
pub(super) struct PendingSuppression {
    suppression: Suppression,
    /// The comment's end: it covers the first line or block after it.
    after: usize,
    /// Whether it stands at the top level (covers an item) or in a block (a line).
    top_level: bool,
}

impl Lowering<'_> {
    pub(super) fn comment(&mut self, content: Range<usize>, top_level: bool) {
        let raw = &self.text[content.clone()];
        let body = raw.trim_start_matches('/');
        let body_start = content.start + (raw.len() - body.len());
        let trimmed = body.trim_start();
        let (scope, rest) = if let Some(rest) = trimmed.strip_prefix("csa-ignore-file") {
            (SuppressionScope::File, rest)
        } else if let Some(rest) = trimmed.strip_prefix("csa-ignore") {
            (SuppressionScope::Next, rest)
        } else {
            return;
        };
        if !rest.is_empty() && !rest.starts_with([' ', '\t', ':']) {
            return;
        }
        let rest_start = body_start + (body.len() - trimmed.len()) + (trimmed.len() - rest.len());
        let (codes_text, reason) = match rest.split_once(':') {
            Some((codes, reason)) => (codes, Some((reason, rest_start + codes.len() + 1))),
            None => (rest, None),
        };
        let codes: Vec<Spanned<String>> = split_list(codes_text, rest_start)
            .into_iter()
            .map(|(code, range)| Spanned::new(code, self.span(range)))
            .collect();
        let reason = reason.and_then(|(reason, start)| {
            let lead = reason.len() - reason.trim_start().len();
            let trimmed = reason.trim();
            (!trimmed.is_empty()).then(|| {
                Spanned::new(
                    trimmed.to_string(),
                    self.span(start + lead..start + lead + trimmed.len()),
                )
            })
        });
        if codes.is_empty() || reason.is_none() {
            let diagnostic = Diagnostic::new(
                codes::BAD_SUPPRESSION.0,
                codes::BAD_SUPPRESSION.1,
                Severity::Warning,
                self.span(content.clone()),
                if codes.is_empty() {
                    "this suppression comment names no rule".to_string()
                } else {
                    "this suppression comment gives no reason".to_string()
                },
            )
            .with_help("write it as `// csa-ignore CODE: the reason it is accepted`; the reason is what a committee reads");
            self.diagnostics.push(diagnostic);
        }
        let span = self.span(content.clone());
        let covers = match scope {
            SuppressionScope::File => self.span(0..self.text.len()),
            SuppressionScope::Next => span,
        };
        self.pending_suppressions.push(PendingSuppression {
            suppression: Suppression {
                codes,
                reason,
                scope,
                covers,
                span,
            },
            after: content.end,
            top_level,
        });
    }

    /// Works out what each `csa-ignore` comment covers: the next top-level item for a
    /// comment at the top level, the next line for a comment inside a block.
    pub(super) fn resolve_suppressions(&mut self) {
        let pending = std::mem::take(&mut self.pending_suppressions);
        if pending.is_empty() {
            return;
        }
        // For each item, the first item from it on that is neither blank nor a
        // comment; for each line, the first line from it on with content other than a
        // comment. Made once, so a run of comments costs one pass, not one a comment.
        let items = &self.document.items;
        let mut next_item = vec![None; items.len() + 1];
        for i in (0..items.len()).rev() {
            next_item[i] = if matches!(items[i].kind, ItemKind::Blank | ItemKind::Comment) {
                next_item[i + 1]
            } else {
                Some(i)
            };
        }
        let lines = self.index.line_count();
        let in_block = pending.iter().any(|p| !p.top_level);
        let mut next_line = vec![None; if in_block { lines + 1 } else { 0 }];
        if in_block {
            for line in (0..lines).rev() {
                let start = self.index.line_start(line).unwrap_or(self.text.len());
                let end = self.index.line_start(line + 1).unwrap_or(self.text.len());
                let content = self.text[start..end].trim();
                next_line[line] = if !content.is_empty() && !content.starts_with("//") {
                    Some(line)
                } else {
                    next_line[line + 1]
                };
            }
        }
        for mut p in pending {
            if p.suppression.scope == SuppressionScope::Next {
                let next = if p.top_level {
                    let first = items.partition_point(|item| item.span.start.offset < p.after);
                    next_item[first].map(|i| items[i].span)
                } else {
                    let line = self.index.line_of(p.after) + 1;
                    next_line.get(line).copied().flatten().map(|line| {
                        let start = self.index.line_start(line).unwrap_or(self.text.len());
                        let end = self.index.line_start(line + 1).unwrap_or(self.text.len());
                        self.span(start..end)
                    })
                };
                if let Some(span) = next {
                    p.suppression.covers = span;
                }
            }
            self.document.suppressions.push(p.suppression);
        }
    }
}
