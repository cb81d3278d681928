//! Any bytes through the whole pipeline: parse, lower, check, and every renderer.
//! Nothing may panic, hang or lose a byte of the source.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    csa::robustness::exercise(text);
});
