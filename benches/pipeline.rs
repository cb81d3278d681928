//! Benchmarks of the pipeline, stage by stage and whole, on the Kent examples and on
//! generated agreements of 100 KB, 1 MB and 10 MB. Criterion prints time and
//! throughput (MB/s); docs/performance.md records the latest numbers.
//!
//! `cargo bench --bench pipeline` runs everything; add a filter such as `kent-2022`
//! or `10MB` to run part of it; `rule-pack` measures what a rule pack adds to the
//! check of the generated 10 MB agreement.

/// The allocator the `csa` binary uses (`src/main.rs`), so the numbers are those of
/// the command.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use csa::ast;
use csa::render::{self, FileReport, Format};
use csa::rules::{self, Options, Registry};

fn inputs() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    let mut out: Vec<(String, String)> = ["kent-2022.csa", "kent-2014-17.csa"]
        .iter()
        .map(|name| {
            (
                name.to_string(),
                std::fs::read_to_string(format!("{dir}/{name}")).unwrap(),
            )
        })
        .collect();
    for (label, size) in [("100KB", 100_000), ("1MB", 1_000_000), ("10MB", 10_000_000)] {
        out.push((format!("generated-{label}"), csa::gen::agreement(size, 1)));
    }
    out
}

fn options() -> Options {
    Options {
        as_of: ast::Date::parse("2024-01-01"),
        ..Options::default()
    }
}

/// Start-up: reading the embedded rules and law (TOML), and the knowledge (places,
/// bodies, plans: JSON compiled at build time) with its indexes, as a process does once.
fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group.bench_function("rules-and-law", |b| b.iter(Registry::bundled));
    group.bench_function("knowledge", |b| {
        b.iter(|| {
            let mut tables = csa::knowledge::Tables::default();
            for (_, json) in csa::knowledge::BUNDLED {
                tables.merge(serde_json::from_str(json).unwrap());
            }
            let k = csa::knowledge::Knowledge::from_tables(tables);
            (
                k.gazetteer().authorities.len(),
                k.successors().len(),
                k.plans().plans.len(),
            )
        })
    });
    group.finish();
}

fn pipeline(c: &mut Criterion) {
    let registry = Registry::bundled();
    let options = options();
    for (name, text) in inputs() {
        let mut group = c.benchmark_group(name.clone());
        group.throughput(Throughput::Bytes(text.len() as u64));
        if text.len() > 2_000_000 {
            group
                .sample_size(10)
                .measurement_time(Duration::from_secs(8));
        }
        let tree = csa::syntax::parse_tree(&text, None);
        let parsed = ast::lower(&text, &tree);
        let findings = rules::check(&parsed.document, &registry, &options);
        let report = [FileReport {
            path: name.clone(),
            source: text.clone(),
            diagnostics: findings.clone(),
            accepted: Vec::new(),
        }];

        group.bench_function(BenchmarkId::new("parse", ""), |b| {
            b.iter(|| csa::syntax::parse_tree(&text, None))
        });
        group.bench_function(BenchmarkId::new("lower", ""), |b| {
            b.iter(|| ast::lower(&text, &tree))
        });
        group.bench_function(BenchmarkId::new("check", ""), |b| {
            b.iter(|| rules::check(&parsed.document, &registry, &options))
        });
        group.bench_function(BenchmarkId::new("render-human", ""), |b| {
            b.iter(|| render::render(Format::Human, &report, &registry, false))
        });
        group.bench_function(BenchmarkId::new("fmt", ""), |b| {
            b.iter(|| csa::format::format(&text))
        });
        group.bench_function(BenchmarkId::new("whole", ""), |b| {
            b.iter(|| {
                let parsed = ast::parse(&text);
                rules::check(&parsed.document, &registry, &options)
            })
        });
        group.finish();
    }
}

/// The example rule pack of docs/configuration.md: the first TOML block there that
/// holds a `[[rule]]`, so the benchmark measures what the documentation shows.
fn documented_pack() -> String {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/configuration.md"
    ))
    .unwrap();
    doc.split("```toml\n")
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .find(|block| block.contains("[[rule]]"))
        .expect("docs/configuration.md has an example rule pack")
        .to_string()
}

/// The check of the generated 10 MB agreement with the bundled rules, and with the
/// example rule pack added: the pack's rules should cost little more than the rules
/// they are.
fn rule_pack(c: &mut Criterion) {
    let bundled = Registry::bundled();
    let mut with_pack = Registry::bundled();
    with_pack
        .add("docs/configuration.md", &documented_pack())
        .unwrap();
    let options = options();
    let text = csa::gen::agreement(10_000_000, 1);
    let parsed = ast::parse(&text);
    let mut group = c.benchmark_group("rule-pack-10MB");
    group
        .throughput(Throughput::Bytes(text.len() as u64))
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    group.bench_function(BenchmarkId::new("check", "bundled"), |b| {
        b.iter(|| rules::check(&parsed.document, &bundled, &options))
    });
    group.bench_function(BenchmarkId::new("check", "bundled+pack"), |b| {
        b.iter(|| rules::check(&parsed.document, &with_pack, &options))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
    targets = startup, pipeline, rule_pack
}
criterion_main!(benches);
