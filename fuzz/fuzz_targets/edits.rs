//! A document edited as the language server edits one: the client's changes, checks
//! between them, and checks that start before more changes arrive and end after them
//! (`robustness::Editing`, the path `lsp::check` takes). The final check must equal
//! opening the final text fresh.

#![no_main]

use arbitrary::Arbitrary;
use csa::robustness::{edit_sequence, Step};
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
enum Action {
    Change(Vec<Edit>),
    Replace(String),
    Check,
    CheckDuring(Vec<Edit>),
}

#[derive(Arbitrary, Debug)]
struct Input {
    text: String,
    utf8: bool,
    actions: Vec<Action>,
}

fn edits(edits: &[Edit]) -> Vec<csa::robustness::Edit<'_>> {
    edits
        .iter()
        .map(|e| {
            (
                (e.start_line as u32, e.start_char as u32),
                (e.end_line as u32, e.end_char as u32),
                e.text.as_str(),
            )
        })
        .collect()
}

fuzz_target!(|input: Input| {
    let steps: Vec<Step> = input
        .actions
        .iter()
        .map(|a| match a {
            Action::Change(e) => Step::Change(edits(e)),
            Action::Replace(text) => Step::Replace(text),
            Action::Check => Step::Check,
            Action::CheckDuring(e) => Step::CheckDuring(edits(e)),
        })
        .collect();
    edit_sequence(&input.text, &steps, input.utf8);
});
