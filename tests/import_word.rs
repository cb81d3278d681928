//! `csa import` of Word documents written in Word's own markup: the parts of each
//! document are kept as XML under `tests/fixtures/import/word/NAME/` (readable in
//! review), zipped here into a `.docx`, and imported. Each must give the facts its
//! twin gives as text: the same priorities, themes, authorities, leads (with the
//! priority each belongs to), area, period and effective date.

use std::io::Write;
use std::path::{Path, PathBuf};

use csa::ast::{self, Document};
use csa::import;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

/// The files under `dir`, zipped as a Word package.
fn docx(dir: &Path) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut stack = vec![dir.to_path_buf()];
    let mut files = Vec::new();
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    for path in files {
        let name = path
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        out.start_file(name, options).unwrap();
        out.write_all(&std::fs::read(&path).unwrap()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// What a person checks in a draft: the entries, who leads them, the header.
#[derive(Debug, PartialEq)]
struct Facts {
    priorities: Vec<String>,
    themes: Vec<String>,
    authorities: Vec<String>,
    leads: Vec<String>,
    area: Option<String>,
    period: Option<String>,
    effective: Option<String>,
}

fn facts(doc: &Document) -> Facts {
    let title_of = |id: &str| {
        doc.priorities
            .iter()
            .find(|p| p.id.value == id)
            .and_then(|p| p.title.as_ref().map(|t| t.value.clone()))
            .unwrap_or_else(|| id.to_string())
    };
    let lead = |l: &ast::Lead| match &l.organisation {
        Some(o) => format!("{}, {}", l.role.value, o.value),
        None => l.role.value.clone(),
    };
    let mut leads: Vec<String> = doc
        .leads
        .iter()
        .map(|l| {
            let p = l
                .priority
                .as_ref()
                .map(|r| title_of(&r.name))
                .unwrap_or_default();
            format!("{p} => {}", lead(l))
        })
        .collect();
    for p in &doc.priorities {
        for l in &p.leads {
            leads.push(format!("{} => {}", title_of(&p.id.value), lead(l)));
        }
    }
    let header = doc.agreement.as_ref();
    Facts {
        priorities: doc
            .priorities
            .iter()
            .filter_map(|p| p.title.as_ref().map(|t| t.value.clone()))
            .collect(),
        themes: doc
            .themes
            .iter()
            .filter_map(|t| t.title.as_ref().map(|t| t.value.clone()))
            .collect(),
        authorities: doc
            .authorities
            .iter()
            .filter_map(|a| a.name.as_ref().map(|n| n.value.clone()))
            .collect(),
        leads,
        area: header.and_then(|a| a.area.as_ref().map(|v| v.value.clone())),
        period: header.and_then(|a| a.period.as_ref().map(|p| format!("{:?}", p.value))),
        effective: header.and_then(|a| a.effective.as_ref().map(|e| format!("{:?}", e.value))),
    }
}

/// Imports the Word fixture `name` and its twin as text; both drafts parse with
/// no syntax error. The Word draft's text and the facts of each.
fn both(name: &str, twin: &str) -> (String, Facts, Facts) {
    let bytes = docx(&fixtures().join("word").join(name));
    let word = import::import_bytes(&format!("{name}.docx"), &bytes)
        .unwrap_or_else(|e| panic!("{name}: {e:?}"));
    let text = std::fs::read_to_string(fixtures().join(twin)).unwrap();
    // A corpus text's first line names its source.
    let text = match text.strip_prefix("// source:") {
        Some(rest) => rest.split_once('\n').map_or("", |(_, t)| t).to_string(),
        None => text,
    };
    let from_text = import::import_text(&text);
    let mut out = Vec::new();
    for (what, csa) in [("word", &word.csa), ("text", &from_text.csa)] {
        let parsed = ast::parse(csa);
        let errors: Vec<_> = parsed
            .diagnostics
            .iter()
            .filter(|d| d.severity == csa::diagnostics::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{name} ({what}): {errors:?}\n{csa}");
        out.push(facts(&parsed.document));
    }
    let text_facts = out.pop().unwrap();
    let word_facts = out.pop().unwrap();
    (word.csa, word_facts, text_facts)
}

#[test]
fn a_word_document_with_text_boxes_fields_content_controls_and_tracked_changes_gives_its_texts_facts(
) {
    let (csa, word, text) = both(
        "halton-in-word",
        "real/halton-safer-halton-partnership-strategy-2024-2027.txt",
    );
    assert_eq!(word, text, "{csa}");
    assert_eq!(word.priorities.len(), 9, "{csa}");
    // The tracked changes read as accepted: "&" inserted, "and" deleted, "Traffic"
    // moved away; the new entry inserted whole.
    assert!(
        word.priorities
            .contains(&"Domestic Abuse and Violence against Women & Girls".to_string()),
        "{csa}"
    );
    assert!(
        word.priorities.contains(&"Road Safety".to_string()),
        "{csa}"
    );
    assert!(word.priorities.contains(&"Hate Crime".to_string()), "{csa}");
    // The text box is read once, and the paragraph around it keeps its words.
    assert_eq!(csa.matches("In the last few months").count(), 1, "{csa}");
    assert!(csa.contains("data led process"), "{csa}");
    // A field's instructions are not text; the content control's is.
    assert!(!csa.contains("TOC \\o"), "{csa}");
    assert!(csa.contains("Integrated Offender Management"), "{csa}");
}

#[test]
fn a_leads_table_with_merged_and_nested_cells_gives_its_texts_leads() {
    let (csa, word, text) = both("leads-in-word", "word/leads-in-word.txt");
    assert_eq!(word, text, "{csa}");
    assert_eq!(
        word.priorities,
        [
            "Domestic Abuse",
            "Violence Against Women & Girls (VAWG)",
            "Road Safety"
        ],
        "{csa}"
    );
    // The priority merged down over two rows leads both; each lead is tied to
    // its own priority.
    let mut leads = word.leads.clone();
    leads.sort();
    assert_eq!(
        leads,
        [
            "Domestic Abuse => Chair of Domestic Abuse and Sexual Violence Executive Group",
            "Domestic Abuse => Chief Superintendent (Domestic Abuse), Kent Police",
            "Road Safety => Chair of Safer Roads for Kent partnership",
            "Violence Against Women & Girls (VAWG) => Chief Superintendent (Violence Against Women & Girls), Kent Police",
        ],
        "{csa}"
    );
    assert_eq!(word.area.as_deref(), Some("Kent"), "{csa}");
    // The nested table's text stays in the draft.
    assert!(csa.contains("DASV Executive Group"), "{csa}");
}
