#!/usr/bin/env bash
# Accessibility of what csa publishes: every example's agreement and a report, as
# HTML, opened in headless Chromium (Debian's package) and checked with axe-core
# (npm, tests/a11y) against WCAG 2.1 AA; then what axe cannot see (tests/a11y/
# layout.js): the WCAG 1.4.12 text-spacing test on every diagram label, no
# sideways scrolling at 320 and 390 px, and the report's verdict within the first
# 800 px on a desktop and a phone, and on the first printed page; the .docx of
# every example and the report as Word read back with python-docx (styles, header
# rows, column widths, numbered lists, dates). Fails on any violation.
#
#   bash .ci/a11y.sh [path/to/csa]     (screenshots go to target/a11y/)
set -euo pipefail
cd "$(dirname "$0")/.."
csa=${1:-target/debug/csa}
out=target/a11y
mkdir -p "$out"

export DEBIAN_FRONTEND=noninteractive
sudo_=""; [ "$(id -u)" = 0 ] || sudo_=sudo
updated=""
if ! command -v chromium >/dev/null 2>&1; then
  $sudo_ apt-get update -qq && updated=1
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
published=("${pages[@]}")
"$csa" report examples/kent-2022.csa --previous examples/kent-2018.csa -o "$out/report.html"
"$csa" report examples/kent-2022.csa --previous examples/kent-2018.csa -o "$out/report.docx"
"$csa" report examples/*.csa -o "$out/report-all.html"
pages+=("$out/report.html" "$out/report-all.html")

node tests/a11y/check.js --shots "$out" "${pages[@]}"
node tests/a11y/layout.js --shots "$out" --published "${published[@]}" --reports "$out/report.html" "$out/report-all.html"
# On paper too, the verdict is on the first page.
if ! command -v pdftotext >/dev/null 2>&1; then
  [ -n "$updated" ] || { $sudo_ apt-get update -qq; updated=1; }
  $sudo_ apt-get install -y -qq poppler-utils >/dev/null
fi
first_page=$(pdftotext -f 1 -l 1 "$out/report-print.pdf" -)
for needed in "Status" "Not current." "Reviewed on:"; do
  if ! grep -qF "$needed" <<<"$first_page"; then
    echo "the report's first printed page lacks \"$needed\"" >&2
    exit 1
  fi
done
echo "print: the verdict is on the first A4 page of the report"

# The .docx files, read back by another implementation than the one that wrote them
# (Debian's python3-docx, for Debian's python3 when the first on PATH lacks it).
py=python3
if ! $py -c 'import docx' 2>/dev/null; then
  if ! /usr/bin/python3 -c 'import docx' 2>/dev/null; then
    [ -n "$updated" ] || $sudo_ apt-get update -qq
    $sudo_ apt-get install -y -qq python3-docx >/dev/null
  fi
  py=/usr/bin/python3
fi
agreements=()
for example in examples/*.csa; do agreements+=("$out/$(basename "$example" .csa).docx"); done
$py tests/a11y/read_docx.py "${agreements[@]}" --report "$out/report.docx"
