//! `textDocument/foldingRange`: every block of more than one line, and every
//! section.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::blocking;
use crate::ast::ItemKind;
use crate::lsp::document::Document;
use crate::lsp::state::Shared;

pub async fn folding_range(
    shared: &Shared,
    params: FoldingRangeParams,
) -> Result<Option<Vec<FoldingRange>>> {
    let Some(v) = shared.view(&params.text_document.uri, false).await else {
        return Ok(None);
    };
    blocking(move || Some(answer(&v.doc))).await
}

/// Folding: every block of more than one line, and every section.
fn answer(doc: &Document) -> Vec<FoldingRange> {
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
