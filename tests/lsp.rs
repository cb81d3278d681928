//! End to end: the real `csa lsp` binary, driven over stdio as an editor would.

mod support;

use serde_json::{json, Value};
use support::{uri, Client};

const EXE: &str = env!("CARGO_BIN_EXE_csa");

fn example(name: &str) -> String {
    std::fs::read_to_string(format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn start(as_of: &str) -> Client {
    let mut client = Client::start(EXE);
    let capabilities =
        json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } });
    let result = client.initialize(capabilities, json!({ "asOf": as_of }));
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(
        result["capabilities"]["textDocumentSync"]["change"], 2,
        "incremental sync"
    );
    // The server asks to watch configuration files; the client answered.
    let registrations = client.wait_for(|m| m["method"] == "client/registerCapability");
    assert_eq!(
        registrations["params"]["registrations"][0]["method"],
        "workspace/didChangeWatchedFiles"
    );
    client
}

fn codes_at(diagnostics: &Value, code: &str) -> Vec<u64> {
    diagnostics["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| d["range"]["start"]["line"].as_u64().unwrap())
        .collect()
}

fn position(text: &str, needle: &str, extra: usize) -> Value {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in text"))
        + extra;
    let line = text[..offset].matches('\n').count();
    let column = text[text[..offset].rfind('\n').map_or(0, |i| i + 1)..offset]
        .encode_utf16()
        .count();
    json!({ "line": line, "character": column })
}

#[test]
fn kent_2018_shows_its_lead_findings_at_the_right_lines() {
    let mut client = start("2018-06-01");
    let doc = uri("kent-2018.csa");
    client.open(&doc, &example("kent-2018.csa"));
    let published = client.diagnostics(&doc);
    assert_eq!(published["version"], 1);
    assert_eq!(
        codes_at(&published, "CSA202"),
        (168..=175).collect::<Vec<u64>>()
    );
    assert_eq!(
        codes_at(&published, "CSA201"),
        [131, 133, 135, 138, 141, 143, 145]
    );
    let first = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "CSA202")
        .unwrap();
    assert_eq!(first["severity"], 2);
    assert_eq!(first["source"], "csa");
    assert!(first["codeDescription"]["href"]
        .as_str()
        .unwrap()
        .ends_with("rules.md#csa202"));
    client.shutdown();
}

#[test]
fn a_misspelt_theme_is_reported_within_one_edit_with_the_right_quick_fix() {
    let mut client = start("2015-02-04");
    let doc = uri("kent-2014-17.csa");
    let text = example("kent-2014-17.csa");
    client.open(&doc, &text);
    let before = client.diagnostics(&doc);
    assert!(codes_at(&before, "CSA402").is_empty());
    // Type one character over the "E" of the first "themes: EIPE": EIPE -> XIPE.
    let at = position(&text, "themes: EIPE", "themes: ".len());
    let end = json!({ "line": at["line"], "character": at["character"].as_u64().unwrap() + 1 });
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": doc, "version": 2 }, "contentChanges": [ { "range": { "start": at, "end": end }, "text": "X" } ] }),
    );
    let after = client.diagnostics(&doc);
    assert_eq!(after["version"], 2);
    let lines = codes_at(&after, "CSA402");
    assert_eq!(lines, [at["line"].as_u64().unwrap()]);
    let finding = after["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "CSA402")
        .unwrap()
        .clone();
    assert!(finding["message"]
        .as_str()
        .unwrap()
        .starts_with("`XIPE` is not a cross-cutting theme of this document; did you mean `EIPE`?"));

    let actions = client.call(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": doc }, "range": finding["range"], "context": { "diagnostics": [finding] } }),
    );
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Change to `EIPE`")
        .expect("the did-you-mean fix");
    // A theme with a similar id may be a different theme: offered, not preferred.
    assert_eq!(fix["isPreferred"], false);
    let edit = &fix["edit"]["changes"][&doc][0];
    assert_eq!(edit["newText"], "EIPE");
    assert_eq!(edit["range"], finding["range"]);
    let suppress = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Suppress CSA402 with a reason")
        .unwrap();
    assert_eq!(
        suppress["edit"]["changes"][&doc][0]["newText"],
        "    // csa-ignore CSA402: REASON\n"
    );
    client.shutdown();
}

#[test]
fn renaming_a_priority_updates_every_reference() {
    let mut client = start("2022-06-01");
    let doc = uri("kent-2022.csa");
    let text = example("kent-2022.csa");
    client.open(&doc, &text);
    client.diagnostics(&doc);
    let at = position(&text, "@priority SVOC", "@priority ".len() + 1);
    let prepared = client.call(
        "textDocument/prepareRename",
        json!({ "textDocument": { "uri": doc }, "position": at }),
    );
    assert_eq!(prepared["start"]["character"], 10);
    let edit = client.call(
        "textDocument/rename",
        json!({ "textDocument": { "uri": doc }, "position": at, "newName": "SVAOC" }),
    );
    let edits = edit["changes"][&doc].as_array().unwrap();
    // The definition and the two leads-table rows for SVOC.
    assert_eq!(edits.len(), 3, "{edits:#?}");
    let lines: Vec<u64> = edits
        .iter()
        .map(|e| e["range"]["start"]["line"].as_u64().unwrap())
        .collect();
    let lead_lines: Vec<u64> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with("lead SVOC:"))
        .map(|(i, _)| i as u64)
        .collect();
    assert_eq!(lines[1..], lead_lines[..]);
    assert!(edits.iter().all(|e| e["newText"] == "SVAOC"));

    let refused = client.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": doc }, "position": at, "newName": "two words" }),
    );
    assert_eq!(refused["error"]["code"], -32602);
    let taken = client.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": doc }, "position": at, "newName": "DA" }),
    );
    assert!(taken["error"]["message"]
        .as_str()
        .unwrap()
        .contains("already used"));
    client.shutdown();
}

#[test]
fn hover_completion_definition_references_symbols_folding_highlight() {
    let mut client = start("2022-06-01");
    let doc = uri("kent-2022.csa");
    let text = example("kent-2022.csa");
    client.open(&doc, &text);
    client.diagnostics(&doc);

    // Hover on a reference: the target's text and where it is defined.
    let at_ref = position(&text, "supports: MKS-P2", "supports: ".len() + 2);
    let hover = client.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": doc }, "position": at_ref }),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(
        value.contains("objective `MKS-P2`")
            && value.contains("Tackle violence against women and girls"),
        "{value}"
    );
    assert!(value.contains("Defined on line"), "{value}");

    // Hover on a statutory area: its legal basis and dates.
    let at_area = position(
        &text,
        "addresses: substance-misuse",
        "addresses: ".len() + 3,
    );
    let hover = client.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": doc }, "position": at_area }),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(
        value.contains("Crime and Disorder Act 1998 s6(1)(b)")
            && value.contains("In force from 2007-08-01"),
        "{value}"
    );

    // Hover on an authority's name: its kind and the years the name was in use.
    let at_ccg = position(&text, "Clinical Commissioning Group (CCG)", 3);
    let hover = client.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": doc }, "position": at_ccg }),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(
        value.contains("kind `health`") && value.contains("from 2013-04-01 until 2022-06-30"),
        "{value}"
    );

    // Definition of the reference.
    let def = client.call(
        "textDocument/definition",
        json!({ "textDocument": { "uri": doc }, "position": at_ref }),
    );
    let def_line = text
        .lines()
        .position(|l| l.contains("objective MKS-P2:"))
        .unwrap();
    assert_eq!(def["range"]["start"]["line"], def_line);

    // References to a priority (declaration included): the block and its leads rows.
    let at_da = position(&text, "@priority DA:", "@priority ".len());
    let refs = client.call(
        "textDocument/references",
        json!({ "textDocument": { "uri": doc }, "position": at_da, "context": { "includeDeclaration": true } }),
    );
    assert_eq!(refs.as_array().unwrap().len(), 3);
    let highlights = client.call(
        "textDocument/documentHighlight",
        json!({ "textDocument": { "uri": doc }, "position": at_da }),
    );
    assert_eq!(highlights.as_array().unwrap().len(), 3);

    // Completion of objective ids after `supports:`, with their text as detail.
    let line = text
        .lines()
        .position(|l| l.contains("supports: MKS-P2"))
        .unwrap();
    let items = client.call(
        "textDocument/completion",
        json!({ "textDocument": { "uri": doc }, "position": { "line": line, "character": "  supports: ".len() } }),
    );
    let p7 = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "MKS-P7")
        .expect("objective ids");
    assert_eq!(
        p7["detail"],
        "Protect young people and provide opportunities"
    );

    // The outline nests priorities under their chapter.
    let symbols = client.call(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": doc } }),
    );
    let chapter = symbols
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "6. County Priorities")
        .expect("chapter 6");
    let names: Vec<&str> = chapter["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"DA: Domestic Abuse")
            && names.contains(&"RRSCE: Response and Recovery from Significant Community Events"),
        "{names:?}"
    );

    let folds = client.call(
        "textDocument/foldingRange",
        json!({ "textDocument": { "uri": doc } }),
    );
    let plan_line = text
        .lines()
        .position(|l| l.starts_with("@plan MKS"))
        .unwrap() as u64;
    assert!(folds
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["startLine"] == plan_line && f["endLine"].as_u64().unwrap() > plan_line + 20));
    client.shutdown();
}

#[test]
fn completion_offers_blocks_fields_and_rule_codes() {
    let mut client = start("2022-06-01");
    let doc = uri("new.csa");
    client.open(
        &doc,
        "@pri\n@priority DA: Domestic Abuse\n  \n// csa-ignore \n",
    );
    client.diagnostics(&doc);
    let labels = |result: Value| -> Vec<String> {
        result
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["label"].as_str().unwrap().to_string())
            .collect()
    };
    let blocks = labels(client.call(
        "textDocument/completion",
        json!({ "textDocument": { "uri": doc }, "position": { "line": 0, "character": 4 } }),
    ));
    assert!(
        blocks.contains(&"priority".to_string()) && blocks.contains(&"horizon-scan".to_string())
    );
    let fields = labels(client.call(
        "textDocument/completion",
        json!({ "textDocument": { "uri": doc }, "position": { "line": 2, "character": 2 } }),
    ));
    assert_eq!(
        fields,
        [
            "includes",
            "lead",
            "addresses",
            "supports",
            "county",
            "measure",
            "resources",
            "joint-working",
            "note"
        ]
    );
    let codes = labels(client.call(
        "textDocument/completion",
        json!({ "textDocument": { "uri": doc }, "position": { "line": 3, "character": 14 } }),
    ));
    assert!(codes.contains(&"CSA201".to_string()));
    client.shutdown();
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let mut client = Client::start(EXE);
    let result = client.initialize(
        json!({ "general": { "positionEncodings": ["utf-8", "utf-16"] } }),
        json!({}),
    );
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    let doc = uri("pound.csa");
    client.open(
        &doc,
        "@agreement: £5 “Safer” Anytown\n  effective: 1 April\n",
    );
    let published = client.diagnostics(&doc);
    let bad_date = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "CSA004")
        .unwrap();
    assert_eq!(
        bad_date["range"]["start"],
        json!({ "line": 1, "character": 13 })
    );
    // The title ends after "£" (2 bytes) and two curly quotes (3 bytes each).
    let hover = client.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": doc }, "position": { "line": 0, "character": 3 } }),
    );
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("@agreement"));
    client.shutdown();
}

#[test]
fn closing_a_document_clears_its_diagnostics() {
    let mut client = start("2022-06-01");
    let doc = uri("closing.csa");
    client.open(&doc, "@prority X: y\n");
    let opened = client.diagnostics(&doc);
    assert!(
        opened["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "CSA002"),
        "{opened}"
    );
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": doc } }),
    );
    let cleared = client.diagnostics(&doc);
    assert_eq!(cleared["diagnostics"], json!([]));
    client.shutdown();
}

#[test]
fn bad_requests_get_errors_and_the_server_carries_on() {
    let mut client = start("2022-06-01");
    let doc = uri("robust.csa");
    client.open(&doc, "@theme T: x\n");
    client.diagnostics(&doc);
    let unknown = client.request("csa/noSuchMethod", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    let malformed = client.request("textDocument/hover", json!({ "textDocument": 7 }));
    assert_eq!(malformed["error"]["code"], -32602);
    // Positions past the end are clamped, not fatal.
    let far = client.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": doc }, "position": { "line": 999, "character": 999 } }),
    );
    assert_eq!(far, Value::Null);
    // Requests about documents that are not open answer nothing.
    let missing = client.call(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri("never-opened.csa") } }),
    );
    assert_eq!(missing, Value::Null);
    // A change to a document that is not open is logged, not fatal.
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri("never-opened.csa"), "version": 2 }, "contentChanges": [ { "text": "x" } ] }),
    );
    let logged = client.wait_for(|m| m["method"] == "window/logMessage");
    assert!(logged["params"]["message"]
        .as_str()
        .unwrap()
        .contains("not open"));
    // And the server still answers.
    let symbols = client.call(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": doc } }),
    );
    assert_eq!(symbols[0]["name"], "T: x");
    client.shutdown();
}

#[test]
fn rapid_changes_apply_in_order() {
    let mut client = start("2022-06-01");
    let doc = uri("typing.csa");
    client.open(&doc, "@theme T: \n");
    client.diagnostics(&doc);
    // Type "abcdefghij" one character per change, without waiting in between.
    for (i, ch) in "abcdefghij".chars().enumerate() {
        let at = json!({ "line": 0, "character": 10 + i });
        client.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": doc, "version": i + 2 }, "contentChanges": [ { "range": { "start": at, "end": at }, "text": ch.to_string() } ] }),
        );
    }
    // Publications come in order and end with the last version; a version that was
    // superseded while it was being checked is not published.
    let mut versions = Vec::new();
    while versions.last() != Some(&11) {
        versions.push(client.diagnostics(&doc)["version"].as_u64().unwrap());
    }
    assert!(versions.windows(2).all(|w| w[0] < w[1]), "{versions:?}");
    let symbols = client.call(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": doc } }),
    );
    assert_eq!(symbols[0]["name"], "T: abcdefghij");
    client.shutdown();
}

#[test]
fn status_reports_counts_and_the_fail_level_when_asked() {
    let mut client = Client::start(EXE);
    client.initialize(
        json!({}),
        json!({ "asOf": "2018-06-01", "status": true, "failLevel": "warning" }),
    );
    let doc = uri("kent-2018.csa");
    client.open(&doc, &example("kent-2018.csa"));
    client.diagnostics(&doc);
    let status = client.wait_for(|m| m["method"] == "csa/status")["params"].clone();
    assert_eq!(status["version"], 1);
    assert_eq!(status["errors"], 0);
    // 35: the agreement lists the Community Rehabilitation Company but not the
    // National Probation Service, both responsible authorities in 2018 (CSA507);
    // and it lists no county strategy group members (CSA983) and says for none of
    // its seven priorities how the partners work on it together (CSA985).
    assert_eq!(status["warnings"], 35);
    assert_eq!(status["failLevel"], "warning");
    assert_eq!(status["fails"], true);
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "csa": { "failLevel": "error" } } }),
    );
    // The findings are the same, so they are not published again; the status is.
    let status = client.wait_for(|m| m["method"] == "csa/status")["params"].clone();
    assert_eq!(status["fails"], false);
    client.shutdown();
}

#[test]
fn clients_that_pull_diagnostics_get_them_on_request_and_none_pushed() {
    let mut client = Client::start(EXE);
    let result = client.initialize(
        json!({ "textDocument": { "diagnostic": { "dynamicRegistration": false } } }),
        json!({ "asOf": "2018-06-01" }),
    );
    assert_eq!(
        result["capabilities"]["diagnosticProvider"]["identifier"],
        "csa"
    );
    let doc = uri("pulled.csa");
    let text = "// csa-ignore CSA201: led by a partnership, agreed 2018\n@priority RS: Road Safety\n@agreement: A\n  kind: county-agreement\n  area: Kent\n  version: 1\n  effective: 2018-04-01\n";
    client.open(&doc, text);
    let report = client.call(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": doc } }),
    );
    assert_eq!(report["kind"], "full");
    let codes: Vec<&str> = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"CSA301") && !codes.contains(&"CSA201"),
        "{codes:?}"
    );
    // Hover on the rule code of a suppression explains the rule.
    let hover = client.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": doc }, "position": { "line": 0, "character": 16 } }),
    );
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("CSA201 priority-without-lead"));
    // Nothing was pushed: shutdown asserts that no message is left unread.
    client.shutdown();
}

#[test]
fn hover_just_after_a_multibyte_character_answers() {
    // A regression: hover looked for the start of the word one byte before "–".
    for offer_utf8 in [true, false] {
        let mut client = Client::start(EXE);
        let capabilities = if offer_utf8 {
            json!({ "general": { "positionEncodings": ["utf-8"] } })
        } else {
            json!({})
        };
        client.initialize(capabilities, json!({ "asOf": "2022-06-01" }));
        let doc = uri("dash.csa");
        let text = "@version 4.0: Refreshed\n  date: 2020-04\n  - Foreword – updated\n@priority A: éSafe\n";
        client.open(&doc, text);
        client.diagnostics(&doc);
        let after_dash = if offer_utf8 {
            "  - Foreword –".len()
        } else {
            "  - Foreword –".encode_utf16().count()
        };
        client.call("textDocument/hover", json!({ "textDocument": { "uri": doc }, "position": { "line": 2, "character": after_dash } }));
        let after_e = if offer_utf8 {
            "@priority A: é".len()
        } else {
            "@priority A: é".encode_utf16().count()
        };
        client.call("textDocument/hover", json!({ "textDocument": { "uri": doc }, "position": { "line": 3, "character": after_e } }));
        client.shutdown();
    }
}

#[test]
fn formatting_and_quick_fixes_keep_crlf() {
    let mut client = start("2024-06-01");
    let doc = uri("crlf.csa");
    let text = "# Plan\r\n@priority  DA:  Domestic Abuse  \r\n    lead:   Chief, Kent Police\r\n";
    client.open(&doc, text);
    let published = client.diagnostics(&doc);
    let edits = client.call(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": doc }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    assert_eq!(
        edits[0]["newText"],
        "# Plan\r\n\r\n@priority DA: Domestic Abuse\r\n  lead: Chief, Kent Police\r\n"
    );
    let finding = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| !d["code"].as_str().unwrap().starts_with("CSA00"))
        .expect("a rule finding")
        .clone();
    let actions = client.call(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": doc }, "range": finding["range"], "context": { "diagnostics": [finding] } }),
    );
    let mut new_texts = Vec::new();
    for action in actions.as_array().unwrap() {
        for edit in action["edit"]["changes"][&doc].as_array().unwrap() {
            new_texts.push(edit["newText"].as_str().unwrap().to_string());
        }
    }
    assert!(
        new_texts.iter().any(|t| t.ends_with("\r\n")),
        "{new_texts:?}"
    );
    for t in &new_texts {
        assert_eq!(t.matches('\n').count(), t.matches("\r\n").count(), "{t:?}");
    }
    client.shutdown();
}

#[test]
fn a_document_that_uses_another_is_checked_with_its_parts_in_the_editor() {
    let mut client = start("2025-06-01");
    let root = format!("{}/tests/fixtures/workspace", env!("CARGO_MANIFEST_DIR"));
    // The district plan uses the county agreement, which uses the plan file: its
    // `supports:` ids are the used plan's objectives, so nothing is unknown.
    let path = format!("{root}/clean/ashford.csa");
    let doc = format!("file://{path}");
    client.open(&doc, &std::fs::read_to_string(&path).unwrap());
    let published = client.diagnostics(&doc);
    assert_eq!(published["diagnostics"], json!([]), "{published:#}");
    // A used file that does not exist is reported at its `@use` line.
    let path = format!("{root}/defects/canterbury.csa");
    let doc = format!("file://{path}");
    client.open(&doc, &std::fs::read_to_string(&path).unwrap());
    let published = client.diagnostics(&doc);
    assert_eq!(codes_at(&published, "CSA970"), vec![9], "{published:#}");
    client.shutdown();
}

/// A copy of the clean workspace fixture (a county agreement, three district plans
/// and the shared plan file), to edit freely; and its folder's URI.
fn workspace_copy() -> (tempfile::TempDir, String) {
    let from =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workspace/clean");
    let dir = tempfile::tempdir().unwrap();
    for sub in ["", "plans"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        for entry in std::fs::read_dir(from.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                std::fs::copy(&path, dir.path().join(sub).join(path.file_name().unwrap())).unwrap();
            }
        }
    }
    let uri = format!("file://{}", dir.path().canonicalize().unwrap().display());
    (dir, uri)
}

/// The rule codes of a list of diagnostics.
fn codes_of(items: &Value) -> Vec<&str> {
    items
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect()
}

fn read(folder: &str, name: &str) -> String {
    std::fs::read_to_string(format!("{}/{name}", folder.trim_start_matches("file://"))).unwrap()
}

/// The range of the first `needle` in `text`, on line `line` (0-based) or after.
fn range_of(text: &str, needle: &str) -> Value {
    let start = position(text, needle, 0);
    let end = position(text, needle, needle.len());
    json!({ "start": start, "end": end })
}

#[test]
fn a_workspace_is_checked_together_as_the_shared_plan_is_edited() {
    let (_dir, folder) = workspace_copy();
    let mut client = Client::start(EXE);
    let capabilities =
        json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } });
    client.initialize_in(capabilities, json!({ "asOf": "2025-06-01" }), Some(&folder));
    let registrations = client.wait_for(|m| m["method"] == "client/registerCapability");
    let globs: Vec<&Value> = registrations["params"]["registrations"][0]["registerOptions"]
        ["watchers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| &w["globPattern"])
        .collect();
    assert_eq!(globs, [&json!("**/*.toml"), &json!("**/*.csa")]);

    // The files that are not open get their findings too: none, for the clean
    // workspace.
    for name in [
        "ashford.csa",
        "dover.csa",
        "kent-csa.csa",
        "plans/kent-pcc-2025.csa",
        "swale.csa",
    ] {
        let published = client.diagnostics(&format!("{folder}/{name}"));
        assert_eq!(published["diagnostics"], json!([]), "{published:#}");
        assert_eq!(published["version"], Value::Null);
    }
    let dover = format!("{folder}/dover.csa");

    let ashford = format!("{folder}/ashford.csa");
    let ashford_text = read(&folder, "ashford.csa");
    client.open(&ashford, &ashford_text);
    assert_eq!(client.diagnostics(&ashford)["diagnostics"], json!([]));
    let plan = format!("{folder}/plans/kent-pcc-2025.csa");
    let plan_text = read(&folder, "plans/kent-pcc-2025.csa");
    client.open(&plan, &plan_text);
    client.diagnostics(&plan);

    // Go to definition and hover reach into the used files: an objective of the
    // shared plan, and a county priority of the county agreement.
    let at_objective = position(&ashford_text, "CCSVBT-2", 2);
    let definition = client.call(
        "textDocument/definition",
        json!({ "textDocument": { "uri": ashford }, "position": at_objective }),
    );
    assert_eq!(definition["uri"], plan, "{definition}");
    assert_eq!(definition["range"], range_of(&plan_text, "CCSVBT-2"));
    let hover = client.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": ashford }, "position": at_objective }),
    );
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("Support victims of crime"), "{shown}");
    assert!(shown.contains("kent-pcc-2025.csa"), "{shown}");
    let at_county = position(&ashford_text, "county: DA", 9);
    let definition = client.call(
        "textDocument/definition",
        json!({ "textDocument": { "uri": ashford }, "position": at_county }),
    );
    assert_eq!(
        definition["uri"],
        format!("{folder}/kent-csa.csa"),
        "{definition}"
    );

    // The author renames the objective in the plan's buffer: the open district plan
    // that uses it (through the county agreement) is checked again at once, and the
    // closed one after the pause.
    let line = position(&plan_text, "objective CCSVBT-2", 0)["line"].clone();
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": plan, "version": 2 },
            "contentChanges": [{
                "range": { "start": { "line": line, "character": 18 }, "end": { "line": line, "character": 19 } },
                "text": "9"
            }]
        }),
    );
    // (The same findings are never published twice for one version, so the next
    // publication for each is the one this change caused.)
    let published = client.diagnostics(&ashford);
    assert_eq!(
        codes_at(&published, "CSA305"),
        vec![25],
        "`supports: CCSVBT-2` no longer names an objective: {published:#}"
    );
    let published = client.diagnostics(&dover);
    assert_eq!(codes_at(&published, "CSA305"), vec![25], "{published:#}");

    // Put back, both are clean again.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": plan, "version": 3 },
            "contentChanges": [{ "text": plan_text }]
        }),
    );
    for name in ["ashford.csa", "dover.csa", "kent-csa.csa", "swale.csa"] {
        let uri = format!("{folder}/{name}");
        client.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["diagnostics"] == json!([])
        });
    }

    // Renaming an objective from a district plan renames it in the plan file and in
    // every document that uses it, open or not.
    let edit = client.call(
        "textDocument/rename",
        json!({ "textDocument": { "uri": ashford }, "position": at_objective, "newName": "VICTIMS" }),
    );
    let changes = edit["changes"].as_object().unwrap();
    let mut files: Vec<&str> = changes
        .keys()
        .map(|k| k.rsplit('/').next().unwrap())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "ashford.csa",
            "dover.csa",
            "kent-csa.csa",
            "kent-pcc-2025.csa",
            "swale.csa"
        ]
    );
    for (uri, edits) in changes {
        let name = uri.rsplit('/').next().unwrap();
        let text = if name == "kent-pcc-2025.csa" {
            read(&folder, "plans/kent-pcc-2025.csa")
        } else {
            read(&folder, name)
        };
        for edit in edits.as_array().unwrap() {
            assert_eq!(edit["newText"], "VICTIMS");
            let start = &edit["range"]["start"];
            let line = text
                .lines()
                .nth(start["line"].as_u64().unwrap() as usize)
                .unwrap();
            let from = start["character"].as_u64().unwrap() as usize;
            assert_eq!(&line[from..from + 8], "CCSVBT-2", "{name}: {line}");
        }
    }
    // References: the definition and the uses in all five files.
    let references = client.call(
        "textDocument/references",
        json!({ "textDocument": { "uri": plan }, "position": position(&plan_text, "CCSVBT-2", 1), "context": { "includeDeclaration": true } }),
    );
    assert_eq!(references.as_array().unwrap().len(), 5, "{references:#}");
    // A closed file changed on disk is read again: Swale now supports an objective
    // the plan does not have.
    let swale = format!("{folder}/swale.csa");
    let swale_path = swale.trim_start_matches("file://").to_string();
    let swale_text = read(&folder, "swale.csa").replace("supports: CCSVBT-1", "supports: CCSVBT-7");
    std::fs::write(&swale_path, &swale_text).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": swale, "type": 2 }] }),
    );
    let line = position(&swale_text, "CCSVBT-7", 0)["line"]
        .as_u64()
        .unwrap();
    client.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == swale
            && codes_at(&m["params"], "CSA305") == vec![line]
    });

    // With the folder closed, the files that are not open lose their findings.
    client.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({ "event": { "added": [], "removed": [{ "uri": folder, "name": "workspace" }] } }),
    );
    for name in ["dover.csa", "kent-csa.csa", "swale.csa"] {
        let uri = format!("{folder}/{name}");
        client.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["diagnostics"] == json!([])
                && m["params"]["version"].is_null()
        });
    }

    client.take("textDocument/publishDiagnostics");
    client.take("window/logMessage");
    client.shutdown();
}

#[test]
fn a_client_that_pulls_gets_the_closed_files_findings_from_workspace_diagnostics() {
    let (_dir, folder) = workspace_copy();
    // Dover's plan of the defects fixture works on no county priority.
    let defect = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/workspace/defects/dover.csa");
    std::fs::copy(
        defect,
        format!("{}/dover.csa", folder.trim_start_matches("file://")),
    )
    .unwrap();
    let mut client = Client::start(EXE);
    let capabilities = json!({
        "textDocument": { "diagnostic": { "dynamicRegistration": false } },
        "workspace": { "diagnostic": { "refreshSupport": true } }
    });
    let result = client.initialize_in(capabilities, json!({ "asOf": "2025-06-01" }), Some(&folder));
    assert_eq!(
        result["capabilities"]["diagnosticProvider"]["workspaceDiagnostics"],
        true
    );
    assert_eq!(
        result["capabilities"]["diagnosticProvider"]["interFileDependencies"],
        true
    );
    let report = client.call("workspace/diagnostic", json!({ "previousResultIds": [] }));
    let items = report["items"].as_array().unwrap();
    assert_eq!(items.len(), 5, "every file of the workspace: {report:#}");
    let dover = format!("{folder}/dover.csa");
    let dover_report = items.iter().find(|i| i["uri"] == dover).unwrap();
    assert_eq!(dover_report["kind"], "full");
    assert!(
        codes_of(&dover_report["items"]).contains(&"CSA974"),
        "{dover_report:#}"
    );
    // Asked again with the result ids it has, nothing changed.
    let previous: Vec<Value> = items
        .iter()
        .map(|i| json!({ "uri": i["uri"], "value": i["resultId"] }))
        .collect();
    let again = client.call(
        "workspace/diagnostic",
        json!({ "previousResultIds": previous }),
    );
    assert!(
        again["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["kind"] == "unchanged"),
        "{again:#}"
    );
    // The county agreement, opened, pulls its own findings: the county priority SV
    // that no district now works on.
    let county = format!("{folder}/kent-csa.csa");
    client.open(&county, &read(&folder, "kent-csa.csa"));
    let pulled = client.call(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": county } }),
    );
    assert!(codes_of(&pulled["items"]).contains(&"CSA975"), "{pulled:#}");
    // An open file is left out of the workspace report: the client pulls it alone.
    let report = client.call("workspace/diagnostic", json!({ "previousResultIds": [] }));
    assert!(report["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["uri"] != county));
    client.take("workspace/diagnostic/refresh");
    client.take("window/logMessage");
    client.shutdown();
}

/// A finding as `(code, line, column, message)`: the message without the help and
/// legal basis the editor shows after it.
fn finding_at(
    code: &Value,
    start: &Value,
    character: &str,
    message: &Value,
) -> (String, u64, u64, String) {
    let message = message.as_str().unwrap();
    (
        code.as_str().unwrap().to_string(),
        start["line"].as_u64().unwrap(),
        start[character].as_u64().unwrap(),
        message.split("\nhelp: ").next().unwrap().to_string(),
    )
}

#[test]
fn previous_in_csa_toml_gives_the_findings_csa_check_gives() {
    // The files of `previous_in_csa_toml_is_relative_to_it` (tests/diff.rs).
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let fixtures = format!("{}/tests/fixtures/rules", env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir(root.join("archive")).unwrap();
    std::fs::copy(
        format!("{fixtures}/CSA703.previous.csa"),
        root.join("archive/old.csa"),
    )
    .unwrap();
    let plan = root.join("plan.csa");
    std::fs::copy(format!("{fixtures}/CSA703.fires.csa"), &plan).unwrap();
    std::fs::write(
        root.join("csa.toml"),
        "previous = \"archive/old.csa\"\nselect = [\"CSA703\"]\n",
    )
    .unwrap();
    let out = std::process::Command::new(EXE)
        .args(["check", plan.to_str().unwrap(), "--output-format", "json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let expected: Vec<_> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            finding_at(
                &d["code"],
                &d["span"]["start"],
                "column_utf16",
                &d["message"],
            )
        })
        .collect();
    assert_eq!(
        expected.iter().filter(|f| f.0 == "CSA703").count(),
        2,
        "{report:#}"
    );

    let mut client = Client::start(EXE);
    client.initialize(json!({}), json!({}));
    let doc = format!("file://{}", plan.display());
    client.open(&doc, &std::fs::read_to_string(&plan).unwrap());
    let published = client.diagnostics(&doc);
    let shown: Vec<_> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| finding_at(&d["code"], &d["range"]["start"], "character", &d["message"]))
        .collect();
    assert_eq!(shown, expected, "{published:#}");
    client.shutdown();
}
