//! `csa check` on the Kent agreements: the findings the partnership would want
//! before committee, in every output format, with exit codes CI can trust.

use std::path::Path;
use std::process::{Command, Output};

use csa::ast::{self, Date};
use csa::diagnostics::{Diagnostic, Severity};
use csa::rules::{self, Options, Registry};

fn example(name: &str) -> String {
    std::fs::read_to_string(format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Every finding for `text`, checked as of `as_of`.
fn check(text: &str, as_of: &str) -> Vec<Diagnostic> {
    let parsed = ast::parse(text);
    let mut all = parsed.diagnostics;
    let options = Options {
        as_of: Date::parse(as_of),
        ..Options::default()
    };
    all.extend(rules::check(
        &parsed.document,
        &Registry::bundled(),
        &options,
    ));
    all
}

fn with_code<'a>(all: &'a [Diagnostic], code: &str) -> Vec<&'a Diagnostic> {
    all.iter().filter(|d| d.code == code).collect()
}

fn csa(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_csa"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn kent_2022_has_no_errors_and_its_warnings_are_its_unregarded_objectives_and_joint_working() {
    let all = check(&example("kent-2022.csa"), "2022-06-01");
    assert!(all.iter().all(|d| d.severity < Severity::Error), "{all:#?}");
    let warnings: Vec<&Diagnostic> = all
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect();
    let ids: Vec<String> = warnings
        .iter()
        .map(|d| format!("{} {}", d.code, d.message.split('`').nth(1).unwrap_or("")))
        .collect();
    assert_eq!(
        ids,
        [
            // Reg 9 asks how each priority is worked on jointly; the agreement says it
            // for its jointly led priorities and road safety (led by a partnership),
            // and leaves the rest to its separate action plan.
            "CSA985 VAWG",
            "CSA985 SVP",
            "CSA985 NCASB",
            "CSA985 PEH",
            "CSA985 SM",
            "CSA304 MKS-P5",
            "CSA304 MKS-P7",
            "CSA304 MKS-C1",
            "CSA304 MKS-C2",
            "CSA304 MKS-C3",
            // MKS-C4 (funding of policing) is the force's own business in the plan
            // data (scope "policing"): the partnership is not asked to regard it.
            "CSA304 MKS-C5",
            "CSA304 MKS-C6"
        ]
    );
}

#[test]
fn kent_2022_is_overdue_for_review_today() {
    let all = check(&example("kent-2022.csa"), "2026-11-23");
    let overdue = with_code(&all, "CSA951");
    assert_eq!(overdue.len(), 1);
    assert_eq!(
        overdue[0].message,
        "this document took effect on 2022-04-01 and was due for review by 2023-04-01 (its review cycle is annual); on 2026-11-23 it is 55 months old"
    );
}

#[test]
fn kent_2022_moved_to_august_2022_names_a_ccg_that_no_longer_exists() {
    let text =
        example("kent-2022.csa").replacen("effective: 2022-04-01", "effective: 2022-08-01", 1);
    let all = check(&text, "2022-09-01");
    let stale = with_code(&all, "CSA502");
    assert_eq!(stale.len(), 1, "{all:#?}");
    let d = stale[0];
    assert_eq!(
        d.message,
        "`NHS Kent and Medway Clinical Commissioning Group (CCG)` uses the name NHS Kent and Medway Clinical Commissioning Group, which applied only until 2022-06-30 (csa holds this from a secondary source)"
    );
    let fix = d.fix.as_ref().unwrap();
    // The successor's name comes from the successors data, never from word-swapping.
    assert_eq!(
        fix.edits[0].replacement,
        "NHS Kent and Medway Integrated Care Board"
    );
    assert_eq!(
        &text[fix.edits[0].span.range()],
        "NHS Kent and Medway Clinical Commissioning Group (CCG)"
    );
    assert!(d
        .help
        .as_ref()
        .unwrap()
        .contains("the body that carries its functions on 2022-08-01"));
}

#[test]
fn kent_2022_without_its_substance_misuse_priority_misses_a_statutory_area() {
    let text = example("kent-2022.csa");
    let start = text.find("@priority SM:").unwrap();
    let end = start + text[start..].find("\n\n").unwrap();
    let text = format!("{}{}", &text[..start], &text[end + 2..]);
    // Serious Violence and Organised Crime still mentions drug dealing: a weaker finding.
    let all = check(&text, "2022-06-01");
    assert!(with_code(&all, "CSA101").is_empty(), "{all:#?}");
    let mentioned = with_code(&all, "CSA111");
    assert_eq!(mentioned.len(), 1, "{all:#?}");
    assert!(mentioned[0]
        .message
        .contains("mentioned only as part of the priority `SVOC`"));
    // Without that mention, nothing addresses the area: the error.
    let text = text.replace(
        ", County Lines and Drug Dealing (which also links to the Substance Misuse priority)",
        "",
    );
    let all = check(&text, "2022-06-01");
    let uncovered = with_code(&all, "CSA101");
    assert_eq!(uncovered.len(), 1, "{all:#?}");
    let d = uncovered[0];
    assert_eq!(d.severity, Severity::Error);
    assert!(
        d.message
            .contains("combating the misuse of drugs, alcohol and other substances"),
        "{}",
        d.message
    );
    let basis = d.legal_basis.as_ref().unwrap();
    assert!(
        basis.starts_with("Crime and Disorder Act 1998 s6(1)(b)"),
        "{basis}"
    );
    assert!(basis.contains("in force from 2007-08-01"), "{basis}");
}

#[test]
fn kent_2018_leads_belong_to_no_priority_and_no_priority_has_a_lead() {
    let all = check(&example("kent-2018.csa"), "2018-06-01");
    let orphan_leads = with_code(&all, "CSA202");
    assert_eq!(orphan_leads.len(), 8);
    assert_eq!(
        orphan_leads[0].message,
        "the lead `Chair, Domestic Abuse and Sexual Violence Executive Group` belongs to no priority"
    );
    let unled = with_code(&all, "CSA201");
    let ids: Vec<&str> = unled
        .iter()
        .map(|d| d.message.split('`').nth(1).unwrap())
        .collect();
    assert_eq!(ids, ["DA", "SM", "SVP", "SOC", "ASB", "RS", "PEH"]);
}

#[test]
fn kent_2014_17_reports_its_broken_action_numbers() {
    let text = example("kent-2014-17.csa");
    let all = check(&text, "2015-02-04");
    let broken = with_code(&all, "CSA801");
    assert_eq!(broken.len(), 2, "{all:#?}");
    assert_eq!(
        broken[0].message,
        "the aim number `Page 3 Page 41` in the action plan for `SM` is not a number such as 3.3"
    );
    let edit = &broken[0].fix.as_ref().unwrap().edits[0];
    assert_eq!(&text[edit.span.range()], "\"Page 3 Page 41\"");
    assert_eq!(edit.replacement, "3.3");
    assert!(broken[1].message.contains("`Page 43 5.3`") && broken[1].message.ends_with("5.3"));
}

#[test]
fn suppressions_hide_findings_and_stale_ones_are_reported() {
    let text = "@agreement: A\n  kind: county-agreement\n  area: Anytown\n  version: 1\n  effective: 2024-04-01\n@plan P: Plan\n  period: 2024-04-01 to 2025-03-31\n// csa-ignore priority-without-lead: led by the Safer Roads partnership, agreed 2024\n@priority RS: Road Safety\n  addresses: crime-and-disorder, substance-misuse, reoffending, serious-violence\n// csa-ignore CSA201: stale\n@priority DA: Domestic Abuse\n  lead: Chief Superintendent, Kent Police\n";
    let all = check(text, "2024-06-01");
    assert!(with_code(&all, "CSA201").is_empty(), "{all:#?}");
    let unused = with_code(&all, "CSA020");
    assert_eq!(unused.len(), 1);
    assert_eq!(unused[0].span.start.line, 10);
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

const CLEAN: &str = "@agreement: Medway CSA\n  kind: unitary-plan\n  area: Medway\n  version: 1.0\n  effective: 2024-04-01\n  review: annual\n";

#[test]
fn exit_codes_are_0_clean_1_findings_2_errors() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "clean.csa", CLEAN);
    write(
        dir.path(),
        "broken.csa",
        &CLEAN.replace("  area: Medway\n", ""),
    );
    let as_of = ["--as-of", "2024-06-01", "--output-format", "concise"];

    let clean = csa(&[&["check", "clean.csa"], &as_of[..]].concat(), dir.path());
    let stdout = String::from_utf8_lossy(&clean.stdout);
    // A unitary plan with no Police and Crime Plan still fails: it must have one.
    assert_eq!(clean.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("error[CSA301]"), "{stdout}");

    let broken = csa(
        &[
            &[
                "check",
                "broken.csa",
                "--ignore",
                "pcc,coverage,authorities",
            ],
            &as_of[..],
        ]
        .concat(),
        dir.path(),
    );
    let stdout = String::from_utf8_lossy(&broken.stdout);
    assert_eq!(broken.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("broken.csa:1:1: error[CSA010] the `@agreement` block has no `area:`"),
        "{stdout}"
    );

    let quiet = csa(
        &[
            // The duties of how a plan is made (`process`, `evidence`) are not what
            // this document is about.
            &[
                "check",
                "clean.csa",
                "--ignore",
                "pcc,coverage,authorities,process,evidence",
            ],
            &as_of[..],
        ]
        .concat(),
        dir.path(),
    );
    assert_eq!(
        quiet.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&quiet.stdout)
    );
    assert!(String::from_utf8_lossy(&quiet.stdout)
        .ends_with("Checked 1 file: no errors, no warnings, no infos, no hints.\n"));

    let missing = csa(&["check", "nope.csa"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    let bad_date = csa(&["check", "clean.csa", "--as-of", "soon"], dir.path());
    assert_eq!(bad_date.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_date.stderr).contains("`--as-of soon` is not a date"));
}

#[test]
fn fail_level_and_configuration_are_found_by_walking_up() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("district")).unwrap();
    write(dir.path(), "csa.toml", "ignore = [\"pcc\", \"coverage\", \"authorities\"]\nfail-level = \"info\"\nas-of = \"2026-01-01\"\n");
    write(&dir.path().join("district"), "plan.csa", CLEAN);
    let out = csa(
        &["check", "district", "--output-format", "concise"],
        dir.path(),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    // as-of from the config makes the annual plan overdue: a warning, over the fail level.
    assert!(stdout.contains("warning[CSA951]"), "{stdout}");
    assert_eq!(out.status.code(), Some(1));
    let out = csa(&["check", "district", "--fail-level", "error"], dir.path());
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_malformed_configuration_is_a_located_error_and_other_files_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("bad")).unwrap();
    std::fs::create_dir(dir.path().join("good")).unwrap();
    write(
        &dir.path().join("bad"),
        "csa.toml",
        "select = [\"ALL\"]\nfail-levle = \"error\"\n",
    );
    write(&dir.path().join("bad"), "a.csa", CLEAN);
    write(&dir.path().join("good"), "b.csa", CLEAN);
    let out = csa(
        &[
            "check",
            "bad",
            "good",
            "--output-format",
            "concise",
            "--as-of",
            "2024-06-01",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("csa.toml:2:1: unknown field `fail-levle`"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Checked 1 file"));
}

#[test]
fn a_rule_pack_adds_a_local_policy_and_a_bad_one_is_located() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "local.toml",
        r#"
[[rule]]
code = "KENT001"
name = "priority-includes"
family = "local"
kind = "required-field"
severity = "warning"
summary = "Every priority says what it includes."
message = "the priority{id} does not say what it includes"
params = { block = "priority", fields = ["includes"] }
[rule.explanation]
what = "w"
why = "y"
example = "e"
fix = "f"
"#,
    );
    write(
        dir.path(),
        "csa.toml",
        "rule-packs = [\"local.toml\"]\nselect = [\"local\"]\n",
    );
    write(
        dir.path(),
        "doc.csa",
        &format!("{CLEAN}@priority DA: Domestic Abuse\n"),
    );
    let out = csa(
        &["check", "doc.csa", "--output-format", "concise"],
        dir.path(),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(
            "doc.csa:7:1: warning[KENT001] the priority `DA` does not say what it includes"
        ),
        "{stdout}"
    );

    write(dir.path(), "local.toml", "[[rule]]\ncode = \"KENT001\"\nname = \"x\"\nfamily = \"local\"\nkind = \"required-feild\"\n");
    let out = csa(&["check", "doc.csa"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("local.toml"), "{stderr}");
}

#[test]
fn json_output_has_its_documented_shape() {
    let out = csa(
        &[
            "check",
            "examples/kent-2018.csa",
            "--output-format",
            "json",
            "--as-of",
            "2018-06-01",
        ],
        root(),
    );
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["schema"], "csa-check/1");
    assert_eq!(json["files"][0]["path"], "examples/kent-2018.csa");
    let first = &json["files"][0]["diagnostics"][0];
    for key in ["code", "name", "severity", "message", "span"] {
        assert!(first.get(key).is_some(), "{key} missing from {first}");
    }
    assert_eq!(json["summary"]["files"], 1);
    assert_eq!(
        json["summary"]["warnings"],
        json["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["severity"] == "warning")
            .count()
    );
}

#[test]
fn sarif_output_validates_against_the_sarif_2_1_0_schema() {
    let out = csa(
        &[
            "check",
            "examples",
            "--output-format",
            "sarif",
            "--as-of",
            "2018-06-01",
        ],
        root(),
    );
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/data/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::draft4::new(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(results
        .iter()
        .any(|r| r["ruleId"] == "CSA801" && r["level"] == "error"));
    // Every result's rule is described in the driver.
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
    }
}

#[test]
fn github_output_annotates_lines() {
    let out = csa(
        &[
            "check",
            "examples/kent-2014-17.csa",
            "--output-format",
            "github",
            "--as-of",
            "2015-02-04",
        ],
        root(),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("::error file=examples/kent-2014-17.csa,line=430,col=8,endLine=430,endColumn=22,title=CSA801 malformed-aim-number::the aim number `Page 3 Page 41`"),
        "{stdout}"
    );
}

fn human(name: &str, as_of: &str) -> String {
    let out = csa(
        &["check", &format!("examples/{name}"), "--as-of", as_of],
        root(),
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn human_output_kent_2022() {
    insta::assert_snapshot!(human("kent-2022.csa", "2022-06-01"));
}

#[test]
fn human_output_kent_2018() {
    insta::assert_snapshot!(human("kent-2018.csa", "2018-06-01"));
}

#[test]
fn human_output_kent_2014_17() {
    insta::assert_snapshot!(human("kent-2014-17.csa", "2015-02-04"));
}

#[test]
fn human_output_minimal() {
    insta::assert_snapshot!(human("minimal.csa", "2024-06-01"));
}

#[test]
fn explain_prints_the_whole_explanation() {
    let out = csa(&["explain", "priority-without-lead"], root());
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    for part in [
        "CSA201 priority-without-lead",
        "What it checks",
        "Why it matters",
        "Legal basis",
        "Example",
        "How to fix it",
    ] {
        assert!(text.contains(part), "{part} missing from {text}");
    }
    let out = csa(&["explain", "CSA2O1"], root());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `CSA201`?"));
}

#[test]
fn the_rule_reference_is_generated_from_the_rule_data() {
    let generated = csa::cli::rules::markdown(&Registry::bundled());
    let committed = std::fs::read_to_string(root().join("docs/rules.md")).unwrap_or_default();
    assert!(
        generated == committed,
        "docs/rules.md is stale: run `cargo run -- rules --format markdown > docs/rules.md`"
    );
}

#[test]
fn the_configuration_schema_describes_every_key() {
    let out = csa(&["config", "schema"], root());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let properties = schema["properties"].as_object().unwrap();
    for key in [
        "select",
        "ignore",
        "severity",
        "rule-packs",
        "fail-level",
        "as-of",
    ] {
        assert!(properties.contains_key(key), "{key}");
    }
    // The commented default file is itself a valid configuration.
    let out = csa(&["config", "default"], root());
    csa::config::Config::parse("default", &String::from_utf8_lossy(&out.stdout)).unwrap();
}

#[test]
fn every_rule_has_a_complete_explanation() {
    for rule in &Registry::bundled().rules {
        let e = &rule.explanation;
        for (part, text) in [
            ("what", &e.what),
            ("why", &e.why),
            ("example", &e.example),
            ("fix", &e.fix),
        ] {
            assert!(text.trim().len() > 3, "{} has no {part}", rule.code);
        }
        assert!(
            rule.code.starts_with("CSA") && rule.code.len() == 6,
            "{}",
            rule.code
        );
    }
}

/// The bundled rules with one local rule added from a rule pack's text.
fn with_local_rule(pack: &str) -> Registry {
    let mut registry = Registry::bundled();
    registry.add("local.toml", pack).unwrap();
    registry
}

/// The messages of the `local` rules for `text`, checked as of `as_of`.
fn local_findings(registry: &Registry, text: &str, as_of: &str) -> Vec<String> {
    let options = Options {
        as_of: Date::parse(as_of),
        select: vec!["local".to_string()],
        ..Options::default()
    };
    let doc = ast::parse(text).document;
    rules::check(&doc, registry, &options)
        .into_iter()
        .map(|d| d.message)
        .collect()
}

/// A partnership's own limit on its priorities, as a rule pack states it.
const AT_MOST_TWO_PRIORITIES: &str = r#"
[[rule]]
code = "KENT002"
name = "too-many-priorities"
family = "local"
kind = "count-bound"
severity = "warning"
summary = "No more than two priorities."
message = "the agreement has {count} priorities; the partnership agreed at most {max}"
params = { block = "priority", max = 2 }
[rule.explanation]
what = "w"
why = "y"
example = "e"
fix = "f"
"#;

#[test]
fn a_count_bound_rule_pack_limits_the_number_of_priorities() {
    let registry = with_local_rule(AT_MOST_TWO_PRIORITIES);
    let options = Options {
        as_of: Date::parse("2022-06-01"),
        select: vec!["local".to_string()],
        ..Options::default()
    };
    let doc = ast::parse(&example("kent-2022.csa")).document;
    let found = rules::check(&doc, &registry, &options);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message,
        "the agreement has 8 priorities; the partnership agreed at most 2"
    );
    let doc = ast::parse(&example("minimal.csa")).document;
    assert!(rules::check(&doc, &registry, &options).is_empty());
}

#[test]
fn a_count_bound_rule_pack_allows_exactly_its_maximum() {
    let registry = with_local_rule(AT_MOST_TWO_PRIORITIES);
    let two = format!("{CLEAN}\n@priority DA: Domestic Abuse\n\n@priority RS: Road Safety\n");
    assert_eq!(
        local_findings(&registry, &two, "2024-06-01"),
        Vec::<String>::new(),
        "two priorities are the agreed maximum, not one too many"
    );
    let three = format!("{two}\n@priority SV: Serious Violence\n");
    assert_eq!(
        local_findings(&registry, &three, "2024-06-01"),
        ["the agreement has 3 priorities; the partnership agreed at most 2"]
    );
}

#[test]
fn a_local_duty_kept_in_a_block_the_document_lacks_is_reported_not_skipped() {
    // A partnership's own policy: once the strategic assessment duty is in force, the
    // agreement carries an action plan with its aims. A document with no action plan at
    // all is reported (at its header, having no block to point at); one with it is clean.
    let registry = with_local_rule(
        r#"
[[rule]]
code = "KENT003"
name = "action-plan-aims"
family = "local"
kind = "duty-recorded"
severity = "warning"
summary = "The agreement has an action plan with aims."
message = "the agreement has no action plan with aims, which the partnership asks for from {in_force_from}"
params = { duty = "strategic-assessment", block = "action-plan", fields = ["aim"] }
[rule.explanation]
what = "w"
why = "y"
example = "e"
fix = "f"
"#,
    );
    assert_eq!(
        local_findings(&registry, CLEAN, "2024-06-01"),
        ["the agreement has no action plan with aims, which the partnership asks for from 2007-08-01 (csa holds this from a secondary source)"]
    );
    let with_plan = format!(
        "{CLEAN}\n@action-plan DA: Domestic Abuse\n  lead: Head of Community Safety, Medway Council\n  aim 1.1: Prevent domestic abuse\n    action: Run a campaign in schools.\n"
    );
    assert_eq!(
        local_findings(&registry, &with_plan, "2024-06-01"),
        Vec::<String>::new()
    );
}

#[test]
fn an_unreadable_field_is_reported_once_not_also_as_missing() {
    let all = check("@agreement: A\n  kind: county-agreement\n  area: Kent\n  version: 1\n  effective: 1 April 2022\n", "2024-01-01");
    assert_eq!(with_code(&all, "CSA004").len(), 1);
    assert!(with_code(&all, "CSA010").is_empty(), "{all:#?}");
    let missing = check(
        "@agreement: A\n  kind: county-agreement\n  area: Kent\n  version: 1\n",
        "2024-01-01",
    );
    assert_eq!(
        with_code(&missing, "CSA010")[0].message,
        "the `@agreement` block has no `effective:`"
    );
}

/// Regression: `@priority A SB:` (a space in the id) gave the right error, then "the
/// priority `A` () has no lead" about a block the author never wrote.
#[test]
fn a_header_that_failed_to_parse_yields_no_findings_about_its_block() {
    let text = "@agreement: Test\n  kind: district-plan\n  area: Maidstone\n  effective: 2024-04-01\n\n@priority A SB: Anti-social behaviour\n  addresses: crime-and-disorder\n";
    let parsed = csa::ast::parse(text);
    assert!(parsed.document.priorities.is_empty());
    let registry = csa::rules::Registry::bundled();
    let options = csa::rules::Options {
        as_of: csa::ast::Date::parse("2024-06-01"),
        ..Default::default()
    };
    let mut all = parsed.diagnostics.clone();
    all.extend(csa::rules::check(&parsed.document, &registry, &options));
    let on_line_6: Vec<&str> = all
        .iter()
        .filter(|d| d.span.start.line == 5)
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(on_line_6, ["CSA001"], "{all:#?}");
    assert!(
        all.iter()
            .any(|d| d.message.contains("`A SB` has a space in it")),
        "{all:#?}"
    );
}
