#!/usr/bin/env bash
# Compares budgetpub with what a clerk would otherwise do — convert the
# workbook to PDF with LibreOffice — on the same N synthetic departments,
# fairly: LibreOffice both ways (a process per workbook, as a script calling
# it per file does; one process for all of them, as
# `soffice --convert-to pdf *.xlsx` does, start-up paid once), budgetpub on
# one worker and on every CPU. Each is whole-process wall time, printed per
# department; the ratios compare LibreOffice with budgetpub -j 1 (one core
# each). budgetpub makes the workbook and the whole PDF (目录, 第三部分, forms);
# LibreOffice only prints the workbook it is given.
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
cpus=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
profile="file://$work/lo-profile" # a profile of its own: no other LibreOffice interferes
lo() { soffice -env:UserInstallation="$profile" --headless --convert-to pdf "$@" >/dev/null 2>&1; }

now() { date +%s.%N; }
t0=$(now)
"$work/budgetpub" batch "$work/in" -o "$work/out1" -j 1 >/dev/null 2>&1 || true
t1=$(now)
"$work/budgetpub" batch "$work/in" -o "$work/outn" -j "$cpus" >/dev/null 2>&1 || true
t2=$(now)
books=()
for f in "$work"/out1/*.xlsx; do
  [ "$(basename "$f")" = summary.xlsx ] || books+=("$f")
done
mkdir -p "$work/lo1" "$work/loall" "$work/warm"
lo --outdir "$work/warm" "${books[0]}" # makes LibreOffice's profile once, untimed
tw=$(now)
for f in "${books[@]}"; do
  lo --outdir "$work/lo1" "$f"
done
t3=$(now)
lo --outdir "$work/loall" "${books[@]}"
t4=$(now)
made=$(ls "$work"/out1/*.pdf | wc -l)
lo1=$(ls "$work"/lo1/*.pdf 2>/dev/null | wc -l)
loall=$(ls "$work"/loall/*.pdf 2>/dev/null | wc -l)
awk -v n="$n" -v cpus="$cpus" -v made="$made" -v lo1="$lo1" -v loall="$loall" \
    -v a="$t0" -v b="$t1" -v c="$t2" -v w="$tw" -v d="$t3" -v e="$t4" 'BEGIN {
  bp1 = (b - a) / n; bpn = (c - b) / n; lop = (d - w) / n; loa = (e - d) / n
  printf "departments: %d (budgetpub made %d PDFs; LibreOffice %d and %d)\n", n, made, lo1, loall
  printf "budgetpub batch -j 1:                    %.3f s per department (workbook + whole PDF)\n", bp1
  printf "budgetpub batch -j %d:                    %.3f s per department (%.1f departments per second)\n", cpus, bpn, 1 / bpn
  printf "LibreOffice, a process per workbook:     %.3f s per department (PDF of the workbook only)\n", lop
  printf "LibreOffice, one process for all:        %.3f s per department (start-up paid once)\n", loa
  printf "ratio, LibreOffice per workbook / budgetpub -j 1: %.0fx\n", lop / bp1
  printf "ratio, LibreOffice one process / budgetpub -j 1:  %.0fx\n", loa / bp1
}'
