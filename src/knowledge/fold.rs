//! Folding a name for lookup. The build script compiles this same file (to index the
//! successor bodies by name at build time), so the two can never fold differently.

/// A name folded for lookup: lower case, `&` read as `and`, punctuation dropped,
/// single spaces.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name
        .split(|c: char| !c.is_alphanumeric() && c != '&')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        if word == "&" {
            out.push_str("and");
        } else {
            out.extend(
                word.chars()
                    .flat_map(char::to_lowercase)
                    .filter(|&c| c != '&'),
            );
        }
    }
    out
}
