//! The language server as a byte stream: whatever a client writes to `csa lsp`, the
//! server answers what it can and serves until its input ends, without a panic, an
//! abort or a hang.
//!
//! The first byte chooses the shape: odd, the rest is split at NUL bytes into message
//! bodies, each framed with its true length and sent after a valid `initialize`, so
//! the fuzzer reaches the handlers (`initialize` is answered before the rest is sent); even, the rest is sent as it is (framed or not).

#![no_main]

use libfuzzer_sys::fuzz_target;

fn frame(body: &[u8], out: &mut Vec<u8>) {
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
    out.extend_from_slice(body);
}

fuzz_target!(|data: &[u8]| {
    let Some((&shape, rest)) = data.split_first() else {
        return;
    };
    let input = if shape & 1 == 1 {
        let mut out = Vec::new();
        frame(
            br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#,
            &mut out,
        );
        frame(br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#, &mut out);
        for body in rest.split(|b| *b == 0) {
            frame(body, &mut out);
        }
        out
    } else {
        rest.to_vec()
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(csa::lsp::transport::replay(input));
});
