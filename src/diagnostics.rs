//! The diagnostic model shared by the parser, the rule engine and every renderer.

use serde::Serialize;

use crate::text::Span;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A suggestion; never fails a check.
    Hint,
    /// Worth knowing; fails a check only at the `info` fail level.
    Info,
    /// A weakness a committee would question.
    Warning,
    /// The document is broken or breaks the law.
    Error,
}

impl Severity {
    /// The lower-case word used in output and configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A secondary location that helps explain a diagnostic ("first defined here").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What is there.
    pub message: String,
}

/// Whether a fix may be applied without a person reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Cannot change the meaning: applied by `--fix`.
    Safe,
    /// Probably right, but a person should look: applied only when asked.
    Unsafe,
    /// Shown as a suggestion, never applied automatically.
    DisplayOnly,
}

impl Applicability {
    /// The word used in rule data and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
            Applicability::DisplayOnly => "display-only",
        }
    }

    /// How far it may be applied without a person: 2 safe, 1 unsafe, 0 display-only.
    pub fn automation(self) -> u8 {
        match self {
            Applicability::Safe => 2,
            Applicability::Unsafe => 1,
            Applicability::DisplayOnly => 0,
        }
    }
}

/// One text replacement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// The text to replace.
    pub span: Span,
    /// What to put there.
    pub replacement: String,
}

/// A suggested change that resolves a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// Short description, as shown on a quick-fix menu.
    pub title: String,
    /// Whether it may be applied automatically.
    pub applicability: Applicability,
    /// The replacements, in document order, not overlapping.
    pub edits: Vec<Edit>,
}

/// A finding about a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable code, such as `CSA001`.
    pub code: String,
    /// Stable kebab-case name, such as `syntax-error`.
    pub name: String,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong, in plain English.
    pub message: String,
    /// Where.
    pub span: Span,
    /// Other places that explain it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<Label>,
    /// How to put it right.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The law or guidance the finding rests on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<String>,
    /// A change that puts it right.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

/// A finding a `// csa-ignore` comment accepted: not reported as a finding, but
/// counted and listed, so that an accepted duty never reads as one met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Accepted {
    /// The finding.
    #[serde(flatten)]
    pub diagnostic: Diagnostic,
    /// The reason the comment gives, when it gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The comment that accepts it.
    pub accepted_at: Span,
}

impl Diagnostic {
    /// A new diagnostic with no labels, help, legal basis or fix.
    pub fn new(
        code: &str,
        name: &str,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Self {
            code: code.to_string(),
            name: name.to_string(),
            severity,
            message: message.into(),
            span,
            labels: Vec::new(),
            help: None,
            legal_basis: None,
            fix: None,
        }
    }

    /// Adds the help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a secondary label.
    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Adds a fix.
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}

/// The syntax diagnostics of the format itself. Rule findings have codes of their own,
/// assigned in `rules/`; these are fixed because the parser emits them.
pub mod syntax {
    /// A line that does not follow the format (a missing colon, a stray character).
    pub const SYNTAX_ERROR: (&str, &str) = ("CSA001", "syntax-error");
    /// A block keyword that is not one of the format's blocks.
    pub const UNKNOWN_BLOCK: (&str, &str) = ("CSA002", "unknown-block");
    /// A field name that the block does not have.
    pub const UNKNOWN_FIELD: (&str, &str) = ("CSA003", "unknown-field");
    /// A value that is not of the kind the field needs (a date, a number, an id).
    pub const INVALID_VALUE: (&str, &str) = ("CSA004", "invalid-value");
    /// A field given twice where only one is allowed, or an id where none is allowed.
    pub const MISPLACED_ENTRY: (&str, &str) = ("CSA005", "misplaced-entry");
    /// A suppression comment that cannot be read.
    pub const BAD_SUPPRESSION: (&str, &str) = ("CSA006", "malformed-suppression");

    /// Whether `code` is one of the format's syntax diagnostics.
    pub fn is_syntax(code: &str) -> bool {
        [
            SYNTAX_ERROR,
            UNKNOWN_BLOCK,
            UNKNOWN_FIELD,
            INVALID_VALUE,
            MISPLACED_ENTRY,
            BAD_SUPPRESSION,
        ]
        .iter()
        .any(|(c, _)| *c == code)
    }
}

/// Diagnostics sorted by position, then code, so output is stable.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.span.start.offset, a.span.end.offset, &a.code, &a.message).cmp(&(
            b.span.start.offset,
            b.span.end.offset,
            &b.code,
            &b.message,
        ))
    });
}
