//! What changed between two versions of a document, as `csa diff` and the browser's
//! page show it: text for people, Markdown, and the versioned JSON shape
//! (docs/diff.md), each ending with the draft `@version` row.

use serde::Serialize;

use super::{Change, ChangeKind, ChapterChange, Comparison, FieldChange};
use crate::ast::Document;

/// The version of the JSON shape (docs/diff.md); it changes only when a reader could break.
pub const SCHEMA: &str = "csa-diff/1";

/// A document read and parsed without syntax errors.
pub struct Loaded {
    /// The path as given.
    pub path: String,
    /// The typed model.
    pub document: Document,
}

#[derive(Serialize)]
struct Side<'a> {
    path: &'a str,
    version: Option<&'a str>,
    effective: Option<String>,
}

fn side(loaded: &Loaded) -> Side<'_> {
    let agreement = loaded.document.agreement.as_ref();
    Side {
        path: &loaded.path,
        version: agreement
            .and_then(|a| a.version.as_ref())
            .map(|v| v.value.as_str()),
        effective: agreement
            .and_then(|a| a.effective.as_ref())
            .map(|d| d.value.to_string()),
    }
}

#[derive(Serialize)]
struct Json<'a> {
    schema: &'static str,
    old: Side<'a>,
    new: Side<'a>,
    #[serde(flatten)]
    changes: &'a Comparison,
    version_row: &'a str,
}

/// The comparison in the versioned JSON shape of docs/diff.md.
pub fn json(old: &Loaded, new: &Loaded, cmp: &Comparison, row: &str) -> String {
    let out = Json {
        schema: SCHEMA,
        old: side(old),
        new: side(new),
        changes: cmp,
        version_row: row,
    };
    let mut text = serde_json::to_string_pretty(&out).expect("the comparison serialises");
    text.push('\n');
    text
}

/// One line of the report: its depth, what happened, and what it says.
struct Line {
    depth: usize,
    change: Option<ChangeKind>,
    text: String,
}

/// A titled part of the report.
struct Section {
    title: &'static str,
    lines: Vec<Line>,
}

fn sections(cmp: &Comparison) -> Vec<Section> {
    let mut out = Vec::new();
    if !cmp.header.is_empty() {
        let mut lines = Vec::new();
        fields(&cmp.header, 1, &mut lines);
        out.push(Section {
            title: "Header",
            lines,
        });
    }
    let lists: [(&'static str, &[Change], &str); 7] = [
        ("Priorities", &cmp.priorities, ""),
        ("Cross-cutting themes", &cmp.themes, ""),
        ("Leads", &cmp.leads, ""),
        ("Responsible authorities", &cmp.authorities, ""),
        ("Other bodies", &cmp.bodies, ""),
        ("Police and Crime Plans", &cmp.plans, "objective"),
        ("Action plans", &cmp.action_plans, "aim"),
    ];
    for (title, list, noun) in lists {
        if list.is_empty() {
            continue;
        }
        let mut lines = Vec::new();
        for change in list {
            thing(change, 1, noun, &mut lines);
        }
        out.push(Section { title, lines });
    }
    if !cmp.chapters.is_empty() {
        out.push(Section {
            title: "Chapters",
            lines: cmp.chapters.iter().map(chapter).collect(),
        });
    }
    out
}

fn named(id: Option<&str>, title: Option<&str>) -> String {
    match (id, title) {
        (Some(id), Some(title)) if !title.is_empty() => format!("{id}: {title}"),
        (Some(id), _) => id.to_string(),
        (None, Some(title)) => title.to_string(),
        (None, None) => String::new(),
    }
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn thing(change: &Change, depth: usize, noun: &str, out: &mut Vec<Line>) {
    let old = named(change.old_id.as_deref(), change.old_title.as_deref());
    let new = named(change.new_id.as_deref(), change.new_title.as_deref());
    let mut text = match change.change {
        ChangeKind::Added => new,
        ChangeKind::Removed => old,
        ChangeKind::Renamed => {
            if change.old_id == change.new_id {
                format!(
                    "{}: ‘{}’ → ‘{}’",
                    change.id(),
                    change.old_title.as_deref().unwrap_or(""),
                    change.new_title.as_deref().unwrap_or("")
                )
            } else {
                format!("{old} → {new}")
            }
        }
        ChangeKind::Changed => new,
    };
    let whole = matches!(change.change, ChangeKind::Added | ChangeKind::Removed);
    if whole && !change.items.is_empty() && !noun.is_empty() {
        text.push_str(&format!(" ({})", plural(change.items.len(), noun)));
    }
    // A lead added or removed: the priority it leads, on the same line.
    if whole {
        if let Some(priority) = change
            .fields
            .iter()
            .find(|f| f.field == "priority")
            .and_then(|f| f.added.first().or(f.removed.first()))
        {
            text.push_str(&format!(" (leads {priority})"));
        }
    }
    if let Some(chapter) = &change.chapter {
        text.push_str(&format!(" [{chapter}]"));
    }
    out.push(Line {
        depth,
        change: Some(change.change),
        text,
    });
    if !whole {
        fields(&change.fields, depth + 1, out);
        for item in &change.items {
            thing(item, depth + 1, "", out);
        }
    }
}

fn fields(list: &[FieldChange], depth: usize, out: &mut Vec<Line>) {
    for field in list {
        if field.list {
            for item in &field.removed {
                out.push(Line {
                    depth,
                    change: None,
                    text: format!("{}: - {item}", field.field),
                });
            }
            for item in &field.added {
                out.push(Line {
                    depth,
                    change: None,
                    text: format!("{}: + {item}", field.field),
                });
            }
        } else {
            let value = |v: &[String]| {
                if v.is_empty() {
                    "(none)".to_string()
                } else {
                    format!("‘{}’", v.join(", "))
                }
            };
            out.push(Line {
                depth,
                change: None,
                text: format!(
                    "{}: {} → {}",
                    field.field,
                    value(&field.removed),
                    value(&field.added)
                ),
            });
        }
    }
}

fn chapter(c: &ChapterChange) -> Line {
    let mut text = if c.label == c.title {
        c.label.clone()
    } else {
        format!("{} {}", c.label, c.title)
    };
    if let Some(old) = &c.old_title {
        text.push_str(&format!(" (was ‘{old}’)"));
    }
    let mut what = Vec::new();
    match c.change {
        ChangeKind::Added => what.push(format!("new, {}", plural(c.paragraphs_added, "paragraph"))),
        ChangeKind::Removed => what.push(format!(
            "removed, with {}",
            plural(c.paragraphs_removed, "paragraph")
        )),
        _ => {
            if c.paragraphs_changed > 0 {
                what.push(format!(
                    "{} reworded",
                    plural(c.paragraphs_changed, "paragraph")
                ));
            }
            if c.paragraphs_added > 0 {
                what.push(format!("{} added", plural(c.paragraphs_added, "paragraph")));
            }
            if c.paragraphs_removed > 0 {
                what.push(format!(
                    "{} removed",
                    plural(c.paragraphs_removed, "paragraph")
                ));
            }
        }
    }
    if !c.parts.is_empty() {
        what.push(format!("changes to {}", c.parts.join(", ")));
    }
    if !what.is_empty() {
        text.push_str(": ");
        text.push_str(&what.join("; "));
    }
    Line {
        depth: 1,
        change: Some(c.change),
        text,
    }
}

fn describe(loaded: &Loaded) -> String {
    let s = side(loaded);
    let mut facts = Vec::new();
    if let Some(v) = s.version {
        facts.push(format!("version {v}"));
    }
    if let Some(e) = s.effective {
        facts.push(format!("effective {e}"));
    }
    if facts.is_empty() {
        s.path.to_string()
    } else {
        format!("{} ({})", s.path, facts.join(", "))
    }
}

fn symbol(change: Option<ChangeKind>) -> &'static str {
    match change {
        Some(ChangeKind::Added) => "+ ",
        Some(ChangeKind::Removed) => "- ",
        Some(ChangeKind::Renamed) => "~ ",
        Some(ChangeKind::Changed) => "* ",
        None => "",
    }
}

fn word(change: Option<ChangeKind>) -> &'static str {
    match change {
        Some(ChangeKind::Added) => "**added** ",
        Some(ChangeKind::Removed) => "**removed** ",
        Some(ChangeKind::Renamed) => "**renamed** ",
        Some(ChangeKind::Changed) => "**changed** ",
        None => "",
    }
}

/// The comparison for people: a line per change, marked + - ~ *, then the draft row.
pub fn text(old: &Loaded, new: &Loaded, cmp: &Comparison, row: &str) -> String {
    let mut out = format!(
        "Changes from {}\n          to {}\n",
        describe(old),
        describe(new)
    );
    if cmp.is_empty() {
        out.push_str("\nNo changes.\n");
        return out;
    }
    out.push_str("\n(+ added, - removed, ~ renamed, * changed)\n");
    for section in sections(cmp) {
        out.push_str(&format!("\n{}\n", section.title));
        for line in section.lines {
            out.push_str(&format!(
                "{}{}{}\n",
                "  ".repeat(line.depth),
                symbol(line.change),
                line.text
            ));
        }
    }
    out.push_str("\nDraft version row, to paste into the version history:\n\n");
    out.push_str(row);
    out
}

/// The comparison in Markdown, for a report or a pull request, then the draft row.
pub fn markdown(old: &Loaded, new: &Loaded, cmp: &Comparison, row: &str) -> String {
    let mut out = format!(
        "# Changes from {} to {}\n",
        describe(old).replace('`', ""),
        describe(new).replace('`', "")
    );
    if cmp.is_empty() {
        out.push_str("\nNo changes.\n");
        return out;
    }
    for section in sections(cmp) {
        out.push_str(&format!("\n## {}\n\n", section.title));
        for line in section.lines {
            out.push_str(&format!(
                "{}- {}{}\n",
                "  ".repeat(line.depth - 1),
                word(line.change),
                escape(&line.text)
            ));
        }
    }
    out.push_str("\n## Draft version row\n\n```\n");
    out.push_str(row);
    out.push_str("```\n");
    out
}

/// Escapes the characters Markdown would read as formatting.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '\\'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
