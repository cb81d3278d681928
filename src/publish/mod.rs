//! `csa publish`: the agreement as its readers see it. The typed model becomes a
//! sequence of [`Block`]s (headings, paragraphs, lists, tables, the diagram) in
//! document order; [`html`] and [`docx`] write that sequence. `csa report` writes its
//! pages with the same blocks.
//!
//! Every line of prose appears, in order; every structured part becomes the table
//! readers know from published agreements; comments and suppressions never appear.
//!
//! The page's parts each have a file: the model ([`Block`], [`Table`], [`Cell`],
//! [`Publication`]) in `model`; the walk through the document in `builder`; the
//! table of each structured part in the file named for it (`header`, `versions`,
//! `organisations`, `priorities`, `themes`, `leads`, `plans`, `action_plans`,
//! `evidence`, `links`, `contact`); fragment ids in `anchors`; dates and words in
//! `words`.

pub mod diagram;
pub mod docx;
pub mod html;
pub mod inline;

mod action_plans;
mod anchors;
mod builder;
mod contact;
mod evidence;
mod header;
mod leads;
mod links;
mod model;
mod organisations;
mod parts;
mod plans;
mod priorities;
mod themes;
mod versions;
mod words;

pub use anchors::Anchors;
pub use diagram::Diagram;
pub use model::{Block, Cell, ListItem, Publication, Table};
pub use words::{capitalise, document_title, human_date, kind_words};

use crate::ast::Document;
use builder::Builder;

/// Builds the published agreement from `doc` (read from `source`). `law` names the
/// kinds of responsible authority in words.
pub fn publish(
    source: &str,
    doc: &Document,
    law: &crate::knowledge::law::Law,
    fallback_title: &str,
) -> Publication {
    Builder::new(source, doc, law).build(fallback_title)
}
