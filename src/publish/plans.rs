//! A Police and Crime Plan (`@plan`): who issued it, its principles, and its
//! objectives with the priorities and themes that support each.

use std::collections::HashMap;

use super::builder::Builder;
use super::words::text_of;
use super::{human_date, Block, Cell, ListItem, Table};
use crate::ast::Reference;

impl Builder<'_> {
    /// The paragraphs and objectives table of the plan `i`.
    pub(super) fn plan(&mut self, i: usize) {
        let doc = self.doc;
        let plan = &doc.plans[i];
        let title = plan
            .title
            .as_ref()
            .map_or(plan.id.value.clone(), |t| t.value.clone());
        let mut about = Vec::new();
        if let Some(c) = &plan.commissioner {
            about.push(format!("Issued by {}", c.value));
        }
        if let Some(a) = &plan.area {
            about.push(format!("for {}", a.value));
        }
        if let Some(p) = &plan.period {
            about.push(format!(
                "from {} to {}",
                human_date(p.value.from),
                human_date(p.value.to)
            ));
        }
        // When the author's own words introduce what follows ("The guiding principles
        // of the plan are:"), the list they introduce comes straight after them.
        let lead_in =
            matches!(self.blocks.last(), Some(Block::Paragraph(p)) if p.trim_end().ends_with(':'));
        let about = (!about.is_empty())
            .then(|| Block::Paragraph(format!("{title}: {}.", about.join(", "))));
        if !lead_in || plan.principles.is_empty() {
            self.blocks.extend(about.clone());
        }
        if !plan.principles.is_empty() {
            if !lead_in {
                self.blocks.push(Block::Paragraph(format!(
                    "The guiding principles of {title}:"
                )));
            }
            self.blocks.push(Block::List(
                plan.principles
                    .iter()
                    .map(|p| ListItem {
                        text: p.value.clone(),
                        depth: 0,
                    })
                    .collect(),
            ));
            if lead_in {
                self.blocks.extend(about);
            }
        }
        // A plan written in without its objectives has no table: an empty one
        // reads to a screen reader as headers over nothing.
        if plan.objectives.is_empty() {
            return;
        }
        // Priorities and themes by the objectives they support.
        let mut supporters: HashMap<&str, Vec<String>> = HashMap::new();
        for (id, supports) in doc
            .priorities
            .iter()
            .map(|p| (&p.id, &p.supports))
            .chain(doc.themes.iter().map(|t| (&t.id, &t.supports)))
        {
            for r in supports {
                supporters
                    .entry(r.name.as_str())
                    .or_default()
                    .push(self.topic_words(&Reference {
                        name: id.value.clone(),
                        quoted: false,
                        span: id.span,
                    }));
            }
        }
        let any_not_adopted = plan.objectives.iter().any(|o| o.not_adopted.is_some());
        let any_group = plan.objectives.iter().any(|o| o.group.is_some());
        let mut columns = vec!["Objective"];
        if any_group {
            columns.push("Part of the plan");
        }
        columns.push("Priorities and themes that support it");
        if any_not_adopted {
            columns.push("Not adopted, because");
        }
        let mut table = Table::new(format!("Objectives of {title}"), &columns);
        for o in &plan.objectives {
            let words = text_of(&o.text);
            let mut row = vec![Cell::text(if words.is_empty() {
                o.id.value.clone()
            } else {
                words
            })];
            if any_group {
                row.push(Cell::text(text_of(&o.group)));
            }
            row.push(Cell::lines(
                supporters
                    .get(o.id.value.as_str())
                    .cloned()
                    .unwrap_or_default(),
            ));
            if any_not_adopted {
                row.push(Cell::text(text_of(&o.not_adopted)));
            }
            table.row(row);
        }
        self.blocks.push(Block::Table(table));
    }
}
