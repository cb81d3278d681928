#!/usr/bin/env bash
# Builds csa's web page into target/web/: index.html, app.js (the page, CodeMirror and
# csa's WebAssembly in one file, so the page also works opened from a folder),
# style.css and sw.js (offline). Needs clang (the grammar's C for WebAssembly), the
# wasm32-unknown-unknown target, wasm-bindgen-cli of the exact version in Cargo.lock,
# and npm. `CSA_WEB_PROFILE=release` builds faster but larger.
set -euo pipefail
web="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$web/../.." && pwd)"
profile="${CSA_WEB_PROFILE:-web}"
out="$root/target/web"
pkg="$root/target/web-pkg"

want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$root/Cargo.lock")
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  echo "error: wasm-bindgen-cli ${have:-is not installed}; the page needs exactly $want (the wasm-bindgen in Cargo.lock)" >&2
  echo "  help: cargo install wasm-bindgen-cli --version $want" >&2
  exit 2
fi
command -v clang >/dev/null || { echo "error: clang is needed to compile the grammar for WebAssembly
  help: apt-get install clang lld" >&2; exit 2; }

cd "$root"
t0=$(date +%s)
CC_wasm32_unknown_unknown=clang \
  cargo build --locked --quiet -p csa-web --target wasm32-unknown-unknown --profile "$profile"
t1=$(date +%s)
rm -rf "$pkg" && mkdir -p "$pkg"
wasm-bindgen --target web --no-typescript --out-dir "$pkg" \
  "target/wasm32-unknown-unknown/$profile/csa_web.wasm"

cd "$web"
[ -d node_modules/@codemirror/view ] || npm ci --no-audit --no-fund --quiet
rm -rf "$out" && mkdir -p "$out"
npx esbuild src/main.js --bundle --format=iife --minify --log-level=error \
  --loader:.wasm=binary \
  --alias:csa-wasm="$pkg/csa_web.js" --alias:csa-wasm-bytes="$pkg/csa_web_bg.wasm" \
  --outfile="$out/app.js"
cp src/index.html src/style.css "$out/"
version=$(cat "$out/index.html" "$out/style.css" "$out/app.js" | sha256sum | cut -c1-16)
sed -e "s/__VERSION__/$version/" -e 's|__FILES__|["./", "index.html", "style.css", "app.js"]|' \
  src/sw.js >"$out/sw.js"
t2=$(date +%s)

raw=$(stat -c %s "$pkg/csa_web_bg.wasm")
gz=$(gzip -9 -c "$pkg/csa_web_bg.wasm" | wc -c)
app=$(stat -c %s "$out/app.js")
appgz=$(gzip -9 -c "$out/app.js" | wc -c)
echo "built target/web ($profile): WebAssembly $raw bytes ($gz gzip); app.js $app bytes ($appgz gzip); Rust $((t1 - t0)) s, page $((t2 - t1)) s"
