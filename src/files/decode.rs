//! Turning a file's bytes into a document's text, the same way for every front end:
//! the size limit, UTF-8 (a byte-order mark kept, as the formatter keeps it), and
//! errors that say where the first bad byte is and what to do.

use std::fmt;
use std::path::{Path, PathBuf};

/// The largest source csa reads (64 MiB): far more than any agreement, small enough
/// that checking it cannot exhaust memory.
pub const MAX_SOURCE: u64 = 64 << 20;

/// Why a source could not be read.
#[derive(Debug)]
pub enum SourceError {
    /// The operating system refused (missing file, no permission, ...).
    Io(PathBuf, std::io::Error),
    /// The bytes are not UTF-8; `line` and `column` (from 1) locate the first bad byte.
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Line of the first bad byte, from 1.
        line: usize,
        /// Column (in bytes) of the first bad byte, from 1.
        column: usize,
    },
    /// The file is UTF-16 text (it starts with a UTF-16 byte-order mark, or every
    /// other byte of its start is NUL).
    Utf16(PathBuf),
    /// The file (or device) holds more than [`MAX_SOURCE`] bytes.
    TooLarge(PathBuf),
    /// The file is a word processor's document or a PDF, whatever its name says
    /// (`what` names it: "a Word document (.docx)", "a PDF", ...).
    NotText {
        /// The file.
        path: PathBuf,
        /// What it is, in words.
        what: &'static str,
    },
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceError::Io(path, err) => {
                write!(f, "cannot read `{}`: {}", path.display(), io_reason(err))
            }
            SourceError::NotUtf8 { path, line, column } => write!(
                f,
                "`{}` is not UTF-8 text (the first bad byte is at line {line}, column {column})",
                path.display()
            ),
            SourceError::Utf16(path) => {
                write!(f, "`{}` is UTF-16 text; csa reads UTF-8", path.display())
            }
            SourceError::NotText { path, what } => {
                write!(f, "`{}` is {what}, not a text file", path.display())
            }
            SourceError::TooLarge(path) => write!(
                f,
                "`{}` is larger than {} MiB, more than any agreement could be",
                path.display(),
                MAX_SOURCE >> 20
            ),
        }
    }
}

impl SourceError {
    /// What the user can do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            SourceError::Io(_, err) => match err.kind() {
                std::io::ErrorKind::NotFound => "check the path; run the command from the folder that holds the file",
                std::io::ErrorKind::PermissionDenied => "ask for read access to the file, or copy it somewhere you can read",
                _ => "check that the path names a readable file",
            },
            SourceError::TooLarge(_) => {
                "check that the path names the agreement's text file, not a device or another kind of file"
            }
            SourceError::NotText { what, .. } if what.contains(".doc)") || what.contains("Rich Text") => {
                "save it as a Word document (.docx) in Word, then turn it into a `.csa` draft with `csa import FILE.docx -o plan.csa`"
            }
            SourceError::NotText { .. } => {
                "turn it into a `.csa` draft with `csa import FILE -o plan.csa`, then check the draft"
            }
            SourceError::NotUtf8 { .. } | SourceError::Utf16(_) => {
                "save the file as UTF-8 (in Word: Save As → Plain Text → Unicode (UTF-8); in most editors: Save with Encoding → UTF-8)"
            }
        }
    }
}

pub(crate) fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    }
}

/// Reads `bytes`, the contents of `path`, as a document's text: UTF-8 of at most
/// [`MAX_SOURCE`] bytes.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, SourceError> {
    if bytes.len() as u64 > MAX_SOURCE {
        return Err(SourceError::TooLarge(path.to_path_buf()));
    }
    if let Some(what) = document_kind(&bytes) {
        return Err(SourceError::NotText {
            path: path.to_path_buf(),
            what,
        });
    }
    if is_utf16(&bytes) {
        return Err(SourceError::Utf16(path.to_path_buf()));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..valid].iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = bytes[..valid]
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        SourceError::NotUtf8 {
            path: path.to_path_buf(),
            line,
            column: valid - line_start + 1,
        }
    })
}

/// What a word processor's file or a PDF is, told by its first bytes (people rename
/// last year's Word file to `.csa`, or save a PDF under that name).
fn document_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("a PDF")
    } else if bytes.starts_with(b"PK\x03\x04") {
        let head = &bytes[..bytes.len().min(200)];
        let marker: &[u8] = b"application/vnd.oasis.opendocument";
        if head.windows(marker.len()).any(|w| w == marker) {
            Some("an OpenDocument file (.odt)")
        } else {
            Some("a Word document (.docx)")
        }
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Some("an old Word document (.doc)")
    } else if bytes.starts_with(b"{\\rtf") {
        Some("a Rich Text file (.rtf)")
    } else {
        None
    }
}

/// Whether `bytes` look like UTF-16: a UTF-16 byte-order mark, or text whose first
/// characters each have a NUL byte (ASCII saved as UTF-16, without a mark).
fn is_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let start = &bytes[..bytes.len().min(64) & !1];
    start.len() >= 4
        && (start.chunks(2).all(|c| c[1] == 0 && c[0] != 0)
            || start.chunks(2).all(|c| c[0] == 0 && c[1] != 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(bytes: &[u8]) -> String {
        let err = decode(Path::new("plan.csa"), bytes.to_vec()).unwrap_err();
        format!("{err}; {}", err.hint())
    }

    #[test]
    fn a_word_file_or_pdf_named_csa_is_named_for_what_it_is() {
        let pdf = error(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
        assert!(
            pdf.starts_with("`plan.csa` is a PDF, not a text file"),
            "{pdf}"
        );
        assert!(pdf.contains("csa import"), "{pdf}");
        let docx = error(b"PK\x03\x04\x14\x00\x06\x00word/document.xml");
        assert!(docx.contains("a Word document (.docx)"), "{docx}");
        let doc = error(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]);
        assert!(
            doc.contains("an old Word document (.doc)")
                && doc.contains("save it as a Word document (.docx)"),
            "{doc}"
        );
        let rtf = error(b"{\\rtf1\\ansi Community Safety Plan}");
        assert!(rtf.contains("Rich Text"), "{rtf}");
        let odt = error(
            b"PK\x03\x04\x14\x00\x00\x08\x00\x00mimetypeapplication/vnd.oasis.opendocument.text",
        );
        assert!(odt.contains("OpenDocument"), "{odt}");
        assert!(decode(Path::new("plan.csa"), b"@agreement: Plan\n".to_vec()).is_ok());
    }
}
