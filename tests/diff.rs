//! `csa diff OLD NEW` as users run it: the Kent 2018 and 2022 agreements compared,
//! renames recognised, the JSON shape, the draft version row, and bad input.

use std::process::{Command, Output};

fn csa(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_csa"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

const KENT: [&str; 3] = ["diff", "examples/kent-2018.csa", "examples/kent-2022.csa"];

#[test]
fn kent_2018_to_2022() {
    let out = csa(&KENT);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    // The changes the 2022 agreement's own history and chapter 6 describe.
    for expected in [
        "  + VAWG: Violence Against Women and Girls (VAWG) [Ch.6]",
        "  ~ SOC: Serious and Organised Crime → SVOC: Serious Violence and Organised Crime [Ch.6]",
        "  ~ ASB: Anti-Social Behaviour → NCASB: Preventing Neighbourhood Crime & ASB (Anti-Social Behaviour) [Ch.6]",
        "  + RRSCE: Response and Recovery from Significant Community Events [Ch.6]",
        "  + MKS: Making Kent Safer (13 objectives) [Appendix D]",
        "  - SIK: Safer in Kent: The Community Safety and Criminal Justice Plan 2017-2021 (12 objectives) [Appendix D]",
        "    priority: ‘(no priority)’ → ‘DA Domestic Abuse’",
        "  - Ch.6 - changes made to priorities and cross-cutting themes;",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    insta::assert_snapshot!("diff_kent_2018_2022", text);
}

#[test]
fn renames_are_not_shown_as_removed_and_added() {
    let out = csa(&[KENT[0], KENT[1], KENT[2], "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let priorities = json["priorities"].as_array().unwrap();
    let kinds = |id: &str| -> Vec<&str> {
        priorities
            .iter()
            .filter(|p| p["old_id"] == id || p["new_id"] == id)
            .map(|p| p["change"].as_str().unwrap())
            .collect()
    };
    assert_eq!(kinds("SOC"), ["renamed"]);
    assert_eq!(kinds("SVOC"), ["renamed"]);
    assert_eq!(kinds("ASB"), ["renamed"]);
    assert_eq!(kinds("VAWG"), ["added"]);
    assert!(priorities.iter().all(|p| p["change"] != "removed"));
}

#[test]
fn json_shape_is_versioned_and_documented() {
    let out = csa(&[KENT[0], KENT[1], KENT[2], "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["schema"], "csa-diff/1");
    assert_eq!(json["old"]["path"], "examples/kent-2018.csa");
    assert_eq!(json["new"]["version"], "6.0");
    assert_eq!(json["new"]["effective"], "2022-04-01");
    for key in [
        "header",
        "priorities",
        "themes",
        "leads",
        "authorities",
        "bodies",
        "plans",
        "action_plans",
        "chapters",
    ] {
        assert!(json[key].is_array(), "{key} is not a list");
    }
    let plan = json["plans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["new_id"] == "MKS")
        .unwrap();
    assert_eq!(plan["change"], "added");
    assert_eq!(plan["items"].as_array().unwrap().len(), 13);
    let ch6 = json["chapters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["label"] == "Ch.6")
        .unwrap();
    assert_eq!(ch6["title"], "County Priorities");
    assert_eq!(
        ch6["parts"],
        serde_json::json!(["priorities", "cross-cutting themes"])
    );
    assert!(ch6["paragraphs_added"].as_u64().unwrap() > 0);
    assert!(json["version_row"]
        .as_str()
        .unwrap()
        .starts_with("@version 6.0: Refreshed Kent Community Safety Agreement\n  date: 2022-04\n"));
}

#[test]
fn markdown_lists_the_changes_and_the_row() {
    let out = csa(&[KENT[0], KENT[1], KENT[2], "--format", "md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(
        md.starts_with("# Changes from examples/kent-2018.csa"),
        "{md}"
    );
    assert!(md.contains("\n## Priorities\n\n- **added** VAWG: Violence Against Women and Girls (VAWG) \\[Ch.6\\]\n"), "{md}");
    assert!(
        md.contains("\n## Draft version row\n\n```\n@version 6.0:"),
        "{md}"
    );
}

#[test]
fn the_version_row_alone_is_valid_csa() {
    let out = csa(&[KENT[0], KENT[1], KENT[2], "--version-row"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let row = stdout(&out);
    assert!(row.starts_with("@version 6.0: "), "{row}");
    assert!(
        row.contains("  - Effective date changed to April 2022\n"),
        "{row}"
    );
    let parsed = csa::ast::parse(&row);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    assert_eq!(parsed.document.versions.len(), 1);
    assert!(parsed.document.versions[0].changes.len() > 5);
}

#[test]
fn a_document_compared_with_itself_has_no_changes() {
    let out = csa(&["diff", "examples/kent-2022.csa", "examples/kent-2022.csa"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).ends_with("\nNo changes.\n"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_file_that_cannot_be_read_exits_2_with_a_hint() {
    let out = csa(&["diff", "examples/kent-2018.csa", "examples/nowhere.csa"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("cannot read `examples/nowhere.csa`: no such file or folder"),
        "{err}"
    );
    assert!(err.contains("help: check the path"), "{err}");
    assert!(stdout(&out).is_empty());
}

#[test]
fn syntax_errors_exit_2_located() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csa");
    std::fs::write(
        &bad,
        "@agreement: Anytown\n  version: 1.0\n\n@priority DA Domestic Abuse\n",
    )
    .unwrap();
    let out = csa(&["diff", "examples/minimal.csa", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("CSA001"), "{err}");
    assert!(err.contains("bad.csa:4:"), "{err}");
    assert!(
        err.contains("has a syntax error that must be put right before it can be compared"),
        "{err}"
    );
    assert!(stdout(&out).is_empty());
}

#[test]
fn check_previous_reports_chapters_the_row_leaves_out() {
    let out = csa(&[
        "check",
        "tests/fixtures/rules/CSA703.fires.csa",
        "--previous",
        "tests/fixtures/rules/CSA703.previous.csa",
        "--select",
        "CSA703",
        "--output-format",
        "concise",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("warning[CSA703] the newest `@version` row (2.0) does not mention Ch.2"),
        "{text}"
    );
    assert_eq!(text.matches("warning[CSA703]").count(), 2, "{text}");
    // Without a previous version the rule has nothing to compare with.
    let out = csa(&[
        "check",
        "tests/fixtures/rules/CSA703.fires.csa",
        "--select",
        "CSA703",
        "--output-format",
        "concise",
    ]);
    assert!(!stdout(&out).contains("CSA703"));
}

#[test]
fn a_refresh_on_the_same_effective_date_is_told_apart_by_its_version_number() {
    // Version 2.0 reissued with 1.0's effective date: the higher number is the later
    // document, so its row is checked; compared the other way round, it is not.
    let dir = tempfile::tempdir().unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let fixture = |name: &str| {
        std::fs::read_to_string(format!("{root}/tests/fixtures/rules/{name}")).unwrap()
    };
    let old = fixture("CSA703.previous.csa");
    let new = fixture("CSA703.fires.csa").replace("effective: 2024-04-01", "effective: 2023-04-01");
    assert!(old.contains("effective: 2023-04-01"));
    std::fs::write(dir.path().join("1.0.csa"), old).unwrap();
    std::fs::write(dir.path().join("2.0.csa"), new).unwrap();
    let check = |file: &str, previous: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_csa"))
            .args(["check", file, "--previous", previous])
            .args(["--select", "CSA703", "--output-format", "concise"])
            .current_dir(dir.path())
            .output()
            .unwrap();
        stdout(&out)
    };
    let text = check("2.0.csa", "1.0.csa");
    assert_eq!(text.matches("warning[CSA703]").count(), 2, "{text}");
    let text = check("1.0.csa", "2.0.csa");
    assert!(!text.contains("CSA703"), "{text}");
}

#[test]
fn previous_in_csa_toml_is_relative_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    std::fs::create_dir(dir.path().join("archive")).unwrap();
    std::fs::copy(
        format!("{root}/tests/fixtures/rules/CSA703.previous.csa"),
        dir.path().join("archive/old.csa"),
    )
    .unwrap();
    std::fs::copy(
        format!("{root}/tests/fixtures/rules/CSA703.fires.csa"),
        dir.path().join("plan.csa"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("csa.toml"),
        "previous = \"archive/old.csa\"\nselect = [\"CSA703\"]\n",
    )
    .unwrap();
    // The folder holds the previous version too: it is not compared with itself.
    let out = Command::new(env!("CARGO_BIN_EXE_csa"))
        .args(["check", ".", "--output-format", "concise"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let text = stdout(&out);
    assert_eq!(
        text.matches("warning[CSA703]").count(),
        2,
        "{text}{}",
        stderr(&out)
    );
    assert!(
        text.lines()
            .all(|l| !l.starts_with("./archive") && !l.starts_with("archive")),
        "{text}"
    );
    std::fs::write(
        dir.path().join("csa.toml"),
        "previous = \"archive/missing.csa\"\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_csa"))
        .args(["check", "plan.csa"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("`previous = \"archive/missing.csa\"` could not be read"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn kirklees_2022_to_2023() {
    // A metropolitan borough's plan (West Yorkshire, a mayoral police area): the
    // refresh's own version row says what changed, and the diff finds each change.
    let out = csa(&[
        "diff",
        "tests/fixtures/diff/kirklees-2022.csa",
        "tests/fixtures/diff/kirklees-2023.csa",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for expected in [
        "  ~ SOC: Serious and Organised Crime → SVOC: Serious Violence and Organised Crime [Priorities]",
        "  + VAWG: Violence Against Women and Girls [Priorities]",
        "  ~ health: ‘NHS Kirklees Clinical Commissioning Group’ → ‘NHS West Yorkshire Integrated Care Board’ [Front matter]",
        "  - Head of Communities, Kirklees Council (leads ASB Anti-Social Behaviour) [Priorities]",
        "@version 2.0: Refreshed Kirklees Community Safety Plan",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    // Nothing that stayed the same is reported as changed.
    for unchanged in ["DA: Domestic Abuse", "RO:", "PCP-"] {
        assert!(
            !text.contains(unchanged),
            "{unchanged:?} reported in\n{text}"
        );
    }
    insta::assert_snapshot!("diff_kirklees_2022_2023", text);
}
