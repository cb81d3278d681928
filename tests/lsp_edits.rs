//! 1,000 random incremental edits, applied as the language server applies them
//! (its source of the client's text, checks of snapshots of it with tree-sitter's
//! incremental reparse, and checks that more changes arrive during), end in exactly
//! the findings of opening the final text fresh.

use csa::lsp::Encoding;
use csa::robustness::Editing;
use csa::rules::{Options, Registry};
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};

/// A small deterministic generator (xorshift), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SNIPPETS: &[&str] = &[
    "",
    "x",
    "\n",
    "\n  ",
    ":",
    "@",
    "@priority ZZ: New",
    "  lead: Chair, Kent Police\n",
    "supports: MKS-P1, ",
    "themes: EIPE",
    "  - item\n",
    "£",
    "“quoted”",
    "😀",
    "\r\n",
    "# Heading\n",
    "// csa-ignore CSA201: ok\n",
    "  ",
    "-",
    "\t",
];

fn random_change(rng: &mut Rng, text: &str) -> TextDocumentContentChangeEvent {
    let lines = text.split('\n').count() as u32;
    let mut position = || Position {
        line: rng.below(lines as usize + 1) as u32,
        // Sometimes past the end of the line: clients may send that.
        character: rng.below(40) as u32,
    };
    let (a, b) = (position(), position());
    let (start, end) = if (a.line, a.character) <= (b.line, b.character) {
        (a, b)
    } else {
        (b, a)
    };
    // Mostly short ranges, like typing and deleting.
    let end = if rng.below(4) == 0 {
        end
    } else {
        Position {
            line: start.line,
            character: start.character + rng.below(3) as u32,
        }
    };
    TextDocumentContentChangeEvent {
        range: Some(Range { start, end }),
        range_length: None,
        text: SNIPPETS[rng.below(SNIPPETS.len())].to_string(),
    }
}

#[test]
fn a_thousand_random_edits_match_a_fresh_open() {
    let registry = Registry::bundled();
    let options = Options {
        as_of: csa::ast::Date::parse("2022-06-01"),
        ..Options::default()
    };
    let text = std::fs::read_to_string(format!(
        "{}/examples/kent-2022.csa",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    for (seed, encoding) in [(0x5eed_u64, Encoding::Utf16), (0xc5a_u64, Encoding::Utf8)] {
        let mut rng = Rng(seed);
        let mut editing = Editing::open(text.clone(), &registry, options.clone());
        for version in 2..1002 {
            let changes: Vec<_> = (0..1 + rng.below(2))
                .map(|_| random_change(&mut rng, &editing.source.text))
                .collect();
            // Mostly a check after each change; some changes arrive while a check
            // runs, some while none does.
            match rng.below(4) {
                0 => editing.check_during(version, changes, encoding),
                1 => assert!(editing.change(version, changes, encoding)),
                _ => {
                    assert!(editing.change(version, changes, encoding));
                    editing.check();
                }
            }
            assert!(editing
                .source
                .text
                .is_char_boundary(editing.source.text.len()));
        }
        editing.assert_as_fresh();
    }
}
