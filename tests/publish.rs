//! `csa publish` and `csa report`: every example and every rule fixture renders in
//! every format; every line of prose, priority, lead and objective of each example
//! appears, in order, in its HTML and in its .docx (read back from the zip); the
//! Markdown and JSON reports of each example are reviewed snapshots.

use std::io::Read;

use csa::ast::{self, Document, ItemKind};
use csa::engine::Setup;
use csa::files::FileSystem;
use csa::publish;
use csa::report::{self, Report};
use csa::rules::{Options, Registry};

const EXAMPLES: [&str; 4] = ["kent-2014-17", "kent-2018", "kent-2022", "minimal"];

/// Real plans of other areas, kept as fixtures (each names its public source).
const PLANS: [&str; 3] = [
    "tests/fixtures/plans/barking-and-dagenham-2023.csa",
    "tests/fixtures/plans/brighton-and-hove-2017.csa",
    "tests/fixtures/plans/spelthorne-2024.csa",
];

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn options() -> Options {
    Options {
        as_of: ast::Date::parse("2024-01-01"),
        ..Options::default()
    }
}

fn publication(source: &str) -> (Document, publish::Publication) {
    let doc = ast::parse(source).document;
    let publication = publish::publish(source, &doc, &Registry::bundled().law, "untitled");
    (doc, publication)
}

fn report_of(path: &str, source: &str, previous: Option<(&str, &Document)>) -> Report {
    let options = Options {
        previous: previous.map(|(path, document)| {
            std::sync::Arc::new(csa::compare::Previous {
                path: path.to_string(),
                document: document.clone(),
            })
        }),
        ..options()
    };
    Report {
        schema: report::SCHEMA,
        documents: vec![report::of(
            std::path::Path::new(path),
            source,
            &Setup::bundled(),
            &options,
            &FileSystem,
        )],
    }
}

/// The text of an HTML page without its tags, `<style>` or entities.
fn html_text(html: &str) -> String {
    let body = &html[html.find("</style>").unwrap()..];
    let mut out = String::new();
    let mut tag: Option<String> = None;
    for c in body.chars() {
        match (&mut tag, c) {
            (None, '<') => tag = Some(String::new()),
            (Some(name), '>') => {
                // Inline markup joins its words to their neighbours; other tags part them.
                let name = name.trim_start_matches('/');
                let name = name.split_whitespace().next().unwrap_or("");
                if !["em", "strong", "code", "a"].contains(&name) {
                    out.push(' ');
                }
                tag = None;
            }
            (Some(name), c) => name.push(c),
            (None, c) => out.push(c),
        }
    }
    unescape(&out)
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The paragraphs of a .docx: (style, text), read from word/document.xml.
fn docx_paragraphs(bytes: &[u8]) -> Vec<(Option<String>, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .unwrap();
    xml.split("</w:p>")
        .map(|chunk| {
            let style = chunk.find("<w:pStyle w:val=\"").map(|at| {
                let rest = &chunk[at + 17..];
                rest[..rest.find('"').unwrap()].to_string()
            });
            let mut text = String::new();
            let mut rest = chunk;
            while let Some(at) = rest.find("<w:t") {
                let after = &rest[at + 4..];
                // `<w:t>` or `<w:t xml:space="preserve">`, not `<w:tbl>`, `<w:tc>`...
                if !(after.starts_with('>') || after.starts_with(' ')) {
                    rest = after;
                    continue;
                }
                let open_end = after.find('>').unwrap();
                let body = &after[open_end + 1..];
                let close = body.find("</w:t>").unwrap();
                text.push_str(&unescape(&body[..close]));
                rest = &body[close..];
            }
            (style, text)
        })
        .collect()
}

/// Words as a reader sees them: markup characters dropped, spaces collapsed.
fn words(text: &str) -> String {
    text.replace(['*', '`'], "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Asserts that each needle occurs in `haystack`, in order.
fn in_order(what: &str, haystack: &str, needles: &[String]) {
    let haystack = words(haystack);
    let mut from = 0;
    for needle in needles {
        let needle = words(needle);
        if needle.is_empty() {
            continue;
        }
        match haystack[from..].find(&needle) {
            Some(at) => from += at + needle.len(),
            None => panic!(
                "{what}: `{needle}` is missing or out of order (found it anywhere: {})",
                haystack.contains(&needle)
            ),
        }
    }
}

/// The prose lines of a document, as written (list markers aside).
fn prose_lines(doc: &Document) -> Vec<String> {
    doc.items
        .iter()
        .filter_map(|item| match &item.kind {
            ItemKind::Prose { text, list, .. } => {
                let text = ["- ", "* ", "• "]
                    .iter()
                    .find_map(|m| text.strip_prefix(m).filter(|_| *list))
                    .unwrap_or(text);
                Some(text.trim().to_string())
            }
            _ => None,
        })
        .collect()
}

/// Priorities, leads and objectives: each must appear.
fn structured(doc: &Document) -> Vec<String> {
    let mut out: Vec<String> = doc
        .priorities
        .iter()
        .filter_map(|p| p.title.as_ref().map(|t| t.value.clone()))
        .collect();
    out.extend(
        doc.priorities
            .iter()
            .flat_map(|p| &p.leads)
            .chain(&doc.leads)
            .chain(doc.action_plans.iter().flat_map(|a| &a.leads))
            .map(|l| l.role.value.clone()),
    );
    out.extend(
        doc.plans
            .iter()
            .flat_map(|p| &p.objectives)
            .filter_map(|o| o.text.as_ref().map(|t| t.value.clone())),
    );
    out
}

#[test]
fn every_prose_line_appears_in_order_in_the_html_and_the_docx() {
    let paths = EXAMPLES
        .iter()
        .map(|n| format!("examples/{n}.csa"))
        .chain(PLANS.iter().map(|p| p.to_string()));
    for path in paths {
        let name = path.rsplit('/').next().unwrap().trim_end_matches(".csa");
        let source = read(&path);
        let (doc, publication) = publication(&source);
        let html = publish::html::page(&publication, "");
        let bytes = publish::docx::docx(&publication).unwrap();
        let paragraphs = docx_paragraphs(&bytes);
        let docx_text: String = paragraphs
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let lines = prose_lines(&doc);
        assert!(
            !path.starts_with("examples/kent") || lines.len() > 20,
            "{name}: {}",
            lines.len()
        );
        in_order(&format!("{name}.html"), &html_text(&html), &lines);
        in_order(&format!("{name}.docx"), &docx_text, &lines);
        for needle in structured(&doc) {
            assert!(
                words(&html_text(&html)).contains(&words(&needle)),
                "{name}.html lacks `{needle}`"
            );
            assert!(
                words(&docx_text).contains(&words(&needle)),
                "{name}.docx lacks `{needle}`"
            );
        }
    }
}

#[test]
fn headings_are_heading_styles_and_structured_parts_are_tables() {
    for name in EXAMPLES {
        let source = read(&format!("examples/{name}.csa"));
        let (doc, publication) = publication(&source);
        let bytes = publish::docx::docx(&publication).unwrap();
        let headings: Vec<(String, String)> = docx_paragraphs(&bytes)
            .into_iter()
            .filter_map(|(style, text)| {
                style
                    .filter(|s| s.starts_with("Heading"))
                    .map(|s| (s, text))
            })
            .collect();
        let expected: Vec<(String, String)> = doc
            .outline
            .iter()
            .map(|h| (format!("Heading{}", h.level), h.text.value.clone()))
            .collect();
        assert_eq!(headings, expected, "{name}");

        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        let tables = publication
            .blocks
            .iter()
            .filter(|b| matches!(b, publish::Block::Table(_)))
            .count();
        assert!(tables >= 3, "{name}: {tables} tables");
        assert_eq!(xml.matches("<w:tbl>").count(), tables, "{name}");

        let html = publish::html::page(&publication, "");
        assert_eq!(html.matches("<table>").count(), tables, "{name}");
        assert_eq!(
            html.matches("<caption>").count(),
            tables,
            "{name}: every table has a caption"
        );
        assert!(!html.contains("<td") || html.contains("scope=\"col\""));
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
        assert!(!html.contains("<script"), "{name}: no scripts");
    }
}

/// A part of a .docx, as text.
fn docx_part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut xml = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the .docx"))
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn the_docx_has_the_agreements_title_and_partnership_and_is_in_english_uk() {
    let (_, publication) = publication(&read("examples/kent-2022.csa"));
    let bytes = publish::docx::docx(&publication).unwrap();
    let core = docx_part(&bytes, "docProps/core.xml");
    assert!(
        core.contains("<dc:title>Kent Community Safety Agreement</dc:title>"),
        "{core}"
    );
    assert!(core.contains("<dc:language>en-GB</dc:language>"), "{core}");
    // Its author is the partnership the agreement names; no "unknown" is left.
    assert!(
        core.contains("<dc:creator>Kent Community Safety Partnership (KCSP)</dc:creator>"),
        "{core}"
    );
    assert!(!core.contains("unknown"), "{core}");
    let styles = docx_part(&bytes, "word/styles.xml");
    let defaults =
        &styles[styles.find("<w:rPrDefault>").unwrap()..styles.find("</w:rPrDefault>").unwrap()];
    assert!(
        defaults.contains(r#"<w:lang w:val="en-GB" />"#),
        "{defaults}"
    );
    // A title with XML's own characters stays one title.
    let mut odd = publication.clone();
    odd.title = "Safer <Streets> & \"Homes\"".to_string();
    odd.author = None;
    let core = docx_part(&publish::docx::docx(&odd).unwrap(), "docProps/core.xml");
    assert!(
        core.contains("<dc:title>Safer &lt;Streets&gt; &amp; &quot;Homes&quot;</dc:title>"),
        "{core}"
    );
    // With no partnership named, no author is written (and none made up).
    assert!(!core.contains("<dc:creator>"), "{core}");
    // Every other part is kept: the paragraphs read back as before.
    assert!(!docx_paragraphs(&bytes).is_empty());
}

#[test]
fn comments_and_suppressions_never_appear() {
    let source = "# Plan\n\n// an officer's note\nThe text.\n\n// csa-ignore priority-lead: led by the board\n@priority A: Alpha\n";
    let (_, publication) = publication(source);
    let html = publish::html::page(&publication, "");
    assert!(html.contains("The text."));
    assert!(html.contains("Alpha"));
    assert!(!html.contains("officer"));
    assert!(!html.contains("csa-ignore"));
    assert!(!html.contains("led by the board"));
}

#[test]
fn leads_written_inline_get_a_leads_table() {
    let source = "@priority A: Alpha\n  lead: Head of Safety, Anytown Council\n\n@priority B: Beta\n  lead: Inspector, Anytown Police\n";
    let (_, publication) = publication(source);
    let leads = publication
        .blocks
        .iter()
        .find_map(|b| match b {
            publish::Block::Table(t) if t.caption == "Leads" => Some(t),
            _ => None,
        })
        .expect("a leads table");
    assert_eq!(leads.rows.len(), 2);
    assert_eq!(leads.rows[1][0].0, vec!["Beta".to_string()]);
    assert_eq!(
        leads.rows[1][1].0,
        vec!["Inspector, Anytown Police".to_string()]
    );
}

#[test]
fn every_example_and_rule_fixture_renders_in_every_format() {
    let mut paths: Vec<String> = EXAMPLES
        .iter()
        .map(|n| format!("examples/{n}.csa"))
        .collect();
    let dir = format!("{}/tests/fixtures/rules", env!("CARGO_MANIFEST_DIR"));
    let mut fixtures: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".csa"))
        .map(|n| format!("tests/fixtures/rules/{n}"))
        .collect();
    fixtures.sort();
    assert!(fixtures.len() >= 10);
    paths.extend(fixtures);
    paths.extend(PLANS.iter().map(|p| p.to_string()));
    for path in paths {
        let source = read(&path);
        let (_, publication) = publication(&source);
        let html = publish::html::page(&publication, "");
        assert!(html.ends_with("</html>\n"), "{path}");
        let bytes = publish::docx::docx(&publication).unwrap();
        assert!(!docx_paragraphs(&bytes).is_empty(), "{path}");
        let report = report_of(&path, &source, None);
        assert!(report::html::page(&report).ends_with("</html>\n"), "{path}");
        assert!(
            report::md::markdown(&report).starts_with("# Compliance review: "),
            "{path}"
        );
        let json: serde_json::Value = serde_json::from_str(&report::json(&report)).unwrap();
        assert_eq!(json["schema"], "csa-report/1", "{path}");
    }
}

#[test]
fn the_report_lists_the_priority_added_since_2018() {
    let old = ast::parse(&read("examples/kent-2018.csa")).document;
    let report = report_of(
        "examples/kent-2022.csa",
        &read("examples/kent-2022.csa"),
        Some(("examples/kent-2018.csa", &old)),
    );
    let changes = &report.documents[0].changes.as_ref().unwrap().comparison;
    assert!(changes.priorities.iter().any(
        |c| c.change == csa::compare::ChangeKind::Added && c.new_id.as_deref() == Some("VAWG")
    ));
    let md = report::md::markdown(&report);
    assert!(md.contains("| Priority | Added | Violence Against Women and Girls (VAWG) |"));
}

#[test]
fn what_could_not_be_checked_is_never_shown_as_met() {
    // No effective date, no plan, no assessment: nothing of these is "met".
    let source = "@agreement: Somewhere Plan\n  kind: district-plan\n\n@priority A: Anti-social behaviour\n  lead: Officer, Somewhere Council\n";
    let report = report_of("somewhere.csa", source, None);
    let r = &report.documents[0];
    assert!(!r.coverage.checked);
    assert!(!r.alignment.checked);
    assert!(!r.evidence.checked);
    assert_eq!(r.not_checked.len(), 3, "{:?}", r.not_checked);
    let md = report::md::markdown(&report);
    assert!(md.contains("What csa could not check"));
    assert_eq!(md.matches("Not checked.").count(), 3, "{md}");
}

#[test]
fn suppressions_are_decisions_with_what_they_accept() {
    let source = "@agreement: Anytown Plan\n  kind: unitary-plan\n  effective: 2024-04-01\n\n// csa-ignore priority-without-lead: the board leads it\n@priority A: Alpha\n";
    let report = report_of("anytown.csa", source, None);
    let d = &report.documents[0].decisions;
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].reason.as_deref(), Some("the board leads it"));
    assert!(
        d[0].accepts
            .iter()
            .any(|a| a.contains("priority-without-lead")),
        "{:?}",
        d[0].accepts
    );
    assert!(!report.documents[0]
        .findings
        .iter()
        .flat_map(|g| &g.findings)
        .any(|f| f.name == "priority-without-lead"));
}

#[test]
fn report_snapshots() {
    for name in EXAMPLES {
        let path = format!("examples/{name}.csa");
        let source = read(&path);
        let old = ast::parse(&read("examples/kent-2018.csa")).document;
        let previous = (name == "kent-2022").then_some(("examples/kent-2018.csa", &old));
        let report = report_of(&path, &source, previous);
        insta::assert_snapshot!(format!("report_md_{name}"), report::md::markdown(&report));
        insta::assert_snapshot!(format!("report_json_{name}"), report::json(&report));
    }
}

fn csa(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_csa"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

#[test]
fn the_committee_pack_in_two_commands() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("kent-2022.html");
    let docx = dir.path().join("kent-2022.docx");
    let review = dir.path().join("review.html");
    let json = dir.path().join("review.json");
    let ok = |out: std::process::Output| {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    ok(csa(&[
        "publish",
        "examples/kent-2022.csa",
        "-o",
        html.to_str().unwrap(),
    ]));
    ok(csa(&[
        "publish",
        "examples/kent-2022.csa",
        "-o",
        docx.to_str().unwrap(),
    ]));
    ok(csa(&[
        "report",
        "examples/kent-2022.csa",
        "--previous",
        "examples/kent-2018.csa",
        "--as-of",
        "2024-01-01",
        "-o",
        review.to_str().unwrap(),
    ]));
    ok(csa(&[
        "report",
        "examples/kent-2022.csa",
        "-o",
        json.to_str().unwrap(),
    ]));
    assert!(std::fs::read_to_string(&html).unwrap().contains("<h1 id="));
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK"));
    let review = std::fs::read_to_string(&review).unwrap();
    assert!(review.contains("What changed since the previous version"));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(json["schema"], "csa-report/1");
    // Nothing but the outputs was left behind (the writes are atomic).
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 4);
}

#[test]
fn bad_input_is_a_clear_error_with_exit_code_2() {
    let out = csa(&["publish", "examples/no-such.csa"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file"));
    let out = csa(&["report", "examples/kent-2022.csa", "--as-of", "April 2024"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
    let out = csa(&[
        "report",
        "examples/kent-2022.csa",
        "--previous",
        "examples/none.csa",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let out = csa(&[
        "publish",
        "examples/kent-2022.csa",
        "-o",
        "/no/such/folder/out.html",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write"));
}

#[test]
fn the_format_follows_the_output_extension() {
    let out = csa(&["report", "examples/minimal.csa", "--format", "json"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("{\n  \"schema\": \"csa-report/1\""));
    let out = csa(&["report", "examples/minimal.csa"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("# Compliance review: "));
    let out = csa(&["publish", "examples/minimal.csa"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("<!DOCTYPE html>"));
}
