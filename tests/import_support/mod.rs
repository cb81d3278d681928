//! What the importer's shape tests share: a text imported and parsed back, and
//! the blocks of the draft a test asserts on.

#![allow(dead_code)]

pub use csa::ast::{self, Document};
use csa::import;

pub fn doc(text: &str) -> (Document, String) {
    let imported = import::import_text(text);
    let parsed = ast::parse(&imported.csa);
    (parsed.document, imported.csa)
}

pub fn priorities(d: &Document) -> Vec<String> {
    d.priorities
        .iter()
        .filter_map(|p| p.title.as_ref().map(|t| t.value.clone()))
        .collect()
}

pub fn themes(d: &Document) -> Vec<String> {
    d.themes
        .iter()
        .filter_map(|p| p.title.as_ref().map(|t| t.value.clone()))
        .collect()
}

pub fn authorities(d: &Document) -> Vec<(String, String)> {
    d.authorities
        .iter()
        .map(|a| {
            (
                a.name.as_ref().map(|n| n.value.clone()).unwrap_or_default(),
                a.kind.as_ref().map(|k| k.value.clone()).unwrap_or_default(),
            )
        })
        .collect()
}

pub fn period(d: &Document) -> Option<String> {
    let a = d.agreement.as_ref()?;
    a.period
        .as_ref()
        .map(|p| format!("{}-{}", p.value.from.year, p.value.to.year))
}

pub fn area(d: &Document) -> Option<String> {
    d.agreement
        .as_ref()
        .and_then(|a| a.area.as_ref().map(|a| a.value.clone()))
}

/// Every word of `text` is in the draft, in order (list and heading marks aside).
pub fn keeps_every_word(text: &str, csa: &str) {
    let mut rest = csa;
    for w in text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
    {
        match rest.find(w) {
            Some(p) => rest = &rest[p + w.len()..],
            None => panic!("{w:?} is missing from the draft (or out of order):\n{csa}"),
        }
    }
}
