#!/usr/bin/env bash
# The artefacts of a release, for people without Rust: self-contained csa binaries,
# their checksums, and VS Code extensions that carry the binary. Run from anywhere:
#
#   bash .ci/dist.sh                 builds the Linux x86_64 (static, musl) and Windows
#                                    x86_64 binaries and their .vsix, and the universal
#                                    .vsix, into target/dist/, with SHA256SUMS
#   bash .ci/dist.sh build TARGET..  the same for the given Rust targets only (the
#                                    release workflow builds macOS on macOS with it)
#   bash .ci/dist.sh check           builds the default targets, then checks them: the
#                                    Linux binary on examples/, the Windows one under
#                                    Wine against it, each .vsix's binary, and the
#                                    extension's tests with the bundled binary
#
# On Debian it installs what it needs (musl-tools, mingw-w64, Wine; rustup targets;
# the extension's npm packages). Each step prints the seconds it took.
set -euo pipefail
export CARGO_TERM_COLOR=never
cd "$(dirname "$0")/.."
root=$PWD
dist=$root/target/dist
profile=release-dist
version=$(sed -nE 's/^version = "([^"]+)"$/\1/p' Cargo.toml | head -n 1)
started=$SECONDS
step() { echo; echo "== dist: $1 ($((SECONDS - started)) s)"; }

mode=${1:-build}
[ $# -gt 0 ] && shift
case $mode in
  build | check) ;;
  *)
    echo "usage: bash .ci/dist.sh [build [RUST_TARGET...] | check]" >&2
    exit 2
    ;;
esac
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(x86_64-unknown-linux-musl x86_64-pc-windows-gnu)
fi
if [ "$mode" = check ] && [ $# -gt 0 ]; then
  echo "dist.sh: check builds and checks the Linux and Windows targets; it takes no targets" >&2
  exit 2
fi

# The VS Code platform a Rust target's binary runs on, and the binary's file name.
vsce_target() {
  case $1 in
    x86_64-unknown-linux-musl | x86_64-unknown-linux-gnu) echo linux-x64 ;;
    aarch64-unknown-linux-musl | aarch64-unknown-linux-gnu) echo linux-arm64 ;;
    x86_64-pc-windows-gnu | x86_64-pc-windows-msvc) echo win32-x64 ;;
    x86_64-apple-darwin) echo darwin-x64 ;;
    aarch64-apple-darwin) echo darwin-arm64 ;;
    *)
      echo "dist.sh: no VS Code platform is known for the Rust target $1" >&2
      return 1
      ;;
  esac
}
exe_name() { case $1 in *windows*) echo csa.exe ;; *) echo csa ;; esac; }

# Debian packages, installed only when missing and only where apt-get can run.
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null; then
    echo "dist.sh: please install ${missing[*]}" >&2
    return 1
  fi
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  echo "apt-get install ${missing[*]}"
  # Another apt-get may hold the lock for a while (several builds share a machine).
  for _ in $(seq 1 60); do
    if $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
      return 0
    fi
    $sudo apt-get update -qq >/dev/null 2>&1 || true
    sleep 10
  done
  echo "dist.sh: apt-get install ${missing[*]} failed" >&2
  return 1
}

step "tools"
need_apt=()
for t in "${targets[@]}"; do
  case $t in
    *-linux-musl) command -v musl-gcc >/dev/null || need_apt+=(musl-tools) ;;
    x86_64-pc-windows-gnu) command -v x86_64-w64-mingw32-gcc >/dev/null || need_apt+=(gcc-mingw-w64-x86-64) ;;
  esac
done
if [ "$mode" = check ]; then
  command -v wine64 >/dev/null || [ -x /usr/lib/wine/wine64 ] || need_apt+=(wine64)
  command -v file >/dev/null || need_apt+=(file)
fi
if [ ${#need_apt[@]} -gt 0 ]; then apt_install "${need_apt[@]}"; fi
source .ci/rust-target.sh
ensure_rust_target "${targets[@]}"
cargo --version
echo "targets: ${targets[*]}"

rm -rf "$dist"
mkdir -p "$dist"

step "binaries for ${targets[*]} (cargo build --profile $profile)"
t0=$SECONDS
# One cargo for every target, so that two cores stay busy while one target links.
# musl-gcc builds the C (the tree-sitter parser, mimalloc) of a static Linux binary;
# mingw-w64 compiles and links the Windows one.
env_args=(CC_x86_64_unknown_linux_musl=musl-gcc
  CC_x86_64_pc_windows_gnu=x86_64-w64-mingw32-gcc
  CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc)
# The check build denies warnings: code used or `mut` on one platform only warns on
# the others, and only this build compiles for Windows.
[ "$mode" = check ] && env_args+=(RUSTFLAGS="-D warnings")
target_args=()
for t in "${targets[@]}"; do target_args+=(--target "$t"); done
env "${env_args[@]}" cargo build --locked --quiet --profile "$profile" "${target_args[@]}" --bin csa
echo "built in $((SECONDS - t0)) s"
for t in "${targets[@]}"; do
  exe=$(exe_name "$t")
  name="csa-$version-$(vsce_target "$t")"
  [ "$exe" = csa.exe ] && name=$name.exe
  cp "target/$t/$profile/$exe" "$dist/$name"
  echo "$name: $(wc -c <"$dist/$name") bytes"
done

step "VS Code extension: npm ci and the production bundle"
vscode=$root/editors/vscode
(cd "$vscode" && npm ci --no-audit --no-fund --loglevel=error >/dev/null && rm -rf out && node esbuild.mjs --production)
# The binary is copied in only while a platform package is made.
trap 'rm -rf "$vscode/bin"' EXIT
vsce() { (cd "$vscode" && node_modules/.bin/vsce package --no-dependencies --allow-missing-repository "$@" >/dev/null); }

step "VS Code extension: the universal .vsix (no binary: csa from the setting or PATH)"
rm -rf "$vscode/bin"
vsce -o "$dist/csa-$version.vsix"
echo "csa-$version.vsix: $(wc -c <"$dist/csa-$version.vsix") bytes"

for t in "${targets[@]}"; do
  platform=$(vsce_target "$t")
  exe=$(exe_name "$t")
  step "VS Code extension: the $platform .vsix with its binary (bin/$exe)"
  rm -rf "$vscode/bin"
  mkdir -p "$vscode/bin"
  cp "target/$t/$profile/$exe" "$vscode/bin/$exe"
  chmod 755 "$vscode/bin/$exe"
  vsce --target "$platform" -o "$dist/csa-$version-$platform.vsix"
  rm -rf "$vscode/bin"
  echo "csa-$version-$platform.vsix: $(wc -c <"$dist/csa-$version-$platform.vsix") bytes"
done

step "checksums"
(
  cd "$dist"
  rm -f SHA256SUMS
  files=$(ls)
  # shellcheck disable=SC2086 # the names have no spaces: they are made above
  if command -v sha256sum >/dev/null; then sha256sum -- $files; else shasum -a 256 -- $files; fi >SHA256SUMS.tmp
  mv SHA256SUMS.tmp SHA256SUMS
  cat SHA256SUMS
)

step "sizes"
(cd "$dist" && for f in *; do [ "$f" = SHA256SUMS ] || printf '%-32s %9d bytes\n' "$f" "$(wc -c <"$f")"; done)

if [ "$mode" = check ]; then
  step "checks"
  bash .ci/dist-check.sh "$dist" "$version"
fi
echo "dist: done in $((SECONDS - started)) s"
