//! Compiles the committed tree-sitter parser (`grammar/src/parser.c`).
//!
//! The parser is generated from `grammar/grammar.js` by `tree-sitter generate`, a
//! developer step (see CONTRIBUTING in the README); building csa needs only a C
//! compiler.

fn main() {
    let dir = std::path::Path::new("grammar/src");
    cc::Build::new()
        .include(dir)
        .file(dir.join("parser.c"))
        .warnings(false)
        .compile("tree-sitter-csa");
    println!("cargo:rerun-if-changed=grammar/src/parser.c");
    println!("cargo:rerun-if-changed=grammar/src/tree_sitter/parser.h");
}
