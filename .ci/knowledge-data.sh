#!/usr/bin/env bash
# CI: the knowledge data under rules/ (gazetteer.toml, successors.toml) is generated from the
# tables in rules/tools/; check that the committed files match their generators and pass the
# data check (schema, ids, references, sources), and that the plans (pcc-plans.toml, written by
# hand) pass theirs (every start read in a source, or a window). Needs Python 3.11 or later
# (tomllib).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python3 -c 'import tomllib' 2>/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq python3 >/dev/null
fi
python3 rules/tools/gen_gazetteer.py >/dev/null
python3 rules/tools/gen_successors.py >/dev/null
git diff --exit-code -- rules/gazetteer.toml rules/successors.toml
python3 rules/tools/check_knowledge.py
python3 rules/tools/check_plans.py
