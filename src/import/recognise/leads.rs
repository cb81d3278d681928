//! The leads table: who leads on each priority, as `lead ID: name` lines.
//!
//! A row names a priority by its title; the lead is tied to the priority's id
//! from the first pass, and a title that matches no priority is kept in quotes
//! with a note rather than guessed. When the document lists no priorities at all
//! but the leads table has a Priority column, the table is the list: each row
//! becomes a `@priority` with its leads. A cell naming two leads (`A / B`,
//! `A; and B`) gives two lines, since the checks count leads one by one.

use super::lead_lines::LEAD_NAMES;
use super::plan::Plan;
use super::tables::header_has;
use super::words::{one_line, strip_markup};
use super::writer::Writer;

/// Writes the table as `@leads` (or as the priorities), if it is a leads table.
pub(super) fn table(w: &mut Writer, rows: &[Vec<String>], plan: &Plan) -> bool {
    let header = &rows[0];
    // The lead's column, by any of its usual names, in any place.
    let Some(l) = header.iter().position(|c| {
        let c = one_line(&strip_markup(c)).to_lowercase();
        let c = c.trim_end_matches(['(', 's', ')']);
        LEAD_NAMES.contains(&c) || LEAD_NAMES.contains(&format!("{c}s").as_str())
    }) else {
        return false;
    };
    let p = ["priorit", "theme", "objective", "outcome"]
        .iter()
        .find_map(|word| header_has(header, word).filter(|p| *p != l));
    if rows.len() < 2 {
        return false;
    }
    let defines = p.is_some() && plan.ids.is_empty();
    w.printed_as_table(header);
    if !defines {
        w.open("leads", "@leads".to_string());
        if p.is_none() {
            w.note(
                1,
                "the table has no Priority column (it may have been lost): rows kept in printed order, none tied to a priority; add each lead's priority (`lead ID: ...`)",
            );
        }
    }
    for row in &rows[1..] {
        let lead_cell = row.get(l).map(|s| one_line(s)).unwrap_or_default();
        let leads = split_leads(&lead_cell);
        let priority = p
            .and_then(|p| row.get(p))
            .map(|s| one_line(&strip_markup(s)));
        if defines {
            define_priority(w, &priority.unwrap_or_default(), &leads);
        } else {
            lead_lines(w, priority.as_deref(), leads, plan);
        }
        other_cells(w, header, row, &[Some(l), p]);
    }
    w.gap();
    true
}

/// The row's other cells (a "Sub-groups" or "Notes" column), each in a comment
/// under its leads, headed by its column's name (a column under a heading merged
/// across it takes that heading's): nothing the table says is lost.
fn other_cells(w: &mut Writer, header: &[String], row: &[String], taken: &[Option<usize>]) {
    let mut name = String::new();
    for (c, cell) in row.iter().enumerate() {
        if let Some(h) = header
            .get(c)
            .map(|h| one_line(&strip_markup(h)))
            .filter(|h| !h.is_empty())
        {
            name = h;
        }
        let cell = one_line(&strip_markup(cell));
        if taken.contains(&Some(c)) || cell.is_empty() {
            continue;
        }
        let label = if name.is_empty() {
            String::new()
        } else {
            format!("{name}: ")
        };
        w.comment(1, &format!("{label}{cell}"));
    }
}

/// A row of a table that is the only list of priorities: a `@priority` with its leads.
fn define_priority(w: &mut Writer, title: &str, leads: &[String]) {
    let id = w.id(title);
    w.open("priority", format!("@priority {id}: {title}"));
    for lead in leads {
        w.field(1, "lead", lead);
        w.entry("leads");
    }
}

/// A row of the `@leads` block: one line per lead, tied to the row's priority.
fn lead_lines(w: &mut Writer, priority: Option<&str>, leads: Vec<String>, plan: &Plan) {
    let reference = match priority {
        Some(title) if !title.is_empty() => match plan.id_of(title) {
            Some(id) => format!(" {id}"),
            None => {
                w.note(
                    1,
                    &format!("\"{title}\" is not among the priorities found: check the reference"),
                );
                format!(" \"{}\"", title.replace('"', "'"))
            }
        },
        _ => String::new(),
    };
    if leads.is_empty() {
        w.note(1, "a row with no lead");
    }
    for lead in leads {
        w.line(format!("  lead{reference}: {lead}"));
        w.entry("leads");
    }
}

/// `A / B`, `A; and B`: one lead each.
fn split_leads(cell: &str) -> Vec<String> {
    cell.split(" / ")
        .flat_map(|p| p.split(';'))
        .map(|p| {
            let p = p.trim();
            p.strip_prefix("and ").unwrap_or(p).trim().to_string()
        })
        .filter(|p| !p.is_empty())
        .collect()
}
