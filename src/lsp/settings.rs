//! The server's settings (from the editor) and each document's configuration (its
//! nearest `csa.toml` and rule packs, re-read when they change on disk).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use tower_lsp::lsp_types::Url;

use crate::ast::Date;
use crate::config::Config;
use crate::rules::{Options, Registry};

/// Settings the editor sends (`initializationOptions`, `workspace/didChangeConfiguration`).
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The date to check review cycles against, instead of today.
    pub as_of: Option<Date>,
    /// The lowest severity that fails a check, reported in `csa/status`
    /// (default: the document's `csa.toml`, else `error`).
    pub fail_level: Option<crate::diagnostics::Severity>,
    /// Whether the client wants `csa/status` notifications (set at initialisation).
    pub status: bool,
}

impl Settings {
    /// Takes the settings in `value` (`{"asOf": "2024-04-01"}`); returns what could not
    /// be used, for the editor to show.
    pub fn update(&mut self, value: Option<&serde_json::Value>) -> Vec<String> {
        let mut problems = Vec::new();
        let Some(value) = value else {
            return problems;
        };
        match value.get("asOf") {
            Some(serde_json::Value::String(s)) if s.trim().is_empty() => self.as_of = None,
            Some(serde_json::Value::String(s)) => {
                match Date::parse(s.trim()).filter(|d| d.day.is_some()) {
                    Some(date) => self.as_of = Some(date),
                    None => problems.push(format!(
                        "csa: the setting asOf = \"{s}\" is not a date; write it as YYYY-MM-DD"
                    )),
                }
            }
            Some(serde_json::Value::Null) => self.as_of = None,
            Some(other) => problems.push(format!(
                "csa: the setting asOf must be a date such as \"2024-04-01\", not {other}"
            )),
            None => {}
        }
        match value.get("failLevel") {
            Some(serde_json::Value::String(s)) if s.trim().is_empty() => self.fail_level = None,
            Some(serde_json::Value::String(s)) => match crate::config::level_from_word(s.trim()) {
                Some(level) => self.fail_level = Some(level),
                None => problems.push(format!(
                    "csa: the setting failLevel = \"{s}\" is not one of error, warning, info, hint"
                )),
            },
            Some(serde_json::Value::Null) => self.fail_level = None,
            Some(other) => problems.push(format!(
                "csa: the setting failLevel must be error, warning, info or hint, not {other}"
            )),
            None => {}
        }
        if let Some(serde_json::Value::Bool(b)) = value.get("status") {
            self.status = *b;
        }
        problems
    }
}

/// A loaded configuration and the modification times it was loaded at.
struct Entry {
    stamp: Vec<(PathBuf, Option<SystemTime>)>,
    config: Config,
    registry: Arc<Registry>,
}

/// Configurations by file, reloaded when the file or a rule pack changes.
#[derive(Default)]
pub struct ConfigCache {
    entries: HashMap<PathBuf, Entry>,
    bundled: Option<Arc<Registry>>,
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

fn config_path(uri: &Url) -> Option<PathBuf> {
    let path = uri.to_file_path().ok()?;
    crate::files::find_config(&path)
}

fn stamp(path: &Path, config: &Config) -> Vec<(PathBuf, Option<SystemTime>)> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::iter::once(path.to_path_buf())
        .chain(config.rule_packs.iter().map(|p| dir.join(p)))
        .map(|p| {
            let m = modified(&p);
            (p, m)
        })
        .collect()
}

impl ConfigCache {
    fn bundled(&mut self) -> Arc<Registry> {
        self.bundled
            .get_or_insert_with(|| Arc::new(Registry::bundled()))
            .clone()
    }

    /// The rules and options for the document at `uri`, reloading its configuration
    /// when it changed; also what was wrong with it, when it was (re)loaded.
    pub fn for_document(
        &mut self,
        uri: &Url,
        settings: &Settings,
    ) -> (Arc<Registry>, Options, Vec<String>) {
        self.for_config(config_path(uri), settings)
    }

    /// The rules and options for the documents of folder `dir` (a workspace folder).
    pub fn for_folder(
        &mut self,
        dir: &Path,
        settings: &Settings,
    ) -> (Arc<Registry>, Options, Vec<String>) {
        self.for_config(crate::files::find_config(dir), settings)
    }

    fn for_config(
        &mut self,
        config: Option<PathBuf>,
        settings: &Settings,
    ) -> (Arc<Registry>, Options, Vec<String>) {
        let mut problems = Vec::new();
        let Some(path) = config else {
            return (
                self.bundled(),
                with_settings(Options::default(), settings),
                problems,
            );
        };
        let fresh = self
            .entries
            .get(&path)
            .is_some_and(|e| e.stamp.iter().all(|(p, m)| modified(p) == *m));
        if !fresh {
            let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
            // A configuration `csa check` would refuse is shown, and the last good
            // one (else the defaults) stays in use until it is fixed.
            let last_good = self.entries.remove(&path).map(|e| (e.config, e.registry));
            let fallback = if last_good.is_some() {
                "keeping the last good configuration until it is fixed"
            } else {
                "using the default settings and the bundled rules until it is fixed"
            };
            let loaded = Config::load(&path, &crate::files::FileSystem)
                .map_err(|e| e.to_string())
                .and_then(
                    |config| match config.registry(&dir, &crate::files::FileSystem) {
                        Ok(registry) => Ok((config, Arc::new(registry))),
                        Err(e) => Err(e.to_string()),
                    },
                );
            let (config, registry) = match loaded {
                Ok(good) => good,
                Err(e) => {
                    problems.push(format!("csa: {e}; {fallback}"));
                    last_good.unwrap_or_else(|| (Config::default(), self.bundled()))
                }
            };
            let unknown = config.unknown_rules(&registry);
            if !unknown.is_empty() {
                problems.push(format!(
                    "csa: {}: not a rule code, name or family: {}",
                    path.display(),
                    unknown.join(", ")
                ));
            }
            self.entries.insert(
                path.clone(),
                Entry {
                    stamp: stamp(&path, &config),
                    config,
                    registry,
                },
            );
        }
        let entry = &self.entries[&path];
        (
            entry.registry.clone(),
            with_settings(entry.config.options(), settings),
            problems,
        )
    }

    /// The rules and options last loaded for `uri`, without touching the disk.
    pub fn cached(&self, uri: &Url) -> (Arc<Registry>, Option<Options>, ()) {
        let entry = config_path(uri).and_then(|p| self.entries.get(&p));
        match entry {
            Some(e) => (e.registry.clone(), Some(e.config.options()), ()),
            None => (
                self.bundled
                    .clone()
                    .unwrap_or_else(|| Arc::new(Registry::bundled())),
                None,
                (),
            ),
        }
    }
}

fn with_settings(mut options: Options, settings: &Settings) -> Options {
    if settings.as_of.is_some() {
        options.as_of = settings.as_of;
    }
    options
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_take_a_date_and_report_a_bad_one() {
        let mut s = Settings::default();
        assert!(s
            .update(Some(&serde_json::json!({ "asOf": "2024-04-01" })))
            .is_empty());
        assert_eq!(s.as_of, Date::parse("2024-04-01"));
        let problems = s.update(Some(&serde_json::json!({ "asOf": "April" })));
        assert_eq!(problems.len(), 1);
        assert_eq!(
            s.as_of,
            Date::parse("2024-04-01"),
            "a bad value keeps the old one"
        );
        assert!(s
            .update(Some(&serde_json::json!({ "asOf": null })))
            .is_empty());
        assert_eq!(s.as_of, None);
    }

    #[test]
    fn a_changed_configuration_is_reloaded() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("a.csa");
        std::fs::write(&doc, "").unwrap();
        std::fs::write(dir.path().join("csa.toml"), "ignore = [\"review\"]\n").unwrap();
        let uri = Url::from_file_path(&doc).unwrap();
        let mut cache = ConfigCache::default();
        let (_, options, problems) = cache.for_document(&uri, &Settings::default());
        assert!(problems.is_empty());
        assert_eq!(options.ignore, ["review"]);
        // Make sure the modification time moves even on coarse clocks.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(
            dir.path().join("csa.toml"),
            "ignore = [\"leads\"]\nfail-level = \"warning\"\n",
        )
        .unwrap();
        let later = SystemTime::now() + std::time::Duration::from_secs(2);
        let file = std::fs::File::options()
            .write(true)
            .open(dir.path().join("csa.toml"))
            .unwrap();
        file.set_modified(later).unwrap();
        let (_, options, _) = cache.for_document(&uri, &Settings::default());
        assert_eq!(options.ignore, ["leads"]);
        std::fs::write(dir.path().join("csa.toml"), "ignroe = 1\n").unwrap();
        let file = std::fs::File::options()
            .write(true)
            .open(dir.path().join("csa.toml"))
            .unwrap();
        file.set_modified(later + std::time::Duration::from_secs(2))
            .unwrap();
        let (_, _, problems) = cache.for_document(&uri, &Settings::default());
        assert_eq!(problems.len(), 1, "{problems:?}");
    }

    #[test]
    fn a_broken_configuration_is_reported_and_the_last_good_one_kept() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("a.csa");
        std::fs::write(&doc, "").unwrap();
        let config = dir.path().join("csa.toml");
        std::fs::write(&config, "ignore = [\"review\"]\n").unwrap();
        let uri = Url::from_file_path(&doc).unwrap();
        let mut cache = ConfigCache::default();
        let (_, options, problems) = cache.for_document(&uri, &Settings::default());
        assert!(problems.is_empty());
        assert_eq!(options.ignore, ["review"]);
        // A rule pack that does not exist: `csa check` refuses this configuration.
        std::fs::write(
            &config,
            "ignore = [\"leads\"]\nrule-packs = [\"missing.toml\"]\n",
        )
        .unwrap();
        let later = SystemTime::now() + std::time::Duration::from_secs(2);
        std::fs::File::options()
            .write(true)
            .open(&config)
            .unwrap()
            .set_modified(later)
            .unwrap();
        let (_, options, problems) = cache.for_document(&uri, &Settings::default());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("last good"), "{problems:?}");
        assert_eq!(
            options.ignore,
            ["review"],
            "the last good configuration is kept"
        );
        // Reported once, not on every keystroke.
        let (_, _, problems) = cache.for_document(&uri, &Settings::default());
        assert!(problems.is_empty());
    }
}
