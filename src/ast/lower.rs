//! Lowering: from the raw, line-shaped model to the typed document.
//!
//! The lowering checks each block against the table in `schema.rs` (known keyword,
//! known fields, values of the right kind, nesting) and reports what does not fit in
//! plain English. What does not fit is left out of the typed model but never out of
//! `Document::items`, so nothing written is lost and the rest of the document still
//! lowers while the author types.

use std::ops::Range;

use tree_sitter::Tree;

use super::schema::{self, BlockSpec, FieldSpec, IdRule, ValueKind};
use super::values::{split_list, Date, Period};
use super::*;
use crate::diagnostics::{self, syntax as codes, Applicability, Diagnostic, Edit, Fix, Severity};
use crate::syntax::{self, RawBlock, RawEntry, RawEntryKind, RawId, RawItemKind, Token};
use crate::text::LineIndex;

/// Lowers the tree of `text` into the typed model.
pub fn lower(text: &str, tree: &Tree) -> Parsed {
    lower_indexed(text, tree, &LineIndex::new(text))
}

/// [`lower`] with the text's line index already made.
pub fn lower_indexed(text: &str, tree: &Tree, index: &LineIndex) -> Parsed {
    let raw = syntax::read(text, tree, index);
    lower_raw(text, raw, index)
}

/// Lowers text already read into the raw model (the tree is no longer needed, and a
/// caller that owns it can free it first).
pub fn lower_raw(text: &str, raw: syntax::RawDocument, index: &LineIndex) -> Parsed {
    let mut cx = Lowering {
        text,
        index,
        document: Document::default(),
        diagnostics: raw.diagnostics,
        pending_suppressions: Vec::new(),
    };
    // Owned, so each item's raw text is freed as soon as it is lowered.
    for item in raw.items {
        let span = cx.span(item.range.clone());
        let kind = match &item.kind {
            RawItemKind::Block(block) => {
                cx.block(block, item.content.clone());
                ItemKind::Block {
                    keyword: block
                        .keyword
                        .as_ref()
                        .map(|k| k.text.clone())
                        .unwrap_or_default(),
                }
            }
            RawItemKind::Heading => {
                cx.heading(item.content.clone(), span);
                ItemKind::Heading
            }
            RawItemKind::Prose => cx.prose(item.content.clone()),
            RawItemKind::Comment => {
                cx.comment(item.content.clone(), true);
                ItemKind::Comment
            }
            RawItemKind::Blank => ItemKind::Blank,
            RawItemKind::Error => ItemKind::Error,
        };
        cx.document.items.push(Item { kind, span });
    }
    cx.resolve_suppressions();
    let mut diagnostics = cx.diagnostics;
    diagnostics::sort(&mut diagnostics);
    Parsed {
        document: cx.document,
        diagnostics,
    }
}

/// A suppression comment waiting to learn what it covers.
struct PendingSuppression {
    suppression: Suppression,
    /// The comment's end: it covers the first line or block after it.
    after: usize,
    /// Whether it stands at the top level (covers an item) or in a block (a line).
    top_level: bool,
}

struct Lowering<'a> {
    text: &'a str,
    index: &'a LineIndex,
    document: Document,
    diagnostics: Vec<Diagnostic>,
    pending_suppressions: Vec<PendingSuppression>,
}

/// A block entry that fits the schema, with its own indented entries.
struct Checked<'a> {
    spec: &'static FieldSpec,
    entry: &'a RawEntry,
    id: Option<&'a RawId>,
    value: Option<&'a Token>,
    children: Vec<Checked<'a>>,
    items: Vec<&'a Token>,
    range: Range<usize>,
}

/// The entries of a block arranged by indentation.
struct Node<'a> {
    entry: &'a RawEntry,
    children: Vec<Node<'a>>,
}

impl<'a> Lowering<'a> {
    fn span(&self, range: Range<usize>) -> Span {
        self.index.span(self.text, range.start, range.end)
    }

    fn spanned(&self, token: &Token) -> Spanned<String> {
        Spanned::new(
            token.text.trim_end().to_string(),
            self.span(token.range.start..token.range.start + token.text.trim_end().len()),
        )
    }

    fn reference(&self, id: &RawId) -> Reference {
        Reference {
            name: id.token.text.clone(),
            quoted: id.quoted,
            span: self.span(id.token.range.clone()),
        }
    }

    fn error(&mut self, code: (&str, &str), range: Range<usize>, message: String, help: &str) {
        let diagnostic =
            Diagnostic::new(code.0, code.1, Severity::Error, self.span(range), message);
        self.diagnostics.push(if help.is_empty() {
            diagnostic
        } else {
            diagnostic.with_help(help)
        });
    }

    // ------------------------------------------------------------------ prose

    fn heading(&mut self, content: Range<usize>, span: Span) {
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

    fn prose(&mut self, content: Range<usize>) -> ItemKind {
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

    fn comment(&mut self, content: Range<usize>, top_level: bool) {
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
    fn resolve_suppressions(&mut self) {
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

    // ------------------------------------------------------------------ blocks

    fn block(&mut self, block: &RawBlock, content: Range<usize>) {
        let Some(keyword) = &block.keyword else {
            self.error(
                codes::SYNTAX_ERROR,
                block.header.clone(),
                "expected the kind of block after `@`".to_string(),
                "write a block keyword such as `@priority` straight after the `@`; to start a line of prose with `@`, write `\\@`",
            );
            return;
        };
        let Some(spec) = schema::block(&keyword.text) else {
            self.unknown_block(keyword);
            return;
        };
        if !self.header(block, keyword, spec) {
            // Without the id the block cannot be referred to; its entries are still
            // checked so their mistakes are reported.
            let _ = self.check_entries(block, spec);
            return;
        }
        for entry in &block.entries {
            if let RawEntryKind::Comment(token) = &entry.kind {
                self.comment(token.range.clone(), false);
            }
        }
        let entries = self.check_entries(block, spec);
        let span = self.span(content);
        let header_span = self.span(block.header.clone());
        self.build(spec.keyword, block, entries, span, header_span);
    }

    fn unknown_block(&mut self, keyword: &Token) {
        let suggestion =
            schema::did_you_mean(&keyword.text, schema::BLOCKS.iter().map(|b| b.keyword));
        let mut diagnostic = Diagnostic::new(
            codes::UNKNOWN_BLOCK.0,
            codes::UNKNOWN_BLOCK.1,
            Severity::Error,
            self.span(keyword.range.clone()),
            match suggestion {
                Some(s) => format!(
                    "`@{}` is not a kind of block; did you mean `@{s}`?",
                    keyword.text
                ),
                None => format!("`@{}` is not a kind of block", keyword.text),
            },
        )
        .with_help(format!(
            "the blocks are {}",
            schema::BLOCKS
                .iter()
                .map(|b| format!("`@{}`", b.keyword))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        if let Some(s) = suggestion {
            diagnostic = diagnostic.with_fix(Fix {
                title: format!("Change to `@{s}`"),
                applicability: spelling_fix(&keyword.text, s),
                edits: vec![Edit {
                    span: self.span(keyword.range.clone()),
                    replacement: s.to_string(),
                }],
            });
        }
        self.diagnostics.push(diagnostic);
    }

    /// Checks the header line; returns whether the block can be lowered (it has the
    /// id it needs).
    fn header(&mut self, block: &RawBlock, keyword: &Token, spec: &BlockSpec) -> bool {
        let what = block_noun(spec.keyword);
        let curly = block
            .id
            .as_ref()
            .map(|i| &i.token)
            .or(block.unexpected.as_ref())
            .filter(|t| starts_curly(t.text.trim_start()));
        if let Some(token) = curly {
            let start = token.range.start + (token.text.len() - token.text.trim_start().len());
            self.curly_quotes(&format!("`@{}`", spec.keyword), start);
            return false;
        }
        if let (Some(id), false, Some(unexpected)) = (&block.id, block.has_colon, &block.unexpected)
        {
            let rest = unexpected.text.trim();
            if let Some((more, title)) = rest.split_once(':').filter(|(more, _)| {
                spec.id != IdRule::None
                    && !more.trim().is_empty()
                    && more.split_whitespace().count() <= 2
            }) {
                let spaced = format!("{} {}", id.token.text, more.trim());
                let joined: String = spaced.split_whitespace().collect();
                self.error(
                    codes::SYNTAX_ERROR,
                    id.token.range.start..unexpected.range.start + unexpected.text.find(':').unwrap_or(0),
                    format!("the {what} id `{spaced}` has a space in it: an id is one word"),
                    &format!(
                        "write `@{kw} {joined}: {title}`, or keep the space by quoting the id: `@{kw} \"{spaced}\": {title}`",
                        kw = spec.keyword,
                        title = title.trim()
                    ),
                );
                return true;
            }
        }
        if let Some(unexpected) = &block.unexpected {
            let (message, help) = match (&block.id, block.has_colon) {
                (Some(id), false) if spec.id != IdRule::None => (
                    format!("expected `:` after the {what} id `{}`", id.token.text),
                    format!(
                        "write `@{} {}: {}`",
                        spec.keyword,
                        id.token.text,
                        unexpected.text.trim()
                    ),
                ),
                (Some(id), false) => (
                    format!("expected `:` after `@{}`", spec.keyword),
                    format!(
                        "write `@{}: {} {}`",
                        spec.keyword,
                        id.token.text,
                        unexpected.text.trim()
                    ),
                ),
                _ => (
                    format!("expected `:` before the title of the {what}"),
                    format!(
                        "write the header as `@{}{}: TITLE`",
                        spec.keyword,
                        if spec.id == IdRule::None { "" } else { " ID" }
                    ),
                ),
            };
            self.error(
                codes::SYNTAX_ERROR,
                unexpected.range.clone(),
                message,
                &help,
            );
            return spec.id == IdRule::None || block.id.is_some();
        }
        match (spec.id, &block.id) {
            (IdRule::Required, None) => {
                self.error(
                    codes::MISPLACED_ENTRY,
                    keyword.range.start.saturating_sub(1)..keyword.range.end,
                    format!("this {what} has no id"),
                    &format!(
                        "give it a short id that other parts of the document can refer to, such as `@{} {}: ...`",
                        spec.keyword,
                        example_id(spec.keyword)
                    ),
                );
                false
            }
            (IdRule::None, Some(id)) => {
                self.error(
                    codes::SYNTAX_ERROR,
                    id.token.range.clone(),
                    format!("expected `:` after `@{}`", spec.keyword),
                    &format!(
                        "a {what} has no id: write `@{}: {}`",
                        spec.keyword, id.token.text
                    ),
                );
                true
            }
            _ => true,
        }
    }

    /// Arranges entries by indentation and checks them against the block's fields.
    fn check_entries<'b>(
        &mut self,
        block: &'b RawBlock,
        spec: &'static BlockSpec,
    ) -> Vec<Checked<'b>> {
        let tree = arrange(&block.entries);
        let mut out = Vec::new();
        let mut items = Vec::new();
        self.check_level(
            &tree,
            spec.fields,
            spec.list_items,
            spec.keyword,
            &mut out,
            &mut items,
        );
        // Items directly in the block are kept on a pseudo-entry-free list: the
        // builders read them through `block_items`.
        out.extend(items.into_iter().map(|(entry, token)| Checked {
            spec: &LIST_ITEM,
            entry,
            id: None,
            value: Some(token),
            children: Vec::new(),
            items: Vec::new(),
            range: entry.range.clone(),
        }));
        out
    }

    fn check_level<'b>(
        &mut self,
        nodes: &[Node<'b>],
        fields: &'static [FieldSpec],
        list_items_allowed: bool,
        parent: &str,
        out: &mut Vec<Checked<'b>>,
        items: &mut Vec<(&'b RawEntry, &'b Token)>,
    ) {
        let mut seen: Vec<(&str, Range<usize>)> = Vec::new();
        for node in nodes {
            let entry = node.entry;
            match &entry.kind {
                RawEntryKind::Comment(_) => {}
                RawEntryKind::Unexpected(token) => {
                    self.error(
                        codes::SYNTAX_ERROR,
                        token.range.clone(),
                        format!("this line is inside {} but is not a field", parent_phrase(parent)),
                        "inside a block every indented line is `name: value` or `- item`; to write prose, start the line at the left margin after a blank line",
                    );
                }
                RawEntryKind::ListItem { value } => {
                    if !list_items_allowed {
                        self.error(
                            codes::MISPLACED_ENTRY,
                            entry.range.clone(),
                            format!("{} has no list items", parent_phrase(parent)),
                            "write this as a field (`name: value`), or move it to the prose",
                        );
                    } else if let Some(value) = value {
                        items.push((entry, value));
                    }
                }
                RawEntryKind::Field {
                    name,
                    id,
                    value,
                    unexpected,
                    has_colon,
                } => {
                    let Some(spec) = fields.iter().find(|f| f.name == name.text) else {
                        self.unknown_field(name, fields, parent);
                        continue;
                    };
                    let curly = id
                        .as_ref()
                        .map(|i| &i.token)
                        .or(unexpected.as_ref())
                        .filter(|t| starts_curly(t.text.trim_start()));
                    if let Some(token) = curly {
                        let start =
                            token.range.start + (token.text.len() - token.text.trim_start().len());
                        self.curly_quotes(&format!("`{}`", name.text), start);
                        continue;
                    }
                    if unexpected.is_some() || !has_colon {
                        let rest = unexpected.as_ref().map_or("", |u| u.text.trim());
                        let (after, help) = match (spec.id, id) {
                            (IdRule::None, Some(id)) => (
                                format!("`{}`", name.text),
                                format!(
                                    "write `{}: {}`",
                                    name.text,
                                    format!("{} {rest}", id.token.text).trim_end()
                                ),
                            ),
                            (_, Some(id)) => (
                                format!("`{} {}`", name.text, id.token.text),
                                format!("write `{} {}: {rest}`", name.text, id.token.text),
                            ),
                            (_, None) => (
                                format!("`{}`", name.text),
                                format!("write `{}: {rest}`", name.text),
                            ),
                        };
                        let range = match (unexpected, id) {
                            (Some(u), _) => u.range.clone(),
                            (None, Some(id)) => id.token.range.clone(),
                            (None, None) => name.range.clone(),
                        };
                        self.error(
                            codes::SYNTAX_ERROR,
                            range,
                            format!("expected `:` after {after}"),
                            &help,
                        );
                        continue;
                    }
                    if let Some((_, first)) = seen
                        .iter()
                        .find(|(n, _)| *n == spec.name)
                        .filter(|_| !spec.repeat)
                    {
                        let first = self.span(first.clone());
                        let diagnostic = Diagnostic::new(
                            codes::MISPLACED_ENTRY.0,
                            codes::MISPLACED_ENTRY.1,
                            Severity::Error,
                            self.span(name.range.clone()),
                            format!(
                                "`{}` is given twice in {}",
                                spec.name,
                                parent_phrase(parent)
                            ),
                        )
                        .with_label(first, "first given here")
                        .with_help("keep one of them");
                        self.diagnostics.push(diagnostic);
                        continue;
                    }
                    seen.push((spec.name, name.range.clone()));
                    // Lines indented under a rejected line are not checked: the author
                    // sees one diagnostic for the root cause, and the lines themselves
                    // stay in `Document::items` as part of the block.
                    match (spec.id, id) {
                        (IdRule::Required, None) => {
                            self.error(
                                codes::MISPLACED_ENTRY,
                                name.range.clone(),
                                format!("this `{}` has no id", spec.name),
                                &format!(
                                    "write it as `{} ID: ...`, for example `{} {}: ...`",
                                    spec.name,
                                    spec.name,
                                    example_id(spec.name)
                                ),
                            );
                            continue;
                        }
                        (IdRule::None, Some(id)) => {
                            let value = value.as_ref().map_or("", |v| v.text.trim());
                            self.error(
                                codes::SYNTAX_ERROR,
                                id.token.range.clone(),
                                format!(
                                    "`{} {}` is not a field: the field is `{}`, with nothing between it and its colon",
                                    spec.name, id.token.text, spec.name
                                ),
                                &format!("write `{}: {value}`", spec.name),
                            );
                            continue;
                        }
                        _ => {}
                    }
                    let value_ok = value.as_ref().is_none_or(|v| self.check_value(spec, v));
                    let mut children = Vec::new();
                    let mut child_items = Vec::new();
                    if !node.children.is_empty() {
                        if spec.children.is_empty() && !spec.list_items {
                            for child in &node.children {
                                if !matches!(child.entry.kind, RawEntryKind::Comment(_)) {
                                    self.error(
                                        codes::MISPLACED_ENTRY,
                                        child.entry.range.clone(),
                                        format!("`{}` cannot have lines indented under it", spec.name),
                                        "indent this line as far as the line above it, or not at all",
                                    );
                                }
                            }
                        } else {
                            self.check_level(
                                &node.children,
                                spec.children,
                                spec.list_items,
                                spec.name,
                                &mut children,
                                &mut child_items,
                            );
                        }
                    }
                    if value_ok {
                        out.push(Checked {
                            spec,
                            entry,
                            id: id.as_ref(),
                            value: value.as_ref(),
                            children,
                            items: child_items.into_iter().map(|(_, t)| t).collect(),
                            range: entry.range.clone(),
                        });
                    } else {
                        // Given but unreadable: reported above, and remembered so that
                        // no rule also calls the field missing.
                        let span = self.span(entry.range.clone());
                        self.document
                            .rejected
                            .push(Spanned::new(spec.name.to_string(), span));
                    }
                }
            }
        }
    }

    /// An id opened with a curly quote (“Road Safety”), as word processors write them:
    /// the format's quotes are straight.
    fn curly_quotes(&mut self, after: &str, start: usize) {
        // From the opening quote to the closing one, on the same line.
        let line = &self.text[start..];
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        let open_len = line.chars().next().map_or(0, char::len_utf8);
        let end = line[open_len..]
            .char_indices()
            .find(|(_, c)| matches!(c, '“' | '”' | '‘' | '’' | '"'))
            .map_or(start + open_len, |(i, c)| {
                start + open_len + i + c.len_utf8()
            });
        let range = start..end;
        let written = &self.text[range.clone()];
        let straight: String = written
            .chars()
            .map(|c| match c {
                '“' | '”' | '„' | '″' => '"',
                '‘' | '’' => '\'',
                c => c,
            })
            .collect();
        let (message, help) = (
            format!("the id after {after} is in curly quotes (“…”); ids are quoted with straight quotes (\"…\")"),
            {
                let line_start = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
                let rest = &self.text[end..];
                let line_end = end + rest.find('\n').unwrap_or(rest.len());
                format!(
                    "write `{}{straight}{}`",
                    self.text[line_start..start].trim_start(),
                    self.text[end..line_end].trim_end()
                )
            },
        );
        let span = self.span(range.clone());
        let diagnostic = Diagnostic::new(
            codes::SYNTAX_ERROR.0,
            codes::SYNTAX_ERROR.1,
            Severity::Error,
            span,
            message,
        )
        .with_help(help)
        .with_fix(Fix {
            title: "Use straight quotes".to_string(),
            applicability: Applicability::Safe,
            edits: vec![Edit {
                span,
                replacement: straight,
            }],
        });
        self.diagnostics.push(diagnostic);
    }

    fn unknown_field(&mut self, name: &Token, fields: &'static [FieldSpec], parent: &str) {
        let line_start = self.text[..name.range.start]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let indent = &self.text[line_start..name.range.start];
        if indent.contains('\t') {
            let message = format!(
                "this line is indented with a tab, so `{}` is read as a field of {}",
                name.text,
                parent_phrase(parent)
            );
            self.error(
                codes::UNKNOWN_FIELD,
                line_start..name.range.start,
                message,
                "indent with spaces, not tabs: a tab counts as two spaces, so this line is no further in than the field above it; a line that belongs under a field (such as `group:` under an `objective`) is indented further, for example 4 spaces under a field indented 2",
            );
            return;
        }
        let suggestion = schema::did_you_mean(&name.text, fields.iter().map(|f| f.name));
        let message = match suggestion {
            Some(s) => format!(
                "`{}` is not a field of {}; did you mean `{s}`?",
                name.text,
                parent_phrase(parent)
            ),
            None => format!(
                "`{}` is not a field of {}",
                name.text,
                parent_phrase(parent)
            ),
        };
        let help = if fields.is_empty() {
            format!("{} holds only list items (`- item`)", parent_phrase(parent))
        } else {
            format!(
                "the fields of {} are {}",
                parent_phrase(parent),
                fields
                    .iter()
                    .map(|f| format!("`{}`", f.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        let mut diagnostic = Diagnostic::new(
            codes::UNKNOWN_FIELD.0,
            codes::UNKNOWN_FIELD.1,
            Severity::Error,
            self.span(name.range.clone()),
            message,
        )
        .with_help(help);
        if let Some(s) = suggestion {
            diagnostic = diagnostic.with_fix(Fix {
                title: format!("Change to `{s}`"),
                applicability: spelling_fix(&name.text, s),
                edits: vec![Edit {
                    span: self.span(name.range.clone()),
                    replacement: s.to_string(),
                }],
            });
        }
        self.diagnostics.push(diagnostic);
    }

    /// Checks a value against its field's kind; reports and returns false when wrong.
    fn check_value(&mut self, spec: &FieldSpec, value: &Token) -> bool {
        let text = value.text.trim();
        let range = value.range.start..value.range.start + text.len();
        let problem = match spec.value {
            ValueKind::Date if Date::parse_field(text).is_none() => Some((
                format!("`{text}` is not a date"),
                format!("write dates as YYYY-MM-DD, such as `2022-04-01`, or YYYY-MM when only the month is known{}", date_hint(text)),
            )),
            ValueKind::Period if Period::parse(text).is_none() => Some((
                format!("`{text}` is not a period"),
                "write a period as `DATE to DATE`, such as `2022-04-01 to 2025-03-31`, or in financial years, such as `2024/25 to 2026/27` or `2024-2027`".to_string(),
            )),
            ValueKind::Number if text.parse::<u32>().is_err() => Some((
                format!("`{text}` is not a whole number"),
                "write the number in digits, such as `12`".to_string(),
            )),
            ValueKind::OneOf(words) if !words.contains(&text) => {
                let suggestion = schema::did_you_mean(text, words.iter().copied());
                Some((
                    match suggestion {
                        Some(s) => format!("`{text}` is not a valid `{}`; did you mean `{s}`?", spec.name),
                        None => format!("`{text}` is not a valid `{}`", spec.name),
                    },
                    format!("`{}` is one of {}", spec.name, words.iter().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(", ")),
                ))
            }
            _ => None,
        };
        match problem {
            Some((message, help)) => {
                self.error(codes::INVALID_VALUE, range, message, &help);
                false
            }
            None => true,
        }
    }

    // ------------------------------------------------------------------ typed blocks

    fn build(
        &mut self,
        keyword: &str,
        block: &RawBlock,
        entries: Vec<Checked>,
        span: Span,
        header_span: Span,
    ) {
        let title = block.title.as_ref().map(|t| self.spanned(t));
        let id = block
            .id
            .as_ref()
            .map(|id| Spanned::new(id.token.text.clone(), self.span(id.token.range.clone())));
        let doc_id = || {
            id.clone()
                .expect("blocks that need an id are lowered only with one")
        };
        match keyword {
            "agreement" => {
                let agreement = Agreement {
                    title,
                    kind: self.text_of(&entries, "kind"),
                    area: self.text_of(&entries, "area"),
                    excludes: self
                        .first(&entries, "excludes")
                        .and_then(|c| c.value)
                        .map(|v| {
                            self.list(v)
                                .into_iter()
                                .map(|r| Spanned::new(r.name, r.span))
                                .collect()
                        })
                        .unwrap_or_default(),
                    partnership: self.text_of(&entries, "partnership"),
                    chair: self.text_of(&entries, "chair"),
                    convened_by: self.text_of(&entries, "convened-by"),
                    version: self.text_of(&entries, "version"),
                    effective: self.date_of(&entries, "effective"),
                    period: self.period_of(&entries),
                    review: self.text_of(&entries, "review"),
                    status: self.text_of(&entries, "status"),
                    header_span,
                    span,
                };
                if let Some(first) = &self.document.agreement {
                    let diagnostic = Diagnostic::new(
                        codes::MISPLACED_ENTRY.0,
                        codes::MISPLACED_ENTRY.1,
                        Severity::Error,
                        header_span,
                        "the document has two `@agreement` headers",
                    )
                    .with_label(first.header_span, "the first one is here")
                    .with_help("a document has one header; keep one of them");
                    self.diagnostics.push(diagnostic);
                } else {
                    self.document.agreement = Some(agreement);
                }
            }
            "use" => {
                if let Some(target) = title {
                    self.document.uses.push(Use {
                        target,
                        header_span,
                    });
                }
            }
            "version" => {
                let version = Version {
                    version: doc_id(),
                    summary: title,
                    date: self.date_of(&entries, "date"),
                    scope: self
                        .text_of(&entries, "scope")
                        .map(|s| s.value)
                        .unwrap_or_else(|| "agreement".to_string()),
                    changes: self.block_items(&entries),
                    span,
                };
                self.document.versions.push(version);
            }
            "authority" | "body" => {
                let organisation = Organisation {
                    id: doc_id(),
                    name: title,
                    kind: self.text_of(&entries, "kind"),
                    note: self.text_of(&entries, "note"),
                    span,
                };
                if keyword == "authority" {
                    self.document.authorities.push(organisation);
                } else {
                    self.document.bodies.push(organisation);
                }
            }
            "priority" => {
                let id = doc_id();
                let owner = Reference {
                    name: id.value.clone(),
                    quoted: false,
                    span: id.span,
                };
                let priority = Priority {
                    leads: self.leads_of(&entries, Some(&owner), "priority"),
                    id,
                    title,
                    includes: self.text_of(&entries, "includes"),
                    addresses: self.ids_of(&entries, "addresses"),
                    supports: self.ids_of(&entries, "supports"),
                    county: self.ids_of(&entries, "county"),
                    note: self.text_of(&entries, "note"),
                    header_span,
                    span,
                };
                self.document.priorities.push(priority);
            }
            "theme" => {
                let theme = Theme {
                    id: doc_id(),
                    title,
                    includes: self.text_of(&entries, "includes"),
                    addresses: self.ids_of(&entries, "addresses"),
                    supports: self.ids_of(&entries, "supports"),
                    county: self.ids_of(&entries, "county"),
                    note: self.text_of(&entries, "note"),
                    header_span,
                    span,
                };
                self.document.themes.push(theme);
            }
            "leads" => {
                for entry in entries.iter().filter(|c| c.spec.name == "lead") {
                    let owner = entry.id.map(|id| self.reference(id));
                    if let Some(lead) = self.lead(entry, owner, "leads-table") {
                        self.document.leads.push(lead);
                    }
                }
            }
            "plan" => {
                let plan = PccPlan {
                    id: doc_id(),
                    title,
                    commissioner: self.text_of(&entries, "commissioner"),
                    area: self.text_of(&entries, "area"),
                    period: self.period_of(&entries),
                    principles: self.texts_of(&entries, "principle"),
                    objectives: entries
                        .iter()
                        .filter(|c| c.spec.name == "objective")
                        .map(|c| Objective {
                            id: self.id_of(c),
                            text: c.value.map(|v| self.spanned(v)),
                            group: self.text_of(&c.children, "group"),
                            not_adopted: self.text_of(&c.children, "not-adopted"),
                            scope: self.text_of(&c.children, "scope"),
                            span: self.span(c.range.clone()),
                        })
                        .collect(),
                    header_span,
                    span,
                };
                self.document.plans.push(plan);
            }
            "action-plan" => {
                let priority = self.reference(
                    block
                        .id
                        .as_ref()
                        .expect("action plans are lowered only with an id"),
                );
                let plan = ActionPlan {
                    leads: self.leads_of(&entries, Some(&priority), "action-plan"),
                    priority,
                    title,
                    aims: entries
                        .iter()
                        .filter(|c| c.spec.name == "aim")
                        .map(|c| Aim {
                            number: self.id_of(c),
                            quoted: c.id.is_some_and(|id| id.quoted),
                            text: c.value.map(|v| self.spanned(v)),
                            actions: self.texts_of(&c.children, "action"),
                            themes: self.ids_of(&c.children, "themes"),
                            span: self.span(self.extent(c)),
                        })
                        .collect(),
                    header_span,
                    span,
                };
                self.document.action_plans.push(plan);
            }
            "assessment" => {
                let assessment = Assessment {
                    title,
                    partnerships: self.number_of(&entries, "partnerships"),
                    issues: entries
                        .iter()
                        .filter(|c| c.spec.name == "issue")
                        .map(|c| AssessedIssue {
                            count: c.id.and_then(|id| self.count(id)),
                            text: c.value.map(|v| self.spanned(v)),
                            span: self.span(c.range.clone()),
                        })
                        .collect(),
                    span,
                };
                self.document.assessments.push(assessment);
            }
            "risk-ranking" => {
                let ranking = RiskRanking {
                    title,
                    method: self.text_of(&entries, "method"),
                    items: self.block_items(&entries),
                    span,
                };
                self.document.risk_rankings.push(ranking);
            }
            "horizon-scan" => {
                let scan = HorizonScan {
                    title,
                    headings: self.horizon_headings(&entries),
                    span,
                };
                self.document.horizon_scans.push(scan);
            }
            "links" => {
                let links = Links {
                    title,
                    items: self.block_items(&entries),
                    span,
                };
                self.document.links.push(links);
            }
            "contact" => {
                let contact = Contact {
                    name: title,
                    email: self.text_of(&entries, "email"),
                    phone: self.text_of(&entries, "phone"),
                    address: self.text_of(&entries, "address"),
                    web: self.text_of(&entries, "web"),
                    span,
                };
                self.document.contacts.push(contact);
            }
            _ => unreachable!("every keyword in schema::BLOCKS is built"),
        }
    }

    fn horizon_headings(&self, entries: &[Checked]) -> Vec<HorizonHeading> {
        entries
            .iter()
            .filter(|c| c.spec.value == ValueKind::Heading)
            .map(|c| HorizonHeading {
                name: self.spanned(&match &c.entry.kind {
                    RawEntryKind::Field { name, .. } => name.clone(),
                    _ => unreachable!("headings are fields"),
                }),
                intro: c.value.map(|v| self.spanned(v)),
                items: c.items.iter().map(|t| self.spanned(t)).collect(),
                children: self.horizon_headings(&c.children),
                span: self.span(self.extent(c)),
            })
            .collect()
    }

    /// The range of an entry and everything indented under it.
    fn extent(&self, checked: &Checked) -> Range<usize> {
        let mut end = checked.range.end;
        for child in &checked.children {
            end = end.max(self.extent(child).end);
        }
        for item in &checked.items {
            end = end.max(item.range.end);
        }
        checked.range.start..end
    }

    fn first<'c, 'b>(&self, entries: &'c [Checked<'b>], name: &str) -> Option<&'c Checked<'b>> {
        entries.iter().find(|c| c.spec.name == name)
    }

    fn text_of(&self, entries: &[Checked], name: &str) -> Option<Spanned<String>> {
        self.first(entries, name)
            .and_then(|c| c.value)
            .map(|v| self.spanned(v))
    }

    fn texts_of(&self, entries: &[Checked], name: &str) -> Vec<Spanned<String>> {
        entries
            .iter()
            .filter(|c| c.spec.name == name)
            .filter_map(|c| c.value)
            .map(|v| self.spanned(v))
            .collect()
    }

    fn date_of(&self, entries: &[Checked], name: &str) -> Option<Spanned<Date>> {
        let value = self.first(entries, name)?.value?;
        let text = value.text.trim();
        Date::parse_field(text).map(|d| {
            Spanned::new(
                d,
                self.span(value.range.start..value.range.start + text.len()),
            )
        })
    }

    fn period_of(&self, entries: &[Checked]) -> Option<Spanned<Period>> {
        let value = self.first(entries, "period")?.value?;
        let text = value.text.trim();
        Period::parse(text).map(|p| {
            Spanned::new(
                p,
                self.span(value.range.start..value.range.start + text.len()),
            )
        })
    }

    fn number_of(&self, entries: &[Checked], name: &str) -> Option<Spanned<u32>> {
        let value = self.first(entries, name)?.value?;
        let text = value.text.trim();
        text.parse().ok().map(|n| {
            Spanned::new(
                n,
                self.span(value.range.start..value.range.start + text.len()),
            )
        })
    }

    fn count(&self, id: &RawId) -> Option<Spanned<u32>> {
        id.token
            .text
            .parse()
            .ok()
            .map(|n| Spanned::new(n, self.span(id.token.range.clone())))
    }

    fn ids_of(&self, entries: &[Checked], name: &str) -> Vec<Reference> {
        entries
            .iter()
            .filter(|c| c.spec.name == name)
            .filter_map(|c| c.value)
            .flat_map(|v| self.list(v))
            .collect()
    }

    fn list(&self, value: &Token) -> Vec<Reference> {
        split_list(&value.text, value.range.start)
            .into_iter()
            .map(|(name, range)| {
                let (name, range, quoted) =
                    match name.strip_prefix('"').and_then(|n| n.strip_suffix('"')) {
                        Some(inner) => (inner.to_string(), range.start + 1..range.end - 1, true),
                        None => (name, range, false),
                    };
                Reference {
                    name,
                    quoted,
                    span: self.span(range),
                }
            })
            .collect()
    }

    fn id_of(&self, checked: &Checked) -> Spanned<String> {
        let id = checked
            .id
            .expect("items that need an id are kept only with one");
        Spanned::new(id.token.text.clone(), self.span(id.token.range.clone()))
    }

    fn block_items(&self, entries: &[Checked]) -> Vec<Spanned<String>> {
        entries
            .iter()
            .filter(|c| std::ptr::eq(c.spec, &LIST_ITEM))
            .filter_map(|c| c.value)
            .map(|v| self.spanned(v))
            .collect()
    }

    fn leads_of(
        &self,
        entries: &[Checked],
        owner: Option<&Reference>,
        source: &'static str,
    ) -> Vec<Lead> {
        entries
            .iter()
            .filter(|c| c.spec.name == "lead")
            .filter_map(|c| self.lead(c, owner.cloned(), source))
            .collect()
    }

    /// Splits `ROLE, ORGANISATION` at the last comma outside brackets, so that
    /// `Probation Service (Kent, Surrey and Sussex)` stays one organisation.
    fn lead(
        &self,
        checked: &Checked,
        priority: Option<Reference>,
        source: &'static str,
    ) -> Option<Lead> {
        let value = checked.value?;
        let text = value.text.trim_end();
        let start = value.range.start;
        let (role, organisation) = match last_top_level_comma(text) {
            Some(comma) => {
                let org = &text[comma + 1..];
                let lead = org.len() - org.trim_start().len();
                let org_start = start + comma + 1 + lead;
                let role = text[..comma].trim_end();
                (
                    Spanned::new(role.to_string(), self.span(start..start + role.len())),
                    (!org.trim().is_empty()).then(|| {
                        Spanned::new(
                            org.trim().to_string(),
                            self.span(org_start..org_start + org.trim().len()),
                        )
                    }),
                )
            }
            None => (
                Spanned::new(text.to_string(), self.span(start..start + text.len())),
                None,
            ),
        };
        Some(Lead {
            role,
            organisation,
            priority,
            source,
            span: self.span(checked.range.clone()),
        })
    }
}

/// The spec given to list items kept among a block's checked entries.
static LIST_ITEM: FieldSpec = FieldSpec {
    name: "-",
    value: ValueKind::Text,
    repeat: true,
    id: IdRule::None,
    children: &[],
    list_items: false,
    doc: "A list item.",
};

/// Arranges entries into a tree: an entry indented further than the one before it
/// belongs to it. Comments never become parents.
fn arrange(entries: &[RawEntry]) -> Vec<Node<'_>> {
    fn take<'e>(entries: &'e [RawEntry], i: &mut usize, indent: usize) -> Vec<Node<'e>> {
        let mut level = Vec::new();
        while *i < entries.len() {
            let entry = &entries[*i];
            if entry.indent < indent && !level.is_empty() {
                break;
            }
            *i += 1;
            let is_parent = !matches!(entry.kind, RawEntryKind::Comment(_));
            let children = if is_parent {
                match entries.get(*i) {
                    Some(next) if next.indent > entry.indent => take(entries, i, next.indent),
                    _ => Vec::new(),
                }
            } else {
                Vec::new()
            };
            level.push(Node { entry, children });
        }
        level
    }
    let mut i = 0;
    let mut top = Vec::new();
    while i < entries.len() {
        let indent = entries[i].indent;
        top.extend(take(entries, &mut i, indent));
    }
    top
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

/// "a priority", "an action plan", ...
fn block_noun(keyword: &str) -> String {
    match keyword {
        "agreement" => "agreement header".to_string(),
        "action-plan" => "action plan".to_string(),
        "risk-ranking" => "risk ranking".to_string(),
        "horizon-scan" => "horizon scan".to_string(),
        "leads" => "leads table".to_string(),
        "plan" => "Police and Crime Plan".to_string(),
        "assessment" => "strategic assessment".to_string(),
        "links" => "list of links".to_string(),
        other => other.to_string(),
    }
}

/// "the `@priority` block", or "`objective`" for an item inside a block.
fn parent_phrase(parent: &str) -> String {
    if schema::block(parent).is_some() {
        format!("the `@{parent}` block")
    } else {
        format!("`{parent}`")
    }
}

fn example_id(keyword: &str) -> &'static str {
    match keyword {
        "priority" | "action-plan" => "DA",
        "theme" => "EIPE",
        "plan" => "MKS",
        "objective" => "MKS-1",
        "aim" => "1.1",
        "issue" => "12",
        "version" => "1.0",
        "authority" => "kent-police",
        "body" => "safer-roads",
        _ => "ID",
    }
}

/// A suggestion for dates written in words, such as "1 April 2022".
fn date_hint(text: &str) -> String {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.trim_end_matches(|c: char| {
                c.is_alphabetic() && w.chars().next().is_some_and(|f| f.is_ascii_digit())
            })
            .to_lowercase()
        })
        .collect();
    let month = words.iter().find_map(|w| {
        MONTHS
            .iter()
            .position(|m| m.starts_with(w.as_str()) && w.len() >= 3)
    });
    let year = words
        .iter()
        .find(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()));
    let day = words
        .iter()
        .find(|w| (1..=2).contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit()));
    match (day, month, year) {
        (Some(d), Some(m), Some(y)) => format!(": `{y}-{:02}-{:0>2}`", m + 1, d),
        (None, Some(m), Some(y)) => format!(": `{y}-{:02}`", m + 1),
        _ => String::new(),
    }
}

/// A correction that changes only letter case, `_` or `-` cannot change what the
/// document says, so `--fix` may apply it; any other correction (`@prority` to
/// `@priority`) is a guess a person confirms.
fn spelling_fix(written: &str, suggestion: &str) -> Applicability {
    let fold = |s: &str| -> String {
        s.chars()
            .filter(|c| *c != '-' && *c != '_')
            .flat_map(char::to_lowercase)
            .collect()
    };
    if fold(written) == fold(suggestion) {
        Applicability::Safe
    } else {
        Applicability::Unsafe
    }
}

/// Whether `text` opens with a curly quote.
fn starts_curly(text: &str) -> bool {
    text.starts_with(['“', '”', '‘', '’', '„'])
}

/// The byte offset of the last `,` of `text` that is outside `(...)` and `[...]`.
fn last_top_level_comma(text: &str) -> Option<usize> {
    let mut depth = 0i32;
    let mut last = None;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = (depth - 1).max(0),
            ',' if depth == 0 => last = Some(i),
            _ => {}
        }
    }
    last
}
