//! The server's side of the wire: framed JSON-RPC messages between the editor and the
//! tower-lsp-server service, read by our own framer so that no message, however
//! malformed, stops the server.
//!
//! tower-lsp-server's reader answers the first message it cannot decode and then
//! treats its input as ended (its frame decoder stops at the first error), waits for
//! the whole of any body a `Content-Length` announces however large, and sends no
//! answer at all to a `$/` request it does not know, so everything the client sends
//! passes through [`read_client`] first. It answers what cannot be served itself (a
//! body that is not JSON, a message that is not JSON-RPC 2.0, a missing or oversized
//! `Content-Length`, a `$/` request the server does not know) and forwards only
//! messages the service decodes, re-framed. Replies from both reach the client
//! through one writer, a whole message at a time.

mod replay;

pub use replay::replay;

use serde_json::{json, Value};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc::{Request, Response};

/// The largest message body the server reads (64 MiB). A larger one is answered with
/// an error and skipped without being held in memory.
pub const MAX_MESSAGE: usize = 64 << 20;

/// The longest header line kept; the rest of a longer line is skipped.
const MAX_HEADER_LINE: usize = 8 << 10;

/// How many header lines a message may have before the block is given up as garbage.
const MAX_HEADER_LINES: usize = 64;

/// JSON-RPC error codes.
const PARSE_ERROR: i64 = -32700;
const INVALID_REQUEST: i64 = -32600;
const METHOD_NOT_FOUND: i64 = -32601;

/// A buffered reader that can put bytes back, so the framer can resynchronise on a
/// header found inside a body that was cut short.
struct Input<R> {
    inner: R,
    buf: Vec<u8>,
    pos: usize,
}

impl<R: AsyncRead + Unpin> Input<R> {
    fn new(inner: R) -> Self {
        Self {
            inner,
            buf: Vec::new(),
            pos: 0,
        }
    }

    fn buffered(&self) -> &[u8] {
        &self.buf[self.pos..]
    }

    /// Reads more bytes into the buffer; false at the end of the input (or an error,
    /// which ends it too).
    async fn fill(&mut self) -> bool {
        if self.pos > 0 {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        let mut chunk = [0u8; 1 << 16];
        match self.inner.read(&mut chunk).await {
            Ok(0) | Err(_) => false,
            Ok(n) => {
                self.buf.extend_from_slice(&chunk[..n]);
                true
            }
        }
    }

    /// One line, without its line break, at most `MAX_HEADER_LINE` bytes kept (the
    /// rest is skipped). `None` at the end of the input.
    async fn line(&mut self) -> Option<Vec<u8>> {
        let mut line = Vec::new();
        loop {
            if let Some(i) = self.buffered().iter().position(|b| *b == b'\n') {
                let part = &self.buffered()[..i];
                let room = MAX_HEADER_LINE.saturating_sub(line.len());
                line.extend_from_slice(&part[..part.len().min(room)]);
                self.pos += i + 1;
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                return Some(line);
            }
            let part = self.buffered();
            let room = MAX_HEADER_LINE.saturating_sub(line.len());
            line.extend_from_slice(&part[..part.len().min(room)]);
            self.pos = self.buf.len();
            if !self.fill().await {
                return None;
            }
        }
    }

    /// Exactly `n` bytes, or `None` if the input ends first.
    async fn exact(&mut self, n: usize) -> Option<Vec<u8>> {
        while self.buffered().len() < n {
            if !self.fill().await {
                return None;
            }
        }
        let out = self.buffered()[..n].to_vec();
        self.pos += n;
        Some(out)
    }

    /// Skips `n` bytes without keeping them; false if the input ends first.
    async fn skip(&mut self, mut n: u64) -> bool {
        loop {
            let have = self.buffered().len() as u64;
            if have >= n {
                self.pos += n as usize;
                return true;
            }
            n -= have;
            self.pos = self.buf.len();
            if !self.fill().await {
                return false;
            }
        }
    }

    /// Puts `bytes` back in front of what is still to be read.
    fn unread(&mut self, bytes: &[u8]) {
        let mut rest = bytes.to_vec();
        rest.extend_from_slice(self.buffered());
        self.buf = rest;
        self.pos = 0;
    }
}

/// Where `Content-Length:` (any case) starts in `bytes`, last occurrence first so a
/// header glued to the tail of a cut-short body is still found.
fn find_length_header(bytes: &[u8]) -> Option<usize> {
    const NAME: &[u8] = b"content-length:";
    if bytes.len() < NAME.len() {
        return None;
    }
    (0..=bytes.len() - NAME.len())
        .rev()
        .find(|&i| bytes[i..i + NAME.len()].eq_ignore_ascii_case(NAME))
}

/// What one header block said.
enum Header {
    /// `Content-Length` and its value (`Err` with the text when it is not a number).
    Length(Result<u64, String>),
    /// A block without `Content-Length`.
    Missing,
}

/// Reads one header block: lines up to a blank one. `None` at the end of the input.
async fn header<R: AsyncRead + Unpin>(input: &mut Input<R>) -> Option<Header> {
    let mut length = None;
    let mut lines = 0;
    loop {
        let line = input.line().await?;
        if line.iter().all(u8::is_ascii_whitespace) {
            if lines == 0 {
                continue; // blank lines between messages
            }
            break;
        }
        lines += 1;
        if let Some(at) = find_length_header(&line) {
            let value = String::from_utf8_lossy(&line[at + "content-length:".len()..])
                .trim()
                .to_string();
            length = Some(value.parse::<u64>().map_err(|_| value));
        }
        if lines >= MAX_HEADER_LINES {
            break;
        }
    }
    Some(length.map_or(Header::Missing, Header::Length))
}

/// An error response, framed.
fn error_reply(id: Value, code: i64, message: &str) -> Vec<u8> {
    frame(&json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": { "code": code, "message": message },
    }))
}

fn frame(message: &Value) -> Vec<u8> {
    let body = serde_json::to_vec(message).unwrap_or_default();
    frame_bytes(&body)
}

fn frame_bytes(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// What to do with one message body.
#[derive(Debug, PartialEq)]
pub enum Verdict {
    /// Pass it to the server (re-framed); `exit` says whether it is the exit notification.
    Forward { body: Vec<u8>, exit: bool },
    /// Answer it with this framed error and do not pass it on.
    Reply(Vec<u8>),
    /// A response from the client that cannot be matched to anything: dropped.
    Drop,
}

/// The id of a message, when it is one JSON-RPC allows (a number, a string or null).
fn valid_id(message: &Value) -> Value {
    match message.get("id") {
        Some(id @ (Value::Number(_) | Value::String(_))) => id.clone(),
        _ => Value::Null,
    }
}

/// Judges one message body.
pub fn judge(body: &[u8]) -> Verdict {
    let message: Value = match serde_json::from_slice(body) {
        Ok(message) => message,
        Err(e) => {
            return Verdict::Reply(error_reply(
                Value::Null,
                PARSE_ERROR,
                &format!("the message is not valid JSON: {e}"),
            ))
        }
    };
    let invalid = |why: &str| {
        Verdict::Reply(error_reply(
            valid_id(&message),
            INVALID_REQUEST,
            &format!("not a JSON-RPC 2.0 message: {why}"),
        ))
    };
    let Some(object) = message.as_object() else {
        return invalid("a message is a JSON object");
    };
    if object.get("jsonrpc") != Some(&json!("2.0")) {
        return invalid("\"jsonrpc\" must be \"2.0\"");
    }
    // Re-serialised, so what the server decodes is exactly what was judged here
    // (a repeated key, which the server's decoder refuses, keeps its last value).
    let normalised = serde_json::to_vec(&message).unwrap_or_default();
    match object.get("method") {
        Some(Value::String(method)) => {
            let is_request = object.contains_key("id");
            if is_request && method.starts_with("$/") {
                return Verdict::Reply(error_reply(
                    valid_id(&message),
                    METHOD_NOT_FOUND,
                    &format!("the server does not implement `{method}`"),
                ));
            }
            if serde_json::from_slice::<Request>(&normalised).is_err() {
                return invalid("a request needs a string method and a number or string id");
            }
            Verdict::Forward {
                exit: method == "exit" && !is_request,
                body: normalised,
            }
        }
        Some(_) => invalid("\"method\" must be a string"),
        None if serde_json::from_slice::<Response>(&normalised).is_ok() => Verdict::Forward {
            body: normalised,
            exit: false,
        },
        // A malformed response gets no reply: the client is not waiting for one.
        None if object.contains_key("result") || object.contains_key("error") => Verdict::Drop,
        None => invalid("a message needs a \"method\", or a \"result\" or \"error\""),
    }
}

/// Reads the client's messages from `input`: forwards the ones the server can decode
/// to `to_server`, answers the rest through `replies`, and ends the server's input after
/// the `exit` notification or when the client's input ends.
pub async fn read_client(
    input: impl AsyncRead + Unpin,
    mut to_server: impl AsyncWrite + Unpin,
    replies: mpsc::Sender<Vec<u8>>,
) {
    let mut input = Input::new(input);
    loop {
        let Some(header) = header(&mut input).await else {
            return;
        };
        let length = match header {
            Header::Missing => {
                let _ = replies
                    .send(error_reply(
                        Value::Null,
                        PARSE_ERROR,
                        "a message starts with a `Content-Length: N` header and a blank line",
                    ))
                    .await;
                continue;
            }
            Header::Length(Err(value)) => {
                let _ = replies
                    .send(error_reply(
                        Value::Null,
                        PARSE_ERROR,
                        &format!("`Content-Length: {value}` is not a number of bytes"),
                    ))
                    .await;
                continue;
            }
            Header::Length(Ok(n)) => n,
        };
        if length > MAX_MESSAGE as u64 {
            let _ = replies
                .send(error_reply(
                    Value::Null,
                    INVALID_REQUEST,
                    &format!(
                        "a message of {length} bytes is larger than the server reads ({} MiB); it was skipped",
                        MAX_MESSAGE >> 20
                    ),
                ))
                .await;
            if !input.skip(length).await {
                return;
            }
            continue;
        }
        let Some(body) = input.exact(length as usize).await else {
            return;
        };
        match judge(&body) {
            Verdict::Forward { body, exit } => {
                if to_server.write_all(&frame_bytes(&body)).await.is_err() {
                    return;
                }
                if exit {
                    let _ = to_server.flush().await;
                    return; // dropping the writer ends the server's input
                }
            }
            Verdict::Reply(reply) => {
                let _ = replies.send(reply).await;
                // A body cut short by a wrong length may hold the next message's
                // header: read on from there.
                let unreadable = serde_json::from_slice::<serde::de::IgnoredAny>(&body).is_err();
                if let Some(at) = find_length_header(&body).filter(|_| unreadable) {
                    input.unread(&body[at..]);
                }
            }
            Verdict::Drop => {}
        }
    }
}

/// Splits the server's output into whole messages and passes each to `out`.
pub async fn relay_server(from_server: impl AsyncRead + Unpin, out: mpsc::Sender<Vec<u8>>) {
    let mut input = Input::new(from_server);
    loop {
        let Some(Header::Length(Ok(length))) = header(&mut input).await else {
            return;
        };
        let Some(body) = input.exact(length as usize).await else {
            return;
        };
        if out.send(frame_bytes(&body)).await.is_err() {
            // The client is gone: keep draining so the server is never blocked.
            continue;
        }
    }
}

/// Writes whole messages to the client, in the order they come.
pub async fn write_client(
    mut messages: mpsc::Receiver<Vec<u8>>,
    mut output: impl AsyncWrite + Unpin,
) {
    while let Some(message) = messages.recv().await {
        if output.write_all(&message).await.is_err() || output.flush().await.is_err() {
            // Keep receiving, so senders never wait on a client that stopped reading.
            while messages.recv().await.is_some() {}
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply_code(verdict: Verdict) -> i64 {
        let Verdict::Reply(bytes) = verdict else {
            panic!("expected a reply, got {verdict:?}");
        };
        let body = &bytes[bytes.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4..];
        let value: Value = serde_json::from_slice(body).unwrap();
        value["error"]["code"].as_i64().unwrap()
    }

    #[test]
    fn malformed_messages_are_answered_not_forwarded() {
        assert_eq!(reply_code(judge(b"{not json")), PARSE_ERROR);
        assert_eq!(
            reply_code(judge(
                br#"{"jsonrpc":"2.0","id":1,"method":"x","params":"\ud83d"}"#
            )),
            PARSE_ERROR
        );
        assert_eq!(reply_code(judge(b"[1,2]")), INVALID_REQUEST);
        assert_eq!(
            reply_code(judge(br#"{"jsonrpc":"1.0","id":1,"method":"x"}"#)),
            INVALID_REQUEST
        );
        assert_eq!(
            reply_code(judge(br#"{"jsonrpc":"2.0","id":{},"method":"x"}"#)),
            INVALID_REQUEST
        );
        assert_eq!(
            reply_code(judge(br#"{"jsonrpc":"2.0","id":1,"method":"$/x"}"#)),
            METHOD_NOT_FOUND
        );
    }

    #[test]
    fn valid_messages_are_forwarded_once_normalised() {
        let Verdict::Forward { body, exit } =
            judge(br#"{"jsonrpc":"2.0","method":"exit","method":"exit"}"#)
        else {
            panic!("exit is forwarded");
        };
        assert!(exit);
        assert_eq!(body, br#"{"jsonrpc":"2.0","method":"exit"}"#);
        assert!(matches!(
            judge(br#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}"#),
            Verdict::Forward { exit: false, .. }
        ));
    }

    #[test]
    fn a_length_header_is_found_after_the_tail_of_a_body() {
        assert_eq!(find_length_header(b"xx}Content-Length: 5"), Some(3));
        assert_eq!(find_length_header(b"content-length:1"), Some(0));
        assert_eq!(find_length_header(b"nothing"), None);
    }
}
