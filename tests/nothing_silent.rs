//! Nothing reads as "fine" when it is not: a suppressed duty, template text, a
//! document with errors published or reported, a life csa had to assume, a look
//! ahead that stops short. Each test changes one thing in a complete plan
//! (tests/fixtures/silent/rushcliffe-2025.csa, which has no finding at all) and
//! reads what every output says.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const AS_OF: &str = "2025-06-01";

fn complete() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/silent/rushcliffe-2025.csa"),
    )
    .unwrap()
}

fn csa(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_csa"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

/// `text` with `from` replaced by `to`, which must be there.
fn changed(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const ALL_AREAS: &str =
    "addresses: crime-and-disorder, substance-misuse, reoffending, serious-violence";
const NO_SERIOUS_VIOLENCE: &str = "addresses: crime-and-disorder, substance-misuse, reoffending";

/// The complete plan with serious violence left out and the finding accepted.
fn accepting_a_duty() -> String {
    let text = changed(&complete(), ALL_AREAS, NO_SERIOUS_VIOLENCE);
    changed(
        &text,
        "@agreement:",
        "// csa-ignore CSA101: serious violence is led by the county's Violence Reduction Partnership\n@agreement:",
    )
}

#[test]
fn the_complete_plan_has_no_finding_and_reads_ready() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "plan.csa", &complete());
    let out = csa(
        dir.path(),
        &[
            "check",
            "plan.csa",
            "--as-of",
            AS_OF,
            "--output-format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let check = json(&out);
    assert_eq!(check["files"][0]["diagnostics"], serde_json::json!([]));
    assert!(check["summary"].get("accepted").is_none());
    let report = json(&csa(
        dir.path(),
        &["report", "plan.csa", "--as-of", AS_OF, "--format", "json"],
    ));
    assert_eq!(report["documents"][0]["status"]["verdict"], "ready");
    let out = csa(
        dir.path(),
        &["publish", "plan.csa", "-o", "plan.html", "--as-of", AS_OF],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr(&out), "", "nothing to say about a complete plan");
}

#[test]
fn an_accepted_duty_is_counted_in_every_format_of_check() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "plan.csa", &accepting_a_duty());

    let out = csa(
        dir.path(),
        &[
            "check",
            "plan.csa",
            "--as-of",
            AS_OF,
            "--output-format",
            "concise",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "an accepted finding does not fail the check"
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.trim_end().ends_with(
            "Checked 1 file: no errors, no warnings, no infos, no hints; 1 more finding accepted by `csa-ignore` comments, 1 of them an error."
        ),
        "{text}"
    );

    let check = json(&csa(
        dir.path(),
        &[
            "check",
            "plan.csa",
            "--as-of",
            AS_OF,
            "--output-format",
            "json",
        ],
    ));
    assert_eq!(check["summary"]["accepted"], 1);
    assert_eq!(check["summary"]["accepted_errors"], 1);
    let accepted = &check["files"][0]["accepted"][0];
    assert_eq!(accepted["code"], "CSA101");
    assert_eq!(accepted["severity"], "error");
    assert!(accepted["message"]
        .as_str()
        .unwrap()
        .contains("serious violence"));
    assert_eq!(
        accepted["reason"],
        "serious violence is led by the county's Violence Reduction Partnership"
    );
    let comment_line = accepting_a_duty()
        .lines()
        .position(|l| l.starts_with("// csa-ignore"))
        .unwrap();
    assert_eq!(
        accepted["accepted_at"]["start"]["line"], comment_line,
        "the comment's line, from 0"
    );

    let sarif = json(&csa(
        dir.path(),
        &[
            "check",
            "plan.csa",
            "--as-of",
            AS_OF,
            "--output-format",
            "sarif",
        ],
    ));
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "{results:?}");
    assert_eq!(results[0]["ruleId"], "CSA101");
    assert_eq!(results[0]["level"], "error");
    assert_eq!(results[0]["suppressions"][0]["kind"], "inSource");
    assert_eq!(
        results[0]["suppressions"][0]["justification"],
        "serious violence is led by the county's Violence Reduction Partnership"
    );
}

#[test]
fn an_accepted_duty_never_reads_ready_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "plan.csa", &accepting_a_duty());
    let report = json(&csa(
        dir.path(),
        &["report", "plan.csa", "--as-of", AS_OF, "--format", "json"],
    ));
    let status = &report["documents"][0]["status"];
    assert_eq!(status["verdict"], "ready-with-warnings", "{status}");
    let reasons = status["reasons"].to_string();
    assert!(
        reasons.contains("The partnership accepted 1 finding that csa reports as an error, which the law does not excuse"),
        "{reasons}"
    );
    assert!(reasons.contains("serious violence"), "{reasons}");
    assert_eq!(status["counts"]["accepted_errors"], 1);
    let decisions = &report["documents"][0]["decisions"][0];
    assert_eq!(
        decisions["accepts"].as_array().unwrap().len(),
        1,
        "{decisions}"
    );
}

#[test]
fn template_text_left_in_is_an_error_and_never_ready() {
    let dir = tempfile::tempdir().unwrap();
    let text = changed(
        &complete(),
        "# Our priorities\n",
        "# Our priorities\n\n[Write why each priority was chosen.]\n",
    );
    write(dir.path(), "plan.csa", &text);
    let check = json(&csa(
        dir.path(),
        &[
            "check",
            "plan.csa",
            "--as-of",
            AS_OF,
            "--output-format",
            "json",
        ],
    ));
    let found: Vec<(String, u64)> = check["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["span"]["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let prompt_line = text
        .lines()
        .position(|l| l.starts_with("[Write why"))
        .unwrap() as u64;
    assert_eq!(
        found,
        [("CSA015".to_string(), prompt_line)],
        "the prompt's line, from 0"
    );
    let report = json(&csa(
        dir.path(),
        &["report", "plan.csa", "--as-of", AS_OF, "--format", "json"],
    ));
    assert_eq!(report["documents"][0]["status"]["verdict"], "not-ready");
}

#[test]
fn publish_and_report_say_so_when_a_document_has_errors_and_fail_on_request() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "my plan.csa",
        &changed(&complete(), ALL_AREAS, NO_SERIOUS_VIOLENCE),
    );
    for (args, did) in [
        (
            vec![
                "publish",
                "my plan.csa",
                "-o",
                "plan.html",
                "--as-of",
                AS_OF,
            ],
            "was published",
        ),
        (
            vec![
                "report",
                "my plan.csa",
                "--as-of",
                AS_OF,
                "-o",
                "review.html",
            ],
            "is reported",
        ),
    ] {
        let out = csa(dir.path(), &args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: written, as before");
        let err = stderr(&out);
        assert!(
            err.contains(&format!(
                "warning: `my plan.csa` has 1 error; it {did} as written"
            )),
            "{err}"
        );
        assert!(
            err.contains("`csa check 'my plan.csa'` shows where"),
            "{err}"
        );

        let output = dir
            .path()
            .join(args[args.iter().position(|a| *a == "-o").unwrap() + 1]);
        std::fs::remove_file(&output).unwrap();
        let mut failing = args.clone();
        failing.extend(["--fail-level", "error"]);
        let out = csa(dir.path(), &failing);
        assert_eq!(out.status.code(), Some(1), "{failing:?}");
        assert!(output.exists(), "{failing:?}: the output is still written");
    }
    // A warning does not fail at the error level.
    write(
        dir.path(),
        "unled.csa",
        &changed(
            &complete(),
            "  lead SS: Community Safety Manager, Rushcliffe Borough Council\n",
            "",
        ),
    );
    let out = csa(
        dir.path(),
        &[
            "publish",
            "unled.csa",
            "-o",
            "u.html",
            "--as-of",
            AS_OF,
            "--fail-level",
            "error",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("note: `unled.csa` has 1 warning"),
        "{}",
        stderr(&out)
    );
    let out = csa(
        dir.path(),
        &[
            "publish",
            "unled.csa",
            "-o",
            "u.html",
            "--as-of",
            AS_OF,
            "--fail-level",
            "warning",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
}

/// The codes `csa check` gives `text`, checked on `as_of`.
fn codes(text: &str, as_of: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "plan.csa", text);
    let check = json(&csa(
        dir.path(),
        &[
            "check",
            "plan.csa",
            "--as-of",
            as_of,
            "--output-format",
            "json",
        ],
    ));
    check["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

/// A plan of 2021 that predates the serious violence duty (31 January 2023).
fn plan_of_2021(header_life: &str, title: &str) -> String {
    let text = changed(&complete(), ALL_AREAS, NO_SERIOUS_VIOLENCE);
    let text = changed(
        &text,
        "  effective: 2025-04-01\n  period: 2025-2028\n  review: annual\n",
        &format!("  effective: 2021-04-01\n{header_life}"),
    );
    changed(
        &text,
        "@agreement: Rushcliffe Community Safety Partnership Plan\n",
        &format!("@agreement: {title}\n"),
    )
}

#[test]
fn a_look_ahead_covers_the_whole_period_not_only_the_next_review() {
    // Reviewed every year, but running to March 2024: the duty of January 2023 falls
    // in its life, after its first review.
    let text = plan_of_2021(
        "  period: 2021-2024\n  review: annual\n",
        "Rushcliffe Community Safety Partnership Plan",
    );
    let found = codes(&text, "2021-06-01");
    assert!(found.contains(&"CSA103".to_string()), "{found:?}");
    // Running only to March 2022, it does not live to see the duty.
    let text = plan_of_2021(
        "  period: 2021/22\n",
        "Rushcliffe Community Safety Partnership Plan",
    );
    assert!(!codes(&text, "2021-06-01").contains(&"CSA103".to_string()));
}

#[test]
fn a_title_that_states_the_period_is_read_as_one_with_a_hint() {
    let text = plan_of_2021("", "Rushcliffe Community Safety Partnership Plan 2021-2024");
    let found = codes(&text, "2021-06-01");
    assert!(found.contains(&"CSA016".to_string()), "{found:?}");
    assert!(
        found.contains(&"CSA103".to_string()),
        "the life runs to March 2024: {found:?}"
    );
}

#[test]
fn a_document_with_neither_period_nor_review_says_what_life_csa_assumed() {
    let text = plan_of_2021("", "Rushcliffe Community Safety Partnership Plan");
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "plan.csa", &text);
    let check = json(&csa(
        dir.path(),
        &[
            "check",
            "plan.csa",
            "--as-of",
            "2021-06-01",
            "--output-format",
            "json",
        ],
    ));
    let assumed: Vec<&Value> = check["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "CSA016")
        .collect();
    assert_eq!(assumed.len(), 1, "{check}");
    assert_eq!(assumed[0]["severity"], "info");
    let message = assumed[0]["message"].as_str().unwrap();
    assert!(
        message.contains("assumes it runs for 12 months, from 2021-04-01 to 2022-03-31"),
        "{message}"
    );
    // With a review cycle, nothing was assumed.
    let text = plan_of_2021(
        "  review: annual\n",
        "Rushcliffe Community Safety Partnership Plan",
    );
    assert!(!codes(&text, "2021-06-01").contains(&"CSA016".to_string()));
}

/// A Surrey plan (Spelthorne) with one broad priority and the Police and Crime
/// Plan's objectives written in, none linked.
fn surrey_plan(priority: &str, objectives: &[&str]) -> String {
    let mut text = String::from(
        "@agreement: Spelthorne Community Safety Partnership Plan\n  kind: district-plan\n  area: Spelthorne\n  effective: 2025-04-01\n  period: 2025-2028\n\n",
    );
    text.push_str(priority);
    text.push_str("\n@plan PCP: Police and Crime Plan for Surrey 2025-28\n  period: 2025-04-01 to 2028-03-31\n");
    for (i, o) in objectives.iter().enumerate() {
        text.push_str(&format!("  objective PCP-{}: {o}\n", i + 1));
    }
    text
}

fn likely_links(text: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "plan.csa", text);
    let check = json(&csa(
        dir.path(),
        &[
            "check",
            "plan.csa",
            "--as-of",
            AS_OF,
            "--output-format",
            "json",
        ],
    ));
    check["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "CSA306")
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_priority_and_an_objective_sharing_only_the_areas_name_are_not_a_likely_link() {
    let text = surrey_plan(
        "@priority ST: Surrey Together\n  includes: neighbourhood watch and residents' groups\n  addresses: crime-and-disorder, substance-misuse, reoffending, serious-violence\n",
        &["Spelthorne and Surrey's roads", "Protecting Surrey's vulnerable people"],
    );
    assert_eq!(likely_links(&text), Vec::<String>::new());
    // The same with a word of substance shared: the hint is given.
    let text = surrey_plan(
        "@priority ST: Surrey Together\n  includes: neighbourhood watch and road safety\n  addresses: crime-and-disorder, substance-misuse, reoffending, serious-violence\n",
        &["Safer Surrey roads", "Protecting Surrey's vulnerable people"],
    );
    let found = likely_links(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("PCP-1"), "{found:?}");
}

#[test]
fn a_broad_priority_gets_only_its_best_few_likely_links() {
    let text = surrey_plan(
        "@priority VIO: Violence and Exploitation\n  includes: domestic abuse, knife crime, violence against women and girls, exploitation of children, county lines, stalking, modern slavery\n  addresses: crime-and-disorder, substance-misuse, reoffending, serious-violence\n",
        &[
            "Reduce domestic abuse",
            "Tackle knife crime",
            "End violence against women and girls",
            "Stop the exploitation of children",
            "Close down county lines",
            "Protect victims of stalking",
            "Find victims of modern slavery",
        ],
    );
    let found = likely_links(&text);
    assert_eq!(found.len(), 3, "{found:#?}");
}
