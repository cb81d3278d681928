//! `textDocument/completion`: block keywords after `@`, field names at the start of a
//! block line, and ids, areas, kinds and rule codes where a value of that kind is
//! expected.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::blocking;
use super::place::{all_fields, block_at};
use crate::ast::schema::{self, BlockSpec, ValueKind};
use crate::ast::Document as Model;
use crate::lsp::document::{Document, Encoding};
use crate::lsp::state::Shared;
use crate::rules::Registry;

pub async fn completion(
    shared: &Shared,
    params: CompletionParams,
) -> Result<Option<CompletionResponse>> {
    let p = params.text_document_position;
    // Completion reads the line being typed, so it waits for the analysis of the
    // text the client holds: an older one would offer words for another line.
    let Some(v) = shared.view(&p.text_document.uri, true).await else {
        return Ok(None);
    };
    blocking(move || {
        answer(&v.doc, &v.registry, p.position, v.encoding).map(CompletionResponse::Array)
    })
    .await
}

fn item(label: &str, kind: CompletionItemKind, detail: &str) -> CompletionItem {
    CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        detail: (!detail.is_empty()).then(|| detail.to_string()),
        ..Default::default()
    }
}

/// The words that may be written at `position`.
fn answer(
    doc: &Document,
    registry: &Registry,
    position: Position,
    encoding: Encoding,
) -> Option<Vec<CompletionItem>> {
    let offset = doc.offset(position, encoding);
    let line = doc.lines.line_of(offset);
    let start = doc.lines.line_start(line)?;
    let before = &doc.text[start..offset];

    if let Some(rest) = before.strip_prefix('@') {
        if !rest.contains([' ', ':']) {
            return Some(
                schema::BLOCKS
                    .iter()
                    .map(|b| item(b.keyword, CompletionItemKind::KEYWORD, b.doc))
                    .collect(),
            );
        }
        return None;
    }
    let trimmed = before.trim_start();
    if let Some(rest) = trimmed.strip_prefix("// csa-ignore") {
        let rest = rest.trim_start_matches("-file");
        if rest.contains(':') {
            return None;
        }
        return Some(
            registry
                .rules
                .iter()
                .map(|r| {
                    let mut i = item(&r.code, CompletionItemKind::VALUE, &r.summary);
                    i.filter_text = Some(format!("{} {}", r.code, r.name));
                    i
                })
                .collect(),
        );
    }
    let indented = before.starts_with([' ', '\t']);
    if !indented {
        return None;
    }
    // Which block: the one this line belongs to (the line above it, when this is a new
    // line not yet part of any item).
    let (keyword, _) = block_at(doc, offset).or_else(|| block_at(doc, start.saturating_sub(1)))?;
    let spec = schema::block(keyword)?;
    let d = &doc.parsed.document;
    match trimmed.split_once(':') {
        None => field_names(d, keyword, spec, trimmed),
        Some((name, _)) => {
            let name = name.split_whitespace().next().unwrap_or("");
            field_values(d, registry, keyword, spec, name)
        }
    }
}

/// Before a colon: the block's field names, or in a leads table the priorities.
fn field_names(
    d: &Model,
    keyword: &str,
    spec: &'static BlockSpec,
    trimmed: &str,
) -> Option<Vec<CompletionItem>> {
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    // `lead ` in a leads table, before the colon: a priority id or title.
    if keyword == "leads"
        && words.first() == Some(&"lead")
        && (words.len() > 1 || trimmed.ends_with(' '))
    {
        return Some(
            d.priorities
                .iter()
                .map(|p| {
                    item(
                        &p.id.value,
                        CompletionItemKind::REFERENCE,
                        p.title.as_ref().map_or("", |t| t.value.as_str()),
                    )
                })
                .collect(),
        );
    }
    if words.len() > 1 {
        return None;
    }
    Some(
        all_fields(spec.fields)
            .map(|f| {
                let mut i = item(f.name, CompletionItemKind::FIELD, f.doc);
                i.insert_text = Some(if f.id == schema::IdRule::Required {
                    format!("{} ", f.name)
                } else {
                    format!("{}: ", f.name)
                });
                i
            })
            .collect(),
    )
}

/// After `name:`: the values that field takes.
fn field_values(
    d: &Model,
    registry: &Registry,
    keyword: &str,
    spec: &'static BlockSpec,
    name: &str,
) -> Option<Vec<CompletionItem>> {
    match (keyword, name) {
        (_, "supports") => Some(
            d.plans
                .iter()
                .flat_map(|p| &p.objectives)
                .map(|o| {
                    item(
                        &o.id.value,
                        CompletionItemKind::REFERENCE,
                        o.text.as_ref().map_or("", |t| t.value.as_str()),
                    )
                })
                .collect(),
        ),
        (_, "themes") => Some(
            d.themes
                .iter()
                .map(|t| {
                    item(
                        &t.id.value,
                        CompletionItemKind::REFERENCE,
                        t.title.as_ref().map_or("", |t| t.value.as_str()),
                    )
                })
                .collect(),
        ),
        (_, "addresses") => Some(
            registry
                .law
                .areas
                .iter()
                .map(|a| {
                    item(
                        &a.id,
                        CompletionItemKind::ENUM_MEMBER,
                        &format!("{} ({})", a.title, a.citation),
                    )
                })
                .collect(),
        ),
        ("authority", "kind") => Some(
            schema::AUTHORITY_KINDS
                .iter()
                .map(|k| {
                    let detail = registry
                        .law
                        .authority_kind(k)
                        .map_or(String::new(), |a| format!("{} ({})", a.title, a.citation));
                    item(k, CompletionItemKind::ENUM_MEMBER, &detail)
                })
                .collect(),
        ),
        _ => {
            let field = all_fields(spec.fields).find(|f| f.name == name)?;
            match field.value {
                ValueKind::OneOf(words) => Some(
                    words
                        .iter()
                        .map(|w| item(w, CompletionItemKind::ENUM_MEMBER, ""))
                        .collect(),
                ),
                _ => None,
            }
        }
    }
}
