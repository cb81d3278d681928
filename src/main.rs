//! The `csa` command.

fn main() -> std::process::ExitCode {
    csa::cli::main()
}
