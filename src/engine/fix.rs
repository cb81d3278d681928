//! Applying a document's fixes, the one way every front end does it: `csa check
//! --fix`, the language server's "fix all" and the browser's page.

use super::{check_one, Across, Input};
use crate::diagnostics::{syntax, Accepted, Diagnostic};
use crate::format::fix::{self, FixMode};
use crate::workspace::Sources;

/// What fixing a document gave.
#[derive(Debug, Clone)]
pub struct Fixed {
    /// The text after the fixes (the input's text when none applied or they were refused).
    pub text: String,
    /// Titles of the fixes applied, in order.
    pub applied: Vec<String>,
    /// The findings about the fixed text (about the input's text when nothing applied).
    pub diagnostics: Vec<Diagnostic>,
    /// The findings `// csa-ignore` comments accepted in the fixed text, when the
    /// text changed.
    pub accepted: Option<Vec<Accepted>>,
    /// Whether the fixes were refused because they would have made a line unreadable
    /// (more syntax errors after than before); `text` is then the input's.
    pub refused: bool,
}

/// Applies the fixes `mode` allows to `input`, checking again after each round.
/// `before` is the check of the text as given and `across` what the rules across
/// documents found about it (kept, since a check of one document cannot see them).
pub fn fix(
    input: &Input,
    sources: &dyn Sources,
    mode: FixMode,
    before: Vec<Diagnostic>,
    across: Across,
) -> Fixed {
    // The document's diagnostics, less the fixes of parts it uses from other documents
    // (they stand at its `@use` lines, not in its text).
    let check = |text: &str| -> Vec<Diagnostic> {
        let input = Input { text, ..*input };
        let again = check_one(&input, sources, Vec::new());
        let used: Vec<std::ops::Range<usize>> = again
            .prepared
            .resolution
            .used
            .iter()
            .map(|u| u.via.range())
            .collect();
        let mut diagnostics = again.diagnostics;
        for d in &mut diagnostics {
            let elsewhere = d.fix.as_ref().is_some_and(|f| {
                f.edits.iter().any(|e| {
                    let r = e.span.range();
                    used.iter().any(|u| r.start <= u.end && u.start <= r.end)
                })
            });
            if elsewhere {
                d.fix = None;
            }
        }
        diagnostics
    };
    let fixed = fix::fix(input.text, mode, check);
    let unchanged = |refused| Fixed {
        text: input.text.to_string(),
        applied: Vec::new(),
        diagnostics: before.clone(),
        accepted: None,
        refused,
    };
    if fixed.applied.is_empty() {
        return unchanged(false);
    }
    let after = check_one(
        &Input {
            text: &fixed.text,
            ..*input
        },
        sources,
        across,
    );
    let (after, accepted) = (after.diagnostics, after.accepted);
    let syntax_errors = |d: &[Diagnostic]| d.iter().filter(|d| syntax::is_syntax(&d.code)).count();
    if syntax_errors(&after) > syntax_errors(&before) {
        return unchanged(true);
    }
    Fixed {
        text: fixed.text,
        applied: fixed.applied,
        diagnostics: after,
        accepted: Some(accepted),
        refused: false,
    }
}
