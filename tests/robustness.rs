//! Whatever people type, csa never panics, hangs or loses text: odd Unicode, lone
//! carriage returns, deep indentation, very long lines, huge numbers, and every input
//! a fuzzer ever found (`tests/fixtures/robustness/`).

use csa::robustness::{edit_sequence, exercise, Step};
use proptest::prelude::*;

#[test]
fn every_saved_fuzz_input_passes() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/robustness");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        if let Ok(text) = std::str::from_utf8(&bytes) {
            exercise(text);
            count += 1;
        }
    }
    assert!(count > 0);
}

#[test]
fn odd_unicode_and_line_endings() {
    for text in [
        "@priority DA: Domestic Abuse\u{301}\u{301}\u{301}\n  lead: Chair\u{200d}, Kent Police\n",
        "@theme T: \u{202e}esrever\u{202c} text\n  note: שלום עליכם\n",
        "@agreement: 😀😀😀\n  area: 👩‍👩‍👧‍👦\n",
        "@priority DA: x\r  lead: y\r\r\n\r",
        "\r\r\r",
        "\u{feff}@agreement: BOM first\n",
        "@priority\u{a0}DA: non-breaking space\n",
        "@\n@\n@@@\n  :\n  - \n  x y z\n",
        "@assessment: A\n  partnerships: 99999999999999999999999999\n  issue 184467440737095516160: overflow\n",
        "\0\0@priority DA: nul\n",
    ] {
        exercise(text);
    }
}

/// Deep indentation and a very long line are read, checked and rendered like any
/// other text. How the time grows with them is measured by `cargo bench --bench
/// scaling` (docs/performance.md), not by a clock in a test.
#[test]
fn deep_indentation_and_long_lines_are_read_and_checked() {
    let deep: String = (0..1_000)
        .map(|i| format!("{}objective O{i}: x\n", " ".repeat(i + 2)))
        .collect();
    let long_line = format!(
        "@priority DA: {}\n  includes: {}\n",
        "word ".repeat(40_000),
        "a,".repeat(40_000)
    );
    for text in [format!("@plan P: x\n{deep}"), long_line] {
        exercise(&text);
    }
    // The first objective is the plan's; the next, indented under it, is reported
    // where it stands (line 3), and the rest are inside what it holds.
    let parsed = csa::ast::parse(&format!("@plan P: x\n{deep}"));
    assert_eq!(parsed.document.plans[0].objectives.len(), 1);
    let lines: Vec<u32> = parsed
        .diagnostics
        .iter()
        .map(|d| d.span.start.line + 1)
        .collect();
    assert_eq!(lines, [3], "{:?}", parsed.diagnostics);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        exercise(&text);
    }

    #[test]
    fn structured_noise_never_panics(lines in prop::collection::vec(
        prop_oneof![
            Just("@priority DA: Domestic Abuse".to_string()),
            Just("  lead: Chair, Kent Police".to_string()),
            Just("  supports: MKS-1, MKS-2,, ".to_string()),
            Just("@plan MKS: Plan".to_string()),
            Just("  objective MKS-1: x".to_string()),
            Just("    not-adopted: y".to_string()),
            Just("@action-plan DA".to_string()),
            Just("  aim \"Page 3\": z".to_string()),
            Just("    themes: T".to_string()),
            Just("// csa-ignore CSA201: why".to_string()),
            "[@#/ \\t:\\-a-zA-Z0-9£😀\u{301}\r]{0,20}",
        ],
        0..40,
    )) {
        exercise(&lines.join("\n"));
    }

    #[test]
    fn random_edits_match_a_fresh_open(
        text in "[@a-z :\\n\\-]{0,80}",
        edits in prop::collection::vec(((0u32..6, 0u32..12), (0u32..6, 0u32..12), "[@a-z :\\n£😀]{0,4}", 0u8..4), 0..12),
        utf8 in any::<bool>(),
    ) {
        // Each edit is its own version; the fourth value says what the server does
        // then: nothing, a check after it, or a check that the edit arrives during.
        let steps: Vec<Step> = edits
            .iter()
            .flat_map(|(s, e, t, then)| {
                let edit = (*s, *e, t.as_str());
                match then {
                    0 => vec![Step::Change(vec![edit])],
                    1 => vec![Step::Change(vec![edit]), Step::Check],
                    2 => vec![Step::CheckDuring(vec![edit])],
                    _ => vec![Step::Replace(t.as_str()), Step::Check],
                }
            })
            .collect();
        edit_sequence(&text, &steps, utf8);
    }
}

/// The promises of the import and output fuzz targets, held on the examples, the
/// real-document fixtures and the import fixtures, so that `cargo test` keeps them
/// between fuzz runs.
#[test]
fn every_example_publishes_and_reports_and_every_import_fixture_imports() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut documents = 0;
    for dir in [
        "examples",
        "tests/fixtures/plans",
        "tests/fixtures/knowledge",
    ] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "csa") {
                csa::robustness::outputs(&std::fs::read_to_string(&path).unwrap());
                documents += 1;
            }
        }
    }
    assert!(documents >= 10);
    let mut imports = 0;
    for dir in [
        "tests/fixtures/import",
        "tests/fixtures/import/real",
        "tests/fixtures/import/fuzz",
    ] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                csa::robustness::import_any(&std::fs::read(&path).unwrap());
                imports += 1;
            }
        }
    }
    assert!(imports >= 20);
}
