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
//!
//! # Expectations
//!
//! A fires fixture states each finding it must give in its leading `//` lines, one
//! `// expect:` line a finding:
//!
//! ```text
//! // expect: 25:1 CSA201 "`RS` (Road Safety) has no lead" help "to the leads table" fix "Add a lead"
//! // expect: kent-2025.csa:1:1 CSA977 "their lives overlap" help "end the earlier"
//! ```
//!
//! - `LINE:COLUMN` is where the finding starts, counted from 1 as `csa check` prints
//!   it (the column in UTF-16 code units, as editors count); in a folder fixture it is preceded by the file's
//!   name and a colon (the expectations are read from the first file, by name).
//! - `CODE` is the finding's code: the fixture's rule, or another code the fixture
//!   also gives and pins down.
//! - The first quoted phrase must occur in the finding's message (case ignored).
//! - `help "PHRASE"` must occur in its help; a finding with help must have it stated.
//! - `fix "PHRASE"` must occur in the title of the fix it offers; a finding with a
//!   fix must have it stated, and one without a fix must not.
//!
//! For every code an expectation names, the fixture's findings of that code and its
//! expectations must match one to one. Every fix a finding of the rule offers (safe,
//! unsafe or display-only) is then applied to the text on its own and the fixture
//! checked again: the fix must make no new syntax error and leave fewer findings of
//! the rule in that file.
//!
//! Every fires fixture has expectations: one without fails.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use csa::ast::{self, Date};
use csa::diagnostics::{syntax, Diagnostic};
use csa::engine::{self, Input, Setup};
use csa::files::FileSystem;
use csa::rules::{Options, Registry};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

fn leading(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .take_while(|l| l.starts_with("//"))
        .map(|l| l.trim_start_matches('/').trim())
}

fn directive<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    leading(text).find_map(|l| l.strip_prefix(key).map(str::trim))
}

/// One `// expect:` line.
#[derive(Debug)]
struct Expect {
    line_text: String,
    file: Option<String>,
    line: u32,
    column: u32,
    code: String,
    message: String,
    help: Option<String>,
    fix: Option<String>,
}

/// The quoted phrase at the start of `rest`, and what follows it.
fn quoted(rest: &str) -> Result<(String, &str), String> {
    let rest = rest.trim_start();
    let inner = rest
        .strip_prefix('"')
        .ok_or_else(|| format!("expected a quoted phrase at `{rest}`"))?;
    let end = inner
        .find('"')
        .ok_or_else(|| format!("unclosed quote at `{rest}`"))?;
    let phrase = inner[..end].to_string();
    if phrase.trim().is_empty() {
        return Err("an empty phrase matches anything".into());
    }
    Ok((phrase, &inner[end + 1..]))
}

fn parse_expect(line: &str) -> Result<Expect, String> {
    let mut words = line.splitn(3, ' ');
    let place = words.next().unwrap_or_default();
    let code = words.next().unwrap_or_default().to_string();
    let rest = words.next().unwrap_or_default();
    let mut parts: Vec<&str> = place.rsplitn(3, ':').collect();
    parts.reverse();
    let (file, line_no, column) = match parts.as_slice() {
        [l, c] => (None, *l, *c),
        [f, l, c] => (Some(f.to_string()), *l, *c),
        _ => return Err(format!("`{place}` is not LINE:COLUMN")),
    };
    let number = |s: &str| {
        s.parse::<u32>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| format!("`{place}` is not LINE:COLUMN counted from 1"))
    };
    if !code.starts_with("CSA") {
        return Err(format!("`{code}` is not a code"));
    }
    let (message, mut rest) = quoted(rest)?;
    let (mut help, mut fix) = (None, None);
    loop {
        let trimmed = rest.trim_start();
        if trimmed.is_empty() {
            break;
        }
        let (slot, after) = if let Some(after) = trimmed.strip_prefix("help ") {
            (&mut help, after)
        } else if let Some(after) = trimmed.strip_prefix("fix ") {
            (&mut fix, after)
        } else {
            return Err(format!(
                "expected `help \"...\"` or `fix \"...\"` at `{trimmed}`"
            ));
        };
        let (phrase, after) = quoted(after)?;
        if slot.replace(phrase).is_some() {
            return Err("a clause is given twice".into());
        }
        rest = after;
    }
    Ok(Expect {
        line_text: line.to_string(),
        file,
        line: number(line_no)?,
        column: number(column)?,
        code,
        message,
        help,
        fix,
    })
}

fn contains(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(&needle.to_lowercase())
}

/// A finding with the name of the file it is in.
struct Found {
    file: String,
    diagnostic: Diagnostic,
}

impl Found {
    /// The finding as an expectation line would state it, for messages.
    fn describe(&self, folder: bool) -> String {
        let d = &self.diagnostic;
        let file = if folder {
            format!("{}:", self.file)
        } else {
            String::new()
        };
        format!(
            "{file}{}:{} {} {:?} help {:?} fix {:?}",
            d.span.start.line + 1,
            d.span.start.column_utf16 + 1,
            d.code,
            d.message,
            d.help,
            d.fix.as_ref().map(|f| (&f.title, f.applicability.as_str())),
        )
    }
}

/// Why `found` does not meet `expect`, if it does not.
fn mismatch(expect: &Expect, found: &Found, folder: bool) -> Option<String> {
    let d = &found.diagnostic;
    let mut why = Vec::new();
    if folder && expect.file.as_deref() != Some(found.file.as_str()) {
        why.push("file");
    }
    if (expect.line, expect.column) != (d.span.start.line + 1, d.span.start.column_utf16 + 1) {
        why.push("place");
    }
    if !contains(&d.message, &expect.message) {
        why.push("message");
    }
    match (&expect.help, &d.help) {
        (Some(want), Some(got)) if contains(got, want) => {}
        (None, None) => {}
        _ => why.push("help"),
    }
    match (&expect.fix, &d.fix) {
        (Some(want), Some(got)) if contains(&got.title, want) => {}
        (None, None) => {}
        _ => why.push("fix"),
    }
    (!why.is_empty()).then(|| why.join(", "))
}

/// What a fixture is checked with.
struct Run<'a> {
    registry: &'a Registry,
    code: &'a str,
    options: Options,
}

impl<'a> Run<'a> {
    fn new(registry: &'a Registry, code: &'a str, first: &str) -> Self {
        let as_of = directive(first, "as-of:").map_or("2024-01-01", |d| d);
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
        Run {
            registry,
            code,
            options,
        }
    }

    /// Every finding (syntax and rules) for a fixture: a file, or a folder of files
    /// read together.
    fn check(&self, files: &[(PathBuf, String)]) -> Vec<Found> {
        let setup = Setup {
            registry: Arc::new(self.registry.clone()),
            ..Setup::bundled()
        };
        let inputs: Vec<Input> = files
            .iter()
            .map(|(path, text)| Input {
                path,
                text,
                setup: &setup,
                options: &self.options,
            })
            .collect();
        engine::check(&inputs, &FileSystem)
            .into_iter()
            .zip(files)
            .flat_map(|(checked, (path, _))| {
                checked
                    .diagnostics
                    .into_iter()
                    .map(move |diagnostic| Found {
                        file: name(path),
                        diagnostic,
                    })
            })
            .collect()
    }

    fn count(&self, found: &[Found], file: &str) -> usize {
        found
            .iter()
            .filter(|f| f.file == file && f.diagnostic.code == self.code)
            .count()
    }
}

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

fn syntax_errors(found: &[Found], file: &str, except: &str) -> usize {
    found
        .iter()
        .filter(|f| {
            f.file == file && f.diagnostic.code != except && syntax::is_syntax(&f.diagnostic.code)
        })
        .count()
}

/// `text` with `diagnostic`'s fix applied.
fn apply(text: &str, diagnostic: &Diagnostic) -> String {
    let fix = diagnostic.fix.as_ref().unwrap();
    let mut edits: Vec<_> = fix.edits.iter().collect();
    edits.sort_by_key(|e| e.span.start.offset);
    let mut out = String::new();
    let mut cursor = 0;
    for edit in edits {
        let range = edit.span.range();
        assert!(cursor <= range.start, "{}: overlapping edits", fix.title);
        out.push_str(&text[cursor..range.start]);
        out.push_str(&edit.replacement);
        cursor = range.end;
    }
    out.push_str(&text[cursor..]);
    out
}

/// Whether the fixture is a folder of files read together: its findings name their file.
fn is_folder(files: &[(PathBuf, String)]) -> bool {
    files.len() > 1 || files[0].0.parent() != Some(&fixtures())
}

/// The problems of a fires fixture's expectations and fixes.
fn check_expectations(
    run: &Run,
    files: &[(PathBuf, String)],
    found: &[Found],
    problems: &mut Vec<String>,
) {
    let code = run.code;
    let folder = is_folder(files);
    let mut expects = Vec::new();
    for line in leading(&files[0].1) {
        if let Some(rest) = line.strip_prefix("expect:") {
            match parse_expect(rest.trim()) {
                Ok(e) => expects.push(e),
                Err(why) => problems.push(format!("{code}: `// expect: {rest}`: {why}")),
            }
        }
    }
    if expects.is_empty() {
        problems.push(format!(
            "{code}.fires states none of its findings; add `// expect:` lines for:\n  {}",
            found
                .iter()
                .filter(|f| f.diagnostic.code == code)
                .map(|f| f.describe(folder))
                .collect::<Vec<_>>()
                .join("\n  ")
        ));
        return;
    }
    if !expects.iter().any(|e| e.code == code) {
        problems.push(format!("{code}.fires expects no finding of {code}"));
    }
    // For each code expected, findings and expectations match one to one.
    let mut codes: Vec<&str> = expects.iter().map(|e| e.code.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    for c in codes {
        let mut left: Vec<&Found> = found.iter().filter(|f| f.diagnostic.code == c).collect();
        for expect in expects.iter().filter(|e| e.code == c) {
            if let Some(i) = left
                .iter()
                .position(|f| mismatch(expect, f, folder).is_none())
            {
                left.remove(i);
            } else {
                let near: Vec<String> = left
                    .iter()
                    .map(|f| {
                        format!(
                            "{} (differs in {})",
                            f.describe(folder),
                            mismatch(expect, f, folder).unwrap()
                        )
                    })
                    .collect();
                problems.push(format!(
                    "{code}.fires: no finding meets `// expect: {}`; the {c} findings left are:\n  {}",
                    expect.line_text,
                    near.join("\n  ")
                ));
            }
        }
        for f in left {
            problems.push(format!(
                "{code}.fires gives a finding it does not expect: {}",
                f.describe(folder)
            ));
        }
    }
}

/// The problems of the fixes a fires fixture's findings of the rule offer: each,
/// applied on its own, must make no new syntax error and leave fewer findings of the
/// rule in its file.
fn check_fixes(
    run: &Run,
    files: &[(PathBuf, String)],
    found: &[Found],
    problems: &mut Vec<String>,
) {
    let code = run.code;
    let folder = is_folder(files);
    for f in found
        .iter()
        .filter(|f| f.diagnostic.code == code && f.diagnostic.fix.is_some())
    {
        let title = &f.diagnostic.fix.as_ref().unwrap().title;
        let fixed: Vec<(PathBuf, String)> = files
            .iter()
            .map(|(path, text)| {
                if name(path) == f.file {
                    (path.clone(), apply(text, &f.diagnostic))
                } else {
                    (path.clone(), text.clone())
                }
            })
            .collect();
        let after = run.check(&fixed);
        let (before_syntax, after_syntax) = (
            syntax_errors(found, &f.file, code),
            syntax_errors(&after, &f.file, code),
        );
        if after_syntax > before_syntax {
            problems.push(format!(
                "{code}.fires: the fix `{title}` makes a syntax error: {}",
                after
                    .iter()
                    .filter(|a| syntax::is_syntax(&a.diagnostic.code) && a.diagnostic.code != code)
                    .map(|a| a.describe(folder))
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        }
        if run.count(&after, &f.file) >= run.count(found, &f.file) {
            problems.push(format!(
                "{code}.fires: the fix `{title}` leaves as many {code} findings in {} ({})",
                f.file,
                run.count(&after, &f.file)
            ));
        }
    }
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
            let run = Run::new(&registry, &rule.code, text);
            let found = run.check(&files);
            let count = found
                .iter()
                .filter(|f| f.diagnostic.code == rule.code)
                .count();
            if should_fire {
                match directive(text, "fires:").and_then(|n| n.parse::<usize>().ok()) {
                    Some(want) if want != count => problems.push(format!(
                        "{}.fires.csa: expected {want} findings of {}, got {count}",
                        rule.code, rule.code
                    )),
                    None if count == 0 => problems.push(format!(
                        "{}.fires.csa gives no {} finding (it gives {:?})",
                        rule.code,
                        rule.code,
                        found.iter().map(|f| &f.diagnostic.code).collect::<Vec<_>>()
                    )),
                    _ => {
                        check_expectations(&run, &files, &found, &mut problems);
                        check_fixes(&run, &files, &found, &mut problems);
                    }
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
fn an_expectation_that_is_wrong_fails() {
    // The parser reads every clause, and a finding that differs in any of them does
    // not meet the expectation.
    let e = parse_expect(r#"3:5 CSA201 "nobody leads" help "add a lead" fix "Add""#).unwrap();
    assert_eq!((e.line, e.column, e.code.as_str()), (3, 5, "CSA201"));
    assert_eq!(e.help.as_deref(), Some("add a lead"));
    assert!(parse_expect(r#"3 CSA201 "x""#).is_err());
    assert!(parse_expect(r#"0:1 CSA201 "x""#).is_err());
    assert!(parse_expect(r#"3:1 CSA201 """#).is_err());
    assert!(parse_expect(r#"3:1 CSA201 "x" helps "y""#).is_err());
    let mut d = Diagnostic::new(
        "CSA201",
        "priority-without-lead",
        csa::diagnostics::Severity::Warning,
        csa::text::Span::default(),
        "Priority RS has nobody who leads it",
    );
    d.help = Some("add a lead".into());
    let found = Found {
        file: "x.csa".into(),
        diagnostic: d,
    };
    let at = |s: &str| mismatch(&parse_expect(s).unwrap(), &found, false);
    assert_eq!(at(r#"1:1 CSA201 "nobody" help "add a lead""#), None);
    assert_eq!(
        at(r#"2:1 CSA201 "nobody" help "add a lead""#).as_deref(),
        Some("place")
    );
    assert_eq!(
        at(r#"1:1 CSA201 "somebody" help "add""#).as_deref(),
        Some("message")
    );
    assert_eq!(at(r#"1:1 CSA201 "nobody""#).as_deref(), Some("help"));
    assert_eq!(
        at(r#"1:1 CSA201 "nobody" help "add" fix "Add""#).as_deref(),
        Some("fix")
    );
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

#[test]
fn a_fix_that_does_not_put_its_finding_right_fails() {
    // CSA021's fix, changed to write the misspelt code again, leaves the finding.
    let registry = Registry::bundled();
    let files = fixture("CSA021", "fires").unwrap();
    let run = Run::new(&registry, "CSA021", &files[0].1);
    let mut found = run.check(&files);
    let mut problems = Vec::new();
    check_fixes(&run, &files, &found, &mut problems);
    assert_eq!(problems, Vec::<String>::new());
    let finding = found
        .iter_mut()
        .find(|f| f.diagnostic.code == "CSA021")
        .unwrap();
    let fix = finding.diagnostic.fix.as_mut().unwrap();
    fix.edits[0].replacement = "CSA2O1".into();
    check_fixes(&run, &files, &found, &mut problems);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("leaves as many CSA021 findings"),
        "{problems:?}"
    );
    // And one that breaks a line is told as a syntax error.
    let fix = found
        .iter_mut()
        .find(|f| f.diagnostic.code == "CSA021")
        .unwrap()
        .diagnostic
        .fix
        .as_mut()
        .unwrap();
    fix.edits[0].replacement = "CSA201\n@prority X: Y".into();
    problems.clear();
    check_fixes(&run, &files, &found, &mut problems);
    assert!(
        problems.iter().any(|p| p.contains("makes a syntax error")),
        "{problems:?}"
    );
}
