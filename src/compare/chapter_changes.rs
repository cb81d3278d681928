//! Chapters that changed: the chapters of the two versions paired, and for each, the
//! paragraphs added, removed or reworded, and the structured parts that changed in it
//! (from the other lists of the comparison, and the blocks compared only as wholes).

use std::collections::{BTreeSet, HashMap};

use super::chapters::{self, Chapters, ProseChange};
use super::fields::normalise;
use super::pairing::{self, Key, RENAME_THRESHOLD};
use super::{Change, ChangeKind, ChapterChange, Comparison, Side};
use crate::ast::Spanned;
use crate::text::matching;

fn chapter_keys(chapters: &Chapters) -> Vec<Key<'_>> {
    chapters
        .list
        .iter()
        .map(|c| Key {
            id: None,
            alt: c.numbered.then_some(c.label.as_str()),
            title: &c.title,
        })
        .collect()
}

/// The plain words for the structured parts of each list, as version histories
/// say them.
const PARTS: &[&str] = &[
    "priorities",
    "cross-cutting themes",
    "leads",
    "responsible authorities",
    "other bodies",
    "the Police and Crime Plan",
    "the action plan",
];

/// Chapters that changed: pairs chapters by title, number and likeness, and counts
/// the paragraphs and structured parts that changed in each.
pub(super) fn chapter_changes(old: &Side, new: &Side, cmp: &Comparison) -> Vec<ChapterChange> {
    let pairs = pairing::pair(
        &chapter_keys(&old.chapters),
        &chapter_keys(&new.chapters),
        RENAME_THRESHOLD,
    );
    // The structured parts that changed, by chapter label on each side.
    let lists: [&[Change]; 7] = [
        &cmp.priorities,
        &cmp.themes,
        &cmp.leads,
        &cmp.authorities,
        &cmp.bodies,
        &cmp.plans,
        &cmp.action_plans,
    ];
    let mut parts_new: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    let mut parts_old: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    for (part, list) in lists.iter().enumerate() {
        for change in list.iter() {
            if let Some(chapter) = &change.chapter {
                let side = if change.change == ChangeKind::Removed {
                    &mut parts_old
                } else {
                    &mut parts_new
                };
                side.entry(chapter.as_str()).or_default().insert(part);
            }
        }
    }
    let other_blocks_old = other_blocks(old);
    let other_blocks_new = other_blocks(new);
    let part_names = |set: Option<&BTreeSet<usize>>, out: &mut Vec<String>| {
        for &part in set.into_iter().flatten() {
            if !out.iter().any(|p| p == PARTS[part]) {
                out.push(PARTS[part].to_string());
            }
        }
    };
    let mut out = Vec::new();
    for (j, chapter) in new.chapters.list.iter().enumerate() {
        let mut parts = Vec::new();
        part_names(parts_new.get(chapter.label.as_str()), &mut parts);
        match pairs[j] {
            None => out.push(ChapterChange {
                change: ChangeKind::Added,
                label: chapter.label.clone(),
                title: chapter.title.clone(),
                old_title: None,
                paragraphs_added: chapter.paragraphs.len(),
                paragraphs_removed: 0,
                paragraphs_changed: 0,
                parts,
            }),
            Some(i) => {
                let was = &old.chapters.list[i];
                part_names(parts_old.get(was.label.as_str()), &mut parts);
                for (name, before) in other_blocks_old.get(&i).into_iter().flatten() {
                    let after = other_blocks_new.get(&j).and_then(|m| m.get(name));
                    if after != Some(before) && !parts.iter().any(|p| p == name) {
                        parts.push(name.to_string());
                    }
                }
                for (name, _) in other_blocks_new.get(&j).into_iter().flatten() {
                    let before = other_blocks_old.get(&i).and_then(|m| m.get(name));
                    if before.is_none() && !parts.iter().any(|p| p == name) {
                        parts.push(name.to_string());
                    }
                }
                let ProseChange {
                    added,
                    removed,
                    changed,
                } = chapters::prose(&was.paragraphs, &chapter.paragraphs);
                let retitled = matching::words(&was.title) != matching::words(&chapter.title);
                if !retitled && parts.is_empty() && added + removed + changed == 0 {
                    continue;
                }
                out.push(ChapterChange {
                    change: if retitled {
                        ChangeKind::Renamed
                    } else {
                        ChangeKind::Changed
                    },
                    label: chapter.label.clone(),
                    title: chapter.title.clone(),
                    old_title: retitled.then(|| was.title.clone()),
                    paragraphs_added: added,
                    paragraphs_removed: removed,
                    paragraphs_changed: changed,
                    parts,
                });
            }
        }
    }
    for i in pairing::unpaired(old.chapters.list.len(), &pairs) {
        let chapter = &old.chapters.list[i];
        let mut parts = Vec::new();
        part_names(parts_old.get(chapter.label.as_str()), &mut parts);
        out.push(ChapterChange {
            change: ChangeKind::Removed,
            label: chapter.label.clone(),
            title: chapter.title.clone(),
            old_title: None,
            paragraphs_added: 0,
            paragraphs_removed: chapter.paragraphs.len(),
            paragraphs_changed: 0,
            parts,
        });
    }
    out
}

/// The blocks compared only as wholes (the evidence, links and contacts), by chapter
/// and by what they are called, with their content as text.
fn other_blocks(side: &Side) -> HashMap<usize, BTreeMapOfBlocks> {
    let doc = side.doc;
    let mut out: HashMap<usize, BTreeMapOfBlocks> = HashMap::new();
    let mut add = |name: &'static str, offset: usize, content: String| {
        if let Some(chapter) = side.chapters.at(offset) {
            let entry = out.entry(chapter).or_default().entry(name).or_default();
            entry.push('\n');
            entry.push_str(&content);
        }
    };
    let text =
        |s: &Option<Spanned<String>>| s.as_ref().map_or(String::new(), |s| normalise(&s.value));
    let items = |list: &[Spanned<String>]| {
        list.iter()
            .map(|s| normalise(&s.value))
            .collect::<Vec<_>>()
            .join("\n")
    };
    for a in &doc.assessments {
        let issues: Vec<String> = a
            .issues
            .iter()
            .map(|i| {
                format!(
                    "{} {}",
                    i.count
                        .as_ref()
                        .map_or(String::new(), |c| c.value.to_string()),
                    text(&i.text)
                )
            })
            .collect();
        let partnerships = a
            .partnerships
            .as_ref()
            .map_or(String::new(), |p| p.value.to_string());
        add(
            "the strategic assessments",
            a.span.start.offset,
            format!("{}\n{partnerships}\n{}", text(&a.title), issues.join("\n")),
        );
    }
    for r in &doc.risk_rankings {
        add(
            "the risk ranking",
            r.span.start.offset,
            format!(
                "{}\n{}\n{}",
                text(&r.title),
                text(&r.method),
                items(&r.items)
            ),
        );
    }
    for h in &doc.horizon_scans {
        let mut content = text(&h.title);
        fn heading(h: &crate::ast::HorizonHeading, out: &mut String) {
            out.push_str(&format!(
                "\n{}: {}",
                h.name.value,
                h.intro.as_ref().map_or("", |i| i.value.as_str())
            ));
            for item in &h.items {
                out.push_str(&format!("\n- {}", normalise(&item.value)));
            }
            for child in &h.children {
                heading(child, out);
            }
        }
        for h in &h.headings {
            heading(h, &mut content);
        }
        add("the horizon scan", h.span.start.offset, content);
    }
    for l in &doc.links {
        add(
            "the links to plans",
            l.span.start.offset,
            format!("{}\n{}", text(&l.title), items(&l.items)),
        );
    }
    for c in &doc.contacts {
        add(
            "the contact details",
            c.span.start.offset,
            [&c.name, &c.email, &c.phone, &c.address, &c.web]
                .iter()
                .map(|f| text(f))
                .collect::<Vec<_>>()
                .join("\n"),
        );
    }
    out
}

type BTreeMapOfBlocks = std::collections::BTreeMap<&'static str, String>;
