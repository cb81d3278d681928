//! What changed since the previous version, when one was given: a summary a member
//! can follow (priorities added, renamed and removed; themes; a new Police and
//! Crime Plan named as one change; leads), then a table with the old and the new
//! value of every field that changed. No row reads the same on both sides, and no
//! two rows are the same.

use std::collections::HashMap;

use super::page::{date_words, plural, Page};
use super::words::{dates_in_words, file_name};
use super::{Changes, DocumentReport};
use crate::ast::Document;
use crate::compare::{self, Change, ChangeKind, FieldChange, Previous};
use crate::publish::{self, Block, Cell, ListItem, Table};

/// The changes from `previous` to `doc`.
pub(super) fn section(previous: &Previous, doc: &Document) -> Changes {
    let (path, old) = (previous.path.as_str(), &previous.document);
    Changes {
        previous: path.to_string(),
        previous_title: publish::document_title(old, path),
        previous_version: old
            .agreement
            .as_ref()
            .and_then(|a| a.version.as_ref())
            .map(|v| v.value.clone()),
        previous_effective: old
            .agreement
            .as_ref()
            .and_then(|a| a.effective.as_ref())
            .map(|d| d.value.to_string()),
        comparison: compare::compare(old, doc),
    }
}

/// The section on what changed, when a previous version was given.
pub(super) fn blocks(r: &DocumentReport, level: u8, page: &mut Page) {
    let Some(ch) = &r.changes else {
        return;
    };
    page.heading(level, "What changed since the previous version".to_string());
    let mut was = match &ch.previous_version {
        Some(v) => format!("version {v}"),
        None => format!("*{}*", ch.previous_title),
    };
    if let Some(e) = &ch.previous_effective {
        was.push_str(&format!(", in effect from {}", date_words(e)));
    }
    let was = format!("{was} (file {})", file_name(&ch.previous));
    let c = &ch.comparison;
    if c.is_empty() {
        page.push(Block::Paragraph(format!("Nothing changed since {was}.")));
        return;
    }
    page.push(Block::Paragraph(format!("Since {was}:")));
    page.push(Block::List(
        summary(c)
            .into_iter()
            .map(|text| ListItem { text, depth: 0 })
            .collect(),
    ));
    let names = &r.names;
    let mut rows: Vec<[String; 4]> = Vec::new();
    for field in &c.header {
        let (before, now) = field_sides(field, names);
        rows.push([
            "The document's details".into(),
            "Changed".into(),
            before,
            now,
        ]);
    }
    for (what, list) in [
        ("Priority", &c.priorities),
        ("Cross-cutting theme", &c.themes),
        ("Responsible authority", &c.authorities),
        ("Other body", &c.bodies),
    ] {
        for change in list {
            rows.push(thing_row(what, change, names));
        }
    }
    rows.extend(plan_rows(&c.plans));
    rows.extend(c.leads.iter().map(|l| lead_row(l, names)));
    // Never a row whose two sides read the same, and never the same row twice.
    rows.retain(|[_, _, before, now]| before != now);
    let mut seen: HashMap<[String; 4], usize> = HashMap::new();
    let mut unique: Vec<[String; 4]> = Vec::new();
    for row in rows {
        match seen.get(&row) {
            Some(&i) => unique[i][1].push('+'),
            None => {
                seen.insert(row.clone(), unique.len());
                unique.push(row);
            }
        }
    }
    let mut t = Table::new(
        "What changed, with the old and new values",
        &["What", "Change", "Before", "Now"],
    );
    for [what, change, before, now] in unique {
        let times = change.matches('+').count() + 1;
        let change = change.trim_end_matches('+').to_string();
        let change = if times > 1 {
            format!("{change} ({times} entries)")
        } else {
            change
        };
        let side = |text: &str, empty: &str| {
            let lines: Vec<String> = text
                .split('\n')
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect();
            if lines.is_empty() {
                Cell::text(empty)
            } else {
                Cell::lines(lines)
            }
        };
        t.row(vec![
            Cell::text(what),
            Cell::text(change),
            side(&before, "Not in the previous version"),
            side(&now, "Not in this version"),
        ]);
    }
    page.push(Block::Table(t));
}

/// The summary: one line for each kind of thing that changed.
fn summary(c: &compare::Comparison) -> Vec<String> {
    let mut out = Vec::new();
    for (kind, one, many, list) in [
        ("Priorities", "priority", "priorities", &c.priorities),
        ("Cross-cutting themes", "theme", "themes", &c.themes),
    ] {
        let mut parts = Vec::new();
        let of = |k: ChangeKind| list.iter().filter(move |c| c.change == k);
        let added: Vec<String> = of(ChangeKind::Added)
            .map(|c| c.title().to_string())
            .collect();
        if !added.is_empty() {
            parts.push(format!("{} added ({})", added.len(), added.join("; ")));
        }
        let renamed: Vec<String> = of(ChangeKind::Renamed)
            .map(|c| {
                format!(
                    "{} is now {}",
                    c.old_title.as_deref().unwrap_or(""),
                    c.title()
                )
            })
            .collect();
        if !renamed.is_empty() {
            parts.push(format!(
                "{} renamed ({})",
                renamed.len(),
                renamed.join("; ")
            ));
        }
        let removed: Vec<String> = of(ChangeKind::Removed)
            .map(|c| c.title().to_string())
            .collect();
        if !removed.is_empty() {
            parts.push(format!(
                "{} removed ({})",
                removed.len(),
                removed.join("; ")
            ));
        }
        let changed = of(ChangeKind::Changed).count();
        if changed > 0 {
            parts.push(format!(
                "{} otherwise changed (below)",
                plural(changed, one, many)
            ));
        }
        if !parts.is_empty() {
            out.push(format!("{kind}: {}.", parts.join("; ")));
        }
    }
    let added: Vec<&Change> = c
        .plans
        .iter()
        .filter(|p| p.change == ChangeKind::Added)
        .collect();
    let removed: Vec<&Change> = c
        .plans
        .iter()
        .filter(|p| p.change == ChangeKind::Removed)
        .collect();
    match (added.as_slice(), removed.as_slice()) {
        ([new], [old]) => out.push(format!(
            "Police and Crime Plan: a new plan, *{}*, in place of *{}*.",
            new.title(),
            old.title()
        )),
        _ => {
            for p in &c.plans {
                out.push(format!(
                    "Police and Crime Plan: *{}* {}.",
                    p.title(),
                    match p.change {
                        ChangeKind::Added => "added",
                        ChangeKind::Removed => "removed",
                        _ => "changed (below)",
                    }
                ));
            }
        }
    }
    if !c.leads.is_empty() {
        let n = |k: ChangeKind| c.leads.iter().filter(|l| l.change == k).count();
        let mut parts = Vec::new();
        for (k, word) in [
            (ChangeKind::Added, "added"),
            (ChangeKind::Removed, "removed"),
            (ChangeKind::Changed, "now lead another priority"),
        ] {
            if n(k) > 0 {
                parts.push(format!("{} {word}", n(k)));
            }
        }
        out.push(format!("Leads: {}.", parts.join(", ")));
    }
    if !c.chapters.is_empty() {
        out.push(format!(
            "Chapters: {} changed ({}).",
            c.chapters.len(),
            c.chapters
                .iter()
                .map(|ch| ch.label.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    out
}

/// A field in words, for "Before" and "Now".
fn field_name(field: &str) -> String {
    match field {
        "includes" => "What it includes".to_string(),
        "supports" => "Plan objectives it supports".to_string(),
        "addresses" => "Statutory areas it addresses".to_string(),
        "leads" => "Leads".to_string(),
        "priority" => "Priority it leads".to_string(),
        "effective" => "Effective date".to_string(),
        other => publish::capitalise(&other.replace('-', " ")),
    }
}

/// A value in words: an id as the title it stands for, a date in words.
fn value_words(value: &str, names: &HashMap<String, String>) -> String {
    if let Some(title) = names.get(value) {
        return title.clone();
    }
    // A lead's priority is written `ID Title`.
    if let Some((id, rest)) = value.split_once(' ') {
        if names.contains_key(id) {
            return rest.to_string();
        }
    }
    if value == "(no priority)" {
        return "no priority".to_string();
    }
    dates_in_words(value)
}

/// The old and new sides of one field.
fn field_sides(f: &FieldChange, names: &HashMap<String, String>) -> (String, String) {
    let list = |items: &[String]| {
        if items.is_empty() {
            "none".to_string()
        } else {
            items
                .iter()
                .map(|i| value_words(i, names))
                .collect::<Vec<_>>()
                .join("; ")
        }
    };
    let name = field_name(&f.field);
    if f.list {
        let side = |items: &[String], word: &str| {
            if items.is_empty() {
                String::new()
            } else {
                format!("{name}, {word}: {}", list(items))
            }
        };
        (side(&f.removed, "since taken out"), side(&f.added, "added"))
    } else {
        (
            format!("{name}: {}", list(&f.removed)),
            format!("{name}: {}", list(&f.added)),
        )
    }
}

fn change_word(k: ChangeKind) -> &'static str {
    match k {
        ChangeKind::Added => "Added",
        ChangeKind::Removed => "Removed",
        ChangeKind::Renamed => "Renamed",
        ChangeKind::Changed => "Changed",
    }
}

/// A priority, theme or organisation: its title on each side, then each field.
fn thing_row(what: &str, c: &Change, names: &HashMap<String, String>) -> [String; 4] {
    let mut before: Vec<String> = c.old_title.iter().cloned().collect();
    let mut now: Vec<String> = c.new_title.iter().cloned().collect();
    // `note:` is the author's annotation: not a change the committee weighs.
    for f in c.fields.iter().filter(|f| f.field != "note") {
        let (b, n) = field_sides(f, names);
        before.push(b);
        now.push(n);
    }
    if c.change == ChangeKind::Added {
        before.clear();
    }
    if c.change == ChangeKind::Removed {
        now.clear();
    }
    [
        what.into(),
        change_word(c.change).into(),
        before.join("\n"),
        now.join("\n"),
    ]
}

/// A lead: who, and the priority led on each side.
fn lead_row(c: &Change, names: &HashMap<String, String>) -> [String; 4] {
    let priority = |side: &[String]| {
        side.first()
            .map(|p| value_words(p, names))
            .map_or(String::new(), |p| format!(", for {p}"))
    };
    let field = c.fields.iter().find(|f| f.field == "priority");
    let before = c.old_title.as_ref().map_or(String::new(), |t| {
        format!(
            "{t}{}",
            field.map_or(String::new(), |f| priority(&f.removed))
        )
    });
    let now = c.new_title.as_ref().map_or(String::new(), |t| {
        format!("{t}{}", field.map_or(String::new(), |f| priority(&f.added)))
    });
    ["Lead".into(), change_word(c.change).into(), before, now]
}

/// The plans: a plan replaced by another is one row, named, with how many
/// objectives each has.
fn plan_rows(plans: &[Change]) -> Vec<[String; 4]> {
    let side = |c: &Change| {
        format!(
            "{} ({})",
            c.title(),
            plural(c.items.len(), "objective", "objectives")
        )
    };
    let added: Vec<&Change> = plans
        .iter()
        .filter(|p| p.change == ChangeKind::Added)
        .collect();
    let removed: Vec<&Change> = plans
        .iter()
        .filter(|p| p.change == ChangeKind::Removed)
        .collect();
    if let ([new], [old]) = (added.as_slice(), removed.as_slice()) {
        return vec![[
            "Police and Crime Plan".into(),
            "Replaced".into(),
            side(old),
            side(new),
        ]];
    }
    plans
        .iter()
        .map(|p| {
            let items = |k: ChangeKind| {
                p.items
                    .iter()
                    .filter(|i| i.change == k)
                    .map(|i| i.title().to_string())
                    .collect::<Vec<_>>()
            };
            let (before, now) = match p.change {
                ChangeKind::Added => (String::new(), side(p)),
                ChangeKind::Removed => (side(p), String::new()),
                _ => (
                    format!(
                        "{}\nObjectives no longer in it: {}",
                        p.old_title.as_deref().unwrap_or(p.title()),
                        items(ChangeKind::Removed).join("; ")
                    ),
                    format!(
                        "{}\nObjectives added: {}",
                        p.title(),
                        items(ChangeKind::Added).join("; ")
                    ),
                ),
            };
            [
                "Police and Crime Plan".into(),
                change_word(p.change).into(),
                before,
                now,
            ]
        })
        .collect()
}
