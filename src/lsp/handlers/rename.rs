//! `textDocument/prepareRename` and `textDocument/rename`: a name defined in this
//! document is renamed here; one defined in a file is renamed there and in every
//! document of the workspace that uses that file.

use std::collections::HashMap;

use tower_lsp_server::jsonrpc::{self, Result};
use tower_lsp_server::ls_types::*;

use super::blocking;
use crate::analysis::{self, Target};
use crate::lsp::across::{self, Candidate};
use crate::lsp::document::{Document, Encoding};
use crate::lsp::state::Shared;
use crate::text::Span;

pub async fn prepare_rename(
    shared: &Shared,
    params: TextDocumentPositionParams,
) -> Result<Option<PrepareRenameResponse>> {
    let Some(v) = shared.view(&params.text_document.uri, true).await else {
        return Ok(None);
    };
    blocking(move || {
        let doc = &*v.doc;
        let offset = doc.offset(params.position, v.encoding);
        let span = renamable(doc, offset).or_else(|| match doc.index.at(offset)? {
            // A name defined in a file this one uses is renamed there and everywhere.
            target @ Target::Use(u) if !u.quoted => across::foreign_definition(doc, &target)
                .filter(across::Foreign::in_file)
                .map(|_| u.span),
            _ => None,
        });
        span.map(|span| PrepareRenameResponse::Range(doc.range(span, v.encoding)))
    })
    .await
}

pub async fn rename(shared: &Shared, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
    let p = params.text_document_position;
    let Some(v) = shared.view(&p.text_document.uri, true).await else {
        return Ok(None);
    };
    let candidates = shared.state().candidates();
    let uri = p.text_document.uri;
    blocking(move || {
        answer(
            &v.doc,
            &uri,
            &candidates,
            p.position,
            &params.new_name,
            v.encoding,
        )
    })
    .await?
}

fn answer(
    doc: &Document,
    uri: &Uri,
    candidates: &[Candidate],
    position: Position,
    new_name: &str,
    encoding: Encoding,
) -> Result<Option<WorkspaceEdit>> {
    let offset = doc.offset(position, encoding);
    match across::home(doc, offset) {
        Ok(Some(home)) => across::rename(&home, candidates, new_name, encoding),
        Ok(None) => in_document(doc, uri, offset, new_name, encoding),
        Err(why) => Err(jsonrpc::Error::invalid_params(why)),
    }
}

/// The span of the id under `offset` when it can be renamed: a definition's id, or a
/// use (by id, not by quoted title) of a definition in the document.
fn renamable(doc: &Document, offset: usize) -> Option<Span> {
    match doc.index.at(offset)? {
        Target::Definition(d) => Some(d.id_span),
        Target::Use(u) if !u.quoted && doc.index.resolve(u).is_some() => Some(u.span),
        Target::Use(_) => None,
    }
}

/// Rename: the definition and every reference to it, or an error when the new name is
/// not a valid id or is taken.
fn in_document(
    doc: &Document,
    uri: &Uri,
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
