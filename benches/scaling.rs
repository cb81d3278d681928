//! Whether every check stays linear on the shapes of input that make naive code
//! quadratic: one long line with many ids, many objectives, many duplicate ids, many
//! suppressions, and agreements concatenated 10, 30, 100 and 300 times. For each shape it times the
//! whole pipeline (parse, lower, check and the positions of every finding, as the
//! language server and the renderers need them) at a base size and at ten times it,
//! and prints the growth ratio; linear means 10x the input costs at most 12x the time.
//!
//! `cargo bench --bench scaling` (or `-- WORD` for the shapes whose name has WORD)

/// The allocator the `csa` binary uses (`src/main.rs`), so the numbers are those of
/// the command.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::fmt::Write;
use std::time::{Duration, Instant};

use csa::ast;
use csa::rules::{self, Options, Registry};
use csa::text::LineIndex;

/// One priority whose `supports:` line names `n` objectives that do not exist, so
/// every id on the line is a finding with a position on that line.
fn long_line(n: usize) -> String {
    let mut out = String::from("@agreement: Long Line\n  effective: 2024-04-01\n\n");
    out.push_str("@priority P: Priority – “quoted” £ 😀\n  supports: ");
    for i in 0..n {
        if i > 0 {
            out.push_str(", ");
        }
        write!(out, "Ö{i}").unwrap();
    }
    out.push('\n');
    out
}

/// A Police and Crime Plan with `n` objectives nobody supports, and 40 themes, so the
/// likely-link suggestion has many objectives to compare with every topic.
fn many_objectives(n: usize) -> String {
    const WORDS: &[&str] = &[
        "domestic",
        "abuse",
        "road",
        "safety",
        "violence",
        "youth",
        "fraud",
        "rural",
        "victims",
        "drugs",
        "exploitation",
        "knife",
        "burglary",
        "harassment",
        "stalking",
        "cyber",
        "hate",
        "extremism",
        "reoffending",
        "antisocial",
    ];
    let mut out = String::from("@agreement: Objectives\n  effective: 2024-04-01\n\n");
    out.push_str("@plan PCP: Police and Crime Plan\n  period: 2024-04-01 to 2028-03-31\n");
    for i in 0..n {
        let a = WORDS[i % WORDS.len()];
        let b = WORDS[(i / WORDS.len()) % WORDS.len()];
        writeln!(out, "  objective O{i}: Cut {a} and {b} case{i}").unwrap();
    }
    for i in 0..40 {
        let a = WORDS[(i * 7) % WORDS.len()];
        writeln!(out, "\n@theme T{i}: {a} theme{i}").unwrap();
    }
    out
}

/// `n` priorities with the same id, each with its own lead, and a leads table with a
/// row for that id per priority.
fn duplicate_ids(n: usize) -> String {
    let mut out = String::from("@agreement: Duplicates\n  effective: 2024-04-01\n\n");
    for i in 0..n {
        writeln!(
            out,
            "@priority DUP: Duplicate {i}\n  lead: Officer {i}, Org {i}"
        )
        .unwrap();
    }
    out.push_str("\n@leads\n");
    for i in 0..n {
        writeln!(out, "  lead DUP: Manager {i}, Body {i}").unwrap();
    }
    out
}

/// `n` priorities without a lead, each under a suppression of that finding (and of
/// one that never comes), so every finding is matched against the suppressions.
fn many_suppressions(n: usize) -> String {
    let mut out = String::from("@agreement: Suppressions\n  effective: 2024-04-01\n\n");
    out.push_str("// csa-ignore-file CSA999: not a rule, reported once\n\n");
    for i in 0..n {
        writeln!(
            out,
            "// csa-ignore CSA201, unknown-theme: no lead yet\n@priority P{i}: Priority {i}\n  themes: T{i}"
        )
        .unwrap();
    }
    out
}

/// The Kent 2022 agreement, `n` times over.
fn concatenated(n: usize) -> String {
    let kent = include_str!("../examples/kent-2022.csa");
    kent.repeat(n)
}

/// The fastest of a few runs of the whole pipeline on `text`.
fn time(text: &str, registry: &Registry, options: &Options) -> Duration {
    let runs = if text.len() > 2_000_000 { 3 } else { 7 };
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            let parsed = ast::parse(text);
            let findings = rules::check(&parsed.document, registry, options);
            let index = LineIndex::new(text);
            let mut columns = 0u64;
            for f in findings.iter().chain(&parsed.diagnostics) {
                let span = index.span(text, f.span.start.offset, f.span.end.offset);
                columns += u64::from(span.end.column_utf16);
            }
            std::hint::black_box(columns);
            start.elapsed()
        })
        .min()
        .unwrap()
}

/// With `CSA_SCALING_DETAIL=1`: the time of parsing and of each rule alone, to find
/// which one grows faster than its input.
fn detail(text: &str, registry: &Registry, options: &Options) {
    let ms = |start: Instant| start.elapsed().as_secs_f64() * 1e3;
    let start = Instant::now();
    let tree = csa::syntax::parse_tree(text, None);
    println!("    tree-sitter   {:>10.1} ms", ms(start));
    let start = Instant::now();
    let index = LineIndex::new(text);
    println!("    line index    {:>10.1} ms", ms(start));
    let start = Instant::now();
    let raw = csa::syntax::read(text, &tree, &index);
    println!("    read the tree {:>10.1} ms", ms(start));
    let start = Instant::now();
    drop(tree);
    println!("    free the tree {:>10.1} ms", ms(start));
    let start = Instant::now();
    let parsed = ast::lower_raw(text, raw, &index);
    println!("    lower         {:>10.1} ms", ms(start));
    for rule in &registry.rules {
        let only = Options {
            select: vec![rule.code.clone()],
            ..options.clone()
        };
        let start = Instant::now();
        rules::check(&parsed.document, registry, &only);
        let ms = start.elapsed().as_secs_f64() * 1e3;
        if ms >= 1.0 {
            println!("    {:<8} {:<28} {ms:>10.1} ms", rule.code, rule.name);
        }
    }
}

fn main() {
    let registry = Registry::bundled();
    let options = Options {
        as_of: ast::Date::parse("2024-01-01"),
        ..Options::default()
    };
    type Shape = (&'static str, fn(usize) -> String, &'static [usize]);
    let shapes: &[Shape] = &[
        ("long line, many ids", long_line, &[2_000, 20_000]),
        ("many objectives", many_objectives, &[2_000, 20_000]),
        ("many duplicate ids", duplicate_ids, &[1_000, 10_000]),
        ("many suppressions", many_suppressions, &[2_000, 20_000]),
        ("concatenated kent-2022", concatenated, &[10, 30, 100, 300]),
    ];
    println!(
        "{:<24} {:>8} {:>12} {:>10}  growth (time ÷ time at 1/10 the size; linear ≤ 12x)",
        "shape", "n", "bytes", "ms"
    );
    // `cargo bench --bench scaling -- WORD` measures only the shapes whose name has WORD.
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let mut worst: f64 = 0.0;
    for (name, make, sizes) in shapes {
        if !only.is_empty() && !only.iter().any(|w| name.contains(w.as_str())) {
            continue;
        }
        let mut times: Vec<(usize, f64)> = Vec::new();
        for &n in *sizes {
            let text = make(n);
            let ms = time(&text, &registry, &options).as_secs_f64() * 1e3;
            let growth = times
                .iter()
                .find(|(m, _)| m * 10 == n)
                .map(|(_, before)| ms / before);
            if let Some(g) = growth {
                worst = worst.max(g);
            }
            println!(
                "{name:<24} {n:>8} {:>12} {ms:>10.1}  {}",
                text.len(),
                growth.map_or(String::new(), |g| format!("{g:.1}x"))
            );
            times.push((n, ms));
            if std::env::var_os("CSA_SCALING_DETAIL").is_some() {
                detail(&text, &registry, &options);
            }
        }
    }
    println!("worst growth for 10x input: {worst:.1}x (linear: 12x or less)");
}
