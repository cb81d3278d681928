//! The one list of the files bundled with csa. build.rs reads it (through `#[path]`) to
//! compile each file to JSON and to write the code that embeds them
//! (`$OUT_DIR/bundled.rs`, included by `knowledge::bundled`), so bundling another file
//! is one line here. Each name is a file `rules/NAME.toml`.

/// Rule files: `[[rule]]` entries (and law or knowledge, as a rule pack may carry),
/// read in this order.
pub const RULE_FILES: &[&str] = &[
    "rules",
    "rules-knowledge",
    "rules-workspace",
    "rules-trust",
    "rules-diff",
];

/// Data files, each read by its own code: the law, and the knowledge of places,
/// successor bodies and Police and Crime Plans. The code reads each through a
/// constant named after it (`law` → `LAW`, `pcc-plans` → `PCC_PLANS`).
pub const DATA_FILES: &[&str] = &["law", "gazetteer", "successors", "pcc-plans", "statutory"];
