//! Text whose length changes when lower-cased (the Kelvin sign `K`, `İ`, `ẞ`) never
//! makes csa slice a text at the wrong place: a place found in the lower-cased text
//! is turned back into a place of the original ([`matching::Folded`]), and whatever
//! an officer pastes, the importer and the checks neither panic nor misread.

use csa::text::matching::Folded;
use proptest::prelude::*;

/// Characters whose lower case is longer, shorter or several characters, among
/// plain words the importer looks for.
fn tricky() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "\u{212A}",
            "\u{0130}",
            "\u{1E9E}",
            "\u{03A3}",
            "É",
            "ß",
            "ﬁ",
            "Ω",
            "\u{2126}",
            "a",
            " ",
            "-",
            ".",
            ":",
            "'",
            "priorities",
            " included ",
            "cross-cutting theme",
            "Priority 1: ",
            "\n",
            ", ",
            " and ",
            "Safer",
            "\u{212A}ent",
        ]),
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_place_in_the_lower_cased_text_is_a_place_in_the_original(text in any::<String>()) {
        let folded = Folded::new(&text);
        for at in 0..=folded.lower.len() {
            let origin = folded.origin(at);
            prop_assert!(text.is_char_boundary(origin), "{at} -> {origin} in {text:?}");
        }
        prop_assert_eq!(folded.origin(folded.lower.len()), text.len());
    }

    #[test]
    fn a_found_word_is_that_word_in_the_original(text in tricky()) {
        let folded = Folded::new(&text);
        if let Some(at) = folded.find("priorities") {
            prop_assert!(text[at..].to_lowercase().starts_with("priorities"), "{text:?} at {at}");
        }
    }

    #[test]
    fn the_importer_reads_any_such_text_without_panicking(text in tricky()) {
        let result = csa::import::import_text(&text);
        let parsed = csa::ast::parse(&result.csa);
        prop_assert!(
            parsed.diagnostics.iter().all(|d| !csa::diagnostics::syntax::is_syntax(&d.code)),
            "{:?}\n{}", parsed.diagnostics, result.csa
        );
    }
}

/// The line that once panicked ("start byte index 11 is not a char boundary"):
/// a Kelvin sign before the words the importer looks for, accented names after.
#[test]
fn a_kelvin_sign_before_the_priorities_does_not_shift_what_is_read() {
    let text = "\u{212A}ent's priorities included Éclair Partnership, Ärger Reduction, Öffentliche Sicherheit and Ünity Work.\n";
    let result = csa::import::import_text(text);
    assert!(result.csa.contains("Éclair Partnership"), "{}", result.csa);
    assert!(result.csa.contains("Ünity Work"), "{}", result.csa);
}

#[test]
fn a_sentence_of_how_the_plan_was_made_after_letters_that_change_length_in_lower_case() {
    // The Kelvin sign is three bytes and its lower case one: a place found in a
    // fully lower-cased copy is two bytes off in the sentence.
    for (text, field) in [
        (
            "Plan\n\n\u{212A}: This plan was approved by the Safer Anytown Partnership on 12 March 2025.\n",
            "approved: Safer Anytown Partnership, 2025-03-12",
        ),
        (
            "Plan\n\n\u{212A}: The plan was scrutinised by the Communities Scrutiny Committee on 17 September 2024.\n",
            "scrutinised: 2024-09-17",
        ),
        (
            "Plan\n\n\u{212A}: A copy of the plan was sent to the Police and Crime Commissioner on 12 April 2024.\n",
            "sent-to-pcc: 2024-04-12",
        ),
    ] {
        let imported = csa::import::import_text(text);
        assert!(imported.csa.contains(field), "{field}\n{}", imported.csa);
    }
    // Names split at an "and" after such letters keep their own letters.
    let imported = csa::import::import_text("Plan\n\nThe partnership includes \u{212A}\u{212A} Council, \u{212A}\u{212A} Police, \u{212A}\u{212A} Fire and Rescue and the NHS and \u{212A}\u{212A} Homes.\n");
    assert!(
        imported.csa.contains("\u{212A}\u{212A} Police"),
        "{}",
        imported.csa
    );
}
