//! Names and where they are: the definitions a document makes (priorities, themes,
//! plans, objectives, authorities, bodies) and the references to them (`supports:`,
//! `themes:`, leads rows, action plans, `addresses:`, suppression codes). Go to
//! definition, find references, rename and highlight all read this one index.

use crate::ast::{Document, Reference, Spanned};
use crate::rules::Registry;
use crate::text::matching;
use crate::text::Span;

/// What a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// Priorities and themes (they share ids).
    Topic,
    /// Police and Crime Plans.
    Plan,
    /// Plan objectives.
    Objective,
    /// Authorities and bodies.
    Organisation,
    /// Statutory strategy areas (defined by the law data, not the document).
    Area,
    /// A county agreement's priorities and themes, named by `county:` in a document
    /// that uses it (defined in that agreement, not the document).
    County,
    /// Rules (in suppression comments).
    Rule,
}

/// A name defined in the document.
#[derive(Debug, Clone)]
pub struct Definition {
    /// What it is.
    pub family: Family,
    /// `priority`, `theme`, `plan`, `objective`, `authority` or `body`.
    pub keyword: &'static str,
    /// The id.
    pub id: String,
    /// Its title or text.
    pub title: String,
    /// Where the id is written.
    pub id_span: Span,
    /// The whole block or entry.
    pub span: Span,
}

/// A use of a name.
#[derive(Debug, Clone)]
pub struct Use {
    /// What it refers to.
    pub family: Family,
    /// The name as written (without quotes).
    pub name: String,
    /// Whether it was a quoted title rather than an id.
    pub quoted: bool,
    /// Where it is written.
    pub span: Span,
}

/// Every definition and reference of a document.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Definitions, in document order.
    pub definitions: Vec<Definition>,
    /// References, in document order.
    pub uses: Vec<Use>,
}

/// What is under the cursor.
#[derive(Debug, Clone)]
pub enum Target<'a> {
    /// A definition's id.
    Definition(&'a Definition),
    /// A reference.
    Use(&'a Use),
}

fn uses(family: Family, refs: &[Reference], out: &mut Vec<Use>) {
    out.extend(refs.iter().map(|r| Use {
        family,
        name: r.name.clone(),
        quoted: r.quoted,
        span: r.span,
    }));
}

impl Index {
    /// Indexes `doc`.
    pub fn build(doc: &Document) -> Self {
        let mut definitions = Vec::new();
        let mut define =
            |family, keyword, id: &Spanned<String>, title: &Option<Spanned<String>>, span| {
                definitions.push(Definition {
                    family,
                    keyword,
                    id: id.value.clone(),
                    title: title.as_ref().map_or(String::new(), |t| t.value.clone()),
                    id_span: id.span,
                    span,
                })
            };
        for p in &doc.priorities {
            define(Family::Topic, "priority", &p.id, &p.title, p.span);
        }
        for t in &doc.themes {
            define(Family::Topic, "theme", &t.id, &t.title, t.span);
        }
        for plan in &doc.plans {
            define(Family::Plan, "plan", &plan.id, &plan.title, plan.span);
            for o in &plan.objectives {
                define(Family::Objective, "objective", &o.id, &o.text, o.span);
            }
        }
        for (keyword, orgs) in [("authority", &doc.authorities), ("body", &doc.bodies)] {
            for o in orgs {
                define(Family::Organisation, keyword, &o.id, &o.name, o.span);
            }
        }
        let mut found = Vec::new();
        for p in &doc.priorities {
            uses(Family::Objective, &p.supports, &mut found);
            uses(Family::Area, &p.addresses, &mut found);
            uses(Family::County, &p.county, &mut found);
        }
        for t in &doc.themes {
            uses(Family::Objective, &t.supports, &mut found);
            uses(Family::Area, &t.addresses, &mut found);
            uses(Family::County, &t.county, &mut found);
        }
        for lead in &doc.leads {
            if let Some(r) = &lead.priority {
                uses(Family::Topic, std::slice::from_ref(r), &mut found);
            }
        }
        for plan in &doc.action_plans {
            uses(
                Family::Topic,
                std::slice::from_ref(&plan.priority),
                &mut found,
            );
            for aim in &plan.aims {
                uses(Family::Topic, &aim.themes, &mut found);
            }
        }
        for s in &doc.suppressions {
            found.extend(s.codes.iter().map(|c| Use {
                family: Family::Rule,
                name: c.value.clone(),
                quoted: false,
                span: c.span,
            }));
        }
        found.sort_by_key(|u| u.span.start.offset);
        Index {
            definitions,
            uses: found,
        }
    }

    /// The definition or reference at byte `offset`.
    pub fn at(&self, offset: usize) -> Option<Target<'_>> {
        if let Some(d) = self.definitions.iter().find(|d| d.id_span.contains(offset)) {
            return Some(Target::Definition(d));
        }
        self.uses
            .iter()
            .find(|u| u.span.contains(offset))
            .map(Target::Use)
    }

    /// The definition a use refers to: by id, or for quoted titles by title.
    pub fn resolve(&self, r#use: &Use) -> Option<&Definition> {
        let same_family = |d: &&Definition| d.family == r#use.family;
        self.definitions
            .iter()
            .filter(same_family)
            .find(|d| d.id == r#use.name)
            .or_else(|| {
                self.definitions.iter().filter(same_family).find(|d| {
                    d.keyword == "priority"
                        && matching::words(&d.title) == matching::words(&r#use.name)
                })
            })
    }

    /// The definition a target names (itself, or what a use resolves to).
    pub fn definition_of<'a>(&'a self, target: &Target<'a>) -> Option<&'a Definition> {
        match target {
            Target::Definition(d) => Some(d),
            Target::Use(u) => self.resolve(u),
        }
    }

    /// Every use of `definition` (by id or by quoted title).
    pub fn uses_of<'a>(&'a self, definition: &'a Definition) -> impl Iterator<Item = &'a Use> + 'a {
        self.uses.iter().filter(move |u| {
            u.family == definition.family
                && self
                    .resolve(u)
                    .is_some_and(|d| d.id_span == definition.id_span)
        })
    }

    /// Every place a target's name is written: its definition (if any) and its uses.
    /// For names with no definition in the document (areas, rules) the uses with the
    /// same name.
    pub fn occurrences(&self, target: &Target<'_>) -> Vec<Span> {
        match self.definition_of(target) {
            Some(def) => std::iter::once(def.id_span)
                .chain(self.uses_of(def).map(|u| u.span))
                .collect(),
            None => match target {
                Target::Use(u) => self
                    .uses
                    .iter()
                    .filter(|o| o.family == u.family && o.name == u.name)
                    .map(|o| o.span)
                    .collect(),
                Target::Definition(d) => vec![d.id_span],
            },
        }
    }
}

/// Whether `id` may be used as an id (the grammar's bare id).
pub fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || "._/+&-".contains(c))
}

/// The rule a suppression code names, if any.
pub fn rule<'r>(registry: &'r Registry, name: &str) -> Option<&'r crate::rules::Rule> {
    registry.find(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "@priority DA: Domestic Abuse\n  supports: P-1\n@theme EIPE: Early Intervention\n@plan P: Plan\n  objective P-1: One\n@leads\n  lead DA: Chair, X\n  lead \"Domestic Abuse\": Chief, Y\n@action-plan DA\n  aim 1.1: Do\n    themes: EIPE\n";

    #[test]
    fn uses_resolve_by_id_and_by_quoted_title() {
        let doc = crate::ast::parse(DOC).document;
        let index = Index::build(&doc);
        let da = index.definitions.iter().find(|d| d.id == "DA").unwrap();
        let lines: Vec<u32> = index.uses_of(da).map(|u| u.span.start.line).collect();
        assert_eq!(lines, [6, 7, 8]);
        let at_supports = DOC.find("P-1").unwrap() + 1;
        let Some(Target::Use(u)) = index.at(at_supports) else {
            panic!("expected a use")
        };
        assert_eq!(index.resolve(u).unwrap().keyword, "objective");
    }

    #[test]
    fn ids_are_checked_like_the_grammar() {
        assert!(valid_id("MKS-P1") && valid_id("1.1") && valid_id("kent-police"));
        assert!(!valid_id("") && !valid_id("two words") && !valid_id("-x") && !valid_id("a:b"));
    }
}
