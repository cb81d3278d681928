//! The `csa` command as users run it: output, errors and exit codes.

use std::process::{Command, Output};

fn csa(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_csa"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

#[test]
fn parse_prints_the_documented_json_shape() {
    let out = csa(&["parse", "examples/minimal.csa"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["schema"], "csa-ast/1");
    assert_eq!(json["path"], "examples/minimal.csa");
    assert_eq!(
        json["document"]["agreement"]["effective"]["value"],
        "2025-04-01"
    );
    let start = &json["document"]["agreement"]["effective"]["span"]["start"];
    assert_eq!(
        (
            start["line"].as_u64(),
            start["column"].as_u64(),
            start["column_utf16"].as_u64()
        ),
        (Some(5), Some(13), Some(13))
    );
    assert_eq!(json["diagnostics"], serde_json::json!([]));
}

#[test]
fn parse_of_a_folder_prints_an_array_of_every_document() {
    let out = csa(&["parse", "examples"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "examples/kent-2014-17.csa",
            "examples/kent-2018.csa",
            "examples/kent-2022.csa",
            "examples/minimal.csa"
        ]
    );
}

#[test]
fn syntax_diagnostics_are_output_not_failures() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo.csa");
    std::fs::write(&path, "@prority DA: x\n").unwrap();
    let out = csa(&["parse", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["diagnostics"][0]["code"], "CSA002");
}

#[test]
fn a_missing_file_exits_2_with_a_hint() {
    let out = csa(&["parse", "examples/nope.csa"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("cannot read `examples/nope.csa`: no such file or folder"),
        "{err}"
    );
    assert!(err.contains("help:"), "{err}");
}

#[test]
fn non_utf8_input_exits_2_with_the_location_of_the_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.csa");
    std::fs::write(&path, b"@agreement: A\n  area: Kent \xa3 Medway\n").unwrap();
    let out = csa(&["parse", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("is not UTF-8 text (the first bad byte is at line 2, column 14)"),
        "{err}"
    );
    assert!(err.contains("save the file as UTF-8"), "{err}");
}

#[test]
fn one_bad_file_does_not_stop_the_others() {
    let out = csa(&["parse", "examples/minimal.csa", "examples/nope.csa"]);
    assert_eq!(out.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1);
}

#[test]
fn bad_arguments_exit_2() {
    assert_eq!(csa(&["parse"]).status.code(), Some(2));
    assert_eq!(csa(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(csa(&["--help"]).status.code(), Some(0));
    // Editors' clients pass --stdio; it is accepted (the server then waits for input).
    let help = csa(&["lsp", "--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("--stdio"));
}

#[cfg(unix)]
#[test]
fn a_link_loop_in_a_folder_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("district");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("plan.csa"), "@theme T: x\n").unwrap();
    std::os::unix::fs::symlink(dir.path(), sub.join("loop")).unwrap();
    let out = csa(&["parse", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1);
}

#[test]
fn law_lists_every_authority_with_its_police_area_and_a_plan_for_every_police_area() {
    let out = csa(&["law", "areas", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["schema"], "csa-law-areas/1");
    let authorities = json["authorities"].as_array().unwrap();
    assert!(authorities.len() >= 300, "{}", authorities.len());
    assert!(authorities
        .iter()
        .all(|a| a["police_area_name"].is_string()));
    let police: Vec<&str> = json["police_areas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();

    let out = csa(&["law", "plans", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let plans = json["plans"].as_array().unwrap();
    for id in &police {
        assert!(
            plans.iter().any(|p| p["police_area"] == *id),
            "no plan for {id}"
        );
    }
}

#[test]
fn law_answers_for_one_area_and_explains_an_unknown_one() {
    let out = csa(&["law", "plans", "--area", "Ashford"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("Kent\n"), "{text}");
    assert!(text.contains("Making Kent Safer"));

    let out = csa(&[
        "law",
        "bodies",
        "--area",
        "Medway",
        "--on",
        "2024-04-01",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let responsible = json["responsible_authorities"].as_array().unwrap();
    assert!(responsible
        .iter()
        .any(|r| r["kind"] == "unitary-council" && r["name"] == "Medway Council"));

    let out = csa(&["law", "areas", "Ashfrod"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("did you mean `Ashford`?"));
    let out = csa(&["law", "bodies", "--on", "soon"]);
    assert_eq!(out.status.code(), Some(2));
}

/// A folder `root/district/plans/` holding kent-2022 as `plan.csa`, with `csa.toml`
/// (holding `config`) two levels up, in `root`.
fn nested_plan(config: &str) -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    let plans = root.path().join("district/plans");
    std::fs::create_dir_all(&plans).unwrap();
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/kent-2022.csa");
    std::fs::copy(example, plans.join("plan.csa")).unwrap();
    std::fs::write(root.path().join("csa.toml"), config).unwrap();
    root
}

fn run_in(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_csa"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn check_and_report_from_a_subfolder_read_the_csa_toml_two_levels_up() {
    let root = nested_plan("ignore = [\"CSA304\"]\nas-of = \"2023-01-01\"\n");
    let here = root.path().join("district/plans");
    let check = run_in(&here, &["check", "plan.csa", "--output-format", "concise"]);
    let text = String::from_utf8_lossy(&check.stdout);
    assert!(text.contains("[CSA"), "the check ran: {text}");
    assert!(
        !text.contains("CSA304"),
        "csa.toml's ignore applies: {text}"
    );
    let report = run_in(&here, &["report", "plan.csa", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    let document = &json["documents"][0];
    assert_eq!(document["as_of"], "2023-01-01", "csa.toml's as-of applies");
    let codes: Vec<&str> = document["findings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|group| group["findings"].as_array().unwrap())
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert!(!codes.is_empty() && !codes.contains(&"CSA304"), "{codes:?}");
}

#[test]
fn publish_from_a_subfolder_reads_the_csa_toml_two_levels_up() {
    let root = nested_plan("rule-packs = [\"missing-pack.toml\"]\n");
    let here = root.path().join("district/plans");
    let out = run_in(&here, &["publish", "plan.csa", "-o", "plan.html"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("missing-pack.toml"),
        "{}",
        stderr(&out)
    );
    std::fs::write(root.path().join("csa.toml"), "").unwrap();
    let out = run_in(&here, &["publish", "plan.csa", "-o", "plan.html"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(here.join("plan.html").is_file());
}

/// docs/output.md: JSON positions count from 0, every other format's from 1.
#[test]
fn json_positions_count_from_0_and_concise_from_1() {
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/kent-2022.csa");
    let args = |format| {
        [
            "check",
            example,
            "--as-of",
            "2023-01-01",
            "--output-format",
            format,
        ]
    };
    let json: serde_json::Value = serde_json::from_slice(&csa(&args("json")).stdout).unwrap();
    let first = &json["files"][0]["diagnostics"][0];
    let concise = String::from_utf8(csa(&args("concise")).stdout).unwrap();
    let line = concise.lines().next().unwrap();
    let at: Vec<u64> = line
        .trim_start_matches(example)
        .split(':')
        .skip(1)
        .take(2)
        .map(|n| n.parse().unwrap())
        .collect();
    assert_eq!(
        at,
        [
            first["span"]["start"]["line"].as_u64().unwrap() + 1,
            first["span"]["start"]["column"].as_u64().unwrap() + 1
        ],
        "{line}"
    );
}
