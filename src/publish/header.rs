//! The "about this document" table, from the `@agreement` header.

use super::builder::Builder;
use super::words::text_of;
use super::{human_date, kind_words, Block, Cell, Table};

impl Builder<'_> {
    /// The "about this document" table: written now when a heading has been, else
    /// held until the title heading is written.
    pub(super) fn header(&mut self) {
        let doc = self.doc;
        let Some(a) = &doc.agreement else { return };
        let mut table = Table::new("About this document", &["Detail", "Value"]);
        let mut add = |name: &str, value: String| {
            if !value.is_empty() {
                table.row(vec![Cell::text(name), Cell::text(value)]);
            }
        };
        add("Title", text_of(&a.title));
        add(
            "Kind",
            a.kind
                .as_ref()
                .map_or(String::new(), |k| kind_words(&k.value).to_string()),
        );
        add("Area", text_of(&a.area));
        add(
            "Not covered",
            a.excludes
                .iter()
                .map(|e| e.value.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        );
        add("Partnership", text_of(&a.partnership));
        add("Version", text_of(&a.version));
        add(
            "Effective from",
            a.effective
                .as_ref()
                .map_or(String::new(), |d| human_date(d.value)),
        );
        let effective = a.effective.as_ref().map(|d| d.value);
        let end = crate::rules::life_end(a, effective);
        if let (Some(e), Some(end)) = (effective, end) {
            add(
                "Period",
                format!("{} to {}", human_date(e.first_day()), human_date(end)),
            );
        }
        let cycle = match a.review.as_ref().map(|r| r.value.as_str()) {
            Some("annual") => "Annual".to_string(),
            Some("biennial") => "Every two years".to_string(),
            Some("triennial") => "Every three years".to_string(),
            Some(other) => super::capitalise(other),
            None => String::new(),
        };
        let due = end.map(|end| human_date(crate::ast::date_from_days(end.days_since_epoch() + 1)));
        add(
            "Review",
            match (cycle.is_empty(), due) {
                (false, Some(due)) => format!("{cycle}; next review due by {due}"),
                (true, Some(due)) => format!("Next review due by {due}"),
                (false, None) => cycle,
                (true, None) => String::new(),
            },
        );
        add("Status", text_of(&a.status));
        // How the document was made and handled, as the law asks it to show.
        add("Approved by", text_of(&a.approved));
        let date = |d: &Option<crate::ast::Spanned<crate::ast::Date>>| {
            d.as_ref().map_or(String::new(), |d| human_date(d.value))
        };
        add("Strategic assessment", date(&a.assessed));
        add(
            "Consultation",
            a.consultation
                .iter()
                .map(|c| c.value.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        );
        add("Scrutiny", text_of(&a.scrutiny));
        add("Last scrutinised", date(&a.scrutinised));
        add(
            "Sent to the Police and Crime Commissioner",
            date(&a.sent_to_pcc),
        );
        add(
            "Serious violence strategy",
            text_of(&a.serious_violence_strategy),
        );
        add(
            "Strategy group members",
            a.members
                .iter()
                .map(|m| m.value.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        );
        if self.seen_heading {
            self.blocks.push(Block::Table(table));
        } else {
            self.about = Some(table);
        }
    }
}
