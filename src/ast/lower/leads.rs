//! Leads: the rows of a `@leads` table, and the `lead:` lines of a priority or an
//! action plan. Each is read as `ROLE, ORGANISATION`, with the priority it leads.

use super::{BlockParts, Checked, Lowering};
use crate::ast::{Lead, Reference, Spanned};

impl Lowering<'_> {
    /// A `@leads` table: each row names the priority it leads, by id or by quoted
    /// title.
    pub(super) fn leads_table(&mut self, parts: BlockParts) {
        for entry in parts.entries.iter().filter(|c| c.spec.name == "lead") {
            let owner = entry.id.map(|id| self.reference(id));
            if let Some(lead) = self.lead(entry, owner, "leads-table") {
                self.document.leads.push(lead);
            }
        }
    }

    /// The `lead:` lines among a block's entries, each leading `owner`.
    pub(super) fn leads_of(
        &self,
        entries: &[Checked],
        owner: Option<&Reference>,
        source: &'static str,
    ) -> Vec<Lead> {
        entries
            .iter()
            .filter(|c| c.spec.name == "lead")
            .filter_map(|c| self.lead(c, owner.cloned(), source))
            .collect()
    }

    /// Splits `ROLE, ORGANISATION` at the last comma outside brackets, so that
    /// `Probation Service (Kent, Surrey and Sussex)` stays one organisation.
    fn lead(
        &self,
        checked: &Checked,
        priority: Option<Reference>,
        source: &'static str,
    ) -> Option<Lead> {
        let value = checked.value?;
        let text = value.text.trim_end();
        let start = value.range.start;
        let (role, organisation) = match last_top_level_comma(text) {
            Some(comma) => {
                let org = &text[comma + 1..];
                let lead = org.len() - org.trim_start().len();
                let org_start = start + comma + 1 + lead;
                let role = text[..comma].trim_end();
                (
                    Spanned::new(role.to_string(), self.span(start..start + role.len())),
                    (!org.trim().is_empty()).then(|| {
                        Spanned::new(
                            org.trim().to_string(),
                            self.span(org_start..org_start + org.trim().len()),
                        )
                    }),
                )
            }
            None => (
                Spanned::new(text.to_string(), self.span(start..start + text.len())),
                None,
            ),
        };
        Some(Lead {
            role,
            organisation,
            priority,
            source,
            span: self.span(checked.range.clone()),
        })
    }
}

/// The byte offset of the last `,` of `text` that is outside `(...)` and `[...]`.
fn last_top_level_comma(text: &str) -> Option<usize> {
    let mut depth = 0i32;
    let mut last = None;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = (depth - 1).max(0),
            ',' if depth == 0 => last = Some(i),
            _ => {}
        }
    }
    last
}
