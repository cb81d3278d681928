//! `csa import` of the largest seed text (the 2015 scrutiny papers with the Kent CSA
//! 2014-17, 62 KB): reading, recognising and writing the draft, then parsing it as
//! the command does. The goal is under 100 ms; docs/import.md records the number.
//!
//! `cargo bench --bench import`

/// The allocator the `csa` binary uses (`src/main.rs`), so the numbers are those of
/// the command.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::{Duration, Instant};

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");
    let mut largest: Option<(u64, std::path::PathBuf)> = None;
    for entry in std::fs::read_dir(dir).expect("the import fixtures") {
        let path = entry.expect("a fixture").path();
        let size = std::fs::metadata(&path).expect("its size").len();
        if path.extension().is_some_and(|e| e == "txt")
            && largest.as_ref().is_none_or(|(s, _)| size > *s)
        {
            largest = Some((size, path));
        }
    }
    let (size, path) = largest.expect("a seed text");
    let runs = 50;
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let result = csa::files::import_path(&path).expect("the seed imports");
            let parsed = csa::ast::parse(&result.csa);
            std::hint::black_box((result, parsed));
            start.elapsed()
        })
        .collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "import {} ({} KB): median {:.2} ms, slowest {:.2} ms over {runs} runs (goal: under 100 ms)",
        path.file_name().unwrap().to_string_lossy(),
        size / 1000,
        ms(times[runs / 2]),
        ms(times[runs - 1]),
    );
}
