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

# Plans of other areas (tests/fixtures/import/real) as Word and PDF files made by
# LibreOffice: each imports to the same priorities, period, area and authorities as
# its text does.
start=$(date +%s)
for name in kirklees-communities-partnership-plan-2022-2027 barking-dagenham-cspp-2023-2026 \
  lancashire-priorities-2013-14 west-lancashire-csp-plan-2022-2025 bromley-safer-bromley-partnership; do
  # The first line names the source; the document starts after it.
  tail -n +2 "tests/fixtures/import/real/$name.txt" >"$work/$name.txt"
  for to in docx pdf; do
    soffice -env:UserInstallation="file://$work/profile-$to" --headless --convert-to "$to" \
      --outdir "$work" "$work/$name.txt" >/dev/null 2>&1 || true
    if [ ! -s "$work/$name.$to" ]; then
      echo "LibreOffice did not write $work/$name.$to" >&2
      exit 1
    fi
  done
  for from in txt docx pdf; do
    ./target/debug/csa import "$work/$name.$from" -o "$work/$name-$from.csa" 2>"$work/$name-$from.summary"
    ./target/debug/csa parse "$work/$name-$from.csa" >"$work/$name-$from.json"
  done
  python3 - "$work/$name" <<'PY'
import json, sys
base = sys.argv[1]
def facts(kind):
    model = json.load(open(f"{base}-{kind}.json"))
    assert not [d for d in model["diagnostics"] if d["severity"] == "error"], kind
    doc = model["document"]
    head = doc["agreement"] or {}
    value = lambda f: (head.get(f) or {}).get("value")
    return {
        "priorities": [p["title"]["value"] for p in doc["priorities"] if p.get("title")],
        "authorities": [a["name"]["value"] for a in doc["authorities"] if a.get("name")],
        "area": value("area"),
        "period": value("period"),
    }
text = facts("txt")
print(base.rsplit("/", 1)[-1], text)
for kind in ("docx", "pdf"):
    got = facts(kind)
    assert got == text, f"{kind}: {got} != {text}"
PY
done
echo "plans of other areas as .docx and .pdf: $(( $(date +%s) - start )) s"
