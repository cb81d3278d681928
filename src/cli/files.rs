//! What every command does with files and dates on the command line: the disk's
//! functions from [`crate::files`], and the one way an error about them is printed.

pub use crate::files::{discover, read_source, write_output, SourceError};

/// Prints an error and its hint to standard error, as every command does.
pub fn report(err: &SourceError) {
    eprintln!("error: {err}\n  help: {}", err.hint());
}

/// Reads `--as-of DATE`: `Ok(None)` when not given, `Err(())` (the error printed) when
/// it is not a full date.
pub fn as_of(arg: Option<&str>) -> Result<Option<crate::ast::Date>, ()> {
    match arg.map(|s| (s, crate::ast::Date::parse(s).filter(|d| d.day.is_some()))) {
        None => Ok(None),
        Some((_, Some(date))) => Ok(Some(date)),
        Some((text, None)) => {
            eprintln!("error: `--as-of {text}` is not a date\n  help: write it as YYYY-MM-DD, such as 2024-04-01");
            Err(())
        }
    }
}
