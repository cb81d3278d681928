//! `--output-format concise`: one line per finding, as compilers print them.

use super::{FileReport, Summary};

/// `path:line:column: severity[CODE] message`, lines and columns from 1.
pub fn render(reports: &[FileReport], summary: Summary) -> String {
    let mut out = String::new();
    for report in reports {
        for d in &report.diagnostics {
            out.push_str(&format!(
                "{}:{}:{}: {}[{}] {}\n",
                report.path,
                d.span.start.line + 1,
                d.span.start.column_utf16 + 1,
                d.severity.as_str(),
                d.code,
                d.message
            ));
        }
    }
    out.push_str(&summary.line());
    out.push('\n');
    out
}
