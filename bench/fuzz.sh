#!/usr/bin/env bash
# Builds the libFuzzer harnesses of tests/fuzz with clang, ASan and UBSan, and
# runs each for SECONDS (all of them, one after another, or those named).
#
#   bash bench/fuzz.sh SECONDS [check|rules|docx]...
#
# Seeds come from fixtures/ (plans, layouts, per-rule fixtures, corpus, bad
# inputs, user rule files and the kept regressions); the corpus a run grows
# is kept in build-fuzz/corpus/<harness> and reused by the next run. A
# crash, leak, timeout or broken output leaves its input in
# build-fuzz/artifacts/ and makes the script exit 1: copy it to
# fixtures/fuzz/<harness>/ so that the unit tests replay it from then on.
# The last lines of each run (executions, coverage) are printed.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:?usage: bench/fuzz.sh SECONDS [check|rules|docx]...}
shift
harnesses=("$@")
[ "${#harnesses[@]}" -gt 0 ] || harnesses=(check rules docx)

cxx=$(command -v clang++-14 || command -v clang++ || true)
if [ -z "$cxx" ] || ! ls /usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  echo "fuzz.sh: installing clang-14 and its runtime (libFuzzer)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends clang-14 libclang-rt-14-dev >/dev/null
  cxx=$(command -v clang++-14)
fi

build=build-fuzz
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" \
  -DPLANLINT_FUZZ=ON -DPLANLINT_SANITIZE=ON -DPLANLINT_TESTS=OFF -DPLANLINT_WERROR=ON >/dev/null
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" --target "${harnesses[@]/%/_fuzz}"

seeds_of() {
  case "$1" in
    check) echo fixtures/plans fixtures/layouts fixtures/corpus fixtures/bad fixtures/fuzz/check
           find fixtures/rules -name '*.txt' -printf '%h\n' | sort -u ;;
    rules) echo rules fixtures/user-rules fixtures/fuzz/rules ;;
    docx) echo fixtures/docx fixtures/fuzz/docx "$build/seeds/docx" ;;
  esac
}

# The docx harness also takes a document's XML parts, split by two NULs
# (harness.hpp): the parts of each .docx fixture, so that mutations reach the
# XML readers without going through deflate.
mkdir -p "$build/seeds/docx"
python3 - "$build/seeds/docx" <<'PY'
import pathlib, sys, zipfile
out = pathlib.Path(sys.argv[1])
for f in sorted(pathlib.Path('fixtures/docx').rglob('*.docx')):
    try:
        z = zipfile.ZipFile(f)
        parts = [z.read(n) if n in z.namelist() else b''
                 for n in ('word/document.xml', 'word/numbering.xml', 'word/styles.xml')]
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError):
        continue
    (out / (f.stem + '.xml')).write_bytes(b'\0\0'.join(parts))
PY

status=0
for h in "${harnesses[@]}"; do
  corpus="$build/corpus/$h"
  artifacts="$build/artifacts/$h/"
  mkdir -p "$corpus" "$artifacts"
  seeds=()
  for d in $(seeds_of "$h"); do [ -d "$d" ] && seeds+=("$d"); done
  dict=tests/fuzz/plan.dict
  [ "$h" = rules ] && dict=tests/fuzz/rules.dict
  [ "$h" = docx ] && dict=tests/fuzz/docx.dict
  log="$build/$h.log"
  echo "== $h: ${seconds} s (log: $log)"
  # Plans are tens of kB; inputs up to 128 kB keep each run a few ms.
  if ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1 \
     UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
     "$build/tests/fuzz/${h}_fuzz" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -max_len=131072 -dict="$dict" -artifact_prefix="$artifacts" -print_final_stats=1 \
       "$corpus" "${seeds[@]}" >"$log" 2>&1; then
    grep -E '^(#[0-9]+ +DONE|Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || true
    grep -E '^#[0-9]+' "$log" | tail -1
    echo "$h: no crash, leak, timeout or broken output"
  else
    status=1
    tail -40 "$log"
    echo "$h: FAILED; the input is in $artifacts"
  fi
done
exit "$status"
