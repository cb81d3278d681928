//! Hostile or clumsy input outside the language server: lone carriage returns, inputs
//! no agreement could be, files reached twice, UTF-16 files, and rule packs whose
//! settings would silently switch a rule off.

use std::process::{Command, Output};

use csa::rules::Registry;

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

/// The model as JSON without positions, which differ by design between line endings
/// of different lengths.
fn model_without_spans(text: &str) -> serde_json::Value {
    fn strip(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                map.retain(|k, _| !k.contains("span") && k != "range" && k != "raw");
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            serde_json::Value::String(s) => *s = s.replace("\r\n", "\n").replace('\r', "\n"),
            _ => {}
        }
    }
    let parsed = csa::ast::parse(text);
    let mut value = serde_json::to_value(&parsed.document).unwrap();
    strip(&mut value);
    value
}

#[test]
fn lone_cr_parses_like_lf() {
    let lf = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/minimal.csa"))
        .unwrap();
    let cr = lf.replace('\n', "\r");
    let crlf = lf.replace('\n', "\r\n");
    assert!(
        csa::ast::parse(&cr).diagnostics.is_empty(),
        "{:#?}",
        csa::ast::parse(&cr).diagnostics
    );
    assert_eq!(model_without_spans(&cr), model_without_spans(&lf));
    assert_eq!(model_without_spans(&crlf), model_without_spans(&lf));
}

#[test]
fn lone_cr_separates_blocks_and_lines() {
    let text = "@theme A: x\r@theme B: y";
    let parsed = csa::ast::parse(text);
    let titles: Vec<&str> = parsed
        .document
        .themes
        .iter()
        .map(|t| t.title.as_ref().unwrap().value.as_str())
        .collect();
    assert_eq!(titles, ["x", "y"]);
    // B is on the second line for the editor too.
    assert_eq!(parsed.document.themes[1].header_span.start.line, 1);
    assert_eq!(parsed.document.themes[1].header_span.start.column, 0);
}

#[cfg(unix)]
#[test]
fn dev_zero_is_refused_not_read_forever() {
    let out = csa(&["check", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("larger than 64 MiB"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_file_over_the_input_limit_is_refused_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.csa");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(64 * 1024 * 1024 + 1).unwrap(); // sparse: costs no disk
    let out = csa(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("larger than 64 MiB") && err.contains("help:"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn a_file_reached_through_a_symlink_is_checked_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.csa"), "@theme T: x\n").unwrap();
    std::os::unix::fs::symlink(dir.path().join("plan.csa"), dir.path().join("same.csa")).unwrap();
    let out = csa(&["parse", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1);
    // Named twice on the command line: once too.
    let plan = dir.path().join("plan.csa");
    let out = csa(&["parse", plan.to_str().unwrap(), plan.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1);
}

#[test]
fn a_utf16_file_is_called_utf16() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("bom.csa", {
            let mut b = vec![0xFF, 0xFE];
            b.extend("@theme T: x\n".encode_utf16().flat_map(|u| u.to_le_bytes()));
            b
        }),
        (
            "no-bom.csa",
            "@theme T: x\n"
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes())
                .collect(),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = csa(&["check", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2));
        let err = stderr(&out);
        assert!(
            err.contains("is UTF-16 text") && err.contains("UTF-8"),
            "{name}: {err}"
        );
    }
}

/// A rule pack with one rule of `kind`, whose `params` and message are given.
fn pack(kind: &str, params: &str, message: &str) -> String {
    format!(
        r#"
[[rule]]
code = "X901"
name = "local-rule"
family = "local"
kind = "{kind}"
severity = "warning"
summary = "A local rule."
message = "{message}"
params = {params}
explanation = {{ what = "w", why = "w", example = "e", fix = "f" }}
"#
    )
}

fn pack_error(kind: &str, params: &str, message: &str) -> String {
    let mut registry = Registry::bundled();
    match registry.add("pack.toml", &pack(kind, params, message)) {
        Ok(()) => panic!("accepted {kind} with {params}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn rule_pack_parameters_are_validated() {
    let fine = pack(
        "count-bound",
        r#"{ block = "priority", min = 1, max = 8 }"#,
        "{count} of {block}",
    );
    Registry::bundled().add("pack.toml", &fine).unwrap();

    let err = pack_error("count-bound", r#"{ block = 5 }"#, "x");
    assert!(err.contains("`block`"), "{err}");
    let err = pack_error("count-bound", r#"{ block = "priorty" }"#, "x");
    assert!(err.contains("did you mean `priority`"), "{err}");
    let err = pack_error(
        "required-field",
        r#"{ block = "priority", fields = "includes" }"#,
        "x",
    );
    assert!(err.contains("`fields`"), "{err}");
    let err = pack_error(
        "required-field",
        r#"{ block = "priority", fields = ["incldues"] }"#,
        "x",
    );
    assert!(err.contains("did you mean `includes`"), "{err}");
    let err = pack_error(
        "count-bound",
        r#"{ block = "priority", min = 9, max = 2 }"#,
        "x",
    );
    assert!(err.contains("more than `max"), "{err}");
    let err = pack_error("count-bound", r#"{ block = "priority", min = -1 }"#, "x");
    assert!(err.contains("`min`"), "{err}");
    let err = pack_error("pcc-likely-link", r#"{ threshold = -0.5 }"#, "x");
    assert!(err.contains("`threshold`"), "{err}");
    let err = pack_error("pcc-likely-link", r#"{ threshold = nan }"#, "x");
    assert!(err.contains("`threshold`"), "{err}");
    let err = pack_error(
        "upcoming-coverage",
        r#"{ months = 9223372036854775807 }"#,
        "x",
    );
    assert!(err.contains("`months`"), "{err}");
    let err = pack_error("pcc-likely-link", r#"{ treshold = 0.5 }"#, "x");
    assert!(err.contains("did you mean `threshold`"), "{err}");
    let err = pack_error("priority-lead", r#"{}"#, "{id} has no {leader}");
    assert!(err.contains("{leader}") && err.contains("{id}"), "{err}");
    let empty_code = pack("priority-lead", "{}", "x").replace("X901", " ");
    let err = Registry::bundled()
        .add("pack.toml", &empty_code)
        .unwrap_err()
        .to_string();
    assert!(err.contains("empty code"), "{err}");

    // Kinds that read documents together, or the knowledge base, are checked too.
    let err = pack_error("review-name", r#"{ duty = 3 }"#, "x");
    assert!(err.contains("`duty`"), "{err}");
    Registry::bundled()
        .add(
            "pack.toml",
            &pack("workspace", "{}", "{county} lists {districts}"),
        )
        .unwrap();
    let err = pack_error("workspace", "{}", "{county} lists {distrcts}");
    assert!(err.contains("`{distrcts}` is not filled"), "{err}");
    Registry::bundled()
        .add("pack.toml", &pack("two-tier-area", "{}", "{area} {change}"))
        .unwrap();
    // The legal basis for one kind of document is a template as well.
    let by_kind = pack("priority-lead", "{}", "{id}").replace(
        "params = {}",
        "params = {}\nlegal_basis_by_kind = { district-plan = \"s5 for {leader}\" }",
    );
    let err = Registry::bundled()
        .add("pack.toml", &by_kind)
        .unwrap_err()
        .to_string();
    assert!(err.contains("`{leader}` is not filled"), "{err}");
}
