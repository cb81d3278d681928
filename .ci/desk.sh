#!/usr/bin/env bash
# csa on a desk and in other people's CI, exercised as users run it:
#
#   bash .ci/desk.sh target/debug/csa
#
# - the pre-commit hooks (.pre-commit-hooks.yaml), run by pre-commit from PyPI on a
#   copy of the examples in a fresh git repository. pre-commit would build csa with
#   cargo for `language: rust`; to keep CI short the hooks run here as declared (entry,
#   files) with the built binary on PATH (`language: system`);
# - the GitHub Action's script (action/run.sh), as a shell step: it annotates, writes
#   SARIF and exits as csa does.
# Installs: pre-commit (PyPI) when it is not on PATH.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
  echo "usage: bash .ci/desk.sh PATH_TO_CSA_BINARY (run from the repository root)" >&2
  exit 2
fi
root=$(pwd)
bin=$(cd "$(dirname "$1")" && pwd)
export PATH="$bin:$PATH"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "desk: FAILED: $*" >&2; exit 1; }

if ! command -v pre-commit >/dev/null 2>&1; then
  python3 -m pip install --quiet --disable-pip-version-check pre-commit ||
    python3 -m pip install --quiet --disable-pip-version-check --break-system-packages pre-commit
fi
pre-commit --version

echo "== pre-commit hooks on the examples"
repo=$work/partnership
mkdir -p "$repo"
cp "$root"/examples/*.csa "$repo"/
# The hooks as declared, with `language: system` so the built csa is used.
python3 - "$root/.pre-commit-hooks.yaml" "$repo/.pre-commit-config.yaml" <<'PY'
import sys, yaml
hooks = yaml.safe_load(open(sys.argv[1]))
for hook in hooks:
    hook["language"] = "system"
yaml.safe_dump({"repos": [{"repo": "local", "hooks": hooks}]}, open(sys.argv[2], "w"))
PY
(
  cd "$repo"
  git init --quiet
  git config user.email desk@example.org
  git config user.name desk
  git add -A
  git commit --quiet -m examples
  export PRE_COMMIT_HOME=$work/cache
  # The examples are laid out already: csa-fmt passes and changes nothing.
  pre-commit run csa-fmt --all-files || fail "csa-fmt changed a laid-out example"
  git diff --exit-code --quiet || fail "csa-fmt changed a file"
  # The minimal agreement passes the check; Kent 2014-17 keeps its published mistakes.
  pre-commit run csa-check --files minimal.csa || fail "csa-check failed on minimal.csa"
  if pre-commit run csa-check --files kent-2014-17.csa >"$work/check.log" 2>&1; then
    fail "csa-check passed kent-2014-17.csa, which has errors"
  fi
  grep -q "CSA801" "$work/check.log" || fail "csa-check did not report the damaged aim numbers"
  # An untidy document: the hook lays it out (and so fails once), then passes.
  printf '@agreement:   Anytown Plan\n\tkind: unitary-plan\n' >untidy.csa
  git add untidy.csa
  if pre-commit run csa-fmt --files untidy.csa; then
    fail "csa-fmt passed an untidy file"
  fi
  [ "$(cat untidy.csa)" = "$(printf '@agreement: Anytown Plan\n  kind: unitary-plan')" ] ||
    fail "csa-fmt did not lay out untidy.csa: $(cat -A untidy.csa)"
  pre-commit run csa-fmt --files untidy.csa || fail "csa-fmt is not idempotent"
)
echo "pre-commit hooks: ok"

echo "== the GitHub Action's script"
(
  cd "$work/partnership"
  export GITHUB_OUTPUT=$work/github-output
  bash "$root/action/run.sh" install
  status=0
  CSA_PATHS="minimal.csa kent-2014-17.csa" CSA_SARIF=$work/csa.sarif \
    bash "$root/action/run.sh" check >"$work/action.log" 2>&1 || status=$?
  [ "$status" -eq 1 ] || { cat "$work/action.log"; fail "the action exited $status, not 1"; }
  grep -q "::error file=kent-2014-17.csa" "$work/action.log" || fail "no annotation"
  python3 - "$work/csa.sarif" <<'PY' || fail "the SARIF report is not what code scanning reads"
import json, sys
sarif = json.load(open(sys.argv[1]))
assert sarif["version"] == "2.1.0", sarif["version"]
results = sarif["runs"][0]["results"]
assert any(r["ruleId"] == "CSA801" for r in results), results[:3]
PY
  grep -q "^sarif=$work/csa.sarif$" "$GITHUB_OUTPUT" || fail "no sarif output"
  status=0
  CSA_PATHS=minimal.csa bash "$root/action/run.sh" check >/dev/null 2>&1 || status=$?
  [ "$status" -eq 0 ] || fail "the action failed on minimal.csa"
)
echo "action script: ok"
