//! Runs the grammar's corpus (`grammar/test/corpus/*.txt`) against the parser that is
//! compiled into csa, so the corpus is checked on every `cargo test` without the
//! tree-sitter command-line tool. The files use tree-sitter's own corpus format and
//! `tree-sitter test` reads them the same way.

use std::path::Path;

struct Case {
    file: String,
    name: String,
    expect_error: bool,
    input: String,
    expected: String,
}

fn is_rule(line: &str, ch: char) -> bool {
    line.len() >= 3 && line.chars().all(|c| c == ch)
}

fn cases() -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("grammar/test/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut cases = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let mut i = 0;
        while i < lines.len() {
            if !is_rule(lines[i].trim_end_matches(['\n', '\r']), '=') {
                i += 1;
                continue;
            }
            let name = lines[i + 1].trim().to_string();
            let mut j = i + 2;
            let mut expect_error = false;
            while !is_rule(lines[j].trim_end_matches(['\n', '\r']), '=') {
                expect_error |= lines[j].trim() == ":error";
                j += 1;
            }
            let body_start = j + 1;
            let mut k = body_start;
            while !is_rule(lines[k].trim_end_matches(['\n', '\r']), '-') {
                k += 1;
            }
            // tree-sitter drops the blank line before the dashes, and the first one.
            let mut input: String = lines[body_start..k].concat();
            if input.starts_with('\n') {
                input.remove(0);
            }
            if input.ends_with("\n\n") {
                input.pop();
            }
            let mut end = k + 1;
            while end < lines.len() && !is_rule(lines[end].trim_end_matches(['\n', '\r']), '=') {
                end += 1;
            }
            let expected = lines[k + 1..end].concat();
            cases.push(Case {
                file: file.clone(),
                name,
                expect_error,
                input,
                expected,
            });
            i = end;
        }
    }
    cases
}

fn normalise(sexp: &str) -> String {
    sexp.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("( ", "(")
        .replace(" )", ")")
}

#[test]
fn corpus_cases_parse_as_documented() {
    let cases = cases();
    assert!(cases.len() >= 16, "found only {} corpus cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let tree = csa::syntax::parse_tree(&case.input, None);
        let root = tree.root_node();
        if case.expect_error {
            if !root.has_error() {
                failures.push(format!(
                    "{} / {}: expected an error, got {}",
                    case.file,
                    case.name,
                    root.to_sexp()
                ));
            }
            continue;
        }
        let got = normalise(&root.to_sexp());
        let want = normalise(&case.expected);
        if got != want {
            failures.push(format!(
                "{} / {}:\n  want {want}\n  got  {got}",
                case.file, case.name
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn editor_queries_compile_against_the_grammar() {
    let language: tree_sitter::Language = csa::syntax::LANGUAGE.into();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("grammar/queries");
    for name in ["highlights.scm", "folds.scm", "locals.scm"] {
        let source = std::fs::read_to_string(dir.join(name)).unwrap();
        let query = tree_sitter::Query::new(&language, &source);
        assert!(query.is_ok(), "{name}: {:?}", query.err());
    }
}
