//! Text a template left for the author to replace: `csa new`'s prompts, which are
//! written in square brackets, and the placeholder text of Word's own templates and
//! content controls ("Click or tap here to enter text."). A document that still holds
//! one is not finished, whatever else it gets right.

use super::Kind;
use crate::ast::{ItemKind, Spanned};
use crate::rules::{Context, Finding, Rule};
use crate::text::Span;

/// The `template-text` kind.
pub const TEMPLATE_TEXT: Kind = Kind {
    name: "template-text",
    doc: "Placeholder text a template left in: a prose line, heading, title or field that is wholly in square brackets, or Word's placeholder phrases.",
    args: &["where", "text"],
    params: &[],
    run: Some(template_text),
};

/// Word's placeholder phrases for content controls and its templates' filler text,
/// lower-cased. They are never a partnership's own words.
const WORD_PLACEHOLDERS: &[&str] = &[
    "click or tap here to enter text",
    "click here to enter text",
    "click or tap to enter a date",
    "click here to enter a date",
    "choose an item.",
    "lorem ipsum",
];

/// Whether `text` is a template's placeholder: wholly in square brackets with at
/// least two words in it (`[Write a foreword ...]`, `[Insert the date]`; a footnote
/// mark such as `[1]` or a bracketed initialism `[ASB]` is not), or a phrase of
/// [`WORD_PLACEHOLDERS`].
pub fn is_placeholder(text: &str) -> bool {
    let text = text.trim();
    if let Some(inner) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
        let words = inner
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count();
        if words >= 2 && !inner.contains(['[', ']']) {
            return true;
        }
    }
    let folded = text.to_lowercase();
    WORD_PLACEHOLDERS.iter().any(|p| folded.contains(p))
}

/// Every place of the document an author writes words into, named as a finding
/// names it.
fn written_places<'a>(cx: &'a Context) -> Vec<(String, &'a str, Span)> {
    let doc = cx.doc;
    let mut places = Vec::new();
    fn field<'a>(
        places: &mut Vec<(String, &'a str, Span)>,
        what: String,
        value: &'a Option<Spanned<String>>,
    ) {
        if let Some(v) = value {
            places.push((what, v.value.as_str(), v.span));
        }
    }
    if let Some(a) = &doc.agreement {
        field(&mut places, "the document's title".into(), &a.title);
        field(&mut places, "the partnership's name".into(), &a.partnership);
        field(&mut places, "the chair".into(), &a.chair);
        field(&mut places, "`approved:`".into(), &a.approved);
        field(&mut places, "`scrutiny:`".into(), &a.scrutiny);
        field(
            &mut places,
            "`serious-violence-strategy:`".into(),
            &a.serious_violence_strategy,
        );
        for c in &a.consultation {
            places.push(("`consultation:`".into(), c.value.as_str(), c.span));
        }
    }
    for p in &doc.priorities {
        let id = &p.id.value;
        field(
            &mut places,
            format!("the title of the priority `{id}`"),
            &p.title,
        );
        field(
            &mut places,
            format!("what the priority `{id}` includes"),
            &p.includes,
        );
        field(
            &mut places,
            format!("the note of the priority `{id}`"),
            &p.note,
        );
        field(
            &mut places,
            format!("the resources of the priority `{id}`"),
            &p.resources,
        );
        for m in &p.measures {
            places.push((
                format!("a measure of the priority `{id}`"),
                m.value.as_str(),
                m.span,
            ));
        }
    }
    for t in &doc.themes {
        let id = &t.id.value;
        field(
            &mut places,
            format!("the title of the theme `{id}`"),
            &t.title,
        );
        field(
            &mut places,
            format!("what the theme `{id}` includes"),
            &t.includes,
        );
        field(
            &mut places,
            format!("the note of the theme `{id}`"),
            &t.note,
        );
    }
    for o in doc.authorities.iter().chain(&doc.bodies) {
        field(
            &mut places,
            format!("the name of `{}`", o.id.value),
            &o.name,
        );
    }
    for lead in doc
        .leads
        .iter()
        .chain(doc.priorities.iter().flat_map(|p| &p.leads))
    {
        places.push(("a lead".into(), lead.role.value.as_str(), lead.role.span));
    }
    for h in &doc.outline {
        places.push(("a heading".into(), h.text.value.as_str(), h.text.span));
    }
    for item in &doc.items {
        if let ItemKind::Prose { text, .. } = &item.kind {
            places.push(("a line of text".into(), text.as_str(), item.span));
        }
    }
    places
}

/// `template-text`: each placeholder left in the document, where it is.
pub fn template_text(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    for (place, text, span) in written_places(cx) {
        if is_placeholder(text) {
            let text = text.trim();
            let mut shown: String = text.chars().take(80).collect();
            if shown.len() < text.len() {
                shown.push('…');
            }
            out.push(Finding::at(span).arg("where", place).arg("text", shown));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_placeholder;

    #[test]
    fn placeholders_are_bracketed_prompts_and_words_phrases() {
        assert!(is_placeholder("[Write a foreword from the chair.]"));
        assert!(is_placeholder("  [Insert the date]  "));
        assert!(is_placeholder("Click or tap here to enter text."));
        assert!(is_placeholder("Lorem ipsum dolor sit amet"));
    }

    #[test]
    fn a_partnerships_own_brackets_are_not_placeholders() {
        assert!(!is_placeholder("[1]"));
        assert!(!is_placeholder("[ASB]"));
        assert!(!is_placeholder(
            "Tackling anti-social behaviour [see section 4]"
        ));
        assert!(!is_placeholder("[a] and [b]"));
        assert!(!is_placeholder("Domestic Abuse"));
    }
}
