//! Lowering: from the raw, line-shaped model to the typed document.
//!
//! The lowering checks each block against the table in `schema.rs` (known keyword,
//! known fields, values of the right kind, nesting) and reports what does not fit in
//! plain English. What does not fit is left out of the typed model but never out of
//! `Document::items`, so nothing written is lost and the rest of the document still
//! lowers while the author types.
//!
//! This file is the driver (each top-level item in turn, then the suppressions) and
//! what every part shares: spans, and reading the value of a checked field. Checking
//! a block is in `header.rs` (its first line), `entries.rs` (its indented lines),
//! `field_values.rs` (dates, periods, numbers, words) and `corrections.rs` (mistakes
//! with a correction to offer). Each kind of block is built in the file named for it;
//! prose and comments in `prose.rs` and `suppressions.rs`.

mod action_plan;
mod agreement;
mod assessments;
mod authorities;
mod contacts;
mod corrections;
mod entries;
mod field_values;
mod header;
mod horizon_scan;
mod leads;
mod links;
mod pcc_plan;
mod priorities;
mod prose;
mod suppressions;
mod uses;
mod versions;

use std::ops::Range;

use tree_sitter::Tree;

use super::schema::{self, FieldSpec, IdRule, ValueKind};
use super::values::{split_list, Date, Period};
use super::{Document, Item, ItemKind, Parsed, Reference, Spanned};
use crate::diagnostics::{self, syntax as codes, Diagnostic, Severity};
use crate::syntax::{self, RawBlock, RawEntry, RawId, RawItemKind, Token};
use crate::text::{LineIndex, Span};

use suppressions::PendingSuppression;

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

/// What a typed block is built from: its header, read, and its entries, checked.
struct BlockParts<'b> {
    raw: &'b RawBlock,
    title: Option<Spanned<String>>,
    id: Option<Spanned<String>>,
    entries: Vec<Checked<'b>>,
    /// The whole block.
    span: Span,
    /// The header line.
    header_span: Span,
}

impl BlockParts<'_> {
    /// The block's id, for the kinds that need one: the header check lets those
    /// through only with it.
    fn required_id(&self) -> Spanned<String> {
        self.id
            .clone()
            .expect("blocks that need an id are lowered only with one")
    }
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
            if let syntax::RawEntryKind::Comment(token) = &entry.kind {
                self.comment(token.range.clone(), false);
            }
        }
        let entries = self.check_entries(block, spec);
        let span = self.span(content);
        let header_span = self.span(block.header.clone());
        self.build(spec.keyword, block, entries, span, header_span);
    }

    /// Adds a checked block to the typed model; each kind is built in its own file.
    fn build(
        &mut self,
        keyword: &str,
        block: &RawBlock,
        entries: Vec<Checked>,
        span: Span,
        header_span: Span,
    ) {
        let parts = BlockParts {
            raw: block,
            title: block.title.as_ref().map(|t| self.spanned(t)),
            id: block
                .id
                .as_ref()
                .map(|id| Spanned::new(id.token.text.clone(), self.span(id.token.range.clone()))),
            entries,
            span,
            header_span,
        };
        match keyword {
            "agreement" => self.agreement(parts),
            "use" => self.use_line(parts),
            "version" => self.version(parts),
            "authority" => self.authority(parts),
            "body" => self.body(parts),
            "priority" => self.priority(parts),
            "theme" => self.theme(parts),
            "leads" => self.leads_table(parts),
            "plan" => self.pcc_plan(parts),
            "action-plan" => self.action_plan(parts),
            "assessment" => self.assessment(parts),
            "risk-ranking" => self.risk_ranking(parts),
            "horizon-scan" => self.horizon_scan(parts),
            "links" => self.links(parts),
            "contact" => self.contact(parts),
            _ => unreachable!("every keyword in schema::BLOCKS is built"),
        }
    }

    // ------------------------------------------------------------------ field values

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
}
