#!/usr/bin/env bash
# Accessibility of what csa publishes: every example's agreement and a report, as
# HTML, opened in headless Chromium (Debian's package) and checked with axe-core
# (npm, tests/a11y) against WCAG 2.1 AA; the .docx of every example read back with
# python-docx. Fails on any violation.
#
#   bash .ci/a11y.sh [path/to/csa]     (screenshots go to target/a11y/)
set -euo pipefail
cd "$(dirname "$0")/.."
csa=${1:-target/debug/csa}
out=target/a11y
mkdir -p "$out"

if ! command -v chromium >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  sudo_=""; [ "$(id -u)" = 0 ] || sudo_=sudo
  $sudo_ apt-get update -qq
  $sudo_ apt-get install -y -qq chromium >/dev/null
fi
(cd tests/a11y && npm ci --no-audit --no-fund --silent)

pages=()
for example in examples/*.csa; do
  name=$(basename "$example" .csa)
  "$csa" publish "$example" -o "$out/$name.html"
  "$csa" publish "$example" -o "$out/$name.docx"
  pages+=("$out/$name.html")
done
"$csa" report examples/kent-2022.csa --previous examples/kent-2018.csa -o "$out/report.html"
"$csa" report examples/*.csa -o "$out/report-all.html"
pages+=("$out/report.html" "$out/report-all.html")

node tests/a11y/check.js --shots "$out" "${pages[@]}"

# The .docx files, read back by another implementation than the one that wrote them.
if ! python3 -c 'import docx' 2>/dev/null; then
  python3 -m pip install --quiet python-docx
fi
python3 tests/a11y/read_docx.py "$out"/*.docx
