//! The report as Markdown, for committee papers and pull requests.

use super::{all_blocks, Report};
use crate::publish::{Block, Cell};

/// Escapes the characters that would break a table cell.
fn cell_text(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', " ")
}

fn cell(c: &Cell) -> String {
    c.0.iter()
        .map(|l| cell_text(l))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The report as Markdown.
pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    for block in all_blocks(report) {
        match block {
            Block::Heading { level, text, .. } => {
                out.push_str(&"#".repeat(level as usize));
                out.push(' ');
                out.push_str(&text);
                out.push_str("\n\n");
            }
            Block::Paragraph(text) => {
                out.push_str(&text);
                out.push_str("\n\n");
            }
            Block::List(items) => {
                for item in items {
                    out.push_str(&"  ".repeat(item.depth));
                    out.push_str("- ");
                    out.push_str(&item.text);
                    out.push('\n');
                }
                out.push('\n');
            }
            Block::Table(t) => {
                out.push_str(&format!("**{}**\n\n", t.caption));
                out.push_str(&format!(
                    "| {} |\n",
                    t.columns
                        .iter()
                        .map(|c| cell_text(c))
                        .collect::<Vec<_>>()
                        .join(" | ")
                ));
                out.push_str(&format!("|{}\n", "---|".repeat(t.columns.len())));
                for row in &t.rows {
                    out.push_str(&format!(
                        "| {} |\n",
                        row.iter().map(cell).collect::<Vec<_>>().join(" | ")
                    ));
                }
                out.push('\n');
            }
            // Markdown has no drawing: the table that follows the diagram says the same.
            Block::Diagram(d) => {
                out.push_str(&format!("*{}*: {}\n\n", d.title, d.description));
            }
        }
    }
    out.trim_end().to_string() + "\n"
}
