//! Files: the one room where documents come from and go to, below the front ends and
//! used by all of them. [`decode`] turns bytes into a document's text the same way
//! everywhere (the browser included); the disk's part (reading, finding the `.csa`
//! files of folders, writing whole or not at all, the configuration beside a
//! document) is only built with the native front ends.

#[cfg(feature = "native")]
mod atomic;
pub mod decode;
#[cfg(feature = "native")]
mod disk;

#[cfg(feature = "native")]
pub use atomic::write_atomic;
pub use decode::{decode, SourceError, MAX_SOURCE};
#[cfg(feature = "native")]
pub use disk::{
    discover, discover_within, find_config, import_path, normalise, read_source, write_output,
    FileSystem, Reach,
};
