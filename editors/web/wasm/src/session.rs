//! What every operation of the page starts from: the bundled setup (the knowledge
//! base and rules embedded as in the binary), the "as of" date and last year's
//! document, all given as text, since the browser has no disk.

use std::path::Path;
use std::sync::Arc;

use csa::ast::Date;
use csa::compare::Previous;
use csa::engine::{read_previous, Setup};
use csa::rules::Options;
use csa::workspace::InMemory;

thread_local! {
    // Loading the registry parses the rules and the knowledge base: once per page.
    static SETUP: Arc<Setup> = Arc::new(Setup::bundled());
}

/// The bundled setup.
pub fn setup() -> Arc<Setup> {
    SETUP.with(Arc::clone)
}

/// The date in `as_of` (`YYYY-MM-DD`), or `None` when empty.
pub fn as_of(as_of: &str) -> Result<Option<Date>, String> {
    let text = as_of.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match Date::parse(text).filter(|d| d.day.is_some()) {
        Some(date) => Ok(Some(date)),
        None => Err(format!(
            "\"{text}\" is not a date: write the \"as of\" date as YYYY-MM-DD, such as 2024-04-01"
        )),
    }
}

/// Last year's document, named `name`, when its text is not empty.
pub fn previous(name: &str, text: &str) -> Result<Option<Arc<Previous>>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let mut sources = InMemory::default();
    sources.insert(name, text);
    read_previous(Path::new(name), &sources).map(Some)
}

/// The check options: the setup's, with the page's date and previous version on top.
pub fn options(setup: &Setup, as_of: Option<Date>, previous: Option<Arc<Previous>>) -> Options {
    let mut options = setup.options();
    options.as_of = as_of.or(options.as_of);
    options.previous = previous.or(options.previous);
    options
}

/// The open documents as the engine reads them: the document itself, by its name.
pub fn sources(name: &str, text: &str) -> InMemory {
    let mut sources = InMemory::default();
    sources.insert(name, text);
    sources
}
