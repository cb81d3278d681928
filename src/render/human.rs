//! `--output-format human`: excerpts of the document with each finding marked, the
//! legal basis as a note and the fix as help, as rustc prints errors.

use ariadne::{Color, Config, IndexType, Label, Report, ReportKind, Source};

use super::{FileReport, Summary};
use crate::diagnostics::Severity;

fn kind(severity: Severity) -> (ReportKind<'static>, Color) {
    match severity {
        Severity::Error => (ReportKind::Error, Color::Red),
        Severity::Warning => (ReportKind::Warning, Color::Yellow),
        Severity::Info => (ReportKind::Custom("info", Color::Cyan), Color::Cyan),
        Severity::Hint => (ReportKind::Custom("hint", Color::Green), Color::Green),
    }
}

/// How far (in lines) a label may be from its finding and still be drawn in the same
/// excerpt; further ones become a note with their line number.
const NEARBY_LINES: u32 = 40;

/// Every finding of every file, then the summary line.
pub fn render(reports: &[FileReport], summary: Summary, color: bool) -> String {
    let mut out = Vec::new();
    for report in reports {
        let path = report.path.as_str();
        let mut cache = (path, Source::from(report.source.as_str()));
        for d in &report.diagnostics {
            let (kind, accent) = kind(d.severity);
            let range = d.span.range();
            let mut builder = Report::build(kind, (path, range.clone()))
                .with_config(
                    Config::default()
                        .with_color(color)
                        .with_index_type(IndexType::Byte),
                )
                .with_code(&d.code)
                .with_message(&d.message)
                .with_label(
                    Label::new((path, range))
                        .with_color(accent)
                        .with_message(&d.name),
                );
            for label in &d.labels {
                let distance = label.span.start.line.abs_diff(d.span.start.line);
                if distance <= NEARBY_LINES {
                    builder = builder.with_label(
                        Label::new((path, label.span.range()))
                            .with_color(Color::Blue)
                            .with_message(&label.message),
                    );
                } else {
                    // ariadne walks every line between a finding and its labels: a label
                    // far away would cost time in proportion to the document, and its
                    // excerpt would be mostly elision anyway.
                    builder = builder.with_note(format!(
                        "{} at line {}",
                        label.message,
                        label.span.start.line + 1
                    ));
                }
            }
            if let Some(basis) = &d.legal_basis {
                builder = builder.with_note(format!("legal basis: {basis}"));
            }
            if let Some(help) = &d.help {
                builder = builder.with_help(help);
            }
            builder
                .finish()
                .write(&mut cache, &mut out)
                .expect("writing to memory cannot fail");
        }
    }
    let mut text = String::from_utf8_lossy(&out).to_string();
    if !color {
        // ariadne colours custom report kinds (our "info" and "hint") even when told
        // not to; plain output must carry no escape codes.
        text = strip_ansi(&text);
    }
    text.push_str(&summary.line());
    text.push('\n');
    text
}

/// Removes ANSI colour sequences (`ESC [ ... m`).
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn colour_codes_are_stripped() {
        assert_eq!(
            super::strip_ansi("\u{1b}[32m[CSA306] hint:\u{1b}[0m text"),
            "[CSA306] hint: text"
        );
    }
}
