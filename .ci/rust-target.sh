#!/usr/bin/env bash
# Sourced by the CI scripts that build for another target. `ensure_rust_target T...`
# adds each rustup target that is not installed yet. A download that fails part way
# can leave the target's files behind without rustup recording them, and every later
# `rustup target add` then stops on a "detected conflict"; so between tries the
# unrecorded folder is removed. Three tries, then the last error is shown.
ensure_rust_target() {
  command -v rustup >/dev/null || return 0
  local sysroot target try
  sysroot="$(rustc --print sysroot)"
  for target in "$@"; do
    rustup target list --installed | grep -qx "$target" && continue
    for try in 1 2 3; do
      if rustup target add "$target" 2>"${TMPDIR:-/tmp}/rustup-target.err"; then
        break
      fi
      echo "rustup target add $target failed (try $try):" >&2
      cat "${TMPDIR:-/tmp}/rustup-target.err" >&2
      if ! rustup target list --installed | grep -qx "$target"; then
        rm -rf "$sysroot/lib/rustlib/$target"
      fi
      [ "$try" = 3 ] && return 1
      sleep $((try * 5))
    done
  done
}
