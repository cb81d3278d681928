//! Fragment ids for headings, so a table of contents can link to them.

use std::collections::HashMap;

/// Fragment ids for headings: lower-case words joined by hyphens, made unique.
#[derive(Default)]
pub struct Anchors {
    used: HashMap<String, usize>,
}

impl Anchors {
    /// A unique fragment id for `text`.
    pub fn make(&mut self, text: &str) -> String {
        let mut base: String = text
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        base = base
            .split('-')
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        if base.is_empty() || !base.starts_with(|c: char| c.is_ascii_alphabetic()) {
            base = format!("s-{base}");
        }
        let n = self.used.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            base
        } else {
            format!("{base}-{n}")
        }
    }
}
