//! `csa publish` and `csa report`: every example and every rule fixture renders in
//! every format; every line of prose, priority, lead and objective of each example
//! appears, in order, in its HTML and in its .docx (read back from the zip), but a
//! printed contents list with page numbers; the published agreement carries no
//! verdict, id, note or empty cell; the committee's page of the report speaks in
//! words (no `.csa` syntax, no ids where a title exists, no path); the Markdown and
//! JSON reports of each example are reviewed snapshots.

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

/// The lines of a printed contents list (`Foreword ..... 6`), under a heading
/// "Contents".
fn printed_contents(doc: &Document) -> Vec<String> {
    let mut under = false;
    let mut out = Vec::new();
    let mut headings = doc.outline.iter();
    for item in &doc.items {
        match &item.kind {
            ItemKind::Heading => {
                under = headings.next().is_some_and(|h| h.text.value == "Contents")
            }
            ItemKind::Prose { text, .. } if under => {
                out.push(text.trim_start_matches("- ").trim().to_string())
            }
            _ => {}
        }
    }
    out
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
        let contents = printed_contents(&doc);
        let lines: Vec<String> = prose_lines(&doc)
            .into_iter()
            .filter(|l| !contents.contains(l))
            .collect();
        // A printed contents list, whose page numbers belong to another layout, is
        // left out: the page has its own contents.
        for entry in contents
            .iter()
            .filter(|e| e.ends_with(|c: char| c.is_ascii_digit()))
        {
            assert!(
                !html_text(&html).contains(entry.as_str()),
                "{name}: {entry}"
            );
        }
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
        // The title is Word's "Title" (a first heading repeating it is not written
        // twice); a printed contents list is left out; every other heading keeps its
        // level: the document's chapters are "Heading 1".
        let expected: Vec<(String, String)> = doc
            .outline
            .iter()
            .enumerate()
            .filter(|(i, h)| !(*i == 0 && h.level == 1 && h.text.value == publication.title))
            .filter(|(_, h)| h.text.value != "Contents")
            .map(|(_, h)| (format!("Heading{}", h.level), h.text.value.clone()))
            .collect();
        assert_eq!(headings, expected, "{name}");
        let paragraphs = docx_paragraphs(&bytes);
        assert_eq!(
            paragraphs[0],
            (Some("Title".to_string()), publication.title.clone()),
            "{name}"
        );

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
        assert_eq!(
            html.matches("<table>").count() + html.matches("<table class=\"wide\">").count(),
            tables,
            "{name}"
        );
        assert_eq!(
            html.matches("<caption id=").count(),
            tables,
            "{name}: every table has a caption"
        );
        // One <h1>, the title; the document's chapters are <h2>.
        assert_eq!(html.matches("<h1").count(), 1, "{name}");
        let first_chapter = doc.outline.iter().find(|h| {
            h.level == 1 && h.text.value != publication.title && h.text.value != "Contents"
        });
        if let Some(h) = first_chapter {
            assert!(
                html.contains(&format!(
                    ">{}</h2>",
                    h.text.value.replace('&', "&amp;").replace('\'', "&#39;")
                )),
                "{name}: {}",
                h.text.value
            );
        }
        // Each table scrolls in its own region, named by its caption.
        assert_eq!(
            html.matches("<div class=\"table\" role=\"region\"").count(),
            tables,
            "{name}"
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

/// What axe could not decide about tables, mended: a plan written in without its
/// objectives has no empty table, and a one-column list has no row headers (a
/// header over nothing, to a screen reader).
#[test]
fn no_published_table_has_headers_over_nothing() {
    let source = "@plan P: Police and Crime Plan 2013-2017\n  period: 2013-04-01 to 2017-03-31\n\n@body b1: Local Community Safety Partnerships\n@body b2: Road Casualty Reduction Partnership\n";
    let (_, publication) = publication(source);
    let tables: Vec<&publish::Table> = publication
        .blocks
        .iter()
        .filter_map(|b| match b {
            publish::Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    assert!(
        tables.iter().all(|t| !t.rows.is_empty()),
        "{:?}",
        tables.iter().map(|t| &t.caption).collect::<Vec<_>>()
    );
    let html = publish::html::page(&publication, "");
    assert!(!html.contains("Objectives of Police and Crime Plan 2013-2017"));
    for t in tables.iter().filter(|t| t.columns.len() == 1) {
        assert!(!t.heads_rows(), "{}", t.caption);
    }
    assert!(!html.contains("<th scope=\"row\">Road Casualty"), "{html}");
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
        assert_eq!(json["schema"], "csa-report/2", "{path}");
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
    assert!(md.contains("| Priority | Added | Not in the previous version | Violence Against Women and Girls (VAWG) |"), "{md}");
    // A member reads a summary first, and the new plan as one change, named.
    assert!(
        md.contains("- Priorities: 1 added (Violence Against Women and Girls (VAWG))"),
        "{md}"
    );
    assert!(
        md.contains("Police and Crime Plan: a new plan, *Making Kent Safer*, in place of"),
        "{md}"
    );
    assert_eq!(
        md.matches("| Police and Crime Plan | Replaced |").count(),
        1,
        "{md}"
    );
    assert!(!md.contains("| Objective | Added |"), "{md}");
    // No row reads the same on both sides, and no row is there twice.
    let rows: Vec<&str> = md
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains(" | "))
        .collect();
    for row in &rows {
        let cells: Vec<&str> = row.split(" | ").collect();
        if cells.len() == 4 {
            assert_ne!(cells[2], cells[3].trim_end_matches(" |"), "{row}");
        }
    }
    let mut unique = rows.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), rows.len(), "a row twice");
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
    assert!(md.contains("What this review could not check"));
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

#[test]
fn report_snapshot_of_a_london_borough() {
    // A unitary plan of a London borough: the Metropolitan Police, MOPAC and the
    // London Fire Commissioner, not a county's bodies.
    let path = PLANS[0];
    let report = report_of(path, &read(path), None);
    insta::assert_snapshot!(
        "report_md_barking-and-dagenham-2023",
        report::md::markdown(&report)
    );
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
    assert!(std::fs::read_to_string(&html)
        .unwrap()
        .contains("<h1>Kent Community Safety Agreement</h1>"));
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK"));
    let review = std::fs::read_to_string(&review).unwrap();
    assert!(review.contains("What changed since the previous version"));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(json["schema"], "csa-report/2");
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
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("{\n  \"schema\": \"csa-report/2\""));
    let out = csa(&["report", "examples/minimal.csa"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("# Compliance review: "));
    let out = csa(&["publish", "examples/minimal.csa"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("<!DOCTYPE html>"));
}

#[test]
fn the_output_extension_must_match_its_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    for args in [
        vec![
            "report",
            "examples/minimal.csa",
            "-o",
            &path("review.docx"),
            "--format",
            "md",
        ],
        vec!["report", "examples/minimal.csa", "-o", &path("review.txt")],
        vec![
            "report",
            "examples/minimal.csa",
            "-o",
            &path("review.pdf"),
            "--format",
            "html",
        ],
        vec![
            "publish",
            "examples/minimal.csa",
            "-o",
            &path("agreement.pdf"),
        ],
        vec![
            "publish",
            "examples/minimal.csa",
            "-o",
            &path("agreement.html"),
            "--to",
            "docx",
        ],
    ] {
        let out = csa(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("help: name the file"),
            "{args:?}"
        );
    }
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
    // The report as Word: the committee paper.
    let out = csa(&[
        "report",
        "examples/kent-2022.csa",
        "-o",
        &path("review.docx"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(path("review.docx")).unwrap();
    let paragraphs = docx_paragraphs(&bytes);
    assert_eq!(
        paragraphs[0],
        (
            Some("Title".to_string()),
            "Compliance review: Kent Community Safety Agreement".to_string()
        )
    );
    assert_eq!(
        paragraphs[1],
        (Some("Heading1".to_string()), "Status".to_string())
    );
}

fn kent_report(as_of: &str) -> csa::report::DocumentReport {
    let source = read("examples/kent-2022.csa");
    let options = Options {
        as_of: ast::Date::parse(as_of),
        ..Options::default()
    };
    report::of(
        std::path::Path::new("examples/kent-2022.csa"),
        &source,
        &Setup::bundled(),
        &options,
        &FileSystem,
    )
}

#[test]
fn a_document_past_its_review_or_its_plan_is_not_current_whatever_else_holds() {
    let late = kent_report("2026-12-06");
    assert_eq!(late.status.verdict, "not-current");
    let why = late.status.reasons.join(" ");
    assert!(why.contains("past its annual review"), "{why}");
    assert!(why.contains("review fell due on 1 April 2023"), "{why}");
    assert!(
        why.contains("Making Kent Safer, ended on 31 March 2025"),
        "{why}"
    );
    assert!(
        why.contains("Cut Crime, Support Victims, Build Trust"),
        "{why}"
    );
    assert!(late.status.reasons.len() <= 2);
    // Alignment is judged against the plan in force on the review date, the
    // recorded plan's end said first.
    let plan = late.alignment.in_force.as_ref().expect("the plan in force");
    assert_eq!(plan.recorded_ended.as_deref(), Some("2025-03-31"));
    assert_eq!(plan.objectives.len(), 4);
    // The status is the first thing on the page, with the review date beside the
    // document's own dates.
    let report = Report {
        schema: report::SCHEMA,
        documents: vec![late],
    };
    let md = report::md::markdown(&report);
    let status = md.find("## Status").unwrap();
    assert!(status < md.find("## Statutory coverage").unwrap());
    assert!(
        md[status..].starts_with("## Status\n\n**Not current.**"),
        "{md}"
    );
    assert!(md.contains("- Reviewed on: 6 December 2026\n- In effect from: 1 April 2022 (version 6.0)\n- Review due: 1 April 2023"), "{md}");
    let alignment = &md[md.find("## Police and Crime Plan alignment").unwrap()..];
    assert!(alignment.contains("\n\n**The recorded plan is not the one in force.** The agreement is aligned to *Making Kent Safer*, which ended on 31 March 2025."), "{alignment}");

    // Within its year, with its plan in force, it is not "not current".
    let timely = kent_report("2022-06-01");
    assert_ne!(timely.status.verdict, "not-current");
    assert!(timely.alignment.in_force.is_none());
    // Warnings never read as "no breach of the law".
    assert!(!timely.status.reasons.join(" ").contains("breach"));
}

#[test]
fn evidence_matches_titles_and_includes_only_and_shows_the_words() {
    let source = "@agreement: Anytown Plan\n  kind: unitary-plan\n  area: Anytown\n  effective: 2024-04-01\n\n@priority SM: Substance Misuse\n  note: a duty placed upon Community Safety Partnerships, on our roads too\n\n@priority DA: Domestic Abuse\n  includes: Stalking\n\n@assessment: Assessments\n  partnerships: 1\n  issue 1: Road Safety\n  issue 1: Domestic Abuse\n  issue 1: Stalking and harassment\n  issue 1: Crime and people in communities\n";
    let report = report_of("anytown.csa", source, None);
    let issues = &report.documents[0].evidence.issues;
    let by = |name: &str| issues.iter().find(|i| i.issue == name).unwrap();
    // Never by a note, and never by the words every plan uses.
    assert_eq!(by("Road Safety").status, "not-covered");
    assert_eq!(by("Crime and people in communities").status, "not-covered");
    let da = by("Domestic Abuse");
    assert_eq!(da.status, "inferred");
    assert_eq!(da.matches[0].words, vec!["Domestic", "Abuse"]);
    assert_eq!(da.matches[0].field, "title");
    assert_eq!(by("Stalking and harassment").matches[0].field, "includes");
    let md = report::md::markdown(&report);
    assert!(
        md.contains("Domestic Abuse (its title shares “Domestic”, “Abuse”)"),
        "{md}"
    );
    assert!(md.contains("**inferred**"), "{md}");
}

/// The committee's part of a report: everything before the officer's appendix.
fn committee_part(md: &str) -> &str {
    &md[..md.find("## Appendix").unwrap_or(md.len())]
}

#[test]
fn the_committees_page_speaks_in_words() {
    let mut paths: Vec<String> = EXAMPLES
        .iter()
        .map(|n| format!("examples/{n}.csa"))
        .collect();
    paths.extend(PLANS.iter().map(|p| p.to_string()));
    let dir = format!("{}/tests/fixtures/rules", env!("CARGO_MANIFEST_DIR"));
    let mut fixtures: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".csa"))
        .map(|n| format!("tests/fixtures/rules/{n}"))
        .collect();
    fixtures.sort();
    paths.extend(fixtures);
    let old = ast::parse(&read("examples/kent-2018.csa")).document;
    for path in paths {
        let source = read(&path);
        let previous =
            (path == "examples/kent-2022.csa").then_some(("examples/kent-2018.csa", &old));
        let report = report_of(&path, &source, previous);
        let md = report::md::markdown(&report);
        let page = committee_part(&md).replace(&report.documents[0].file, "FILE");
        let page = page.as_str();
        // No `.csa` syntax: no code, no block keyword, no field, no rule code.
        assert!(!page.contains('`'), "{path}: code in {page}");
        for syntax in [
            "@agreement",
            "@priority",
            "@plan",
            "@version",
            "@leads",
            "@theme",
            "@assessment",
            "csa-ignore",
            " supports:",
            " addresses:",
            " not-adopted:",
            "lead: ROLE",
            "REASON",
        ] {
            assert!(
                !page.contains(syntax),
                "{path}: `{syntax}` in the committee's page"
            );
        }
        let code = regex_free_code(page);
        assert!(code.is_none(), "{path}: rule code {code:?}");
        // No "Line" or "Rule" column, and the review is not the subject of its sentences.
        assert!(
            !page.contains("| Line |") && !page.contains("| Rule |"),
            "{path}"
        );
        assert!(
            !page.contains("csa found") && !page.contains("csa could"),
            "{path}"
        );
        // The file's name, never its path.
        let folder = &path[..path.rfind('/').unwrap() + 1];
        assert!(!md.contains(folder), "{path}: its folder is named");
        // No id where a title exists.
        let doc = ast::parse(&source).document;
        let titled = doc
            .priorities
            .iter()
            .map(|p| (&p.id.value, p.title.as_ref()))
            .chain(doc.themes.iter().map(|t| (&t.id.value, t.title.as_ref())))
            .chain(
                doc.plans
                    .iter()
                    .flat_map(|p| &p.objectives)
                    .map(|o| (&o.id.value, o.text.as_ref())),
            );
        // (The issues the assessments name are quoted as written: an id may be a
        // word of theirs, such as ASB.)
        let quoted: Vec<&str> = doc
            .assessments
            .iter()
            .flat_map(|a| &a.issues)
            .filter_map(|i| i.text.as_ref().map(|t| t.value.as_str()))
            .collect();
        for (id, title) in titled {
            let Some(title) = title.filter(|t| !t.value.is_empty()) else {
                continue;
            };
            if title.value.contains(id.as_str())
                || id.len() < 2
                || quoted.iter().any(|q| q.contains(id.as_str()))
            {
                continue;
            }
            let whole = page.match_indices(id.as_str()).any(|(at, _)| {
                let before = page[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric() && c != '-');
                let after = page[at + id.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric() && c != '-');
                before && after
            });
            assert!(
                !whole,
                "{path}: the id {id} where its title, {}, belongs",
                title.value
            );
        }
    }
}

/// The first `CSA` followed by three digits in `text`.
fn regex_free_code(text: &str) -> Option<String> {
    text.match_indices("CSA").find_map(|(at, _)| {
        let digits: String = text[at + 3..].chars().take(3).collect();
        (digits.len() == 3 && digits.chars().all(|c| c.is_ascii_digit()))
            .then(|| format!("CSA{digits}"))
    })
}

#[test]
fn the_published_agreement_is_the_partnerships_own() {
    let (doc, publication) = publication(&read("examples/kent-2022.csa"));
    let html = publish::html::page(&publication, "");
    let text = html_text(&html);
    // No verdict of the review, no author's id, no `note:`.
    assert!(!text.contains("supported by no"), "a verdict");
    assert!(!text.contains("support no objective"), "a verdict");
    for o in doc.plans.iter().flat_map(|p| &p.objectives) {
        assert!(!text.contains(&o.id.value), "the id {}", o.id.value);
    }
    assert!(
        !text.contains("this is a specific duty placed upon"),
        "a note"
    );
    // No empty cell; the Leads column filled from the leads table.
    assert!(!html.contains("<td></td>") && !html.contains("<th scope=\"row\"></th>"));
    let priorities = publication
        .blocks
        .iter()
        .find_map(|b| match b {
            publish::Block::Table(t) if t.caption == "Priorities" => Some(t),
            _ => None,
        })
        .unwrap();
    let leads = priorities
        .columns
        .iter()
        .position(|c| c == "Leads")
        .expect("a Leads column");
    assert!(priorities
        .rows
        .iter()
        .all(|r| r[leads].0 != vec!["none".to_string()]));
    assert_eq!(
        priorities.rows[0][leads].0[0],
        "Chief Superintendent (Domestic Abuse), Kent Police"
    );
    // The period and the review date in "About this document".
    assert!(
        words(&text).contains("Period 1 April 2022 to 31 March 2023"),
        "{text}"
    );
    assert!(words(&text).contains("Annual; next review due by 1 April 2023"));
    // Contact details are links.
    assert!(html.contains("href=\"mailto:kentcommunitysafetyteam@kent.gov.uk\""));
    assert!(html.contains("href=\"tel:03000410234\""));
    // The author's lead-in is followed by its list.
    assert!(
        words(&text).contains("The guiding principles of the plan are: Crime is important"),
        "lead-in split"
    );
    // The diagram: hidden from screen readers, which hear its caption once and its
    // description and table.
    assert!(html.contains("aria-hidden=\"true\""));
    assert_eq!(html.matches("Priorities, cross-cutting themes and the Police and Crime Plan objectives they support").count(), 1);
}

#[test]
fn an_empty_section_says_so() {
    let (_, publication) =
        publication("# Plan\n\n# Foreword\n\n# Priorities\n\nText.\n\n## Empty\n");
    let html = publish::html::page(&publication, "");
    assert_eq!(
        html.matches("This section has no content yet.").count(),
        2,
        "{html}"
    );
}

#[test]
fn word_marks_header_rows_sizes_columns_styles_every_paragraph_and_numbers_lists() {
    let (_, publication) = publication(&read("examples/kent-2022.csa"));
    let bytes = publish::docx::docx(&publication).unwrap();
    let xml = docx_part(&bytes, "word/document.xml");
    let tables = xml.matches("<w:tbl>").count();
    assert!(tables > 5);
    assert_eq!(
        xml.matches("<w:tblHeader />").count(),
        tables,
        "a header row each"
    );
    assert_eq!(xml.matches("<w:tblGrid>").count(), tables);
    assert!(!xml.contains("<w:gridCol w:w=\"0\""));
    // Every paragraph has a style, and Normal is the default.
    let paragraphs = xml.matches("<w:p>").count() + xml.matches("<w:p ").count();
    assert_eq!(xml.matches("<w:pStyle ").count(), paragraphs);
    let styles = docx_part(&bytes, "word/styles.xml");
    assert!(styles.contains(r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal">"#));
    assert!(styles.contains("<w:spacing w:after=\"120\""));
    // Lists are numbered lists, not typed bullets.
    assert!(xml.contains("<w:numPr>"));
    assert!(!xml.contains(">• <"));
    assert!(docx_part(&bytes, "word/numbering.xml").contains("w:val=\"bullet\""));
    // Created and modified on the effective date, not in 1970.
    let core = docx_part(&bytes, "docProps/core.xml");
    assert!(core.contains("2022-04-01T00:00:00Z"), "{core}");
    assert!(!core.contains("1970"), "{core}");
}
