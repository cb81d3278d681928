//! What a check is run with, loaded once and shared by the documents it applies to:
//! the configuration (`csa.toml`, or the editor's settings on top of it), the rules
//! with its rule packs, and the previous version it names.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::ast::{self, Date};
use crate::compare::Previous;
use crate::config::Config;
use crate::diagnostics::Severity;
use crate::rules::{Options, Registry};
use crate::workspace::Sources;

/// A configuration with its rules and previous version.
#[derive(Debug, Clone)]
pub struct Setup {
    /// The settings.
    pub config: Config,
    /// The bundled rules and the configuration's rule packs.
    pub registry: Arc<Registry>,
    /// The previous version the configuration names (`previous = "..."`).
    pub previous: Option<Arc<Previous>>,
    /// The `csa.toml` it was read from, when there was one.
    pub origin: Option<PathBuf>,
}

impl Default for Setup {
    fn default() -> Self {
        Self::bundled()
    }
}

impl Setup {
    /// The defaults: the bundled rules, no configuration.
    pub fn bundled() -> Self {
        Self {
            config: Config::default(),
            registry: Arc::new(Registry::bundled()),
            previous: None,
            origin: None,
        }
    }

    /// Reads the configuration at `path` (the defaults when `None`), its rule packs
    /// and its previous version from `sources`.
    pub fn load(path: Option<&Path>, sources: &dyn Sources) -> Result<Self, String> {
        let config = match path {
            Some(p) => Config::load(p, sources).map_err(|e| e.to_string())?,
            None => Config::default(),
        };
        Self::with_config(config, path, sources)
    }

    /// The setup of `config`, which was read from `origin` (rule packs and the
    /// previous version are found beside it).
    pub fn with_config(
        config: Config,
        origin: Option<&Path>,
        sources: &dyn Sources,
    ) -> Result<Self, String> {
        let dir = origin.and_then(Path::parent).unwrap_or(Path::new("."));
        let registry = config.registry(dir, sources).map_err(|e| e.to_string())?;
        let unknown = config.unknown_rules(&registry);
        if !unknown.is_empty() {
            return Err(format!(
                "{}: {}",
                origin.map_or("the settings".to_string(), |p| p.display().to_string()),
                not_rules(&unknown)
            ));
        }
        let previous = match (&config.previous, origin) {
            (Some(file), Some(origin)) => {
                Some(read_previous(&dir.join(file), sources).map_err(|e| {
                    format!(
                        "{}: `previous = \"{file}\"` could not be read: {e}",
                        origin.display()
                    )
                })?)
            }
            _ => None,
        };
        Ok(Self {
            config,
            registry: Arc::new(registry),
            previous,
            origin: origin.map(Path::to_path_buf),
        })
    }

    /// The check options the configuration gives, with its previous version.
    pub fn options(&self) -> Options {
        let mut options = self.config.options();
        options.previous = self.previous.clone();
        options
    }

    /// The severity at which a check fails: `asked` (the command line's or the
    /// editor's), else the configuration's, else errors.
    pub fn fail_level(&self, asked: Option<Severity>) -> Severity {
        asked
            .or(self.config.fail_level.map(Into::into))
            .unwrap_or(Severity::Error)
    }

    /// The date the check is made as of: `asked`, else the configuration's, else today.
    pub fn as_of(&self, asked: Option<Date>) -> Date {
        asked
            .or_else(|| self.config.options().as_of)
            .unwrap_or_else(ast::today)
    }
}

/// Reads the previous version of a document; a version with syntax errors cannot be
/// compared, and says how many it has.
pub fn read_previous(path: &Path, sources: &dyn Sources) -> Result<Arc<Previous>, String> {
    let text = sources.read(path)?;
    let parsed = ast::parse(&text);
    let errors = parsed
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > 0 {
        return Err(format!(
            "`{}` has {} that must be put right before it can be compared",
            path.display(),
            if errors == 1 {
                "a syntax error".to_string()
            } else {
                format!("{errors} syntax errors")
            }
        ));
    }
    Ok(Arc::new(Previous {
        path: path.display().to_string(),
        document: parsed.document,
    }))
}

/// "`a`, `b` are not rule codes, names or families".
pub fn not_rules(unknown: &[String]) -> String {
    format!(
        "{} {} a rule code, name or family",
        unknown.join(", "),
        if unknown.len() == 1 {
            "is not"
        } else {
            "are not"
        }
    )
}
