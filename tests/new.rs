//! `csa new`: a skeleton for each kind of document and ten areas across England,
//! laid out as `csa fmt` would, whose only errors are its prompts and the statutory
//! areas it leaves for the author to claim, and which has none once they are
//! written; and clear errors, with a suggestion, for what csa does not know.

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

/// The errors `csa check` gives `file` on 1 June 2025, as (code, message).
fn errors(dir: &Path, file: &str) -> Vec<(String, String)> {
    let out = csa(
        dir,
        &[
            "check",
            file,
            "--as-of",
            "2025-06-01",
            "--output-format",
            "json",
        ],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["message"].to_string(),
            )
        })
        .collect()
}

/// The skeleton as an author finishes it: every prompt replaced or deleted, the
/// commented `addresses:` and `supports:` taken up in full.
fn filled_in(skeleton: &str) -> String {
    let mut out = String::new();
    for line in skeleton.split_inclusive('\n') {
        let trimmed = line.trim();
        let replaced = if trimmed == "@priority P1: [Write the title of your first priority]" {
            "@priority P1: Safer Streets\n".to_string()
        } else if trimmed == "includes: [Write what the priority covers]" {
            "  includes: anti-social behaviour, drug dealing, violence and reoffending\n"
                .to_string()
        } else if let Some(list) =
            trimmed.strip_prefix("// addresses: the statutory areas it covers, from: ")
        {
            format!("  addresses: {list}\n")
        } else if let Some(list) = trimmed
            .strip_prefix("// supports: the Police and Crime Plan objectives it supports, from: ")
        {
            format!("  supports: {list}\n")
        } else if trimmed == "lead P1: [Write the lead's role and organisation]" {
            "  lead P1: Head of Community Safety, the Council\n".to_string()
        } else if let Some(kind) = trimmed
            .strip_prefix("@authority ")
            .filter(|t| t.contains(": [Write the full name of the "))
        {
            // The skeleton knows no name here: the author writes the real one.
            let id = kind.split(':').next().unwrap();
            format!("@authority {id}: Anytown {id} body\n")
        } else if let Some((field, _)) = trimmed
            .split_once(": [")
            .filter(|(f, v)| v.ends_with(']') && !f.contains(' '))
        {
            // A header or priority field the author fills in.
            let filled = match field {
                "approved" => "Full Council, 2025-03-20",
                "consultation" => {
                    "2024-11 residents' survey; 2025-01 schools and the youth offending team"
                }
                "scrutiny" => "Overview and Scrutiny Committee",
                "serious-violence-strategy" => "Serious Violence Strategy, January 2024",
                "measure" => "anti-social behaviour incidents reported to the police",
                "resources" => "the community safety team and a partnership fund",
                "member" => {
                    "Chairs of the district Community Safety Partnerships; the Cabinet Member for Community Safety; the police, the fire and rescue service and the NHS"
                }
                "joint-working" => "the district partnerships and the police share one county tasking group",
                other => panic!("a prompt for `{other}` this test does not know: {line}"),
            };
            let indent = &line[..line.len() - line.trim_start().len()];
            format!("{indent}{field}: {filled}\n")
        } else if trimmed.starts_with('[') && trimmed.ends_with(']') {
            String::new()
        } else {
            line.to_string()
        };
        out.push_str(&replaced);
    }
    out
}

#[test]
fn every_kind_for_ten_areas_is_unfinished_until_its_prompts_are_replaced() {
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
            assert_eq!(
                csa::format::format(&text).unwrap(),
                text,
                "{kind} {area}: not laid out as csa fmt would"
            );

            // Untouched, the skeleton is not finished: its prompts are errors, and it
            // claims no statutory area, so those read as not addressed.
            let found = errors(dir.path(), &file);
            let prompts = found.iter().filter(|(code, _)| code == "CSA015").count();
            assert!(prompts >= 9, "{kind} {area}: {found:?}");
            assert!(
                found
                    .iter()
                    .all(|(code, _)| code == "CSA015" || code == "CSA101"),
                "{kind} {area}: {found:?}"
            );
            let report = csa(
                dir.path(),
                &["report", &file, "--as-of", "2025-06-01", "--format", "json"],
            );
            let report: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
            assert_ne!(report["verdict"], "ready", "{kind} {area}: {report}");

            // Finished by its author, it has no error left.
            let finished = filled_in(&text);
            let done = format!("done-{file}");
            std::fs::write(dir.path().join(&done), &finished).unwrap();
            let found = errors(dir.path(), &done);
            assert!(found.is_empty(), "{kind} {area}: {found:?}\n{finished}");
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
