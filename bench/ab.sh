#!/usr/bin/env bash
# Two builds of planlint on the same corpus, taking turns run by run, as in
# docs/performance.md:
#   bash bench/ab.sh OLD NEW [PAIRS]      (JOBS=2 for -j2; CORPUS= another folder)
# Prints each build's median wall time and the median of NEW's time over
# OLD's, pair by pair: this machine's speed drifts within minutes, and a
# ratio within a pair sees the same drift on both sides. Each build writes its
# own report file, so that neither replaces a report the other one wrote.
set -euo pipefail
old=$1
new=$2
pairs=${3:-30}
corpus=${CORPUS:-build-bench/corpus}
jobs=${JOBS:-1}

# wall_ms PROGRAM REPORT: the wall time of one check, in milliseconds.
wall_ms() {
  local start end
  start=$EPOCHREALTIME
  "$1" check -j"$jobs" --format xml --fail-on never --output "$2" "$corpus" >/dev/null 2>&1 || true
  end=$EPOCHREALTIME
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", (b - a) * 1000 }'
}

median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }

old_times=(); new_times=(); ratios=()
for _ in $(seq "$pairs"); do
  a=$(wall_ms "$old" /tmp/planlint-ab-old.xml)
  b=$(wall_ms "$new" /tmp/planlint-ab-new.xml)
  old_times+=("$a"); new_times+=("$b")
  ratios+=("$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.4f", b / a }')")
done
echo "-j$jobs, $pairs pairs: old median $(median "${old_times[@]}") ms, new median $(median "${new_times[@]}") ms;" \
  "new/old per pair, median $(median "${ratios[@]}")"
