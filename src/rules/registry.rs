//! Rule instances as data: `rules/rules.toml` (embedded) and users' own rule packs.
//!
//! A rule names a *kind* (Rust code in `kinds/`) and gives everything a person reads:
//! its code and name, default severity, message and help templates, legal basis and
//! the explanation printed by `csa explain`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::contract::Settings;
use super::kinds;
use crate::diagnostics::{Applicability, Severity};
use crate::knowledge::law::Law;

/// The explanation of a rule, in the order `csa explain` prints it.
#[derive(Debug, Clone, Deserialize, serde::Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    /// What the rule checks.
    pub what: String,
    /// Why it matters.
    pub why: String,
    /// An example that triggers it.
    pub example: String,
    /// How to fix it.
    pub fix: String,
}

/// One rule.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable code, such as `CSA101`; never reused.
    pub code: String,
    /// Stable kebab-case name.
    pub name: String,
    /// The family it belongs to, for selecting rules in groups.
    pub family: String,
    /// The kind of check (see `kinds/`).
    pub kind: String,
    /// Default severity.
    #[serde(deserialize_with = "severity")]
    pub severity: Severity,
    /// One line: what it finds.
    pub summary: String,
    /// Message template; `{name}` is replaced by the finding's values.
    pub message: String,
    /// Help template: how to put it right.
    #[serde(default)]
    pub help: Option<String>,
    /// Legal basis template.
    #[serde(default)]
    pub legal_basis: Option<String>,
    /// The long explanation.
    pub explanation: Explanation,
    /// Settings for the kind.
    #[serde(default)]
    pub params: toml::Table,
    /// Older codes or names this rule answered to, so old suppressions keep working.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The kinds of document it applies to (`county-agreement`, `district-plan`,
    /// `unitary-plan`); every kind when not given.
    #[serde(default = "every_kind")]
    pub applies_to: Vec<String>,
    /// The legal basis for a kind of document, where it differs from `legal_basis`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub legal_basis_by_kind: BTreeMap<String, String>,
    /// The fix its findings offer, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<FixInfo>,
    /// `params` checked against the kind's declared settings, with their defaults
    /// filled in, when the registry loaded the rule.
    #[serde(skip)]
    settings: Settings,
}

/// What a rule's fix does, and how far it may be applied without a person reading it.
/// A fix that changes what the document says is never `safe`.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct FixInfo {
    /// The most automatic applicability any of its fixes has.
    pub applicability: Applicability,
    /// What the fix changes, in a sentence.
    pub does: String,
}

fn every_kind() -> Vec<String> {
    crate::ast::schema::DOCUMENT_KINDS
        .iter()
        .map(|k| k.to_string())
        .collect()
}

fn severity<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Severity, D::Error> {
    let word = String::deserialize(d)?;
    parse_severity(&word).ok_or_else(|| {
        serde::de::Error::custom(format!(
            "`{word}` is not a severity: use error, warning, info or hint"
        ))
    })
}

/// Reads a severity word.
pub fn parse_severity(word: &str) -> Option<Severity> {
    match word {
        "error" => Some(Severity::Error),
        "warning" => Some(Severity::Warning),
        "info" => Some(Severity::Info),
        "hint" => Some(Severity::Hint),
        _ => None,
    }
}

impl Rule {
    /// Whether `word` (a code, name, alias or family) names this rule.
    pub fn answers_to(&self, word: &str) -> bool {
        self.code.eq_ignore_ascii_case(word)
            || self.name == word
            || self.family == word
            || self.aliases.iter().any(|a| a == word)
    }

    /// Whether it applies to documents of `kind`.
    pub fn applies_to_kind(&self, kind: &str) -> bool {
        self.applies_to.iter().any(|k| k == kind)
    }

    /// The legal-basis template for a document of `kind`.
    pub fn legal_basis_for(&self, kind: &str) -> Option<&String> {
        self.legal_basis_by_kind
            .get(kind)
            .or(self.legal_basis.as_ref())
    }

    /// The kind's settings: `params` as checked when the rule was loaded, with the
    /// defaults its kind declares for those not given.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }
}

/// A rule file: rules, and optionally law data.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    #[serde(default)]
    schema: Option<String>,
    #[serde(default, rename = "rule")]
    rules: Vec<Rule>,
    #[serde(default)]
    law: Option<Law>,
    #[serde(default)]
    knowledge: Option<crate::knowledge::Tables>,
}

/// A rule file that could not be used, with where and why.
#[derive(Debug, thiserror::Error)]
#[error("{path}{location}: {message}")]
pub struct RuleFileError {
    /// The file.
    pub path: String,
    /// ` line L, column C`, when known.
    pub location: String,
    /// What is wrong.
    pub message: String,
}

impl RuleFileError {
    /// An error in the rule file `path` (whose text is `text`) at byte `offset`.
    pub fn new(path: &str, text: &str, offset: Option<usize>, message: impl Into<String>) -> Self {
        let location = offset
            .map(|o| {
                let before = &text[..o.min(text.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
                format!(":{line}:{column}")
            })
            .unwrap_or_default();
        Self {
            path: path.to_string(),
            location,
            message: message.into(),
        }
    }
}

/// Every rule, and the law they rest on.
#[derive(Debug, Clone)]
pub struct Registry {
    /// The rules, in code order.
    pub rules: Vec<Rule>,
    /// The law data.
    pub law: Law,
    /// Places, bodies and Police and Crime Plans.
    pub knowledge: crate::knowledge::Knowledge,
}

/// The bundled rule files as written: (path, TOML). `knowledge::bundled` embeds
/// them, from the one list of bundled files.
pub const BUNDLED_RULES: &[(&str, &str)] = crate::knowledge::bundled::RULES_TOML;

/// The bundled rule files compiled to JSON at build time, read faster at start-up.
const BUNDLED_RULES_JSON: &[(&str, &str)] = crate::knowledge::bundled::RULES_JSON;

impl Registry {
    /// The bundled rules and law.
    pub fn bundled() -> Self {
        let mut registry = Registry {
            rules: Vec::new(),
            law: Law::bundled(),
            knowledge: crate::knowledge::Knowledge::bundled(),
        };
        for (path, json) in BUNDLED_RULES_JSON {
            let file: RuleFile = serde_json::from_str(json)
                .expect("the bundled rules are checked by the test suite");
            registry
                .add_parsed(path, "", file)
                .expect("the bundled rules are checked by the test suite");
        }
        registry
    }

    /// Adds the rules (and law) of one rule file's text.
    pub fn add(&mut self, path: &str, text: &str) -> Result<(), RuleFileError> {
        let file: RuleFile = toml::from_str(text).map_err(|e| {
            RuleFileError::new(
                path,
                text,
                e.span().map(|s| s.start),
                e.message().to_string(),
            )
        })?;
        self.add_parsed(path, text, file)
    }

    /// Adds the rules (and law) of one rule file, read from `text`.
    fn add_parsed(
        &mut self,
        path: &str,
        text: &str,
        mut file: RuleFile,
    ) -> Result<(), RuleFileError> {
        if let Some(schema) = &file.schema {
            if schema != "csa-rules/1" {
                return Err(RuleFileError::new(
                    path,
                    text,
                    None,
                    format!("unknown schema `{schema}`; this csa reads `csa-rules/1`"),
                ));
            }
        }
        for rule in &mut file.rules {
            let at = text.find(&format!("\"{}\"", rule.code));
            let Some(kind) = kinds::find(&rule.kind) else {
                let names: Vec<&str> = kinds::KINDS.iter().map(|k| k.name).collect();
                let hint = crate::ast::schema::did_you_mean(&rule.kind, names.iter().copied())
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                return Err(RuleFileError::new(
                    path,
                    text,
                    at,
                    format!("rule {} has unknown kind `{}`{hint}", rule.code, rule.kind),
                ));
            };
            if let Some(existing) = self
                .rules
                .iter()
                .find(|r| r.code == rule.code || r.name == rule.name)
            {
                return Err(RuleFileError::new(
                    path,
                    text,
                    at,
                    format!(
                        "rule {} `{}` clashes with rule {} `{}`: codes and names are unique",
                        rule.code, rule.name, existing.code, existing.name
                    ),
                ));
            }
            if let Some(kind) = rule
                .applies_to
                .iter()
                .chain(rule.legal_basis_by_kind.keys())
                .find(|k| !crate::ast::schema::DOCUMENT_KINDS.contains(&k.as_str()))
            {
                return Err(RuleFileError::new(
                    path,
                    text,
                    at,
                    format!(
                        "rule {} names `{kind}`, which is not a kind of document: use {}",
                        rule.code,
                        crate::ast::schema::DOCUMENT_KINDS.join(", ")
                    ),
                ));
            }
            if rule.code.trim().is_empty() {
                let message = format!("rule `{}` has an empty code", rule.name);
                return Err(RuleFileError::new(path, text, at, message));
            }
            rule.settings = kind.settings(rule).map_err(|e| {
                let place = e.param.as_deref().and_then(|p| param_at(text, at, p));
                RuleFileError::new(path, text, place.or(at), e.message)
            })?;
            if let Err(message) = kind.check_templates(rule) {
                return Err(RuleFileError::new(path, text, at, message));
            }
            if !is_kebab(&rule.name) {
                return Err(RuleFileError::new(
                    path,
                    text,
                    at,
                    format!(
                        "rule name `{}` must be kebab-case, such as `missing-lead`",
                        rule.name
                    ),
                ));
            }
        }
        self.rules.extend(file.rules);
        self.rules.sort_by(|a, b| a.code.cmp(&b.code));
        if let Some(law) = file.law {
            self.law.extend(law);
        }
        if let Some(tables) = file.knowledge {
            self.check_knowledge(path, text, &tables)?;
            self.knowledge.extend(tables);
        }
        Ok(())
    }

    /// Checks a rule pack's knowledge entries against what csa knows with them added:
    /// the first problem naming one of the pack's entries is an error located at it.
    fn check_knowledge(
        &self,
        path: &str,
        text: &str,
        tables: &crate::knowledge::Tables,
    ) -> Result<(), RuleFileError> {
        let ids: Vec<&str> = tables
            .police_areas
            .iter()
            .map(|e| e.id.as_str())
            .chain(tables.authorities.iter().map(|e| e.id.as_str()))
            .chain(tables.partnerships.iter().map(|e| e.id.as_str()))
            .chain(tables.reorganisations.iter().map(|e| e.id.as_str()))
            .chain(tables.bodies.iter().map(|e| e.id.as_str()))
            .chain(tables.plans.iter().map(|e| e.id.as_str()))
            .collect();
        let mut knowledge = self.knowledge.clone();
        knowledge.extend(tables.clone());
        let kinds: Vec<&str> = self
            .law
            .authority_kinds
            .iter()
            .map(|k| k.id.as_str())
            .collect();
        for problem in crate::knowledge::problems(&knowledge, &kinds) {
            // A police area of the pack may still lack a plan: the bundled data has one
            // when it corrects an existing area, and a pack may add areas without plans.
            if problem.contains("has no Police and Crime Plan") {
                continue;
            }
            let Some(id) = ids.iter().find(|id| problem.contains(&format!("`{id}`"))) else {
                continue;
            };
            let at = text.find(&format!("\"{id}\""));
            return Err(RuleFileError::new(
                path,
                text,
                at,
                format!("knowledge entry `{id}`: {problem}"),
            ));
        }
        Ok(())
    }

    /// The rule a code, name or alias names.
    pub fn find(&self, word: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| {
            r.code.eq_ignore_ascii_case(word)
                || r.name == word
                || r.aliases.iter().any(|a| a == word)
        })
    }

    /// The families, with their rules' codes.
    pub fn families(&self) -> BTreeMap<&str, Vec<&str>> {
        let mut out: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for rule in &self.rules {
            out.entry(rule.family.as_str())
                .or_default()
                .push(rule.code.as_str());
        }
        out
    }
}

/// Where a rule's setting `key` is written: the first `key =` after the rule's code
/// (at `rule_at`) and before the next rule, when the file has one there.
fn param_at(text: &str, rule_at: Option<usize>, key: &str) -> Option<usize> {
    let from = rule_at?;
    let rest = &text[from..];
    let end = rest.find("[[rule]]").unwrap_or(rest.len());
    let rest = &rest[..end];
    let mut searched = 0;
    while let Some(i) = rest[searched..].find(key) {
        let at = searched + i;
        let before = rest[..at].chars().next_back();
        let after = rest[at + key.len()..].trim_start();
        let starts_word =
            before.is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'));
        if starts_word && after.starts_with('=') {
            return Some(from + at);
        }
        searched = at + key.len();
    }
    None
}

fn is_kebab(name: &str) -> bool {
    !name.is_empty()
        && name.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// Resolves a rule pack path named in a config file, relative to that file.
pub fn pack_path(config_dir: &Path, pack: &str) -> PathBuf {
    config_dir.join(pack)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_json_reads_as_the_toml_does() {
        let json = Registry::bundled();
        let mut toml = Registry {
            rules: Vec::new(),
            law: toml::from_str(crate::knowledge::law::BUNDLED).unwrap(),
            knowledge: crate::knowledge::Knowledge::bundled(),
        };
        for (path, text) in BUNDLED_RULES {
            toml.add(path, text).unwrap();
        }
        let words = |r: &Registry| {
            r.rules
                .iter()
                .map(|r| serde_json::to_string(r).unwrap())
                .collect::<Vec<_>>()
        };
        assert_eq!(words(&json), words(&toml));
        assert_eq!(json.law.acts.len(), toml.law.acts.len());
        assert_eq!(json.law.events.len(), toml.law.events.len());
        assert_eq!(
            json.law.authority_kinds.len(),
            toml.law.authority_kinds.len()
        );
    }
}
