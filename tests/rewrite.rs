//! `csa fmt` and `csa check --fix` as users run them: on copies in a temporary
//! folder, checking what is written, what is not, and the exit codes.

use std::path::Path;
use std::process::{Command, Output};

fn csa(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_csa"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn copy_example(dir: &Path, name: &str) -> String {
    let text =
        std::fs::read_to_string(format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    std::fs::write(dir.join(name), &text).unwrap();
    text
}

/// The lines that differ between two texts of the same number of lines.
fn changed_lines(before: &str, after: &str) -> Vec<(String, String)> {
    assert_eq!(before.lines().count(), after.lines().count());
    before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn fix_repairs_the_two_damaged_aim_numbers_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let before = copy_example(dir.path(), "kent-2014-17.csa");
    let args = [
        "check",
        "kent-2014-17.csa",
        "--as-of",
        "2015-02-04",
        "--fix",
        "--unsafe-fixes",
        "--select",
        "CSA801",
    ];
    let out = csa(dir.path(), &args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("applied 2 fixes"), "{stderr}");
    let after = std::fs::read_to_string(dir.path().join("kent-2014-17.csa")).unwrap();
    let changes = changed_lines(&before, &after);
    assert_eq!(changes.len(), 2, "{changes:?}");
    let expected = [("\"Page 3 Page 41\"", "3.3"), ("\"Page 43 5.3\"", "5.3")];
    for ((old, new), (damaged, number)) in changes.iter().zip(expected) {
        assert_eq!(old.replacen(damaged, number, 1), *new);
    }
    // The fixed file has no new finding: the same rules find nothing at all there now,
    // and the whole check finds only what it found before, less the two.
    let check = |text_dir: &Path| {
        let out = csa(
            text_dir,
            &[
                "check",
                "kent-2014-17.csa",
                "--as-of",
                "2015-02-04",
                "--output-format",
                "json",
            ],
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut codes: Vec<String> = json["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect();
        codes.sort();
        codes
    };
    let fixed_codes = check(dir.path());
    let original = tempfile::tempdir().unwrap();
    copy_example(original.path(), "kent-2014-17.csa");
    let mut expected = check(original.path());
    for _ in 0..2 {
        let at = expected.iter().position(|c| c == "CSA801").unwrap();
        expected.remove(at);
    }
    assert_eq!(fixed_codes, expected);
}

#[test]
fn fix_keeps_crlf_and_diff_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let text = copy_example(dir.path(), "kent-2014-17.csa").replace('\n', "\r\n");
    let path = dir.path().join("kent-2014-17.csa");
    std::fs::write(&path, &text).unwrap();
    let args = ["check", "kent-2014-17.csa", "--unsafe-fixes", "--diff"];
    let out = csa(dir.path(), &args);
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(diff.contains("+  aim 3.3: "), "{diff}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);

    let out = csa(
        dir.path(),
        &["check", "kent-2014-17.csa", "--fix", "--unsafe-fixes"],
    );
    assert_ne!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = std::fs::read_to_string(&path).unwrap();
    assert_ne!(after, text);
    assert_eq!(after.matches('\n').count(), after.matches("\r\n").count());
    // Every unsafe fix here adds a line (`addresses:`) or renumbers; prose is untouched.
    assert!(after.contains("  aim 3.3: "));
}

#[test]
fn fmt_check_diff_and_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.csa");
    let untidy = "# Plan  \r\n@priority   DA:Domestic Abuse\r\n\tsupports: A,B\r\nProse  stays  as written.\r\n";
    std::fs::write(&path, untidy).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }

    let out = csa(dir.path(), &["fmt", "--check", "plan.csa"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Would reformat: plan.csa"));
    let out = csa(dir.path(), &["fmt", "--diff"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("+@priority DA: Domestic Abuse"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), untidy);

    let out = csa(dir.path(), &["fmt", "plan.csa"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "# Plan  \r\n\r\n@priority DA: Domestic Abuse\r\n  supports: A, B\r\n\r\nProse  stays  as written.\r\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let out = csa(dir.path(), &["fmt", "--check", "plan.csa"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn fmt_refuses_a_file_with_syntax_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.csa");
    let text = "@priority DA Domestic Abuse\n    lead:   x\n";
    std::fs::write(&path, text).unwrap();
    let out = csa(dir.path(), &["fmt", "broken.csa"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.csa:1:14: expected `:`"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn fix_applies_safe_fixes_and_unsafe_ones_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.csa");
    let text = "@Priority DA: Domestic Abuse\r\n  lead: Chief, Kent Police\r\n\r\n@prority RS: Road Safety\r\n";
    std::fs::write(&path, text).unwrap();
    // `@Priority` differs only in case: safe. `@prority` is a guess: unsafe.
    let out = csa(dir.path(), &["check", "--fix", "a.csa"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("applied 1 fix"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text.replace("@Priority", "@priority")
    );
    // What remains is reported, the unsafe fix among it.
    assert!(String::from_utf8_lossy(&out.stdout).contains("`@prority` is not a kind of block"));
    assert_eq!(out.status.code(), Some(1));
    csa(dir.path(), &["check", "--fix", "--unsafe-fixes", "a.csa"]);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text.replace("@Priority", "@priority")
            .replace("@prority", "@priority")
    );
}
