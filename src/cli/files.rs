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

/// `path` as one word a shell reads back as the same path, for commands csa suggests:
/// quoted when it holds a space, `&` or anything else a shell would act on (single
/// quotes for POSIX shells and PowerShell; double quotes on Windows, where `cmd`
/// reads only those).
pub fn shell_word(path: &std::path::Path) -> String {
    let text = path.display().to_string();
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:@%+=,\\".contains(c));
    if plain {
        return text;
    }
    if cfg!(windows) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::shell_word;
    use std::path::Path;

    #[test]
    fn a_path_a_shell_would_split_or_act_on_is_quoted() {
        assert_eq!(shell_word(Path::new("plans/kent.csa")), "plans/kent.csa");
        #[cfg(unix)]
        {
            assert_eq!(
                shell_word(Path::new("My Plans/a&b.csa")),
                "'My Plans/a&b.csa'"
            );
            assert_eq!(shell_word(Path::new("it's.csa")), "'it'\\''s.csa'");
        }
    }
}
