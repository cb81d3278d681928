#!/usr/bin/env bash
# The core library builds for the browser: no disk, no terminal, no process, no async
# runtime below the front ends (`--no-default-features` leaves out the command line
# and the language server). The grammar's C is compiled by clang for WebAssembly.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo_cmd=""
[ "$(id -u)" = 0 ] || sudo_cmd="sudo"
if ! command -v clang >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq clang lld >/dev/null
fi
source .ci/rust-target.sh
ensure_rust_target wasm32-unknown-unknown
CC_wasm32_unknown_unknown=clang cargo check --locked --lib --target wasm32-unknown-unknown --no-default-features
echo "the core builds for wasm32-unknown-unknown"
