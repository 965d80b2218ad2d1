#!/usr/bin/env bash
# Accuracy on the annotated corpus, as recorded in docs/accuracy.md:
#   bash bench/score.sh [OPTION]...      (more options for planlint_score, e.g. --json FILE)
# Builds planlint_score in build-bench (the Release tree of bench/run.sh), or in
# the tree $BUILD_DIR names (e.g. BUILD_DIR=build), and runs
# it on fixtures/corpus with --details: every miss and extra per plan, then the
# table of figures. Exits as planlint_score does (2 for an unusable file).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build-bench}

if [ -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -DPLANLINT_BENCH=ON >/dev/null  # keeps the tree's other settings
else
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPLANLINT_BENCH=ON -DPLANLINT_TESTS=OFF >/dev/null
fi
cmake --build "$build" --target planlint_score >/dev/null
exec "$build/bench/planlint_score" --details "$@" fixtures/corpus
