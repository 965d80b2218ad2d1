#!/usr/bin/env bash
# clang-tidy over the project's own sources with the checks of .clang-tidy:
# every entry of BUILD_DIR/compile_commands.json whose file is under engine/,
# grammar/ or cli/ of SOURCE_DIR (not tests/, bench/ or generated files), and
# the project's headers they include. Any finding fails the test.
#
#   bash tests/tidy.sh BUILD_DIR SOURCE_DIR
#
# Exits 77 (skipped) when clang-tidy is not installed. The Clang Static
# Analyzer checks (clang-analyzer-*), which double the run time, run only with
# PLANLINT_TIDY_ANALYZER=1.
set -euo pipefail

if [ "$#" -ne 2 ]; then
  echo "usage: tidy.sh BUILD_DIR SOURCE_DIR" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
# The source folder as a regular expression (its dots and the like escaped).
src_re=$(printf '%s' "$src" | sed 's/[][\\.*^$+?(){}|]/\\&/g')

tidy=""
for candidate in clang-tidy-14 clang-tidy; do
  if command -v "$candidate" >/dev/null 2>&1; then
    tidy=$candidate
    break
  fi
done
if [ -z "$tidy" ]; then
  echo "tidy.sh: clang-tidy is not installed (Debian: apt-get install clang-tidy, or bash .ci/install-deps); skipped"
  exit 77
fi

db="$build/compile_commands.json"
if [ ! -f "$db" ]; then
  echo "tidy.sh: $db not found (configure with CMAKE_EXPORT_COMPILE_COMMANDS=ON)" >&2
  exit 2
fi

# CMake writes each entry's "file" on a line of its own, as an absolute path.
# Sources in sub-folders count too; a file compiled by two targets once.
files=()
while IFS= read -r f; do
  files+=("$f")
done < <(sed -n 's/^ *"file": *"\(.*\)",\{0,1\}$/\1/p' "$db" | grep -E "^$src_re/(engine|grammar|cli)/" | sort -u)
if [ "${#files[@]}" -eq 0 ]; then
  echo "tidy.sh: no source of $src/engine, grammar or cli in $db" >&2
  exit 2
fi

if [ "${PLANLINT_TIDY_ANALYZER:-0}" = 1 ]; then
  checks=()
  analyzer="with clang-analyzer-*"
else
  checks=("--checks=-clang-analyzer-*")
  analyzer="without clang-analyzer-*"
fi
jobs=$(nproc 2>/dev/null || echo 2)
log="$build/clang-tidy.log"

echo "tidy.sh: $("$tidy" --version | grep -o 'version [0-9.]*') on ${#files[@]} files ($analyzer), $jobs at a time"
status=0
# --header-filter: the project's own headers, by absolute path, so that a
# folder of the same name elsewhere (boost/url/grammar) is not taken for one.
printf '%s\0' "${files[@]}" |
  xargs -0 -n 1 -P "$jobs" "$tidy" -p "$build" --quiet "${checks[@]}" \
    --header-filter="^$src_re/(include|engine|grammar|cli)/" \
    --extra-arg=-Wno-unknown-warning-option >"$log" 2>&1 || status=$?

# clang-tidy counts the warnings it generated (almost all in system headers,
# then dropped) on stderr; anything else is a finding or an error.
findings=$(grep -Ev '^[0-9]+ warnings?( and [0-9]+ errors?)? generated\.$' "$log" || true)
if [ "$status" -ne 0 ] || [ -n "$findings" ]; then
  # A finding in a header comes once per source that includes it.
  printf '%s\n' "$findings" | head -n 300 || true
  echo "tidy.sh: the findings, each once:"
  printf '%s\n' "$findings" | grep -E ': (warning|error): ' | sort -u || true
  echo "tidy.sh: clang-tidy failed (exit $status): fix the findings above, or, for a check that does not fit"
  echo "the code, disable it in .clang-tidy with the reason"
  exit 1
fi
echo "tidy.sh: no findings"
