//! What a rule kind promises, stated once next to its function: its name, what it
//! checks, the values its findings carry for a rule's templates, and the settings
//! (`params`) it reads, with their types, ranges and defaults.
//!
//! The registry holds every rule to its kind's contract when it loads (a rule pack
//! that breaks it is refused with the place and the reason), so a kind reads settings
//! already checked and with their defaults filled in, and a rule's templates name only
//! values its kind fills. The settings table of docs/configuration.md is generated
//! from these declarations ([`markdown`]).

use std::fmt::Write as _;

use super::{Context, Finding, Rule};

/// A kind of rule: the Rust half of a rule, and its contract with the rule files.
#[derive(Debug)]
pub struct Kind {
    /// The name rule files use in `kind = "..."`.
    pub name: &'static str,
    /// What it checks, in a sentence or two.
    pub doc: &'static str,
    /// The values its findings carry: the `{name}`s a rule's message, help and legal
    /// basis may use. A finding carrying another is a mistake in the kind, which debug
    /// builds stop at.
    pub args: &'static [&'static str],
    /// The settings it reads, in the order they are checked.
    pub params: &'static [Param],
    /// Runs the check; `None` for the kinds whose findings are made elsewhere: by the
    /// parser (`syntax`), when documents are read together (`workspace`), or after
    /// suppressions are applied (`suppress.rs`).
    pub run: Option<fn(&Context, &Rule, &mut Vec<Finding>)>,
}

/// One setting a kind reads from its rule's `params`.
#[derive(Debug)]
pub struct Param {
    /// The key in `params`.
    pub name: &'static str,
    /// The values it takes.
    pub ty: ParamType,
    /// What applies when it is not given.
    pub default: ParamDefault,
    /// What it changes.
    pub doc: &'static str,
}

/// The values a setting takes.
#[derive(Debug)]
pub enum ParamType {
    /// A number in a range; a whole number is taken as one.
    Number {
        /// The smallest allowed.
        min: f64,
        /// The largest allowed.
        max: f64,
    },
    /// A whole number in a range.
    Whole {
        /// The smallest allowed.
        min: i64,
        /// The largest allowed.
        max: i64,
        /// Another whole-number setting of the kind this one may not be less than,
        /// when both are given.
        at_least: Option<&'static str>,
    },
    /// A text in quotes; `what` says what it names, for errors and documentation.
    Text {
        /// What the text names, such as "a duty id from rules/law.toml".
        what: &'static str,
    },
    /// A block keyword of [`crate::rules::kinds::generic::BLOCKS`].
    Block,
    /// A non-empty list of field names of the block the setting `block` names.
    Fields {
        /// The setting that names the block.
        block: &'static str,
    },
}

/// What applies when a setting is not given.
#[derive(Debug)]
pub enum ParamDefault {
    /// It must be given.
    Required,
    /// This number.
    Number(f64),
    /// This whole number.
    Whole(i64),
    /// This text.
    Text(&'static str),
    /// Nothing is filled in: the kind works it out from the document, as the words say
    /// ("the document's review cycle").
    Worked(&'static str),
}

/// A setting's value, checked against its declaration.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A number.
    Number(f64),
    /// A whole number.
    Whole(i64),
    /// A text (or a block keyword).
    Text(String),
    /// A list of names.
    Names(Vec<String>),
}

/// A rule's settings: every setting its kind declares that was given or has a default,
/// checked when the registry loaded the rule.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    declared: &'static [Param],
    values: Vec<(&'static str, Value)>,
}

impl Settings {
    fn get(&self, name: &str) -> Option<&Value> {
        self.values.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// A number setting that is required or has a default.
    pub fn number(&self, name: &str) -> f64 {
        match self.get(name) {
            Some(Value::Number(x)) => *x,
            other => undeclared(name, "a number", other),
        }
    }

    /// A whole-number setting that is required or has a default.
    pub fn whole(&self, name: &str) -> i64 {
        match self.get(name) {
            Some(Value::Whole(i)) => *i,
            other => undeclared(name, "a whole number", other),
        }
    }

    /// A whole-number setting whose default the kind works out: `None` when the rule
    /// does not give it.
    pub fn whole_if_given(&self, name: &str) -> Option<i64> {
        match self.get(name) {
            Some(Value::Whole(i)) => Some(*i),
            None if self.declared.iter().any(|p| p.name == name) => None,
            other => undeclared(name, "a whole number", other),
        }
    }

    /// A text setting that is required or has a default.
    pub fn text(&self, name: &str) -> &str {
        match self.get(name) {
            Some(Value::Text(s)) => s,
            other => undeclared(name, "a text", other),
        }
    }

    /// A list setting whose default the kind works out: empty when the rule does not
    /// give it.
    pub fn names_if_given(&self, name: &str) -> &[String] {
        match self.get(name) {
            Some(Value::Names(n)) => n,
            None if self.declared.iter().any(|p| p.name == name) => &[],
            other => undeclared(name, "a list", other),
        }
    }

    /// A text setting whose default the kind works out: `None` when the rule does not
    /// give it.
    pub fn text_if_given(&self, name: &str) -> Option<&str> {
        match self.get(name) {
            Some(Value::Text(s)) => Some(s),
            None if self.declared.iter().any(|p| p.name == name) => None,
            other => undeclared(name, "a text", other),
        }
    }

    /// A list setting that is required.
    pub fn names(&self, name: &str) -> &[String] {
        match self.get(name) {
            Some(Value::Names(n)) => n,
            other => undeclared(name, "a list", other),
        }
    }
}

/// A kind asked for a setting its contract does not declare, or not as that type: a
/// mistake in the kind, not in a rule file (the registry checked those).
fn undeclared(name: &str, want: &str, found: Option<&Value>) -> ! {
    panic!("a kind read setting `{name}` as {want}, but its contract gives {found:?}: declare it in the kind's `params`")
}

/// A rule's settings that break its kind's contract: what is wrong, and the setting
/// it is about (to point at it in the file), when it is about one.
#[derive(Debug)]
pub struct ParamError {
    /// What is wrong, starting with the rule's code.
    pub message: String,
    /// The setting, when the mistake is in one.
    pub param: Option<String>,
}

impl Kind {
    /// Checks `rule`'s `params` against the declared settings and returns them with
    /// their defaults filled in.
    pub fn settings(&self, rule: &Rule) -> Result<Settings, ParamError> {
        let code = &rule.code;
        let fail = |param: &str, message: String| ParamError {
            message: format!("rule {code}: {message}"),
            param: Some(param.to_string()),
        };
        let names: Vec<&str> = self.params.iter().map(|p| p.name).collect();
        for key in rule.params.keys() {
            if !names.contains(&key.as_str()) {
                let hint = crate::ast::schema::did_you_mean(key, names.iter().copied())
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_else(|| match names.as_slice() {
                        [] => format!("; kind `{}` takes no params", self.name),
                        _ => format!("; kind `{}` reads {}", self.name, names.join(", ")),
                    });
                return Err(fail(key, format!("unknown param `{key}`{hint}")));
            }
        }
        let mut settings = Settings {
            declared: self.params,
            values: Vec::new(),
        };
        for param in self.params {
            let value = match rule.params.get(param.name) {
                Some(given) => param
                    .read(given, &settings)
                    .map_err(|m| fail(param.name, m))?,
                None => match &param.default {
                    ParamDefault::Required => {
                        return Err(ParamError {
                            message: format!(
                                "rule {code}: kind `{}` needs param `{}`",
                                self.name, param.name
                            ),
                            param: None,
                        })
                    }
                    ParamDefault::Number(x) => Value::Number(*x),
                    ParamDefault::Whole(i) => Value::Whole(*i),
                    ParamDefault::Text(s) => Value::Text(s.to_string()),
                    ParamDefault::Worked(_) => continue,
                },
            };
            settings.values.push((param.name, value));
        }
        for param in self.params {
            let ParamType::Whole {
                at_least: Some(other),
                ..
            } = param.ty
            else {
                continue;
            };
            let given = |name: &str| rule.params.get(name).and_then(|v| v.as_integer());
            if let (Some(low), Some(high)) = (given(other), given(param.name)) {
                if low > high {
                    return Err(fail(
                        other,
                        format!(
                            "param `{other} = {low}` is more than `{} = {high}`",
                            param.name
                        ),
                    ));
                }
            }
        }
        Ok(settings)
    }

    /// Checks that `rule`'s message, help and legal-basis templates use only the values
    /// its findings carry: any other `{name}` would be printed as written.
    pub fn check_templates(&self, rule: &Rule) -> Result<(), String> {
        let templates = [
            Some(&rule.message),
            rule.help.as_ref(),
            rule.legal_basis.as_ref(),
        ]
        .into_iter()
        .flatten()
        .chain(rule.legal_basis_by_kind.values());
        for template in templates {
            if let Some(name) = placeholders(template).find(|n| !self.args.contains(n)) {
                return Err(format!(
                    "rule {}: `{{{name}}}` is not filled by kind `{}`; it fills {}",
                    rule.code,
                    self.name,
                    self.args
                        .iter()
                        .map(|a| format!("{{{a}}}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
        Ok(())
    }

    /// The first value `args` carries that the kind does not declare, if any.
    pub fn undeclared_arg<'a>(&self, args: &'a [(&'static str, String)]) -> Option<&'a str> {
        args.iter()
            .map(|(k, _)| *k)
            .find(|k| !self.args.contains(k))
    }

    /// The settings in words, for `csa rules --kinds`: `threshold (a number from 0 to
    /// 1; default 0.35)`, joined with `, `; empty when it reads none.
    pub fn settings_text(&self) -> String {
        self.params
            .iter()
            .map(|p| format!("{} ({}; {})", p.name, p.ty.describe(), p.default.describe()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Param {
    /// Reads a given value, with the settings read before it (a list of fields needs
    /// its block).
    fn read(&self, given: &toml::Value, before: &Settings) -> Result<Value, String> {
        let key = self.name;
        match &self.ty {
            ParamType::Number { min, max } => {
                match given
                    .as_float()
                    .or_else(|| given.as_integer().map(|i| i as f64))
                {
                    Some(x) if x.is_finite() && (*min..=*max).contains(&x) => Ok(Value::Number(x)),
                    _ => Err(format!(
                        "param `{key}` must be a number from {min} to {max}, not {given}"
                    )),
                }
            }
            ParamType::Whole { min, max, .. } => match given.as_integer() {
                Some(i) if (*min..=*max).contains(&i) => Ok(Value::Whole(i)),
                _ => Err(format!(
                    "param `{key}` must be a whole number from {min} to {max}, not {given}"
                )),
            },
            ParamType::Text { what } => match given.as_str() {
                Some(s) => Ok(Value::Text(s.to_string())),
                None => Err(format!(
                    "param `{key}` must be {what} in quotes, not {given}"
                )),
            },
            ParamType::Block => {
                let blocks = super::kinds::generic::BLOCKS;
                match given.as_str() {
                    Some(b) if blocks.contains(&b) => Ok(Value::Text(b.to_string())),
                    Some(b) => {
                        let hint = crate::ast::schema::did_you_mean(b, blocks.iter().copied())
                            .map(|s| format!("; did you mean `{s}`?"))
                            .unwrap_or_default();
                        Err(format!(
                            "param `{key} = \"{b}\"` is not a block keyword{hint}"
                        ))
                    }
                    None => Err(format!(
                        "param `{key}` must be a block keyword in quotes, such as \"priority\", not {given}"
                    )),
                }
            }
            ParamType::Fields { block } => {
                let keyword = before.text(block);
                let known: Vec<&str> = crate::ast::schema::block(keyword)
                    .map(|b| b.fields.iter().map(|f| f.name).collect())
                    .unwrap_or_default();
                let items = match given.as_array() {
                    Some(items) if !items.is_empty() => items,
                    _ => {
                        return Err(format!(
                            "param `{key}` must be a list of field names, such as [\"lead\"], not {given}"
                        ))
                    }
                };
                let mut names = Vec::with_capacity(items.len());
                for item in items {
                    let Some(field) = item.as_str() else {
                        return Err(format!(
                            "param `{key}` holds {item}, which is not a field name in quotes"
                        ));
                    };
                    if !known.contains(&field) {
                        let hint = crate::ast::schema::did_you_mean(field, known.iter().copied())
                            .map(|s| format!("; did you mean `{s}`?"))
                            .unwrap_or_default();
                        return Err(format!("`@{keyword}` has no field `{field}`{hint}"));
                    }
                    names.push(field.to_string());
                }
                Ok(Value::Names(names))
            }
        }
    }
}

impl ParamType {
    /// The values it takes, in words.
    pub fn describe(&self) -> String {
        match self {
            ParamType::Number { min, max } => format!("a number from {min} to {max}"),
            ParamType::Whole { min, max, at_least } => {
                let floor = at_least
                    .map(|p| format!(", no less than `{p}`"))
                    .unwrap_or_default();
                format!("a whole number from {min} to {max}{floor}")
            }
            ParamType::Text { what } => what.to_string(),
            ParamType::Block => "a block keyword".to_string(),
            ParamType::Fields { block } => {
                format!("a list of field names of the block `{block}` names")
            }
        }
    }
}

impl ParamDefault {
    /// What applies when the setting is not given, in words.
    pub fn describe(&self) -> String {
        match self {
            ParamDefault::Required => "required".to_string(),
            ParamDefault::Number(x) => format!("default {x}"),
            ParamDefault::Whole(i) => format!("default {i}"),
            ParamDefault::Text(s) => format!("default `{s}`"),
            ParamDefault::Worked(words) => format!("default {words}"),
        }
    }
}

/// The `{name}` placeholders of a template (a name is letters, digits and `_`).
pub fn placeholders(template: &str) -> impl Iterator<Item = &str> {
    let mut rest = template;
    std::iter::from_fn(move || loop {
        let open = rest.find('{')?;
        rest = &rest[open + 1..];
        let close = rest.find('}')?;
        let name = &rest[..close];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            rest = &rest[close + 1..];
            return Some(name);
        }
    })
}

/// The kinds and their settings as Markdown, between the markers that
/// docs/configuration.md keeps them in (`csa rules --kinds --format markdown`).
pub fn markdown(kinds: &[&Kind]) -> String {
    let mut out = String::new();
    out.push_str(MARKDOWN_BEGIN);
    out.push_str("\n\n| kind | what it checks | values for its templates |\n|---|---|---|\n");
    for kind in kinds {
        let args: Vec<String> = kind.args.iter().map(|a| format!("`{{{a}}}`")).collect();
        let _ = writeln!(
            out,
            "| `{}` | {} | {} |",
            kind.name,
            cell(kind.doc),
            args.join(", ")
        );
    }
    out.push_str(
        "\nThe settings each kind reads, in `params`; every other kind takes none:\n\n\
         | kind | setting | value | default | what it does |\n|---|---|---|---|---|\n",
    );
    for kind in kinds {
        for p in kind.params {
            let value = match &p.ty {
                ParamType::Block => format!(
                    "a block keyword: {}",
                    super::kinds::generic::BLOCKS
                        .iter()
                        .map(|b| format!("`{b}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                other => other.describe(),
            };
            let default = match &p.default {
                ParamDefault::Required => "required".to_string(),
                ParamDefault::Number(x) => x.to_string(),
                ParamDefault::Whole(i) => i.to_string(),
                ParamDefault::Text(s) => format!("`{s}`"),
                ParamDefault::Worked(words) => words.to_string(),
            };
            let _ = writeln!(
                out,
                "| `{}` | `{}` | {} | {} | {} |",
                kind.name,
                p.name,
                cell(&value),
                cell(&default),
                cell(p.doc)
            );
        }
    }
    out.push('\n');
    out.push_str(MARKDOWN_END);
    out.push('\n');
    out
}

/// The line before the generated part of docs/configuration.md.
pub const MARKDOWN_BEGIN: &str = "<!-- kinds: generated from the kinds' declarations (src/rules/kinds) by `csa rules --kinds --format markdown`; do not edit by hand -->";
/// The line after it.
pub const MARKDOWN_END: &str = "<!-- kinds: end -->";

/// Text for a table cell: a `|` would end the cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_names_in_braces() {
        let found: Vec<&str> = placeholders("{id} has {no lead} or {x_1}{ and {y").collect();
        assert_eq!(found, ["id", "x_1"]);
    }
}
