//! The disk: reading a source file, finding the `.csa` files of folders, and writing
//! outputs whole or not at all. Only the front ends (command line, language server)
//! use it; the core reads documents through [`crate::workspace::Sources`].

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::decode::{decode, io_reason, SourceError, MAX_SOURCE};

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
    decode(path, bytes)
}

/// Reads documents from the disk, for `@use` lines and rule packs.
pub struct FileSystem;

impl crate::workspace::Sources for FileSystem {
    fn read(&self, path: &Path) -> Result<String, String> {
        read_source(path).map_err(|e| e.to_string())
    }

    fn key(&self, path: &Path) -> PathBuf {
        normalise(path)
    }
}

/// A path with `.` and `..` taken out, so that one file reached two ways is one key
/// (the file system's canonical form when the file exists).
pub fn normalise(path: &Path) -> PathBuf {
    if let Ok(canonical) = std::fs::canonicalize(path) {
        return canonical;
    }
    crate::workspace::uses::lexical(path)
}

/// The `csa.toml` that applies to the document at `path`: the nearest one in its
/// folder or a folder above. The search starts from the absolute path, so a document
/// named from its own folder (`csa check plan.csa`) still finds the file above it.
pub fn find_config(path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = if absolute.is_dir() {
        absolute.as_path()
    } else {
        absolute.parent()?
    };
    dir.ancestors()
        .map(|d| d.join(crate::config::FILE_NAME))
        .find(|p| p.is_file())
}

/// Reads and imports the file at `path` (`csa import`): its size is checked before
/// it is read, so a device or a huge file is refused without reading it.
pub fn import_path(path: &Path) -> Result<crate::import::Import, crate::import::ImportError> {
    use crate::import::{ImportError, MAX_INPUT};
    let io = |source| ImportError::Io {
        path: path.display().to_string(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_INPUT {
        return Err(ImportError::Text(format!(
            "{} is {} MB, more than the {} MB an agreement could be",
            path.display(),
            size / 1_000_000,
            MAX_INPUT / 1_000_000
        )));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    crate::import::import_bytes(&path.display().to_string(), &bytes)
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
