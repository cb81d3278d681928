//! The officer's appendix: for whoever keeps the agreement's `.csa` file, every
//! finding with its line, its code and the edit that puts it right, and every
//! accepted finding with its line. The committee's page says the same in words.

use super::page::Page;
use super::words::file_names;
use super::DocumentReport;
use crate::publish::{capitalise, Block, Cell, Table};

/// The appendix, when there is anything in it.
pub(super) fn blocks(r: &DocumentReport, level: u8, page: &mut Page) {
    let rows: Vec<_> = r.findings.iter().flat_map(|g| &g.findings).collect();
    if rows.is_empty() && r.decisions.is_empty() {
        return;
    }
    page.heading(
        level,
        "Appendix: edits to the agreement's .csa file".to_string(),
    );
    page.push(Block::Paragraph(format!(
        "For the officer who keeps the agreement's file, {}: each finding above with the line it is on, its code (`csa explain CODE` says more) and the edit that puts it right. `csa check {}` lists the same.",
        r.file,
        r.file
    )));
    if !rows.is_empty() {
        let mut t = Table::new(
            "Findings by line, with the edit to make",
            &["Line", "Code", "Finding", "Edit"],
        );
        let mut sorted = rows.clone();
        sorted.sort_by_key(|f| f.line);
        for f in sorted {
            t.row(vec![
                Cell::text(f.line.to_string()),
                Cell::text(format!("{} {}", f.code, f.name)),
                Cell::text(capitalise(&file_names(&f.message))),
                Cell::text(capitalise(&file_names(&f.fix))),
            ]);
        }
        page.push(Block::Table(t));
    }
    if !r.decisions.is_empty() {
        let mut t = Table::new(
            "Accepted findings (csa-ignore comments)",
            &["Line", "Codes", "Reason recorded"],
        );
        for d in &r.decisions {
            t.row(vec![
                Cell::text(d.line.to_string()),
                Cell::text(d.rules.join(", ")),
                Cell::text(
                    d.reason
                        .clone()
                        .unwrap_or_else(|| "No reason recorded".to_string()),
                ),
            ]);
        }
        page.push(Block::Table(t));
    }
}
