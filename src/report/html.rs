//! The report as one HTML page, written as `csa publish` writes agreements.

use super::{all_blocks, Report};
use crate::publish::{html, Publication};

/// The report as a self-contained HTML page.
pub fn page(report: &Report) -> String {
    let title = match report.documents.as_slice() {
        [one] => format!("Compliance review: {}", one.title),
        _ => "Compliance review".to_string(),
    };
    let publication = Publication {
        title,
        author: None,
        blocks: all_blocks(report),
    };
    html::page(
        &publication,
        "Made by csa report from the .csa file, with the rules and legal data of this version of csa.",
    )
}
