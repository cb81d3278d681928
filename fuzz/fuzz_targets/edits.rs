//! A document and a series of incremental edits, applied as the language server
//! applies them: the result must equal opening the final text fresh.

#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Edit {
    start_line: u8,
    start_char: u8,
    end_line: u8,
    end_char: u8,
    text: String,
}

#[derive(Arbitrary, Debug)]
struct Input {
    text: String,
    utf8: bool,
    edits: Vec<Edit>,
}

fuzz_target!(|input: Input| {
    let edits = input
        .edits
        .iter()
        .map(|e| ((e.start_line as u32, e.start_char as u32), (e.end_line as u32, e.end_char as u32), e.text.as_str()))
        .collect::<Vec<_>>();
    csa::robustness::edit_sequence(&input.text, &edits, input.utf8);
});
