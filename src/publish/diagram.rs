//! The diagram of priorities, cross-cutting themes and the Police and Crime Plan
//! objectives they support: inline SVG with a title and a description, and the same
//! facts as a table (published agreements had to add a text version of their
//! diagram for readers who cannot see it).

use std::collections::HashMap;
use std::fmt::Write;

use super::html::escape;
use super::{Cell, Table};
use crate::ast::Document;

/// What a box of the diagram is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// A priority.
    Priority,
    /// A cross-cutting theme.
    Theme,
    /// An objective of a Police and Crime Plan.
    Objective,
}

impl NodeKind {
    fn words(self) -> &'static str {
        match self {
            NodeKind::Priority => "Priority",
            NodeKind::Theme => "Cross-cutting theme",
            NodeKind::Objective => "Police and Crime Plan objective",
        }
    }
}

/// A box of the diagram.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Its id in the document.
    pub id: String,
    /// What it says.
    pub label: String,
    /// What it is.
    pub kind: NodeKind,
}

/// Priorities and themes on the left, objectives on the right, a line for each
/// `supports:` link.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagram {
    /// Its title.
    pub title: String,
    /// Its description in words.
    pub description: String,
    /// Priorities, then themes.
    pub topics: Vec<Node>,
    /// Objectives of every plan.
    pub objectives: Vec<Node>,
    /// Links: (topic index, objective index).
    pub links: Vec<(usize, usize)>,
}

impl Diagram {
    /// The diagram of `doc`.
    pub fn of(doc: &Document) -> Self {
        let title_or_id = |t: &Option<crate::ast::Spanned<String>>, id: &str| {
            t.as_ref().map_or(id.to_string(), |t| t.value.clone())
        };
        let mut topics = Vec::new();
        let mut supports = Vec::new();
        for p in &doc.priorities {
            topics.push(Node {
                id: p.id.value.clone(),
                label: title_or_id(&p.title, &p.id.value),
                kind: NodeKind::Priority,
            });
            supports.push(&p.supports);
        }
        for t in &doc.themes {
            topics.push(Node {
                id: t.id.value.clone(),
                label: title_or_id(&t.title, &t.id.value),
                kind: NodeKind::Theme,
            });
            supports.push(&t.supports);
        }
        let objectives: Vec<Node> = doc
            .plans
            .iter()
            .flat_map(|p| &p.objectives)
            .map(|o| Node {
                id: o.id.value.clone(),
                label: title_or_id(&o.text, &o.id.value),
                kind: NodeKind::Objective,
            })
            .collect();
        let index: HashMap<&str, usize> = objectives
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.as_str(), i))
            .collect();
        let mut links = Vec::new();
        for (t, refs) in supports.iter().enumerate() {
            for r in refs.iter() {
                if let Some(&o) = index.get(r.name.as_str()) {
                    if !links.contains(&(t, o)) {
                        links.push((t, o));
                    }
                }
            }
        }
        let priorities = doc.priorities.len();
        let themes = doc.themes.len();
        let plan = doc
            .plans
            .first()
            .and_then(|p| p.title.as_ref())
            .map_or("the Police and Crime Plan".to_string(), |t| t.value.clone());
        let unsupported = (0..objectives.len())
            .filter(|o| !links.iter().any(|(_, lo)| lo == o))
            .count();
        let unlinked = (0..topics.len())
            .filter(|t| !links.iter().any(|(lt, _)| lt == t))
            .count();
        let mut description = format!(
            "{} and {} on the left; ",
            count(priorities, "priority", "priorities"),
            count(themes, "cross-cutting theme", "cross-cutting themes"),
        );
        if objectives.is_empty() {
            description.push_str(
                "the document gives no Police and Crime Plan objectives, so there are no links.",
            );
        } else {
            let _ = write!(
                description,
                "the {} of {plan} on the right; {} joining each priority or theme to the objectives it supports. {} supported by no priority or theme; {} no objective.",
                count(objectives.len(), "objective", "objectives"),
                count(links.len(), "line", "lines"),
                count(unsupported, "objective is", "objectives are"),
                count(unlinked, "priority or theme supports", "priorities and themes support"),
            );
        }
        Self {
            title: "Priorities, cross-cutting themes and the Police and Crime Plan objectives they support".to_string(),
            description,
            topics,
            objectives,
            links,
        }
    }

    /// Whether there is nothing to draw.
    pub fn is_empty(&self) -> bool {
        self.topics.is_empty()
    }

    /// The same facts as a table.
    pub fn table(&self) -> Table {
        let mut table = Table::new(
            "The diagram as a table: what each priority and theme supports",
            &["Priority or theme", "Kind", "Objectives it supports"],
        );
        for (t, node) in self.topics.iter().enumerate() {
            let supported: Vec<String> = self
                .links
                .iter()
                .filter(|(lt, _)| *lt == t)
                .map(|(_, o)| {
                    let o = &self.objectives[*o];
                    format!("{}: {}", o.id, o.label)
                })
                .collect();
            table.row(vec![
                Cell::text(node.label.clone()),
                Cell::text(node.kind.words()),
                if supported.is_empty() {
                    Cell::text("none")
                } else {
                    Cell::lines(supported)
                },
            ]);
        }
        for (o, node) in self.objectives.iter().enumerate() {
            if !self.links.iter().any(|(_, lo)| *lo == o) {
                table.row(vec![
                    Cell::text(format!("{}: {}", node.id, node.label)),
                    Cell::text(node.kind.words()),
                    Cell::text("supported by no priority or theme"),
                ]);
            }
        }
        table
    }

    /// The diagram as inline SVG; `id` makes its element ids unique on the page.
    pub fn svg(&self, id: &str) -> String {
        const WIDTH: f64 = 760.0;
        const BOX: f64 = 300.0;
        const RIGHT: f64 = WIDTH - BOX - 10.0;
        const LINE: f64 = 17.0;
        const PAD: f64 = 8.0;
        const GAP: f64 = 8.0;
        const TOP: f64 = 40.0;
        let layout = |nodes: &[Node]| -> (Vec<(f64, f64, Vec<String>)>, f64) {
            let mut y = TOP;
            let mut out = Vec::new();
            for n in nodes {
                let lines = wrap(&n.label, 40);
                let h = lines.len() as f64 * LINE + 2.0 * PAD;
                out.push((y, h, lines));
                y += h + GAP;
            }
            (out, y)
        };
        let (left, left_end) = layout(&self.topics);
        let (right, right_end) = layout(&self.objectives);
        let height = left_end.max(right_end) + 10.0;
        let mut s = String::new();
        let _ = write!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" role="img" class="diagram" viewBox="0 0 {WIDTH} {height}" width="100%" aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
            escape(&self.title),
            escape(&self.description)
        );
        let _ = write!(
            s,
            r##"<text x="10" y="24" font-size="15" font-weight="bold" fill="#1b1b1b">Priorities and cross-cutting themes</text>"##
        );
        if !self.objectives.is_empty() {
            let _ = write!(
                s,
                r##"<text x="{RIGHT}" y="24" font-size="15" font-weight="bold" fill="#1b1b1b">Police and Crime Plan objectives</text>"##
            );
        }
        for (t, o) in &self.links {
            let (ty, th, _) = &left[*t];
            let (oy, oh, _) = &right[*o];
            let _ = write!(
                s,
                r##"<line x1="{}" y1="{}" x2="{RIGHT}" y2="{}" stroke="#4a4a4a" stroke-width="1.5"/>"##,
                10.0 + BOX,
                ty + th / 2.0,
                oy + oh / 2.0
            );
        }
        let mut boxes = |nodes: &[Node], placed: &[(f64, f64, Vec<String>)], x: f64| {
            for (node, (y, h, lines)) in nodes.iter().zip(placed) {
                let (fill, stroke, ink) = match node.kind {
                    NodeKind::Priority => ("#4b2a7b", "#4b2a7b", "#ffffff"),
                    NodeKind::Theme => ("#efe8f7", "#4b2a7b", "#1b1b1b"),
                    NodeKind::Objective => ("#e6e6e6", "#5a5a5a", "#1b1b1b"),
                };
                let _ = write!(
                    s,
                    r#"<rect x="{x}" y="{y}" width="{BOX}" height="{h}" rx="6" fill="{fill}" stroke="{stroke}"/>"#
                );
                for (i, line) in lines.iter().enumerate() {
                    let _ = write!(
                        s,
                        r#"<text x="{}" y="{}" font-size="14" fill="{ink}">{}</text>"#,
                        x + PAD,
                        y + PAD + LINE * (i as f64 + 1.0) - 4.0,
                        escape(line)
                    );
                }
            }
        };
        boxes(&self.topics, &left, 10.0);
        boxes(&self.objectives, &right, RIGHT);
        s.push_str("</svg>");
        s
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Greedy word wrap at `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_follow_supports_and_unknown_objectives_are_left_out() {
        let doc = crate::ast::parse(
            "@plan P: Plan\n  objective P-1: One\n  objective P-2: Two\n\n@priority A: Alpha\n  supports: P-1, P-9\n\n@theme T: Theme\n",
        )
        .document;
        let d = Diagram::of(&doc);
        assert_eq!(d.links, vec![(0, 0)]);
        assert!(d
            .description
            .contains("1 objective is supported by no priority"));
        let svg = d.svg("d");
        assert!(svg.contains("<title id=\"d-title\">"));
        assert_eq!(svg.matches("<line ").count(), 1);
        let table = d.table();
        assert_eq!(
            table.rows.len(),
            3,
            "two topics and the unsupported objective"
        );
    }

    #[test]
    fn wrapping_keeps_every_word() {
        let text = "Work with residents, communities and businesses to prevent crime and anti-social behaviour";
        let lines = wrap(text, 40);
        assert!(lines.iter().all(|l| l.chars().count() <= 40));
        assert_eq!(lines.join(" "), text);
    }
}
