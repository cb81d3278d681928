//! Numbered sections that each open with who leads them, the label and the name on
//! lines of their own, as a slide deck's or a PDF's text prints an action plan:
//!
//! ```text
//! 1. Tackling Domestic Violence
//! Lead Agency
//! Probation
//! Targets
//! ...
//! 2. Tackling Anti-Social Behaviour
//! Lead Agency
//! Milton Keynes Council
//! ```
//!
//! A numbered line alone is any document's section; one whose next line is a
//! lead's label, then a name, is a priority of the plan with its lead. Two or
//! more, numbered from one without a gap, make the list.

use super::lead_lines::LEAD_NAMES;
use super::priorities::{FoundList, ListKind};
use super::titles::number_rest;
use super::words::{is_name_like, words};
use crate::import::Block;

/// How far a section's body may run before the next number: a slide or two.
const LONGEST_SECTION: usize = 60;

/// The list whose first section opens at block `i`, if it is one.
pub(super) fn numbered_led_sections(blocks: &[Block], i: usize) -> Option<FoundList> {
    let (1, _, _) = led_section(blocks, i)? else {
        return None;
    };
    let mut list = FoundList::new(ListKind::Priority, i);
    let mut at = i;
    let mut expected = 1;
    loop {
        let (_, title, lead) = led_section(blocks, at)?;
        list.push(title, at);
        if let Some(fields) = list.fields.last_mut() {
            fields.push(("lead", lead.to_string()));
        }
        list.end = at + 3;
        expected += 1;
        let next = (at + 3..blocks.len().min(at + 3 + LONGEST_SECTION))
            .find(|&j| led_section(blocks, j).is_some_and(|(n, _, _)| n == expected));
        match next {
            Some(j) => at = j,
            None => break,
        }
    }
    list.opens_paragraph = true;
    (list.titles.len() >= 2).then_some(list)
}

/// Block `j` as a led section: its number, its title and its lead.
fn led_section(blocks: &[Block], j: usize) -> Option<(usize, &str, &str)> {
    let line = |k: usize| match blocks.get(k) {
        Some(Block::Paragraph(t) | Block::Heading { text: t, .. }) => Some(t.trim()),
        _ => None,
    };
    let numbered = line(j)?;
    let title = number_rest(numbered)?;
    let number = numbered
        .trim_start_matches('(')
        .split(['.', ')'])
        .next()?
        .parse()
        .ok()?;
    let label = line(j + 1)?.trim_end_matches(':').to_lowercase();
    let lead = line(j + 2)?;
    let fits = LEAD_NAMES.contains(&label.as_str())
        && is_name_like(title)
        && words(title) <= 10
        && words(lead) <= 12
        && !lead.ends_with(['.', ':']);
    fits.then_some((number, title, lead))
}
