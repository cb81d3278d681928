//! The blocks of a typed document by keyword, and which of their fields each has: what
//! the generic kinds need of any block, read from the model itself (a rule about one
//! kind of block visits only those blocks).

use crate::ast::{
    ActionPlan, Agreement, Assessment, Contact, Document, HorizonScan, Lead, Organisation, PccPlan,
    Priority, RiskRanking, Spanned, Theme, Version,
};
use crate::text::Span;

/// The block keywords the generic kinds can name: every block of the format but
/// `@use`, which says where parts come from rather than being a part.
pub const BLOCKS: &[&str] = &[
    "agreement",
    "priority",
    "theme",
    "authority",
    "body",
    "version",
    "plan",
    "action-plan",
    "assessment",
    "risk-ranking",
    "horizon-scan",
    "links",
    "contact",
    "leads",
];

/// One block of the document.
#[derive(Clone, Copy)]
pub enum Block<'d> {
    /// The header.
    Agreement(&'d Agreement),
    /// A row of the version history.
    Version(&'d Version),
    /// A responsible authority or another body.
    Organisation(&'d Organisation),
    /// A priority.
    Priority(&'d Priority),
    /// A theme.
    Theme(&'d Theme),
    /// A row of a leads table: the model keeps the rows, not the tables.
    Lead(&'d Lead),
    /// A Police and Crime Plan.
    Plan(&'d PccPlan),
    /// An action plan.
    ActionPlan(&'d ActionPlan),
    /// A strategic-assessment table.
    Assessment(&'d Assessment),
    /// A risk ranking.
    RiskRanking(&'d RiskRanking),
    /// A horizon scan.
    HorizonScan(&'d HorizonScan),
    /// A list of links (it has no fields).
    Links(Span),
    /// A contact.
    Contact(&'d Contact),
}

/// The blocks of `doc` with this keyword, in document order (none for a keyword not in
/// [`BLOCKS`]).
pub fn blocks<'d>(doc: &'d Document, keyword: &str) -> Vec<Block<'d>> {
    fn all<'d, T>(items: &'d [T], block: fn(&'d T) -> Block<'d>) -> Vec<Block<'d>> {
        items.iter().map(block).collect()
    }
    match keyword {
        "agreement" => doc.agreement.iter().map(Block::Agreement).collect(),
        "priority" => all(&doc.priorities, Block::Priority),
        "theme" => all(&doc.themes, Block::Theme),
        "authority" => all(&doc.authorities, Block::Organisation),
        "body" => all(&doc.bodies, Block::Organisation),
        "version" => all(&doc.versions, Block::Version),
        "plan" => all(&doc.plans, Block::Plan),
        "action-plan" => all(&doc.action_plans, Block::ActionPlan),
        "assessment" => all(&doc.assessments, Block::Assessment),
        "risk-ranking" => all(&doc.risk_rankings, Block::RiskRanking),
        "horizon-scan" => all(&doc.horizon_scans, Block::HorizonScan),
        "links" => doc.links.iter().map(|l| Block::Links(l.span)).collect(),
        "contact" => all(&doc.contacts, Block::Contact),
        "leads" => all(&doc.leads, Block::Lead),
        _ => Vec::new(),
    }
}

/// Whether a text field is given with some words.
fn text(field: &Option<Spanned<String>>) -> bool {
    field.as_ref().is_some_and(|f| !f.value.trim().is_empty())
}

impl<'d> Block<'d> {
    /// Where a finding about it points: its header line, or the whole block for those
    /// the model keeps no header line of.
    pub fn header(&self) -> Span {
        match self {
            Block::Agreement(a) => a.header_span,
            Block::Priority(p) => p.header_span,
            Block::Theme(t) => t.header_span,
            Block::Plan(p) => p.header_span,
            Block::ActionPlan(a) => a.header_span,
            _ => self.extent(),
        }
    }

    /// The whole block.
    pub fn extent(&self) -> Span {
        match self {
            Block::Agreement(a) => a.span,
            Block::Version(v) => v.span,
            Block::Organisation(o) => o.span,
            Block::Priority(p) => p.span,
            Block::Theme(t) => t.span,
            Block::Lead(l) => l.span,
            Block::Plan(p) => p.span,
            Block::ActionPlan(a) => a.span,
            Block::Assessment(a) => a.span,
            Block::RiskRanking(r) => r.span,
            Block::HorizonScan(h) => h.span,
            Block::Links(span) => *span,
            Block::Contact(c) => c.span,
        }
    }

    /// Its id, for the blocks whose header carries one.
    pub fn id(&self) -> Option<&'d str> {
        match self {
            Block::Organisation(o) => Some(&o.id.value),
            Block::Priority(p) => Some(&p.id.value),
            Block::Theme(t) => Some(&t.id.value),
            Block::Plan(p) => Some(&p.id.value),
            _ => None,
        }
    }

    /// Whether it has `field` with a value (a text of only spaces is none, a repeated
    /// field needs one entry); `None` when `field` is not a field of this block.
    pub fn has(&self, field: &str) -> Option<bool> {
        let has = match (self, field) {
            (Block::Agreement(a), _) => match field {
                "kind" => text(&a.kind),
                "area" => text(&a.area),
                "excludes" => !a.excludes.is_empty(),
                "partnership" => text(&a.partnership),
                "chair" => text(&a.chair),
                "convened-by" => text(&a.convened_by),
                "version" => text(&a.version),
                "effective" => a.effective.is_some(),
                "period" => a.period.is_some(),
                "review" => text(&a.review),
                "status" => text(&a.status),
                "approved" => text(&a.approved),
                "assessed" => a.assessed.is_some(),
                "consultation" => a.consultation.iter().any(|c| !c.value.trim().is_empty()),
                "scrutiny" => text(&a.scrutiny),
                "scrutinised" => a.scrutinised.is_some(),
                "sent-to-pcc" => a.sent_to_pcc.is_some(),
                "serious-violence-strategy" => text(&a.serious_violence_strategy),
                "member" => a.members.iter().any(|m| !m.value.trim().is_empty()),
                _ => return None,
            },
            (Block::Version(v), "date") => v.date.is_some(),
            (Block::Version(v), "scope") => !v.scope.trim().is_empty(),
            (Block::Organisation(o), "kind") => text(&o.kind),
            (Block::Organisation(o), "note") => text(&o.note),
            (Block::Priority(p), _) => match field {
                "includes" => text(&p.includes),
                "lead" => !p.leads.is_empty(),
                "addresses" => !p.addresses.is_empty(),
                "supports" => !p.supports.is_empty(),
                "county" => !p.county.is_empty(),
                "measure" => p.measures.iter().any(|m| !m.value.trim().is_empty()),
                "resources" => text(&p.resources),
                "joint-working" => text(&p.joint_working),
                "note" => text(&p.note),
                _ => return None,
            },
            (Block::Theme(t), _) => match field {
                "includes" => text(&t.includes),
                "addresses" => !t.addresses.is_empty(),
                "supports" => !t.supports.is_empty(),
                "county" => !t.county.is_empty(),
                "note" => text(&t.note),
                _ => return None,
            },
            // Each row of a leads table is a `lead` line.
            (Block::Lead(_), "lead") => true,
            (Block::Plan(p), _) => match field {
                "commissioner" => text(&p.commissioner),
                "area" => text(&p.area),
                "period" => p.period.is_some(),
                "principle" => !p.principles.is_empty(),
                "objective" => !p.objectives.is_empty(),
                _ => return None,
            },
            (Block::ActionPlan(a), "lead") => !a.leads.is_empty(),
            (Block::ActionPlan(a), "aim") => !a.aims.is_empty(),
            (Block::Assessment(a), "partnerships") => a.partnerships.is_some(),
            (Block::Assessment(a), "issue") => !a.issues.is_empty(),
            (Block::Assessment(a), "district") => !a.districts.is_empty(),
            (Block::RiskRanking(r), "method") => text(&r.method),
            // The headings of a horizon scan are its fields.
            (Block::HorizonScan(h), _) => {
                let spec = crate::ast::schema::block("horizon-scan")?;
                spec.fields.iter().find(|f| f.name == field)?;
                h.headings.iter().any(|heading| heading.name.value == field)
            }
            (Block::Contact(c), _) => match field {
                "email" => text(&c.email),
                "phone" => text(&c.phone),
                "address" => text(&c.address),
                "web" => text(&c.web),
                _ => return None,
            },
            _ => return None,
        };
        Some(has)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field the format gives a block the generic kinds can name is one they can
    /// see, so a `required-field` rule the registry accepts never looks at nothing.
    #[test]
    fn every_field_of_every_block_is_seen() {
        let read = |name: &str| {
            let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
            crate::ast::parse(&std::fs::read_to_string(path).unwrap()).document
        };
        let docs = [read("kent-2022.csa"), read("kent-2014-17.csa")];
        for keyword in BLOCKS {
            let spec = crate::ast::schema::block(keyword)
                .unwrap_or_else(|| panic!("`{keyword}` is not a block of the format"));
            let found: Vec<Block> = docs.iter().flat_map(|d| blocks(d, keyword)).collect();
            assert!(!found.is_empty(), "no example has a `@{keyword}`");
            for field in spec.fields {
                assert!(
                    found[0].has(field.name).is_some(),
                    "`@{keyword}` field `{}` is not seen",
                    field.name
                );
            }
            assert_eq!(found[0].has("no-such-field"), None, "{keyword}");
        }
    }

    /// A horizon scan's headings are its fields, and a leads-table row is a `lead`
    /// line: both are there when written (a copy of the model in JSON has neither key,
    /// so an earlier reading took them for missing).
    #[test]
    fn headings_and_lead_rows_are_fields_when_written() {
        let text = "@horizon-scan: Scan\n  political:\n    - Elections\n\n@leads\n  lead DA: Chair, Kent Police\n";
        let doc = crate::ast::parse(text).document;
        let scan = &blocks(&doc, "horizon-scan")[0];
        assert_eq!(scan.has("political"), Some(true));
        assert_eq!(scan.has("economic"), Some(false));
        let rows = blocks(&doc, "leads");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].has("lead"), Some(true));
    }
}
