#!/usr/bin/env bash
# Checks the artefacts .ci/dist.sh made (it runs this in `check` mode):
#
#   bash .ci/dist-check.sh target/dist VERSION
#
# The Linux binary is static and checks the examples; the Windows binary, under Wine,
# finds what the Linux one finds in kent-2022 and answers `initialize` as `csa lsp`
# without leaving folders in %TEMP%; each .vsix carries the binary of its platform;
# and the extension's tests pass from the unpacked Linux .vsix with no csa on PATH.
# Last line: `dist: N passed, N failed`.
set -euo pipefail
dist=$(cd "$1" && pwd)
version=$2
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
linux=$dist/csa-$version-linux-x64
windows=$dist/csa-$version-win32-x64.exe

passed=0
failed=0
failures=()
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
# `file`'s description of a file, without its name.
kind() { file -b "$1"; }

echo "-- file types"
echo "linux:   $(kind "$linux")"
echo "windows: $(kind "$windows")"
check "the Linux binary is a static x86-64 ELF executable" \
  bash -c 'k=$(file -b "$1"); [[ $k == ELF\ 64-bit* && $k == *x86-64* && $k == *static* ]]' _ "$linux"
check "the Windows binary is a PE32+ x86-64 console executable" \
  bash -c '[[ $(file -b "$1") == "PE32+ executable (console) x86-64"* ]]' _ "$windows"
check "SHA256SUMS matches every artefact" bash -c 'cd "$1" && sha256sum --quiet -c SHA256SUMS && [ "$(wc -l <SHA256SUMS)" -eq "$(ls | grep -vc SHA256SUMS)" ]' _ "$dist"

echo "-- the Linux binary on examples/"
check "csa --version says $version" bash -c '[ "$("$1" --version)" = "csa $2" ]' _ "$linux" "$version"
for example in examples/*.csa; do
  out=$work/linux-$(basename "$example" .csa).json
  status=0
  "$linux" check --output-format json "$example" >"$out" 2>"$work/stderr" || status=$?
  # 0: passes; 1: findings at the fail level. Anything else is a failure to check.
  check "csa check $example (status $status, $(python3 -c 'import json,sys; print(sum(len(f["diagnostics"]) for f in json.load(open(sys.argv[1]))["files"]))' "$out" 2>/dev/null || echo '?') findings)" \
    bash -c '[ "$1" -le 1 ] && python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$2"' _ "$status" "$out"
done

echo "-- the Windows binary under Wine"
wine=$(command -v wine64 || true)
[ -z "$wine" ] && [ -x /usr/lib/wine/wine64 ] && wine=/usr/lib/wine/wine64
export WINEPREFIX=$work/wine WINEDEBUG=-all
# Wine 8.0 (Debian 12) lacks bcryptprimitives.dll, which Rust's standard library
# imports for random numbers: a stand-in beside a copy of the .exe, for this test
# only. It is never part of what ships.
mkdir -p "$work/win"
cp "$windows" "$work/win/csa.exe"
cat >"$work/prng.c" <<'EOF'
#include <windows.h>
#include <ntsecapi.h>
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) { return RtlGenRandom(data, (ULONG)size); }
EOF
x86_64-w64-mingw32-gcc -shared -o "$work/win/bcryptprimitives.dll" "$work/prng.c" -ladvapi32
t0=$SECONDS
"$wine" wineboot --init >/dev/null 2>&1 || true
echo "Wine prefix ready in $((SECONDS - t0)) s"
check "csa.exe --version runs under Wine" bash -c '[ "$("$1" "$2" --version | tr -d "\r")" = "csa $3" ]' _ "$wine" "$work/win/csa.exe" "$version"

# The same document, given the same way (a path relative to examples/), to both.
status=0
(cd examples && "$wine" "$work/win/csa.exe" check --output-format json kent-2022.csa) >"$work/windows-kent-2022.json" 2>"$work/stderr" || status=$?
cat "$work/stderr" | head -n 5
check "csa.exe check --output-format json kent-2022.csa under Wine (status $status)" test "$status" -le 1
(cd examples && "$linux" check --output-format json kent-2022.csa >"$work/linux-kent-2022-relative.json") || true
check "Windows and Linux find the same in kent-2022 (paths aside)" \
  python3 - "$work/linux-kent-2022-relative.json" "$work/windows-kent-2022.json" <<'EOF'
import json, sys

def normal(value):
    """Paths written the Windows way read as the Linux way."""
    if isinstance(value, dict):
        return {k: normal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normal(v) for v in value]
    if isinstance(value, str):
        return value.replace("\\", "/")
    return value

linux, windows = (normal(json.load(open(p))) for p in sys.argv[1:3])
found = sum(len(f.get("diagnostics", [])) for f in linux.get("files", []))
if linux != windows:
    a, b = json.dumps(linux, indent=1).splitlines(), json.dumps(windows, indent=1).splitlines()
    import difflib
    print("\n".join(list(difflib.unified_diff(a, b, "linux", "windows", lineterm=""))[:40]))
    sys.exit(1)
print(f"   identical: {found} findings")
sys.exit(0 if found > 0 else 1)
EOF

# Wine's %TEMP% and %LOCALAPPDATA%, as Linux paths.
winvar() { "$wine" winepath -u "$("$wine" cmd /c "echo %$1%" | tr -d '\r')" | tr -d '\r'; }
temp=$(winvar TEMP)
local_app=$(winvar LOCALAPPDATA)
echo "%TEMP%: $temp; %LOCALAPPDATA%: $local_app"
mkdir -p "$temp"
before=$(ls "$temp" 2>/dev/null | grep -c '^csa' || true)
check "csa.exe lsp answers initialize under Wine" python3 .ci/lsp-initialize.py "$wine" "$work/win/csa.exe" lsp
check "a second start answers too" python3 .ci/lsp-initialize.py "$wine" "$work/win/csa.exe" lsp
after=$(ls "$temp" 2>/dev/null | grep -c '^csa' || true)
check "the server leaves nothing in %TEMP% ($before csa folders before, $after after two starts)" test "$after" -eq "$before"
check "its rule reference is in %LOCALAPPDATA%\\csa-$version" test -s "$local_app/csa-$version/rules.md"

echo "-- the .vsix packages"
listing() { python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$1"; }
unzip_to() { python3 - "$1" "$2" <<'EOF'
import os, sys, zipfile
# Keeps the files' modes, as VS Code does when it installs a .vsix.
with zipfile.ZipFile(sys.argv[1]) as z:
    for info in z.infolist():
        path = z.extract(info, sys.argv[2])
        mode = info.external_attr >> 16
        if mode:
            os.chmod(path, mode & 0o777)
EOF
}
for platform in linux-x64 win32-x64; do
  vsix=$dist/csa-$version-$platform.vsix
  exe=csa
  [ "$platform" = win32-x64 ] && exe=csa.exe
  unzip_to "$vsix" "$work/$platform"
  bin=$work/$platform/extension/bin/$exe
  check "the $platform .vsix holds extension/bin/$exe and no other binary" \
    bash -c '[ "$(grep -c "^extension/bin/" <<<"$1")" -eq 1 ] && grep -qx "extension/bin/$2" <<<"$1"' _ "$(listing "$vsix")" "$exe"
  check "the $platform .vsix says it targets $platform" grep -q "TargetPlatform=\"$platform\"" "$work/$platform/extension.vsixmanifest"
  if [ "$platform" = linux-x64 ]; then
    check "its binary is the static Linux one, executable once unpacked" \
      bash -c 'cmp -s "$1" "$2" && [ -x "$1" ] && [[ $(file -b "$1") == ELF\ 64-bit*x86-64*static* ]]' _ "$bin" "$linux"
  else
    check "its binary is the Windows one (PE32+ x86-64)" \
      bash -c 'cmp -s "$1" "$2" && [[ $(file -b "$1") == "PE32+ executable (console) x86-64"* ]]' _ "$bin" "$windows"
  fi
done
check "the universal .vsix holds no binary" bash -c '! grep -q "^extension/bin/" <<<"$1"' _ "$(listing "$dist/csa-$version.vsix")"

echo "-- the extension's tests, from the unpacked linux-x64 .vsix, with no csa on PATH"
# PATH keeps node and the system's tools, and loses every folder holding a csa.
clean_path=$(tr ':' '\n' <<<"$PATH" | while read -r d; do [ -n "$d" ] && [ ! -e "$d/csa" ] && echo "$d"; done | paste -sd:)
log=$work/smoke.log
status=0
(cd editors/vscode && PATH=$clean_path timeout 300 node test/extension-smoke.mjs --installed "$work/linux-x64/extension") >"$log" 2>&1 || status=$?
cat "$log"
p=$(sed -nE 's/^extension: ([0-9]+) passed, ([0-9]+) failed$/\1/p' "$log")
f=$(sed -nE 's/^extension: ([0-9]+) passed, ([0-9]+) failed$/\2/p' "$log")
passed=$((passed + ${p:-0}))
failed=$((failed + ${f:-1}))
if [ "$status" -ne 0 ] && [ "${f:-1}" -eq 0 ]; then failed=$((failed + 1)); fi
if [ "$status" -ne 0 ] || [ "${f:-1}" -ne 0 ]; then failures+=("the extension's tests with the bundled binary"); fi

if [ "${#failures[@]}" -ne 0 ]; then
  echo "failed:"
  printf '  %s\n' "${failures[@]}"
fi
echo "dist: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
