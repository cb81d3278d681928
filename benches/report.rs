//! `csa report` and `csa publish` in process on the Kent 2022 agreement: the report
//! (parse, check, coverage, alignment, decisions, comparison with 2018) and its
//! HTML, Markdown and JSON; the published agreement as HTML and .docx. The goal for
//! the report on kent-2022 is under 50 ms; docs/performance.md records the numbers.
//!
//! `cargo bench --bench report`

/// The allocator the `csa` binary uses (`src/main.rs`), so the numbers are those of
/// the command.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};

use csa::ast;
use csa::publish;
use csa::report::{self, Report};
use csa::rules::{Options, Registry};

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn bench(c: &mut Criterion) {
    let registry = Registry::bundled();
    let options = Options {
        as_of: ast::Date::parse("2024-01-01"),
        ..Options::default()
    };
    let source = read("kent-2022.csa");
    let options = Options {
        previous: Some(std::sync::Arc::new(csa::compare::Previous {
            path: "examples/kent-2018.csa".to_string(),
            document: ast::parse(&read("kent-2018.csa")).document,
        })),
        ..options
    };
    let setup = csa::engine::Setup::bundled();
    let build = || Report {
        schema: report::SCHEMA,
        documents: vec![report::of(
            std::path::Path::new("examples/kent-2022.csa"),
            &source,
            &setup,
            &options,
            &csa::files::FileSystem,
        )],
    };
    let mut group = c.benchmark_group("kent-2022");
    group.measurement_time(Duration::from_secs(3));
    group.bench_function("report (model)", |b| b.iter(build));
    group.bench_function("report --format html", |b| {
        b.iter(|| report::html::page(&build()))
    });
    group.bench_function("report --format md", |b| {
        b.iter(|| report::md::markdown(&build()))
    });
    group.bench_function("report --format json", |b| {
        b.iter(|| report::json(&build()))
    });
    group.bench_function("publish --to html", |b| {
        b.iter(|| {
            let doc = ast::parse(&source).document;
            publish::html::page(&publish::publish(&source, &doc, &registry.law, "kent"), "")
        })
    });
    group.bench_function("publish --to docx", |b| {
        b.iter(|| {
            let doc = ast::parse(&source).document;
            publish::docx::docx(&publish::publish(&source, &doc, &registry.law, "kent")).unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
