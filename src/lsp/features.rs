//! What the server answers: hover, completion, rename, outline, folding and quick
//! fixes. Each function reads an open [`Document`]; none touches the LSP transport.

use std::collections::HashMap;

use tower_lsp::jsonrpc;
use tower_lsp::lsp_types::*;

use super::document::{Document, Encoding};
use crate::analysis::{self, Family, Target};
use crate::ast::schema::{self, ValueKind};
use crate::ast::ItemKind;
use crate::diagnostics::Applicability;
use crate::rules::Registry;
use crate::text::Span;

fn markdown(value: String) -> HoverContents {
    HoverContents::Markup(MarkupContent {
        kind: MarkupKind::Markdown,
        value,
    })
}

/// The block (keyword and span) holding `offset`, if any.
fn block_at(doc: &Document, offset: usize) -> Option<(&str, Span)> {
    doc.parsed
        .document
        .items
        .iter()
        .find_map(|item| match &item.kind {
            ItemKind::Block { keyword }
                if item.span.start.offset <= offset
                    && offset < item.span.end.offset.max(item.span.start.offset + 1) =>
            {
                Some((keyword.as_str(), item.span))
            }
            _ => None,
        })
}

/// Hover: what a name refers to, the law behind an area, a rule's explanation, an
/// authority name's history, or what a block or field is.
pub fn hover(
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
                    let foreign = super::across::foreign_definition(doc, &target)?;
                    Some(super::across::describe(&foreign))
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

fn all_fields(
    fields: &'static [schema::FieldSpec],
) -> Box<dyn Iterator<Item = &'static schema::FieldSpec>> {
    Box::new(
        fields
            .iter()
            .flat_map(|f| std::iter::once(f).chain(all_fields(f.children))),
    )
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

fn item(label: &str, kind: CompletionItemKind, detail: &str) -> CompletionItem {
    CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        detail: (!detail.is_empty()).then(|| detail.to_string()),
        ..Default::default()
    }
}

/// Completion: block keywords after `@`, field names at the start of a block line,
/// ids, areas, kinds and rule codes where a value of that kind is expected.
pub fn completion(
    doc: &Document,
    registry: &Registry,
    position: Position,
    encoding: Encoding,
) -> Option<Vec<CompletionItem>> {
    let offset = doc.offset(position, encoding);
    let line = doc.lines.line_of(offset);
    let start = doc.lines.line_start(line)?;
    let before = &doc.text[start..offset];
    let d = &doc.parsed.document;

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

    match trimmed.split_once(':') {
        None => {
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
        Some((name, _)) => {
            let name = name.split_whitespace().next().unwrap_or("");
            let objectives = || {
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
                    .collect()
            };
            match (keyword, name) {
                (_, "supports") => Some(objectives()),
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
    }
}

/// The span of the id under `offset` when it can be renamed: a definition's id, or a
/// use (by id, not by quoted title) of a definition in the document.
pub fn renamable(doc: &Document, offset: usize) -> Option<Span> {
    match doc.index.at(offset)? {
        Target::Definition(d) => Some(d.id_span),
        Target::Use(u) if !u.quoted && doc.index.resolve(u).is_some() => Some(u.span),
        Target::Use(_) => None,
    }
}

/// Rename: the definition and every reference to it, or an error when the new name is
/// not a valid id or is taken.
pub fn rename(
    doc: &Document,
    uri: &Url,
    offset: usize,
    new_name: &str,
    encoding: Encoding,
) -> jsonrpc::Result<Option<WorkspaceEdit>> {
    let Some(target) = doc.index.at(offset) else {
        return Ok(None);
    };
    let Some(def) = doc.index.definition_of(&target) else {
        return Err(jsonrpc::Error::invalid_params(
            "only names defined in this document can be renamed",
        ));
    };
    if !analysis::valid_id(new_name) {
        return Err(jsonrpc::Error::invalid_params(format!(
            "`{new_name}` is not a valid id: use letters, digits and . _ - / + &, starting with a letter or digit"
        )));
    }
    if new_name != def.id
        && doc
            .index
            .definitions
            .iter()
            .any(|d| d.family == def.family && d.id == new_name)
    {
        return Err(jsonrpc::Error::invalid_params(format!(
            "`{new_name}` is already used by another {}",
            def.keyword
        )));
    }
    let mut edits = vec![TextEdit {
        range: doc.range(def.id_span, encoding),
        new_text: new_name.to_string(),
    }];
    // References by quoted title keep naming the title; only id references change.
    edits.extend(
        doc.index
            .uses_of(def)
            .filter(|u| !u.quoted)
            .map(|u| TextEdit {
                range: doc.range(u.span, encoding),
                new_text: new_name.to_string(),
            }),
    );
    Ok(Some(WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..Default::default()
    }))
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be given.
fn symbol(
    doc: &Document,
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    span: Span,
    selection: Span,
    encoding: Encoding,
) -> DocumentSymbol {
    DocumentSymbol {
        name: if name.trim().is_empty() {
            "(untitled)".to_string()
        } else {
            name
        },
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: doc.range(span, encoding),
        selection_range: doc.range(selection, encoding),
        children: None,
    }
}

/// The outline: headings as sections, and inside them the blocks, with plan
/// objectives and action-plan aims as their children.
pub fn symbols(doc: &Document, encoding: Encoding) -> Vec<DocumentSymbol> {
    let d = &doc.parsed.document;
    let title = |t: &Option<crate::ast::Spanned<String>>| t.as_ref().map(|t| t.value.clone());
    let mut blocks: Vec<(usize, DocumentSymbol)> = Vec::new();
    for p in &d.priorities {
        blocks.push((
            p.span.start.offset,
            symbol(
                doc,
                format!("{}: {}", p.id.value, title(&p.title).unwrap_or_default()),
                Some("priority".into()),
                SymbolKind::CLASS,
                p.span,
                p.id.span,
                encoding,
            ),
        ));
    }
    for t in &d.themes {
        blocks.push((
            t.span.start.offset,
            symbol(
                doc,
                format!("{}: {}", t.id.value, title(&t.title).unwrap_or_default()),
                Some("theme".into()),
                SymbolKind::INTERFACE,
                t.span,
                t.id.span,
                encoding,
            ),
        ));
    }
    for plan in &d.plans {
        let mut s = symbol(
            doc,
            format!(
                "{}: {}",
                plan.id.value,
                title(&plan.title).unwrap_or_default()
            ),
            Some("Police and Crime Plan".into()),
            SymbolKind::MODULE,
            plan.span,
            plan.id.span,
            encoding,
        );
        s.children = Some(
            plan.objectives
                .iter()
                .map(|o| {
                    symbol(
                        doc,
                        format!("{}: {}", o.id.value, title(&o.text).unwrap_or_default()),
                        Some("objective".into()),
                        SymbolKind::FIELD,
                        o.span,
                        o.id.span,
                        encoding,
                    )
                })
                .collect(),
        );
        blocks.push((plan.span.start.offset, s));
    }
    for a in &d.action_plans {
        let mut s = symbol(
            doc,
            format!("Action plan {}", a.priority.name),
            title(&a.title),
            SymbolKind::MODULE,
            a.span,
            a.priority.span,
            encoding,
        );
        s.children = Some(
            a.aims
                .iter()
                .map(|aim| {
                    let mut s = symbol(
                        doc,
                        format!(
                            "{}: {}",
                            aim.number.value,
                            title(&aim.text).unwrap_or_default()
                        ),
                        Some("aim".into()),
                        SymbolKind::METHOD,
                        aim.span,
                        aim.number.span,
                        encoding,
                    );
                    s.children = Some(
                        aim.actions
                            .iter()
                            .map(|action| {
                                symbol(
                                    doc,
                                    action.value.clone(),
                                    Some("action".into()),
                                    SymbolKind::EVENT,
                                    action.span,
                                    action.span,
                                    encoding,
                                )
                            })
                            .collect(),
                    );
                    s
                })
                .collect(),
        );
        blocks.push((a.span.start.offset, s));
    }
    for (keyword, orgs) in [("authority", &d.authorities), ("body", &d.bodies)] {
        for o in orgs {
            blocks.push((
                o.span.start.offset,
                symbol(
                    doc,
                    title(&o.name).unwrap_or_else(|| o.id.value.clone()),
                    Some(keyword.into()),
                    SymbolKind::OBJECT,
                    o.span,
                    o.id.span,
                    encoding,
                ),
            ));
        }
    }
    if let Some(a) = &d.agreement {
        blocks.push((
            a.span.start.offset,
            symbol(
                doc,
                title(&a.title).unwrap_or_else(|| "agreement".into()),
                Some("agreement".into()),
                SymbolKind::FILE,
                a.span,
                a.header_span,
                encoding,
            ),
        ));
    }
    blocks.sort_by_key(|(start, _)| *start);

    // Nest blocks under the heading before them, headings under shallower headings.
    let headings = &d.outline;
    let mut roots: Vec<DocumentSymbol> = Vec::new();
    let mut stack: Vec<(u32, DocumentSymbol)> = Vec::new();
    let end_of_text = doc.span(doc.text.len(), doc.text.len());
    fn close(stack: &mut Vec<(u32, DocumentSymbol)>, roots: &mut Vec<DocumentSymbol>, level: u32) {
        while stack.last().is_some_and(|(l, _)| *l >= level) {
            let (_, done) = stack.pop().expect("checked non-empty");
            match stack.last_mut() {
                Some((_, parent)) => parent.children.get_or_insert_with(Vec::new).push(done),
                None => roots.push(done),
            }
        }
    }
    let mut blocks = blocks.into_iter().peekable();
    for (i, h) in headings.iter().enumerate() {
        while let Some((_, b)) = blocks.next_if(|(start, _)| *start < h.span.start.offset) {
            match stack.last_mut() {
                Some((_, parent)) => parent.children.get_or_insert_with(Vec::new).push(b),
                None => roots.push(b),
            }
        }
        close(&mut stack, &mut roots, h.level);
        // A section runs to the next heading at its level or above.
        let end = headings[i + 1..]
            .iter()
            .find(|n| n.level <= h.level)
            .map_or(end_of_text, |n| {
                doc.span(n.span.start.offset, n.span.start.offset)
            });
        let span = Span {
            start: h.span.start,
            end: end.start,
        };
        let mut s = symbol(
            doc,
            h.text.value.clone(),
            None,
            SymbolKind::NAMESPACE,
            span,
            h.text.span,
            encoding,
        );
        s.children = Some(Vec::new());
        stack.push((h.level, s));
    }
    for (_, b) in blocks {
        match stack.last_mut() {
            Some((_, parent)) => parent.children.get_or_insert_with(Vec::new).push(b),
            None => roots.push(b),
        }
    }
    close(&mut stack, &mut roots, 0);
    roots
}

/// Folding: every block of more than one line, and every section.
pub fn folding(doc: &Document) -> Vec<FoldingRange> {
    let d = &doc.parsed.document;
    let mut out: Vec<FoldingRange> = d
        .items
        .iter()
        .filter(|i| matches!(i.kind, ItemKind::Block { .. }))
        .filter_map(|i| {
            // The item ends with its line break: the last line of content is the one before.
            let last = doc
                .lines
                .line_of(i.span.end.offset.saturating_sub(1).max(i.span.start.offset));
            (last as u32 > i.span.start.line).then(|| FoldingRange {
                start_line: i.span.start.line,
                end_line: last as u32,
                kind: Some(FoldingRangeKind::Region),
                ..Default::default()
            })
        })
        .collect();
    for (i, h) in d.outline.iter().enumerate() {
        let next = d.outline[i + 1..]
            .iter()
            .find(|n| n.level <= h.level)
            .map(|n| n.span.start.line);
        let mut end = next.map_or(doc.lines.line_count() as u32 - 1, |l| l.saturating_sub(1));
        // Do not fold the blank lines before the next heading.
        while end > h.span.start.line {
            let start = doc.lines.line_start(end as usize).unwrap_or(0);
            let stop = doc
                .lines
                .line_start(end as usize + 1)
                .unwrap_or(doc.text.len());
            if !doc.text[start..stop].trim().is_empty() {
                break;
            }
            end -= 1;
        }
        if end > h.span.start.line {
            out.push(FoldingRange {
                start_line: h.span.start.line,
                end_line: end,
                kind: Some(FoldingRangeKind::Region),
                ..Default::default()
            });
        }
    }
    out
}

/// The whole document in canonical layout, as one edit; nothing when it is laid out
/// already or has syntax errors (the errors are shown as diagnostics already).
pub fn formatting(doc: &Document, encoding: Encoding) -> Option<Vec<TextEdit>> {
    let formatted = crate::format::format(&doc.text).ok()?;
    if formatted == doc.text {
        return Some(Vec::new());
    }
    let all = doc.span(0, doc.text.len());
    Some(vec![TextEdit {
        range: doc.range(all, encoding),
        new_text: formatted,
    }])
}

/// Quick fixes for the findings in `start..end`: the rule engine's fixes (preferred
/// when safe), and a suppression with a reason to fill in.
pub fn code_actions(
    doc: &Document,
    uri: &Url,
    start: usize,
    end: usize,
    encoding: Encoding,
    docs_url: Option<&Url>,
) -> Vec<CodeActionOrCommand> {
    let mut out = Vec::new();
    // Fixes are written with `\n`; a CRLF document keeps its line endings.
    let ending = crate::format::LineEnding::of(&doc.text);
    for finding in doc
        .diagnostics
        .iter()
        .filter(|f| f.span.start.offset <= end && start <= f.span.end.offset)
    {
        let lsp = super::to_lsp(uri, finding, encoding, docs_url);
        if let Some(fix) = &finding.fix {
            let edits = fix
                .edits
                .iter()
                .map(|e| TextEdit {
                    range: doc.range(e.span, encoding),
                    new_text: ending.adapt(&e.replacement),
                })
                .collect();
            let title = match fix.applicability {
                Applicability::Safe | Applicability::Unsafe => fix.title.clone(),
                Applicability::DisplayOnly => format!("{} (then complete it)", fix.title),
            };
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp.clone()]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), edits)])),
                    ..Default::default()
                }),
                is_preferred: Some(fix.applicability == Applicability::Safe),
                ..Default::default()
            }));
        }
        // Syntax errors are fixed, not suppressed.
        if !crate::diagnostics::syntax::is_syntax(&finding.code) {
            let line = finding.span.start.line as usize;
            let line_start = doc.lines.line_start(line).unwrap_or(0);
            let indent: String = doc.text[line_start..]
                .chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .collect();
            let at = doc.span(line_start, line_start);
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Suppress {} with a reason", finding.code),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(
                        uri.clone(),
                        vec![TextEdit {
                            range: doc.range(at, encoding),
                            new_text: format!(
                                "{indent}// csa-ignore {}: REASON{}",
                                finding.code,
                                ending.as_str()
                            ),
                        }],
                    )])),
                    ..Default::default()
                }),
                is_preferred: Some(false),
                ..Default::default()
            }));
        }
    }
    out
}
