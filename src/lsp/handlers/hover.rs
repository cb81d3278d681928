//! `textDocument/hover`: what a name refers to, the law behind an area, a rule's
//! explanation, an authority name's history, or what a block or field is. Answered
//! from the last analysis, even while a newer one runs.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::blocking;
use super::place::{all_fields, block_at};
use crate::analysis::{self, Family, Target};
use crate::ast::schema::{self, ValueKind};
use crate::lsp::across;
use crate::lsp::document::{Document, Encoding};
use crate::lsp::state::Shared;
use crate::rules::Registry;
use crate::text::Span;

pub async fn hover(shared: &Shared, params: HoverParams) -> Result<Option<Hover>> {
    let p = params.text_document_position_params;
    let Some(v) = shared.view(&p.text_document.uri, false).await else {
        return Ok(None);
    };
    blocking(move || answer(&v.doc, &v.registry, p.position, v.encoding)).await
}

fn markdown(value: String) -> HoverContents {
    HoverContents::Markup(MarkupContent {
        kind: MarkupKind::Markdown,
        value,
    })
}

/// Hover: what a name refers to, the law behind an area, a rule's explanation, an
/// authority name's history, or what a block or field is.
fn answer(
    doc: &Document,
    registry: &Registry,
    position: Position,
    encoding: Encoding,
) -> Option<Hover> {
    let offset = doc.offset(position, encoding);
    if let Some(target) = doc.index.at(offset) {
        let (span, text) = match &target {
            Target::Definition(d) => (d.id_span, describe_definition(doc, d)),
            Target::Use(u) => {
                let text = describe_use(doc, registry, u).or_else(|| {
                    let foreign = across::foreign_definition(doc, &target)?;
                    Some(across::describe(&foreign))
                })?;
                (u.span, text)
            }
        };
        return Some(Hover {
            contents: markdown(text),
            range: Some(doc.range(span, encoding)),
        });
    }
    if let Some(hover) = authority_hover(doc, registry, offset, encoding) {
        return Some(hover);
    }
    keyword_hover(doc, offset, encoding)
}

fn line_of(span: Span) -> u32 {
    span.start.line + 1
}

fn describe_definition(doc: &Document, d: &analysis::Definition) -> String {
    let uses = doc.index.uses_of(d).count();
    format!(
        "**{} `{}`**: {}\n\nDefined on line {}; referred to {} time{}.",
        d.keyword,
        d.id,
        d.title,
        line_of(d.span),
        uses,
        if uses == 1 { "" } else { "s" }
    )
}

fn describe_use(doc: &Document, registry: &Registry, u: &analysis::Use) -> Option<String> {
    match u.family {
        Family::Area => {
            let area = registry.law.area(&u.name)?;
            let until = area
                .in_force_until
                .map(|d| format!(" until {}", d.0))
                .unwrap_or_default();
            Some(format!(
                "**Statutory strategy area `{}`**\n\n{}.\n\nLegal basis: {}{}.\n\nIn force from {}{} (source confidence: {:?}).",
                area.id,
                area.title,
                area.citation,
                area.inserted_by.as_ref().map(|b| format!(", inserted by {b}")).unwrap_or_default(),
                area.in_force_from.0,
                until,
                area.confidence
            ))
        }
        Family::Rule => {
            let rule = registry.find(&u.name)?;
            Some(crate::rules::explain::explain(rule, true))
        }
        _ => {
            let def = doc.index.resolve(u)?;
            Some(format!(
                "**{} `{}`**: {}\n\nDefined on line {}.",
                def.keyword,
                def.id,
                def.title,
                line_of(def.span)
            ))
        }
    }
}

/// Hover on an authority's or a lead organisation's name: the kind of responsible
/// authority it is, and the years that name was in use.
fn authority_hover(
    doc: &Document,
    registry: &Registry,
    offset: usize,
    encoding: Encoding,
) -> Option<Hover> {
    let d = &doc.parsed.document;
    let names = d
        .authorities
        .iter()
        .chain(&d.bodies)
        .filter_map(|o| o.name.as_ref())
        .chain(d.leads.iter().filter_map(|l| l.organisation.as_ref()))
        .chain(
            d.priorities
                .iter()
                .flat_map(|p| &p.leads)
                .filter_map(|l| l.organisation.as_ref()),
        );
    for name in names {
        if !name.span.contains(offset) {
            continue;
        }
        let (kind, law_name, _) = registry.law.authority_name_in(&name.value)?;
        let from = law_name
            .from
            .map(|d| d.0.to_string())
            .unwrap_or_else(|| "the start".to_string());
        let until = law_name
            .until
            .map(|d| format!("until {}", d.0))
            .unwrap_or_else(|| "and is still in use".to_string());
        let current = law_name
            .current
            .as_ref()
            .map(|c| format!("\n\nAfterwards: {c}."))
            .unwrap_or_default();
        return Some(Hover {
            contents: markdown(format!(
                "**{}**: a {} ({}), kind `{}`.\n\nThe name {} applied from {} {}.{}",
                name.value,
                kind.title.to_lowercase(),
                kind.citation,
                kind.id,
                law_name.name,
                from,
                until,
                current
            )),
            range: Some(doc.range(name.span, encoding)),
        });
    }
    None
}

/// Hover on a block keyword or a field name: what it is.
fn keyword_hover(doc: &Document, offset: usize, encoding: Encoding) -> Option<Hover> {
    let (keyword, _) = block_at(doc, offset)?;
    let spec = schema::block(keyword)?;
    let line = doc.lines.line_of(offset);
    let start = doc.lines.line_start(line)?;
    let end = doc.lines.line_start(line + 1).unwrap_or(doc.text.len());
    let line_text = &doc.text[start..end];
    // The character before the word may be several bytes long ("–", "é").
    let word_start = line_text[..offset - start]
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word_end = line_text[offset - start..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .map_or(line_text.len(), |i| offset - start + i);
    let word = &line_text[word_start..word_end];
    let is_header = line_text.starts_with('@');
    let text = if is_header && word == keyword {
        format!("**`@{}`**: {}", spec.keyword, spec.doc)
    } else {
        let field = all_fields(spec.fields).find(|f| f.name == word)?;
        format!(
            "**`{}`** ({}): {}",
            field.name,
            value_words(field.value),
            field.doc
        )
    };
    Some(Hover {
        contents: markdown(text),
        range: Some(doc.range(doc.span(start + word_start, start + word_end), encoding)),
    })
}

fn value_words(kind: ValueKind) -> String {
    match kind {
        ValueKind::Text => "text".to_string(),
        ValueKind::Date => "a date, YYYY-MM-DD".to_string(),
        ValueKind::Period => "a period, DATE to DATE".to_string(),
        ValueKind::Number => "a number".to_string(),
        ValueKind::IdList => "ids separated by commas".to_string(),
        ValueKind::OneOf(words) => format!("one of {}", words.join(", ")),
        ValueKind::Heading => "a heading with list items".to_string(),
    }
}
