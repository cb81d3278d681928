//! The unified diff `--diff` prints: what would change, with three lines of context.

/// A unified diff from `old` to `new`, labelled with `path`; empty when they are equal.
pub fn unified(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(path, &format!("{path} (after)"))
        .to_string()
}
