//! The workspace the editor has open: every `.csa` file under its folders, read from
//! the author's open buffers where there are any and from disk otherwise, and checked
//! together as `csa check FOLDER` checks them. A pass over the workspace gives the
//! findings of the files that are not open (pushed, or pulled through
//! `workspace/diagnostic`), and the prepared documents that an open document's own
//! check reads for the rules that look across documents.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tower_lsp_server::ls_types::Uri;

use super::convert::Conversion;
use super::settings::Settings;
use super::setups::Setups;
use crate::diagnostics::Diagnostic;
use crate::engine::{self, Input, Setup};
use crate::files::FileSystem;
use crate::rules::Options;
use crate::workspace::{Prepared, Sources};

/// How much of its folders a workspace reads: 2,000 `.csa` files in at most 10,000
/// folders, past hidden and tools' folders. A folder with more is not a partnership's
/// documents (a whole drive opened by mistake), and reading it after every change
/// would cost the author's machine more than the findings are worth.
pub const REACH: crate::files::Reach = crate::files::Reach {
    folders: 10_000,
    files: 2_000,
    skip_tool_folders: true,
};

/// An open buffer: where it is saved, its text and its version.
pub struct Buffer {
    pub path: PathBuf,
    pub text: Arc<String>,
    pub version: i32,
}

/// The texts of the open buffers, by normalised path: read before the disk, so a
/// document that uses another sees what the author is typing in it.
#[derive(Default, Clone)]
pub struct Overlay {
    texts: HashMap<PathBuf, (Arc<String>, i32)>,
    /// Keys already worked out, by path (see [`Overlay::know`]).
    known: HashMap<PathBuf, PathBuf>,
}

impl Overlay {
    /// The overlay of `buffers`. Normalising their paths reads the disk (links are
    /// followed), so it is made on a blocking thread, not under the server's lock.
    pub fn new(buffers: Vec<Buffer>) -> Self {
        let texts = buffers
            .into_iter()
            .map(|b| (crate::files::normalise(&b.path), (b.text, b.version)))
            .collect();
        Self {
            texts,
            known: HashMap::new(),
        }
    }

    /// Takes the keys of `members` as worked out by their pass: the rules across
    /// documents ask for every document's key on each keystroke, and working one out
    /// reads the disk.
    pub fn know(&mut self, members: &[Arc<Member>]) {
        self.known
            .extend(members.iter().map(|m| (m.path.clone(), m.key.clone())));
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
        match self.known.get(path) {
            Some(key) => key.clone(),
            None => crate::files::normalise(path),
        }
    }
}

/// One document of the workspace, as the last pass saw it.
pub struct Member {
    /// Where it is, as found under the workspace folder.
    pub path: PathBuf,
    /// The same, with links and `..` taken out: the key it is known by.
    pub key: PathBuf,
    /// Its address for the client.
    pub uri: Uri,
    /// The text checked: the open buffer's, or the file's.
    pub text: Arc<String>,
    /// The open buffer's version, when the text was the buffer's.
    pub version: Option<i32>,
    /// Parsed and joined with what it uses.
    pub prepared: Prepared,
    /// Its findings, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// A fingerprint of them (see [`fingerprint`]).
    pub fingerprint: String,
    /// Them as the client is sent them.
    pub converted: Vec<tower_lsp_server::ls_types::Diagnostic>,
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
    /// The member known by `key` (a normalised path), if the workspace holds it.
    pub fn member(&self, key: &Path) -> Option<&Arc<Member>> {
        self.members.iter().find(|m| m.key == key)
    }
}

/// What a pass reads: the workspace folders, the open buffers, and the editor's
/// settings (each document's setup is its own `csa.toml`'s, as for `csa check`).
pub struct Inputs {
    pub id: u64,
    pub roots: Vec<PathBuf>,
    pub buffers: Vec<Buffer>,
    pub settings: Settings,
    pub conversion: Conversion,
}

/// What a pass found: the pass, unless it was dropped for a newer change, and what
/// was wrong with the configurations it (re)loaded, to be shown.
pub struct Outcome {
    pub pass: Option<Pass>,
    pub configuration: Vec<String>,
}

/// A document read for a pass, with its setup and options.
struct Read {
    path: PathBuf,
    uri: Uri,
    text: Arc<String>,
    version: Option<i32>,
    setup: Arc<Setup>,
    options: Options,
}

/// Finds, reads and checks every `.csa` file under the roots, each with its own
/// setup, through the engine (prepared, the rules across documents, then each one's
/// own). Stops as soon as `cancelled` says the result is no longer wanted (a newer
/// change arrived).
pub fn run(inputs: Inputs, setups: &Mutex<Setups>, cancelled: &dyn Fn() -> bool) -> Outcome {
    let overlay = Overlay::new(inputs.buffers);
    let mut configuration = Vec::new();
    let pass = read(
        &inputs.roots,
        &overlay,
        &inputs.settings,
        setups,
        &mut configuration,
        cancelled,
    )
    .and_then(|(read, problems)| {
        check(
            inputs.id,
            read,
            problems,
            &overlay,
            &inputs.conversion,
            cancelled,
        )
    });
    Outcome {
        pass,
        configuration,
    }
}

/// Finds and reads the documents of the roots, and the setup of each; `None` when
/// cancelled.
fn read(
    roots: &[PathBuf],
    overlay: &Overlay,
    settings: &Settings,
    setups: &Mutex<Setups>,
    configuration: &mut Vec<String>,
    cancelled: &dyn Fn() -> bool,
) -> Option<(Vec<Read>, Vec<String>)> {
    let (paths, errors, cut) = crate::files::discover_within(roots, REACH);
    let mut problems: Vec<String> = errors.iter().map(|e| format!("csa: {e}")).collect();
    if cut {
        problems.push(format!(
            "csa: the workspace folders hold more than {} .csa files or {} folders; the {} files found first are checked together",
            REACH.files,
            REACH.folders,
            paths.len()
        ));
    }
    // The documents of one folder share its configuration: it is looked for once.
    let mut config_of: HashMap<PathBuf, Option<PathBuf>> = HashMap::new();
    let mut read = Vec::with_capacity(paths.len());
    for path in paths {
        if cancelled() {
            return None;
        }
        let (text, version) = match overlay.get(&path) {
            Some((text, version)) => (text.clone(), Some(*version)),
            None => match crate::files::read_source(&path) {
                Ok(text) => (Arc::new(text), None),
                Err(e) => {
                    problems.push(format!("csa: {e}"));
                    continue;
                }
            },
        };
        let Some(uri) = super::uri::from_path(&path) else {
            continue;
        };
        let folder = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let config = config_of
            .entry(folder)
            .or_insert_with(|| crate::files::find_config(&path))
            .clone();
        let (setup, found) = setups
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .for_config(config);
        configuration.extend(found);
        let options = settings.options(&setup);
        read.push(Read {
            path,
            uri,
            text,
            version,
            setup,
            options,
        });
    }
    Some((read, problems))
}

/// Checks the documents read together; `None` when cancelled.
fn check(
    id: u64,
    read: Vec<Read>,
    problems: Vec<String>,
    overlay: &Overlay,
    conversion: &Conversion,
    cancelled: &dyn Fn() -> bool,
) -> Option<Pass> {
    let mut prepared = Vec::with_capacity(read.len());
    for r in &read {
        if cancelled() {
            return None;
        }
        prepared.push(engine::prepare(&input(r), overlay));
    }
    let together: Vec<(&Path, &Prepared)> = read
        .iter()
        .zip(&prepared)
        .map(|(r, p)| (r.path.as_path(), p))
        .collect();
    let Some(first) = read.first() else {
        return Some(Pass {
            id,
            members: Vec::new(),
            problems,
        });
    };
    let across = engine::across(&together, &first.setup.registry.knowledge, overlay);
    drop(together);
    if cancelled() {
        return None;
    }
    let members = read
        .into_iter()
        .zip(prepared)
        .zip(across)
        .map(|((r, prepared), across)| {
            let diagnostics = engine::diagnose(&prepared, &r.setup.registry, &r.options, across);
            Arc::new(Member {
                key: overlay.key(&r.path),
                fingerprint: fingerprint(&diagnostics),
                converted: conversion.all(&r.uri, &diagnostics),
                path: r.path,
                uri: r.uri,
                text: r.text,
                version: r.version,
                prepared,
                diagnostics,
            })
        })
        .collect();
    Some(Pass {
        id,
        members,
        problems,
    })
}

/// The engine's input for a document read.
fn input(r: &Read) -> Input<'_> {
    Input {
        path: &r.path,
        text: &r.text,
        setup: &r.setup,
        options: &r.options,
    }
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
