//! The server's settings, from the editor: they go on top of each document's
//! configuration (see `setups`).

use crate::ast::Date;
use crate::engine::Setup;
use crate::rules::Options;

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

    /// The check options of `setup` with these settings on top.
    pub fn options(&self, setup: &Setup) -> Options {
        let mut options = setup.options();
        if self.as_of.is_some() {
            options.as_of = self.as_of;
        }
        options
    }
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
}
