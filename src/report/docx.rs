//! The report as a Word document: the committee paper, written as `csa publish`
//! writes agreements (the same styles, tables and lists).

use super::{publication, Report};

/// The report as the bytes of a .docx file.
pub fn docx(report: &Report) -> Result<Vec<u8>, String> {
    crate::publish::docx::docx(&publication(report))
}
