//! The rule reference the diagnostics link to (`codeDescription`): a Markdown file
//! generated from the rules this binary carries, written where the editor can open
//! it and no one else can change it.

use std::path::{Path, PathBuf};

use tower_lsp_server::ls_types::Uri;

/// Writes the rule reference where editors can open it, and returns its address.
/// Generated from the rules this binary carries, so it always matches them. It goes
/// in a folder only the user can write (see [`private_dir`]), through a file created
/// exclusively and renamed into place, so no one else can redirect or read-swap it.
pub fn write() -> Option<Uri> {
    let dir = private_dir()?;
    let path = dir.join("rules.md");
    let text = crate::rules::explain::markdown(&crate::rules::Registry::bundled());
    let current = std::fs::symlink_metadata(&path)
        .ok()
        .filter(|m| m.file_type().is_file())
        .and_then(|_| std::fs::read_to_string(&path).ok());
    if current.as_deref() != Some(text.as_str()) {
        // Written beside and renamed, so a reader never sees half a file; created
        // exclusively, so a link planted at that name is not followed.
        let tmp = dir.join(format!("rules.md.{}", std::process::id()));
        let _ = std::fs::remove_file(&tmp);
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .ok()?;
        std::io::Write::write_all(&mut file, text.as_bytes()).ok()?;
        drop(file);
        std::fs::rename(&tmp, &path).ok()?;
    }
    super::uri::from_path(&path)
}

/// A folder for csa's generated files that only the user can write: `csa-VERSION` in
/// the user's cache folder (`$XDG_CACHE_HOME`, else `%LOCALAPPDATA%` on Windows, else
/// `~/.cache`), or else a new folder of the system's temporary folder, created
/// exclusively. A folder that is a link, or that others may write, is not used.
fn private_dir() -> Option<PathBuf> {
    private_dir_in(user_cache(), &std::env::temp_dir())
}

/// The user's cache folder. Windows has no `HOME`: without `%LOCALAPPDATA%` every
/// start of the server would leave a new folder in `%TEMP%`.
fn user_cache() -> Option<PathBuf> {
    user_cache_from(|name| std::env::var_os(name), cfg!(windows))
}

/// [`user_cache`], given the environment and whether this is Windows.
fn user_cache_from(
    var: impl Fn(&str) -> Option<std::ffi::OsString>,
    windows: bool,
) -> Option<PathBuf> {
    // A relative folder would move with the working directory: not a cache.
    let absolute = |name: &str| var(name).map(PathBuf::from).filter(|p| p.is_absolute());
    absolute("XDG_CACHE_HOME")
        .or_else(|| absolute("LOCALAPPDATA").filter(|_| windows))
        .or_else(|| absolute("HOME").map(|h| h.join(".cache")))
}

/// [`private_dir`], given the user's cache folder and the system's temporary folder.
fn private_dir_in(cache: Option<PathBuf>, temp: &Path) -> Option<PathBuf> {
    let name = format!("csa-{}", env!("CARGO_PKG_VERSION"));
    if let Some(cache) = cache {
        let dir = cache.join(&name);
        let _ = std::fs::create_dir_all(&cache);
        let _ = create_private(&dir);
        if is_private(&dir) {
            return Some(dir);
        }
    }
    let unique = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = temp.join(format!("{name}-{}-{unique}", std::process::id()));
    create_private(&dir).ok()?;
    is_private(&dir).then_some(dir)
}

fn create_private(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let mut builder = std::fs::DirBuilder::new();
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(dir)
    }
    // A folder in the user's profile is the user's alone by its inherited permissions.
    #[cfg(not(unix))]
    std::fs::DirBuilder::new().create(dir)
}

/// Whether `dir` is a real folder (not a link) that only its owner may write.
fn is_private(dir: &Path) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(dir) else {
        return false;
    };
    if !meta.file_type().is_dir() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Ours: a file we create in it is owned by the same user as the folder.
        let probe = dir.join(format!(".probe.{}", std::process::id()));
        let _ = std::fs::remove_file(&probe);
        let owned = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&probe)
            .and_then(|f| f.metadata())
            .is_ok_and(|m| m.uid() == meta.uid());
        let _ = std::fs::remove_file(&probe);
        owned && meta.mode() & 0o022 == 0
    }
    #[cfg(not(unix))]
    true
}

#[cfg(test)]
mod cache_tests {
    use super::*;
    use std::ffi::OsString;

    fn env(pairs: &[(&str, PathBuf)]) -> impl Fn(&str) -> Option<OsString> {
        let pairs: Vec<(String, PathBuf)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone().into_os_string())
        }
    }

    #[test]
    fn windows_keeps_the_rule_reference_in_local_app_data_not_a_new_temp_folder() {
        let root = std::env::temp_dir();
        let local = root.join("AppData").join("Local");
        let home = root.join("home");
        // Windows: %LOCALAPPDATA%, so each start reuses one folder.
        let windows = env(&[("LOCALAPPDATA", local.clone())]);
        assert_eq!(user_cache_from(&windows, true), Some(local.clone()));
        // Elsewhere %LOCALAPPDATA% means nothing; HOME's .cache is used.
        let both = env(&[("LOCALAPPDATA", local.clone()), ("HOME", home.clone())]);
        assert_eq!(user_cache_from(&both, false), Some(home.join(".cache")));
        // XDG_CACHE_HOME comes first everywhere; a relative folder is not a cache.
        let xdg = env(&[
            ("XDG_CACHE_HOME", root.join("xdg")),
            ("LOCALAPPDATA", local.clone()),
        ]);
        assert_eq!(user_cache_from(&xdg, true), Some(root.join("xdg")));
        let relative = env(&[
            ("XDG_CACHE_HOME", PathBuf::from("cache")),
            ("HOME", PathBuf::from("h")),
        ]);
        assert_eq!(user_cache_from(&relative, false), None);
        assert_eq!(user_cache_from(env(&[]), true), None);
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn the_rule_reference_folder_is_never_a_planted_link_or_shared() {
        let root = tempfile::tempdir().unwrap();
        let cache = root.path().join("cache");
        let elsewhere = root.path().join("elsewhere");
        std::fs::create_dir_all(&cache).unwrap();
        std::fs::create_dir_all(&elsewhere).unwrap();
        let name = format!("csa-{}", env!("CARGO_PKG_VERSION"));
        // A link planted where the folder would be is not followed.
        std::os::unix::fs::symlink(&elsewhere, cache.join(&name)).unwrap();
        let temp = root.path().join("tmp");
        std::fs::create_dir_all(&temp).unwrap();
        let dir = private_dir_in(Some(cache.clone()), &temp).unwrap();
        assert!(dir.starts_with(&temp), "{dir:?}");
        assert!(is_private(&dir));
        // A folder others may write is not used either.
        std::fs::remove_file(cache.join(&name)).unwrap();
        std::fs::create_dir(cache.join(&name)).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(cache.join(&name), std::fs::Permissions::from_mode(0o777))
            .unwrap();
        assert!(private_dir_in(Some(cache.clone()), &temp)
            .unwrap()
            .starts_with(&temp));
        // A fresh one is created private and used.
        std::fs::remove_dir(cache.join(&name)).unwrap();
        let dir = private_dir_in(Some(cache.clone()), &temp).unwrap();
        assert_eq!(dir, cache.join(&name));
        let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "{mode:o}");
    }
}
