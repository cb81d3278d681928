//! Latency of the language server as an author types: from sending a `didChange` to
//! receiving the `publishDiagnostics` for that version, through the real `csa lsp`
//! binary over stdio. Prints the median and 95th percentile for the Kent 2022
//! agreement and for a generated 1 MB agreement.
//!
//! `cargo bench --bench lsp_latency`

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use serde_json::json;
use support::{uri, Client};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn measure(name: &str, text: &str, edits: usize) {
    let mut client = Client::start(env!("CARGO_BIN_EXE_csa"));
    client.initialize(json!({}), json!({ "asOf": "2024-01-01" }));
    let doc = uri(name);
    client.open(&doc, text);
    client.diagnostics(&doc);
    // Type and delete a character at the end of a line half-way down, as an author
    // editing in the middle of the document would.
    let line = text.lines().count() / 2;
    let column = text
        .lines()
        .nth(line)
        .map_or(0, |l| l.encode_utf16().count());
    let mut times = Vec::with_capacity(edits);
    for i in 0..edits {
        let version = i as i64 + 2;
        let at = json!({ "line": line, "character": column });
        let change = if i % 2 == 0 {
            json!({ "range": { "start": at, "end": at }, "text": "x" })
        } else {
            json!({ "range": { "start": at, "end": { "line": line, "character": column + 1 } }, "text": "" })
        };
        let start = Instant::now();
        client.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": doc, "version": version }, "contentChanges": [change] }),
        );
        let published = client.diagnostics(&doc);
        times.push(start.elapsed());
        assert_eq!(published["version"], version);
    }
    client.take("window/logMessage");
    client.take("client/registerCapability");
    client.shutdown();
    times.sort();
    println!(
        "{name:<24} {:>8} bytes  {edits:>4} edits  median {:>8.2} ms  p95 {:>8.2} ms  max {:>8.2} ms",
        text.len(),
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.95).as_secs_f64() * 1e3,
        times.last().unwrap().as_secs_f64() * 1e3,
    );
}

fn main() {
    let kent = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/kent-2022.csa"
    ))
    .unwrap();
    measure("kent-2022.csa", &kent, 200);
    measure("generated-1MB.csa", &csa::gen::agreement(1_000_000, 1), 40);
}
