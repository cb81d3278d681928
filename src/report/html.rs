//! The report as one HTML page, written as `csa publish` writes agreements: the
//! status panel first, under the title, then the contents.

use super::{publication, Report};
use crate::publish::html;

/// The report as a self-contained HTML page.
pub fn page(report: &Report) -> String {
    let files: Vec<&str> = report.documents.iter().map(|d| d.file.as_str()).collect();
    html::page(
        &publication(report),
        &format!(
            "Made with csa report from {}, with the rules and legal data of csa {}.",
            files.join(", "),
            env!("CARGO_PKG_VERSION")
        ),
    )
}
