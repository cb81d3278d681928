//! `csa diff`: comparing two versions of a generated agreement of 100 KB, 1 MB and
//! 4 MB, to show that the comparison grows linearly with the documents. The two
//! versions are generated from different seeds, so most things differ and every
//! pairing step (ids, titles, alike titles, paragraphs) has work to do. Criterion
//! prints time and throughput (MB/s of the new version).
//!
//! `cargo bench --bench diff`.

/// The allocator the `csa` binary uses (`src/main.rs`), so the numbers are those of
/// the command.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn diff(c: &mut Criterion) {
    for (label, size) in [("100KB", 100_000), ("1MB", 1_000_000), ("4MB", 4_000_000)] {
        let old = csa::ast::parse(&csa::gen::agreement(size, 1)).document;
        let text = csa::gen::agreement(size, 2);
        let new = csa::ast::parse(&text).document;
        let mut group = c.benchmark_group(format!("diff-{label}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(if size > 2_000_000 { 10 } else { 4 }));
        group.bench_function(BenchmarkId::new("compare", ""), |b| {
            b.iter(|| csa::compare::compare(&old, &new))
        });
        group.bench_function(BenchmarkId::new("compare-and-row", ""), |b| {
            b.iter(|| {
                let cmp = csa::compare::compare(&old, &new);
                csa::compare::draft_row(&cmp, &new)
            })
        });
        group.finish();
    }
}

criterion_group!(benches, diff);
criterion_main!(benches);
