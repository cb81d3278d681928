//! `textDocument/documentSymbol`: the outline. Headings are sections, and inside
//! them the blocks, with plan objectives and action-plan aims as their children.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::blocking;
use crate::ast::{ActionPlan, PccPlan, Spanned};
use crate::lsp::document::{Document, Encoding};
use crate::lsp::state::Shared;
use crate::text::Span;

pub async fn document_symbol(
    shared: &Shared,
    params: DocumentSymbolParams,
) -> Result<Option<DocumentSymbolResponse>> {
    let Some(v) = shared.view(&params.text_document.uri, false).await else {
        return Ok(None);
    };
    blocking(move || Some(DocumentSymbolResponse::Nested(symbols(&v.doc, v.encoding)))).await
}

/// Makes one symbol, without children.
struct Maker<'a> {
    doc: &'a Document,
    encoding: Encoding,
}

impl Maker<'_> {
    #[allow(deprecated)] // `DocumentSymbol::deprecated` must still be given.
    fn symbol(
        &self,
        name: String,
        detail: Option<String>,
        kind: SymbolKind,
        span: Span,
        selection: Span,
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
            range: self.doc.range(span, self.encoding),
            selection_range: self.doc.range(selection, self.encoding),
            children: None,
        }
    }
}

fn title(t: &Option<Spanned<String>>) -> Option<String> {
    t.as_ref().map(|t| t.value.clone())
}

/// The outline of `doc`.
pub fn symbols(doc: &Document, encoding: Encoding) -> Vec<DocumentSymbol> {
    let make = Maker { doc, encoding };
    let mut blocks = blocks(&make);
    blocks.sort_by_key(|(start, _)| *start);
    nest(&make, blocks)
}

/// Every block's symbol, with where it starts.
fn blocks(make: &Maker) -> Vec<(usize, DocumentSymbol)> {
    let d = &make.doc.parsed.document;
    let mut blocks: Vec<(usize, DocumentSymbol)> = Vec::new();
    for p in &d.priorities {
        let name = format!("{}: {}", p.id.value, title(&p.title).unwrap_or_default());
        let s = make.symbol(
            name,
            Some("priority".into()),
            SymbolKind::CLASS,
            p.span,
            p.id.span,
        );
        blocks.push((p.span.start.offset, s));
    }
    for t in &d.themes {
        let name = format!("{}: {}", t.id.value, title(&t.title).unwrap_or_default());
        let s = make.symbol(
            name,
            Some("theme".into()),
            SymbolKind::INTERFACE,
            t.span,
            t.id.span,
        );
        blocks.push((t.span.start.offset, s));
    }
    for plan in &d.plans {
        blocks.push((plan.span.start.offset, plan_symbol(make, plan)));
    }
    for a in &d.action_plans {
        blocks.push((a.span.start.offset, action_plan_symbol(make, a)));
    }
    for (keyword, orgs) in [("authority", &d.authorities), ("body", &d.bodies)] {
        for o in orgs {
            let name = title(&o.name).unwrap_or_else(|| o.id.value.clone());
            let s = make.symbol(
                name,
                Some(keyword.into()),
                SymbolKind::OBJECT,
                o.span,
                o.id.span,
            );
            blocks.push((o.span.start.offset, s));
        }
    }
    if let Some(a) = &d.agreement {
        let name = title(&a.title).unwrap_or_else(|| "agreement".into());
        let s = make.symbol(
            name,
            Some("agreement".into()),
            SymbolKind::FILE,
            a.span,
            a.header_span,
        );
        blocks.push((a.span.start.offset, s));
    }
    blocks
}

/// A Police and Crime Plan, its objectives as children.
fn plan_symbol(make: &Maker, plan: &PccPlan) -> DocumentSymbol {
    let name = format!(
        "{}: {}",
        plan.id.value,
        title(&plan.title).unwrap_or_default()
    );
    let mut s = make.symbol(
        name,
        Some("Police and Crime Plan".into()),
        SymbolKind::MODULE,
        plan.span,
        plan.id.span,
    );
    s.children = Some(
        plan.objectives
            .iter()
            .map(|o| {
                let name = format!("{}: {}", o.id.value, title(&o.text).unwrap_or_default());
                make.symbol(
                    name,
                    Some("objective".into()),
                    SymbolKind::FIELD,
                    o.span,
                    o.id.span,
                )
            })
            .collect(),
    );
    s
}

/// An action plan, its aims as children and their actions as theirs.
fn action_plan_symbol(make: &Maker, a: &ActionPlan) -> DocumentSymbol {
    let name = format!("Action plan {}", a.priority.name);
    let mut s = make.symbol(
        name,
        title(&a.title),
        SymbolKind::MODULE,
        a.span,
        a.priority.span,
    );
    s.children = Some(
        a.aims
            .iter()
            .map(|aim| {
                let name = format!(
                    "{}: {}",
                    aim.number.value,
                    title(&aim.text).unwrap_or_default()
                );
                let mut s = make.symbol(
                    name,
                    Some("aim".into()),
                    SymbolKind::METHOD,
                    aim.span,
                    aim.number.span,
                );
                s.children = Some(
                    aim.actions
                        .iter()
                        .map(|action| {
                            make.symbol(
                                action.value.clone(),
                                Some("action".into()),
                                SymbolKind::EVENT,
                                action.span,
                                action.span,
                            )
                        })
                        .collect(),
                );
                s
            })
            .collect(),
    );
    s
}

/// Ends the open sections at `level` or deeper, each into its parent (or the roots).
fn close(stack: &mut Vec<(u32, DocumentSymbol)>, roots: &mut Vec<DocumentSymbol>, level: u32) {
    while stack.last().is_some_and(|(l, _)| *l >= level) {
        let (_, done) = stack.pop().expect("checked non-empty");
        match stack.last_mut() {
            Some((_, parent)) => parent.children.get_or_insert_with(Vec::new).push(done),
            None => roots.push(done),
        }
    }
}

/// Puts `symbol` in the innermost open section (or the roots).
fn place(
    stack: &mut [(u32, DocumentSymbol)],
    roots: &mut Vec<DocumentSymbol>,
    symbol: DocumentSymbol,
) {
    match stack.last_mut() {
        Some((_, parent)) => parent.children.get_or_insert_with(Vec::new).push(symbol),
        None => roots.push(symbol),
    }
}

/// Nests the blocks (sorted by start) under the heading before them, and headings
/// under shallower headings.
fn nest(make: &Maker, blocks: Vec<(usize, DocumentSymbol)>) -> Vec<DocumentSymbol> {
    let doc = make.doc;
    let headings = &doc.parsed.document.outline;
    let mut roots: Vec<DocumentSymbol> = Vec::new();
    let mut stack: Vec<(u32, DocumentSymbol)> = Vec::new();
    let end_of_text = doc.span(doc.text.len(), doc.text.len());
    let mut blocks = blocks.into_iter().peekable();
    for (i, h) in headings.iter().enumerate() {
        while let Some((_, b)) = blocks.next_if(|(start, _)| *start < h.span.start.offset) {
            place(&mut stack, &mut roots, b);
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
        let mut s = make.symbol(
            h.text.value.clone(),
            None,
            SymbolKind::NAMESPACE,
            span,
            h.text.span,
        );
        s.children = Some(Vec::new());
        stack.push((h.level, s));
    }
    for (_, b) in blocks {
        place(&mut stack, &mut roots, b);
    }
    close(&mut stack, &mut roots, 0);
    roots
}
