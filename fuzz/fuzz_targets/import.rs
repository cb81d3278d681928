//! Any bytes imported as text, Word, PDF and OpenDocument: a draft that reads back
//! without a syntax error, or a clear error; never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    csa::robustness::import_any(data);
});
