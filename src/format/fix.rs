//! Applying the fixes the checks compute, as ruff does: safe fixes by default, unsafe
//! ones on request, display-only ones never. After each round the document is parsed
//! and checked again, since one fix can change what the next one should be; the
//! rounds stop when nothing more applies.

use crate::diagnostics::{Applicability, Diagnostic};

use super::endings::LineEnding;

/// Which fixes may be applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// Only fixes that cannot change the meaning.
    Safe,
    /// Safe fixes and those a person should look over (`--unsafe-fixes`).
    Unsafe,
}

impl FixMode {
    /// Whether a fix of this applicability may be applied.
    pub fn allows(self, applicability: Applicability) -> bool {
        match applicability {
            Applicability::Safe => true,
            Applicability::Unsafe => self == FixMode::Unsafe,
            Applicability::DisplayOnly => false,
        }
    }
}

/// The document after fixing.
#[derive(Debug, Clone)]
pub struct Fixed {
    /// The fixed text.
    pub text: String,
    /// The titles of the fixes applied, in the order applied.
    pub applied: Vec<String>,
}

/// The most rounds of fixing; each round applies every fix that does not overlap
/// another, so a document needs few.
const MAX_ROUNDS: usize = 10;

/// Applies the fixes `check` finds in `text`, round after round.
pub fn fix(text: &str, mode: FixMode, check: impl Fn(&str) -> Vec<Diagnostic>) -> Fixed {
    let ending = LineEnding::of(text);
    // A fix inserts a field where it can (after the block's header); a document that
    // was laid out the canonical way is laid out again after fixing, so that
    // `csa fmt --check` accepts what `csa check --fix` wrote.
    let was_formatted = super::format(text).is_ok_and(|f| f == text);
    let mut text = text.to_string();
    let mut applied = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let diagnostics = check(&text);
        let (next, titles) = apply_round(&text, &diagnostics, mode, ending);
        if titles.is_empty() || next == text {
            break;
        }
        text = next;
        applied.extend(titles);
    }
    if was_formatted && !applied.is_empty() {
        if let Ok(formatted) = super::format(&text) {
            text = formatted;
        }
    }
    Fixed { text, applied }
}

/// Applies every allowed fix in `diagnostics` whose edits overlap no fix taken
/// before it; returns the new text and the titles of the fixes taken.
fn apply_round(
    text: &str,
    diagnostics: &[Diagnostic],
    mode: FixMode,
    ending: LineEnding,
) -> (String, Vec<String>) {
    let mut fixes: Vec<_> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| mode.allows(f.applicability) && !f.edits.is_empty())
        .collect();
    fixes.sort_by_key(|f| f.edits.iter().map(|e| e.span.start.offset).min());
    let mut taken: Vec<(usize, usize, String)> = Vec::new();
    let mut titles = Vec::new();
    for fix in fixes {
        let ranges: Vec<_> = fix.edits.iter().map(|e| e.span.range()).collect();
        let valid = ranges.iter().all(|r| {
            r.start <= r.end
                && r.end <= text.len()
                && text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end)
        });
        let overlaps = taken.iter().any(|(s, e, _)| {
            ranges
                .iter()
                .any(|r| r.start < *e && *s < r.end || (r.start == *s && r.end == *e))
        });
        if !valid || overlaps {
            continue;
        }
        for edit in &fix.edits {
            taken.push((
                edit.span.start.offset,
                edit.span.end.offset,
                ending.adapt(&edit.replacement),
            ));
        }
        titles.push(fix.title.clone());
    }
    taken.sort_by_key(|(s, e, _)| (*s, *e));
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0;
    for (start, end, replacement) in taken {
        out.push_str(&text[cursor..start]);
        out.push_str(&replacement);
        cursor = end;
    }
    out.push_str(&text[cursor..]);
    (out, titles)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Edit, Fix, Severity};
    use crate::text::LineIndex;

    fn finding(
        text: &str,
        range: std::ops::Range<usize>,
        with: &str,
        a: Applicability,
    ) -> Diagnostic {
        let index = LineIndex::new(text);
        Diagnostic::new(
            "CSA999",
            "test",
            Severity::Error,
            index.span(text, 0, 0),
            "m",
        )
        .with_fix(Fix {
            title: format!("write {with}"),
            applicability: a,
            edits: vec![Edit {
                span: index.span(text, range.start, range.end),
                replacement: with.to_string(),
            }],
        })
    }

    /// A check that wants every `x` replaced, by a fix of the given applicability.
    fn xs(a: Applicability) -> impl Fn(&str) -> Vec<Diagnostic> {
        move |text: &str| {
            text.match_indices('x')
                .map(|(i, _)| finding(text, i..i + 1, "y\n", a))
                .collect()
        }
    }

    #[test]
    fn safe_fixes_apply_and_keep_crlf() {
        let fixed = fix("ax\r\nbx\r\n", FixMode::Safe, xs(Applicability::Safe));
        assert_eq!(fixed.text, "ay\r\n\r\nby\r\n\r\n");
        assert_eq!(fixed.applied.len(), 2);
    }

    #[test]
    fn unsafe_fixes_need_asking_and_display_only_never_apply() {
        assert_eq!(
            fix("ax", FixMode::Safe, xs(Applicability::Unsafe)).text,
            "ax"
        );
        assert_eq!(
            fix("ax", FixMode::Unsafe, xs(Applicability::Unsafe)).text,
            "ay\n"
        );
        assert_eq!(
            fix("ax", FixMode::Unsafe, xs(Applicability::DisplayOnly)).text,
            "ax"
        );
    }

    #[test]
    fn a_fix_that_never_settles_stops_after_the_last_round() {
        // Each round adds an `x` that asks for another round.
        let grow = |text: &str| vec![finding(text, 0..0, "x", Applicability::Safe)];
        let fixed = fix("", FixMode::Safe, grow);
        assert_eq!(fixed.applied.len(), MAX_ROUNDS);
    }
}
