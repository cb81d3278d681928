//! `csa.toml`: which rules run, at what severity, with which rule packs, and what
//! fails a check. One struct is the source of the file's parsing, its defaults and
//! its JSON schema (`csa config schema`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ast::Date;
use crate::diagnostics::Severity;
use crate::rules::{registry::parse_severity, Options, Registry};
use crate::workspace::Sources;

/// The file name csa looks for, walking up from each document's folder.
pub const FILE_NAME: &str = "csa.toml";

/// A severity, as written in configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "native", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Suggestions.
    Hint,
    /// Worth knowing.
    Info,
    /// Weaknesses.
    Warning,
    /// The document is broken or breaks the law.
    Error,
}

impl From<Level> for Severity {
    fn from(level: Level) -> Self {
        match level {
            Level::Hint => Severity::Hint,
            Level::Info => Severity::Info,
            Level::Warning => Severity::Warning,
            Level::Error => Severity::Error,
        }
    }
}

/// The settings of `csa.toml`. Every key is optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Rules to run, by code (`CSA201`), name (`priority-without-lead`) or family
    /// (`leads`); `ALL` for every rule. Default: every rule.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub select: Vec<String>,
    /// Rules not to run, by code, name or family.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignore: Vec<String>,
    /// Severity per rule code, name or family, such as `CSA404 = "warning"`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub severity: BTreeMap<String, Level>,
    /// Extra rule packs (TOML files in the format of the bundled `rules/rules.toml`),
    /// relative to this file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rule_packs: Vec<String>,
    /// The lowest severity that makes `csa check` exit with 1. Default: `error`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_level: Option<Level>,
    /// The date to check review cycles against, `YYYY-MM-DD`. Default: today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// The previous version of the documents this file applies to (a `.csa` file,
    /// relative to this file), for the rules that compare with it (CSA703). A
    /// document not later than it is not compared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
}

/// A configuration file that could not be used.
#[derive(Debug, thiserror::Error)]
#[error("{path}{location}: {message}")]
pub struct ConfigError {
    /// The file.
    pub path: String,
    /// `:line:column`, when known.
    pub location: String,
    /// What is wrong.
    pub message: String,
}

/// A configuration and where it came from.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// The settings.
    pub config: Config,
    /// The file, if one was found.
    pub path: Option<PathBuf>,
}

impl Config {
    /// Parses the text of a `csa.toml`.
    pub fn parse(path: &str, text: &str) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| ConfigError {
            path: path.to_string(),
            location: e
                .span()
                .map(|s| {
                    let before = &text[..s.start.min(text.len())];
                    format!(
                        ":{}:{}",
                        before.matches('\n').count() + 1,
                        before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1
                    )
                })
                .unwrap_or_default(),
            message: e.message().to_string(),
        })?;
        if let Some(as_of) = &config.as_of {
            if Date::parse(as_of).and_then(|d| d.day).is_none() {
                return Err(ConfigError {
                    path: path.to_string(),
                    location: String::new(),
                    message: format!("`as-of = \"{as_of}\"` is not a date; write it as YYYY-MM-DD"),
                });
            }
        }
        Ok(config)
    }

    /// Reads the `csa.toml` at `path` from `sources`.
    pub fn load(path: &Path, sources: &dyn Sources) -> Result<Config, ConfigError> {
        let display = path.display().to_string();
        let text = sources.read(path).map_err(|e| ConfigError {
            path: display.clone(),
            location: String::new(),
            message: format!("cannot read the configuration: {e}"),
        })?;
        Self::parse(&display, &text)
    }

    /// The check options these settings give.
    pub fn options(&self) -> Options {
        Options {
            as_of: self.as_of.as_deref().and_then(Date::parse),
            select: self.select.clone(),
            ignore: self.ignore.clone(),
            severity: self
                .severity
                .iter()
                .map(|(k, v)| (k.clone(), (*v).into()))
                .collect(),
            fail_level: self.fail_level.map(Into::into),
            previous: None,
        }
    }

    /// The bundled rules plus this configuration's rule packs (relative to `dir`),
    /// read from `sources`.
    pub fn registry(
        &self,
        dir: &Path,
        sources: &dyn Sources,
    ) -> Result<Registry, crate::rules::RuleFileError> {
        let mut registry = Registry::bundled();
        for pack in &self.rule_packs {
            let path = dir.join(pack);
            let display = path.display().to_string();
            let text = sources.read(&path).map_err(|e| {
                crate::rules::RuleFileError::new(
                    &display,
                    "",
                    None,
                    format!("cannot read the rule pack: {e}"),
                )
            })?;
            registry.add(&display, &text)?;
        }
        Ok(registry)
    }

    /// Checks that every code, name or family the settings name is a rule's.
    pub fn unknown_rules(&self, registry: &Registry) -> Vec<String> {
        unknown_words(
            self.select
                .iter()
                .chain(&self.ignore)
                .chain(self.severity.keys()),
            registry,
        )
    }
}

/// The words of `words` that name no rule, code, alias or family of `registry`, each
/// with the closest name when there is one: "`leeds` (did you mean `leads`?)".
pub fn unknown_words<'a>(
    words: impl IntoIterator<Item = &'a String>,
    registry: &Registry,
) -> Vec<String> {
    let names: Vec<&str> = registry
        .rules
        .iter()
        .flat_map(|r| [r.code.as_str(), r.name.as_str(), r.family.as_str()])
        .collect();
    words
        .into_iter()
        .filter(|w| *w != "ALL" && !registry.rules.iter().any(|r| r.answers_to(w)))
        .map(
            |w| match crate::ast::schema::did_you_mean(w, names.iter().copied()) {
                Some(s) => format!("`{w}` (did you mean `{s}`?)"),
                None => format!("`{w}`"),
            },
        )
        .collect()
}

/// The JSON schema of `csa.toml`.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Config)).expect("the schema serialises")
}

/// Reads a severity word from the command line.
pub fn level_from_word(word: &str) -> Option<Severity> {
    parse_severity(word)
}

/// A `csa.toml` with every setting at its default, for `csa config default`.
pub const DEFAULT_TOML: &str = r#"# csa.toml: settings for `csa check` and the language server. Every key is optional.

# Rules to run, by code (CSA201), name (priority-without-lead) or family (leads).
select = ["ALL"]

# Rules not to run.
ignore = []

# Extra rule packs, relative to this file, in the format of csa's rules/rules.toml.
rule-packs = []

# The lowest severity that makes `csa check` exit with 1: error, warning, info or hint.
fail-level = "error"

# The date to check review cycles against (default: today).
# as-of = "2024-04-01"

# The previous version of the documents, relative to this file: the newest
# @version row must mention every chapter that changed since it (CSA703).
# previous = "archive/kent-2021.csa"

# Severity per rule code, name or family.
[severity]
# CSA404 = "warning"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_key() {
        let config = Config::parse(
            "csa.toml",
            "select = [\"ALL\"]\nignore = [\"review\"]\nrule-packs = [\"local.toml\"]\nfail-level = \"warning\"\nas-of = \"2024-01-01\"\nprevious = \"archive/old.csa\"\n[severity]\nCSA404 = \"warning\"\n",
        )
        .unwrap();
        assert_eq!(config.fail_level, Some(Level::Warning));
        assert_eq!(config.severity["CSA404"], Level::Warning);
        assert_eq!(config.options().as_of, Date::parse("2024-01-01"));
        assert_eq!(config.previous.as_deref(), Some("archive/old.csa"));
    }

    #[test]
    fn errors_are_located() {
        let err = Config::parse("csa.toml", "select = []\nfail-levle = \"error\"\n").unwrap_err();
        assert_eq!(err.location, ":2:1");
        assert!(
            err.message.contains("unknown field `fail-levle`"),
            "{}",
            err.message
        );
        let err = Config::parse("csa.toml", "as-of = \"April\"\n").unwrap_err();
        assert!(err.message.contains("not a date"));
    }
}
