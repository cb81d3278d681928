//! The recognisers: from blocks to `.csa` text.
//!
//! Each recogniser looks for one structured part the agreements and plans share
//! and writes a block where it sits in the document. Everything else is written
//! as prose, word for word. Where a recogniser is unsure it says so in a
//! `// csa-import:` note.
//!
//! This file is the driver: it walks the blocks in reading order and offers each
//! one to the recognisers that could want it, by the kind of block and the
//! section it is in. One file per part recognised:
//!
//! - `header.rs`: the `@agreement` header (title, kind, area, version, dates);
//! - `made.rs`: how the document was made, in the header (approval, assessment,
//!   consultation, scrutiny, serious violence strategy), where the text says so;
//! - `introductions.rs`: what introduces a list of priorities or themes;
//! - `priorities.rs`: the priorities and the cross-cutting themes, with
//!   `measures.rs`: the measures of success printed in a priority's own section;
//! - `versions.rs`: the version-control table;
//! - `leads.rs`: the leads table;
//! - `authorities.rs`: the responsible authorities;
//! - `pcc_plan.rs`: the Police and Crime Plan and its objectives;
//! - `assessment.rs`: the strategic assessment table;
//! - `ranking.rs`: the MoRiLE risk ranking;
//! - `horizon_scan.rs`: the PESTELO horizon scan;
//! - `links.rs`: links to other plans;
//! - `contact.rs`: the contact details.
//!
//! What they share: `plan.rs` (the first pass over the whole document, which
//! finds the priorities and themes before anything is written), `writer.rs`
//! (the output, its notes and the summary's counts), `tables.rs` (tables kept
//! as prose), `section.rs` (the heading a block sits under), `dates.rs`,
//! `words.rs` and `ids.rs`.

mod aims;
mod approval;
mod area;
mod assessment;
mod authorities;
mod contact;
mod contents;
mod dates;
mod gaps;
mod header;
mod horizon_scan;
mod ids;
mod introductions;
mod labelled;
mod lead_lines;
mod leads;
mod led_sections;
mod links;
mod made;
mod measures;
mod pcc_plan;
mod period;
mod plan;
mod priorities;
mod prose_lists;
mod ranking;
mod section;
mod shapes;
mod tables;
mod titles;
mod versions;
mod words;
mod writer;

pub use ids::make_id;

use super::{Block, Import, Source};
use plan::Plan;
use section::{item_run, item_text};
use words::is_name_like;
use writer::{prose_block, Writer};

/// Writes the `.csa` text for `source`.
pub fn write(source: &Source) -> Import {
    let blocks = &source.blocks;
    let plan = Plan::scan(blocks);
    let mut w = Writer::default();
    w.summary.furniture = source.furniture;
    w.summary.dropped = source.dropped.clone();
    let (area, effective) = header::write(&mut w, blocks, &plan);
    let names_its_plan = blocks.iter().any(|b| {
        matches!(b, Block::Heading { text, .. } if text.to_lowercase().contains("police and crime plan"))
    });
    if let (Some(area), Some(date), false) = (&area, effective, names_its_plan) {
        gaps::police_and_crime_plan(&mut w, area, date);
    }
    let mut section = String::new();
    let mut i = 0;
    while i < blocks.len() {
        if plan.lists.iter().any(|l| l.intro == i) {
            let next = priorities::write_lists(&mut w, blocks, i, &plan);
            // ("the document lists no priorities as such, only its aims: ...")
            for (_, doubt) in plan.unsure.iter().filter(|(at, _)| *at == i) {
                w.note(0, doubt);
            }
            i = next;
            continue;
        }
        if plan.fallback_at == Some(i) {
            prose_block(&mut w, &blocks[i]);
            priorities::write_fallback(&mut w, &plan, blocks);
            i += 1;
            continue;
        }
        let consumed = match &blocks[i] {
            Block::Heading { level, text } => {
                w.heading(*level, text);
                section = text.to_lowercase();
                if section.contains("horizon scan") {
                    horizon_scan::write(&mut w, blocks, i + 1)
                } else {
                    Some(i + 1)
                }
            }
            Block::Table(rows) => Some(table(&mut w, rows, &section, blocks, i, &plan)),
            Block::Item { .. } => items(&mut w, blocks, i, &section),
            Block::Paragraph(text) => paragraph(&mut w, blocks, i, text, &section, &plan),
        };
        let next = match consumed {
            Some(next) => next,
            None => {
                prose_block(&mut w, &blocks[i]);
                i + 1
            }
        };
        for (_, doubt) in plan.unsure.iter().filter(|(at, _)| (i..next).contains(at)) {
            w.note(0, doubt);
        }
        i = next;
    }
    if let (Some(area), Some(date)) = (&area, effective) {
        if w.summary.blocks_of("authority") == 0 {
            gaps::authorities(&mut w, area, date);
        }
    }
    let mut import = w.finish();
    // Whatever the source held (Word and PDF text too), no line of the draft holds
    // a NUL, which no `.csa` line may.
    if import.csa.contains('\0') {
        import.csa = import.csa.replace('\0', "");
    }
    import
}

/// A table: the first recogniser that claims it writes it, else it is kept as prose.
fn table(
    w: &mut Writer,
    rows: &[Vec<String>],
    section: &str,
    blocks: &[Block],
    at: usize,
    plan: &Plan,
) -> usize {
    let done = versions::table(w, rows, blocks, at)
        || leads::table(w, rows, plan)
        || assessment::table(w, rows, section, blocks, at)
        || ranking::table(w, rows, section, blocks, at);
    if !done {
        tables::unrecognised(w, rows, section);
    }
    at + 1
}

/// A run of list items: a list of names may be the authorities or the links.
fn items(w: &mut Writer, blocks: &[Block], at: usize, section: &str) -> Option<usize> {
    let mut end = item_run(blocks, at);
    let all_names = blocks[at..end].iter().all(|b| is_name_like(item_text(b)));
    if !all_names {
        return None;
    }
    // The line just above may name the authorities instead of a heading ("The CSP
    // is made up from six responsible authorities. In West Lancashire this
    // includes:", "Responsible Authorities (Statutory Members)").
    // It may end without its colon ("The Executive: Which comprises of the
    // responsible authorities as defined in the Crime and Disorder Act"), or
    // stand above a short line that says what one kind of them covers ("Local
    // Authorities - district and county councils").
    let introduces_them = |b: &Block| match b {
        Block::Paragraph(t) => {
            let introduces = t.trim_end().ends_with(':')
                || words::words(t) <= 6
                || (words::words(t) <= 25 && !t.trim_end().ends_with('.'));
            authorities::names_them(&t.to_lowercase()) && introduces
        }
        _ => false,
    };
    let short_line =
        |b: &Block| matches!(b, Block::Paragraph(t) if is_name_like(t) && words::words(t) <= 8);
    let above = match (at.checked_sub(1), at.checked_sub(2)) {
        (Some(p), _) if introduces_them(&blocks[p]) => "responsible authorities",
        (Some(p), Some(q)) if short_line(&blocks[p]) && introduces_them(&blocks[q]) => {
            "responsible authorities"
        }
        _ => section,
    };
    if above != section {
        // "Plus important contributions from other partners" ends the names.
        if let Some(stop) = blocks[at..end].iter().position(|b| {
            let t = item_text(b).to_lowercase();
            ["plus ", "and ", "other ", "also ", "as well as "]
                .iter()
                .any(|p| t.starts_with(p))
        }) {
            end = at + stop;
        }
        if end > at && authorities::list(w, &blocks[at..end], above) {
            return Some(end);
        }
        return None;
    }
    if authorities::list(w, &blocks[at..end], section) {
        return Some(end);
    }
    if links::list(w, blocks, at, end, section) {
        return Some(end);
    }
    None
}

/// A paragraph: it may introduce a part (the authorities in one sentence, a
/// ranking that lost its table, the Police and Crime Plan's lists, a contact).
fn paragraph(
    w: &mut Writer,
    blocks: &[Block],
    at: usize,
    text: &str,
    section: &str,
    plan: &Plan,
) -> Option<usize> {
    if let Some(next) = authorities::sentence(w, blocks, at, text, plan) {
        return Some(next);
    }
    if let Some(next) = authorities::members_list(w, blocks, at, text, plan) {
        return Some(next);
    }
    if let Some(next) = ranking::lines(w, blocks, at, text, section) {
        return Some(next);
    }
    if let Some(next) = pcc_plan::write(w, blocks, at, text, section) {
        return Some(next);
    }
    contact::write(w, blocks, at, text)
}
