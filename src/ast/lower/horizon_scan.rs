//! `@horizon-scan` blocks: a PESTELO horizon scan, its headings in order, each with
//! an introduction, items and sub-headings (`recent` and `upcoming` under
//! `legislation`).

use super::{BlockParts, Checked, Lowering};
use crate::ast::schema::ValueKind;
use crate::ast::{HorizonHeading, HorizonScan};
use crate::syntax::RawEntryKind;

impl Lowering<'_> {
    pub(super) fn horizon_scan(&mut self, parts: BlockParts) {
        let scan = HorizonScan {
            title: parts.title,
            headings: self.horizon_headings(&parts.entries),
            span: parts.span,
        };
        self.document.horizon_scans.push(scan);
    }

    fn horizon_headings(&self, entries: &[Checked]) -> Vec<HorizonHeading> {
        entries
            .iter()
            .filter(|c| c.spec.value == ValueKind::Heading)
            .map(|c| HorizonHeading {
                name: self.spanned(&match &c.entry.kind {
                    RawEntryKind::Field { name, .. } => name.clone(),
                    _ => unreachable!("headings are fields"),
                }),
                intro: c.value.map(|v| self.spanned(v)),
                items: c.items.iter().map(|t| self.spanned(t)).collect(),
                children: self.horizon_headings(&c.children),
                span: self.span(self.extent(c)),
            })
            .collect()
    }
}
