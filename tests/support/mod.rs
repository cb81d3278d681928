//! A small LSP client for tests and benchmarks: it starts the real `csa lsp` binary
//! and speaks JSON-RPC to it over stdio, keeping every message it receives so tests
//! can assert that none was left unread.

#![allow(dead_code)]

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// How long to wait for any one message before failing.
pub const TIMEOUT: Duration = Duration::from_secs(20);

pub struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    /// Messages received but not yet consumed, in arrival order.
    pub unread: VecDeque<Value>,
    next_id: i64,
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            length = v.parse().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// `shutdown` and `exit` take no params: a null is sent as none.
fn params_absent(message: &Value) -> bool {
    message["params"].is_null()
}

impl Client {
    /// Starts `csa lsp` (the binary at `exe`).
    pub fn start(exe: &str) -> Self {
        let mut child = Command::new(exe)
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("csa lsp starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        Self {
            child,
            stdin: Some(stdin),
            incoming: rx,
            unread: VecDeque::new(),
            next_id: 1,
        }
    }

    pub fn send(&mut self, message: &Value) {
        let body = serde_json::to_string(message).unwrap();
        let stdin = self.stdin.as_mut().expect("the connection is open");
        write!(stdin, "Content-Length: {}\r\n\r\n{}", body.len(), body).unwrap();
        stdin.flush().unwrap();
    }

    /// Writes bytes to the server as they are, framed or not.
    pub fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("the connection is open");
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    /// Closes the server's input and waits for it to exit.
    pub fn close_input_and_wait(mut self) -> std::process::ExitStatus {
        self.stdin = None;
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Whether the server process is still running.
    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        let mut message = json!({ "jsonrpc": "2.0", "method": method, "params": params });
        if params_absent(&message) {
            message.as_object_mut().unwrap().remove("params");
        }
        self.send(&message);
    }

    /// Sends a request and returns the whole response (with `result` or `error`).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        let mut message = json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params });
        if params_absent(&message) {
            message.as_object_mut().unwrap().remove("params");
        }
        self.send(&message);
        self.wait_for(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none())
    }

    /// Sends a request and returns its result, failing on an error.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        let response = self.request(method, params);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    /// Receives messages until one matches, keeping the others unread; answers the
    /// server's own requests (capability registration) as a client would.
    pub fn wait_for(&mut self, matches: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.unread.iter().position(&matches) {
            return self.unread.remove(i).unwrap();
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.incoming.recv_timeout(left) {
                Ok(message) => {
                    if message.get("method").is_some() && message.get("id").is_some() {
                        // A request from the server: reply, and keep it to be asserted.
                        let id = message["id"].clone();
                        self.send(&json!({ "jsonrpc": "2.0", "id": id, "result": null }));
                    }
                    if matches(&message) {
                        return message;
                    }
                    self.unread.push_back(message);
                }
                Err(RecvTimeoutError::Timeout) => panic!(
                    "no matching message within {TIMEOUT:?}; unread: {:#?}",
                    self.unread
                ),
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("the server closed its output; unread: {:#?}", self.unread)
                }
            }
        }
    }

    /// The next `publishDiagnostics` for `uri`.
    pub fn diagnostics(&mut self, uri: &str) -> Value {
        let uri = uri.to_string();
        self.wait_for(move |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        })["params"]
            .clone()
    }

    /// Removes and returns every unread message with this method.
    pub fn take(&mut self, method: &str) -> Vec<Value> {
        let (taken, kept): (Vec<Value>, Vec<Value>) =
            self.unread.drain(..).partition(|m| m["method"] == method);
        self.unread = kept.into();
        taken
    }

    pub fn initialize(&mut self, capabilities: Value, options: Value) -> Value {
        self.initialize_in(capabilities, options, None)
    }

    /// Initializes with `folder` (a `file://` URI) as the one workspace folder.
    pub fn initialize_in(
        &mut self,
        capabilities: Value,
        options: Value,
        folder: Option<&str>,
    ) -> Value {
        let folders = folder.map(|uri| json!([{ "uri": uri, "name": "workspace" }]));
        let result = self.call(
            "initialize",
            json!({ "processId": null, "rootUri": folder, "workspaceFolders": folders, "capabilities": capabilities, "initializationOptions": options }),
        );
        self.notify("initialized", json!({}));
        let ready = self.wait_for(|m| m["method"] == "window/logMessage");
        assert_eq!(ready["params"]["message"], "csa language server ready");
        result
    }

    pub fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "csa", "version": 1, "text": text } }),
        );
    }

    /// Shuts the server down and checks that it exits cleanly with nothing unread.
    pub fn shutdown(mut self) {
        let result = self.call("shutdown", json!(null));
        assert_eq!(result, Value::Null);
        // The pipe stays open, as some editors leave it: the server must exit on
        // `exit` alone.
        self.notify("exit", json!(null));
        let deadline = Instant::now() + TIMEOUT;
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(10));
        };
        assert!(status.success(), "{status}");
        while let Ok(m) = self.incoming.try_recv() {
            self.unread.push_back(m);
        }
        assert!(
            self.unread.is_empty(),
            "messages left unread: {:#?}",
            self.unread
        );
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// A `file://` URI for a document name (the file need not exist). The folder holds an
/// empty `csa.toml`, so that a `csa.toml` some other program left in the temporary
/// folder above it is never the configuration these documents are checked with.
pub fn uri(name: &str) -> String {
    static FOLDER: std::sync::Once = std::sync::Once::new();
    FOLDER.call_once(|| {
        let dir = std::path::Path::new("/tmp/csa-lsp-test");
        let _ = std::fs::create_dir_all(dir);
        if !dir.join("csa.toml").exists() {
            let _ = std::fs::write(dir.join("csa.toml"), "");
        }
    });
    format!("file:///tmp/csa-lsp-test/{name}")
}
