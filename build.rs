//! Compiles the committed tree-sitter parser (`grammar/src/parser.c`), and turns the
//! knowledge data (`rules/gazetteer.toml`, `rules/successors.toml`,
//! `rules/pcc-plans.toml`) into compact JSON, which csa reads at start-up several
//! times faster than TOML.
//!
//! The parser is generated from `grammar/grammar.js` by `tree-sitter generate`, a
//! developer step (see CONTRIBUTING in the README); building csa needs only a C
//! compiler.

use std::path::Path;

fn main() {
    let dir = Path::new("grammar/src");
    cc::Build::new()
        .include(dir)
        .file(dir.join("parser.c"))
        .warnings(false)
        .compile("tree-sitter-csa");
    println!("cargo:rerun-if-changed=grammar/src/parser.c");
    println!("cargo:rerun-if-changed=grammar/src/tree_sitter/parser.h");

    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in ["gazetteer", "successors", "pcc-plans"] {
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
