#!/usr/bin/env bash
# Whole-process benchmarks, as recorded in docs/performance.md:
#   bash bench/run.sh [N]        (N copies of each fixture plan; default 200)
# Builds a Release tree in build-bench, writes the corpus to build-bench/corpus,
# and prints one line per measurement: median wall time of RUNS runs (default
# 11, timed by the shell), MB/s, and peak RSS (from /usr/bin/time, package
# time). MB are 10^6 bytes throughout, for sizes and for RSS; a pathological
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

# measure NAME BYTES COMMAND...: median wall time of $runs runs (timed in the
# shell with microsecond resolution), throughput, and the largest peak RSS of
# three more runs under /usr/bin/time. Sets $median (seconds) and $rss_mb.
measure() {
  local name=$1 size=$2
  shift 2
  local times=() rss=0 start end
  for _ in $(seq $runs); do
    start=$EPOCHREALTIME
    "$@" >/dev/null 2>&1 || true
    end=$EPOCHREALTIME
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.6f", b - a }')")
  done
  for _ in 1 2 3; do
    /usr/bin/time -f '%M' -o /tmp/planlint-bench.time "$@" >/dev/null 2>&1 || true
    read -r m < /tmp/planlint-bench.time
    (( m > rss )) && rss=$m
  done
  median=$(printf '%s\n' "${times[@]}" | sort -g | sed -n "$(( (runs + 1) / 2 ))p")
  rss_mb=$(awk -v r="$rss" 'BEGIN { printf "%.1f", r * 1024 / 1e6 }')
  awk -v n="$name" -v t="$median" -v b="$size" -v r="$rss_mb" \
    'BEGIN { printf "%-44s %8.1f ms %9.1f MB/s %8.1f MB peak RSS", n, t * 1000, (t > 0 ? b / 1e6 / t : 0), r }'
}

echo "corpus: $files files, $bytes bytes; $(nproc) cores; $(uname -m)"
measure "grep -c 责任单位 -r (floor)" "$bytes" grep -c 责任单位 -r "$corpus"; echo
floor=$median
measure "planlint check -j1 --format xml --output" "$bytes" $planlint check -j1 --format xml --fail-on never --output /tmp/planlint-bench.xml "$corpus"; echo
j1=$median
measure "planlint check -j2 --format xml --output" "$bytes" $planlint check -j2 --format xml --fail-on never --output /tmp/planlint-bench-j2.xml "$corpus"; echo
j2=$median
awk -v f="$floor" -v a="$j1" -v b="$j2" 'BEGIN { printf "-j1 takes %.1f× the floor'"'"'s time; -j2 runs %.2f× as fast as -j1\n", a / f, a / b }'
cmp -s /tmp/planlint-bench.xml /tmp/planlint-bench-j2.xml && echo "-j1 and -j2 reports identical" || echo "-j1 and -j2 reports DIFFER"
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
