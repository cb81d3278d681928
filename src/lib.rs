//! csa: check Community Safety Agreements against the law and the Police and Crime
//! Plan.
//!
//! Data flows one way: text → tree ([`syntax`]) → typed document ([`ast`]) →
//! findings ([`rules`], run for every front end by [`engine`]) → renderers.
//!
//! The modules are rooms on floors, each using only its own floor and those below
//! (`tests/layering.rs` holds the order and fails on an import that runs upward;
//! `docs/architecture.md` draws it):
//!
//! 1. text and syntax: [`text`], [`diagnostics`], [`syntax`];
//! 2. the typed model: [`ast`], and [`compare`] (two models side by side);
//! 3. knowledge: [`knowledge`] (places, bodies, plans, the law's dates);
//! 4. rules: [`rules`];
//! 5. document operations: [`engine`], [`workspace`], [`config`], [`format`],
//!    [`import`], [`publish`], [`report`], [`render`], [`analysis`], [`gen`];
//! 6. files: [`files`] (bytes to text for all; the disk for the native front ends);
//! 7. front ends: `cli`, `lsp` (and `robustness`, the fuzzers' harness), built with
//!    the `native` feature; the browser's bindings build on the floors below alone.

pub mod analysis;
pub mod ast;
#[cfg(feature = "native")]
pub mod cli;
pub mod compare;
pub mod config;
pub mod diagnostics;
pub mod engine;
pub mod files;
pub mod format;
pub mod gen;
pub mod import;
pub mod knowledge;
#[cfg(feature = "native")]
pub mod lsp;
pub mod publish;
pub mod render;
pub mod report;
#[cfg(feature = "native")]
pub mod robustness;
pub mod rules;
pub mod syntax;
pub mod text;
pub mod workspace;
