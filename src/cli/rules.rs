//! `csa rules`, `csa explain` and the generated rule reference (docs/rules.md).

pub use crate::rules::explain::{explain, markdown};
use crate::rules::{kinds, Registry};

/// `csa rules` as text: one line per rule.
pub fn text(registry: &Registry) -> String {
    registry
        .rules
        .iter()
        .map(|r| {
            format!(
                "{:<7} {:<32} {:<8} {}\n",
                r.code,
                r.name,
                r.severity.as_str(),
                r.summary
            )
        })
        .collect()
}

/// `csa rules --format json`.
pub fn json(registry: &Registry) -> String {
    serde_json::to_string_pretty(
        &serde_json::json!({ "schema": "csa-rules/1", "rules": registry.rules }),
    )
    .expect("rules serialise")
}

/// `csa rules --kinds`: the kinds a rule pack can use, with the settings each reads;
/// as Markdown, the part of docs/configuration.md that lists them.
pub fn kinds(markdown: bool) -> String {
    if markdown {
        return kinds::markdown();
    }
    kinds::KINDS
        .iter()
        .map(|k| match k.settings_text() {
            settings if settings.is_empty() => format!("{:<26} {}\n", k.name, k.doc),
            settings => format!("{:<26} {} Settings: {settings}.\n", k.name, k.doc),
        })
        .collect()
}

/// `csa rules --areas`: the statutory areas and when they are in force.
pub fn areas(registry: &Registry) -> String {
    registry
        .law
        .areas
        .iter()
        .map(|a| format!("{:<20} {}\n{:<20} {}\n", a.id, a.title, "", a.basis()))
        .collect()
}

/// `csa rules`: prints the rules (or the kinds, or the statutory areas).
pub fn run(format: &str, kinds: bool, areas: bool) -> u8 {
    let registry = crate::rules::Registry::bundled();
    let text = if kinds {
        self::kinds(format == "markdown")
    } else if areas {
        self::areas(&registry)
    } else {
        match format {
            "json" => json(&registry) + "\n",
            "markdown" => markdown(&registry),
            _ => text(&registry),
        }
    };
    print!("{text}");
    0
}

/// `csa explain CODE|NAME`.
pub fn run_explain(rule: &str, format: &str) -> u8 {
    let registry = crate::rules::Registry::bundled();
    match registry.find(rule) {
        Some(found) => {
            print!("{}", explain(found, format == "markdown"));
            0
        }
        None => {
            let words = registry
                .rules
                .iter()
                .flat_map(|r| [r.code.as_str(), r.name.as_str()]);
            let hint = crate::ast::schema::did_you_mean(rule, words)
                .map(|s| format!("did you mean `{s}`? "))
                .unwrap_or_default();
            eprintln!(
                "error: `{rule}` is not a rule code or name\n  help: {hint}`csa rules` lists them"
            );
            2
        }
    }
}
