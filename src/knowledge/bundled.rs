//! The files of rules and data bundled with csa, embedded at build time as written
//! (TOML) and compiled to JSON, which csa reads several times faster at start-up.
//!
//! Which files are bundled is said once, in `bundled/list.rs`; `build.rs` reads that
//! list and writes the code below that embeds them.

mod list;

pub use list::{DATA_FILES, RULE_FILES};

/// A bundled data file.
#[derive(Debug, Clone, Copy)]
pub struct DataFile {
    /// Its path in the repository, for messages.
    pub path: &'static str,
    /// Its text as written.
    pub toml: &'static str,
    /// The same, compiled to JSON.
    pub json: &'static str,
}

// `RULES_TOML` and `RULES_JSON` (path and text of each rule file, in the order of
// `RULE_FILES`), and one `DataFile` constant for each of `DATA_FILES`.
include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
