//! The statutory checklist (rules/statutory.toml) against the rules csa has: every
//! rule it names exists, its statuses agree with its rules, and what `csa law duties`
//! and docs/statutory-checklist.md show is the data.

use std::process::Command;

use csa::knowledge::statutory::{Check, Checklist};
use csa::rules::Registry;

#[test]
fn the_checklist_is_consistent() {
    let list = Checklist::bundled();
    assert_eq!(list.schema, "csa-statutory/1");
    assert_eq!(list.problems(), Vec::<String>::new());
}

#[test]
fn every_rule_the_checklist_names_exists() {
    let list = Checklist::bundled();
    let registry = Registry::bundled();
    for r in &list.requirements {
        for code in &r.rules {
            assert!(
                registry.rules.iter().any(|rule| &rule.code == code),
                "`{}` names {code}, which is not a rule",
                r.id
            );
        }
    }
}

#[test]
fn every_rule_with_a_legal_basis_checks_some_requirement() {
    // A rule citing the law that no requirement lists would be a duty checked but
    // missing from the checklist.
    let list = Checklist::bundled();
    let named: Vec<&str> = list
        .requirements
        .iter()
        .flat_map(|r| r.rules.iter().map(String::as_str))
        .collect();
    let registry = Registry::bundled();
    let missing: Vec<&str> = registry
        .rules
        .iter()
        // CSA603 checks the name of a review, not a duty on the document.
        .filter(|r| r.legal_basis.is_some() && r.code != "CSA603")
        .filter(|r| !named.contains(&r.code.as_str()))
        .map(|r| r.code.as_str())
        .collect();
    assert_eq!(
        missing,
        Vec::<&str>::new(),
        "rules citing the law that the checklist does not list"
    );
}

#[test]
fn the_published_checklist_is_not_stale() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/statutory-checklist.md");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == csa::cli::duties::markdown(&Checklist::bundled()),
        "docs/statutory-checklist.md is stale: run \
         `cargo run -q -- law duties --format markdown > docs/statutory-checklist.md`"
    );
}

#[test]
fn law_duties_prints_each_requirement_and_the_totals() {
    let out = Command::new(env!("CARGO_BIN_EXE_csa"))
        .args(["law", "duties"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let list = Checklist::bundled();
    let t = list.totals();
    assert!(text.contains("engagement-views"), "{text}");
    assert!(text.contains("SI 2007/1830 reg 12"), "{text}");
    assert!(text.contains(&format!(
        "{} requirements, {} of them checkable from a document: {} checked fully",
        t.requirements, t.checkable, t.full
    )));
    assert_eq!(t.full + t.partly + t.none, t.checkable);
    let full = list
        .requirements
        .iter()
        .filter(|r| r.check == Some(Check::Full))
        .count();
    assert_eq!(full, t.full);
}

#[test]
fn law_duties_as_json_carries_status_and_totals() {
    let out = Command::new(env!("CARGO_BIN_EXE_csa"))
        .args(["law", "duties", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "csa-law-duties/1");
    let reqs = v["requirements"].as_array().unwrap();
    let s17 = reqs.iter().find(|r| r["id"] == "s17-due-regard").unwrap();
    assert_eq!(s17["status"], "not checkable from a document");
    assert!(v["totals"]["checkable"].as_u64().unwrap() > 30);
}

#[test]
fn markdown_is_only_for_duties() {
    let out = Command::new(env!("CARGO_BIN_EXE_csa"))
        .args(["law", "areas", "--format", "markdown"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("only") && err.contains("help:"), "{err}");
}
