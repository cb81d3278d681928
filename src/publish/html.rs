//! HTML: one self-contained page, `lang="en-GB"`, a title, a table of contents,
//! real heading levels, tables with headers and scope, a print stylesheet and no
//! scripts. Every piece of text from the document goes through [`escape`].

use std::fmt::Write;

use super::inline::{self, Inline};
use super::{Block, Cell, ListItem, Publication, Table};

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text with its inline emphasis as HTML.
fn inline_html(text: &str) -> String {
    let mut out = String::new();
    for run in inline::parse(text) {
        match run {
            Inline::Text(t) => out.push_str(&escape(&t)),
            Inline::Strong(t) => {
                let _ = write!(out, "<strong>{}</strong>", escape(&t));
            }
            Inline::Emphasis(t) => {
                let _ = write!(out, "<em>{}</em>", escape(&t));
            }
            Inline::Code(t) => {
                let _ = write!(out, "<code>{}</code>", escape(&t));
            }
            Inline::Link { text, href } => {
                let _ = write!(out, r#"<a href="{}">{}</a>"#, escape(&href), escape(&text));
            }
        }
    }
    out
}

const STYLE: &str = r#"
:root { color: #1b1b1b; background: #ffffff; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 1rem; line-height: 1.5; margin: 0 auto; max-width: 62rem; padding: 0 1rem 3rem; overflow-wrap: break-word; }
a { color: #1d5aa0; overflow-wrap: anywhere; }
a:focus { outline: 3px solid #ffbf47; background: #ffbf47; color: #0b0c0c; }
.skip { position: absolute; left: -999px; }
.skip:focus { position: static; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.75rem 0 0.75rem; }
h1 { font-size: 1.9rem; border-bottom: 3px solid #4b2a7b; padding-bottom: 0.3rem; }
h2 { font-size: 1.45rem; }
h3 { font-size: 1.2rem; }
nav.toc { border: 1px solid #b1b4b6; padding: 0.5rem 1rem; margin: 1rem 0 2rem; }
nav.toc p { font-weight: bold; margin: 0.25rem 0; }
nav.toc ul { list-style: none; padding-left: 0; margin: 0; }
nav.toc li { margin: 0.15rem 0; }
nav.toc .l2 { padding-left: 1.25rem; }
nav.toc .l3, nav.toc .l4, nav.toc .l5, nav.toc .l6 { padding-left: 2.5rem; }
section.panel { border: 4px solid #4b2a7b; padding: 0.25rem 1rem; margin: 1rem 0 1.5rem; }
section.panel h2 { margin-top: 0.75rem; }
section.panel > p:first-of-type { font-size: 1.15rem; }
.table { overflow-x: auto; margin: 0.5rem 0 1.5rem; max-width: 100%; }
.table:focus { outline: 3px solid #ffbf47; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
table.wide { min-width: 40rem; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
th, td { border: 1px solid #6f777b; padding: 0.4rem 0.5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
thead th { background: #e9e5f1; }
tbody th { background: #f6f5f3; font-weight: bold; }
td ul, th ul { margin: 0; padding-left: 1.1rem; }
td p, th p { margin: 0 0 0.25rem; }
figure { margin: 1rem 0; }
figcaption { font-weight: bold; margin-bottom: 0.5rem; }
.picture svg { width: 100%; max-width: 50rem; height: auto; }
code { font-family: "Courier New", monospace; background: #f3f2f1; padding: 0 0.2rem; overflow-wrap: anywhere; }
.note { border-left: 5px solid #6f777b; padding: 0.25rem 0.75rem; background: #f6f5f3; }
footer { border-top: 1px solid #b1b4b6; margin-top: 2rem; padding-top: 0.5rem; font-size: 0.9rem; }
@media (max-width: 48rem) {
  .picture { display: none; }
}
@page { size: A4; margin: 18mm 16mm 20mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt Arial, sans-serif; } }
@media print {
  body { max-width: none; font-size: 10.5pt; padding: 0; }
  .skip { display: none; }
  a { color: #000000; text-decoration: underline; }
  h1 { margin-top: 0; }
  h1, h2, h3, h4, h5, h6, caption { break-after: avoid; page-break-after: avoid; }
  tr, figure, svg, section.panel { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .table { overflow: visible; }
  table.wide { min-width: 0; }
  .picture { display: block; }
  thead th, tbody th { background: #ffffff; }
}
"#;

/// Writes one block; a panel's blocks inside a framed section.
fn block(out: &mut String, b: &Block, tables: &mut usize, diagrams: &mut usize) {
    match b {
        Block::Heading {
            level,
            text,
            anchor,
        } => {
            // The page's title is its one <h1>: the document's chapters are <h2>.
            let level = (level + 1).min(6);
            let _ = writeln!(
                out,
                "<h{level} id=\"{}\">{}</h{level}>",
                escape(anchor),
                inline_html(text)
            );
        }
        Block::Paragraph(text) => {
            let _ = writeln!(out, "<p>{}</p>", inline_html(text));
        }
        Block::List(items) => list(out, items),
        Block::Table(t) => {
            *tables += 1;
            table_in(out, t, &format!("table-{tables}"));
        }
        Block::Diagram(d) => {
            *diagrams += 1;
            let id = format!("diagram-{diagrams}");
            // The caption names the figure once; the picture is hidden from screen
            // readers, whose users get the description and the table that follows.
            let _ = writeln!(
                out,
                "<figure aria-labelledby=\"{id}-caption\">\n<figcaption id=\"{id}-caption\">{}</figcaption>\n<div class=\"picture\">{}</div>\n<p>{} The table below gives every link in words; on a narrow screen it stands in for the picture.</p>\n</figure>",
                escape(&d.title),
                d.svg(&id),
                escape(&d.description)
            );
        }
        Block::Panel(inner) => {
            let label = inner.iter().find_map(|b| match b {
                Block::Heading { anchor, .. } => Some(anchor.as_str()),
                _ => None,
            });
            match label {
                Some(anchor) => {
                    let _ = writeln!(
                        out,
                        "<section class=\"panel\" aria-labelledby=\"{}\">",
                        escape(anchor)
                    );
                }
                None => out.push_str("<section class=\"panel\">\n"),
            }
            for b in inner {
                block(out, b, tables, diagrams);
            }
            out.push_str("</section>\n");
        }
    }
}

/// The whole publication as one HTML page: the title as its one `<h1>`, then a
/// panel that opens the page (the report's status), the table of contents, and the
/// blocks. `footer` is a line of plain text after the content (what made the page,
/// and from what).
pub fn page(publication: &Publication, footer: &str) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#content\">Skip to the content</a>\n<main id=\"content\">\n<h1>{}</h1>\n",
        escape(&publication.title),
        inline_html(&publication.title)
    );
    let (mut tables, mut diagrams) = (0, 0);
    let opening = publication
        .blocks
        .first()
        .filter(|b| matches!(b, Block::Panel(_)));
    if let Some(panel) = opening {
        block(&mut out, panel, &mut tables, &mut diagrams);
    }
    toc(&mut out, publication);
    for b in &publication.blocks[opening.map_or(0, |_| 1)..] {
        block(&mut out, b, &mut tables, &mut diagrams);
    }
    out.push_str("</main>\n");
    if !footer.is_empty() {
        let _ = writeln!(out, "<footer><p>{}</p></footer>", escape(footer));
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The table of contents, when there are two headings or more.
fn toc(out: &mut String, publication: &Publication) {
    let headings: Vec<_> = publication.headings().collect();
    if headings.len() < 2 {
        return;
    }
    out.push_str("<nav class=\"toc\" aria-labelledby=\"toc-title\">\n<p id=\"toc-title\">Contents</p>\n<ul>\n");
    let top = headings
        .iter()
        .map(|(level, _, _)| *level)
        .min()
        .unwrap_or(1);
    for (level, text, anchor) in headings {
        let level = level - top + 1;
        let _ = writeln!(
            out,
            "<li class=\"l{level}\"><a href=\"#{}\">{}</a></li>",
            escape(anchor),
            escape(&inline::plain(text))
        );
    }
    out.push_str("</ul>\n</nav>\n");
}

fn list(out: &mut String, items: &[ListItem]) {
    // A deeper item opens a list inside the item above; `open` lists are open.
    let mut open = 0;
    for item in items {
        let depth = item.depth.min(open);
        if open == 0 {
            out.push_str("<ul>\n");
            open = 1;
        } else if depth + 1 > open {
            out.push_str("\n<ul>\n");
            open += 1;
        } else {
            out.push_str("</li>\n");
            while open > depth + 1 {
                out.push_str("</ul>\n</li>\n");
                open -= 1;
            }
        }
        let _ = write!(out, "<li>{}", inline_html(&item.text));
    }
    if open > 0 {
        out.push_str("</li>\n");
        while open > 1 {
            out.push_str("</ul>\n</li>\n");
            open -= 1;
        }
        out.push_str("</ul>\n");
    }
}

fn cell(out: &mut String, cell: &Cell) {
    match cell.0.as_slice() {
        [] => {}
        [one] => out.push_str(&inline_html(one)),
        // A lead-in ("... (7 findings):") and the list it introduces.
        [lead, rest @ ..] if lead.ends_with(':') && rest.len() > 1 => {
            let _ = write!(out, "<p>{}</p><ul>", inline_html(lead));
            for line in rest {
                let _ = write!(out, "<li>{}</li>", inline_html(line));
            }
            out.push_str("</ul>");
        }
        many => {
            out.push_str("<ul>");
            for line in many {
                let _ = write!(out, "<li>{}</li>", inline_html(line));
            }
            out.push_str("</ul>");
        }
    }
}

/// A table with its caption, column headers and (when set) row headers.
pub fn table(out: &mut String, t: &Table) {
    table_in(out, t, "table");
}

/// A table inside its own scrolling region (named by the caption, `id`), so that on
/// a narrow screen the table scrolls and the page does not.
fn table_in(out: &mut String, t: &Table, id: &str) {
    let _ = write!(
        out,
        "<div class=\"table\" role=\"region\" aria-labelledby=\"{id}\" tabindex=\"0\">\n<table{}>\n<caption id=\"{id}\">{}</caption>\n<thead><tr>",
        // Four columns or more keep a readable width and scroll on a phone.
        if t.columns.len() >= 4 { " class=\"wide\"" } else { "" },
        inline_html(&t.caption)
    );
    for column in &t.columns {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(column));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        out.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            if i == 0 && t.heads_rows() {
                out.push_str("<th scope=\"row\">");
                cell(out, c);
                out.push_str("</th>");
            } else {
                out.push_str("<td>");
                cell(out, c);
                out.push_str("</td>");
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_everywhere() {
        let mut t = Table::new("<caption>", &["<col>"]);
        t.row(vec![Cell::text("<b>\"x\" & 'y'</b>")]);
        let p = Publication {
            title: "<title>".into(),
            author: None,
            date: None,
            chapters_on_new_pages: false,
            blocks: vec![
                Block::Heading {
                    level: 1,
                    text: "<h>".into(),
                    anchor: "a\"b".into(),
                },
                Block::Paragraph("<script>alert(1)</script>".into()),
                Block::List(vec![ListItem {
                    text: "<li>".into(),
                    depth: 0,
                }]),
                Block::Table(t),
            ],
        };
        let html = page(&p, "<footer>");
        assert!(!html.contains("<script>"));
        assert!(!html.contains("<b>"));
        assert!(!html.contains("<col>"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"));
        assert!(html.contains("id=\"a&quot;b\""));
    }

    #[test]
    fn nested_lists_close_in_order() {
        let items = [(0, "a"), (1, "b"), (2, "c"), (0, "d"), (1, "e")]
            .iter()
            .map(|(depth, text)| ListItem {
                text: text.to_string(),
                depth: *depth,
            })
            .collect::<Vec<_>>();
        let mut out = String::new();
        list(&mut out, &items);
        assert_eq!(out.matches("<ul>").count(), out.matches("</ul>").count());
        assert_eq!(out.matches("<li>").count(), out.matches("</li>").count());
        let compact: String = out.split_whitespace().collect();
        assert_eq!(
            compact,
            "<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li><li>d<ul><li>e</li></ul></li></ul>"
        );
    }
}
