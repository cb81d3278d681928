//! Documents' addresses: the `file:` URIs the client names documents by, and the paths
//! the rest of csa reads them from.
//!
//! The protocol's `Uri` turns any address into a path, whatever its scheme; an
//! `untitled:` buffer or a remote address must not be read from the disk, so only a
//! `file:` address on this machine is taken as a path here.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use tower_lsp_server::ls_types::Uri;

/// The file a `file:` address names, when it names one on this machine.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let scheme = uri.as_str().split(':').next()?;
    if !scheme.eq_ignore_ascii_case("file") {
        return None;
    }
    let host = uri.authority().map(|a| a.host()).unwrap_or_default();
    if !(host.is_empty() || host.eq_ignore_ascii_case("localhost")) {
        return None;
    }
    let path = uri.to_file_path()?;
    path.is_absolute().then(|| path.into_owned())
}

/// The `file:` address of an absolute path.
pub fn from_path(path: &Path) -> Option<Uri> {
    if !path.is_absolute() {
        return None;
    }
    Uri::from_file_path(path)
}

/// `base` with `fragment` as its fragment: a rule's place in the rule reference.
pub fn with_fragment(base: &Uri, fragment: &str) -> Option<Uri> {
    let bare = base.as_str().split('#').next()?;
    Uri::from_str(&format!("{bare}#{fragment}")).ok()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn only_local_file_addresses_are_paths() {
        let uri = |s: &str| Uri::from_str(s).unwrap();
        assert_eq!(
            file_path(&uri("file:///tmp/a%20b.csa")),
            Some(PathBuf::from("/tmp/a b.csa"))
        );
        assert_eq!(
            file_path(&uri("FILE://localhost/tmp/a.csa")),
            Some(PathBuf::from("/tmp/a.csa"))
        );
        assert_eq!(file_path(&uri("untitled:Untitled-1")), None);
        assert_eq!(file_path(&uri("file://server/share/a.csa")), None);
        assert_eq!(file_path(&uri("https://example.org/a.csa")), None);
        let back = from_path(Path::new("/tmp/a b.csa")).unwrap();
        assert_eq!(back.as_str(), "file:///tmp/a%20b.csa");
        assert_eq!(from_path(Path::new("relative.csa")), None);
        assert_eq!(
            with_fragment(&back, "csa201").unwrap().as_str(),
            "file:///tmp/a%20b.csa#csa201"
        );
    }
}
