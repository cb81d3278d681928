//! The report as Markdown, for committee papers and pull requests.

use super::{all_blocks, page_title, Report};
use crate::publish::{Block, Cell};

/// Escapes the characters that would break a table cell.
fn cell_text(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', " ")
}

fn cell(c: &Cell) -> String {
    let mut out = String::new();
    for (i, line) in c.0.iter().enumerate() {
        if i > 0 {
            out.push_str(if c.0[i - 1].ends_with(':') { " " } else { "; " });
        }
        out.push_str(&cell_text(line));
    }
    out
}

/// The report as Markdown: the page's title, then each block (a heading of level 1
/// is a chapter, `##`).
pub fn markdown(report: &Report) -> String {
    let mut out = format!("# {}\n\n", page_title(report));
    write_blocks(&mut out, all_blocks(report));
    out.trim_end().to_string() + "\n"
}

fn write_blocks(out: &mut String, blocks: Vec<Block>) {
    for block in blocks {
        match block {
            Block::Panel(inner) => write_blocks(out, inner),
            Block::Heading { level, text, .. } => {
                out.push_str(&"#".repeat(level as usize + 1));
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
}
