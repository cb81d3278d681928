//! Any document published (HTML, Word) and reported (HTML, Markdown, JSON, Word):
//! never a panic, and the Word files are written.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    csa::robustness::outputs(text);
});
