//! The language server under hostile or clumsy input: after any malformed message it
//! answers the error and goes on serving; a huge `Content-Length` never aborts it; the
//! work of one keystroke stays bounded.

mod support;

use serde_json::{json, Value};
use support::{uri, Client};

const EXE: &str = env!("CARGO_BIN_EXE_csa");

fn start() -> Client {
    let mut client = Client::start(EXE);
    client.initialize(json!({}), json!({ "asOf": "2024-01-01" }));
    client
}

fn framed(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// The next error response with no matching request (`id` null or the given one).
fn error_with_id(client: &mut Client, id: Value) -> Value {
    client.wait_for(move |m| m.get("error").is_some() && m["id"] == id)["error"].clone()
}

/// Sends a valid request after whatever came before and checks it is answered.
fn still_answers(client: &mut Client) {
    let doc = uri("after.csa");
    client.open(&doc, "@theme T: x\n");
    client.diagnostics(&doc);
    let symbols = client.call(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": doc } }),
    );
    assert_eq!(symbols[0]["name"], "T: x");
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": doc } }),
    );
    client.diagnostics(&doc);
}

fn after_bad_body(body: &[u8], code: i64) {
    let mut client = start();
    client.send_raw(&framed(body));
    let error = error_with_id(&mut client, Value::Null);
    assert_eq!(error["code"], code, "{error}");
    still_answers(&mut client);
    assert!(client.is_running());
    client.shutdown();
}

#[test]
fn server_answers_after_invalid_json() {
    after_bad_body(b"{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": ", -32700);
}

#[test]
fn server_answers_after_a_non_object_message() {
    after_bad_body(b"[1, 2, 3]", -32600);
    after_bad_body(b"42", -32600);
}

#[test]
fn server_answers_after_jsonrpc_1_0() {
    let mut client = start();
    client.send_raw(&framed(
        br#"{"jsonrpc": "1.0", "id": 77, "method": "textDocument/hover"}"#,
    ));
    let error = error_with_id(&mut client, json!(77));
    assert_eq!(error["code"], -32600);
    still_answers(&mut client);
    client.shutdown();
}

#[test]
fn server_answers_after_an_escaped_lone_surrogate() {
    after_bad_body(
        br#"{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///x.csa", "languageId": "csa", "version": 1, "text": "\ud83d"}}}"#,
        -32700,
    );
}

#[test]
fn server_answers_after_a_body_cut_short() {
    let mut client = start();
    let body = br#"{"jsonrpc": "2.0", "id": 5, "method": "shutdown"}"#;
    // The length says less than the body holds; the rest runs into the next header.
    let mut bytes = format!("Content-Length: {}\r\n\r\n", body.len() - 10).into_bytes();
    bytes.extend_from_slice(body);
    client.send_raw(&bytes);
    let error = error_with_id(&mut client, Value::Null);
    assert_eq!(error["code"], -32700);
    still_answers(&mut client);
    client.shutdown();
}

#[test]
fn server_answers_after_unframed_bytes_and_bad_headers() {
    let mut client = start();
    client.send_raw(b"hello\r\n\r\n");
    assert_eq!(error_with_id(&mut client, Value::Null)["code"], -32700);
    client.send_raw(b"Content-Length: lots\r\n\r\n");
    assert_eq!(error_with_id(&mut client, Value::Null)["code"], -32700);
    client.send_raw(&[0xff, 0xfe, b'\r', b'\n', b'\r', b'\n']);
    assert_eq!(error_with_id(&mut client, Value::Null)["code"], -32700);
    still_answers(&mut client);
    client.shutdown();
}

#[test]
fn a_100_gb_content_length_never_aborts() {
    let mut client = start();
    // The body is skipped, not allocated: send a little of it and end the input; the
    // server reports the size and exits cleanly when the input ends.
    client.send_raw(b"Content-Length: 100000000000\r\n\r\n{\"jsonrpc\"");
    let error = error_with_id(&mut client, Value::Null);
    assert_eq!(error["code"], -32600);
    assert!(error["message"].as_str().unwrap().contains("larger"));
    assert!(client.is_running());
    let status = client.close_input_and_wait();
    assert!(status.success(), "{status}");
}

#[test]
fn an_oversized_message_is_skipped_and_serving_goes_on() {
    let mut client = start();
    let size = 64 * 1024 * 1024 + 1;
    let mut bytes = format!("Content-Length: {size}\r\n\r\n").into_bytes();
    bytes.resize(bytes.len() + size, b' ');
    client.send_raw(&bytes);
    assert_eq!(error_with_id(&mut client, Value::Null)["code"], -32600);
    still_answers(&mut client);
    client.shutdown();
}

#[test]
fn dollar_requests_get_method_not_found() {
    let mut client = start();
    let response = client.request("$/somethingNew", json!({}));
    assert_eq!(response["error"]["code"], -32601);
    // `$/` notifications are ignored quietly, as the protocol allows.
    client.notify("$/setTrace", json!({ "value": "off" }));
    still_answers(&mut client);
    client.shutdown();
}

#[test]
fn a_stale_change_is_logged() {
    let mut client = start();
    let doc = uri("stale.csa");
    client.open(&doc, "@theme T: x\n");
    client.diagnostics(&doc);
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": doc, "version": 1 }, "contentChanges": [ { "text": "gone" } ] }),
    );
    let logged = client.wait_for(|m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.contains("not newer"))
    });
    assert!(logged["params"]["message"]
        .as_str()
        .unwrap()
        .contains("stale.csa"));
    let symbols = client.call(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": doc } }),
    );
    assert_eq!(symbols[0]["name"], "T: x", "the stale text was not applied");
    client.shutdown();
}

#[test]
fn only_the_latest_version_is_published_and_hover_answers_meanwhile() {
    let mut client = start();
    let doc = uri("big.csa");
    let text = csa::gen::agreement(300_000, 3);
    client.open(&doc, &text);
    client.diagnostics(&doc);
    let edits = 12;
    for i in 0..edits {
        let at = json!({ "line": 0, "character": 0 });
        client.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": doc, "version": i + 2 }, "contentChanges": [ { "range": { "start": at, "end": at }, "text": "\n" } ] }),
        );
        // Answered from the last analysis while checks run.
        let hover = client.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": doc }, "position": { "line": 5, "character": 3 } }),
        );
        assert!(hover.get("error").is_none(), "{hover}");
    }
    let last = edits + 1;
    let mut versions = Vec::new();
    loop {
        let published = client.diagnostics(&doc);
        let version = published["version"].as_i64().unwrap();
        versions.push(version);
        if version == last {
            break;
        }
    }
    assert!(
        versions.windows(2).all(|w| w[0] < w[1]),
        "published out of order: {versions:?}"
    );
    // Later requests see the final text: 12 lines were added at the top.
    let symbols = client.call(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": doc } }),
    );
    let first_line = symbols[0]["range"]["start"]["line"].as_u64().unwrap();
    let unedited = text.lines().position(|l| l.starts_with('@')).unwrap() as u64;
    assert_eq!(first_line, unedited + edits as u64);
    client.take("window/logMessage");
    client.shutdown();
}

#[test]
fn cancel_request_answers_a_waiting_request_as_cancelled() {
    let mut client = start();
    let doc = uri("cancel.csa");
    let text = csa::gen::agreement(1_000_000, 5);
    client.open(&doc, &text);
    client.diagnostics(&doc);
    let at = json!({ "line": 0, "character": 0 });
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": doc, "version": 2 }, "contentChanges": [ { "range": { "start": at, "end": at }, "text": "\n" } ] }),
    );
    // A definition waits for the analysis of version 2; cancelled meanwhile, it is
    // answered as cancelled, and a hover sent after it is answered without waiting.
    let position =
        json!({ "textDocument": { "uri": doc }, "position": { "line": 10, "character": 2 } });
    client.send(&json!({ "jsonrpc": "2.0", "id": 901, "method": "textDocument/definition", "params": position }));
    client.notify("$/cancelRequest", json!({ "id": 901 }));
    client.send(
        &json!({ "jsonrpc": "2.0", "id": 902, "method": "textDocument/hover", "params": position }),
    );
    let cancelled = client.wait_for(|m| m["id"] == 901);
    assert_eq!(cancelled["error"]["code"], -32800, "{cancelled}");
    let hover = client.wait_for(|m| m["id"] == 902);
    assert!(hover.get("error").is_none(), "{hover}");
    assert_eq!(client.diagnostics(&doc)["version"], 2);
    client.take("window/logMessage");
    client.shutdown();
}

/// The responses in a stream of framed messages.
fn messages(mut bytes: &[u8]) -> Vec<Value> {
    let mut out = Vec::new();
    while let Some(at) = bytes.windows(4).position(|w| w == b"\r\n\r\n") {
        let header = std::str::from_utf8(&bytes[..at]).unwrap();
        let length: usize = header
            .trim()
            .strip_prefix("Content-Length: ")
            .unwrap()
            .parse()
            .unwrap();
        let body = &bytes[at + 4..at + 4 + length];
        out.push(serde_json::from_slice(body).unwrap());
        bytes = &bytes[at + 4 + length..];
    }
    out
}

#[test]
fn every_fuzz_seed_session_is_served_to_the_end() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/lsp");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("lsp") {
            continue;
        }
        seen += 1;
        let input = std::fs::read(&path).unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let output = runtime.block_on(async move {
            let served = csa::lsp::transport::replay(input);
            tokio::time::timeout(std::time::Duration::from_secs(60), served)
                .await
                .expect("the session ends")
        });
        let replies = messages(&output);
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        assert!(
            replies
                .iter()
                .any(|m| m["id"] == 1 && m.get("result").is_some()),
            "{name}: initialize answered"
        );
        if name != "huge-length.lsp" {
            // Everything after the oddity is served: the hover and the shutdown after
            // it are each answered once (the replay does not wait for answers before
            // `exit`, so they may be answered as cancelled).
            for id in [2, 3] {
                let answers = replies.iter().filter(|m| m["id"] == id).count();
                assert_eq!(
                    answers, 1,
                    "{name}: request {id} answered once: {replies:#?}"
                );
            }
        }
    }
    assert!(seen >= 10, "the seed sessions are in {dir}");
}

/// Replays a session of framed `bodies` after `initialize` and `initialized`, as
/// the fuzz target does, and returns the server's messages; fails if it never ends.
fn replay_after_initialize(bodies: &[&str]) -> Vec<Value> {
    let init = r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#;
    let initialized = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
    let mut session = Vec::new();
    for body in [init, initialized].iter().chain(bodies) {
        session
            .extend_from_slice(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let output = runtime.block_on(async move {
        tokio::time::timeout(
            std::time::Duration::from_secs(30),
            csa::lsp::transport::replay(session),
        )
        .await
        .expect("the session ends")
    });
    messages(&output)
}

fn shutdown_answered(replies: &[Value]) -> bool {
    replies
        .iter()
        .any(|m| m["id"] == 2 && m.get("result").is_some())
}

#[test]
fn a_repeated_initialized_notification_does_not_hang_the_session() {
    // Found by the language-server fuzz target: a second `initialized` kept the
    // session from ending after the client's input closed.
    let replies = replay_after_initialize(&[
        r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
        r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#,
    ]);
    assert!(shutdown_answered(&replies), "{replies:?}");
}

#[test]
fn messages_the_server_sends_to_the_client_never_hold_up_the_session() {
    // Found by the language-server fuzz target: a stale change (logged) and a bad
    // setting (shown) kept the session from ending when sent from the handler itself.
    let open = r#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/x.csa","languageId":"csa","version":1,"text":"@theme T: x\n"}}}"#;
    let stale = r#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///tmp/x.csa","version":0},"contentChanges":[{"text":"x"}]}}"#;
    let setting = r#"{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"csa":{"asOf":"nonsense"}}}}"#;
    let shutdown = r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#;
    for bodies in [vec![open, stale, shutdown], vec![setting, shutdown]] {
        let replies = replay_after_initialize(&bodies);
        assert!(shutdown_answered(&replies), "{replies:?}");
    }
}
