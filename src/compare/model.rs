//! What a comparison says: each [`Change`] (added, removed, renamed or changed, with
//! its [`FieldChange`]s and parts), each [`ChapterChange`], and the [`Comparison`]
//! that holds them by kind of thing. `csa diff` prints these, and the JSON output
//! serialises them.

use serde::Serialize;

use crate::ast::Document;

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
