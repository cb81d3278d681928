//! Reading a Word document (`.docx`) into blocks.
//!
//! A `.docx` is a zip archive; the text is in `word/document.xml` and the style
//! names (which say which paragraphs are headings or list items) in
//! `word/styles.xml`. Only those two parts are read, each capped at
//! [`MAX_PART`] bytes once decompressed, so a zip bomb is refused rather than
//! unpacked. Running headers and footers live in other parts and are never read.

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
    Ok(styles)
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
}

/// `document.xml` read so far: the blocks made, and the paragraph and tables open.
struct Body<'s> {
    styles: &'s HashMap<String, Style>,
    source: Source,
    para: Option<Paragraph>,
    /// The tables open, innermost last.
    tables: Vec<Table>,
    in_text: bool,
    /// The paragraphs as lines, tabs kept: a document with no heading, list or
    /// table (text saved as .docx) is read as the text it is.
    raw_lines: Vec<String>,
}

fn read_document(xml: &str, styles: &HashMap<String, Style>) -> Result<Source, ImportError> {
    let mut reader = Reader::from_str(xml);
    let mut body = Body {
        styles,
        source: Source::default(),
        para: None,
        tables: Vec::new(),
        in_text: false,
        raw_lines: Vec::new(),
    };
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error("document.xml", e))?;
        match event {
            Event::Start(e) => body.start(&e),
            Event::Empty(e) => body.empty(&e),
            Event::Text(t) if body.in_text => body.text(&t)?,
            Event::GeneralRef(r) if body.in_text => body.reference(&r)?,
            Event::End(e) => body.end(e.local_name().as_ref()),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(body.finish())
}

impl Body<'_> {
    fn start(&mut self, e: &BytesStart) {
        match e.local_name().as_ref() {
            b"p" => self.para = Some(Paragraph::default()),
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
                }
            }
            _ => paragraph_property(e, self.para.as_mut()),
        }
    }

    /// An empty element: tabs and breaks inside the text, or a property.
    fn empty(&mut self, e: &BytesStart) {
        match e.local_name().as_ref() {
            b"tab" => {
                if let Some(p) = self.para.as_mut() {
                    p.text.push('\t');
                }
            }
            b"br" | b"cr" => {
                if let Some(p) = self.para.as_mut() {
                    p.text.push(' ');
                }
            }
            b"noBreakHyphen" => {
                if let Some(p) = self.para.as_mut() {
                    p.text.push('-');
                }
            }
            _ => paragraph_property(e, self.para.as_mut()),
        }
    }

    fn text(&mut self, t: &BytesText) -> Result<(), ImportError> {
        if let Some(p) = self.para.as_mut() {
            let text = t.decode().map_err(|e| xml_error("document.xml", e))?;
            p.text.push_str(&text);
        }
        Ok(())
    }

    /// `&amp;`, `&#8211;`: a character or entity reference inside the text.
    fn reference(&mut self, r: &BytesRef) -> Result<(), ImportError> {
        if let Some(p) = self.para.as_mut() {
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
            b"p" => self.end_paragraph(),
            b"tc" => {
                if let Some(t) = self.tables.last_mut() {
                    let cell = std::mem::take(&mut t.cell);
                    t.row.push(cell);
                }
            }
            b"tr" => self.end_row(),
            b"tbl" => self.end_table(),
            _ => {}
        }
    }

    /// A paragraph joins the cell it is in, or becomes a block unless it is furniture.
    fn end_paragraph(&mut self) {
        let Some(p) = self.para.take() else { return };
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
