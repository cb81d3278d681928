//! Names across files: a reference whose definition is in a document this one uses
//! (a shared Police and Crime Plan's objectives, a county agreement's priorities
//! named by `county:`), and every place in the workspace that names a definition, for
//! go to definition, hover, find references and rename.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tower_lsp_server::jsonrpc;
use tower_lsp_server::ls_types::{Location, TextEdit, Uri, WorkspaceEdit};

use super::document::{range, Document, Encoding};
use super::workspace::Member;
use crate::analysis::{self, Definition, Family, Index, Target, Use};
use crate::text::Span;
use crate::workspace::uses;

/// A definition made in another document than the one asked about.
#[derive(Debug, Clone)]
pub struct Foreign {
    /// The document it is made in: a `.csa` file, or `csa:plan/ID` for a plan csa knows.
    pub path: PathBuf,
    /// The definition, with spans in that document.
    pub definition: Definition,
}

impl Foreign {
    /// The address of the file it is made in; `None` for a plan csa knows.
    pub fn uri(&self) -> Option<Uri> {
        // `@use: ../plans/x.csa` leaves `..` in the path: the editor gets the file's
        // own address.
        super::uri::from_path(&uses::lexical(&self.path))
    }

    /// Whether it is written in a file the author can open.
    pub fn in_file(&self) -> bool {
        !self.path.starts_with("csa:")
    }

    /// The file's name, for messages.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.path.display().to_string())
    }
}

/// The family a definition is named by in the documents that use its document: a
/// county agreement's priorities and themes are named by `county:`, everything else
/// by the same family.
fn family_in_users(family: Family) -> Family {
    match family {
        Family::Topic => Family::County,
        other => other,
    }
}

/// The definition, in a document `doc` uses, that a use with no definition in `doc`
/// refers to: the first used document that defines it, as `@use` adds the parts.
pub fn foreign_definition(doc: &Document, target: &Target) -> Option<Foreign> {
    let Target::Use(u) = target else {
        return None;
    };
    if doc.index.resolve(u).is_some() {
        return None;
    }
    if u.family == Family::County {
        let topic = doc
            .resolution
            .county_topics()
            .into_iter()
            .find(|t| t.id == u.name)?;
        return Some(Foreign {
            path: topic.path,
            definition: Definition {
                family: Family::Topic,
                keyword: topic.keyword,
                id: topic.id,
                title: topic.title,
                id_span: topic.span,
                span: topic.span,
            },
        });
    }
    doc.resolution.used.iter().find_map(|used| {
        let index = Index::build(&used.document);
        let found = index.resolve(u)?.clone();
        Some(Foreign {
            path: used.path.clone(),
            definition: found,
        })
    })
}

/// Hover text for a use whose definition is in another document.
pub fn describe(foreign: &Foreign) -> String {
    let d = &foreign.definition;
    let place = if foreign.in_file() {
        format!(
            "Defined in `{}`, line {}.",
            foreign.file_name(),
            d.span.start.line + 1
        )
    } else {
        format!(
            "From the Police and Crime Plan csa knows as `{}` (`csa law plans`).",
            foreign.file_name()
        )
    };
    format!("**{} `{}`**: {}\n\n{place}", d.keyword, d.id, d.title)
}

/// The `@use` line's target under `offset`, as the file it names (when it names one).
pub fn used_file_at(doc: &Document, offset: usize) -> Option<PathBuf> {
    let path = doc.path.as_deref()?;
    let use_ = doc
        .parsed
        .document
        .uses
        .iter()
        .find(|u| u.target.span.contains(offset) && u.is_file())?;
    Some(uses::lexical(
        &path
            .parent()
            .unwrap_or(Path::new("."))
            .join(&use_.target.value),
    ))
}

/// A document of the workspace, as the server has it: an open buffer's analysis, or
/// a closed file as the last workspace pass read it.
#[derive(Clone)]
pub enum Candidate {
    /// An open document.
    Open(Uri, Arc<Document>),
    /// A file that is not open.
    Closed(Arc<Member>),
}

/// A document's own names (not those it uses) and where it is.
struct Names {
    uri: Uri,
    index: Index,
}

impl Candidate {
    fn key(&self) -> Option<PathBuf> {
        match self {
            Candidate::Open(_, doc) => doc.key.clone(),
            Candidate::Closed(member) => Some(member.key.clone()),
        }
    }

    /// Whether it uses the document whose normalised path is `key`.
    fn uses(&self, key: &Path) -> bool {
        match self {
            Candidate::Open(_, doc) => doc.resolution.reads(key),
            Candidate::Closed(member) => member.uses(key),
        }
    }

    fn names(&self) -> Names {
        match self {
            Candidate::Open(uri, doc) => Names {
                uri: uri.clone(),
                index: doc.index.clone(),
            },
            Candidate::Closed(member) => Names {
                uri: member.uri.clone(),
                index: Index::build(&crate::ast::parse(&member.text).document),
            },
        }
    }
}

/// Where a definition is made: the file, and the definition with its spans there.
pub struct Home {
    /// The file.
    pub path: PathBuf,
    /// The definition.
    pub definition: Definition,
}

/// The definition the name at `offset` of `doc` (at `uri`) names, and the file it is
/// made in, when that file can be edited.
pub fn home(doc: &Document, offset: usize) -> Result<Option<Home>, String> {
    let Some(target) = doc.index.at(offset) else {
        return Ok(None);
    };
    if let Some(def) = doc.index.definition_of(&target) {
        return Ok(doc.path.clone().map(|path| Home {
            path,
            definition: def.clone(),
        }));
    }
    match foreign_definition(doc, &target) {
        Some(f) if f.in_file() => Ok(Some(Home {
            path: f.path,
            definition: f.definition,
        })),
        Some(f) => Err(format!(
            "`{}` is defined by the Police and Crime Plan csa knows as `{}`, not in a file: it cannot be renamed",
            f.definition.id,
            f.file_name()
        )),
        None => Ok(None),
    }
}

/// Every place in the workspace that names `home`'s definition: its id in its own
/// file, that file's references to it, and the references of every document that
/// uses that file and does not define the name itself. References by quoted title
/// are left out when `ids_only`.
pub fn occurrences(home: &Home, candidates: &[Candidate], ids_only: bool) -> Vec<(Uri, Span)> {
    let key = crate::files::normalise(&home.path);
    let def = &home.definition;
    let mut out = Vec::new();
    let wanted = |u: &&Use| !(ids_only && u.quoted);
    // The home file: the server's copy if it has one, else the file on disk.
    let home_names = candidates
        .iter()
        .find(|c| c.key().as_ref() == Some(&key))
        .map(Candidate::names)
        .or_else(|| {
            let text = crate::files::read_source(&home.path).ok()?;
            Some(Names {
                uri: super::uri::from_path(&uses::lexical(&home.path))?,
                index: Index::build(&crate::ast::parse(&text).document),
            })
        });
    if let Some(names) = home_names {
        if let Some(own) = names
            .index
            .definitions
            .iter()
            .find(|d| d.family == def.family && d.id == def.id)
        {
            out.push((names.uri.clone(), own.id_span));
            out.extend(
                names
                    .index
                    .uses_of(own)
                    .filter(wanted)
                    .map(|u| (names.uri.clone(), u.span)),
            );
        }
    }
    let family = family_in_users(def.family);
    for candidate in candidates {
        if candidate.key().as_ref() == Some(&key) || !candidate.uses(&key) {
            continue;
        }
        let names = candidate.names();
        let defines_itself = names
            .index
            .definitions
            .iter()
            .any(|d| d.family == family && d.id == def.id);
        if defines_itself {
            continue; // its own definition is the one its references name
        }
        out.extend(
            names
                .index
                .uses
                .iter()
                .filter(|u| u.family == family && u.name == def.id)
                .filter(wanted)
                .map(|u| (names.uri.clone(), u.span)),
        );
    }
    out
}

/// Rename across the workspace: `home`'s definition and every id reference to it, in
/// every file, or an error when the new name is not a valid id or is taken in the
/// file that defines it.
pub fn rename(
    home: &Home,
    candidates: &[Candidate],
    new_name: &str,
    encoding: Encoding,
) -> jsonrpc::Result<Option<WorkspaceEdit>> {
    let def = &home.definition;
    if !analysis::valid_id(new_name) {
        return Err(jsonrpc::Error::invalid_params(format!(
            "`{new_name}` is not a valid id: use letters, digits and . _ - / + &, starting with a letter or digit"
        )));
    }
    let places = occurrences(home, candidates, true);
    let key = crate::files::normalise(&home.path);
    let taken = candidates
        .iter()
        .find(|c| c.key().as_ref() == Some(&key))
        .map(Candidate::names)
        .is_some_and(|names| {
            names
                .index
                .definitions
                .iter()
                .any(|d| d.family == def.family && d.id == new_name && d.id != def.id)
        });
    if taken {
        return Err(jsonrpc::Error::invalid_params(format!(
            "`{new_name}` is already used by another {}",
            def.keyword
        )));
    }
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    for (uri, span) in places {
        changes.entry(uri).or_default().push(TextEdit {
            range: range(span, encoding),
            new_text: new_name.to_string(),
        });
    }
    Ok(Some(WorkspaceEdit {
        changes: Some(changes),
        ..Default::default()
    }))
}

/// [`occurrences`] as locations.
pub fn locations(places: Vec<(Uri, Span)>, encoding: Encoding) -> Vec<Location> {
    places
        .into_iter()
        .map(|(uri, span)| Location {
            uri,
            range: range(span, encoding),
        })
        .collect()
}
