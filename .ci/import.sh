#!/usr/bin/env bash
# CI for `csa import`: a .docx made by a real word processor. Installs LibreOffice
# Writer from Debian's packages, converts a seed text to .docx headless, imports it,
# and checks that the draft parses with no syntax error and keeps the structure.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v soffice >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  sudo_cmd=""
  if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends libreoffice-writer >/dev/null
fi
cargo build --locked --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp tests/fixtures/import/kent-csa-2022.txt "$work/kent-2022.txt"
# Each run gets its own profile: two soffice on one profile fail.
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to docx --outdir "$work" "$work/kent-2022.txt" >/dev/null 2>&1 || true
# soffice can exit 0 without writing anything: check the file.
if [ ! -s "$work/kent-2022.docx" ]; then
  echo "LibreOffice did not write $work/kent-2022.docx" >&2
  exit 1
fi
./target/debug/csa import "$work/kent-2022.docx" -o "$work/kent-2022.csa" 2>"$work/summary.txt"
cat "$work/summary.txt"
grep -q "parses with no syntax error" "$work/summary.txt"
# The model: a header, the six version rows, the eight priorities and ten leads.
./target/debug/csa parse "$work/kent-2022.csa" >"$work/model.json"
python3 - "$work/model.json" <<'PY'
import json, sys
model = json.load(open(sys.argv[1]))
doc = model["document"]
errors = [d for d in model["diagnostics"] if d["severity"] == "error"]
assert not errors, errors
counts = {k: len(doc[k]) for k in ("versions", "priorities", "themes", "leads")}
print("from the LibreOffice .docx:", counts)
assert doc["agreement"] is not None
assert counts == {"versions": 6, "priorities": 8, "themes": 5, "leads": 10}, counts
PY

# A document with real heading styles, lists and tables: HTML through LibreOffice's
# Word export (plain `--convert-to docx` on HTML writes nothing).
cp tests/fixtures/import/anytown-plan.html "$work/anytown.html"
soffice -env:UserInstallation="file://$work/profile2" --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$work/anytown.html" >/dev/null 2>&1 || true
if [ ! -s "$work/anytown.docx" ]; then
  echo "LibreOffice did not write $work/anytown.docx" >&2
  exit 1
fi
./target/debug/csa import "$work/anytown.docx" -o "$work/anytown.csa" 2>"$work/summary2.txt"
cat "$work/summary2.txt"
./target/debug/csa parse "$work/anytown.csa" >"$work/model2.json"
python3 - "$work/model2.json" <<'PY'
import json, sys
model = json.load(open(sys.argv[1]))
doc = model["document"]
assert not [d for d in model["diagnostics"] if d["severity"] == "error"]
versions = [v["version"]["value"] for v in doc["versions"]]
priorities = [p["id"]["value"] for p in doc["priorities"]]
leads = [(l["priority"]["name"], l["role"]["value"]) for l in doc["leads"]]
print("from the LibreOffice .docx with styles:", versions, priorities, leads)
assert versions == ["1.0", "2.0"], versions
assert priorities == ["DA", "RS", "SV"], priorities
assert [p for p, _ in leads] == ["DA", "RS", "SV"], leads
PY
