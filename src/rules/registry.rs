//! Rule instances as data: `rules/rules.toml` (embedded) and users' own rule packs.
//!
//! A rule names a *kind* (Rust code in `kinds/`) and gives everything a person reads:
//! its code and name, default severity, message and help templates, legal basis and
//! the explanation printed by `csa explain`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::kinds;
use crate::knowledge::law::Law;
use crate::diagnostics::{Applicability, Severity};

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

    /// A string setting of the kind, if given.
    pub fn param_str(&self, key: &str) -> Option<&str> {
        self.params.get(key).and_then(|v| v.as_str())
    }

    /// A number setting of the kind, if given.
    pub fn param_int(&self, key: &str) -> Option<i64> {
        self.params.get(key).and_then(|v| v.as_integer())
    }

    /// A number setting of the kind, if given (integers are accepted too).
    pub fn param_float(&self, key: &str) -> Option<f64> {
        self.params
            .get(key)
            .and_then(|v| v.as_float().or_else(|| v.as_integer().map(|i| i as f64)))
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
    fn new(path: &str, text: &str, offset: Option<usize>, message: impl Into<String>) -> Self {
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

    /// Adds a rule pack read from `path`.
    pub fn add_file(&mut self, path: &Path) -> Result<(), RuleFileError> {
        let display = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| {
            RuleFileError::new(
                &display,
                "",
                None,
                format!("cannot read the rule pack: {e}"),
            )
        })?;
        self.add(&display, &text)
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
    fn add_parsed(&mut self, path: &str, text: &str, file: RuleFile) -> Result<(), RuleFileError> {
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
        for rule in &file.rules {
            let at = text.find(&format!("\"{}\"", rule.code));
            if !kinds::KINDS.iter().any(|k| k.name == rule.kind) {
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
            }
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
            if let Err(message) = check_rule(rule) {
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

/// The `{placeholders}` each kind's findings fill, for checking a rule's templates:
/// every `.arg("...")` its check (and the helpers it calls) makes in src/rules/kinds,
/// and for `workspace` every one in src/workspace. Kinds not listed (syntax,
/// suppressions) fill theirs elsewhere and are not checked.
const KIND_ARGS: &[(&str, &[&str])] = &[
    (
        "workspace",
        &[
            "area",
            "count",
            "county",
            "cycle",
            "date",
            "district",
            "districts",
            "hint",
            "id",
            "issue",
            "known",
            "named",
            "other",
            "other_plan",
            "others",
            "partnerships",
            "plan",
            "present",
            "priorities",
            "reason",
            "target",
            "title",
            "who",
            "why",
        ],
    ),
    (
        "required-field",
        &["action", "block", "field", "id", "missing", "subject"],
    ),
    ("count-bound", &["block", "count", "max", "min"]),
    (
        "statutory-coverage",
        &[
            "area",
            "area_title",
            "basis",
            "citation",
            "effective",
            "id",
            "in_force_from",
            "keyword",
            "words",
        ],
    ),
    (
        "inferred-coverage",
        &[
            "area",
            "area_title",
            "basis",
            "citation",
            "id",
            "in_force_from",
            "keyword",
            "words",
        ],
    ),
    (
        "upcoming-coverage",
        &[
            "area",
            "area_title",
            "basis",
            "citation",
            "id",
            "in_force_from",
            "keyword",
            "until",
            "words",
        ],
    ),
    ("area-reference", &["area", "known", "suggestion"]),
    ("priority-lead", &["id", "title"]),
    ("lead-priority", &["lead", "role"]),
    ("lead-organisation", &["role"]),
    ("lead-organisation-known", &["organisation", "suggestion"]),
    ("leads-agree", &["id", "lead", "where"]),
    ("pcc-plan-declared", &["effective"]),
    ("pcc-plan-period", &["period", "plan", "problem"]),
    (
        "pcc-plan-current",
        &["area", "effective", "expected", "expected_period", "plan"],
    ),
    ("pcc-objective-regarded", &["id", "objective"]),
    ("pcc-objective-reference", &["id", "suggestion", "topic"]),
    (
        "pcc-likely-link",
        &["id", "keyword", "objective", "shared", "title", "topic"],
    ),
    ("duplicate-id", &["family", "id"]),
    ("theme-reference", &["id", "suggestion", "what"]),
    ("priority-reference", &["id", "suggestion", "what"]),
    ("theme-linked", &["id", "title"]),
    (
        "authority-kinds",
        &["citation", "effective", "kind", "name", "title"],
    ),
    (
        "authority-name-current",
        &["advice", "effective", "name", "old", "until"],
    ),
    (
        "not-an-authority",
        &["body", "citation", "name", "relationship"],
    ),
    ("bill-after-assent", &["act", "assent", "bill", "effective"]),
    ("version-order", &["previous", "version", "what"]),
    ("version-header", &["header", "latest"]),
    ("aim-number", &["expected", "number", "priority"]),
    ("aim-sequence", &["expected", "number", "priority"]),
    ("priority-actions", &["id", "title"]),
    ("assessment-count", &["count", "issue", "total"]),
    ("assessment-coverage", &["count", "issue", "total"]),
    (
        "review-due",
        &["age", "as_of", "due", "effective", "review"],
    ),
    (
        "area-known",
        &[
            "area",
            "cycle",
            "field",
            "hint",
            "reason",
            "suggestion",
            "target",
        ],
    ),
    (
        "pcc-plan-life",
        &["advice", "area", "change", "date", "life"],
    ),
    (
        "policing-body-life",
        &["advice", "area", "change", "date", "life"],
    ),
    (
        "two-tier-area",
        &[
            "advice", "area", "change", "cycle", "date", "hint", "life", "reason", "target",
        ],
    ),
    (
        "authority-name-life",
        &["date", "life", "name", "successor"],
    ),
    ("bill-in-life", &["act", "assent", "life"]),
    ("review-name", &["citation", "effective"]),
    ("no-priorities", &["areas", "effective", "stated"]),
    (
        "area-only-mentioned",
        &[
            "area",
            "area_title",
            "basis",
            "id",
            "keyword",
            "title",
            "words",
        ],
    ),
    ("no-authority-list", &["effective", "kinds"]),
    ("governance-body", &["field", "organisation", "role"]),
    ("health-body-unnamed", &["advice", "name"]),
    ("plan-objectives-listed", &["plan"]),
];

/// The block keywords `required-field` and `count-bound` can count.
const COUNTABLE_BLOCKS: &[&str] = &[
    "agreement",
    "priority",
    "theme",
    "authority",
    "body",
    "version",
    "plan",
    "action-plan",
    "assessment",
    "risk-ranking",
    "horizon-scan",
    "links",
    "contact",
    "leads",
];

/// What is wrong with a rule's settings and templates, if anything: an empty code,
/// a setting its kind does not read or of the wrong type or range, a block or field
/// that does not exist, or a `{placeholder}` its kind never fills. Each of these
/// would otherwise switch the rule off, or break it, without a word.
fn check_rule(rule: &Rule) -> Result<(), String> {
    if rule.code.trim().is_empty() {
        return Err(format!("rule `{}` has an empty code", rule.name));
    }
    let code = &rule.code;
    let allowed: &[&str] = match rule.kind.as_str() {
        "required-field" => &["block", "fields"],
        "count-bound" => &["block", "min", "max"],
        "pcc-likely-link" => &["threshold"],
        "assessment-coverage" => &["share"],
        "upcoming-coverage" => &["months"],
        "review-name" => &["duty"],
        _ => &[],
    };
    for key in rule.params.keys() {
        if !allowed.contains(&key.as_str()) {
            let hint = crate::ast::schema::did_you_mean(key, allowed.iter().copied())
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_else(|| match allowed {
                    [] => format!("; kind `{}` takes no params", rule.kind),
                    _ => format!("; kind `{}` reads {}", rule.kind, allowed.join(", ")),
                });
            return Err(format!("rule {code}: unknown param `{key}`{hint}"));
        }
    }
    let number = |key: &str, low: f64, high: f64| -> Result<(), String> {
        match rule.params.get(key) {
            None => Ok(()),
            Some(v) => match v.as_float().or_else(|| v.as_integer().map(|i| i as f64)) {
                Some(x) if x.is_finite() && (low..=high).contains(&x) => Ok(()),
                _ => Err(format!(
                    "rule {code}: param `{key}` must be a number from {low} to {high}, not {v}"
                )),
            },
        }
    };
    let integer = |key: &str, low: i64, high: i64| -> Result<Option<i64>, String> {
        match rule.params.get(key) {
            None => Ok(None),
            Some(v) => match v.as_integer() {
                Some(i) if (low..=high).contains(&i) => Ok(Some(i)),
                _ => Err(format!(
                    "rule {code}: param `{key}` must be a whole number from {low} to {high}, not {v}"
                )),
            },
        }
    };
    let block = || -> Result<&str, String> {
        match rule.params.get("block") {
            Some(toml::Value::String(b)) if COUNTABLE_BLOCKS.contains(&b.as_str()) => Ok(b),
            Some(toml::Value::String(b)) => {
                let hint = crate::ast::schema::did_you_mean(b, COUNTABLE_BLOCKS.iter().copied())
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                Err(format!("rule {code}: param `block = \"{b}\"` is not a block keyword{hint}"))
            }
            Some(other) => Err(format!(
                "rule {code}: param `block` must be a block keyword in quotes, such as \"priority\", not {other}"
            )),
            None => Err(format!("rule {code}: kind `{}` needs param `block`", rule.kind)),
        }
    };
    match rule.kind.as_str() {
        "required-field" => {
            let keyword = block()?;
            let known: Vec<&str> = crate::ast::schema::block(keyword)
                .map(|b| b.fields.iter().map(|f| f.name).collect())
                .unwrap_or_default();
            let fields = match rule.params.get("fields") {
                Some(toml::Value::Array(items)) if !items.is_empty() => items,
                Some(other) => {
                    return Err(format!(
                        "rule {code}: param `fields` must be a list of field names, such as [\"lead\"], not {other}"
                    ))
                }
                None => return Err(format!("rule {code}: kind `required-field` needs param `fields`")),
            };
            for item in fields {
                let Some(field) = item.as_str() else {
                    return Err(format!("rule {code}: param `fields` holds {item}, which is not a field name in quotes"));
                };
                if !known.contains(&field) {
                    let hint = crate::ast::schema::did_you_mean(field, known.iter().copied())
                        .map(|s| format!("; did you mean `{s}`?"))
                        .unwrap_or_default();
                    return Err(format!(
                        "rule {code}: `@{keyword}` has no field `{field}`{hint}"
                    ));
                }
            }
        }
        "count-bound" => {
            block()?;
            let min = integer("min", 0, i64::from(u32::MAX))?;
            let max = integer("max", 0, i64::from(u32::MAX))?;
            if let (Some(min), Some(max)) = (min, max) {
                if min > max {
                    return Err(format!(
                        "rule {code}: param `min = {min}` is more than `max = {max}`"
                    ));
                }
            }
        }
        "pcc-likely-link" => number("threshold", 0.0, 1.0)?,
        "assessment-coverage" => number("share", 0.0, 1.0)?,
        "upcoming-coverage" => {
            integer("months", 1, 1200)?;
        }
        "review-name" => match rule.params.get("duty") {
            None | Some(toml::Value::String(_)) => {}
            Some(other) => {
                let want = "a duty id from law.toml in quotes";
                return Err(format!(
                    "rule {code}: param `duty` must be {want}, not {other}"
                ));
            }
        },
        _ => {}
    }
    if let Some((_, args)) = KIND_ARGS.iter().find(|(k, _)| *k == rule.kind) {
        let templates = [
            Some(&rule.message),
            rule.help.as_ref(),
            rule.legal_basis.as_ref(),
        ]
        .into_iter()
        .flatten()
        .chain(rule.legal_basis_by_kind.values());
        for template in templates {
            for name in placeholders(template) {
                if !args.contains(&name) {
                    return Err(format!(
                        "rule {code}: `{{{name}}}` is not filled by kind `{}`; it fills {}",
                        rule.kind,
                        args.iter()
                            .map(|a| format!("{{{a}}}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
            }
        }
    }
    Ok(())
}

/// The `{name}` placeholders of a template (a name is letters, digits and `_`).
fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        let Some(close) = rest.find('}') else {
            break;
        };
        let name = &rest[..close];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            out.push(name);
            rest = &rest[close + 1..];
        }
    }
    out
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
