//! The `csa` command.

use std::ffi::{c_int, c_long};

/// See `mimalloc` in Cargo.toml: it keeps the cost of an allocation flat as documents
/// grow. Only the binary sets it; the library leaves the choice to its users (and to
/// the fuzz targets, whose sanitizer watches the system allocator).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

extern "C" {
    /// mimalloc's `mi_option_set` (mimalloc.h).
    fn mi_option_set(option: c_int, value: c_long);
}

/// `mi_option_purge_delay` in mimalloc.h (the same in versions 2 and 3): how long freed
/// memory is kept before it is given back to the system.
const MI_OPTION_PURGE_DELAY: c_int = 15;

fn main() -> std::process::ExitCode {
    // Give freed memory back at once: a check builds its model, then frees the parse
    // behind it, and kept memory would count twice in the peak (on the 10 MB agreement,
    // 110 MB resident rather than 83 MB; no slower).
    // SAFETY: sets a plain integer option of the allocator linked into this binary.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    csa::cli::main()
}
