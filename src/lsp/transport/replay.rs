//! A recorded session served from start to end: what the fuzz target and the
//! robustness tests feed the server, through the same framing as a real client.

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Serves a recorded session (the bytes a client wrote) and returns what the server
/// wrote back. When the session starts with a framed message (`initialize`), that one
/// is answered before the rest is sent, as a client waits for it; the rest is sent as
/// it is, and the session ends when it runs out. For tests and fuzzing.
pub async fn replay(session: Vec<u8>) -> Vec<u8> {
    // Only a request is sure to be answered; anything else is sent with the rest.
    let first = first_frame_len(&session)
        .filter(|&len| {
            let body_start = session
                .windows(4)
                .position(|w| w == b"\r\n\r\n")
                .unwrap_or(0)
                + 4;
            serde_json::from_slice::<Value>(&session[body_start..len]).is_ok_and(|m| {
                m.get("id").is_some() && m.get("method").is_some_and(Value::is_string)
            })
        })
        .unwrap_or(session.len());
    let (mut client_in, server_in) = tokio::io::duplex(1 << 16);
    let (server_out, mut client_out) = tokio::io::duplex(1 << 16);
    let (answered_tx, answered_rx) = tokio::sync::oneshot::channel::<()>();
    let collect = tokio::spawn(async move {
        let mut out = Vec::new();
        let mut answered = Some(answered_tx);
        let mut chunk = [0u8; 1 << 14];
        loop {
            match client_out.read(&mut chunk).await {
                Ok(0) | Err(_) => return out,
                Ok(n) => out.extend_from_slice(&chunk[..n]),
            }
            // The first response (to `initialize`) has arrived.
            if answered.is_some() && find_response(&out) {
                let _ = answered.take().map(|a| a.send(()));
            }
        }
    });
    let feed = tokio::spawn(async move {
        if client_in.write_all(&session[..first]).await.is_err() {
            return;
        }
        if first < session.len() {
            let _ = tokio::time::timeout(std::time::Duration::from_secs(10), answered_rx).await;
            let _ = client_in.write_all(&session[first..]).await;
        }
    });
    super::super::serve(server_in, server_out).await;
    feed.abort();
    collect.await.unwrap_or_default()
}

/// The length of the framed message at the start of `bytes`, header included.
fn first_frame_len(bytes: &[u8]) -> Option<usize> {
    let end = bytes.windows(4).position(|w| w == b"\r\n\r\n")?;
    let header = std::str::from_utf8(&bytes[..end]).ok()?;
    let length: usize = header
        .trim()
        .strip_prefix("Content-Length:")?
        .trim()
        .parse()
        .ok()?;
    Some((end + 4 + length).min(bytes.len()))
}

/// Whether `out` holds a response (a message with an `id` and no `method`).
fn find_response(out: &[u8]) -> bool {
    let mut rest = out;
    while let Some(len) = first_frame_len(rest) {
        let body = &rest[rest.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or(0) + 4..len];
        if let Ok(message) = serde_json::from_slice::<Value>(body) {
            if message.get("id").is_some() && message.get("method").is_none() {
                return true;
            }
        }
        rest = &rest[len..];
    }
    false
}
