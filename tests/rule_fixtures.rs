//! Every rule has a document that triggers it and one that does not:
//! `tests/fixtures/rules/CODE.fires.csa` and `CODE.passes.csa`.
//!
//! A rule that reads documents together (family `workspace`) may have a folder instead,
//! `CODE.fires/` and `CODE.passes/`, checked as one workspace: findings in any of its
//! files count.
//!
//! A fixture may begin with `// as-of: YYYY-MM-DD` (the date review cycles are checked
//! against; default 2024-01-01) and `// fires: N` (how many findings of the rule the
//! fires fixture must give; default at least one).
//!
//! A rule that compares a document with its previous version reads
//! `CODE.previous.csa` as the previous version of both fixtures, when it exists.

use std::path::PathBuf;
use std::sync::Arc;

use csa::ast::{self, Date};
use csa::engine::{self, Input, Setup};
use csa::files::FileSystem;
use csa::rules::{Options, Registry};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

fn directive<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    text.lines()
        .take_while(|l| l.starts_with("//"))
        .find_map(|l| {
            l.trim_start_matches('/')
                .trim()
                .strip_prefix(key)
                .map(str::trim)
        })
}

/// The codes of every finding (syntax and rules) for a fixture: a file, or a folder
/// of files read together. The directives are read from the first file.
fn codes(files: &[(PathBuf, String)], registry: &Registry, code: &str) -> Vec<String> {
    let as_of = directive(&files[0].1, "as-of:").map_or("2024-01-01", |d| d);
    let previous = fixtures().join(format!("{code}.previous.csa"));
    let options = Options {
        as_of: Date::parse(as_of),
        previous: std::fs::read_to_string(&previous).ok().map(|text| {
            Arc::new(csa::compare::Previous {
                path: previous.display().to_string(),
                document: ast::parse(&text).document,
            })
        }),
        ..Options::default()
    };
    let setup = Setup {
        registry: Arc::new(registry.clone()),
        ..Setup::bundled()
    };
    let inputs: Vec<Input> = files
        .iter()
        .map(|(path, text)| Input {
            path,
            text,
            setup: &setup,
            options: &options,
        })
        .collect();
    engine::check(&inputs, &FileSystem)
        .into_iter()
        .flat_map(|checked| checked.diagnostics)
        .map(|d| d.code)
        .collect()
}

/// The fixture's files: `CODE.SUFFIX.csa`, or every `.csa` file of `CODE.SUFFIX/`
/// (sorted, so the first is the same on every machine).
fn fixture(code: &str, suffix: &str) -> Option<Vec<(PathBuf, String)>> {
    let file = fixtures().join(format!("{code}.{suffix}.csa"));
    if let Ok(text) = std::fs::read_to_string(&file) {
        return Some(vec![(file, text)]);
    }
    let dir = fixtures().join(format!("{code}.{suffix}"));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csa"))
        .collect();
    paths.sort();
    let files: Vec<_> = paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect();
    (!files.is_empty()).then_some(files)
}

#[test]
fn every_rule_fires_on_its_fixture_and_passes_on_the_other() {
    let registry = Registry::bundled();
    let mut problems = Vec::new();
    for rule in &registry.rules {
        for (suffix, should_fire) in [("fires", true), ("passes", false)] {
            let Some(files) = fixture(&rule.code, suffix) else {
                problems.push(format!(
                    "{} ({}) has no {suffix} fixture at {}",
                    rule.code,
                    rule.name,
                    fixtures()
                        .join(format!("{}.{suffix}.csa", rule.code))
                        .display()
                ));
                continue;
            };
            let text = &files[0].1;
            let found = codes(&files, &registry, &rule.code);
            let count = found.iter().filter(|c| **c == rule.code).count();
            if should_fire {
                match directive(text, "fires:").and_then(|n| n.parse::<usize>().ok()) {
                    Some(want) if want != count => problems.push(format!(
                        "{}.fires.csa: expected {want} findings of {}, got {count}",
                        rule.code, rule.code
                    )),
                    None if count == 0 => problems.push(format!(
                        "{}.fires.csa gives no {} finding (it gives {found:?})",
                        rule.code, rule.code
                    )),
                    _ => {}
                }
            } else if count > 0 {
                problems.push(format!(
                    "{}.passes.csa gives {count} {} finding(s)",
                    rule.code, rule.code
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_fixture_is_left_without_a_rule() {
    let registry = Registry::bundled();
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        let code = name.split('.').next().unwrap();
        assert!(registry.find(code).is_some(), "{name} is for no rule");
    }
}
