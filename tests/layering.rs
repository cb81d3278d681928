//! The modules of `src/` are rooms on floors: a room may use rooms on its own floor
//! and the floors below, never one above, and no rooms use each other in a circle.
//! This is the one place the order is written (`docs/architecture.md` draws it); a
//! `use crate::…` that runs upward, or a new circle, fails here with the line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The floors, lowest first.
const FLOORS: &[(&str, &[&str])] = &[
    ("text and syntax", &["text", "diagnostics", "syntax"]),
    // `compare` sets two typed models side by side; a rule (the version row) reads
    // the comparison, so it sits with the model, below the rules.
    ("the typed model", &["ast", "compare"]),
    ("knowledge", &["knowledge"]),
    ("rules", &["rules"]),
    (
        "document operations",
        &[
            "engine",
            "workspace",
            "config",
            "format",
            "import",
            "publish",
            "report",
            "render",
            "analysis",
            "gen",
        ],
    ),
    ("files", &["files"]),
    ("front ends", &["cli", "lsp", "robustness", "wasm"]),
    ("the program", &["lib", "main"]),
];

fn floor_of(room: &str) -> Option<usize> {
    FLOORS.iter().position(|(_, rooms)| rooms.contains(&room))
}

/// The room a source file belongs to: `src/rules/kinds/pcc.rs` is in `rules`.
fn room_of(path: &str) -> String {
    let rest = path.trim_start_matches("src/");
    let first = rest.split('/').next().unwrap_or(rest);
    first.trim_end_matches(".rs").to_string()
}

/// The rooms a file's code names through `crate::`, with the line of each.
fn uses(text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let before = rest[..at].chars().next_back();
            rest = &rest[at + "crate::".len()..];
            // `csa::crate::` never occurs; `$crate::` and `super::crate` are not ours.
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
                continue;
            }
            if let Some(group) = rest.strip_prefix('{') {
                // `use crate::{a::X, b};`: each top-level name of the group (on this
                // line; rustfmt puts a long group's names on the lines that follow).
                for name in group.split(',') {
                    let name = name.trim().split("::").next().unwrap_or("").trim();
                    let name: String = name
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() {
                        out.push((name, n + 1));
                    }
                }
                continue;
            }
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.push((name, n + 1));
            }
        }
    }
    out.extend(group_lines(text));
    out
}

/// The names of `use crate::{` groups that rustfmt spread over several lines.
fn group_lines(text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut inside = false;
    let mut depth = 0usize;
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if !inside {
            if trimmed.ends_with("crate::{") && trimmed.starts_with("use ")
                || trimmed.starts_with("pub use crate::{") && trimmed.ends_with('{')
                || trimmed.starts_with("pub(crate) use crate::{") && trimmed.ends_with('{')
            {
                inside = true;
                depth = 0;
            }
            continue;
        }
        if depth == 0 && trimmed.starts_with('}') {
            inside = false;
            continue;
        }
        for part in trimmed.split(',') {
            let part = part.trim();
            if depth == 0 {
                let name: String = part
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && name != "self" {
                    out.push((name, n + 1));
                }
            }
            depth += part.matches('{').count();
            depth = depth.saturating_sub(part.matches('}').count());
        }
    }
    out
}

/// Every import that runs upward, every room on no floor, and every circle, in words.
fn violations(files: &[(String, String)]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in files {
        let room = room_of(path);
        let Some(floor) = floor_of(&room) else {
            problems.push(format!(
                "{path}: the room `{room}` is on no floor; add it to FLOORS in tests/layering.rs"
            ));
            continue;
        };
        for (used, line) in uses(text) {
            if used == room || used == "self" || used == "super" {
                continue;
            }
            let Some(used_floor) = floor_of(&used) else {
                continue;
            };
            edges.entry(room.clone()).or_default().insert(used.clone());
            if used_floor > floor {
                problems.push(format!(
                    "{path}:{line}: `{room}` ({}) uses `{used}` ({}), a floor above it",
                    FLOORS[floor].0, FLOORS[used_floor].0
                ));
            }
        }
    }
    problems.extend(circles(&edges));
    problems
}

/// The circles among rooms: for each room, whether it can reach itself.
fn circles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let mut out = Vec::new();
    for start in edges.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((room, path)) = stack.pop() {
            for next in edges.get(&room).into_iter().flatten() {
                if next == start {
                    let mut circle = path.clone();
                    circle.push(start.clone());
                    // Each circle once: from its smallest room.
                    if circle.iter().min() == Some(start) {
                        out.push(format!("a circle: {}", circle.join(" → ")));
                    }
                } else if seen.insert(next.clone()) {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
    out
}

fn sources(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((relative, std::fs::read_to_string(&path).unwrap()));
        }
    }
}

#[test]
fn no_room_uses_a_room_above_it_and_none_use_each_other_in_a_circle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), root, &mut files);
    assert!(files.len() > 50, "the sources were found: {}", files.len());
    let problems = violations(&files);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn an_upward_import_and_a_circle_are_caught() {
    let files = vec![
        (
            "src/knowledge/mod.rs".to_string(),
            "//! Knowledge.\nuse crate::rules::law::Law; // upward\n".to_string(),
        ),
        (
            "src/publish/mod.rs".to_string(),
            "use crate::{\n    ast::Document,\n    report::Report,\n};\n".to_string(),
        ),
        (
            "src/report/mod.rs".to_string(),
            "fn f() { crate::publish::publish(); }\n".to_string(),
        ),
        (
            "src/newroom.rs".to_string(),
            "use crate::ast;\n".to_string(),
        ),
    ];
    let problems = violations(&files);
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("src/knowledge/mod.rs:2: `knowledge`") && p.contains("`rules`")),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p == "a circle: publish → report → publish"),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("src/newroom.rs: the room `newroom` is on no floor")),
        "{problems:#?}"
    );
    assert_eq!(problems.len(), 3, "{problems:#?}");
}

#[test]
fn a_use_in_a_comment_is_not_a_use() {
    assert!(uses("// crate::cli is where this is called from\n").is_empty());
    assert_eq!(
        uses("let x = crate::ast::parse(t);"),
        vec![("ast".to_string(), 1)]
    );
}

/// The longest functions of a source file: `(lines, name, first line)`, for each `fn`
/// whose body closes on a line of its own at the indentation it opened at.
fn long_functions(text: &str, limit: usize) -> Vec<(usize, String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let signature = trimmed
            .trim_start_matches("pub(crate) ")
            .trim_start_matches("pub(super) ")
            .trim_start_matches("pub ")
            .trim_start_matches("const ")
            .trim_start_matches("async ");
        let Some(rest) = signature.strip_prefix("fn ") else {
            continue;
        };
        // A declaration without a body, or a body on the same line.
        if line.trim_end().ends_with(';') || line.trim_end().ends_with('}') {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let close = format!("{indent}}}");
        if let Some(end) = lines[i + 1..].iter().position(|l| *l == close) {
            let length = end + 2;
            if length > limit {
                out.push((length, name, i + 1));
            }
        }
    }
    out
}

#[test]
fn no_source_file_is_over_1000_lines_and_no_function_over_150() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), root, &mut files);
    let mut problems = Vec::new();
    for (path, text) in &files {
        let count = text.lines().count();
        if count > 1000 {
            problems.push(format!(
                "{path}: {count} lines; split it by the concern each part serves"
            ));
        }
        for (length, name, line) in long_functions(text, 150) {
            problems.push(format!(
                "{path}:{line}: `{name}` is {length} lines; split it into named steps"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_long_function_is_measured_and_a_short_one_is_not() {
    let mut text = String::from("fn short() {\n    one();\n}\n\npub fn long(x: u8) {\n");
    for _ in 0..150 {
        text.push_str("    step();\n");
    }
    text.push_str("}\nfn empty() {}\n");
    assert_eq!(
        long_functions(&text, 150),
        vec![(152, "long".to_string(), 5)]
    );
}
