//! The workspace the editor has open: every `.csa` file under its folders, read from
//! the author's open buffers where there are any and from disk otherwise, and checked
//! together as `csa check FOLDER` checks them. A pass over the workspace gives the
//! findings of the files that are not open (pushed, or pulled through
//! `workspace/diagnostic`), and the prepared documents that an open document's own
//! check reads for the rules that look across documents.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tower_lsp::lsp_types::Url;

use crate::diagnostics::Diagnostic;
use crate::files::FileSystem;
use crate::rules::{Options, Registry};
use crate::workspace::{self, Prepared, Sources};

/// How much of its folders a workspace reads: 2,000 `.csa` files in at most 10,000
/// folders, past hidden and tools' folders. A folder with more is not a partnership's
/// documents (a whole drive opened by mistake), and reading it after every change
/// would cost the author's machine more than the findings are worth.
pub const REACH: crate::files::Reach = crate::files::Reach {
    folders: 10_000,
    files: 2_000,
    skip_tool_folders: true,
};

/// The texts of the open buffers, by normalised path: read before the disk, so a
/// document that uses another sees what the author is typing in it.
#[derive(Default, Clone)]
pub struct Overlay {
    texts: HashMap<PathBuf, (Arc<String>, i32)>,
}

impl Overlay {
    /// Adds an open buffer's text and version.
    pub fn insert(&mut self, path: &Path, text: Arc<String>, version: i32) {
        self.texts
            .insert(crate::files::normalise(path), (text, version));
    }

    /// The open buffer at `path`, if there is one.
    pub fn get(&self, path: &Path) -> Option<&(Arc<String>, i32)> {
        self.texts.get(&crate::files::normalise(path))
    }
}

impl Sources for Overlay {
    fn read(&self, path: &Path) -> Result<String, String> {
        match self.get(path) {
            Some((text, _)) => Ok(text.as_str().to_owned()),
            None => FileSystem.read(path),
        }
    }

    fn key(&self, path: &Path) -> PathBuf {
        crate::files::normalise(path)
    }
}

/// One document of the workspace, as the last pass saw it.
pub struct Member {
    /// Where it is, as found under the workspace folder.
    pub path: PathBuf,
    /// The same, with links and `..` taken out: the key it is known by.
    pub key: PathBuf,
    /// Its address for the client.
    pub uri: Url,
    /// The text checked: the open buffer's, or the file's.
    pub text: Arc<String>,
    /// The open buffer's version, when the text was the buffer's.
    pub version: Option<i32>,
    /// Parsed and joined with what it uses.
    pub prepared: Prepared,
    /// Its findings, sorted.
    pub diagnostics: Vec<Diagnostic>,
}

impl Member {
    /// Whether this document uses the one whose normalised path is `key`, directly or
    /// through another.
    pub fn uses(&self, key: &Path) -> bool {
        self.prepared.resolution.reads(key)
    }
}

/// The outcome of one pass: every member, in path order.
pub struct Pass {
    /// Tells this pass from earlier ones.
    pub id: u64,
    /// The documents.
    pub members: Vec<Arc<Member>>,
    /// Why files could not be read or were left out, for the log.
    pub problems: Vec<String>,
}

impl Pass {
    /// The member at `path`, if the workspace holds it.
    pub fn member(&self, path: &Path) -> Option<&Arc<Member>> {
        let key = crate::files::normalise(path);
        self.members.iter().find(|m| m.key == key)
    }
}

/// What a pass reads: the workspace folders, the open buffers, and the rules.
pub struct Inputs {
    pub id: u64,
    pub roots: Vec<PathBuf>,
    pub overlay: Overlay,
    pub registry: Arc<Registry>,
    pub options: Options,
}

/// Finds, reads and checks every `.csa` file under the roots. Returns `None` as soon as
/// `cancelled` says the result is no longer wanted (a newer change arrived).
pub fn run(inputs: &Inputs, cancelled: &dyn Fn() -> bool) -> Option<Pass> {
    let (paths, errors, cut) = crate::files::discover_within(&inputs.roots, REACH);
    let mut problems: Vec<String> = errors.iter().map(|e| format!("csa: {e}")).collect();
    if cut {
        problems.push(format!(
            "csa: the workspace folders hold more than {} .csa files or {} folders; the {} files found first are checked together",
            REACH.files,
            REACH.folders,
            paths.len()
        ));
    }
    let mut read = Vec::with_capacity(paths.len());
    for path in paths {
        if cancelled() {
            return None;
        }
        let (text, version) = match inputs.overlay.get(&path) {
            Some((text, version)) => (text.clone(), Some(*version)),
            None => match crate::files::read_source(&path) {
                Ok(text) => (Arc::new(text), None),
                Err(e) => {
                    problems.push(format!("csa: {e}"));
                    continue;
                }
            },
        };
        let Ok(uri) = Url::from_file_path(&path) else {
            continue;
        };
        let prepared =
            workspace::prepare(&path, &text, &inputs.overlay, &inputs.registry.knowledge);
        read.push((path, uri, text, version, prepared));
    }
    if cancelled() {
        return None;
    }
    let together: Vec<(&Path, &Prepared)> = read
        .iter()
        .map(|(path, _, _, _, prepared)| (path.as_path(), prepared))
        .collect();
    let across = crate::engine::across(&together, &inputs.registry.knowledge, &inputs.overlay);
    let diagnostics: Vec<_> = together
        .iter()
        .zip(across)
        .map(|((_, p), across)| {
            crate::engine::diagnose(p, &inputs.registry, &inputs.options, across)
        })
        .collect();
    let members = read
        .into_iter()
        .zip(diagnostics)
        .map(|((path, uri, text, version, prepared), diagnostics)| {
            Arc::new(Member {
                key: crate::files::normalise(&path),
                path,
                uri,
                text,
                version,
                prepared,
                diagnostics,
            })
        })
        .collect();
    Some(Pass {
        id: inputs.id,
        members,
        problems,
    })
}

/// A fingerprint of a list of findings, to tell a client whether they changed since
/// it last asked (`resultId`) and to publish only what changed.
pub fn fingerprint(diagnostics: &[Diagnostic]) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for d in diagnostics {
        d.code.hash(&mut hasher);
        d.message.hash(&mut hasher);
        d.help.hash(&mut hasher);
        d.severity.hash(&mut hasher);
        d.span.start.offset.hash(&mut hasher);
        d.span.end.offset.hash(&mut hasher);
        for label in &d.labels {
            label.span.start.offset.hash(&mut hasher);
            label.message.hash(&mut hasher);
        }
    }
    format!("{:016x}-{}", hasher.finish(), diagnostics.len())
}
