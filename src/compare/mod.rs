//! What changed between two versions of a document, structurally: the header,
//! priorities, themes, leads, authorities and bodies, the Police and Crime Plans and
//! their objectives, and the action plans and their aims; and the prose, summarised
//! chapter by chapter. `csa diff` prints it, and the `version-row-incomplete` rule
//! checks the newest `@version` row against it.
//!
//! Things are paired by id first; what is left on each side is paired by the same
//! title, then by alike titles ([`pairing`]), as an id often changes when a priority
//! is renamed ("SOC" became "SVOC" when Serious and Organised Crime became Serious
//! Violence and Organised Crime). What is still left was added or removed. Every
//! step is linear in the size of the documents.

pub mod chapters;
pub mod pairing;
mod row;

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use crate::ast::{Document, Lead, Spanned};
use crate::text::matching;
use chapters::{Chapters, ProseChange};
use pairing::{Key, RENAME_THRESHOLD};

pub use row::{draft_row, row_lines, RowLine};

/// The previous version of a document, given to `csa check` (`--previous`, or
/// `previous` in csa.toml) for the rules that compare with it.
#[derive(Debug, Clone)]
pub struct Previous {
    /// Its path, as the user gave it (for messages).
    pub path: String,
    /// Its typed model.
    pub document: Document,
}

/// What happened to one thing between the two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In both, under another id or title (and perhaps with other changes).
    Renamed,
    /// In both, under the same id and title, with other changes.
    Changed,
}

/// One field that changed. A single value is one removed and one added value;
/// a list (leads, `supports:`) gives the items removed and added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// The field (`includes`, `supports`, `leads`, ...).
    pub field: String,
    /// Whether the field is a list.
    pub list: bool,
    /// The old value, or the items removed from the list.
    pub removed: Vec<String>,
    /// The new value, or the items added to the list.
    pub added: Vec<String>,
}

/// One thing that changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Added, removed, renamed or changed.
    pub change: ChangeKind,
    /// The id in the old version (absent when added).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_id: Option<String>,
    /// The id in the new version (absent when removed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_id: Option<String>,
    /// The title or text in the old version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_title: Option<String>,
    /// The title or text in the new version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_title: Option<String>,
    /// Its fields that changed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
    /// Its parts that changed (a plan's objectives, an action plan's aims); for a
    /// thing added or removed, all its parts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Change>,
    /// The chapter it is in (in the new version; the old one when removed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chapter: Option<String>,
}

impl Change {
    /// The id of the thing as it is now (or was, when removed).
    pub fn id(&self) -> &str {
        self.new_id
            .as_deref()
            .or(self.old_id.as_deref())
            .unwrap_or("")
    }

    /// The title of the thing as it is now (or was, when removed).
    pub fn title(&self) -> &str {
        self.new_title
            .as_deref()
            .or(self.old_title.as_deref())
            .unwrap_or("")
    }
}

/// A title with what its fields say on one side of the change, in a few words: the
/// priority a lead leads (`Chair, DASV Executive Group (leads DA Domestic Abuse)`),
/// and, on the new side, which other fields changed (`Road Safety (changed: supports)`).
pub fn described(title: &str, fields: &[FieldChange], new: bool) -> String {
    let mut out = title.to_string();
    let mut changed = Vec::new();
    for field in fields {
        if field.field == "priority" {
            let side = if new { &field.added } else { &field.removed };
            if let Some(priority) = side.first().filter(|p| !p.starts_with('(')) {
                out.push_str(&format!(" (leads {priority})"));
            }
        } else {
            changed.push(field.field.as_str());
        }
    }
    if new && !changed.is_empty() {
        out.push_str(&format!(" (changed: {})", changed.join(", ")));
    }
    out
}

/// How one chapter changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChapterChange {
    /// `added`, `removed`, `renamed` (retitled, perhaps with other changes) or `changed`.
    pub change: ChangeKind,
    /// How version histories name it: `Ch.6`, `Appendix A`, or its title.
    pub label: String,
    /// Its title (the new one, or the old one when removed).
    pub title: String,
    /// Its old title, when it was retitled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_title: Option<String>,
    /// Paragraphs (and list items and sub-headings) only in the new version.
    pub paragraphs_added: usize,
    /// Paragraphs only in the old version.
    pub paragraphs_removed: usize,
    /// Paragraphs reworded.
    pub paragraphs_changed: usize,
    /// The structured parts in it that changed, in plain words (`priorities`,
    /// `cross-cutting themes`, `the Police and Crime Plan`, ...).
    pub parts: Vec<String>,
}

/// Everything that changed, by kind of thing, each list in document order (the new
/// version's, then what was removed, in the old version's order).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// Fields of the `@agreement` header.
    pub header: Vec<FieldChange>,
    /// Priorities.
    pub priorities: Vec<Change>,
    /// Cross-cutting themes.
    pub themes: Vec<Change>,
    /// Leads: a role and organisation, paired by their words; a lead that now leads
    /// another priority is `changed`.
    pub leads: Vec<Change>,
    /// Responsible authorities.
    pub authorities: Vec<Change>,
    /// Other bodies.
    pub bodies: Vec<Change>,
    /// Police and Crime Plans, with their objectives as items.
    pub plans: Vec<Change>,
    /// Action plans, with their aims as items.
    pub action_plans: Vec<Change>,
    /// Chapters whose prose or structured parts changed.
    pub chapters: Vec<ChapterChange>,
}

impl Comparison {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.header.is_empty()
            && self.priorities.is_empty()
            && self.themes.is_empty()
            && self.leads.is_empty()
            && self.authorities.is_empty()
            && self.bodies.is_empty()
            && self.plans.is_empty()
            && self.action_plans.is_empty()
            && self.chapters.is_empty()
    }

    /// The objectives of every plan that changed, flattened.
    pub fn objectives(&self) -> impl Iterator<Item = &Change> {
        self.plans.iter().flat_map(|p| &p.items)
    }
}

/// A thing of one version, ready to pair and compare.
struct Thing<'a> {
    id: Option<&'a str>,
    title: String,
    /// `(field, is a list, values)`, compared value by value.
    fields: Vec<(&'static str, bool, Vec<String>)>,
    items: Vec<Thing<'a>>,
    offset: usize,
}

impl<'a> Thing<'a> {
    fn new(id: Option<&'a str>, title: Option<&Spanned<String>>, offset: usize) -> Self {
        Self {
            id,
            title: title.map(|t| t.value.clone()).unwrap_or_default(),
            fields: Vec::new(),
            items: Vec::new(),
            offset,
        }
    }

    fn field(mut self, name: &'static str, value: Option<&Spanned<String>>) -> Self {
        self.fields.push((
            name,
            false,
            value.map(|v| v.value.clone()).into_iter().collect(),
        ));
        self
    }

    fn list(mut self, name: &'static str, values: impl IntoIterator<Item = String>) -> Self {
        let mut values: Vec<String> = values.into_iter().collect();
        let mut seen = std::collections::HashSet::new();
        values.retain(|v| seen.insert(v.clone()));
        self.fields.push((name, true, values));
        self
    }
}

/// One side of the comparison: a document and its chapters.
struct Side<'a> {
    doc: &'a Document,
    chapters: Chapters,
}

impl Side<'_> {
    fn chapter_label(&self, offset: usize) -> Option<String> {
        self.chapters
            .at(offset)
            .map(|i| self.chapters.list[i].label.clone())
    }
}

/// Compares the `old` and `new` versions of a document.
pub fn compare(old: &Document, new: &Document) -> Comparison {
    let old = Side {
        doc: old,
        chapters: Chapters::of(old),
    };
    let new = Side {
        doc: new,
        chapters: Chapters::of(new),
    };
    let priorities = diff(&old, &new, &priorities(old.doc), &priorities(new.doc));
    // Old priority ids as the new version calls them, so a lead of a renamed
    // priority is not taken for a lead that moved.
    let renamed: HashMap<String, String> = priorities
        .iter()
        .filter_map(|c| Some((c.old_id.clone()?, c.new_id.clone()?)))
        .collect();
    let mut out = Comparison {
        header: header(old.doc, new.doc),
        themes: diff(&old, &new, &themes(old.doc), &themes(new.doc)),
        leads: leads(&old, &new, &renamed),
        authorities: diff(
            &old,
            &new,
            &organisations(&old.doc.authorities),
            &organisations(&new.doc.authorities),
        ),
        bodies: diff(
            &old,
            &new,
            &organisations(&old.doc.bodies),
            &organisations(&new.doc.bodies),
        ),
        plans: diff(&old, &new, &plans(old.doc), &plans(new.doc)),
        action_plans: diff(&old, &new, &action_plans(old.doc), &action_plans(new.doc)),
        priorities,
        chapters: Vec::new(),
    };
    out.chapters = chapter_changes(&old, &new, &out);
    out
}

/// Compares two lists of things: pairs them, and lists what was added, removed,
/// renamed or changed (unchanged pairs are left out).
fn diff(old: &Side, new: &Side, before: &[Thing], after: &[Thing]) -> Vec<Change> {
    diff_things(
        before,
        after,
        &|offset| new.chapter_label(offset),
        &|offset| old.chapter_label(offset),
    )
}

fn diff_things(
    before: &[Thing],
    after: &[Thing],
    new_chapter: &dyn Fn(usize) -> Option<String>,
    old_chapter: &dyn Fn(usize) -> Option<String>,
) -> Vec<Change> {
    let pairs = pairing::pair(&thing_keys(before), &thing_keys(after), RENAME_THRESHOLD);
    let mut out = Vec::new();
    for (j, thing) in after.iter().enumerate() {
        match pairs[j] {
            None => out.push(whole(ChangeKind::Added, thing, new_chapter(thing.offset))),
            Some(i) => {
                let was = &before[i];
                let fields = field_changes(was, thing);
                let items = diff_things(&was.items, &thing.items, &|_| None, &|_| None);
                let renamed = was.id != thing.id
                    || matching::words(&was.title) != matching::words(&thing.title);
                if !renamed && fields.is_empty() && items.is_empty() {
                    continue;
                }
                out.push(Change {
                    change: if renamed {
                        ChangeKind::Renamed
                    } else {
                        ChangeKind::Changed
                    },
                    old_id: was.id.map(str::to_string),
                    new_id: thing.id.map(str::to_string),
                    old_title: Some(was.title.clone()),
                    new_title: Some(thing.title.clone()),
                    fields,
                    items,
                    chapter: new_chapter(thing.offset),
                });
            }
        }
    }
    for i in pairing::unpaired(before.len(), &pairs) {
        let thing = &before[i];
        out.push(whole(ChangeKind::Removed, thing, old_chapter(thing.offset)));
    }
    out
}

fn thing_keys<'b>(things: &'b [Thing]) -> Vec<Key<'b>> {
    things
        .iter()
        .map(|t| Key {
            id: t.id,
            alt: None,
            title: &t.title,
        })
        .collect()
}

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

/// A thing added or removed as a whole, with all its parts.
fn whole(change: ChangeKind, thing: &Thing, chapter: Option<String>) -> Change {
    let id = thing.id.map(str::to_string);
    let title = Some(thing.title.clone());
    let added = change == ChangeKind::Added;
    Change {
        change,
        old_id: if added { None } else { id.clone() },
        new_id: if added { id } else { None },
        old_title: if added { None } else { title.clone() },
        new_title: if added { title } else { None },
        fields: Vec::new(),
        items: thing
            .items
            .iter()
            .map(|item| whole(change, item, None))
            .collect(),
        chapter,
    }
}

fn field_changes(old: &Thing, new: &Thing) -> Vec<FieldChange> {
    let mut out = Vec::new();
    for (name, list, after) in &new.fields {
        let before = old
            .fields
            .iter()
            .find(|(n, _, _)| n == name)
            .map(|(_, _, v)| v.as_slice())
            .unwrap_or_default();
        let (removed, added) = if *list {
            let norm = |v: &String| matching::words(v);
            let before_set: BTreeSet<Vec<String>> = before.iter().map(norm).collect();
            let after_set: BTreeSet<Vec<String>> = after.iter().map(norm).collect();
            (
                before
                    .iter()
                    .filter(|v| !after_set.contains(&norm(v)))
                    .cloned()
                    .collect::<Vec<_>>(),
                after
                    .iter()
                    .filter(|v| !before_set.contains(&norm(v)))
                    .cloned()
                    .collect::<Vec<_>>(),
            )
        } else {
            let same = before.len() == after.len()
                && before
                    .iter()
                    .zip(after)
                    .all(|(a, b)| normalise(a) == normalise(b));
            if same {
                (Vec::new(), Vec::new())
            } else {
                (before.to_vec(), after.clone())
            }
        };
        if !removed.is_empty() || !added.is_empty() {
            out.push(FieldChange {
                field: name.to_string(),
                list: *list,
                removed,
                added,
            });
        }
    }
    out
}

/// Text with its spacing normalised, for comparing values.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn header(old: &Document, new: &Document) -> Vec<FieldChange> {
    let side = |doc: &Document| -> Thing<'static> {
        let mut thing = Thing::new(None, None, 0);
        if let Some(a) = &doc.agreement {
            let date = |d: &Option<Spanned<crate::ast::Date>>| {
                d.as_ref()
                    .map(|d| Spanned::new(d.value.to_string(), d.span))
            };
            thing = thing
                .field("title", a.title.as_ref())
                .field("kind", a.kind.as_ref())
                .field("area", a.area.as_ref())
                .list("excludes", a.excludes.iter().map(|e| e.value.clone()))
                .field("partnership", a.partnership.as_ref())
                .field("version", a.version.as_ref())
                .field("effective", date(&a.effective).as_ref())
                .field("review", a.review.as_ref())
                .field("status", a.status.as_ref());
        }
        thing
    };
    field_changes(&side(old), &side(new))
}

fn names(refs: &[crate::ast::Reference]) -> impl Iterator<Item = String> + '_ {
    refs.iter().map(|r| r.name.clone())
}

fn priorities(doc: &Document) -> Vec<Thing<'_>> {
    doc.priorities
        .iter()
        .map(|p| {
            Thing::new(Some(&p.id.value), p.title.as_ref(), p.span.start.offset)
                .field("includes", p.includes.as_ref())
                .list("addresses", names(&p.addresses))
                .list("supports", names(&p.supports))
                .field("note", p.note.as_ref())
        })
        .collect()
}

fn themes(doc: &Document) -> Vec<Thing<'_>> {
    doc.themes
        .iter()
        .map(|t| {
            Thing::new(Some(&t.id.value), t.title.as_ref(), t.span.start.offset)
                .field("includes", t.includes.as_ref())
                .list("addresses", names(&t.addresses))
                .list("supports", names(&t.supports))
                .field("note", t.note.as_ref())
        })
        .collect()
}

fn organisations(list: &[crate::ast::Organisation]) -> Vec<Thing<'_>> {
    list.iter()
        .map(|o| {
            Thing::new(Some(&o.id.value), o.name.as_ref(), o.span.start.offset)
                .field("kind", o.kind.as_ref())
                .field("note", o.note.as_ref())
        })
        .collect()
}

fn plans(doc: &Document) -> Vec<Thing<'_>> {
    doc.plans
        .iter()
        .map(|p| {
            let period = p
                .period
                .as_ref()
                .map(|s| Spanned::new(format!("{} to {}", s.value.from, s.value.to), s.span));
            let mut thing = Thing::new(Some(&p.id.value), p.title.as_ref(), p.span.start.offset)
                .field("commissioner", p.commissioner.as_ref())
                .field("area", p.area.as_ref())
                .field("period", period.as_ref())
                .list("principles", p.principles.iter().map(|s| s.value.clone()));
            thing.items = p
                .objectives
                .iter()
                .map(|o| {
                    Thing::new(Some(&o.id.value), o.text.as_ref(), o.span.start.offset)
                        .field("group", o.group.as_ref())
                        .field("not-adopted", o.not_adopted.as_ref())
                })
                .collect();
            thing
        })
        .collect()
}

fn action_plans(doc: &Document) -> Vec<Thing<'_>> {
    doc.action_plans
        .iter()
        .map(|a| {
            let mut thing = Thing::new(
                Some(&a.priority.name),
                a.title.as_ref(),
                a.span.start.offset,
            )
            .list("leads", a.leads.iter().map(lead_text));
            thing.items = a
                .aims
                .iter()
                .map(|aim| {
                    Thing::new(
                        Some(&aim.number.value),
                        aim.text.as_ref(),
                        aim.span.start.offset,
                    )
                    .list("actions", aim.actions.iter().map(|s| s.value.clone()))
                    .list("themes", names(&aim.themes))
                })
                .collect();
            thing
        })
        .collect()
}

/// A lead as written: `role, organisation`.
fn lead_text(lead: &Lead) -> String {
    match &lead.organisation {
        Some(o) => format!("{}, {}", lead.role.value, o.value),
        None => lead.role.value.clone(),
    }
}

/// Every lead of a document with the id of the priority it leads (resolved by id
/// or title, as [`crate::ast::leads_of`] resolves them), in document order.
fn leads_of(doc: &Document) -> Vec<(Option<String>, &Lead)> {
    let lookup = crate::ast::PriorityLookup::new(doc);
    let mut out: Vec<(Option<String>, &Lead)> = doc
        .priorities
        .iter()
        .flat_map(|p| &p.leads)
        .chain(&doc.leads)
        .chain(doc.action_plans.iter().flat_map(|a| &a.leads))
        .map(|lead| {
            let priority = lead.priority.as_ref().map(|r| match lookup.find(&r.name) {
                Some(p) => p.id.value.clone(),
                None => r.name.clone(),
            });
            (priority, lead)
        })
        .collect();
    out.sort_by_key(|(_, lead)| lead.span.start.offset);
    out
}

/// Leads compared as role and organisation, with the priority each leads: a lead
/// who now leads another priority (or one, after none) is `changed`.
fn leads(old: &Side, new: &Side, renamed: &HashMap<String, String>) -> Vec<Change> {
    let key = |lead: &Lead| matching::words(&lead_text(lead)).join(" ");
    // Priority titles by id, looked up once per lead.
    let titles = |doc: &Document| -> HashMap<String, String> {
        let mut out = HashMap::new();
        for p in &doc.priorities {
            out.entry(p.id.value.clone()).or_insert_with(|| {
                p.title.as_ref().map_or(p.id.value.clone(), |t| {
                    format!("{} {}", p.id.value, t.value)
                })
            });
        }
        out
    };
    let (old_titles, new_titles) = (titles(old.doc), titles(new.doc));
    let title_of = |titles: &HashMap<String, String>, id: &Option<String>| -> Option<String> {
        let id = id.as_ref()?;
        Some(titles.get(id).cloned().unwrap_or_else(|| id.clone()))
    };
    let before: Vec<(Option<String>, &Lead)> = leads_of(old.doc)
        .into_iter()
        .map(|(p, l)| (p.map(|p| renamed.get(&p).cloned().unwrap_or(p)), l))
        .collect();
    let after = leads_of(new.doc);
    // Exact pairs (the same lead of the same priority) first, then the same lead
    // of another priority.
    let mut exact: HashMap<(String, Option<String>), Vec<usize>> = HashMap::new();
    for (i, (p, l)) in before.iter().enumerate().rev() {
        exact.entry((key(l), p.clone())).or_default().push(i);
    }
    let mut taken = vec![false; before.len()];
    let mut left = Vec::new();
    for (j, (p, l)) in after.iter().enumerate() {
        match exact.get_mut(&(key(l), p.clone())).and_then(Vec::pop) {
            Some(i) => taken[i] = true,
            None => left.push(j),
        }
    }
    let mut by_lead: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, (_, l)) in before.iter().enumerate().rev() {
        if !taken[i] {
            by_lead.entry(key(l)).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    let old_priority_title = |p: &Option<String>| {
        // Old ids were mapped to the new ones: name them as the new version does,
        // falling back to the old version's title.
        p.as_ref().map(|id| {
            new_titles
                .get(id)
                .or_else(|| old_titles.get(id))
                .cloned()
                .unwrap_or_else(|| id.clone())
        })
    };
    for j in left {
        let (p, l) = &after[j];
        let text = lead_text(l);
        let chapter = new.chapter_label(l.span.start.offset);
        match by_lead.get_mut(&key(l)).and_then(Vec::pop) {
            Some(i) => {
                taken[i] = true;
                let none = || "(no priority)".to_string();
                out.push(Change {
                    change: ChangeKind::Changed,
                    old_id: None,
                    new_id: None,
                    old_title: Some(lead_text(before[i].1)),
                    new_title: Some(text),
                    fields: vec![FieldChange {
                        field: "priority".to_string(),
                        list: false,
                        removed: vec![old_priority_title(&before[i].0).unwrap_or_else(none)],
                        added: vec![title_of(&new_titles, p).unwrap_or_else(none)],
                    }],
                    items: Vec::new(),
                    chapter,
                });
            }
            None => out.push(Change {
                change: ChangeKind::Added,
                old_id: None,
                new_id: None,
                old_title: None,
                new_title: Some(text),
                fields: priority_field(title_of(&new_titles, p), false),
                items: Vec::new(),
                chapter,
            }),
        }
    }
    for (i, (p, l)) in before.iter().enumerate() {
        if !taken[i] {
            out.push(Change {
                change: ChangeKind::Removed,
                old_id: None,
                new_id: None,
                old_title: Some(lead_text(l)),
                new_title: None,
                fields: priority_field(old_priority_title(p), true),
                items: Vec::new(),
                chapter: old.chapter_label(l.span.start.offset),
            });
        }
    }
    out
}

/// The priority a lead added or removed leads, as a field.
fn priority_field(priority: Option<String>, removed: bool) -> Vec<FieldChange> {
    let Some(priority) = priority else {
        return Vec::new();
    };
    let value = vec![priority];
    vec![FieldChange {
        field: "priority".to_string(),
        list: false,
        removed: if removed { value.clone() } else { Vec::new() },
        added: if removed { Vec::new() } else { value },
    }]
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
fn chapter_changes(old: &Side, new: &Side, cmp: &Comparison) -> Vec<ChapterChange> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        crate::ast::parse(text).document
    }

    #[test]
    fn pairs_by_id_then_by_title() {
        let old = doc("@priority SOC: Serious and Organised Crime\n\n@priority ASB: Anti-Social Behaviour\n\n@priority AC: Acquisitive Crime\n");
        let new = doc("@priority SVOC: Serious Violence and Organised Crime\n\n@priority ASB: Anti-Social Behaviour and Neighbourhood Crime\n\n@priority VAWG: Violence Against Women and Girls\n");
        let changes = compare(&old, &new).priorities;
        let summary: Vec<(ChangeKind, Option<&str>, Option<&str>)> = changes
            .iter()
            .map(|c| (c.change, c.old_id.as_deref(), c.new_id.as_deref()))
            .collect();
        assert_eq!(
            summary,
            vec![
                (ChangeKind::Renamed, Some("SOC"), Some("SVOC")),
                (ChangeKind::Renamed, Some("ASB"), Some("ASB")),
                (ChangeKind::Added, None, Some("VAWG")),
                (ChangeKind::Removed, Some("AC"), None),
            ]
        );
    }

    #[test]
    fn the_same_document_has_no_changes() {
        let text = std::fs::read_to_string("examples/kent-2022.csa").unwrap();
        assert!(compare(&doc(&text), &doc(&text)).is_empty());
    }

    #[test]
    fn leads_added_removed_and_moved() {
        let old = doc("@priority DA: Domestic Abuse\n  lead: Head of Policing, Kent Police\n@leads\n  lead: Chair, DASV Group\n");
        let new = doc("@priority DA: Domestic Abuse\n  lead: Chief Superintendent, Kent Police\n@leads\n  lead DA: Chair, DASV Group\n");
        let changes = compare(&old, &new).leads;
        let summary: Vec<(ChangeKind, &str)> =
            changes.iter().map(|c| (c.change, c.title())).collect();
        assert_eq!(
            summary,
            [
                (ChangeKind::Added, "Chief Superintendent, Kent Police"),
                (ChangeKind::Changed, "Chair, DASV Group"),
                (ChangeKind::Removed, "Head of Policing, Kent Police"),
            ]
        );
        assert_eq!(changes[1].fields[0].removed, ["(no priority)"]);
        assert_eq!(changes[1].fields[0].added, ["DA Domestic Abuse"]);
    }

    #[test]
    fn a_renamed_priority_keeps_its_leads() {
        let old =
            doc("@priority SOC: Serious and Organised Crime\n  lead: Head of Crime, Kent Police\n");
        let new = doc("@priority SVOC: Serious Violence and Organised Crime\n  lead: Head of Crime, Kent Police\n");
        let cmp = compare(&old, &new);
        assert!(cmp.leads.is_empty(), "{:?}", cmp.leads);
        assert_eq!(cmp.priorities.len(), 1);
    }

    #[test]
    fn fields_and_parts_changed() {
        let old = doc("@plan P: Plan\n  period: 2021-04-01 to 2025-03-31\n  objective P1: Keep people safe\n  objective P2: Cut crime\n");
        let new = doc("@plan P: Plan\n  period: 2022-04-01 to 2025-03-31\n  objective P1: Keep people safe\n    not-adopted: a matter for the Commissioner\n  objective P3: Cut crime in towns\n");
        let cmp = compare(&old, &new);
        let plan = &cmp.plans[0];
        assert_eq!(plan.change, ChangeKind::Changed);
        assert_eq!(plan.fields[0].field, "period");
        let items: Vec<(ChangeKind, &str)> =
            plan.items.iter().map(|c| (c.change, c.id())).collect();
        assert_eq!(
            items,
            [(ChangeKind::Changed, "P1"), (ChangeKind::Renamed, "P3")]
        );
        assert_eq!(cmp.objectives().count(), 2);
    }

    #[test]
    fn chapters_count_paragraphs_and_parts() {
        let old =
            doc("# 1. Introduction\n\nOne.\n\n# 2. Priorities\n\n@priority DA: Domestic Abuse\n");
        let new = doc("# 1. Introduction\n\nOne.\n\nTwo more words.\n\n# 2. Priorities\n\n@priority DA: Domestic Abuse\n@priority RS: Road Safety\n\n# 3. Partners\n\nThe police.\n");
        let cmp = compare(&old, &new);
        let chapters: Vec<(ChangeKind, &str, usize, &[String])> = cmp
            .chapters
            .iter()
            .map(|c| {
                (
                    c.change,
                    c.label.as_str(),
                    c.paragraphs_added,
                    c.parts.as_slice(),
                )
            })
            .collect();
        assert_eq!(
            chapters,
            [
                (ChangeKind::Changed, "Ch.1", 1, &[][..]),
                (
                    ChangeKind::Changed,
                    "Ch.2",
                    0,
                    &["priorities".to_string()][..]
                ),
                (ChangeKind::Added, "Ch.3", 1, &[][..]),
            ]
        );
        let row = draft_row(&cmp, &new);
        assert!(
            row.contains("  - Ch.2 - changes made to priorities\n"),
            "{row}"
        );
        assert!(row.contains("  - Ch.3 - new chapter: Partners\n"), "{row}");
    }
}
