#!/usr/bin/env bash
# CI for the web page, on a fresh machine: installs what it needs (clang, the
# WebAssembly target, wasm-bindgen-cli, Chromium, LibreOffice Writer, the npm
# packages), builds the page, makes the command line's outputs for the same inputs,
# and drives Chromium through the page (test/e2e.js). Usage: ci.sh [path/to/csa]
set -euo pipefail
web="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$web/../.." && pwd)"
cd "$root"
started=$(date +%s)
sudo_cmd=""
[ "$(id -u)" = 0 ] || sudo_cmd="sudo"
need=()
command -v clang >/dev/null || need+=(clang lld)
command -v chromium >/dev/null || need+=(chromium)
command -v soffice >/dev/null || need+=(libreoffice-writer)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
source "$root/.ci/rust-target.sh"
ensure_rust_target wasm32-unknown-unknown
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }')" != "$want" ]; then
  # Not --locked: a crate its lock file names has been withdrawn from crates.io.
  cargo install wasm-bindgen-cli --version "$want" --quiet
fi
(cd "$web" && npm ci --no-audit --no-fund --quiet)
echo "web: tools ready in $(( $(date +%s) - started )) s"

bash "$web/build.sh"

csa="${1:-}"
if [ -z "$csa" ]; then
  cargo build --locked --quiet
  csa="$root/target/debug/csa"
fi

# The command line's outputs for the inputs the page is given, by the same names.
work="$root/target/web-ci"
rm -rf "$work" && mkdir -p "$work/in" "$work/cli" "$work/downloads" "$work/shots"
as_of=2023-04-01
cp examples/kent-2022.csa examples/kent-2018.csa "$work/in/"
cp tests/fixtures/import/kent-csa-2022.txt "$work/in/kent-2022-word.txt"
(
  cd "$work/in"
  "$csa" check --output-format json --as-of "$as_of" kent-2022.csa >"$work/cli/check.json" || true
  "$csa" report kent-2022.csa --as-of "$as_of" --previous kent-2018.csa -o "$work/cli/report.html"
  "$csa" publish kent-2022.csa -o "$work/cli/agreement.html"
  "$csa" publish kent-2022.csa -o "$work/cli/agreement.docx"
  # A Word document and a PDF made by a real word processor, each on its own profile.
  soffice -env:UserInstallation="file://$work/lo1" --headless --convert-to docx --outdir "$work/in" kent-2022-word.txt >/dev/null 2>&1 || true
  soffice -env:UserInstallation="file://$work/lo2" --headless --convert-to pdf --outdir "$work/in" kent-2022-word.txt >/dev/null 2>&1 || true
)
for f in kent-2022-word.docx kent-2022-word.pdf; do
  [ -s "$work/in/$f" ] || { echo "LibreOffice did not write $work/in/$f" >&2; exit 1; }
done
# The native check's time on the same document, for the comparison the page prints.
native_ms=$(python3 - "$csa" "$work/in" "$as_of" <<'PY'
import subprocess, sys, time
csa, folder, as_of = sys.argv[1:]
runs = []
for _ in range(7):
    t = time.perf_counter()
    subprocess.run([csa, "check", "--output-format", "json", "--as-of", as_of, "kent-2022.csa"],
                   cwd=folder, stdout=subprocess.DEVNULL)
    runs.append((time.perf_counter() - t) * 1000)
print(f"{sorted(runs)[3]:.1f}")
PY
)

CSA_WEB_ROOT="$root" CSA_WEB_WORK="$work" CSA_WEB_AS_OF="$as_of" CSA_NATIVE_MS="$native_ms" \
  node "$web/test/e2e.js"
echo "web: done in $(( $(date +%s) - started )) s"
