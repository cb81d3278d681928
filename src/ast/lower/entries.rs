//! A block's indented lines: arranged by indentation, then each checked against the
//! fields its block (or the item it is indented under) may have. A line that fits is
//! kept as a [`Checked`] entry for the builders; a line that does not is reported.

use std::ops::Range;

use super::corrections::starts_curly;
use super::header::example_id;
use super::{codes, schema, Checked, Lowering, LIST_ITEM};
use crate::ast::schema::{BlockSpec, FieldSpec, IdRule};
use crate::ast::Spanned;
use crate::diagnostics::{Diagnostic, Severity};
use crate::syntax::{RawBlock, RawEntry, RawEntryKind, RawId, Token};

/// The entries of a block arranged by indentation.
struct Node<'a> {
    entry: &'a RawEntry,
    children: Vec<Node<'a>>,
}

impl Lowering<'_> {
    /// Arranges entries by indentation and checks them against the block's fields.
    pub(super) fn check_entries<'b>(
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

    /// Checks one level of entries (a block's, or those indented under one field)
    /// against the fields that may stand there; keeps what fits in `out`, and the
    /// list items in `items`.
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
                    // Each step reports what it finds wrong and stops the line there.
                    // Lines indented under a rejected line are not checked: the author
                    // sees one diagnostic for the root cause, and the lines themselves
                    // stay in `Document::items` as part of the block.
                    let (id, value) = (id.as_ref(), value.as_ref());
                    if !self.field_line_ok(name, id, unexpected.as_ref(), *has_colon, spec)
                        || !self.first_given(name, spec, parent, &mut seen)
                        || !self.field_id_ok(name, id, value, spec)
                    {
                        continue;
                    }
                    self.keep_field(node, spec, id, value, out);
                }
            }
        }
    }

    /// Checks the shape of a field's line: an id in straight quotes, and the colon
    /// where it belongs. Reports and returns false when either is wrong.
    fn field_line_ok(
        &mut self,
        name: &Token,
        id: Option<&RawId>,
        unexpected: Option<&Token>,
        has_colon: bool,
        spec: &FieldSpec,
    ) -> bool {
        let curly = id
            .map(|i| &i.token)
            .or(unexpected)
            .filter(|t| starts_curly(t.text.trim_start()));
        if let Some(token) = curly {
            let start = token.range.start + (token.text.len() - token.text.trim_start().len());
            self.curly_quotes(&format!("`{}`", name.text), start);
            return false;
        }
        if unexpected.is_none() && has_colon {
            return true;
        }
        let rest = unexpected.map_or("", |u| u.text.trim());
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
        false
    }

    /// Whether this is the first time a field that may be given once is given at this
    /// level; the second is reported, pointing at the first. A field kept is
    /// remembered in `seen`.
    fn first_given(
        &mut self,
        name: &Token,
        spec: &'static FieldSpec,
        parent: &str,
        seen: &mut Vec<(&str, Range<usize>)>,
    ) -> bool {
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
            return false;
        }
        seen.push((spec.name, name.range.clone()));
        true
    }

    /// Checks that an item has an id when its field needs one (`objective MKS-1:`),
    /// and that a plain field has nothing between its name and its colon.
    fn field_id_ok(
        &mut self,
        name: &Token,
        id: Option<&RawId>,
        value: Option<&Token>,
        spec: &FieldSpec,
    ) -> bool {
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
                false
            }
            (IdRule::None, Some(id)) => {
                let value = value.map_or("", |v| v.text.trim());
                self.error(
                    codes::SYNTAX_ERROR,
                    id.token.range.clone(),
                    format!(
                        "`{} {}` is not a field: the field is `{}`, with nothing between it and its colon",
                        spec.name, id.token.text, spec.name
                    ),
                    &format!("write `{}: {value}`", spec.name),
                );
                false
            }
            _ => true,
        }
    }

    /// Checks a well-formed field's value and the lines indented under it, then keeps
    /// it for the builders, or, when its value cannot be read, records it as rejected.
    fn keep_field<'b>(
        &mut self,
        node: &Node<'b>,
        spec: &'static FieldSpec,
        id: Option<&'b RawId>,
        value: Option<&'b Token>,
        out: &mut Vec<Checked<'b>>,
    ) {
        let entry = node.entry;
        let value_ok = value.is_none_or(|v| self.check_value(spec, v));
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
                id,
                value,
                children,
                items: child_items.into_iter().map(|(_, t)| t).collect(),
                range: entry.range.clone(),
            });
        } else {
            // Given but unreadable: reported above, and remembered so that no rule
            // also calls the field missing.
            let span = self.span(entry.range.clone());
            self.document
                .rejected
                .push(Spanned::new(spec.name.to_string(), span));
        }
    }
}

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

/// "the `@priority` block", or "`objective`" for an item inside a block.
pub(super) fn parent_phrase(parent: &str) -> String {
    if schema::block(parent).is_some() {
        format!("the `@{parent}` block")
    } else {
        format!("`{parent}`")
    }
}
