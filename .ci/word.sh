#!/usr/bin/env bash
# Word that behaves on paper: LibreOffice (Debian's package) renders the .docx that
# `csa publish` writes for kent-2022 to PDF, and its version control table, six
# versions with their changes, takes at most two A4 pages (column widths from the
# content, rows kept whole, the header row repeated).
#
#   bash .ci/word.sh [path/to/csa]
set -euo pipefail
cd "$(dirname "$0")/.."
csa=${1:-target/debug/csa}
export DEBIAN_FRONTEND=noninteractive
sudo_=""; [ "$(id -u)" = 0 ] || sudo_=sudo
if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
  $sudo_ apt-get update -qq
  $sudo_ apt-get install -y -qq --no-install-recommends libreoffice-writer poppler-utils >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$csa" publish examples/kent-2022.csa -o "$work/kent-2022.docx"
# Its own profile: two soffice on one profile fail.
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work" "$work/kent-2022.docx" >/dev/null 2>&1 || true
if [ ! -s "$work/kent-2022.pdf" ]; then
  echo "LibreOffice did not write $work/kent-2022.pdf" >&2
  exit 1
fi
pages=$(pdfinfo "$work/kent-2022.pdf" | awk '/^Pages:/ { print $2 }')
first=""; last=""
for ((i = 1; i <= pages; i++)); do
  text=$(pdftotext -f "$i" -l "$i" "$work/kent-2022.pdf" -)
  if [ -z "$first" ] && grep -qF "Version control" <<<"$text"; then first=$i; fi
  # The last line of the last row of the table.
  if grep -qF "Logos - updated agency logos added" <<<"$text"; then last=$i; fi
done
if [ -z "$first" ] || [ -z "$last" ]; then
  echo "the version control table was not found in the PDF" >&2
  exit 1
fi
span=$((last - first + 1))
echo "kent-2022.docx in LibreOffice: $pages pages; the version control table on pages $first to $last ($span)"
if [ "$span" -gt 2 ]; then
  echo "the version control table takes $span pages; at most 2" >&2
  exit 1
fi
