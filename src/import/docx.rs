//! Reading a Word document (`.docx`) into blocks.
//!
//! A `.docx` is a zip archive; the text is in `word/document.xml` and the style
//! names (which say which paragraphs are headings or list items) in
//! `word/styles.xml`. Only those two parts are read, each capped at
//! [`MAX_PART`] bytes once decompressed, so a zip bomb is refused rather than
//! unpacked. Running headers and footers live in other parts and are never read.
//!
//! The text is what Word shows with every tracked change accepted: insertions are
//! read, deletions (`w:del`, `w:moveFrom`) and the properties a change replaced
//! (`w:pPrChange`, ...) are not. A text box is read once, from the markup Word
//! shows (`mc:Choice`), never from the copy kept for older readers
//! (`mc:Fallback`), and the paragraph around it keeps its own text. Content
//! controls, hyperlinks, fields' results (a table of contents) and numbering read as
//! the text they show; a cell merged down (`w:vMerge`) is read in each row it
//! spans, as Word shows it; a cell merged across columns (`w:gridSpan`) keeps the
//! columns after it in place.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesRef, BytesStart, BytesText, Event};
use quick_xml::Reader;

use super::furniture::is_furniture;
use super::text::tidy;
use super::{Block, ImportError, Source};

/// The most a part of the archive may hold once decompressed.
pub const MAX_PART: u64 = 64 * 1024 * 1024;

/// The first bytes of a Compound File (an encrypted `.docx`, or an old `.doc`).
pub const CFB_SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The message for a Compound File given where a `.docx` was expected.
pub fn cfb_message() -> String {
    "the file is password-protected (encrypted), or is an old Word 97-2003 document (.doc): it is not a .docx archive".to_string()
}

fn bad(what: impl std::fmt::Display) -> ImportError {
    ImportError::Docx(what.to_string())
}

/// Reads a `.docx` from its bytes.
pub fn read(bytes: &[u8]) -> Result<Source, ImportError> {
    if bytes.starts_with(&CFB_SIGNATURE) {
        return Err(bad(cfb_message()));
    }
    if !bytes.starts_with(b"PK") {
        return Err(bad(
            "the file is not a Word document: a .docx is a zip archive, and this one does not start like one",
        ));
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| bad(format!("the Word document is damaged: {e}")))?;
    let document = part(&mut archive, "word/document.xml")?.ok_or_else(|| {
        bad("the zip archive has no word/document.xml: it is not a Word document")
    })?;
    let styles = match part(&mut archive, "word/styles.xml")? {
        Some(xml) => read_styles(&xml)?,
        None => HashMap::new(),
    };
    read_document(&document, &styles)
}

/// One part of the archive as text, or `None` when it is missing.
fn part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, ImportError> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(zip::result::ZipError::UnsupportedArchive(m)) if m.contains("assword") => {
            return Err(bad(
                "the Word document is password-protected: its text cannot be read",
            ))
        }
        Err(e) => return Err(bad(format!("the Word document is damaged: {e}"))),
    };
    let mut data = Vec::new();
    file.take(MAX_PART + 1)
        .read_to_end(&mut data)
        .map_err(|e| bad(format!("the Word document is damaged: {name}: {e}")))?;
    if data.len() as u64 > MAX_PART {
        return Err(bad(format!(
            "{name} unpacks to more than {} MB: too large for an agreement (or a zip bomb)",
            MAX_PART / 1_000_000
        )));
    }
    String::from_utf8(data)
        .map(Some)
        .map_err(|_| bad(format!("{name} is not UTF-8 XML")))
}

/// What a paragraph style says about its paragraphs.
#[derive(Debug, Clone, Default)]
struct Style {
    heading: Option<u8>,
    list: bool,
    /// The style this one is based on: a renamed heading style is a heading.
    based_on: Option<String>,
}

fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name)
            .then(|| String::from_utf8_lossy(&a.value).into_owned())
    })
}

fn xml_error(part: &str, e: impl std::fmt::Display) -> ImportError {
    bad(format!(
        "the Word document is damaged: {part} is not well-formed XML ({e})"
    ))
}

fn read_styles(xml: &str) -> Result<HashMap<String, Style>, ImportError> {
    let mut styles = HashMap::new();
    let mut reader = Reader::from_str(xml);
    let mut current: Option<(String, Style)> = None;
    loop {
        match reader
            .read_event()
            .map_err(|e| xml_error("styles.xml", e))?
        {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"style" => current = attr(&e, b"styleId").map(|id| (id, Style::default())),
                b"name" => {
                    if let (Some((_, style)), Some(name)) = (current.as_mut(), attr(&e, b"val")) {
                        let name = name.to_ascii_lowercase();
                        if let Some(level) = name.strip_prefix("heading").map(str::trim) {
                            style.heading = level.parse().ok().filter(|l| (1..=6).contains(l));
                        } else if name == "title" {
                            style.heading = Some(1);
                        }
                        style.list |= name.starts_with("list");
                    }
                }
                b"basedOn" => {
                    if let Some((_, style)) = current.as_mut() {
                        style.based_on = attr(&e, b"val");
                    }
                }
                b"outlineLvl" => {
                    if let Some((_, style)) = current.as_mut() {
                        let level: Option<u8> = attr(&e, b"val").and_then(|v| v.parse().ok());
                        if let Some(l) = level.filter(|l| *l < 6) {
                            style.heading.get_or_insert(l + 1);
                        }
                    }
                }
                b"numPr" => {
                    if let Some((_, style)) = current.as_mut() {
                        style.list = true;
                    }
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == b"style" => {
                if let Some((id, style)) = current.take() {
                    styles.insert(id, style);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(inherit(styles))
}

/// Each style takes what it does not say itself from the styles it is based on
/// (a chain at most ten long, so a loop in a damaged file ends).
fn inherit(styles: HashMap<String, Style>) -> HashMap<String, Style> {
    let mut out = styles.clone();
    for (id, style) in out.iter_mut() {
        let mut base = style.based_on.clone();
        let mut steps = 0;
        while let Some(parent) = base.and_then(|b| styles.get(&b).filter(|_| &b != id)) {
            style.heading = style.heading.or(parent.heading);
            style.list |= parent.list;
            base = parent.based_on.clone();
            steps += 1;
            if steps == 10 {
                break;
            }
        }
    }
    out
}

#[derive(Default)]
struct Paragraph {
    text: String,
    style: Option<String>,
    outline: Option<u8>,
    numbered: bool,
    level: u8,
}

#[derive(Default)]
struct Table {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: String,
    /// How many grid columns the open cell spans (`w:gridSpan`).
    span: usize,
    /// The open cell continues the cell above it (`w:vMerge` without "restart").
    continues: bool,
    /// The row above, as read: what a merged-down cell shows.
    above: Vec<String>,
}

/// `document.xml` read so far: the blocks made, and the paragraph and tables open.
struct Body<'s> {
    styles: &'s HashMap<String, Style>,
    source: Source,
    /// The paragraphs open, innermost last: a text box's paragraphs sit inside a run
    /// of the paragraph around it.
    paras: Vec<Paragraph>,
    /// The tables open, innermost last.
    tables: Vec<Table>,
    in_text: bool,
    /// How many runs are open: a tab or break is text only inside a run (a
    /// paragraph's tab stops are `w:tab` elements too).
    runs: usize,
    /// The paragraphs as lines, tabs kept: a document with no heading, list or
    /// table (text saved as .docx) is read as the text it is.
    raw_lines: Vec<String>,
}

fn read_document(xml: &str, styles: &HashMap<String, Style>) -> Result<Source, ImportError> {
    Ok(read_body(xml, styles)?.finish())
}

fn read_body<'s>(xml: &str, styles: &'s HashMap<String, Style>) -> Result<Body<'s>, ImportError> {
    let mut reader = Reader::from_str(xml);
    let mut body = Body {
        styles,
        source: Source::default(),
        paras: Vec::new(),
        tables: Vec::new(),
        in_text: false,
        runs: 0,
        raw_lines: Vec::new(),
    };
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error("document.xml", e))?;
        match event {
            Event::Start(e) if not_shown(e.local_name().as_ref()) => {
                reader
                    .read_to_end(e.name())
                    .map_err(|e| xml_error("document.xml", e))?;
            }
            Event::Start(e) => body.start(&e),
            Event::Empty(e) => body.empty(&e),
            Event::Text(t) if body.in_text => body.text(&t)?,
            Event::GeneralRef(r) if body.in_text => body.reference(&r)?,
            Event::End(e) => body.end(e.local_name().as_ref()),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(body)
}

/// Elements whose content Word does not show as the document's text, with every
/// tracked change accepted: deleted and moved-away text, the properties a change
/// replaced, and the copy of a text box kept for older readers.
fn not_shown(name: &[u8]) -> bool {
    matches!(
        name,
        b"del"
            | b"moveFrom"
            | b"Fallback"
            | b"pPrChange"
            | b"rPrChange"
            | b"tblPrChange"
            | b"trPrChange"
            | b"tcPrChange"
            | b"sectPrChange"
            | b"numberingChange"
    )
}

impl Body<'_> {
    fn para(&mut self) -> Option<&mut Paragraph> {
        self.paras.last_mut()
    }

    /// Text inside a run of the open paragraph.
    fn push(&mut self, text: &str) {
        if self.runs > 0 {
            if let Some(p) = self.para() {
                p.text.push_str(text);
            }
        }
    }

    fn start(&mut self, e: &BytesStart) {
        match e.local_name().as_ref() {
            b"p" => self.paras.push(Paragraph::default()),
            b"r" => self.runs += 1,
            b"txbxContent" => self.runs = 0,
            b"t" => self.in_text = true,
            b"tbl" => self.tables.push(Table::default()),
            b"tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.row.clear();
                }
            }
            b"tc" => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell.clear();
                    t.span = 1;
                    t.continues = false;
                }
            }
            _ => paragraph_property(e, self.paras.last_mut()),
        }
    }

    /// An empty element: tabs and breaks inside the text, or a property.
    fn empty(&mut self, e: &BytesStart) {
        match e.local_name().as_ref() {
            b"tab" | b"ptab" => self.push("\t"),
            b"br" | b"cr" => self.push(" "),
            b"noBreakHyphen" => self.push("-"),
            b"gridSpan" if self.paras.is_empty() => {
                if let Some(t) = self.tables.last_mut() {
                    t.span = attr(e, b"val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1)
                        .clamp(1, 64);
                }
            }
            // A cell merged down from the one above: Word shows that cell's text
            // across both rows, so each row is read with it ("Domestic abuse" for
            // both of its leads).
            b"vMerge" if self.paras.is_empty() => {
                if let Some(t) = self.tables.last_mut() {
                    t.continues = attr(e, b"val").is_none_or(|v| v == "continue");
                }
            }
            _ => paragraph_property(e, self.paras.last_mut()),
        }
    }

    fn text(&mut self, t: &BytesText) -> Result<(), ImportError> {
        if let Some(p) = self.paras.last_mut() {
            let text = t.decode().map_err(|e| xml_error("document.xml", e))?;
            p.text.push_str(&text);
        }
        Ok(())
    }

    /// `&amp;`, `&#8211;`: a character or entity reference inside the text.
    fn reference(&mut self, r: &BytesRef) -> Result<(), ImportError> {
        if let Some(p) = self.paras.last_mut() {
            if let Ok(Some(c)) = r.resolve_char_ref() {
                p.text.push(c);
            } else {
                let name = r.decode().map_err(|e| xml_error("document.xml", e))?;
                let text = quick_xml::escape::resolve_predefined_entity(&name).unwrap_or("");
                p.text.push_str(text);
            }
        }
        Ok(())
    }

    fn end(&mut self, name: &[u8]) {
        match name {
            b"t" => self.in_text = false,
            b"r" => self.runs = self.runs.saturating_sub(1),
            // The run that holds the text box goes on after it.
            b"txbxContent" => self.runs = 1,
            b"p" => self.end_paragraph(),
            b"tc" => {
                if let Some(t) = self.tables.last_mut() {
                    let mut cell = std::mem::take(&mut t.cell);
                    if t.continues && cell.is_empty() {
                        cell = t.above.get(t.row.len()).cloned().unwrap_or_default();
                    }
                    t.row.push(cell);
                    // The columns a merged cell spans stay, empty, so the ones
                    // after it keep their headings.
                    for _ in 1..t.span.max(1) {
                        t.row.push(String::new());
                    }
                }
            }
            b"tr" => self.end_row(),
            b"tbl" => self.end_table(),
            _ => {}
        }
    }

    /// A paragraph joins the cell it is in, or becomes a block unless it is furniture.
    fn end_paragraph(&mut self) {
        let Some(p) = self.paras.pop() else { return };
        if self.tables.is_empty() {
            self.raw_lines.push(p.text.clone());
        }
        let text = tidy(&p.text);
        if let Some(t) = self.tables.last_mut() {
            if !text.is_empty() {
                if !t.cell.is_empty() {
                    t.cell.push('\n');
                }
                t.cell.push_str(&text);
            }
        } else if !text.is_empty() {
            if is_furniture(&text) {
                self.source.drop_line(&text);
            } else {
                self.source
                    .blocks
                    .push(paragraph_block(p, text, self.styles));
            }
        }
    }

    /// A row of page numbers (a layout table's footer) is furniture, not a row.
    fn end_row(&mut self) {
        let Some(t) = self.tables.last_mut() else {
            return;
        };
        let mut row = std::mem::take(&mut t.row);
        t.above = row.clone();
        while row.last().is_some_and(String::is_empty) {
            row.pop();
        }
        if row.iter().all(|c| c.is_empty() || is_furniture(c)) {
            if !row.is_empty() {
                self.source.drop_line(&row.join(" "));
            }
        } else {
            t.rows.push(row);
        }
    }

    fn end_table(&mut self) {
        let Some(t) = self.tables.pop() else { return };
        match self.tables.last_mut() {
            // A table inside a cell: its text joins the cell.
            Some(outer) => {
                for row in t.rows {
                    if !outer.cell.is_empty() {
                        outer.cell.push('\n');
                    }
                    outer.cell.push_str(&row.join(" "));
                }
            }
            None if !t.rows.is_empty() => self.source.blocks.push(Block::Table(t.rows)),
            None => {}
        }
    }

    /// The blocks; or, when no paragraph was styled, the text read as text.
    fn finish(self) -> Source {
        let styled = self
            .source
            .blocks
            .iter()
            .any(|b| !matches!(b, Block::Paragraph(_)));
        if !styled && !self.source.blocks.is_empty() {
            return super::text::read(&self.raw_lines.join("\n"));
        }
        self.source
    }
}

/// Reads the paragraph properties that matter: style, outline level, numbering.
fn paragraph_property(e: &BytesStart, para: Option<&mut Paragraph>) {
    let Some(p) = para else { return };
    match e.local_name().as_ref() {
        b"pStyle" => p.style = attr(e, b"val"),
        b"outlineLvl" => p.outline = attr(e, b"val").and_then(|v| v.parse().ok()),
        b"numId" => p.numbered = attr(e, b"val").is_some_and(|v| v != "0"),
        b"ilvl" => p.level = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(0),
        _ => {}
    }
}

fn paragraph_block(p: Paragraph, text: String, styles: &HashMap<String, Style>) -> Block {
    let style = p.style.as_ref().and_then(|s| styles.get(s));
    let heading = p
        .outline
        .filter(|l| *l < 6)
        .map(|l| l + 1)
        .or_else(|| style.and_then(|s| s.heading));
    if let Some(level) = heading {
        return Block::Heading { level, text };
    }
    if p.numbered || style.is_some_and(|s| s.list) {
        return Block::Item {
            level: p.level.min(6),
            text,
        };
    }
    Block::Paragraph(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml""#;

    fn blocks(body: &str) -> Vec<Block> {
        blocks_styled(body, "")
    }

    fn blocks_styled(body: &str, styles: &str) -> Vec<Block> {
        let styles = read_styles(&format!("<w:styles {W}>{styles}</w:styles>")).unwrap();
        let xml = format!("<w:document {W}><w:body>{body}</w:body></w:document>");
        read_document(&xml, &styles).unwrap().blocks
    }

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .map(|b| match b {
                Block::Heading { level, text } => format!("h{level} {text}"),
                Block::Item { text, .. } => format!("- {text}"),
                Block::Paragraph(text) => text.clone(),
                Block::Table(rows) => format!("{rows:?}"),
            })
            .collect()
    }

    /// A heading style, for the documents that must not be read as plain text.
    const HEADING: &str =
        r#"<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>Plan</w:t></w:r></w:p>"#;

    #[test]
    fn a_text_box_is_read_once_and_the_paragraph_around_it_keeps_its_text() {
        let boxed = |copy: &str| {
            format!(r#"<w:txbxContent><w:p><w:r><w:t>{copy}</w:t></w:r></w:p></w:txbxContent>"#)
        };
        let body = format!(
            r#"{HEADING}<w:p><w:r><w:t xml:space="preserve">Before the box, </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>{}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>{}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:tab/><w:t>after it.</w:t></w:r></w:p>"#,
            boxed("Boxed: Reducing reoffending"),
            boxed("Boxed: Reducing reoffending"),
        );
        let got = texts(&blocks(&body));
        assert_eq!(
            got,
            [
                "h1 Plan",
                "Boxed: Reducing reoffending",
                "Before the box, after it."
            ]
        );
    }

    #[test]
    fn tracked_changes_read_as_accepted() {
        let body = format!(
            r#"{HEADING}<w:p><w:pPr><w:pPrChange><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t xml:space="preserve">Tackling </w:t></w:r><w:del><w:r><w:delText>violent crime</w:delText></w:r></w:del><w:ins><w:r><w:t>serious violence</w:t></w:r></w:ins><w:moveFrom><w:r><w:t> and knife crime</w:t></w:r></w:moveFrom></w:p><w:p><w:moveTo><w:r><w:t>Knife crime</w:t></w:r></w:moveTo></w:p>"#
        );
        // The old paragraph properties (a heading) are not the paragraph's now.
        assert_eq!(
            texts(&blocks(&body)),
            ["h1 Plan", "Tackling serious violence", "Knife crime"]
        );
    }

    #[test]
    fn content_controls_hyperlinks_and_a_table_of_contents_read_as_shown() {
        let body = format!(
            r#"{HEADING}<w:sdt><w:sdtPr><w:alias w:val="Priority"/><w:tag w:val="p1"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Violence against women and girls</w:t></w:r></w:p></w:sdtContent></w:sdt><w:p><w:r><w:t xml:space="preserve">Read the </w:t></w:r><w:hyperlink r:id="rId5" xmlns:r="r"><w:r><w:t>Police and Crime Plan</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r></w:p><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-3" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Our priorities</w:t></w:r><w:r><w:tab/><w:t>5</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#
        );
        let got = texts(&blocks(&body));
        assert_eq!(got[1], "Violence against women and girls");
        assert_eq!(got[2], "Read the Police and Crime Plan.");
        // The field's code is not text; its result is, tab and page number as shown.
        assert!(
            got[3].starts_with("Our priorities") && got[3].ends_with('5'),
            "{got:?}"
        );
        assert!(!got.iter().any(|t| t.contains("TOC")), "{got:?}");
    }

    #[test]
    fn tab_stops_in_a_paragraphs_properties_are_not_text() {
        let styles = HashMap::new();
        let xml = format!(
            r#"<w:document {W}><w:body><w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Priority</w:t></w:r><w:r><w:tab/><w:t>Lead</w:t></w:r></w:p></w:body></w:document>"#
        );
        // A document saved from plain text is read line by line, tabs kept.
        let body = read_body(&xml, &styles).unwrap();
        assert_eq!(body.raw_lines, ["Priority\tLead"]);
    }

    #[test]
    fn a_cell_merged_across_columns_keeps_the_columns_after_it_in_place() {
        let cell = |span: u8, text: &str| {
            let pr = if span > 1 {
                format!(r#"<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>"#)
            } else {
                String::new()
            };
            format!(r#"<w:tc>{pr}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"#)
        };
        let body = format!(
            "{HEADING}<w:tbl><w:tr>{}{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            cell(1, "Priority"),
            cell(1, "Aim"),
            cell(1, "Lead"),
            cell(2, "Serious violence"),
            cell(1, "Head of Community Safety"),
        );
        let blocks = blocks(&body);
        let Block::Table(rows) = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(
            rows[1],
            ["Serious violence", "", "Head of Community Safety"]
        );
    }

    #[test]
    fn a_cell_merged_down_is_read_in_each_row_it_spans() {
        let cell = |merge: &str, text: &str| {
            let pr = match merge {
                "" => String::new(),
                m => format!("<w:tcPr>{m}</w:tcPr>"),
            };
            let p = match text {
                "" => "<w:p/>".to_string(),
                t => format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"),
            };
            format!("<w:tc>{pr}{p}</w:tc>")
        };
        let restart = r#"<w:vMerge w:val="restart"/>"#;
        let body = format!(
            "{HEADING}<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            cell("", "Priority"),
            cell("", "Lead"),
            cell(restart, "Domestic abuse"),
            cell("", "Chief Superintendent, Anytown Police"),
            cell("<w:vMerge/>", ""),
            cell("", "Chair of the DA Executive Group"),
            cell("", "Road safety"),
            cell("", ""),
        );
        let blocks = blocks(&body);
        let Block::Table(rows) = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(
            rows[1],
            ["Domestic abuse", "Chief Superintendent, Anytown Police"]
        );
        assert_eq!(
            rows[2],
            ["Domestic abuse", "Chair of the DA Executive Group"]
        );
        // An empty cell that is not merged stays empty.
        assert_eq!(rows[3], ["Road safety"]);
    }

    #[test]
    fn a_style_based_on_a_heading_style_is_a_heading_whatever_its_name() {
        let styles = r#"<w:style w:styleId="berschrift1"><w:name w:val="Überschrift 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:styleId="CSPHeading"><w:name w:val="CSP Heading"/><w:basedOn w:val="berschrift1"/></w:style><w:style w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop"/></w:style>"#;
        let body = r#"<w:p><w:pPr><w:pStyle w:val="CSPHeading"/></w:pPr><w:r><w:t>Our priorities</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Loop"/></w:pPr><w:r><w:t>Text.</w:t></w:r></w:p>"#;
        assert_eq!(
            texts(&blocks_styled(body, styles)),
            ["h1 Our priorities", "Text."]
        );
    }
}
