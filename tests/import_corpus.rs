//! `csa import` on real plans of other English areas: how much of what a person
//! reads in each text the importer recovers, and that it invents nothing.
//!
//! Each text in `tests/fixtures/import/real/` has beside it an `.expect.toml`
//! written from reading the text (the priorities' exact titles, the themes, the
//! period, the area, the responsible authorities, and the distractors that must not
//! become blocks). Documents marked `held_out` are scored apart: they were not
//! looked at while the recognisers were written, so their score says how the
//! importer does on a plan it has never seen. The table goes in docs/import.md;
//! `CSA_UPDATE_DOCS=1 cargo test --test import_corpus` rewrites it there.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use csa::ast::{self, Period};
use csa::import;
use csa::knowledge::Knowledge;

#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    kind: String,
    held_out: bool,
    /// None when the text never names its area: then none may be written.
    area: Option<String>,
    period: Option<String>,
    #[serde(default)]
    priorities: Vec<String>,
    #[serde(default)]
    themes: Vec<String>,
    #[serde(default)]
    authorities: Vec<String>,
    #[serde(default)]
    distractors: Vec<String>,
    /// Each lead the text names for a priority: [the priority's title, the lead as
    /// printed ("ROLE, ORGANISATION")].
    #[serde(default)]
    leads: Vec<[String; 2]>,
    /// Kinds a person reads in the text that the importer deliberately leaves to
    /// a person (a comment in the file says why): shown as missed in the table,
    /// not failed on. Never an invention.
    #[serde(default)]
    known_misses: Vec<String>,
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/real")
}

/// Every document: its name, its text (without the source line) and what a person reads in it.
fn documents() -> Vec<(String, String, Expect)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(corpus()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let (source, body) = text.split_once('\n').unwrap();
        assert!(
            source.starts_with("// source: http"),
            "{name}: the first line names the public source"
        );
        let expect = std::fs::read_to_string(corpus().join(format!("{name}.expect.toml")))
            .unwrap_or_else(|_| panic!("{name}: no .expect.toml beside it"));
        let expect: Expect =
            toml::from_str(&expect).unwrap_or_else(|e| panic!("{name}.expect.toml: {e}"));
        out.push((name, body.to_string(), expect));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// How two names compare: case, `&` and spacing aside.
fn same(a: &str, b: &str) -> bool {
    same_name(a, b) || same_name(&without_includes(a), &without_includes(b))
}

/// "Preventing Crime (including re-offending)" is the title "Preventing Crime"
/// with what it includes (the format's `includes:`, as the issue for import
/// asks): a person may write either in the expectations.
fn without_includes(s: &str) -> String {
    for cue in [" (including ", " (to include ", " (includes "] {
        if let Some((title, _)) = s.split_once(cue) {
            if s.ends_with(')') {
                return title.to_string();
            }
        }
    }
    // "X, including Y", "X - including Y" and "X including Y" are the same
    // title and what it includes, printed without brackets.
    for cue in [
        ", including ",
        " - including ",
        " – including ",
        " including ",
        " which includes ",
    ] {
        if let Some((title, _)) = s.split_once(cue) {
            return title.to_string();
        }
    }
    s.to_string()
}

/// "June 2022 – March 2025" as "2022 – 2025": a period's months, as a text may
/// print them, say nothing of its years.
fn without_months(period: &str) -> String {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    period
        .split_whitespace()
        .filter(|w| !MONTHS.contains(&w.to_lowercase().as_str()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn same_name(a: &str, b: &str) -> bool {
    // Case, "&" for "and", spacing, and a leading article ("the City Council")
    // are how a name is printed, not which name it is.
    let norm = |s: &str| {
        let s = s
            .to_lowercase()
            .replace('&', "and")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
    };
    norm(a) == norm(b)
}

/// Recovered, expected and invented for one kind on one document.
#[derive(Debug, Default, Clone, Copy)]
struct Score {
    recovered: usize,
    expected: usize,
    invented: usize,
}

impl std::ops::AddAssign for Score {
    fn add_assign(&mut self, o: Score) {
        self.recovered += o.recovered;
        self.expected += o.expected;
        self.invented += o.invented;
    }
}

fn score(expected: &[String], found: &[String]) -> (Score, Vec<String>, Vec<String>) {
    let missing: Vec<String> = expected
        .iter()
        .filter(|e| !found.iter().any(|f| same(f, e)))
        .cloned()
        .collect();
    let invented: Vec<String> = found
        .iter()
        .filter(|f| !expected.iter().any(|e| same(f, e)))
        .cloned()
        .collect();
    (
        Score {
            recovered: expected.len() - missing.len(),
            expected: expected.len(),
            invented: invented.len(),
        },
        missing,
        invented,
    )
}

/// One document's result.
struct Result {
    name: String,
    held_out: bool,
    kind: String,
    scores: BTreeMap<&'static str, Score>,
    period_right: bool,
    area_right: bool,
    problems: Vec<String>,
    known_misses: Vec<String>,
}

/// Whether two names are the same place to the knowledge base.
fn same_place(a: &str, b: &str) -> bool {
    let k = Knowledge::bundled();
    let ids = |n: &str| {
        k.resolve(n, None)
            .iter()
            .map(|p| p.id().to_string())
            .collect::<Vec<_>>()
    };
    let (a, b) = (ids(a), ids(b));
    !a.is_empty() && a == b
}

/// Every lead the draft ties to a priority, as "TITLE => ROLE, ORGANISATION": the
/// `lead:` fields of the priorities and the rows of `@leads` that name one.
fn leads_of(doc: &ast::Document) -> Vec<String> {
    let title_of = |name: &str, quoted: bool| {
        if quoted {
            return name.to_string();
        }
        doc.priorities
            .iter()
            .find(|p| p.id.value == name)
            .and_then(|p| p.title.as_ref().map(|t| t.value.clone()))
            .unwrap_or_else(|| name.to_string())
    };
    let text = |l: &ast::Lead| match &l.organisation {
        Some(o) => format!("{}, {}", l.role.value, o.value),
        None => l.role.value.clone(),
    };
    let mut out = Vec::new();
    for p in &doc.priorities {
        let title = p
            .title
            .as_ref()
            .map_or(p.id.value.clone(), |t| t.value.clone());
        for l in &p.leads {
            out.push(format!("{title} => {}", text(l)));
        }
    }
    for l in &doc.leads {
        if let Some(r) = &l.priority {
            out.push(format!("{} => {}", title_of(&r.name, r.quoted), text(l)));
        }
    }
    out
}

fn years(p: &Period) -> (i32, i32) {
    (p.from.year, p.to.year)
}

fn run(name: &str, text: &str, expect: &Expect) -> Result {
    let imported = import::import_text(text);
    let doc = ast::parse(&imported.csa).document;
    let mut problems = Vec::new();
    let mut scores = BTreeMap::new();
    let titles = |ts: Vec<Option<String>>| ts.into_iter().flatten().collect::<Vec<_>>();
    let expected_leads: Vec<String> = expect
        .leads
        .iter()
        .map(|[p, l]| format!("{p} => {l}"))
        .collect();
    let kinds: [(&str, &[String], Vec<String>); 4] = [
        (
            "priorities",
            &expect.priorities,
            titles(
                doc.priorities
                    .iter()
                    .map(|p| p.title.as_ref().map(|t| t.value.clone()))
                    .collect(),
            ),
        ),
        (
            "themes",
            &expect.themes,
            titles(
                doc.themes
                    .iter()
                    .map(|p| p.title.as_ref().map(|t| t.value.clone()))
                    .collect(),
            ),
        ),
        (
            "authorities",
            &expect.authorities,
            titles(
                doc.authorities
                    .iter()
                    .map(|a| a.name.as_ref().map(|t| t.value.clone()))
                    .collect(),
            ),
        ),
        ("leads", &expected_leads, leads_of(&doc)),
    ];
    for (kind, expected, found) in kinds {
        let (s, missing, invented) = score(expected, &found);
        if !missing.is_empty() {
            problems.push(format!("{kind} missing: {missing:?}"));
        }
        if !invented.is_empty() {
            problems.push(format!("{kind} invented: {invented:?}"));
        }
        for d in expect.distractors.iter().filter(|_| kind != "leads") {
            if found.iter().any(|f| same(f, d)) {
                problems.push(format!("the distractor {d:?} became one of the {kind}"));
            }
        }
        scores.insert(kind, s);
    }
    let header = doc.agreement.as_ref();
    let period = header
        .and_then(|a| a.period.as_ref())
        .map(|p| years(&p.value));
    // A single year ("2024") is the document's year, which csa's `period:` (a
    // span of years) cannot hold: it is expected as a span of that one year.
    let want = expect.period.as_ref().map(|p| {
        let p = without_months(p);
        match p.parse::<i32>() {
            Ok(year) => (year, year),
            Err(_) => years(
                &Period::parse(&p).unwrap_or_else(|| panic!("{name}: period {p:?} does not parse")),
            ),
        }
    });
    let period_right = period == want;
    if !period_right {
        problems.push(format!("period: got {period:?}, want {want:?}"));
    }
    let area = header
        .and_then(|a| a.area.as_ref())
        .map(|a| a.value.clone());
    let area_right = match (&area, &expect.area) {
        (Some(got), Some(want)) => same(got, want) || same_place(got, want),
        (None, None) => true,
        _ => false,
    };
    if !area_right {
        problems.push(format!("area: got {area:?}, want {:?}", expect.area));
    }
    Result {
        name: name.to_string(),
        held_out: expect.held_out,
        kind: expect.kind.clone(),
        known_misses: expect.known_misses.clone(),
        scores,
        period_right,
        area_right,
        problems,
    }
}

fn percent(n: usize, d: usize) -> String {
    (n * 100)
        .checked_div(d)
        .map_or_else(|| "-".to_string(), |p| format!("{p}%"))
}

/// The table for docs/import.md: one row a document, then the totals of each set.
fn table(results: &[Result]) -> String {
    let kinds = ["priorities", "themes", "authorities", "leads"];
    let mut out = String::from(
        "| document | kind | priorities | themes | authorities | leads | period | area |\n|---|---|---|---|---|---|---|---|\n",
    );
    let cell = |s: &Score| format!("{}/{} ({} invented)", s.recovered, s.expected, s.invented);
    let yes = |b: bool| if b { "right" } else { "wrong" };
    for set in [Some(false), Some(true), None] {
        let rows: Vec<&Result> = results
            .iter()
            .filter(|r| set.is_none_or(|s| r.held_out == s))
            .collect();
        let mut totals: BTreeMap<&str, Score> = BTreeMap::new();
        for r in &rows {
            for k in kinds {
                *totals.entry(k).or_default() += r.scores[k];
            }
            // The whole corpus is a total only.
            let Some(set) = set else { continue };
            out.push_str(&format!(
                "| `{}`{} | {} |",
                r.name,
                if set { " (held out)" } else { "" },
                r.kind
            ));
            // A miss the document's expectations explain is marked as such.
            let known = |k: &str| {
                if r.known_misses.iter().any(|m| m == k) {
                    " (known miss)"
                } else {
                    ""
                }
            };
            for k in kinds {
                out.push_str(&format!(" {}{} |", cell(&r.scores[k]), known(k)));
            }
            out.push_str(&format!(
                " {}{} | {}{} |\n",
                yes(r.period_right),
                known("period"),
                yes(r.area_right),
                known("area")
            ));
        }
        let n = rows.len();
        out.push_str(&format!(
            "| **{} ({n} documents)** | | ",
            match set {
                Some(false) => "tuned on",
                Some(true) => "held out",
                None => "whole corpus",
            }
        ));
        for k in kinds {
            let t = totals[k];
            out.push_str(&format!(
                "{} ({}) |",
                cell(&t),
                percent(t.recovered, t.expected)
            ));
        }
        let periods = rows.iter().filter(|r| r.period_right).count();
        let areas = rows.iter().filter(|r| r.area_right).count();
        out.push_str(&format!(
            " {periods}/{n} ({}) | {areas}/{n} ({}) |\n",
            percent(periods, n),
            percent(areas, n)
        ));
    }
    out
}

/// Whether a problem is a miss of `kind` ("priorities missing: ...", "period:
/// got ..."); never an invention.
fn is_about(problem: &str, kind: &str) -> bool {
    problem.starts_with(&format!("{kind} missing")) || problem.starts_with(&format!("{kind}: "))
}

const START: &str = "<!-- corpus table: generated by tests/import_corpus.rs -->\n";
const END: &str = "<!-- end of corpus table -->";

#[test]
fn the_corpus_of_real_plans_is_recovered_and_nothing_is_invented() {
    let docs = documents();
    assert!(docs.len() >= 12, "at least 12 real plans: {}", docs.len());
    // At least one text the importer has not been tuned on. Each round's first
    // run on its held-out set is recorded in docs/import.md before the set is
    // tuned on; the search index now holds few plans of areas not yet here, so
    // the last set may be small.
    assert!(docs.iter().any(|d| d.2.held_out));
    let results: Vec<Result> = docs.iter().map(|(n, t, e)| run(n, t, e)).collect();
    let table = table(&results);
    println!("{table}");
    for r in &results {
        for p in &r.problems {
            println!(
                "{}{}: {p}",
                r.name,
                if r.held_out { " (held out)" } else { "" }
            );
        }
    }

    // The table in docs/import.md is this one.
    let docs_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/import.md");
    let md = std::fs::read_to_string(&docs_path).unwrap();
    let (before, rest) = md
        .split_once(START)
        .expect("docs/import.md has the corpus table's start marker");
    let (old, after) = rest
        .split_once(END)
        .expect("docs/import.md has the corpus table's end marker");
    if old != table {
        if std::env::var_os("CSA_UPDATE_DOCS").is_some() {
            std::fs::write(&docs_path, format!("{before}{START}{table}{END}{after}")).unwrap();
        } else {
            panic!("docs/import.md's corpus table is stale: run `CSA_UPDATE_DOCS=1 cargo test --test import_corpus`");
        }
    }

    // The goals, on the documents tuned on: every priority with its exact title, no
    // invention, the period and the area right. The documents held out are a
    // measure, not a target: what the importer gets wrong on them, inventions
    // included, is shown in the table and listed above, never corrected for them.
    for r in results.iter().filter(|r| !r.held_out) {
        let invented: usize = r.scores.values().map(|s| s.invented).sum();
        assert_eq!(invented, 0, "{}: {:?}", r.name, r.problems);
        let problems: Vec<&String> = r
            .problems
            .iter()
            .filter(|p| !r.known_misses.iter().any(|k| is_about(p, k)))
            .collect();
        assert!(problems.is_empty(), "{}: {:#?}", r.name, problems);
        for k in &r.known_misses {
            assert!(
                r.problems.iter().any(|p| is_about(p, k)),
                "{}: {k} is listed as a known miss but is recovered now: take it off the list",
                r.name
            );
        }
    }
    // The goal: 90% of the priorities of the documents tuned on. Every priority a
    // tuned-on text still holds is asserted above, one by one; what is missed
    // besides is a known miss with its reason in the document's expectations (a
    // list whose entries ran together, priorities told only in prose), and the
    // known misses may not grow past a tenth.
    let tuned: Vec<&Result> = results.iter().filter(|r| !r.held_out).collect();
    let mut p = Score::default();
    for r in &tuned {
        p += r.scores["priorities"];
    }
    let met = p.recovered * 10 >= p.expected * 9;
    println!(
        "priorities on the documents tuned on: {}/{}; the goal of 90% is {}",
        p.recovered,
        p.expected,
        if met { "met" } else { "not met" }
    );
    assert!(
        met,
        "priorities on the documents tuned on: {}/{}, under the goal of 90%",
        p.recovered, p.expected
    );
}
