//! Mistakes with a correction to offer: a block keyword or field name that is not in
//! the schema (with the closest one, when close enough to suggest), and an id in
//! curly quotes, as word processors write them.

use super::entries::parent_phrase;
use super::{codes, Lowering};
use crate::ast::schema::{self, FieldSpec};
use crate::diagnostics::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::syntax::Token;

impl Lowering<'_> {
    pub(super) fn unknown_block(&mut self, keyword: &Token) {
        let suggestion =
            schema::did_you_mean(&keyword.text, schema::BLOCKS.iter().map(|b| b.keyword));
        let mut diagnostic = Diagnostic::new(
            codes::UNKNOWN_BLOCK.0,
            codes::UNKNOWN_BLOCK.1,
            Severity::Error,
            self.span(keyword.range.clone()),
            match suggestion {
                Some(s) => format!(
                    "`@{}` is not a kind of block; did you mean `@{s}`?",
                    keyword.text
                ),
                None => format!("`@{}` is not a kind of block", keyword.text),
            },
        )
        .with_help(format!(
            "the blocks are {}",
            schema::BLOCKS
                .iter()
                .map(|b| format!("`@{}`", b.keyword))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        if let Some(s) = suggestion {
            diagnostic = diagnostic.with_fix(Fix {
                title: format!("Change to `@{s}`"),
                applicability: spelling_fix(&keyword.text, s),
                edits: vec![Edit {
                    span: self.span(keyword.range.clone()),
                    replacement: s.to_string(),
                }],
            });
        }
        self.diagnostics.push(diagnostic);
    }

    pub(super) fn unknown_field(
        &mut self,
        name: &Token,
        fields: &'static [FieldSpec],
        parent: &str,
    ) {
        let line_start = self.text[..name.range.start]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let indent = &self.text[line_start..name.range.start];
        if indent.contains('\t') {
            let message = format!(
                "this line is indented with a tab, so `{}` is read as a field of {}",
                name.text,
                parent_phrase(parent)
            );
            self.error(
                codes::UNKNOWN_FIELD,
                line_start..name.range.start,
                message,
                "indent with spaces, not tabs: a tab counts as two spaces, so this line is no further in than the field above it; a line that belongs under a field (such as `group:` under an `objective`) is indented further, for example 4 spaces under a field indented 2",
            );
            return;
        }
        let suggestion = schema::did_you_mean(&name.text, fields.iter().map(|f| f.name));
        let message = match suggestion {
            Some(s) => format!(
                "`{}` is not a field of {}; did you mean `{s}`?",
                name.text,
                parent_phrase(parent)
            ),
            None => format!(
                "`{}` is not a field of {}",
                name.text,
                parent_phrase(parent)
            ),
        };
        let help = if fields.is_empty() {
            format!("{} holds only list items (`- item`)", parent_phrase(parent))
        } else {
            format!(
                "the fields of {} are {}",
                parent_phrase(parent),
                fields
                    .iter()
                    .map(|f| format!("`{}`", f.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        let mut diagnostic = Diagnostic::new(
            codes::UNKNOWN_FIELD.0,
            codes::UNKNOWN_FIELD.1,
            Severity::Error,
            self.span(name.range.clone()),
            message,
        )
        .with_help(help);
        if let Some(s) = suggestion {
            diagnostic = diagnostic.with_fix(Fix {
                title: format!("Change to `{s}`"),
                applicability: spelling_fix(&name.text, s),
                edits: vec![Edit {
                    span: self.span(name.range.clone()),
                    replacement: s.to_string(),
                }],
            });
        }
        self.diagnostics.push(diagnostic);
    }

    /// An id opened with a curly quote (“Road Safety”), as word processors write them:
    /// the format's quotes are straight.
    pub(super) fn curly_quotes(&mut self, after: &str, start: usize) {
        // From the opening quote to the closing one, on the same line.
        let line = &self.text[start..];
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        let open_len = line.chars().next().map_or(0, char::len_utf8);
        let end = line[open_len..]
            .char_indices()
            .find(|(_, c)| matches!(c, '“' | '”' | '‘' | '’' | '"'))
            .map_or(start + open_len, |(i, c)| {
                start + open_len + i + c.len_utf8()
            });
        let range = start..end;
        let written = &self.text[range.clone()];
        let straight: String = written
            .chars()
            .map(|c| match c {
                '“' | '”' | '„' | '″' => '"',
                '‘' | '’' => '\'',
                c => c,
            })
            .collect();
        let (message, help) = (
            format!("the id after {after} is in curly quotes (“…”); ids are quoted with straight quotes (\"…\")"),
            {
                let line_start = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
                let rest = &self.text[end..];
                let line_end = end + rest.find('\n').unwrap_or(rest.len());
                format!(
                    "write `{}{straight}{}`",
                    self.text[line_start..start].trim_start(),
                    self.text[end..line_end].trim_end()
                )
            },
        );
        let span = self.span(range.clone());
        let diagnostic = Diagnostic::new(
            codes::SYNTAX_ERROR.0,
            codes::SYNTAX_ERROR.1,
            Severity::Error,
            span,
            message,
        )
        .with_help(help)
        .with_fix(Fix {
            title: "Use straight quotes".to_string(),
            applicability: Applicability::Safe,
            edits: vec![Edit {
                span,
                replacement: straight,
            }],
        });
        self.diagnostics.push(diagnostic);
    }
}

/// A correction that changes only letter case, `_` or `-` cannot change what the
/// document says, so `--fix` may apply it; any other correction (`@prority` to
/// `@priority`) is a guess a person confirms.
fn spelling_fix(written: &str, suggestion: &str) -> Applicability {
    let fold = |s: &str| -> String {
        s.chars()
            .filter(|c| *c != '-' && *c != '_')
            .flat_map(char::to_lowercase)
            .collect()
    };
    if fold(written) == fold(suggestion) {
        Applicability::Safe
    } else {
        Applicability::Unsafe
    }
}

/// Whether `text` opens with a curly quote.
pub(super) fn starts_curly(text: &str) -> bool {
    text.starts_with(['“', '”', '‘', '’', '„'])
}
