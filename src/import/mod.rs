//! `csa import`: from last year's Word document, or its text, to a `.csa` draft.
//!
//! Reading and recognising are separate steps. A reader ([`docx`], [`text`]) turns
//! the input into a neutral list of [`Block`]s (headings, paragraphs, list items,
//! tables) and drops page furniture (page numbers, blank-page notices, running
//! headers), counting what it dropped. The recognisers ([`recognise`]) then write
//! the `.csa` text: every word of prose is kept, in order, as prose; the parts the
//! agreements and plans share become blocks where they are recognised with
//! confidence; where the importer is unsure it writes a `// csa-import:` comment on
//! the spot. The [`Summary`] says what was recognised, what was left as prose and
//! what needs a person.

pub mod docx;
mod furniture;
pub mod pdf;
pub mod recognise;
mod summary;
pub mod text;

pub use summary::Summary;

/// One piece of the input, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading: level 1 is a chapter.
    Heading { level: u8, text: String },
    /// A paragraph of prose.
    Paragraph(String),
    /// A list item: level 0 is the outermost list.
    Item { level: u8, text: String },
    /// A table: rows of cells; a cell's paragraphs are separated by `\n`.
    Table(Vec<Vec<String>>),
}

/// What a reader produced: the blocks, and how much page furniture it dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Source {
    /// The blocks in reading order.
    pub blocks: Vec<Block>,
    /// Page numbers, blank-page notices and running headers dropped.
    pub furniture: usize,
    /// The lines dropped as furniture, as printed, for the summary.
    pub dropped: Vec<String>,
}

impl Source {
    /// Drops `line` as page furniture: counted, and listed in the summary.
    pub fn drop_line(&mut self, line: &str) {
        self.furniture += 1;
        self.dropped
            .push(line.trim().trim_matches('\u{c}').trim().to_string());
    }
}

/// The result of an import: the `.csa` text and what happened.
#[derive(Debug, Clone)]
pub struct Import {
    /// The `.csa` document.
    pub csa: String,
    /// Counts for the summary.
    pub summary: Summary,
}

/// Why a file could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Docx(String),
    #[error("{0}")]
    Text(String),
    #[error("{0}")]
    Pdf(String),
}

impl ImportError {
    /// What to do about it.
    pub fn help(&self) -> &'static str {
        match self {
            Self::Io { .. } => "check the path and that the file can be read",
            Self::Docx(_) => "open the file in a word processor and save it again as a Word document (.docx), without a password; or save it as plain text (.txt) and import that",
            Self::Text(_) => "save the document as plain text (UTF-8) or as a Word document (.docx)",
            Self::Pdf(_) => "open the PDF and save or copy its text (Save as Text), or import the Word document it was made from; a scanned plan needs its text recognised (OCR) first",
        }
    }
}

/// The largest input accepted, in bytes.
pub const MAX_INPUT: u64 = 64 * 1024 * 1024;

/// Imports `bytes`, the contents of the file `name`: a `.docx` by its contents (a zip
/// archive), a PDF by its signature (its text layer), anything else as text. The front ends read the bytes (from the disk, or
/// a file the officer dropped on the page); nothing here touches a file.
pub fn import_bytes(name: &str, bytes: &[u8]) -> Result<Import, ImportError> {
    if bytes.len() as u64 > MAX_INPUT {
        return Err(ImportError::Text(format!(
            "{name} is {} MB, more than the {} MB an agreement could be",
            bytes.len() / 1_000_000,
            MAX_INPUT / 1_000_000
        )));
    }
    let named_docx = std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    let source = if named_docx || bytes.starts_with(b"PK\x03\x04") {
        docx::read(bytes)?
    } else if pdf::is_pdf(bytes) {
        text::read(&pdf::read_text(name, bytes).map_err(ImportError::Pdf)?)
    } else if bytes.starts_with(&docx::CFB_SIGNATURE) {
        return Err(ImportError::Docx(docx::cfb_message()));
    } else {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            ImportError::Text(format!(
                "{name} is neither a Word document (.docx) nor UTF-8 text (byte {} is not UTF-8)",
                e.valid_up_to()
            ))
        })?;
        text::read(text)
    };
    if source.blocks.is_empty() {
        return Err(ImportError::Text(format!("{name} has no text to import")));
    }
    Ok(recognise::write(&source))
}

/// Imports plain text (text copied or extracted from a PDF or a web page).
pub fn import_text(text: &str) -> Import {
    recognise::write(&text::read(text))
}
