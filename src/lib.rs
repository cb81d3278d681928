//! csa: check Community Safety Agreements against the law and the Police and Crime
//! Plan.
//!
//! Data flows one way: text → tree ([`syntax`]) → typed document ([`ast`]) →
//! findings ([`diagnostics`]) → renderers ([`cli`]).

pub mod analysis;
pub mod ast;
pub mod cli;
pub mod compare;
pub mod config;
pub mod diagnostics;
pub mod gen;
pub mod lsp;
pub mod publish;
pub mod render;
pub mod report;
pub mod robustness;
pub mod rules;
pub mod syntax;
pub mod text;
