//! `csa fmt`: the layout is idempotent, never changes a line of prose or a comment,
//! keeps the typed model and the line endings, and refuses what it cannot read.

use std::path::Path;

use csa::syntax::{self, RawItemKind};
use csa::text::LineIndex;
use proptest::prelude::*;

/// The lines of prose, headings and comments outside blocks, exactly as written, and
/// the text of comments inside blocks.
fn words(text: &str) -> Vec<String> {
    let tree = syntax::parse_tree(text, None);
    let raw = syntax::read(text, &tree, &LineIndex::new(text));
    let mut out = Vec::new();
    for item in raw.items {
        match item.kind {
            RawItemKind::Prose | RawItemKind::Heading | RawItemKind::Comment => {
                out.push(text[item.content].to_string())
            }
            RawItemKind::Block(block) => {
                for entry in block.entries {
                    if let syntax::RawEntryKind::Comment(token) = entry.kind {
                        out.push(token.text);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The typed model as JSON without positions or blank lines: what the document says.
fn model(text: &str) -> serde_json::Value {
    fn strip(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                map.retain(|key, _| {
                    !matches!(key.as_str(), "span" | "covers") && !key.ends_with("_span")
                });
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => {
                items.retain(|i| i.get("kind").and_then(|k| k.as_str()) != Some("blank"));
                items.iter_mut().for_each(strip);
            }
            _ => {}
        }
    }
    let parsed = csa::ast::parse(text);
    let mut value = serde_json::to_value(&parsed.document).unwrap();
    strip(&mut value);
    let codes: Vec<String> = parsed.diagnostics.iter().map(|d| d.code.clone()).collect();
    serde_json::json!({ "document": value, "diagnostics": codes })
}

/// Every line break of `text`, as `true` for CRLF.
fn breaks(text: &str) -> Vec<bool> {
    text.match_indices('\n')
        .map(|(i, _)| text[..i].ends_with('\r'))
        .collect()
}

fn assert_formats_faithfully(name: &str, text: &str) {
    let formatted = match csa::format::format(text) {
        Ok(f) => f,
        Err(err) => panic!("{name}: {err}: {:?}", err.diagnostics),
    };
    assert_eq!(
        csa::format::format(&formatted).unwrap(),
        formatted,
        "{name}: formatting twice changes it again"
    );
    assert_eq!(
        words(&formatted),
        words(text),
        "{name}: prose or a comment changed"
    );
    assert!(
        model(&formatted) == model(text),
        "{name}: the model changed:\n{text:?}\n{formatted:?}"
    );
    // A document written with one line ending keeps it; in a mixed one, each line
    // keeps its own.
    let before = breaks(text);
    if let Some(crlf) = before.first().filter(|c| before.iter().all(|b| b == *c)) {
        assert!(
            breaks(&formatted).iter().all(|b| b == crlf),
            "{name}: the line endings changed"
        );
    }
}

fn csa_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            csa_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "csa") {
            out.push(path);
        }
    }
}

/// A document laid out carelessly: block lines re-indented with two tabs or four spaces,
/// trailing spaces, and lists without spaces after commas.
fn untidy(text: &str) -> String {
    text.lines()
        .map(|line| {
            let body = line.trim_start_matches(' ');
            let indent = line.len() - body.len();
            if indent == 0 || line.trim().is_empty() {
                line.to_string()
            } else if body.starts_with("//") {
                // A comment's text, trailing spaces included, is never changed.
                format!("{}{}", "    ".repeat(indent / 2), body)
            } else if body.starts_with("supports:") || body.starts_with("addresses:") {
                format!(
                    "{}{}   ",
                    "\t\t".repeat(indent / 2),
                    body.replace(", ", ",")
                )
            } else {
                format!("{}{}  ", "    ".repeat(indent / 2), body)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_example_and_fixture_formats_faithfully() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    csa_files(&root.join("examples"), &mut files);
    csa_files(&root.join("tests/fixtures"), &mut files);
    let mut formatted = 0;
    for path in files {
        let name = path.display().to_string();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        if csa::format::format(&text).is_err() {
            // Files with syntax errors are refused; the refusal has its own test.
            assert!(csa::ast::parse(&text)
                .diagnostics
                .iter()
                .any(|d| d.code == "CSA001"));
            continue;
        }
        formatted += 1;
        assert_formats_faithfully(&name, &text);
        assert_formats_faithfully(&name, &text.replace('\n', "\r\n"));
        let messy = untidy(&text);
        assert_formats_faithfully(&format!("{name} (untidy)"), &messy);
        assert_eq!(
            csa::format::format(&messy).unwrap().trim_end(),
            csa::format::format(&text).unwrap().trim_end(),
            "{name}: an untidy copy does not format to the same layout"
        );
    }
    assert!(formatted > 50, "only {formatted} files formatted");
}

/// Spaces or a tab.
fn gap(min: usize) -> impl Strategy<Value = String> {
    let gaps = ["", " ", "  ", "   ", "\t", " \t"];
    prop::sample::select(gaps[min.min(1)..].to_vec()).prop_map(str::to_string)
}

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Domestic",
        "Abuse",
        "Kent",
        "safety",
        "(KCSP)",
        "£5",
        "“Clare’s",
        "Law”",
        "a:b",
        "-",
    ])
    .prop_map(str::to_string)
}

fn words_of(n: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(word(), n).prop_map(|w| w.join(" "))
}

fn id() -> impl Strategy<Value = String> {
    "[A-Z]{2,4}(-[0-9])?"
}

/// A block with random spacing in its header and lines.
fn block() -> impl Strategy<Value = String> {
    let priority = (
        id(),
        gap(1),
        gap(0),
        words_of(1..4),
        gap(0),
        prop::collection::vec(
            (
                gap(0),
                words_of(1..3),
                prop::collection::vec(id(), 1..4),
                gap(0),
            ),
            0..3,
        ),
        1..4usize,
        prop::bool::ANY,
    )
        .prop_map(|(id, s1, s2, title, trail, fields, indent, comment)| {
            let pad = " ".repeat(indent);
            let mut out = format!("@priority{s1}{id}:{s2}{title}{trail}\n");
            for (sp, lead, supports, trail) in fields {
                out.push_str(&format!("{pad}lead:{sp} {lead}, Kent Police{trail}\n"));
                if comment {
                    out.push_str(&format!("{pad}  //  a  comment {trail}\n"));
                }
                out.push_str(&format!(
                    "{pad}supports:{sp}{}\n",
                    supports.join(&format!(",{sp}"))
                ));
            }
            out
        });
    let plan = (
        id(),
        1..3usize,
        1..4usize,
        gap(0),
        words_of(1..3),
        prop::bool::ANY,
    )
        .prop_map(|(id, indent, step, sp, text, nested)| {
            let pad = "\t".repeat(indent);
            let mut out =
                format!("@plan {id}: Plan\n{pad}period:{sp} 2022-04-01{sp} to {sp}2025-03-31\n");
            out.push_str(&format!("{pad}objective {id}-1:{sp} {text}\n"));
            if nested {
                out.push_str(&format!("{pad}{}group: {text}\n", " ".repeat(step)));
            }
            out.push_str(&format!("{pad}objective {id}-2: {text}\n"));
            out
        });
    prop_oneof![priority, plan]
}

/// A whole document: prose, headings, comments, blank lines and blocks.
fn document() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        words_of(1..6).prop_map(|w| format!("{w}  \n")),
        words_of(1..3).prop_map(|w| format!("#  {w}\n")),
        words_of(1..3).prop_map(|w| format!("// {w} \n")),
        gap(0).prop_map(|g| format!("{g}\n")),
        block(),
    ];
    (prop::collection::vec(piece, 1..12), prop::bool::ANY).prop_map(|(pieces, crlf)| {
        let text = pieces.concat();
        if crlf {
            text.replace('\n', "\r\n")
        } else {
            text
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn generated_documents_format_faithfully(text in document()) {
        assert_formats_faithfully("generated", &text);
    }
}

#[test]
fn a_document_with_syntax_errors_is_refused() {
    let err = csa::format::format("@priority DA Domestic Abuse\n  lead: x\n").unwrap_err();
    assert_eq!(err.diagnostics[0].code, "CSA001");
    assert_eq!(err.diagnostics[0].span.start.line, 0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any text made of the characters that carry structure: either refused with a
    /// syntax error, or laid out faithfully.
    #[test]
    fn any_text_is_refused_or_laid_out_faithfully(
        text in "(@priority|@plan|@agreement|lead|objective|group|supports|period|kind|2022-04-01| to |#|//|\t| |\r\n|\n|:|,|a|B|-|\"){0,60}"
    ) {
        if csa::format::format(&text).is_ok() {
            assert_formats_faithfully("arbitrary", &text);
        }
    }
}

/// A fixed document is laid out as `csa fmt` lays it out: on every fixture and example
/// that is already formatted, with every fix (safe and unsafe) applied,
/// `fmt(fix(x)) == fix(x)`. (Regression: a fix inserted `lead:` after the header,
/// above fields `csa fmt` puts first.)
#[test]
fn fixing_a_formatted_document_leaves_it_formatted() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let registry = csa::rules::Registry::bundled();
    let options = csa::rules::Options {
        as_of: csa::ast::Date::parse("2024-01-01"),
        ..Default::default()
    };
    let check = |text: &str| {
        let parsed = csa::ast::parse(text);
        let mut all = parsed.diagnostics;
        all.extend(csa::rules::check(&parsed.document, &registry, &options));
        all
    };
    let mut fixed_any = 0;
    for dir in ["tests/fixtures/rules", "examples"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "csa") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let Ok(formatted) = csa::format::format(&text) else {
                continue;
            };
            let fixed = csa::format::fix::fix(&formatted, csa::format::fix::FixMode::Unsafe, check);
            if fixed.applied.is_empty() {
                continue;
            }
            fixed_any += 1;
            assert_eq!(
                csa::format::format(&fixed.text).ok().as_deref(),
                Some(fixed.text.as_str()),
                "{} after {:?}",
                path.display(),
                fixed.applied
            );
        }
    }
    assert!(
        fixed_any > 10,
        "fixes were applied to {fixed_any} documents"
    );
}
