//! Compiles the committed tree-sitter parser (`grammar/src/parser.c`), and turns the
//! bundled data (`rules/*.toml`: rules, law, and the knowledge of places, bodies and
//! plans) into compact JSON, which csa reads at start-up several times faster than
//! TOML.
//!
//! The parser is generated from `grammar/grammar.js` by `tree-sitter generate`, a
//! developer step (see CONTRIBUTING in the README); building csa needs only a C
//! compiler.

use std::path::Path;

#[path = "src/knowledge/fold.rs"]
mod fold;
use fold::fold;

#[path = "src/knowledge/bundled/list.rs"]
mod bundled;

fn main() {
    println!("cargo:rerun-if-changed=src/knowledge/fold.rs");
    let dir = Path::new("grammar/src");
    let mut parser = cc::Build::new();
    parser
        .include(dir)
        .file(dir.join("parser.c"))
        .warnings(false);
    // For the browser there is no C library: the parser's `#include <stdlib.h>` and
    // friends come from the small one tree-sitter ships for that target.
    if std::env::var("CARGO_CFG_TARGET_FAMILY").as_deref() == Ok("wasm") {
        if let Ok(headers) = std::env::var("DEP_TREE_SITTER_LANGUAGE_WASM_HEADERS") {
            parser.include(headers);
        }
    }
    parser.compile("tree-sitter-csa");
    println!("cargo:rerun-if-changed=grammar/src/parser.c");
    println!("cargo:rerun-if-changed=grammar/src/tree_sitter/parser.h");

    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=src/knowledge/bundled/list.rs");
    for name in bundled::RULE_FILES.iter().chain(bundled::DATA_FILES) {
        let source = format!("rules/{name}.toml");
        println!("cargo:rerun-if-changed={source}");
        // A file not yet written is empty knowledge; the test suite checks the data.
        let json = match std::fs::read_to_string(&source) {
            Ok(text) => match text.parse::<toml::Table>() {
                Ok(table) => to_json(toml::Value::Table(table)).to_string(),
                Err(e) => panic!("{source}: {e}"),
            },
            Err(_) => "{}".to_string(),
        };
        std::fs::write(Path::new(&out).join(format!("{name}.json")), json)
            .expect("OUT_DIR is writable");
    }
    std::fs::write(Path::new(&out).join("bundled.rs"), embedding_code())
        .expect("OUT_DIR is writable");
    successors_index(&out);
}

/// The code that embeds the bundled files (`src/knowledge/bundled.rs` includes it):
/// each rule file as written and as JSON, in two lists (the program reads only the
/// JSON, so only the tests' use of the TOML keeps it in a binary), and a `DataFile`
/// constant for each data file.
fn embedding_code() -> String {
    // A file not yet written embeds as empty text (its JSON is `{}`).
    let toml = |name: &str| {
        if Path::new(&format!("rules/{name}.toml")).exists() {
            format!("include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/rules/{name}.toml\"))")
        } else {
            "\"\"".to_string()
        }
    };
    let json = |name: &str| format!("include_str!(concat!(env!(\"OUT_DIR\"), \"/{name}.json\"))");
    let mut rust = String::from("/// The bundled rule files as written: (path, TOML).\npub const RULES_TOML: &[(&str, &str)] = &[\n");
    for name in bundled::RULE_FILES {
        rust.push_str(&format!("    (\"rules/{name}.toml\", {}),\n", toml(name)));
    }
    rust.push_str("];\n/// The bundled rule files compiled to JSON: (path, JSON).\npub const RULES_JSON: &[(&str, &str)] = &[\n");
    for name in bundled::RULE_FILES {
        rust.push_str(&format!("    (\"rules/{name}.toml\", {}),\n", json(name)));
    }
    rust.push_str("];\n");
    for name in bundled::DATA_FILES {
        rust.push_str(&format!(
            "/// rules/{name}.toml.\npub const {}: DataFile = DataFile {{ path: \"rules/{name}.toml\", toml: {}, json: {} }};\n",
            name.to_uppercase().replace('-', "_"),
            toml(name),
            json(name)
        ));
    }
    rust
}

/// The successor bodies as one JSON text per body, with their ids and folded names in
/// sorted tables, so that csa reads only the bodies a document names
/// (`src/knowledge/mod.rs` folds names the same way).
fn successors_index(out: &str) {
    let table = std::fs::read_to_string("rules/successors.toml")
        .ok()
        .and_then(|t| t.parse::<toml::Table>().ok())
        .unwrap_or_default();
    let bodies = match table.get("body") {
        Some(toml::Value::Array(items)) => items.clone(),
        _ => Vec::new(),
    };
    let mut records = Vec::new();
    let mut ids = Vec::new();
    let mut names: Vec<(String, usize)> = Vec::new();
    for (i, body) in bodies.into_iter().enumerate() {
        let text = |key: &str| body.get(key).and_then(|v| v.as_str()).map(str::to_string);
        if let Some(id) = text("id") {
            ids.push((id, i));
        }
        let aliases = body
            .get("aliases")
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_else(Vec::new);
        for spelling in text("name").into_iter().chain(aliases) {
            let key = fold(&spelling);
            if !names.iter().any(|(k, _)| *k == key) {
                names.push((key, i));
            }
        }
        records.push(to_json(body).to_string());
    }
    ids.sort();
    names.sort();
    let mut rust = String::from("/// One JSON text per body.\npub const RECORDS: &[&str] = &[\n");
    for r in &records {
        rust.push_str(&format!("    {r:?},\n"));
    }
    rust.push_str(
        "];\n/// Body ids and their records, sorted.\npub const IDS: &[(&str, usize)] = &[\n",
    );
    for (id, i) in &ids {
        rust.push_str(&format!("    ({id:?}, {i}),\n"));
    }
    rust.push_str("];\n/// Folded names and aliases and their records, sorted.\npub const NAMES: &[(&str, usize)] = &[\n");
    for (key, i) in &names {
        rust.push_str(&format!("    ({key:?}, {i}),\n"));
    }
    rust.push_str("];\n");
    std::fs::write(Path::new(out).join("successors.rs"), rust).expect("OUT_DIR is writable");
}

/// The same value as JSON, with dates as `YYYY-MM-DD` strings.
fn to_json(value: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => J::from(f),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(items) => J::Array(items.into_iter().map(to_json).collect()),
        toml::Value::Table(table) => {
            J::Object(table.into_iter().map(|(k, v)| (k, to_json(v))).collect())
        }
    }
}
