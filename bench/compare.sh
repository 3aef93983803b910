#!/usr/bin/env bash
# Renders the same N synthetic departments with budgetpub (workbook + PDF) and
# converts the same workbooks to PDF with LibreOffice headless — what a clerk
# would otherwise do — and prints both whole-process times and their ratio.
#
#   bench/compare.sh [N]        (default 10; needs soffice: apt-get install libreoffice-calc-nogui)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10}
command -v soffice >/dev/null || { echo "soffice (LibreOffice) is not installed" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/budgetpub" ./cmd/budgetpub
go run ./cmd/gendept -n "$n" -o "$work/in" >/dev/null

now() { date +%s.%N; }
t0=$(now)
"$work/budgetpub" batch "$work/in" -o "$work/out" -j 1 >/dev/null 2>&1 || true
t1=$(now)
"$work/budgetpub" batch "$work/in" -o "$work/out2" >/dev/null 2>&1 || true
t2=$(now)
mkdir -p "$work/lo"
for f in "$work"/out/*.xlsx; do
  [ "$(basename "$f")" = summary.xlsx ] && continue
  soffice --headless --convert-to pdf --outdir "$work/lo" "$f" >/dev/null 2>&1
done
t3=$(now)
done=$(ls "$work"/out/*.pdf | wc -l)
awk -v n="$done" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" 'BEGIN {
  bp = b - a; bp2 = c - b; lo = d - c
  printf "departments:                 %d\n", n
  printf "budgetpub batch -j 1:        %.2f s  (%.3f s per department: workbook + PDF)\n", bp, bp / n
  printf "budgetpub batch -j NumCPU:   %.2f s  (%.1f departments per second)\n", bp2, n / bp2
  printf "LibreOffice xlsx -> pdf:     %.2f s  (%.3f s per department)\n", lo, lo / n
  printf "ratio (LibreOffice / budgetpub, per department, one core each): %.0fx\n", lo / bp
}'
