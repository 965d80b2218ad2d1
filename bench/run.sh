#!/usr/bin/env bash
# Whole-process benchmarks, as recorded in docs/performance.md:
#   bash bench/run.sh [N]        (N copies of each fixture plan; default 200)
# Builds a Release tree in build-bench, writes the corpus to build-bench/corpus,
# and prints one line per measurement: median wall time of RUNS runs (default
# 11, timed by the shell; the floor, -j1 and -j2 take turns), MB/s, and peak
# RSS (from /usr/bin/time, package time). MB are 10^6 bytes throughout, for sizes and for RSS; a pathological
# input's line ends with its RSS bound (8 × its size + 20 MB) and whether the
# peak stayed under it.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
runs=${RUNS:-11}

cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DPLANLINT_BENCH=ON -DPLANLINT_TESTS=OFF >/dev/null
cmake --build build-bench >/dev/null
planlint=build-bench/planlint
corpus=build-bench/corpus
patho=build-bench/pathological
rm -rf "$corpus" "$patho"
build-bench/bench/make_corpus fixtures/plans "$corpus" "$n"
bytes=$(du -sb "$corpus" | cut -f1)
files=$(find "$corpus" -name '*.txt' | wc -l)

# wall COMMAND...: prints the wall time of one run, in seconds (timed in the
# shell with microsecond resolution).
wall() {
  local start end
  start=$EPOCHREALTIME
  "$@" >/dev/null 2>&1 || true
  end=$EPOCHREALTIME
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.6f", b - a }'
}

# peak_rss COMMAND...: sets $rss_mb, the largest peak RSS of three runs
# under /usr/bin/time.
peak_rss() {
  local rss=0 m
  for _ in 1 2 3; do
    /usr/bin/time -f '%M' -o /tmp/planlint-bench.time "$@" >/dev/null 2>&1 || true
    read -r m < /tmp/planlint-bench.time
    (( m > rss )) && rss=$m
  done
  rss_mb=$(awk -v r="$rss" 'BEGIN { printf "%.1f", r * 1024 / 1e6 }')
}

# median TIME...: prints the median.
median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }

# report NAME BYTES SECONDS: one line of figures, with $rss_mb.
report() {
  awk -v n="$1" -v b="$2" -v t="$3" -v r="$rss_mb" \
    'BEGIN { printf "%-44s %8.1f ms %9.1f MB/s %8.1f MB peak RSS", n, t * 1000, (t > 0 ? b / 1e6 / t : 0), r }'
}

# measure NAME BYTES COMMAND...: median wall time of $runs runs, throughput
# and peak RSS. Sets $median (seconds) and $rss_mb.
measure() {
  local name=$1 size=$2 times=()
  shift 2
  for _ in $(seq $runs); do times+=("$(wall "$@")"); done
  peak_rss "$@"
  median=$(median "${times[@]}")
  report "$name" "$size" "$median"
}

echo "corpus: $files files, $bytes bytes; $(nproc) cores; $(uname -m)"
# The floor, -j1 and -j2 take turns, run by run: this machine's speed drifts
# by up to a half within minutes (docs/performance.md), and taking turns
# gives the three the same drift, so that their ratios hold.
floor_cmd=(grep -c 责任单位 -r "$corpus")
j1_cmd=("$planlint" check -j1 --format xml --fail-on never --output /tmp/planlint-bench.xml "$corpus")
j2_cmd=("$planlint" check -j2 --format xml --fail-on never --output /tmp/planlint-bench-j2.xml "$corpus")
floor_times=(); j1_times=(); j2_times=()
for _ in $(seq $runs); do
  floor_times+=("$(wall "${floor_cmd[@]}")")
  j1_times+=("$(wall "${j1_cmd[@]}")")
  j2_times+=("$(wall "${j2_cmd[@]}")")
done
floor=$(median "${floor_times[@]}")
j1=$(median "${j1_times[@]}")
j2=$(median "${j2_times[@]}")
peak_rss "${floor_cmd[@]}"; report "grep -c 责任单位 -r (floor)" "$bytes" "$floor"; echo
peak_rss "${j1_cmd[@]}"; report "planlint check -j1 --format xml --output" "$bytes" "$j1"; echo
peak_rss "${j2_cmd[@]}"; report "planlint check -j2 --format xml --output" "$bytes" "$j2"; echo
awk -v f="$floor" -v a="$j1" -v b="$j2" 'BEGIN { printf "-j1 takes %.1f× the floor'"'"'s time; -j2 runs %.2f× as fast as -j1\n", a / f, a / b }'
cmp -s /tmp/planlint-bench.xml /tmp/planlint-bench-j2.xml && echo "-j1 and -j2 reports identical" || echo "-j1 and -j2 reports DIFFER"
# The same plans as Word documents with automatic numbering (fixtures/docx/seeds),
# $n copies of each: MB/s of the plans' text, and of the .docx files.
docx=build-bench/corpus-docx
rm -rf "$docx"; mkdir -p "$docx"
text_bytes=0
for f in fixtures/docx/seeds/*.docx; do
  b=$(basename "$f" .docx)
  for i in $(seq "$n"); do cp "$f" "$docx/$b-$i.docx"; done
  text_bytes=$(( text_bytes + n * $(stat -c %s "fixtures/plans/$b.txt") ))
done
docx_bytes=$(du -sb "$docx" | cut -f1)
measure "planlint check -j1 --format xml, .docx ($(find "$docx" -name '*.docx' | wc -l) files)" "$text_bytes" \
  "$planlint" check -j1 --format xml --fail-on never --output /tmp/planlint-bench-docx.xml "$docx"
awk -v t="$median" -v b="$docx_bytes" 'BEGIN { printf "  (MB/s of the plans'"'"' text; of the .docx files themselves, %.1f MB: %.1f MB/s)\n", b / 1e6, b / 1e6 / t }'

one=fixtures/plans/mentougou-ip-pilot-2020.txt
measure "planlint check one plan ($(basename $one))" "$(stat -c %s $one)" $planlint check --fail-on never $one; echo

echo "pathological inputs (scale 1 and 2):"
for scale in 1 2; do
  build-bench/bench/make_corpus fixtures/plans "$patho/$scale" --pathological "$scale"
  for f in concat long-line headings nested units-only; do
    size=$(stat -c %s "$patho/$scale/$f.txt")
    measure "  $f ×$scale ($(( size / 1000 )) kB)" "$size" \
      $planlint check -j1 --fail-on never --format xml "$patho/$scale/$f.txt"
    awk -v r="$rss_mb" -v b="$size" \
      'BEGIN { bound = 8 * b / 1e6 + 20; printf "  (bound %.1f MB: %s)\n", bound, (r < bound ? "under" : "OVER") }'
  done
done
measure "  single plan for comparison" "$(stat -c %s $one)" $planlint check -j1 --fail-on never --format xml $one; echo
