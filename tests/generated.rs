//! Files generated from the code and committed: the manual page, the schema of
//! csa.toml and the list of rule kinds in docs/configuration.md. Each test fails when
//! the committed copy no longer matches, and says how to make it again.

use std::process::Command;

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn committed(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_default()
}

#[test]
fn the_manual_page_is_not_stale() {
    assert!(
        committed("docs/csa.1") == csa::cli::man_page(),
        "docs/csa.1 is stale: run `cargo run -q -- man > docs/csa.1`"
    );
}

#[test]
fn the_schema_of_csa_toml_is_not_stale() {
    let schema = serde_json::to_string_pretty(&csa::config::schema()).unwrap() + "\n";
    for path in [
        "schemas/csa.schema.json",
        "editors/vscode/schemas/csa.schema.json",
    ] {
        assert!(
            committed(path) == schema,
            "{path} is stale: run `cargo run -q -- config schema > {path}`"
        );
    }
    let package: serde_json::Value =
        serde_json::from_str(&committed("editors/vscode/package.json")).unwrap();
    assert_eq!(
        package["contributes"]["tomlValidation"][0]["url"],
        "./schemas/csa.schema.json"
    );
}

#[test]
fn the_kinds_in_the_configuration_guide_are_not_stale() {
    let guide = committed("docs/configuration.md");
    let begin = "<!-- kinds: generated";
    let end = "<!-- kinds: end -->\n";
    let part = guide
        .find(begin)
        .and_then(|from| Some(&guide[from..from + guide[from..].find(end)? + end.len()]));
    assert!(
        part == Some(csa::rules::kinds::markdown().as_str()),
        "docs/configuration.md's list of kinds is stale: run \
         `cargo run -q -- rules --kinds --format markdown` and put what it prints in place \
         of the lines from `{begin}` to `{end}`"
    );
}

#[test]
fn completions_cover_every_shell_and_command() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = Command::new(env!("CARGO_BIN_EXE_csa"))
            .args(["completions", shell])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        for word in ["check", "fmt", "unsafe-fixes", "output-format"] {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
    }
    let out = Command::new(env!("CARGO_BIN_EXE_csa"))
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
