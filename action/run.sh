#!/usr/bin/env bash
# The steps of the csa GitHub Action (action.yml), as a script any CI can run:
#
#   bash action/run.sh install   # puts csa on PATH (cargo install), unless it is there
#   bash action/run.sh check     # annotates findings, writes SARIF, exits as csa does
#
# Settings come from the environment: CSA_PATHS (default `.`), CSA_ARGS (more
# arguments for `csa check`, such as `--fail-level warning`), CSA_SARIF (default
# `csa.sarif`), CSA_SOURCE (the csa source to install from; default: this
# repository). Exit codes of `check`: 0 clean, 1 findings at or above the fail level,
# 2 csa could not check.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)

case "${1:-}" in
  install)
    if command -v csa >/dev/null 2>&1; then
      echo "csa is installed: $(csa --version)"
    else
      cargo install --path "${CSA_SOURCE:-$here}" --locked
      csa --version
    fi
    ;;
  check)
    read -r -a paths <<<"${CSA_PATHS:-.}"
    read -r -a args <<<"${CSA_ARGS:-}"
    sarif=${CSA_SARIF:-csa.sarif}
    # SARIF for code scanning; the exit code is the same for both runs.
    set +e
    csa check "${paths[@]}" "${args[@]}" --output-format sarif >"$sarif"
    sarif_status=$?
    # Annotations on the pull request, and a readable log.
    csa check "${paths[@]}" "${args[@]}" --output-format github
    status=$?
    set -e
    if [ "$sarif_status" -eq 2 ] || [ "$status" -eq 2 ]; then
      echo "csa could not check every document (see the errors above)" >&2
      exit 2
    fi
    if [ -n "${GITHUB_OUTPUT:-}" ]; then
      echo "sarif=$sarif" >>"$GITHUB_OUTPUT"
      echo "status=$status" >>"$GITHUB_OUTPUT"
    fi
    exit "$status"
    ;;
  *)
    echo "usage: bash action/run.sh install|check" >&2
    exit 2
    ;;
esac
