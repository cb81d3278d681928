//! One engine behind every front end: on every example and every workspace fixture,
//! `csa check --output-format json`, `csa report --format json` and the language
//! server's diagnostics give each document the same findings.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};
use support::Client;

const EXE: &str = env!("CARGO_BIN_EXE_csa");

/// Each document's finding codes, sorted, by its canonical path.
type Codes = BTreeMap<PathBuf, Vec<String>>;

/// The folders compared, each with the date it is checked as of.
fn cases() -> Vec<(PathBuf, &'static str)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cases = vec![(root.join("examples"), "2024-01-01")];
    for name in ["clean", "defects", "cycle"] {
        cases.push((
            root.join("tests/fixtures/workspace").join(name),
            "2025-06-01",
        ));
    }
    cases
        .into_iter()
        .map(|(p, d)| (p.canonicalize().unwrap(), d))
        .collect()
}

fn files_of(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_of(&path));
        } else if path.extension().is_some_and(|e| e == "csa") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn sorted(mut codes: Vec<String>) -> Vec<String> {
    codes.sort();
    codes
}

fn by_check(dir: &Path, as_of: &str) -> Codes {
    let out = Command::new(EXE)
        .args(["check", "--output-format", "json", "--as-of", as_of])
        .arg(dir)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|file| {
            let path = PathBuf::from(file["path"].as_str().unwrap());
            let codes = file["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["code"].as_str().unwrap().to_string())
                .collect();
            (path.canonicalize().unwrap(), sorted(codes))
        })
        .collect()
}

fn by_report(files: &[PathBuf], as_of: &str) -> Codes {
    let out = Command::new(EXE)
        .args(["report", "--format", "json", "--as-of", as_of])
        .args(files)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|document| {
            let path = PathBuf::from(document["path"].as_str().unwrap());
            let codes = document["findings"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|group| group["findings"].as_array().unwrap())
                .map(|f| f["code"].as_str().unwrap().to_string())
                .collect();
            (path.canonicalize().unwrap(), sorted(codes))
        })
        .collect()
}

/// The language server's findings for every file of the folder, pulled for the
/// workspace, and for one file opened in the editor.
fn by_server(dir: &Path, as_of: &str) -> (Codes, (PathBuf, Vec<String>)) {
    let folder = format!("file://{}", dir.display());
    let mut client = Client::start(EXE);
    let capabilities = json!({
        "textDocument": { "diagnostic": { "dynamicRegistration": false } },
        "workspace": { "diagnostic": { "refreshSupport": true } }
    });
    client.initialize_in(capabilities, json!({ "asOf": as_of }), Some(&folder));
    let report = client.call("workspace/diagnostic", json!({ "previousResultIds": [] }));
    let codes_of = |items: &Value| -> Vec<String> {
        sorted(
            items
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["code"].as_str().unwrap().to_string())
                .collect(),
        )
    };
    let workspace: Codes = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            let path = PathBuf::from(item["uri"].as_str().unwrap().trim_start_matches("file://"));
            (path, codes_of(&item["items"]))
        })
        .collect();
    let first = files_of(dir).remove(0);
    let uri = format!("file://{}", first.display());
    client.open(&uri, &std::fs::read_to_string(&first).unwrap());
    let pulled = client.call(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": uri } }),
    );
    let opened = (first, codes_of(&pulled["items"]));
    client.take("workspace/diagnostic/refresh");
    client.take("window/logMessage");
    client.take("textDocument/publishDiagnostics");
    client.shutdown();
    (workspace, opened)
}

#[test]
fn check_report_and_the_language_server_give_the_same_findings() {
    for (dir, as_of) in cases() {
        let files = files_of(&dir);
        let check = by_check(&dir, as_of);
        assert_eq!(check.len(), files.len(), "{}", dir.display());
        assert!(
            check.values().any(|codes| !codes.is_empty()) || dir.ends_with("clean"),
            "{}: the comparison has findings to compare",
            dir.display()
        );
        let report = by_report(&files, as_of);
        assert_eq!(
            report,
            check,
            "csa report and csa check on {}",
            dir.display()
        );
        let (server, (opened, opened_codes)) = by_server(&dir, as_of);
        assert_eq!(
            server,
            check,
            "the language server and csa check on {}",
            dir.display()
        );
        assert_eq!(
            Some(&opened_codes),
            check.get(&opened),
            "an open document in the language server and csa check on {}",
            opened.display()
        );
    }
}
