//! The evidence base: the strategic assessments' issues (`@assessment`), the risk
//! ranking (`@risk-ranking`) and the horizon scan (`@horizon-scan`).

use super::builder::Builder;
use super::words::text_of;
use super::{capitalise, Block, Cell, Table};

impl Builder<'_> {
    /// The table of the assessment `i`.
    pub(super) fn assessment(&mut self, i: usize) {
        let doc = self.doc;
        let a = &doc.assessments[i];
        let caption = a
            .title
            .as_ref()
            .map_or("Strategic assessments".to_string(), |t| t.value.clone());
        let columns = match &a.partnerships {
            Some(n) => format!("Partnerships naming it (of {})", n.value),
            None => "Partnerships naming it".to_string(),
        };
        let mut table = Table::new(caption, &["Issue", &columns]);
        for issue in &a.issues {
            table.row(vec![
                Cell::text(text_of(&issue.text)),
                Cell::text(
                    issue
                        .count
                        .as_ref()
                        .map_or(String::new(), |c| c.value.to_string()),
                ),
            ]);
        }
        self.blocks.push(Block::Table(table));
        if !a.districts.is_empty() {
            let mut used = Table::new(
                "District strategic assessments it rests on",
                &["District partnership"],
            );
            for d in &a.districts {
                used.row(vec![Cell::text(d.value.clone())]);
            }
            self.blocks.push(Block::Table(used));
        }
    }

    /// The table of the risk ranking `i`, highest risk first.
    pub(super) fn risk_ranking(&mut self, i: usize) {
        let doc = self.doc;
        let r = &doc.risk_rankings[i];
        let mut caption = r
            .title
            .as_ref()
            .map_or("Risk ranking".to_string(), |t| t.value.clone());
        if let Some(m) = &r.method {
            caption.push_str(&format!(" (method: {})", m.value));
        }
        let mut table = Table::new(caption, &["Rank", "Issue (highest risk first)"]);
        for (n, item) in r.items.iter().enumerate() {
            table.row(vec![
                Cell::text((n + 1).to_string()),
                Cell::text(item.value.clone()),
            ]);
        }
        self.blocks.push(Block::Table(table));
    }

    /// The table of the horizon scan `i`, a row per heading.
    pub(super) fn horizon_scan(&mut self, i: usize) {
        let doc = self.doc;
        let h = &doc.horizon_scans[i];
        let caption = h
            .title
            .as_ref()
            .map_or("Horizon scan".to_string(), |t| t.value.clone());
        let mut table = Table::new(caption, &["Heading", "Issues"]);
        fn rows(table: &mut Table, heading: &crate::ast::HorizonHeading, parent: Option<&str>) {
            let name = capitalise(&heading.name.value);
            let name = match parent {
                Some(p) => format!("{p}: {}", heading.name.value),
                None => name,
            };
            let mut lines: Vec<String> = heading.intro.iter().map(|i| i.value.clone()).collect();
            lines.extend(heading.items.iter().map(|i| i.value.clone()));
            if !lines.is_empty() || heading.children.is_empty() {
                table.row(vec![Cell::text(name.clone()), Cell::lines(lines)]);
            }
            for child in &heading.children {
                rows(table, child, Some(&name));
            }
        }
        for heading in &h.headings {
            rows(&mut table, heading, None);
        }
        self.blocks.push(Block::Table(table));
    }
}
