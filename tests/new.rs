//! `csa new`: a skeleton for each kind of document and ten areas across England that
//! passes `csa check` with no errors and is laid out as `csa fmt` would; and clear
//! errors, with a suggestion, for what csa does not know.

use std::path::Path;
use std::process::{Command, Output};

fn csa(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_csa"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

const AREAS: [(&str, [&str; 10]); 3] = [
    (
        "county-agreement",
        [
            "Kent",
            "Essex",
            "Lancashire",
            "Devon",
            "Norfolk",
            "Hampshire",
            "Surrey",
            "Derbyshire",
            "Oxfordshire",
            "Lincolnshire",
        ],
    ),
    (
        "district-plan",
        [
            "Maidstone",
            "Chelmsford",
            "Preston",
            "Exeter",
            "Norwich",
            "Winchester",
            "Guildford",
            "Chesterfield",
            "Oxford",
            "Lincoln",
        ],
    ),
    (
        "unitary-plan",
        [
            "Medway",
            "Bristol",
            "Leeds",
            "Camden",
            "Cornwall",
            "Plymouth",
            "Milton Keynes",
            "Birmingham",
            "Northumberland",
            "North Yorkshire",
        ],
    ),
];

#[test]
fn every_kind_for_ten_areas_passes_check_with_no_errors() {
    let dir = tempfile::tempdir().unwrap();
    for (kind, areas) in AREAS {
        for area in areas {
            let file = format!("{}-{kind}.csa", area.replace(' ', "-"));
            let out = csa(
                dir.path(),
                &[
                    "new",
                    kind,
                    "--area",
                    area,
                    "--effective",
                    "2025-04-01",
                    "-o",
                    &file,
                ],
            );
            assert_eq!(
                out.status.code(),
                Some(0),
                "{kind} {area}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let text = std::fs::read_to_string(dir.path().join(&file)).unwrap();
            assert!(text.contains(&format!("  kind: {kind}\n")));
            assert!(
                text.contains("@plan "),
                "{kind} {area}: no Police and Crime Plan"
            );
            let out = csa(
                dir.path(),
                &[
                    "check",
                    &file,
                    "--as-of",
                    "2025-06-01",
                    "--output-format",
                    "json",
                ],
            );
            let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            let errors: Vec<String> = json["files"][0]["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["severity"] == "error")
                .map(|d| d["message"].to_string())
                .collect();
            assert!(errors.is_empty(), "{kind} {area}: {errors:?}");
            assert_eq!(out.status.code(), Some(0), "{kind} {area}");
            assert_eq!(
                csa::format::format(&text).unwrap(),
                text,
                "{kind} {area}: not laid out as csa fmt would"
            );
        }
    }
}

fn refused(args: &[&str]) -> String {
    let out = csa(Path::new(env!("CARGO_MANIFEST_DIR")), args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty());
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn what_csa_does_not_know_is_a_clear_error() {
    let err = refused(&[
        "new",
        "district-plan",
        "--area",
        "Maidstne",
        "--effective",
        "2025-04-01",
    ]);
    assert!(
        err.contains("csa does not know the area `Maidstne`"),
        "{err}"
    );
    assert!(err.contains("did you mean `Maidstone`?"), "{err}");
    let err = refused(&[
        "new",
        "district-plan",
        "--area",
        "Maidstone",
        "--effective",
        "2001-04-01",
    ]);
    assert!(err.contains("csa has no law for 2001-04-01"), "{err}");
    let err = refused(&["new", "county-plan", "--area", "Kent"]);
    assert!(err.contains("did you mean `county-agreement`?"), "{err}");
    let err = refused(&["new", "unitary-plan", "--area", "Kent"]);
    assert!(
        err.contains("run `csa new county-agreement --area \"Kent\"`"),
        "{err}"
    );
    let err = refused(&[
        "new",
        "unitary-plan",
        "--area",
        "Medway",
        "--effective",
        "1 April 2025",
    ]);
    assert!(err.contains("is not a date"), "{err}");
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.csa"), "mine\n").unwrap();
    let out = csa(
        dir.path(),
        &["new", "unitary-plan", "--area", "Medway", "-o", "plan.csa"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.csa")).unwrap(),
        "mine\n"
    );
}
