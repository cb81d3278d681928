//! Each rule kind's contract (`csa::rules::contract`): the values its findings carry
//! are the ones it declares, a rule's templates use only those, and its settings are
//! checked, with their defaults filled in, when the rule is loaded.

use std::path::{Path, PathBuf};

use csa::ast::{self, Date};
use csa::rules::{self, kinds, Context, Finding, Options, Registry};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A rule pack with one rule of `kind`, whose `params` and message are given.
fn pack(kind: &str, params: &str, message: &str) -> String {
    format!(
        r#"[[rule]]
code = "X901"
name = "local-rule"
family = "local"
kind = "{kind}"
severity = "warning"
summary = "A local rule."
message = "{message}"
params = {params}
explanation = {{ what = "w", why = "w", example = "e", fix = "f" }}
"#
    )
}

fn load(text: &str) -> Result<Registry, String> {
    let mut registry = Registry::bundled();
    registry
        .add("pack.toml", text)
        .map(|()| registry)
        .map_err(|e| e.to_string())
}

/// The `.csa` files of `dir` and its folders.
fn documents(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            documents(&path, out);
        } else if path.extension().is_some_and(|e| e == "csa") {
            out.push(path);
        }
    }
}

/// The date a fixture is checked as of: its `// as-of:` line, else 2024-01-01.
fn as_of(text: &str) -> Date {
    text.lines()
        .take_while(|l| l.starts_with("//"))
        .find_map(|l| l.trim_start_matches('/').trim().strip_prefix("as-of:"))
        .and_then(|d| Date::parse(d.trim()))
        .or_else(|| Date::parse("2024-01-01"))
        .unwrap()
}

#[test]
fn every_finding_carries_only_values_its_kind_declares() {
    let registry = Registry::bundled();
    let fixtures = root().join("tests/fixtures/rules");
    let mut paths = Vec::new();
    documents(&root().join("examples"), &mut paths);
    documents(&fixtures, &mut paths);
    paths.sort();
    let previous = {
        let path = fixtures.join("CSA703.previous.csa");
        let text = std::fs::read_to_string(&path).unwrap();
        csa::compare::Previous {
            path: path.display().to_string(),
            document: ast::parse(&text).document,
        }
    };
    let mut problems = Vec::new();
    let mut silent: Vec<&str> = registry
        .rules
        .iter()
        .filter(|r| kinds::find(&r.kind).is_some_and(|k| k.run.is_some()))
        .map(|r| r.code.as_str())
        .collect();
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap();
        let doc = ast::parse(&text).document;
        let mut cx = Context::new(&doc, &registry.law, &registry.knowledge, as_of(&text));
        cx.previous = Some(&previous);
        for rule in &registry.rules {
            let kind = kinds::find(&rule.kind).unwrap();
            let Some(run) = kind.run else {
                continue;
            };
            let mut findings: Vec<Finding> = Vec::new();
            run(&cx, rule, &mut findings);
            if !findings.is_empty() {
                silent.retain(|c| *c != rule.code);
            }
            for finding in &findings {
                if let Some(key) = kind.undeclared_arg(&finding.args) {
                    problems.push(format!(
                        "{}: {} (kind `{}`) gives `{key}`, which the kind does not declare",
                        path.display(),
                        rule.code,
                        kind.name
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Every rule the engine runs was seen making findings, so its keys were compared.
    assert!(
        silent.is_empty(),
        "no example or fixture gives a finding of {silent:?}"
    );

    // The findings made outside the kinds' functions (documents read together,
    // suppressions) pass through the engine, which stops at an undeclared value in
    // debug builds: check every fixture folder as a workspace.
    if cfg!(debug_assertions) {
        let options = Options {
            as_of: Date::parse("2024-01-01"),
            ..Options::default()
        };
        for entry in std::fs::read_dir(&fixtures).unwrap() {
            let dir = entry.unwrap().path();
            if !dir.is_dir() {
                continue;
            }
            let mut files = Vec::new();
            documents(&dir, &mut files);
            let files: Vec<(PathBuf, String)> = files
                .into_iter()
                .map(|p| {
                    let text = std::fs::read_to_string(&p).unwrap();
                    (p, text)
                })
                .collect();
            let setup = csa::engine::Setup {
                registry: std::sync::Arc::new(registry.clone()),
                ..csa::engine::Setup::bundled()
            };
            let inputs: Vec<csa::engine::Input> = files
                .iter()
                .map(|(path, text)| csa::engine::Input {
                    path,
                    text,
                    setup: &setup,
                    options: &options,
                })
                .collect();
            csa::engine::check(&inputs, &csa::files::FileSystem);
        }
    }
}

#[cfg(debug_assertions)]
#[test]
#[should_panic(expected = "which the kind does not declare")]
fn the_engine_stops_at_a_finding_with_an_undeclared_value() {
    let registry = Registry::bundled();
    let rule = registry.find("priority-without-lead").unwrap();
    let finding = Finding::at(Default::default())
        .arg("id", "DA")
        .arg("leader", "x");
    rules::diagnostic(rule, rule.severity, finding);
}

#[test]
fn a_template_may_use_only_the_values_its_kind_declares() {
    // Values some other kind fills: `{target}` is a workspace finding's, never an
    // unknown area's or a reorganisation's.
    for (kind, message) in [
        ("area-known", "{area} is not known: {target}"),
        ("two-tier-area", "{area} changes: {target}"),
        ("statutory-coverage", "{area} is not addressed by {keyword}"),
        ("unknown-suppression", "{codes}"),
        ("syntax", "{message} at {line}"),
    ] {
        let err = load(&pack(kind, "{}", message)).unwrap_err();
        assert!(
            err.starts_with("pack.toml:") && err.contains("is not filled by kind"),
            "{kind}: {err}"
        );
    }
    for (kind, message) in [
        ("workspace", "{target}: {reason}"),
        ("area-known", "{area} ({field}){suggestion}"),
        (
            "statutory-coverage",
            "{area_title}: {citation}, from {in_force_from}",
        ),
        ("unknown-suppression", "`{code}`{suggestion}"),
    ] {
        load(&pack(kind, "{}", message)).unwrap_or_else(|e| panic!("{kind}: {e}"));
    }
}

#[test]
fn a_setting_of_the_wrong_type_is_refused_where_it_is_written() {
    let text = pack("pcc-likely-link", r#"{ threshold = "high" }"#, "{id}");
    let line = text.lines().position(|l| l.starts_with("params")).unwrap() + 1;
    let column = text
        .lines()
        .nth(line - 1)
        .unwrap()
        .find("threshold")
        .unwrap()
        + 1;
    let err = load(&text).unwrap_err();
    assert!(
        err.starts_with(&format!(
            "pack.toml:{line}:{column}: rule X901: param `threshold`"
        )),
        "{err}"
    );
    assert!(err.contains("must be a number from 0 to 1"), "{err}");

    // In a table of its own, as well, and in the second of two rules.
    let two = format!(
        "{}\n{}",
        pack("count-bound", r#"{ block = "theme", max = 2 }"#, "{count}"),
        r#"[[rule]]
code = "X902"
name = "other-rule"
family = "local"
kind = "count-bound"
severity = "warning"
summary = "Another local rule."
message = "{count}"
explanation = { what = "w", why = "w", example = "e", fix = "f" }

[rule.params]
block = "priority"
max = 2.5
"#
    );
    let line = two.lines().position(|l| l.starts_with("max")).unwrap() + 1;
    let err = load(&two).unwrap_err();
    assert!(
        err.starts_with(&format!("pack.toml:{line}:1: rule X902: param `max`")),
        "{err}"
    );

    // A setting missing altogether is reported at the rule.
    let err = load(&pack("count-bound", "{ max = 2 }", "{count}")).unwrap_err();
    assert!(
        err.contains("kind `count-bound` needs param `block`"),
        "{err}"
    );
    let err = load(&pack("review-name", "{}", "{x}")).unwrap_err();
    assert!(
        err.contains("`{x}` is not filled by kind `review-name`"),
        "{err}"
    );
    // review-name reads `duty`: a misspelling is named, not taken for "no settings".
    let err = load(&pack("review-name", r#"{ dutty = "x" }"#, "{citation}")).unwrap_err();
    assert!(err.contains("did you mean `duty`"), "{err}");
}

#[test]
fn defaults_apply_when_a_setting_is_not_given() {
    let registry = load(&pack("pcc-likely-link", "{}", "{id}")).unwrap();
    let rule = registry.find("X901").unwrap();
    assert_eq!(rule.settings().number("threshold"), 0.35);

    let registry = load(&pack("count-bound", r#"{ block = "priority" }"#, "{count}")).unwrap();
    let settings = registry.find("X901").unwrap().settings();
    assert_eq!(settings.text("block"), "priority");
    assert_eq!(settings.whole("min"), 0);
    assert_eq!(settings.whole_if_given("max"), None);

    let registry = load(&pack("review-name", "{}", "{citation}")).unwrap();
    let settings = registry.find("X901").unwrap().settings();
    assert_eq!(
        settings.text("duty"),
        "domestic-abuse-related-death-reviews"
    );
    let registry = load(&pack("upcoming-coverage", "{}", "{area}")).unwrap();
    assert_eq!(
        registry
            .find("X901")
            .unwrap()
            .settings()
            .whole_if_given("months"),
        None
    );

    // The default is the value the bundled rule gives: a pack rule without it
    // suggests the same links as CSA306.
    let text = std::fs::read_to_string(root().join("examples/kent-2022.csa")).unwrap();
    let doc = ast::parse(&text).document;
    let registry = load(&pack("pcc-likely-link", "{}", "{topic} supports {id}")).unwrap();
    let places = |code: &str| {
        let options = Options {
            as_of: Date::parse("2022-06-01"),
            select: vec![code.to_string()],
            ..Options::default()
        };
        rules::check(&doc, &registry, &options)
            .into_iter()
            .map(|d| d.span)
            .collect::<Vec<_>>()
    };
    assert!(!places("CSA306").is_empty());
    assert_eq!(places("X901"), places("CSA306"));
}

#[test]
fn every_setting_is_documented_with_its_default() {
    let text = csa::rules::kinds::markdown();
    assert!(text.contains("| `pcc-likely-link` | `threshold` | a number from 0 to 1 | 0.35 |"));
    assert!(text.contains("| `review-name` | `duty` |"));
    for kind in kinds::KINDS {
        assert!(
            text.contains(&format!("| `{}` |", kind.name)),
            "{}",
            kind.name
        );
    }
}
