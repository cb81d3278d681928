//! Word (.docx): headings in Word's heading styles, real tables, the same content as
//! the HTML. The diagram becomes its table (a picture of it would say no more).

use docx_rs::{
    BreakType, Docx, Hyperlink, HyperlinkType, Paragraph, Run, RunFonts, Shading, Style, StyleType,
    Table as WordTable, TableCell, TableRow, WidthType,
};

use super::inline::{self, Inline};
use super::{Block, Cell, Publication, Table};

/// The styles the document uses: Word's built-in names, so that the navigation pane,
/// the table of contents and screen readers know them.
fn styles(doc: Docx) -> Docx {
    let sizes = [32, 28, 26, 24, 22, 22];
    let mut doc = doc
        .default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
        .default_size(22)
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .size(40)
                .bold(),
        )
        .add_style(
            Style::new("Caption", StyleType::Paragraph)
                .name("caption")
                .based_on("Normal")
                .bold(),
        )
        .add_style(
            Style::new("ListBullet", StyleType::Paragraph)
                .name("List Bullet")
                .based_on("Normal")
                .indent(Some(360), None, None, None),
        );
    for (i, size) in sizes.iter().enumerate() {
        let level = i + 1;
        doc = doc.add_style(
            Style::new(format!("Heading{level}"), StyleType::Paragraph)
                .name(format!("heading {level}"))
                .based_on("Normal")
                .next("Normal")
                .size(*size)
                .bold()
                .color("4B2A7B")
                .outline_lvl(i),
        );
    }
    doc
}

/// The runs of `text`, with its emphasis.
fn runs(mut p: Paragraph, text: &str, bold: bool) -> Paragraph {
    for run in inline::parse(text) {
        let make = |t: &str| {
            let r = Run::new().add_text(t);
            if bold {
                r.bold()
            } else {
                r
            }
        };
        p = match run {
            Inline::Text(t) => p.add_run(make(&t)),
            Inline::Strong(t) => p.add_run(make(&t).bold()),
            Inline::Emphasis(t) => p.add_run(make(&t).italic()),
            Inline::Code(t) => p.add_run(make(&t).fonts(RunFonts::new().ascii("Courier New"))),
            Inline::Link { text, href } => p.add_hyperlink(
                Hyperlink::new(href, HyperlinkType::External)
                    .add_run(make(&text).underline("single").color("1D5AA0")),
            ),
        };
    }
    p
}

fn cell(c: &Cell, header: bool) -> TableCell {
    let mut cell = TableCell::new();
    if header {
        cell = cell.shading(Shading::new().fill("E9E5F1"));
    }
    if c.0.is_empty() {
        return cell.add_paragraph(Paragraph::new());
    }
    let many = c.0.len() > 1;
    for line in &c.0 {
        let p = if many {
            Paragraph::new()
                .style("ListBullet")
                .add_run(Run::new().add_text("• "))
        } else {
            Paragraph::new()
        };
        cell = cell.add_paragraph(runs(p, line, header));
    }
    cell
}

fn table(t: &Table) -> WordTable {
    let mut rows = vec![TableRow::new(
        t.columns
            .iter()
            .map(|c| cell(&Cell::text(c.clone()), true))
            .collect(),
    )
    .cant_split()];
    for row in &t.rows {
        rows.push(
            TableRow::new(
                row.iter()
                    .enumerate()
                    .map(|(i, c)| cell(c, i == 0 && t.row_headers))
                    .collect(),
            )
            .cant_split(),
        );
    }
    WordTable::new(rows).width(5000, WidthType::Pct)
}

/// The publication as the bytes of a .docx file.
pub fn docx(publication: &Publication) -> Result<Vec<u8>, String> {
    let mut doc = styles(Docx::new());
    let has_h1 = publication.headings().any(|(level, _, _)| level == 1);
    if !has_h1 {
        doc = doc.add_paragraph(runs(
            Paragraph::new().style("Title"),
            &publication.title,
            false,
        ));
    }
    for block in &publication.blocks {
        match block {
            Block::Heading { level, text, .. } => {
                doc = doc.add_paragraph(runs(
                    Paragraph::new()
                        .style(&format!("Heading{level}"))
                        .keep_next(true),
                    text,
                    false,
                ));
            }
            Block::Paragraph(text) => {
                doc = doc.add_paragraph(runs(Paragraph::new(), text, false));
            }
            Block::List(items) => {
                for item in items {
                    let indent = 360 * (item.depth as i32 + 1);
                    doc = doc.add_paragraph(runs(
                        Paragraph::new()
                            .style("ListBullet")
                            .indent(Some(indent), None, None, None)
                            .add_run(Run::new().add_text("• ")),
                        &item.text,
                        false,
                    ));
                }
            }
            Block::Table(t) => {
                doc = doc
                    .add_paragraph(runs(
                        Paragraph::new().style("Caption").keep_next(true),
                        &t.caption,
                        false,
                    ))
                    .add_table(table(t))
                    .add_paragraph(Paragraph::new());
            }
            Block::Diagram(d) => {
                doc = doc.add_paragraph(runs(Paragraph::new().style("Caption"), &d.title, false));
                doc = doc.add_paragraph(
                    runs(Paragraph::new(), &d.description, false)
                        .add_run(Run::new().add_break(BreakType::TextWrapping))
                        .add_run(
                            Run::new()
                                .add_text("The table below gives the diagram's links in full.")
                                .italic(),
                        ),
                );
            }
        }
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut bytes)
        .map_err(|e| format!("could not write the .docx: {e}"))?;
    with_properties(bytes.into_inner(), publication)
        .map_err(|e| format!("could not write the .docx: {e}"))
}

/// The language of every published document.
const LANGUAGE: &str = "en-GB";

/// Adds what docx-rs has no setter for: the document's title and language in its
/// properties (`docProps/core.xml`), which Word shows as the title, screen readers
/// announce and accessibility checkers ask for, and its author, the partnership (or
/// none: docx-rs writes "unknown", and no name is made up); and English (UK) as the
/// language of its text (`word/styles.xml`), so it is read aloud and spell-checked as
/// such.
fn with_properties(bytes: Vec<u8>, publication: &Publication) -> Result<Vec<u8>, String> {
    use std::io::{Read, Write};
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).map_err(|e| e.to_string())?;
        let name = file.name().to_string();
        let mut content = Vec::new();
        file.read_to_end(&mut content).map_err(|e| e.to_string())?;
        let text = || String::from_utf8_lossy(&content).into_owned();
        let content = match name.as_str() {
            "docProps/core.xml" => {
                let author = publication.author.as_deref().map_or(String::new(), |a| {
                    format!("<dc:creator>{}</dc:creator>", xml_escape(a))
                });
                text()
                    .replacen("<dc:creator>unknown</dc:creator>", &author, 1)
                    .replacen("<cp:lastModifiedBy>unknown</cp:lastModifiedBy>", "", 1)
                    .replacen(
                        "</cp:coreProperties>",
                        &format!(
                            "<dc:title>{}</dc:title><dc:language>{LANGUAGE}</dc:language></cp:coreProperties>",
                            xml_escape(&publication.title)
                        ),
                        1,
                    )
            }
            "word/styles.xml" => text().replacen(
                "</w:rPr></w:rPrDefault>",
                &format!("<w:lang w:val=\"{LANGUAGE}\" /></w:rPr></w:rPrDefault>"),
                1,
            ),
            _ => {
                out.start_file(name, options).map_err(|e| e.to_string())?;
                out.write_all(&content).map_err(|e| e.to_string())?;
                continue;
            }
        };
        out.start_file(name, options).map_err(|e| e.to_string())?;
        out.write_all(content.as_bytes())
            .map_err(|e| e.to_string())?;
    }
    Ok(out.finish().map_err(|e| e.to_string())?.into_inner())
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
