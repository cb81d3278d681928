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
        // What the picture shows, and nothing of how well: the published document
        // is the partnership's, and carries no verdict on it.
        let mut description = format!(
            "{} and {} on the left",
            count(priorities, "priority", "priorities"),
            count(themes, "cross-cutting theme", "cross-cutting themes"),
        );
        if objectives.is_empty() {
            description.push('.');
        } else {
            let _ = write!(
                description,
                "; the {} of {plan} on the right; a line joins each priority or theme to each objective it supports.",
                count(objectives.len(), "objective", "objectives"),
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

    /// The same facts as a table: each priority and theme, and the objectives it
    /// supports.
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
                .map(|(_, o)| self.objectives[*o].label.clone())
                .collect();
            table.row(vec![
                Cell::text(node.label.clone()),
                Cell::text(node.kind.words()),
                if supported.is_empty() {
                    // Said in words: a column of bare "none" reads to a screen
                    // reader (and to axe) as a column with nothing in it.
                    Cell::text("no objective linked")
                } else {
                    Cell::lines(supported)
                },
            ]);
        }
        table
    }

    /// The diagram as inline SVG; `id` makes its element ids unique on the page.
    /// It is hidden from screen readers: the figure's caption names it, and its
    /// description and table say what it shows. Labels are wrapped by their
    /// measured width with room to spare, so that text spaced out for reading
    /// (WCAG 1.4.12: letters 0.12 em and words 0.16 em further apart) still fits
    /// its box.
    pub fn svg(&self, id: &str) -> String {
        let left = layout(&self.topics);
        let right = layout(&self.objectives);
        let end = |placed: &[Placed]| placed.last().map_or(TOP, |p| p.y + p.h);
        let height = end(&left).max(end(&right)) + 12.0;
        let mut s = String::new();
        let _ = write!(
            s,
            r##"<svg xmlns="http://www.w3.org/2000/svg" id="{id}" class="diagram" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" aria-hidden="true" focusable="false" font-family="Arial, 'Liberation Sans', Helvetica, sans-serif">"##
        );
        let _ = write!(
            s,
            r##"<text class="heading" x="{LEFT}" y="26" font-size="{FONT}" font-weight="bold" fill="#1b1b1b">Priorities and themes</text>"##
        );
        if !self.objectives.is_empty() {
            let _ = write!(
                s,
                r##"<text class="heading" x="{RIGHT}" y="26" font-size="{FONT}" font-weight="bold" fill="#1b1b1b">Plan objectives</text>"##
            );
        }
        for (t, o) in &self.links {
            let (a, b) = (&left[*t], &right[*o]);
            let _ = write!(
                s,
                r##"<line x1="{}" y1="{}" x2="{RIGHT}" y2="{}" stroke="#4a4a4a" stroke-width="1.5"/>"##,
                LEFT + BOX,
                a.y + a.h / 2.0,
                b.y + b.h / 2.0
            );
        }
        for (nodes, placed, x) in [
            (&self.topics, &left, LEFT),
            (&self.objectives, &right, RIGHT),
        ] {
            for (node, p) in nodes.iter().zip(placed) {
                let (fill, stroke, ink) = match node.kind {
                    NodeKind::Priority => ("#4b2a7b", "#4b2a7b", "#ffffff"),
                    NodeKind::Theme => ("#efe8f7", "#4b2a7b", "#1b1b1b"),
                    NodeKind::Objective => ("#e6e6e6", "#5a5a5a", "#1b1b1b"),
                };
                let _ = write!(
                    s,
                    r#"<g class="node"><rect x="{x}" y="{}" width="{BOX}" height="{}" rx="6" fill="{fill}" stroke="{stroke}"/>"#,
                    p.y, p.h
                );
                for (i, line) in p.lines.iter().enumerate() {
                    let _ = write!(
                        s,
                        r#"<text x="{}" y="{}" font-size="{FONT}" fill="{ink}">{}</text>"#,
                        x + PAD,
                        p.y + PAD + LINE * i as f64 + FONT,
                        escape(line)
                    );
                }
                s.push_str("</g>");
            }
        }
        s.push_str("</svg>");
        s
    }
}

const WIDTH: f64 = 800.0;
const LEFT: f64 = 10.0;
const BOX: f64 = 330.0;
const RIGHT: f64 = WIDTH - BOX - 10.0;
const FONT: f64 = 15.0;
const LINE: f64 = 22.5;
const PAD: f64 = 10.0;
const GAP: f64 = 10.0;
const TOP: f64 = 44.0;

/// A box placed in its column: its top, its height and its lines.
struct Placed {
    y: f64,
    h: f64,
    lines: Vec<String>,
}

fn layout(nodes: &[Node]) -> Vec<Placed> {
    let mut y = TOP;
    nodes
        .iter()
        .map(|n| {
            let lines = wrap_measured(&n.label, BOX - 2.0 * PAD);
            let h = lines.len() as f64 * LINE + 2.0 * PAD - (LINE - FONT * 1.25);
            let placed = Placed { y, h, lines };
            y += h + GAP;
            placed
        })
        .collect()
}

/// The width of `text` in Arial at `FONT` pixels, spaced as WCAG 1.4.12's test
/// spaces it (letters 0.12 em, words 0.16 em further apart), with a tenth more for
/// fonts wider than Arial.
fn spaced_width(text: &str) -> f64 {
    let advance: f64 = text.chars().map(|c| f64::from(arial(c)) / 1000.0).sum();
    let letters = text.chars().count() as f64;
    let words = text.matches(' ').count() as f64;
    (advance + 0.12 * letters + 0.16 * words) * FONT * 1.1
}

/// Greedy word wrap by measured width; a word longer than a line is a line.
fn wrap_measured(text: &str, width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && spaced_width(&candidate) > width {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Arial's advance widths, in thousandths of an em.
fn arial(c: char) -> u16 {
    const ASCII: [u16; 95] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556,
        556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722,
        722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722,
        667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
        556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500,
        500, 334, 260, 334, 584,
    ];
    match c {
        ' '..='~' => ASCII[c as usize - 32],
        '‘' | '’' => 222,
        '“' | '”' => 333,
        '–' => 556,
        '—' => 1000,
        _ => 667,
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
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
        // The published diagram describes; it passes no verdict.
        assert!(
            !d.description.contains("supported by no"),
            "{}",
            d.description
        );
        let svg = d.svg("d");
        assert!(svg.contains("aria-hidden=\"true\""));
        assert_eq!(svg.matches("<line ").count(), 1);
        let table = d.table();
        assert_eq!(table.rows.len(), 2, "the two topics");
    }

    /// WCAG 2.x relative luminance of `#rrggbb`.
    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (a, b) = (luminance(a), luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// The value of `attr="..."` in `tag`.
    fn attr<'a>(tag: &'a str, attr: &str) -> &'a str {
        let from = tag.find(&format!(" {attr}=\"")).unwrap() + attr.len() + 3;
        &tag[from..from + tag[from..].find('"').unwrap()]
    }

    /// What axe cannot decide (it cannot see the background of text in an SVG), read
    /// off the drawn diagram itself: every text against the box it is drawn on, and
    /// the headings against the page, meet WCAG's 4.5:1.
    #[test]
    fn every_text_of_the_diagram_meets_wcag_contrast_on_what_it_is_drawn_on() {
        let doc = crate::ast::parse(
            "@plan P: Plan\n  objective P-1: One\n\n@priority A: Alpha\n  supports: P-1\n\n@theme T: Theme\n  supports: P-1\n",
        )
        .document;
        let svg = Diagram::of(&doc).svg("d");
        let mut checked = 0;
        for node in svg.split("<g class=\"node\">").skip(1) {
            let rect = &node[..node.find("/>").unwrap()];
            let fill = attr(rect, "fill");
            for text in node.split("<text ").skip(1) {
                let ink = attr(text, "fill");
                assert!(
                    contrast(fill, ink) >= 4.5,
                    "{ink} on {fill}: {}",
                    contrast(fill, ink)
                );
                checked += 1;
            }
        }
        for heading in svg.split("<text class=\"heading\"").skip(1) {
            let ink = attr(heading, "fill");
            assert!(contrast("#ffffff", ink) >= 4.5, "{ink} on the page");
            checked += 1;
        }
        assert!(checked >= 5, "{svg}");
    }

    #[test]
    fn wrapping_keeps_every_word_and_leaves_room_for_spaced_text() {
        let text = "Work with residents, communities and businesses to prevent crime and anti-social behaviour";
        let lines = wrap_measured(text, BOX - 2.0 * PAD);
        assert!(lines.len() >= 3, "{lines:?}");
        assert!(lines.iter().all(|l| spaced_width(l) <= BOX - 2.0 * PAD));
        assert_eq!(lines.join(" "), text);
    }
}
