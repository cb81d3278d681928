//! Finding `.csa` files and reading them as UTF-8 text, with errors that say where
//! and what to do.

use std::collections::HashSet;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest source csa reads (64 MiB): far more than any agreement, small enough
/// that checking it cannot exhaust memory.
pub const MAX_SOURCE: u64 = 64 << 20;

/// Why a source could not be read.
#[derive(Debug)]
pub enum SourceError {
    /// The operating system refused (missing file, no permission, ...).
    Io(PathBuf, std::io::Error),
    /// The bytes are not UTF-8; `line` and `column` (from 1) locate the first bad byte.
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Line of the first bad byte, from 1.
        line: usize,
        /// Column (in bytes) of the first bad byte, from 1.
        column: usize,
    },
    /// The file is UTF-16 text (it starts with a UTF-16 byte-order mark, or every
    /// other byte of its start is NUL).
    Utf16(PathBuf),
    /// The file (or device) holds more than [`MAX_SOURCE`] bytes.
    TooLarge(PathBuf),
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceError::Io(path, err) => {
                write!(f, "cannot read `{}`: {}", path.display(), io_reason(err))
            }
            SourceError::NotUtf8 { path, line, column } => write!(
                f,
                "`{}` is not UTF-8 text (the first bad byte is at line {line}, column {column})",
                path.display()
            ),
            SourceError::Utf16(path) => {
                write!(f, "`{}` is UTF-16 text; csa reads UTF-8", path.display())
            }
            SourceError::TooLarge(path) => write!(
                f,
                "`{}` is larger than {} MiB, more than any agreement could be",
                path.display(),
                MAX_SOURCE >> 20
            ),
        }
    }
}

impl SourceError {
    /// What the user can do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            SourceError::Io(_, err) => match err.kind() {
                std::io::ErrorKind::NotFound => "check the path; run the command from the folder that holds the file",
                std::io::ErrorKind::PermissionDenied => "ask for read access to the file, or copy it somewhere you can read",
                _ => "check that the path names a readable file",
            },
            SourceError::TooLarge(_) => {
                "check that the path names the agreement's text file, not a device or another kind of file"
            }
            SourceError::NotUtf8 { .. } | SourceError::Utf16(_) => {
                "save the file as UTF-8 (in Word: Save As → Plain Text → Unicode (UTF-8); in most editors: Save with Encoding → UTF-8)"
            }
        }
    }
}

fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    }
}

/// Reads `path` as UTF-8 text, refusing more than [`MAX_SOURCE`] bytes (so a device
/// such as `/dev/zero` is an error, not an endless read).
pub fn read_source(path: &Path) -> Result<String, SourceError> {
    let io = |e| SourceError::Io(path.to_path_buf(), e);
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(io(std::io::Error::other("it is a folder, not a file")));
    }
    if meta.len() > MAX_SOURCE {
        return Err(SourceError::TooLarge(path.to_path_buf()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_SOURCE + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_SOURCE {
        return Err(SourceError::TooLarge(path.to_path_buf()));
    }
    if is_utf16(&bytes) {
        return Err(SourceError::Utf16(path.to_path_buf()));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..valid].iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = bytes[..valid]
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        SourceError::NotUtf8 {
            path: path.to_path_buf(),
            line,
            column: valid - line_start + 1,
        }
    })
}

/// Whether `bytes` look like UTF-16: a UTF-16 byte-order mark, or text whose first
/// characters each have a NUL byte (ASCII saved as UTF-16, without a mark).
fn is_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let start = &bytes[..bytes.len().min(64) & !1];
    start.len() >= 4
        && (start.chunks(2).all(|c| c[1] == 0 && c[0] != 0)
            || start.chunks(2).all(|c| c[0] == 0 && c[1] != 0))
}

/// How much of a folder tree a search may read.
#[derive(Debug, Clone, Copy)]
pub struct Reach {
    /// Folders it may open.
    pub folders: usize,
    /// `.csa` files it may find.
    pub files: usize,
    /// Whether it passes over hidden folders (`.git`) and tools' folders
    /// (`node_modules`, `target`), where no partnership keeps its documents.
    pub skip_tool_folders: bool,
}

impl Reach {
    /// Everything: what `csa check` reads of the folders it is given.
    pub const ALL: Reach = Reach {
        folders: usize::MAX,
        files: usize::MAX,
        skip_tool_folders: false,
    };
}

/// The `.csa` files named by `paths`: files as given, folders searched (sorted, not
/// following links to folders, so a link loop cannot trap the search).
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<SourceError>) {
    let (files, errors, _) = discover_within(paths, Reach::ALL);
    (files, errors)
}

/// [`discover`] within `reach`; also says whether the search stopped at its limits
/// (the files found until then are returned).
pub fn discover_within(paths: &[PathBuf], reach: Reach) -> (Vec<PathBuf>, Vec<SourceError>, bool) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut left = Left { reach, cut: false };
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut files, &mut errors, &mut left),
            Ok(_) => files.push(path.clone()),
            Err(e) => errors.push(SourceError::Io(path.clone(), e)),
        }
    }
    let cut = left.cut;
    // A file reached twice (named twice, or through a symbolic link) is checked once,
    // under the first name it was reached by.
    let mut seen = HashSet::new();
    files.retain(|path| seen.insert(std::fs::canonicalize(path).unwrap_or_else(|_| path.clone())));
    (files, errors, cut)
}

/// What a search may still read, and whether it has passed anything by.
struct Left {
    reach: Reach,
    cut: bool,
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<SourceError>, left: &mut Left) {
    if left.reach.folders == 0 {
        left.cut = true;
        return;
    }
    left.reach.folders -= 1;
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(SourceError::Io(dir.to_path_buf(), e));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            let tool = name.starts_with('.') || name == "node_modules" || name == "target";
            if !(left.reach.skip_tool_folders && tool) {
                walk(&path, files, errors, left);
            }
        } else if path.extension().is_some_and(|e| e == "csa") && (meta.is_file() || path.is_file())
        {
            if left.reach.files == 0 {
                left.cut = true;
                return;
            }
            left.reach.files -= 1;
            files.push(path);
        }
    }
}

/// Prints an error and its hint to standard error, as every command does.
pub fn report(err: &SourceError) {
    eprintln!("error: {err}\n  help: {}", err.hint());
}

/// Writes `bytes` to `path` atomically (a temporary file in the same folder, then a
/// rename), or to standard output when `path` is `None`.
pub fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<(), String> {
    use std::io::Write;
    let Some(path) = path else {
        let mut out = std::io::stdout().lock();
        return out
            .write_all(bytes)
            .and_then(|()| out.flush())
            .map_err(|e| format!("cannot write to standard output: {e}"));
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".to_string());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::write(&temp, bytes).and_then(|()| std::fs::rename(&temp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.map_err(|e| format!("cannot write `{}`: {}", path.display(), io_reason(&e)))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_within_a_reach_stops_there_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["a", "b", ".git", "node_modules/x"] {
            std::fs::create_dir_all(dir.path().join(sub)).unwrap();
            for name in ["one.csa", "two.csa"] {
                std::fs::write(dir.path().join(sub).join(name), "").unwrap();
            }
        }
        let root = vec![dir.path().to_path_buf()];
        let (all, errors) = discover(&root);
        assert!(errors.is_empty());
        assert_eq!(all.len(), 8, "csa check reads every folder: {all:?}");
        let editor = Reach {
            folders: 100,
            files: 100,
            skip_tool_folders: true,
        };
        let (found, _, cut) = discover_within(&root, editor);
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(!cut);
        let (found, _, cut) = discover_within(&root, Reach { files: 3, ..editor });
        assert_eq!(found.len(), 3);
        assert!(cut);
        let (found, _, cut) = discover_within(
            &root,
            Reach {
                folders: 2,
                ..editor
            },
        );
        assert_eq!(found.len(), 2, "the root and `a`: {found:?}");
        assert!(cut);
    }
}
