//! The Police and Crime Plan: `@plan` with its objectives and principles.
//!
//! Agreements quote the Commissioner's plan in a section of its own, as lists
//! under introductions ending in `:` ("The plan's priorities are:"). Each list
//! item is an objective the agreement's priorities should serve, so the checks
//! need them one by one, with the introduction kept as their group; a list of
//! principles is not objectives and is kept apart. The plan's name and period
//! are read from the section's prose when it gives them, else guessed from the
//! heading, with a note.

use super::dates::{month_period, year_period};
use super::ids::make_id;
use super::section::{item_run, item_text, section_title};
use super::words::{one_line, quoted, strip_markup, words};
use super::writer::{prose_block, Writer};
use crate::import::Block;

/// An introduction (without its `:`) and the list items under it.
type Group = (String, Vec<String>);

/// A paragraph ending in `:` in a Police and Crime Plan section, when lists follow.
pub(super) fn write(
    w: &mut Writer,
    blocks: &[Block],
    at: usize,
    text: &str,
    section: &str,
) -> Option<usize> {
    if (section.contains("police & crime plan") || section.contains("police and crime plan"))
        && text.trim_end().ends_with(':')
    {
        if let Some(next) = plan(w, blocks, at, section) {
            return Some(next);
        }
    }
    None
}

fn plan(w: &mut Writer, blocks: &[Block], at: usize, section: &str) -> Option<usize> {
    let (groups, j) = groups(blocks, at);
    if groups.is_empty() {
        return None;
    }
    let (name, period) = name_and_period(blocks, at);
    let heading = section_title(section);
    let title = name.clone().unwrap_or_else(|| heading.clone());
    let id = make_id(title.split(':').next().unwrap_or(&title));
    prose_block(w, &blocks[at]);
    w.open("plan", format!("@plan {id}: {}", one_line(&title)));
    if name.is_none() {
        w.note(
            1,
            "the plan's name was not found in quotes: the title is the heading; check it",
        );
    }
    let period = period
        .or_else(|| year_period(&title))
        .or_else(|| year_period(section));
    match period {
        Some((p, exact)) => {
            if !exact {
                w.note(1, "period guessed from the years in the title, as financial years (April to March): check it");
            }
            w.field(1, "period", &p);
        }
        None => w.note(
            1,
            "the plan's period was not found: add `period: YYYY-MM-DD to YYYY-MM-DD`",
        ),
    }
    write_groups(w, &id, &groups);
    w.gap();
    Some(j)
}

/// Runs of (intro ending with ':', list items) from `at`, and the block after them.
fn groups(blocks: &[Block], at: usize) -> (Vec<Group>, usize) {
    let mut groups: Vec<Group> = Vec::new();
    let mut j = at;
    while let Some(Block::Paragraph(intro)) = blocks.get(j) {
        if !intro.trim_end().ends_with(':') {
            break;
        }
        let end = item_run(blocks, j + 1);
        if end == j + 1 {
            break;
        }
        let entries = blocks[j + 1..end]
            .iter()
            .map(|b| strip_number(item_text(b)))
            .collect();
        groups.push((
            intro.trim_end().trim_end_matches(':').trim().to_string(),
            entries,
        ));
        j = end;
    }
    (groups, j)
}

/// The plan's name (in quotes) and period (months), from the section's prose
/// before `at`.
fn name_and_period(blocks: &[Block], at: usize) -> (Option<String>, Option<(String, bool)>) {
    let start = blocks[..at]
        .iter()
        .rposition(|b| matches!(b, Block::Heading { .. }))
        .map_or(0, |h| h + 1);
    let mut name = None;
    let mut period = None;
    for b in &blocks[start..at] {
        if let Block::Paragraph(t) = b {
            let plain = strip_markup(t);
            if name.is_none() {
                name = quoted(&plain).into_iter().find(|q| words(q) >= 2);
            }
            if period.is_none() {
                period = month_period(&plain);
            }
        }
    }
    (name, period)
}

/// The objectives, numbered across the groups, and the principles.
fn write_groups(w: &mut Writer, id: &str, groups: &[Group]) {
    let mut n = 0;
    for (g, (intro, entries)) in groups.iter().enumerate() {
        let principles = intro.to_lowercase().contains("principle");
        if g > 0 {
            // The introduction as printed, so the block reads in the document's order.
            w.comment(1, &format!("{intro}:"));
        }
        for entry in entries {
            if principles {
                w.field(1, "principle", entry);
                w.entry("principles");
            } else {
                n += 1;
                w.line(format!("  objective {id}-{n}: {}", one_line(entry)));
                w.entry("objectives");
                w.field(2, "group", intro);
            }
        }
    }
}

/// `1. Put victims first` → `Put victims first`.
fn strip_number(text: &str) -> String {
    let t = text.trim();
    let digits = t
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    if digits > 0 && t[digits..].starts_with(' ') && t[..digits].bytes().any(|b| b.is_ascii_digit())
    {
        t[digits..].trim().to_string()
    } else {
        t.to_string()
    }
}
