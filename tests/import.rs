//! `csa import`: the seed texts and plans of other areas import to drafts that parse
//! with no syntax error and keep every word of prose in order; Word documents built
//! here import to the expected blocks; bad input gets a clear error, never a panic;
//! and the imports of the Kent agreements recover what the hand transcriptions in
//! `examples/` hold (the table is in docs/import.md).

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use csa::ast::{self, Document};
use csa::diagnostics::Severity;
use csa::import::{self, text};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures().join(name)).unwrap()
}

fn texts() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    let real = fixtures().join("real");
    for entry in std::fs::read_dir(&real).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&p).unwrap();
            let body = text.split_once('\n').map_or("", |(_, b)| b).to_string();
            out.push((
                format!("real/{}", p.file_name().unwrap().to_string_lossy()),
                body,
            ));
        }
    }
    out.sort();
    assert!(
        out.len() >= 7,
        "the seed texts and the plans of other areas"
    );
    out
}

fn syntax_errors(csa: &str) -> Vec<String> {
    ast::parse(csa)
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{}:{}: {}", d.span.start.line + 1, d.code, d.message))
        .collect()
}

#[test]
fn every_fixture_imports_to_a_draft_without_syntax_errors() {
    for (name, input) in texts() {
        let result = import::import_text(&input);
        let errors = syntax_errors(&result.csa);
        assert!(errors.is_empty(), "{name}: {errors:#?}\n{}", result.csa);
        assert!(
            result.summary.blocks_of("agreement") == 1,
            "{name}: a header"
        );
    }
}

/// Words: runs of letters and digits that hold a letter, lower case.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .map(str::to_lowercase)
        .collect()
}

/// The prose of a text input: every line that is not a table row (tab-separated)
/// and not page furniture, with HTML fragments reduced to their text. Furniture is
/// decided here by a narrow pattern of its own, not by the importer's filter, so
/// that a line the importer drops wrongly makes the test fail: a page number
/// (`12`, `Page 3`, `Page 3 of 40`), a blank-page notice, or a rule.
fn prose_words(input: &str) -> Vec<String> {
    let number = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    let furniture = |l: &str| {
        let l = l.trim().trim_matches('\u{c}').trim().to_lowercase();
        let rest = l.strip_prefix("page ").unwrap_or(&l);
        let parts: Vec<&str> = rest.split_whitespace().collect();
        match parts.as_slice() {
            [n] => number(n),
            [n, "of", m] => number(n) && number(m),
            _ => {
                (l.len() >= 3 && l.chars().all(|c| "-_*=".contains(c)))
                    || (l.contains("intentionally")
                        && l.contains("blank")
                        && l.split_whitespace().count() <= 10)
            }
        }
    };
    // Word's second-level bullet, a letter "o" set off by spaces, is a list mark.
    // So is a symbol font's bullet copied as its letter ("l Reducing youth crime":
    // Wingdings draws its round bullet with "l"), a letter no sentence opens with
    // before a capital.
    let unmarked = |l: &str| {
        let t = l.trim_start();
        let symbol = ["l ", "n ", "q ", "v "].iter().find_map(|m| {
            t.strip_prefix(m)
                .filter(|r| r.starts_with(|c: char| c.is_uppercase()))
        });
        match t.strip_prefix("o  ").or(symbol) {
            Some(rest) => rest.to_string(),
            None => l.to_string(),
        }
    };
    text::lines(input)
        .iter()
        .filter(|l| !l.contains('\t') && !furniture(l))
        .flat_map(|l| words(&text::strip_html(&unmarked(l))))
        .collect()
}

#[test]
fn every_word_of_prose_is_kept_in_order() {
    for (name, input) in texts() {
        let output = words(&import::import_text(&input).csa);
        let expected = prose_words(&input);
        let mut at = 0;
        for (n, word) in expected.iter().enumerate() {
            match output[at..].iter().position(|w| w == word) {
                Some(p) => at += p + 1,
                None => panic!(
                    "{name}: prose word {n} `{word}` is missing or out of order; it follows: {}",
                    expected[n.saturating_sub(8)..n].join(" ")
                ),
            }
        }
    }
}

#[test]
fn page_furniture_is_dropped_and_counted() {
    let input = "Kent Community Safety Plan\n\nApril 2024\n\nPage 2\n\nThis page has been left intentionally blank\n\nFirst paragraph.\n\n3\n\nSecond paragraph.\n";
    let result = import::import_text(input);
    assert_eq!(result.summary.furniture, 3);
    assert!(!result.csa.contains("Page 2") && !result.csa.contains("intentionally"));
    assert!(result.csa.contains("First paragraph.\n\nSecond paragraph."));
}

#[test]
fn prose_that_looks_like_structure_is_escaped() {
    let input = "Kent Community Safety Agreement\n\n@kentcsp on social media\n\n// not a comment\n\nPlain.\n";
    let result = import::import_text(input);
    assert!(result.csa.contains("\n\\@kentcsp on social media\n"));
    assert!(result.csa.contains("\n\\// not a comment\n"));
    let parsed = ast::parse(&result.csa);
    assert!(syntax_errors(&result.csa).is_empty());
    assert_eq!(parsed.document.agreement.iter().count(), 1);
}

#[test]
fn checking_an_imported_agreement_finds_the_document_not_the_import() {
    // The header, blocks and fields are complete and well-formed: no finding of the
    // format's own family (CSA0xx: syntax, fields, values, the header).
    for seed in ["kent-csa-2018-draft.txt", "kent-csa-2022.txt"] {
        let parsed = ast::parse(&import::import_text(&fixture(seed)).csa);
        let options = csa::rules::Options {
            as_of: ast::Date::parse("2023-01-01"),
            ..csa::rules::Options::default()
        };
        let mut all = parsed.diagnostics;
        all.extend(csa::rules::check(
            &parsed.document,
            &csa::rules::Registry::bundled(),
            &options,
        ));
        let format: Vec<_> = all
            .iter()
            .filter(|d| d.code.starts_with("CSA0"))
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        assert!(format.is_empty(), "{seed}: {format:#?}");
        assert!(
            all.iter().any(|d| d.code.starts_with("CSA3")),
            "{seed}: findings about the plan's objectives"
        );
    }
}

// ---------------------------------------------------------------------------
// Recovery against the hand transcriptions

/// Lower case words joined by spaces, `&` read as `and`.
fn key(text: &str) -> String {
    words(&text.replace('&', " and ")).join(" ")
}

fn similar(a: &str, b: &str) -> bool {
    let (a, b) = (key(a), key(b));
    if a == b || (a.len() > 6 && b.contains(&a)) || (b.len() > 6 && a.contains(&b)) {
        return true;
    }
    let wa: std::collections::HashSet<&str> = a.split(' ').collect();
    let wb: std::collections::HashSet<&str> = b.split(' ').collect();
    let common = wa.intersection(&wb).count() as f64;
    common / (wa.len().max(wb.len()) as f64) >= 0.6
}

/// How many of `wanted` have a match in `found` (each found entry used once).
fn recovered(wanted: &[String], found: &[String]) -> usize {
    let mut used = vec![false; found.len()];
    wanted
        .iter()
        .filter(|w| {
            let hit = found
                .iter()
                .enumerate()
                .find(|(i, f)| !used[*i] && similar(w, f));
            hit.map(|(i, _)| used[i] = true).is_some()
        })
        .count()
}

fn title(t: &Option<ast::Spanned<String>>) -> String {
    t.as_ref().map(|s| s.value.clone()).unwrap_or_default()
}

/// The entries of each kind that recovery is measured on.
fn entries(doc: &Document) -> Vec<(&'static str, Vec<String>)> {
    let lead = |l: &ast::Lead| {
        let org = l
            .organisation
            .as_ref()
            .map(|o| o.value.as_str())
            .unwrap_or("");
        format!("{} {}", l.role.value, org)
    };
    vec![
        (
            "priorities",
            doc.priorities.iter().map(|p| title(&p.title)).collect(),
        ),
        (
            "themes",
            doc.themes.iter().map(|t| title(&t.title)).collect(),
        ),
        (
            "leads",
            doc.leads
                .iter()
                .map(lead)
                .chain(doc.priorities.iter().flat_map(|p| p.leads.iter().map(lead)))
                .collect(),
        ),
        (
            "versions",
            doc.versions
                .iter()
                .map(|v| v.version.value.clone())
                .collect(),
        ),
        (
            "objectives",
            doc.plans
                .iter()
                .flat_map(|p| p.objectives.iter().map(|o| title(&o.text)))
                .collect(),
        ),
        (
            "assessment rows",
            doc.assessments
                .iter()
                .flat_map(|a| {
                    a.issues.iter().map(|i| {
                        format!(
                            "{} {}",
                            i.count.as_ref().map_or(0, |c| c.value),
                            title(&i.text)
                        )
                    })
                })
                .collect(),
        ),
        (
            "risk-ranking items",
            doc.risk_rankings
                .iter()
                .flat_map(|r| r.items.iter().map(|i| i.value.clone()))
                .collect(),
        ),
        (
            "links",
            doc.links
                .iter()
                .flat_map(|l| l.items.iter().map(|i| i.value.clone()))
                .collect(),
        ),
        (
            "authorities",
            doc.authorities.iter().map(|a| title(&a.name)).collect(),
        ),
    ]
}

/// (kind, recovered, in the example) for one agreement.
fn recovery(example: &str, seed: &str) -> Vec<(&'static str, usize, usize)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let by_hand =
        ast::parse(&std::fs::read_to_string(root.join("examples").join(example)).unwrap()).document;
    let imported = ast::parse(&import::import_text(&fixture(seed)).csa).document;
    entries(&by_hand)
        .into_iter()
        .zip(entries(&imported))
        .map(|((kind, wanted), (_, found))| (kind, recovered(&wanted, &found), wanted.len()))
        .collect()
}

#[test]
fn imports_recover_the_hand_transcriptions() {
    let cases = [
        ("kent-2018.csa", "kent-csa-2018-draft.txt"),
        ("kent-2022.csa", "kent-csa-2022.txt"),
        ("kent-2014-17.csa", "kent-scrutiny-2015-csa-2014-17.txt"),
    ];
    let mut table = String::from("| entries | 2018 | 2022 | 2014-17 |\n|---|---|---|---|\n");
    let results: Vec<_> = cases.iter().map(|(e, s)| recovery(e, s)).collect();
    for k in 0..results[0].len() {
        table.push_str(&format!("| {} |", results[0][k].0));
        for r in &results {
            table.push_str(&format!(" {} of {} |", r[k].1, r[k].2));
        }
        table.push('\n');
    }
    println!("{table}");
    fn get(r: &[(&'static str, usize, usize)], kind: &str) -> (&'static str, usize, usize) {
        *r.iter().find(|(k, ..)| *k == kind).unwrap()
    }
    // All priorities, version rows and leads of 2018 and 2022; all themes of 2022
    // (the 2018 agreement names only one of its themes in its text).
    for r in &results[..2] {
        for kind in ["priorities", "versions", "leads"] {
            let (_, got, of) = get(r, kind);
            assert_eq!(got, of, "{kind}\n{table}");
        }
    }
    let (_, got, of) = get(&results[1], "themes");
    assert_eq!(got, of, "themes of 2022\n{table}");
    let (_, got, of) = get(&results[1], "objectives");
    assert_eq!(got, of, "objectives of 2022\n{table}");
}

// ---------------------------------------------------------------------------
// Word documents

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/></w:style>
<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
</w:styles>"#;

/// A paragraph: `style` is a style id or "".
fn p(style: &str, text: &str) -> String {
    let text = text.replace('&', "&amp;").replace('<', "&lt;");
    let ppr = if style.is_empty() {
        String::new()
    } else {
        format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#)
    };
    format!(r#"<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

/// A numbered paragraph (list item by numbering, not by style).
fn numbered(text: &str) -> String {
    numbered_at(0, text)
}

/// A numbered paragraph `level` deep in its list (0 for the outermost).
fn numbered_at(level: u8, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

/// A table; a cell's lines become paragraphs.
fn tbl(rows: &[&[&str]]) -> String {
    let mut xml = String::from("<w:tbl><w:tblPr/>");
    for row in rows {
        xml.push_str("<w:tr>");
        for cell in *row {
            xml.push_str("<w:tc>");
            for line in cell.split('\n') {
                xml.push_str(&p("", line));
            }
            xml.push_str("</w:tc>");
        }
        xml.push_str("</w:tr>");
    }
    xml.push_str("</w:tbl>");
    xml
}

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    )
}

/// A .docx: the parts a word processor needs, and the given document.xml.
fn docx(document_xml: &str) -> Vec<u8> {
    docx_compressed(document_xml, zip::CompressionMethod::Deflated)
}

/// A .docx whose parts are compressed by `method` (`Stored`: the file is as large as
/// its text).
fn docx_compressed(document_xml: &str, method: zip::CompressionMethod) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
        ),
        ("word/styles.xml", STYLES),
        ("word/document.xml", document_xml),
    ];
    for (name, text) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn temp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

fn agreement_docx() -> Vec<u8> {
    let body = [
        p("Heading1", "Anytown Community Safety Agreement"),
        p("", "April 2024"),
        p("Heading2", "Version Control"),
        tbl(&[
            &["Version", "Date", "Changes"],
            &["1.0", "April 2023", "New agreement"],
            &[
                "2.0",
                "April 2024",
                "Refreshed agreement\n- Priorities updated\n- Leads updated",
            ],
        ]),
        p("Heading1", "3. Priorities"),
        p(
            "",
            "The partnership will work on these priorities and cross-cutting themes.",
        ),
        tbl(&[
            &["Priorities", "Cross-cutting themes"],
            &["Domestic Abuse", "Early Intervention"],
            &["Road Safety", "Supporting Victims"],
        ]),
        p("Heading1", "4. Leads"),
        tbl(&[
            &["Priority", "Lead"],
            &["Domestic Abuse", "Head of Safeguarding, Anytown Council"],
            &[
                "Road Safety",
                "Chief Inspector (Roads), Anytown Police / Road Safety Officer, Anytown Council",
            ],
        ]),
        p("Heading1", "5. Responsible Authorities"),
        p("", "The partners are:"),
        p("ListBullet", "Anytown Police"),
        numbered("Anytown Fire and Rescue Service"),
        p("ListBullet", "Anytown County Council"),
        p("", "12"),
        p("", "Rates & charges <are> kept."),
    ]
    .concat();
    docx(&document(&body))
}

#[test]
fn a_word_document_imports_to_blocks() {
    let source = import::docx::read(&agreement_docx()).unwrap();
    assert_eq!(source.furniture, 1, "the page number");
    assert!(source.blocks.contains(&import::Block::Heading {
        level: 2,
        text: "Version Control".into()
    }));
    assert!(source.blocks.contains(&import::Block::Item {
        level: 0,
        text: "Anytown Fire and Rescue Service".into()
    }));
    let (_dir, path) = temp_file("plan.docx", &agreement_docx());
    let result = csa::files::import_path(&path).unwrap();
    assert!(syntax_errors(&result.csa).is_empty(), "{}", result.csa);
    let doc = ast::parse(&result.csa).document;
    let header = doc.agreement.as_ref().unwrap();
    // "Anytown" is no place csa knows: no area is written, a note asks for one.
    assert!(header.area.is_none(), "{}", result.csa);
    assert!(
        result.csa.contains("the text names no area csa knows"),
        "{}",
        result.csa
    );
    assert_eq!(header.version.as_ref().unwrap().value, "2.0");
    let versions: Vec<_> = doc
        .versions
        .iter()
        .map(|v| v.version.value.as_str())
        .collect();
    assert_eq!(versions, ["1.0", "2.0"]);
    let changes: Vec<_> = doc.versions[1]
        .changes
        .iter()
        .map(|c| c.value.as_str())
        .collect();
    assert_eq!(changes, ["Priorities updated", "Leads updated"]);
    let priorities: Vec<_> = doc
        .priorities
        .iter()
        .map(|p| (p.id.value.as_str(), title(&p.title)))
        .collect();
    assert_eq!(
        priorities,
        [
            ("DA", "Domestic Abuse".to_string()),
            ("RS", "Road Safety".to_string())
        ]
    );
    let themes: Vec<_> = doc.themes.iter().map(|t| title(&t.title)).collect();
    assert_eq!(themes, ["Early Intervention", "Supporting Victims"]);
    let leads: Vec<_> = doc
        .leads
        .iter()
        .map(|l| {
            (
                l.priority.as_ref().unwrap().name.as_str(),
                l.role.value.as_str(),
            )
        })
        .collect();
    assert_eq!(
        leads,
        [
            ("DA", "Head of Safeguarding"),
            ("RS", "Chief Inspector (Roads)"),
            ("RS", "Road Safety Officer")
        ]
    );
    let kinds: Vec<_> = doc
        .authorities
        .iter()
        .map(|a| a.kind.as_ref().unwrap().value.as_str())
        .collect();
    assert_eq!(kinds, ["police", "fire", "county-council"]);
    assert!(result.csa.contains("Rates & charges <are> kept."));
}

fn run(path: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_csa"))
        .arg("import")
        .arg(path)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn fails_clearly(name: &str, bytes: &[u8], says: &str) {
    let (_dir, path) = temp_file(name, bytes);
    let (code, stdout, stderr) = run(&path);
    assert_eq!(code, 2, "{name}: {stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("error: cannot import") && stderr.contains(says),
        "{name}: {stderr}"
    );
    assert!(stderr.contains("help:"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_file_named_docx_that_is_not_one_is_refused() {
    fails_clearly(
        "plan.docx",
        b"Kent Community Safety Agreement\n",
        "not a Word document",
    );
}

#[test]
fn a_password_protected_document_is_refused() {
    // An encrypted .docx is a Compound File holding the encrypted package.
    let mut cfb = import::docx::CFB_SIGNATURE.to_vec();
    cfb.resize(4096, 0);
    fails_clearly("plan.docx", &cfb, "password-protected");
    // A zip whose entries are encrypted.
    let mut bytes = agreement_docx();
    for sig in [&b"PK\x03\x04"[..], &b"PK\x01\x02"[..]] {
        let flag = if sig[2] == 3 { 6 } else { 8 };
        let mut i = 0;
        while let Some(p) = bytes[i..].windows(4).position(|w| w == sig) {
            bytes[i + p + flag] |= 1;
            i += p + 4;
        }
    }
    fails_clearly("locked.docx", &bytes, "password");
}

#[test]
fn a_corrupt_archive_is_refused() {
    let mut bytes = agreement_docx();
    bytes.truncate(bytes.len() / 2);
    fails_clearly("cut.docx", &bytes, "damaged");
    let mut junk = b"PK\x03\x04".to_vec();
    junk.extend(std::iter::repeat_n(7u8, 500));
    fails_clearly("junk.docx", &junk, "damaged");
}

#[test]
fn an_empty_document_is_refused() {
    fails_clearly("empty.docx", &docx(&document("")), "no text");
    fails_clearly("empty.txt", b"\n\n   \n", "no text");
}

#[test]
fn a_zip_bomb_is_refused() {
    // 70 MB of spaces inside one paragraph compresses to a few tens of kilobytes.
    let mut xml = document(&p("", "x")).into_bytes();
    let at = xml.windows(3).position(|w| w == b">x<").unwrap() + 2;
    xml.splice(at..at, std::iter::repeat_n(b' ', 70_000_000));
    let bytes = docx(std::str::from_utf8(&xml).unwrap());
    assert!(bytes.len() < 1_000_000);
    fails_clearly("bomb.docx", &bytes, "too large");
}

#[test]
fn a_word_lists_deeper_items_stay_under_their_priority() {
    let body = [
        p("Heading1", "Anytown Community Safety Plan 2024-2027"),
        p("Heading1", "Our priorities"),
        p("", "The partnership's priorities are:"),
        numbered_at(0, "Domestic abuse"),
        numbered_at(1, "Supporting victims and their children"),
        numbered_at(1, "Holding perpetrators to account"),
        numbered_at(0, "Anti-social behaviour"),
        numbered_at(1, "Town centre disorder"),
        numbered_at(0, "Serious violence"),
    ]
    .concat();
    let source = import::docx::read(&docx(&document(&body))).unwrap();
    assert!(source.blocks.contains(&import::Block::Item {
        level: 1,
        text: "Town centre disorder".into()
    }));
    let result = import::import_bytes("plan.docx", &docx(&document(&body))).unwrap();
    let doc = ast::parse(&result.csa).document;
    let priorities: Vec<String> = doc.priorities.iter().map(|p| title(&p.title)).collect();
    assert_eq!(
        priorities,
        [
            "Domestic abuse",
            "Anti-social behaviour",
            "Serious violence"
        ],
        "{}",
        result.csa
    );
}

#[test]
fn a_twenty_megabyte_document_imports() {
    let paragraph = p(
        "",
        &"The partnership will keep every word of this paragraph. ".repeat(20),
    );
    let mut body = p("Heading1", "Big Town Community Safety Plan");
    while body.len() < 20_000_000 {
        body.push_str(&paragraph);
    }
    // Stored, not compressed: the file itself is twenty megabytes, well under the
    // limit of 64 MiB.
    let bytes = docx_compressed(&document(&body), zip::CompressionMethod::Stored);
    assert!(bytes.len() > 20_000_000);
    let (_dir, path) = temp_file("big.docx", &bytes);
    let (code, stdout, stderr) = run(&path);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("@agreement: Big Town Community Safety Plan\n"));
    assert!(stderr.contains("no syntax error"), "{stderr}");
}

#[test]
fn the_draft_is_written_to_a_file_and_the_summary_to_standard_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("kent.csa");
    let output = Command::new(env!("CARGO_BIN_EXE_csa"))
        .args(["import", "-o"])
        .arg(&out)
        .arg(fixtures().join("kent-csa-2022.txt"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    for line in [
        "8 @priority",
        "5 @theme",
        "6 @version",
        "10 leads",
        "needs a person",
        "dropped: 11",
        "no syntax error",
    ] {
        assert!(stderr.contains(line), "{line}: {stderr}");
    }
    let draft = std::fs::read_to_string(&out).unwrap();
    assert!(syntax_errors(&draft).is_empty());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

mod any_input {
    use super::*;
    use proptest::prelude::*;

    /// Lines built from the pieces the readers and recognisers look for.
    fn line() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "Version",
            "Date",
            "Changes",
            "1.0",
            "April 2022",
            "Priority",
            "Lead",
            "Priorities:",
            "Cross-Cutting Themes:",
            "Domestic Abuse",
            "Road Safety",
            "Chair, Kent Police",
            "@",
            "#",
            "//",
            "\\",
            "-",
            "*",
            "•",
            "\t",
            "<p>",
            "</li>",
            "<b>",
            ":",
            "Appendix A:",
            "7.",
            "Page",
            "3",
            "MoRiLE",
            "Horizon Scanning",
            "Political:",
            "Legislation:",
            "Police and Crime Plan",
            "'Plan Name'",
            "includes:",
            "contact the Team:",
            "Email: a@b.c",
            "Responsible Authorities",
            "The Responsible Authorities are:",
            ",",
            " and ",
            "(",
            ")",
            "é",
            " ",
            "  ",
        ]);
        prop::collection::vec(piece, 0..8).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn any_text_imports_to_a_draft_without_syntax_errors(lines in prop::collection::vec(line(), 0..40)) {
            let input = lines.join("\n");
            let result = import::import_text(&input);
            let errors = syntax_errors(&result.csa);
            prop_assert!(errors.is_empty(), "{errors:#?}\n--- input\n{input}\n--- draft\n{}", result.csa);
        }

        #[test]
        fn any_bytes_named_docx_get_a_result_or_an_error(mut bytes in prop::collection::vec(any::<u8>(), 0..2000), cut in 0usize..6000) {
            // Damage a real document, or start from junk that looks like a zip.
            let mut real = agreement_docx();
            if cut < real.len() {
                for (i, b) in bytes.iter().enumerate() {
                    let at = (cut + i * 7) % real.len();
                    real[at] ^= b;
                }
                bytes = real;
            } else {
                bytes.splice(0..0, *b"PK\x03\x04");
            }
            if let Ok(source) = import::docx::read(&bytes) {
                let result = csa::import::recognise::write(&source);
                prop_assert!(syntax_errors(&result.csa).is_empty());
            }
        }
    }
}

#[test]
fn a_text_saved_as_a_word_document_is_read_as_text() {
    // What a word processor makes of a .txt: one plain paragraph a line, tabs as
    // <w:tab/>, blank lines as empty paragraphs.
    let line = |cells: &[&str]| {
        let runs: Vec<String> = cells
            .iter()
            .map(|c| format!("<w:r><w:t>{c}</w:t></w:r>"))
            .collect();
        format!("<w:p>{}</w:p>", runs.join("<w:r><w:tab/></w:r>"))
    };
    let body = [
        line(&["# Anytown Community Safety Agreement"]),
        line(&[]),
        line(&["## Version Control"]),
        line(&[]),
        line(&["Version", "Date", "Changes"]),
        line(&["1.0", "April 2023", "New agreement"]),
        line(&["2.0", "April 2024", "Refreshed agreement - Leads updated"]),
        line(&[]),
        line(&["Page 2"]),
    ]
    .concat();
    let source = import::docx::read(&docx(&document(&body))).unwrap();
    assert_eq!(source.furniture, 1);
    let result = import::recognise::write(&source);
    let doc = ast::parse(&result.csa).document;
    let versions: Vec<_> = doc
        .versions
        .iter()
        .map(|v| v.version.value.as_str())
        .collect();
    assert_eq!(versions, ["1.0", "2.0"], "{}", result.csa);
    assert_eq!(
        doc.outline.len(),
        2,
        "the # lines are headings: {}",
        result.csa
    );
}

#[test]
fn repeated_sub_headings_and_field_lines_are_kept() {
    // An action plan repeats its field lines and sub-headings under every priority;
    // none of them is page furniture.
    let mut input = String::from("Anytown Community Safety Plan 2024-2027\n\n");
    for p in [
        "Domestic Abuse",
        "Road Safety",
        "Anti-Social Behaviour",
        "Hate Crime",
    ] {
        input.push_str(&format!(
            "{p}\n\nWhy this matters\n\nIt matters to residents.\n\nWhat we will do\n\nWork together.\n\nLead: Community Safety Manager, Anytown Council\n\nTimescale: March 2025\n\n"
        ));
    }
    let result = import::import_text(&input);
    assert!(
        result.summary.dropped.is_empty(),
        "{:?}",
        result.summary.dropped
    );
    for line in [
        "Why this matters",
        "What we will do",
        "Lead: Community Safety Manager, Anytown Council",
        "Timescale: March 2025",
    ] {
        assert_eq!(
            result.csa.matches(line).count(),
            4,
            "{line}\n{}",
            result.csa
        );
    }
    let output = words(&result.csa);
    let mut at = 0;
    for word in prose_words(&input) {
        at += output[at..]
            .iter()
            .position(|w| *w == word)
            .unwrap_or_else(|| panic!("{word} lost"))
            + 1;
    }
}

#[test]
fn the_summary_lists_every_line_dropped() {
    let input = "Anytown Community Safety Plan\n\nFirst.\n\nPage 2 of 9\n\nSecond.\n\nThis page is intentionally left blank\n";
    let result = import::import_text(input);
    assert_eq!(
        result.summary.dropped,
        ["Page 2 of 9", "This page is intentionally left blank"]
    );
    let shown = result.summary.to_string();
    assert!(shown.contains("dropped: Page 2 of 9"), "{shown}");
}

/// A PDF of one page whose content stream is `content`, with Helvetica as `/F1`
/// (what a PDF writer makes, reduced to the objects a reader needs).
fn pdf(content: &str, trailer_extra: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len() + 1),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (n, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{o}\nendobj\n", n + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {trailer_extra}>>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

/// Lines of text on a page, 14 points apart, a blank line's gap between paragraphs.
fn pdf_text(paragraphs: &[&[&str]]) -> Vec<u8> {
    let mut content = String::from("BT /F1 11 Tf 72 780 Td 14 TL\n");
    for (n, lines) in paragraphs.iter().enumerate() {
        if n > 0 {
            content.push_str("T*\n");
        }
        for line in *lines {
            content.push_str(&format!(
                "({}) Tj T*\n",
                line.replace('(', "\\(").replace(')', "\\)")
            ));
        }
    }
    content.push_str("ET");
    pdf(&content, "")
}

#[test]
fn a_pdf_imports_as_its_text() {
    let bytes = pdf_text(&[
        &["Anytown Community Safety Plan 2024-2027"],
        &["Our priorities are:"],
        &["Priority 1 - Reducing violence against women and girls"],
        &[
            "Priority 2 - Tackling anti-social behaviour in the town centre and",
            "keeping young people safe",
        ],
        &["12"],
    ]);
    let result = import::import_bytes("plan.pdf", &bytes).unwrap();
    assert!(syntax_errors(&result.csa).is_empty(), "{}", result.csa);
    let doc = ast::parse(&result.csa).document;
    let titles: Vec<_> = doc.priorities.iter().map(|p| title(&p.title)).collect();
    assert_eq!(
        titles,
        [
            "Reducing violence against women and girls",
            "Tackling anti-social behaviour in the town centre and keeping young people safe"
        ],
        "{}",
        result.csa
    );
    let period = doc.agreement.as_ref().unwrap().period.as_ref().unwrap();
    assert_eq!((period.value.from.year, period.value.to.year), (2024, 2027));
    assert_eq!(result.summary.dropped, ["12"]);
}

#[test]
fn a_pdf_without_text_a_protected_one_and_a_damaged_one_are_refused() {
    let scanned = pdf("q 100 0 0 100 0 0 cm Q", "");
    let protected = pdf(
        "BT /F1 11 Tf 72 780 Td (Secret) Tj ET",
        "/Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /O <00> /U <00> /P -4 >> /ID [<01> <01>] ",
    );
    let mut damaged = pdf_text(&[&["Anytown Community Safety Plan"]]);
    damaged.truncate(60);
    for (bytes, says) in [
        (&scanned, "no text in it"),
        (&protected, "password"),
        (&damaged, "cannot be read"),
    ] {
        let err = import::import_bytes("plan.pdf", bytes).unwrap_err();
        assert!(matches!(err, import::ImportError::Pdf(_)), "{err}");
        assert!(err.to_string().contains(says), "{err}");
        assert!(
            err.help().contains("PDF") || err.help().contains("OCR"),
            "{}",
            err.help()
        );
    }
    // An old Word document and a zip that is not a Word document are refused too.
    let doc = import::import_bytes(
        "plan.doc",
        &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
    )
    .unwrap_err();
    assert!(doc.to_string().to_lowercase().contains("word"), "{doc}");
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("photo.jpg", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"not a document").unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    let err = import::import_bytes("photos.zip", &bytes).unwrap_err();
    assert!(err.to_string().contains("Word"), "{err}");
}

/// The header of the document imported from `text`.
fn imported_header(text: &str) -> ast::Agreement {
    let result = import::import_text(text);
    assert!(syntax_errors(&result.csa).is_empty(), "{}", result.csa);
    ast::parse(&result.csa)
        .document
        .agreement
        .unwrap_or_else(|| panic!("no header in:\n{}", result.csa))
}

#[test]
fn how_the_plan_was_made_is_read_where_the_text_says_so() {
    let text = "Preston Community Safety Partnership Plan 2025-2028\n\nApril 2025\n\n# Introduction\n\nThis plan was agreed by the Safer Preston Partnership on 12 March 2025. Its priorities come from the strategic assessment (November 2024).\n\nThe Preston City Council Overview and Scrutiny Committee acts as the Crime and Disorder Committee for the partnership.\n\nOur work on violence follows the Lancashire Serious Violence Strategy 2024-2029.\n\n# Consultation\n\n- A residents' survey in October 2024, 1,020 replies\n- Two partner workshops in January 2025\n\n# Priorities\n\nDomestic abuse.\n";
    let header = imported_header(text);
    assert_eq!(
        header.approved.map(|a| a.value).as_deref(),
        Some("Safer Preston Partnership, 2025-03-12")
    );
    assert_eq!(
        header.assessed.map(|a| a.value.to_string()).as_deref(),
        Some("2024-11")
    );
    let consulted: Vec<String> = header.consultation.into_iter().map(|c| c.value).collect();
    assert_eq!(
        consulted,
        [
            "A residents' survey in October 2024, 1,020 replies",
            "Two partner workshops in January 2025"
        ]
    );
    assert_eq!(
        header.scrutiny.map(|s| s.value).as_deref(),
        Some("Preston City Council Overview and Scrutiny Committee")
    );
    assert_eq!(
        header.serious_violence_strategy.map(|s| s.value).as_deref(),
        Some("Lancashire Serious Violence Strategy 2024-2029")
    );
}

#[test]
fn nothing_about_how_the_plan_was_made_is_invented() {
    // A plan still to be approved, an assessment still to come, a strategy being written.
    let text = "Wyre Community Safety Plan 2025-2028\n\nApril 2025\n\n# Introduction\n\nThe plan will be approved by Cabinet in March 2025. The strategic assessment will be refreshed in November 2025. We are writing a Serious Violence Strategy with our partners.\n\n# Priorities\n\nAnti-social behaviour.\n";
    let header = imported_header(text);
    assert!(header.approved.is_none(), "{header:#?}");
    assert!(header.assessed.is_none(), "{header:#?}");
    assert!(header.consultation.is_empty(), "{header:#?}");
    assert!(header.scrutiny.is_none(), "{header:#?}");
    assert!(header.serious_violence_strategy.is_none(), "{header:#?}");
}

#[test]
fn a_prioritys_measures_of_success_become_its_measure_lines() {
    let text = "Fylde Community Safety Plan 2025-2028\n\nApril 2025\n\n# Our priorities\n\nOur priorities are:\n\n- Domestic abuse\n- Anti-social behaviour\n\n# Priority 1: Domestic abuse\n\nWe will support victims and challenge perpetrators.\n\nHow we will measure success:\n\n- Fewer repeat referrals to MARAC\n- More victims supported by the IDVA service\n\n# Priority 2: Anti-social behaviour\n\nWe will work with housing providers.\n";
    let result = import::import_text(text);
    assert!(syntax_errors(&result.csa).is_empty(), "{}", result.csa);
    let doc = ast::parse(&result.csa).document;
    let measures = |title: &str| -> Vec<String> {
        doc.priorities
            .iter()
            .find(|p| p.title.as_ref().is_some_and(|t| t.value == title))
            .unwrap_or_else(|| panic!("no priority {title} in:\n{}", result.csa))
            .measures
            .iter()
            .map(|m| m.value.clone())
            .collect()
    };
    assert_eq!(
        measures("Domestic abuse"),
        [
            "Fewer repeat referrals to MARAC",
            "More victims supported by the IDVA service"
        ]
    );
    // A priority whose section prints no measures gets none.
    assert!(measures("Anti-social behaviour").is_empty());
}

#[test]
fn a_membership_list_becomes_the_groups_member_lines() {
    let text = "Lancashire Community Safety Agreement 2025-2028\n\nApril 2025\n\n# Governance\n\n## Membership\n\n- Chairs of the twelve district Community Safety Partnerships\n- Cabinet Member for Community and Cultural Services, Lancashire County Council\n- Lancashire Constabulary\n\n# Priorities\n\nDomestic abuse.\n";
    let header = imported_header(text);
    let members: Vec<String> = header.members.into_iter().map(|m| m.value).collect();
    assert_eq!(
        members,
        [
            "Chairs of the twelve district Community Safety Partnerships",
            "Cabinet Member for Community and Cultural Services, Lancashire County Council",
            "Lancashire Constabulary"
        ]
    );
}

#[test]
fn a_horizon_scan_heading_printed_twice_gives_its_field_once() {
    let text = "#<p>Horizon Scanning\nPolitical:\nPolitical:\n";
    let imported = import::import_text(text);
    assert!(syntax_errors(&imported.csa).is_empty(), "{}", imported.csa);
    assert_eq!(
        imported.csa.matches("  political:").count(),
        1,
        "{}",
        imported.csa
    );
    // The second heading is kept, as prose.
    assert_eq!(
        imported.csa.matches("Political:").count(),
        1,
        "{}",
        imported.csa
    );
}
