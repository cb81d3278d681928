//! Rewriting documents: the canonical layout (`csa fmt`, and formatting in editors),
//! applying fixes (`csa check --fix`), and writing the result back safely. Both keep
//! each line's ending and never change a word of prose or a comment.

pub mod diff;
pub mod endings;
pub mod fix;
mod layout;

pub use endings::LineEnding;
pub use layout::{format, FormatError};
