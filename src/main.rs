//! The `csa` command.

/// See `mimalloc` in Cargo.toml: it keeps the cost of an allocation flat as documents
/// grow. Only the binary sets it; the library leaves the choice to its users (and to
/// the fuzz targets, whose sanitizer watches the system allocator).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    csa::cli::main()
}
