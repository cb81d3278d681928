//! Documents read together: `@use`, and the rules that span a workspace's county
//! agreement, district plans and shared plan file (tests/fixtures/workspace/).

use std::process::{Command, Output};

fn csa(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_csa"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

/// The concise output's finding lines.
fn findings(args: &[&str]) -> (Option<i32>, Vec<String>) {
    findings_on("2025-06-01", args)
}

/// The concise output's finding lines, with the documents checked on `as_of`.
fn findings_on(as_of: &str, args: &[&str]) -> (Option<i32>, Vec<String>) {
    let mut all = vec!["check", "--output-format", "concise", "--as-of", as_of];
    all.extend_from_slice(args);
    let out = csa(&all);
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let lines = text
        .lines()
        .filter(|l| {
            l.contains(": error[")
                || l.contains(": warning[")
                || l.contains(": info[")
                || l.contains(": hint[")
        })
        .map(str::to_string)
        .collect();
    (out.status.code(), lines)
}

fn one<'a>(lines: &'a [String], file: &str, code: &str) -> Vec<&'a String> {
    lines
        .iter()
        .filter(|l| l.contains(&format!("/{file}:")) && l.contains(&format!("[{code}]")))
        .collect()
}

#[test]
fn clean_workspace_has_no_findings() {
    let (code, lines) = findings(&["tests/fixtures/workspace/clean"]);
    assert_eq!(lines, Vec::<String>::new());
    assert_eq!(code, Some(0));
}

#[test]
fn clean_lancashire_workspace_has_no_findings() {
    // A two-tier county other than Kent: Lancashire's agreement of 2023, three of its
    // twelve district plans, and the Police and Crime Plan 2021 – 2025 in a shared file.
    let (code, lines) = findings_on("2023-06-01", &["tests/fixtures/workspace/lancashire"]);
    assert_eq!(lines, Vec::<String>::new());
    assert_eq!(code, Some(0));
}

#[test]
fn lancashire_workspace_defects_name_lancashire_districts() {
    // The count misses a partnership (so the table, naming no district, no longer
    // accounts for every district's assessment), and no district plan works on Road
    // Safety.
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/workspace/lancashire");
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    for name in [
        "lancashire-csa.csa",
        "preston.csa",
        "burnley.csa",
        "chorley.csa",
        "plans/lancashire-pcc-2021.csa",
    ] {
        let text = std::fs::read_to_string(root.join(name))
            .unwrap()
            .replace("  partnerships: 12", "  partnerships: 11")
            .replace("  county: RS", "  county: ASB");
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let path = dir.path().to_str().unwrap().to_string();
    let (_, lines) = findings_on("2023-06-01", &[&path]);
    assert_eq!(lines.len(), 3, "{lines:#?}");
    let unlisted = one(&lines, "lancashire-csa.csa", "CSA984");
    assert_eq!(unlisted.len(), 1, "{lines:#?}");
    let count = one(&lines, "lancashire-csa.csa", "CSA973");
    assert_eq!(count.len(), 1, "{lines:#?}");
    assert!(
        count[0].contains(
            "lancashire-csa.csa:68:17: warning[CSA973] the table counts 11 partnerships, but on 2023-04-01 Lancashire has 12 community safety partnerships: Burnley, Chorley, Fylde, Hyndburn, Lancaster, Pendle, Preston, Ribble Valley, Rossendale, South Ribble, West Lancashire, Wyre"
        ),
        "{}",
        count[0]
    );
    let roads = one(&lines, "lancashire-csa.csa", "CSA975");
    assert_eq!(roads.len(), 1, "{lines:#?}");
    assert!(
        roads[0].contains(
            "lancashire-csa.csa:58:1: info[CSA975] no district plan here (3 in all) works on the county priority Road Safety (`RS`)"
        ),
        "{}",
        roads[0]
    );
}

#[test]
fn the_shared_plan_file_is_used_by_every_document() {
    // Without the plan file, the objectives the district plans support are unknown.
    let dir = tempfile::tempdir().unwrap();
    let root =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workspace/clean");
    for name in ["kent-csa.csa", "ashford.csa"] {
        std::fs::copy(root.join(name), dir.path().join(name)).unwrap();
    }
    let path = dir.path().to_str().unwrap().to_string();
    let (code, lines) = findings(&[&path]);
    assert_eq!(code, Some(1));
    let unresolved = one(&lines, "kent-csa.csa", "CSA970");
    assert_eq!(unresolved.len(), 1, "{lines:#?}");
    assert!(unresolved[0].contains("`@use: plans/kent-pcc-2025.csa` cannot be used"));
    // Ashford reaches the plan through the county agreement: told at its own @use line.
    let through = one(&lines, "ashford.csa", "CSA970");
    assert_eq!(through.len(), 1, "{lines:#?}");
    assert!(through[0].contains("ashford.csa:18:1:"), "{}", through[0]);
    assert!(
        through[0].contains("it uses `plans/kent-pcc-2025.csa`"),
        "{}",
        through[0]
    );
    assert!(
        !one(&lines, "ashford.csa", "CSA305").is_empty(),
        "supports: names an unknown objective"
    );
}

#[test]
fn assessment_count_disagrees_with_the_district_plans() {
    // Four of Kent's twelve district plans are here: a count lower than the plans
    // that name the issue is wrong whatever the other eight say.
    let (_, lines) = findings(&["tests/fixtures/workspace/defects"]);
    let counts = one(&lines, "kent-csa.csa", "CSA972");
    assert_eq!(counts.len(), 1, "{lines:#?}");
    assert!(
        counts[0].contains(
            "the table counts 1 for `Anti-social behaviour`, but it is named in 3 of the 4 district plans here (Ashford, Canterbury, Swale)"
        ),
        "{counts:#?}"
    );
    let (_, clean) = findings(&["tests/fixtures/workspace/clean"]);
    assert!(one(&clean, "kent-csa.csa", "CSA972").is_empty());
}

#[test]
fn a_district_missing_from_the_count() {
    // Kent had twelve partnerships in 2025; a table that counts eleven misses one.
    let dir = tempfile::tempdir().unwrap();
    let root =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workspace/clean");
    let text = std::fs::read_to_string(root.join("kent-csa.csa"))
        .unwrap()
        .replace("  partnerships: 12", "  partnerships: 11");
    std::fs::write(dir.path().join("kent-csa.csa"), text).unwrap();
    let path = dir
        .path()
        .join("kent-csa.csa")
        .to_str()
        .unwrap()
        .to_string();
    let (_, lines) = findings(&[&path]);
    let found = one(&lines, "kent-csa.csa", "CSA973");
    assert_eq!(found.len(), 1, "{lines:#?}");
    assert!(found[0].contains("the table counts 11 partnerships, but on 2025-04-01 Kent has 12 community safety partnerships: Ashford, "), "{}", found[0]);
}

#[test]
fn counts_are_not_judged_when_some_district_plans_are_missing() {
    // Two of the twelve partnerships' plans: a count of 3 could be right.
    let (_, lines) = findings(&[
        "tests/fixtures/workspace/defects/kent-csa.csa",
        "tests/fixtures/workspace/defects/ashford.csa",
        "tests/fixtures/workspace/defects/swale.csa",
    ]);
    // Domestic abuse is counted 3; two plans here name it: the other ten may well.
    assert!(
        one(&lines, "kent-csa.csa", "CSA972")
            .iter()
            .all(|l| !l.contains("Domestic abuse")),
        "{lines:#?}"
    );
}

#[test]
fn district_plan_regarding_no_county_priority() {
    let (_, lines) = findings(&["tests/fixtures/workspace/defects"]);
    let found = one(&lines, "dover.csa", "CSA974");
    assert_eq!(found.len(), 1, "{lines:#?}");
    assert!(found[0].contains(
        "this plan uses Kent Community Safety Agreement but works on none of its priorities: Domestic Abuse (`DA`), Serious Violence (`SV`), Anti-social Behaviour (`ASB`)"
    ));
    assert!(one(&lines, "ashford.csa", "CSA974").is_empty());
}

#[test]
fn county_priority_no_district_works_on() {
    let (_, lines) = findings(&["tests/fixtures/workspace/defects"]);
    let found = one(&lines, "kent-csa.csa", "CSA975");
    assert_eq!(found.len(), 1, "{lines:#?}");
    assert!(found[0].contains(
        "no district plan here (4 in all) works on the county priority Serious Violence (`SV`)"
    ));
}

#[test]
fn documents_of_one_police_area_record_different_plans() {
    let (_, lines) = findings(&["tests/fixtures/workspace/defects"]);
    let found: Vec<_> = lines.iter().filter(|l| l.contains("[CSA976]")).collect();
    assert_eq!(
        found.len(),
        1,
        "reported once, on the odd one out: {lines:#?}"
    );
    assert!(found[0].contains("canterbury.csa:24:1:"));
    assert!(found[0].contains("this document records Making Kent Safer for Kent, but ashford.csa (and 3 other documents of the area)"));
    assert!(found[0].contains("records Cut Crime, Support Victims, Build Trust"));
}

#[test]
fn unknown_county_priority_suggests_the_id() {
    let (_, lines) = findings(&["tests/fixtures/workspace/defects"]);
    let found = one(&lines, "ashford.csa", "CSA979");
    assert_eq!(found.len(), 1, "{lines:#?}");
    assert!(found[0].contains("`county: ASB2` names no priority or theme of the county agreement"));
    let out = csa(&[
        "check",
        "tests/fixtures/workspace/defects/ashford.csa",
        "--as-of",
        "2025-06-01",
    ]);
    let human = String::from_utf8_lossy(&out.stdout);
    assert!(human.contains("did you mean `ASB`?"), "{human}");
}

#[test]
fn missing_use_is_a_located_error() {
    let (code, lines) = findings(&["tests/fixtures/workspace/defects/canterbury.csa"]);
    assert_eq!(code, Some(1));
    let found = one(&lines, "canterbury.csa", "CSA970");
    assert_eq!(found.len(), 1);
    assert!(
        found[0].contains("canterbury.csa:10:7:"),
        "points at the path: {}",
        found[0]
    );
}

#[test]
fn cyclic_use_is_a_located_error() {
    let (_, lines) = findings(&["tests/fixtures/workspace/cycle"]);
    let a = one(&lines, "a.csa", "CSA971");
    assert_eq!(a.len(), 1, "{lines:#?}");
    assert!(a[0].contains("a.csa:2:1:"));
    assert!(a[0].contains("`@use: b.csa` goes round in a circle: a.csa → b.csa → a.csa"));
}

#[test]
fn a_parts_file_is_not_checked_as_an_agreement() {
    let (code, lines) = findings(&["tests/fixtures/workspace/clean/plans/kent-pcc-2025.csa"]);
    assert_eq!(lines, Vec::<String>::new());
    assert_eq!(code, Some(0));
}

#[test]
fn workspace_findings_can_be_suppressed_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let root =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workspace/defects");
    let text = std::fs::read_to_string(root.join("canterbury.csa")).unwrap().replace(
        "@plan MKS: Making Kent Safer",
        "// csa-ignore CSA976: the partnership agreed to keep the 2022 plan until its refresh in September\n@plan MKS: Making Kent Safer",
    );
    std::fs::write(dir.path().join("canterbury.csa"), text).unwrap();
    std::fs::copy(root.join("swale.csa"), dir.path().join("swale.csa")).unwrap();
    std::fs::copy(root.join("kent-csa.csa"), dir.path().join("kent-csa.csa")).unwrap();
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    std::fs::copy(
        root.join("plans/kent-pcc-2025.csa"),
        dir.path().join("plans/kent-pcc-2025.csa"),
    )
    .unwrap();
    let path = dir.path().to_str().unwrap().to_string();
    let (_, lines) = findings(&[&path]);
    assert!(lines.iter().all(|l| !l.contains("[CSA976]")), "{lines:#?}");
    assert!(
        lines.iter().all(|l| !l.contains("[CSA020]")),
        "the suppression is used: {lines:#?}"
    );
}

#[test]
fn a_plan_csa_knows_can_be_used_by_title_or_id() {
    let dir = tempfile::tempdir().unwrap();
    let doc = |use_line: &str| {
        format!(
            "@agreement: Ashford Community Safety Partnership Plan\n  kind: district-plan\n  area: Ashford\n  effective: 2025-06-01\n\n@use: {use_line}\n\n@priority DA: Domestic abuse\n  lead: Community Safety Manager, Ashford Borough Council\n  supports: CCSVBT-1\n"
        )
    };
    for (name, use_line) in [
        ("by-title.csa", "Cut Crime, Support Victims, Build Trust"),
        ("by-id.csa", "kent-2025"),
    ] {
        std::fs::write(dir.path().join(name), doc(use_line)).unwrap();
        let path = dir.path().join(name).to_str().unwrap().to_string();
        let (_, lines) = findings(&[&path]);
        assert!(one(&lines, name, "CSA970").is_empty(), "{lines:#?}");
        assert!(
            one(&lines, name, "CSA301").is_empty(),
            "the plan is recorded: {lines:#?}"
        );
        assert!(
            one(&lines, name, "CSA305").is_empty(),
            "CCSVBT-1 is its objective: {lines:#?}"
        );
        assert!(
            one(&lines, name, "CSA303").is_empty(),
            "it is the plan in force: {lines:#?}"
        );
    }
    std::fs::write(
        dir.path().join("misspelt.csa"),
        doc("Cut Crime, Support Victims, Build Trus"),
    )
    .unwrap();
    let path = dir
        .path()
        .join("misspelt.csa")
        .to_str()
        .unwrap()
        .to_string();
    let out = csa(&["check", &path, "--as-of", "2025-06-01"]);
    let human = String::from_utf8_lossy(&out.stdout);
    assert!(
        human.contains("csa knows no Police and Crime Plan by that id or title"),
        "{human}"
    );
    assert!(
        human.contains("did you mean `Cut Crime, Support Victims, Build Trust`?"),
        "{human}"
    );
}
