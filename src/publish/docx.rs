//! Word (.docx): the title in Word's "Title" style and the chapters in its heading
//! styles, `Normal` as the default style of every other paragraph (with spacing
//! between paragraphs), lists numbered as Word numbers them, and real tables whose
//! header row is marked and repeated on each page and whose column widths follow
//! their content. The created and modified dates are the document's effective date.
//! The diagram becomes its table (a picture of it would say no more).

use docx_rs::{
    AbstractNumbering, BreakType, Docx, Hyperlink, HyperlinkType, IndentLevel, Level, LevelJc,
    LevelText, LineSpacing, NumberFormat, Numbering, NumberingId, PageMargin, Paragraph, Run,
    RunFonts, Shading, Start, Style, StyleType, Table as WordTable, TableCell, TableLayoutType,
    TableRow, WidthType,
};

use super::inline::{self, Inline};
use super::{Block, Cell, Publication, Table};

/// The width of the text on an A4 page with 2 cm margins, in twentieths of a point.
const TEXT_WIDTH: usize = 11906 - 2 * 1134;

/// The numbering every bulleted list uses (docx-rs writes a numbered list of its
/// own as number 1).
const BULLETS: usize = 7;

/// The styles the document uses: Word's built-in names, so that the navigation pane,
/// the table of contents and screen readers know them. (`Normal` is written by
/// [`with_properties`], as the default.)
fn styles(doc: Docx) -> Docx {
    let sizes = [32, 28, 26, 24, 22, 22];
    let mut doc = doc
        .default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
        .default_size(22)
        .page_margin(
            PageMargin::new()
                .top(1134)
                .bottom(1134)
                .left(1134)
                .right(1134),
        )
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .next("Normal")
                .size(40)
                .bold()
                .line_spacing(LineSpacing::new().after(240)),
        )
        .add_style(
            Style::new("Caption", StyleType::Paragraph)
                .name("caption")
                .based_on("Normal")
                .bold()
                .line_spacing(LineSpacing::new().before(120).after(60)),
        )
        .add_style(
            Style::new("ListBullet", StyleType::Paragraph)
                .name("List Bullet")
                .based_on("Normal")
                .line_spacing(LineSpacing::new().after(60)),
        )
        .add_style(
            Style::new("TableText", StyleType::Paragraph)
                .name("Table Text")
                .based_on("Normal")
                .size(20)
                .line_spacing(LineSpacing::new().after(40)),
        )
        .add_style(
            Style::new("TableBullet", StyleType::Paragraph)
                .name("Table Bullet")
                .based_on("TableText")
                .size(20)
                .line_spacing(LineSpacing::new().after(40)),
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
                .line_spacing(LineSpacing::new().before(240).after(120))
                .outline_lvl(i),
        );
    }
    let mut bullets = AbstractNumbering::new(BULLETS);
    for level in 0..6 {
        bullets = bullets.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new(if level % 2 == 0 { "•" } else { "◦" }),
                LevelJc::new("left"),
            )
            .indent(
                Some(360 * (level as i32 + 1)),
                Some(docx_rs::SpecialIndentType::Hanging(360)),
                None,
                None,
            ),
        );
    }
    doc.add_abstract_numbering(bullets)
        .add_numbering(Numbering::new(BULLETS, BULLETS))
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

/// A bulleted paragraph at `depth`, in `style`.
fn bullet(style: &str, depth: usize) -> Paragraph {
    Paragraph::new()
        .style(style)
        .numbering(NumberingId::new(BULLETS), IndentLevel::new(depth.min(5)))
}

fn cell(c: &Cell, header: bool, width: usize) -> TableCell {
    let mut cell = TableCell::new().width(width, WidthType::Dxa);
    if header {
        cell = cell.shading(Shading::new().fill("E9E5F1"));
    }
    if c.0.is_empty() {
        return cell.add_paragraph(Paragraph::new().style("TableText"));
    }
    let many = c.0.len() > 1;
    // A lead-in ("... (7 findings):") stays a paragraph above the list it introduces.
    let lead = many && c.0.len() > 2 && c.0[0].ends_with(':');
    for (i, line) in c.0.iter().enumerate() {
        let p = if many && !(lead && i == 0) {
            bullet("TableBullet", 0)
        } else {
            Paragraph::new().style("TableText")
        };
        cell = cell.add_paragraph(runs(p, line, header));
    }
    cell
}

/// The widths of the columns, from their content: each at least as wide as its
/// longest word (bold in the header row), and the rest of the page shared by how
/// much each column holds, none wider than its longest line needs.
fn widths(t: &Table) -> Vec<usize> {
    const CHAR: usize = 110; // about one character of 10-point Arial, bold
    const MARGINS: usize = 2 * 108 + 60; // a cell's own margins, and some room
    let n = t.columns.len().max(1);
    let (mut least, mut most, mut volume) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..n {
        let lines: Vec<String> = std::iter::once(t.columns[i].as_str())
            .chain(
                t.rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .flat_map(|c| c.0.iter().map(String::as_str)),
            )
            .map(inline::plain)
            .collect();
        let chars = |l: &String| l.chars().count();
        let word = lines
            .iter()
            .flat_map(|l| l.split_whitespace())
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(1);
        least.push((word * CHAR + MARGINS).min(TEXT_WIDTH / n * 3 / 2));
        most.push(lines.iter().map(chars).max().unwrap_or(1) * CHAR + MARGINS);
        volume.push(lines.iter().map(chars).sum::<usize>().max(1));
    }
    let sum_least: usize = least.iter().sum();
    if sum_least >= TEXT_WIDTH {
        return least.iter().map(|w| w * TEXT_WIDTH / sum_least).collect();
    }
    // Share the room by volume; a column that reaches its longest line gives the
    // rest back, to be shared again.
    let mut widths = least.clone();
    let mut open: Vec<bool> = widths.iter().zip(&most).map(|(w, m)| w < m).collect();
    for _ in 0..n {
        let room = TEXT_WIDTH - widths.iter().sum::<usize>();
        let weight: usize = (0..n).filter(|&i| open[i]).map(|i| volume[i]).sum();
        if room == 0 || weight == 0 {
            break;
        }
        let growing: Vec<usize> = (0..n).filter(|&i| open[i]).collect();
        for i in growing {
            widths[i] = (widths[i] + room * volume[i] / weight).min(most[i]);
            open[i] = widths[i] < most[i];
        }
    }
    // Whatever is left (every column at its longest line) goes to them all alike.
    let left = TEXT_WIDTH - widths.iter().sum::<usize>();
    let total: usize = widths.iter().sum();
    widths.iter().map(|w| w + left * w / total.max(1)).collect()
}

fn table(t: &Table) -> WordTable {
    let widths = widths(t);
    let mut rows = vec![TableRow::new(
        t.columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| cell(&Cell::text(c.clone()), true, *w))
            .collect(),
    )
    .cant_split()];
    for row in &t.rows {
        rows.push(
            TableRow::new(
                row.iter()
                    .zip(&widths)
                    .enumerate()
                    .map(|(i, (c, w))| cell(c, i == 0 && t.heads_rows(), *w))
                    .collect(),
            )
            .cant_split(),
        );
    }
    WordTable::new(rows)
        .set_grid(widths)
        .layout(TableLayoutType::Fixed)
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// Adds one block to the document; a chapter starts a new page when `new_pages`.
fn block(doc: Docx, b: &Block, new_pages: bool) -> Docx {
    match b {
        Block::Heading { level, text, .. } => doc.add_paragraph(runs(
            Paragraph::new()
                .style(&format!("Heading{}", level.clamp(&1, &6)))
                .keep_next(true)
                .page_break_before(new_pages && *level == 1),
            text,
            false,
        )),
        Block::Paragraph(text) => {
            doc.add_paragraph(runs(Paragraph::new().style("Normal"), text, false))
        }
        Block::List(items) => items.iter().fold(doc, |doc, item| {
            doc.add_paragraph(runs(bullet("ListBullet", item.depth), &item.text, false))
        }),
        Block::Table(t) => doc
            .add_paragraph(runs(
                Paragraph::new().style("Caption").keep_next(true),
                &t.caption,
                false,
            ))
            .add_table(table(t))
            .add_paragraph(Paragraph::new().style("Normal")),
        Block::Diagram(d) => doc
            .add_paragraph(runs(Paragraph::new().style("Caption"), &d.title, false))
            .add_paragraph(
                runs(Paragraph::new().style("Normal"), &d.description, false)
                    .add_run(Run::new().add_break(BreakType::TextWrapping))
                    .add_run(
                        Run::new()
                            .add_text("The table below gives the diagram's links in full.")
                            .italic(),
                    ),
            ),
        Block::Panel(inner) => inner.iter().fold(doc, |doc, b| block(doc, b, new_pages)),
    }
}

/// The publication as the bytes of a .docx file.
pub fn docx(publication: &Publication) -> Result<Vec<u8>, String> {
    let mut doc = styles(Docx::new()).add_paragraph(runs(
        Paragraph::new().style("Title"),
        &publication.title,
        false,
    ));
    if let Some(date) = publication
        .date
        .as_deref()
        .and_then(crate::ast::Date::parse)
    {
        let stamp = format!("{}T00:00:00Z", date.first_day());
        doc = doc.created_at(&stamp).updated_at(&stamp);
    }
    for b in &publication.blocks {
        doc = block(doc, b, publication.chapters_on_new_pages);
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

/// The relationships in one order: docx-rs writes the hyperlinks' in hash-map order,
/// which differs from run to run (and between the command line and the browser), so
/// the same document would not give the same bytes.
fn sorted_relationships(xml: &str) -> String {
    let (Some(first), Some(end)) = (xml.find("<Relationship "), xml.rfind("</Relationships>"))
    else {
        return xml.to_string();
    };
    let mut items: Vec<&str> = xml[first..end]
        .split_inclusive("/>")
        .filter(|item| !item.trim().is_empty())
        .collect();
    items.sort_unstable();
    format!("{}{}{}", &xml[..first], items.concat(), &xml[end..])
}

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
            "word/styles.xml" => normal_style(&text().replacen(
                "</w:rPr></w:rPrDefault>",
                &format!("<w:lang w:val=\"{LANGUAGE}\" /></w:rPr></w:rPrDefault>"),
                1,
            )),
            "word/document.xml" => repeated_headers(&text()),
            "word/_rels/document.xml.rels" => sorted_relationships(&text()),
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

/// `Normal` as the default paragraph style, with space after each paragraph.
fn normal_style(styles: &str) -> String {
    const NORMAL: &str = r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal" /><w:qFormat /><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto" /></w:pPr></w:style>"#;
    let open = r#"<w:style w:type="paragraph" w:styleId="Normal">"#;
    match styles.find(open) {
        Some(at) => match styles[at..].find("</w:style>") {
            Some(len) => format!(
                "{}{NORMAL}{}",
                &styles[..at],
                &styles[at + len + "</w:style>".len()..]
            ),
            None => styles.to_string(),
        },
        None => styles.to_string(),
    }
}

/// Each table's first row marked as its header, repeated at the top of each page
/// the table runs onto (docx-rs has no setter for it).
fn repeated_headers(document: &str) -> String {
    let mut out = String::with_capacity(document.len() + 1024);
    let mut rest = document;
    while let Some(at) = rest.find("<w:tbl>") {
        let (before, table) = rest.split_at(at);
        out.push_str(before);
        match table.find("<w:trPr>") {
            Some(row) => {
                out.push_str(&table[..row]);
                out.push_str("<w:trPr><w:tblHeader />");
                rest = &table[row + "<w:trPr>".len()..];
            }
            None => {
                out.push_str(table);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
