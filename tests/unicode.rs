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
