//! Nothing written is lost: the items of a document cover every byte exactly once,
//! each block's entries lie inside it without overlapping, and positions are right
//! in UTF-8 and UTF-16 whatever the text.

use csa::ast::{self, ItemKind};
use proptest::prelude::*;

/// Asserts that the items partition the text and that every span agrees with the
/// text it names.
fn assert_lossless(text: &str) {
    let parsed = ast::parse(text);
    let items = &parsed.document.items;
    let mut cursor = 0;
    let mut rebuilt = String::new();
    for item in items {
        assert_eq!(
            item.span.start.offset, cursor,
            "gap or overlap before {item:?} in {text:?}"
        );
        assert!(item.span.end.offset >= item.span.start.offset);
        rebuilt.push_str(&text[item.span.range()]);
        cursor = item.span.end.offset;
        if let ItemKind::Prose { text: prose, .. } = &item.kind {
            assert!(
                text[item.span.range()].contains(prose.as_str()),
                "{prose:?}"
            );
        }
    }
    assert_eq!(cursor, text.len(), "items stop short in {text:?}");
    assert_eq!(rebuilt, text);

    // Every diagnostic points inside the text, on a character boundary.
    for d in &parsed.diagnostics {
        assert!(d.span.end.offset <= text.len());
        assert!(
            text.is_char_boundary(d.span.start.offset) && text.is_char_boundary(d.span.end.offset)
        );
    }
    // Every span of the typed model lies within the text, on character boundaries.
    let value = serde_json::to_value(&parsed.document).unwrap();
    let mut spans = Vec::new();
    collect_spans(&value, &mut spans);
    for (start, end) in spans {
        assert!(
            start <= end && end <= text.len(),
            "span {start}..{end} outside {text:?}"
        );
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
    }
}

fn collect_spans(value: &serde_json::Value, out: &mut Vec<(usize, usize)>) {
    match value {
        serde_json::Value::Object(map) => {
            if let (Some(s), Some(e)) = (map.get("start"), map.get("end")) {
                if let (Some(s), Some(e)) = (s.get("offset"), e.get("offset")) {
                    out.push((s.as_u64().unwrap() as usize, e.as_u64().unwrap() as usize));
                }
            }
            map.values().for_each(|v| collect_spans(v, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_spans(v, out)),
        _ => {}
    }
}

#[test]
fn examples_are_lossless() {
    for name in [
        "kent-2022.csa",
        "kent-2018.csa",
        "kent-2014-17.csa",
        "minimal.csa",
    ] {
        let text =
            std::fs::read_to_string(format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR")))
                .unwrap();
        assert_lossless(&text);
        assert_lossless(&text.replace('\n', "\r\n"));
    }
}

#[test]
fn non_ascii_text_keeps_utf8_and_utf16_positions() {
    let text = "@priority DA: Domestic Abuse – “Safe” £5\n  includes: victims’ services, “Clare’s Law” 😀 x\n";
    let parsed = ast::parse(text);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let priority = &parsed.document.priorities[0];
    let title = priority.title.as_ref().unwrap();
    assert_eq!(title.value, "Domestic Abuse – “Safe” £5");
    assert_eq!(&text[title.span.range()], title.value);
    // The title ends after "–" (3 bytes), two curly quotes (3 bytes each) and "£" (2
    // bytes): 8 bytes more than UTF-16 units, as each of those is one unit.
    let end = title.span.end;
    assert_eq!(
        end.column - end.column_utf16,
        (3 - 1) + 2 * (3 - 1) + (2 - 1)
    );
    let includes = priority.includes.as_ref().unwrap();
    assert_eq!(
        &text[includes.span.range()],
        "victims’ services, “Clare’s Law” 😀 x"
    );
    // Up to "x": ’ “ ’ ” are 3 bytes and 1 unit each; the emoji is 4 bytes, 2 units.
    let end = includes.span.end;
    assert_eq!(end.line, 1);
    assert_eq!(end.column - end.column_utf16, 4 * 2 + 2);
}

/// Lines of every kind, good and bad, to build documents from.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("@agreement: Anytown CSA".to_string()),
        Just("@priority DA: Domestic Abuse".to_string()),
        Just("@priority DA Domestic Abuse".to_string()),
        Just("@plan MKS: Making Kent Safer".to_string()),
        Just("@prority X: typo".to_string()),
        Just("@".to_string()),
        Just("@123: x".to_string()),
        Just("  lead: Chief Superintendent, Kent Police".to_string()),
        Just("  lead Chief Superintendent, Kent Police".to_string()),
        Just("  objective MKS-1: Tackle VAWG".to_string()),
        Just("    not-adopted: not ours".to_string()),
        Just("    group: x".to_string()),
        Just("  effective: 1 April 2022".to_string()),
        Just("  period: 2022-04-01 to 2025-03-31".to_string()),
        Just("  - a list item".to_string()),
        Just("\t- tabbed item".to_string()),
        Just("  Kent Police leads this".to_string()),
        Just("  // csa-ignore CSA201: agreed".to_string()),
        Just("// csa-ignore-file".to_string()),
        Just("# 1. Introduction".to_string()),
        Just("Prose with “quotes”, £ and – dashes.".to_string()),
        Just("  indented prose".to_string()),
        Just("\\@escaped".to_string()),
        Just(String::new()),
        Just("   ".to_string()),
        "[ -~£–’“”😀\u{301}\u{202e}\t\r]{0,30}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_documents_are_lossless(lines in prop::collection::vec(line(), 0..30), crlf in any::<bool>(), last_newline in any::<bool>()) {
        let sep = if crlf { "\r\n" } else { "\n" };
        let mut text = lines.join(sep);
        if last_newline {
            text.push_str(sep);
        }
        assert_lossless(&text);
    }

    #[test]
    fn arbitrary_text_is_lossless(text in "\\PC{0,200}") {
        assert_lossless(&text);
    }
}
