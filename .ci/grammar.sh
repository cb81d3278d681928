#!/usr/bin/env bash
# The committed parser is the one grammar.js makes: regenerate it with the
# tree-sitter CLI (the version the committed parser was made with) in a copy of
# grammar/ and fail on any difference, so an edit to grammar.js can never ship
# with a stale parser.c.
set -euo pipefail
cd "$(dirname "$0")/.."
version=0.27.1
if ! tree-sitter --version 2>/dev/null | grep -q "$version"; then
  cargo install tree-sitter-cli --version "$version" --locked --quiet
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r grammar "$work/grammar"
(cd "$work/grammar" && tree-sitter generate >/dev/null)
status=0
for f in parser.c grammar.json node-types.json; do
  if ! cmp -s "grammar/src/$f" "$work/grammar/src/$f"; then
    echo "grammar/src/$f is not what grammar.js generates:"
    diff -u "grammar/src/$f" "$work/grammar/src/$f" | head -40 || true
    status=1
  fi
done
if [ "$status" -ne 0 ]; then
  echo "help: run \`tree-sitter generate\` (tree-sitter-cli $version) in grammar/ and commit grammar/src"
  exit 1
fi
echo "grammar: grammar/src is what grammar.js generates (tree-sitter $version)"
