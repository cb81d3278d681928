//! `csa import` of the largest seed text (the 2015 scrutiny papers with the Kent CSA
//! 2014-17, 62 KB): reading, recognising and writing the draft, then parsing it as
//! the command does. The goal is under 100 ms; docs/import.md records the number.
//! Then a 20 MB text (the seed texts and the plans of other areas, repeated), whose
//! goal is under 2 s: a whole year's papers pasted into one file.
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

    // 20 MB: every fixture text, repeated.
    let mut text = String::new();
    let mut pieces = Vec::new();
    for d in [dir.to_string(), format!("{dir}/real")] {
        for entry in std::fs::read_dir(&d).expect("the import fixtures") {
            let path = entry.expect("a fixture").path();
            if path.extension().is_some_and(|e| e == "txt") {
                pieces.push(std::fs::read_to_string(&path).expect("a text fixture"));
            }
        }
    }
    while text.len() < 20_000_000 {
        for p in &pieces {
            text.push_str(p);
            text.push_str("\n\n");
        }
    }
    let runs = 3;
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let result =
                csa::import::import_bytes("year.txt", text.as_bytes()).expect("it imports");
            std::hint::black_box(result);
            start.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "import of a {} MB text: median {:.0} ms, slowest {:.0} ms over {runs} runs (goal: under 2000 ms)",
        text.len() / 1_000_000,
        ms(times[runs / 2]),
        ms(times[runs - 1]),
    );
}
