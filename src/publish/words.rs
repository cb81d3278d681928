//! How the published page words dates, kinds of document, titles and values.

use crate::ast::{Date, Document};

/// A date as readers write it: `1 April 2022`, or `April 2022`.
pub fn human_date(date: Date) -> String {
    let month = date.month_name();
    match date.day {
        Some(day) => format!("{day} {month} {}", date.year),
        None => format!("{month} {}", date.year),
    }
}

/// The kinds of document, in words.
pub fn kind_words(kind: &str) -> &str {
    match kind {
        "county-agreement" => "County community safety agreement",
        "district-plan" => "District community safety plan",
        "unitary-plan" => "Unitary community safety plan",
        other => other,
    }
}

/// The document's title: the agreement's, else its first heading's, else `fallback`.
pub fn document_title(doc: &Document, fallback: &str) -> String {
    doc.agreement
        .as_ref()
        .and_then(|a| a.title.as_ref())
        .map(|t| t.value.clone())
        .or_else(|| doc.outline.first().map(|h| h.text.value.clone()))
        .unwrap_or_else(|| fallback.to_string())
}

/// `legislation` → `Legislation`.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A field's text, or nothing when it is absent.
pub(super) fn text_of(field: &Option<crate::ast::Spanned<String>>) -> String {
    field.as_ref().map(|s| s.value.clone()).unwrap_or_default()
}
