//! Each document's setup: the [`Setup`] of its nearest `csa.toml` (the configuration,
//! its rule packs and the previous version it names), loaded as `csa check` loads it,
//! shared by every document it applies to, and loaded again when one of those files
//! changes on disk. Finding and reading them touches the disk, so the cache is only
//! used from blocking threads, under a lock of its own (never the server state's).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use crate::config::Config;
use crate::engine::Setup;
use crate::files::{find_config, FileSystem};

/// A loaded setup and the files it was read from, with their modification times then.
struct Entry {
    stamp: Vec<(PathBuf, Option<SystemTime>)>,
    setup: Arc<Setup>,
}

/// Setups by configuration file.
#[derive(Default)]
pub struct Setups {
    entries: HashMap<PathBuf, Entry>,
    bundled: Option<Arc<Setup>>,
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The files a configuration at `path` is read from: itself, its rule packs and its
/// previous version (all relative to it).
fn stamp(path: &Path, config: Option<&Config>) -> Vec<(PathBuf, Option<SystemTime>)> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut files = vec![path.to_path_buf()];
    if let Some(config) = config {
        files.extend(config.rule_packs.iter().map(|p| dir.join(p)));
        files.extend(config.previous.iter().map(|p| dir.join(p)));
    }
    files
        .into_iter()
        .map(|p| {
            let m = modified(&p);
            (p, m)
        })
        .collect()
}

impl Setups {
    /// The defaults: the bundled rules, no configuration.
    fn bundled(&mut self) -> Arc<Setup> {
        self.bundled
            .get_or_insert_with(|| Arc::new(Setup::bundled()))
            .clone()
    }

    /// The setup of the document at `path` (the defaults for a buffer never saved, or
    /// with no `csa.toml` above it); also what was wrong, when it was (re)loaded.
    pub fn for_document(&mut self, path: Option<&Path>) -> (Arc<Setup>, Vec<String>) {
        self.for_config(path.and_then(find_config))
    }

    /// The setup of the configuration at `config` (the defaults when `None`), loaded
    /// again when it, a rule pack or its previous version changed since.
    pub fn for_config(&mut self, config: Option<PathBuf>) -> (Arc<Setup>, Vec<String>) {
        let Some(path) = config else {
            return (self.bundled(), Vec::new());
        };
        if let Some(entry) = self.entries.get(&path) {
            if entry.stamp.iter().all(|(p, m)| modified(p) == *m) {
                return (entry.setup.clone(), Vec::new());
            }
        }
        // A configuration `csa check` would refuse is shown, and the last good one
        // (else the defaults) stays in use until it is fixed.
        let last_good = self.entries.remove(&path).map(|e| e.setup);
        let fallback = if last_good.is_some() {
            "keeping the last good configuration until it is fixed"
        } else {
            "using the default settings and the bundled rules until it is fixed"
        };
        let mut problems = Vec::new();
        let (setup, stamp) = match Setup::load(Some(&path), &FileSystem) {
            Ok(setup) => {
                let stamp = stamp(&path, Some(&setup.config));
                (Arc::new(setup), stamp)
            }
            Err(e) => {
                problems.push(format!("csa: {e}; {fallback}"));
                // Watched as written, so that creating a missing rule pack or
                // previous version brings the configuration in.
                let written = Config::load(&path, &FileSystem).ok();
                let stamp = stamp(&path, written.as_ref());
                (last_good.unwrap_or_else(|| self.bundled()), stamp)
            }
        };
        self.entries.insert(
            path,
            Entry {
                stamp,
                setup: setup.clone(),
            },
        );
        (setup, problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Moves `path`'s modification time `seconds` ahead, so that a change is seen
    /// even on coarse clocks.
    fn touch(path: &Path, seconds: u64) {
        let later = SystemTime::now() + std::time::Duration::from_secs(seconds);
        std::fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(later)
            .unwrap();
    }

    #[test]
    fn a_changed_configuration_is_reloaded() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("a.csa");
        std::fs::write(&doc, "").unwrap();
        let config = dir.path().join("csa.toml");
        std::fs::write(&config, "ignore = [\"review\"]\n").unwrap();
        let mut setups = Setups::default();
        let (setup, problems) = setups.for_document(Some(&doc));
        assert!(problems.is_empty());
        assert_eq!(setup.options().ignore, ["review"]);
        std::fs::write(&config, "ignore = [\"leads\"]\nfail-level = \"warning\"\n").unwrap();
        touch(&config, 2);
        let (setup, _) = setups.for_document(Some(&doc));
        assert_eq!(setup.options().ignore, ["leads"]);
        std::fs::write(&config, "ignroe = 1\n").unwrap();
        touch(&config, 4);
        let (_, problems) = setups.for_document(Some(&doc));
        assert_eq!(problems.len(), 1, "{problems:?}");
    }

    #[test]
    fn a_broken_configuration_is_reported_and_the_last_good_one_kept() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("a.csa");
        std::fs::write(&doc, "").unwrap();
        let config = dir.path().join("csa.toml");
        std::fs::write(&config, "ignore = [\"review\"]\n").unwrap();
        let mut setups = Setups::default();
        let (setup, problems) = setups.for_document(Some(&doc));
        assert!(problems.is_empty());
        assert_eq!(setup.options().ignore, ["review"]);
        // A rule pack that does not exist: `csa check` refuses this configuration.
        std::fs::write(
            &config,
            "ignore = [\"leads\"]\nrule-packs = [\"missing.toml\"]\n",
        )
        .unwrap();
        touch(&config, 2);
        let (setup, problems) = setups.for_document(Some(&doc));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("last good"), "{problems:?}");
        assert_eq!(
            setup.options().ignore,
            ["review"],
            "the last good configuration is kept"
        );
        // Reported once, not on every keystroke.
        let (_, problems) = setups.for_document(Some(&doc));
        assert!(problems.is_empty());
    }

    #[test]
    fn the_previous_version_is_read_beside_the_configuration_and_watched() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("plan.csa");
        std::fs::write(&doc, "").unwrap();
        let config = dir.path().join("csa.toml");
        std::fs::write(&config, "previous = \"old.csa\"\n").unwrap();
        let mut setups = Setups::default();
        // Not there yet: refused, as `csa check` refuses it.
        let (setup, problems) = setups.for_document(Some(&doc));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("could not be read"), "{problems:?}");
        assert!(setup.previous.is_none());
        // Written: the configuration is loaded with it, though `csa.toml` is as it was.
        let old = dir.path().join("old.csa");
        std::fs::write(&old, "@theme T: x\n").unwrap();
        touch(&old, 2);
        let (setup, problems) = setups.for_document(Some(&doc));
        assert!(problems.is_empty(), "{problems:?}");
        let previous = setup.previous.as_ref().expect("the previous version");
        assert!(previous.path.ends_with("old.csa"), "{}", previous.path);
        assert!(setup.options().previous.is_some());
    }
}
