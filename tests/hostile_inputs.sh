#!/usr/bin/env bash
# Hostile inputs, end to end: runs the real planlint binary against a table of
# inputs meant to hurt it (its own input as --output, special files, full
# disks, link loops, unreadable directories, absurd -j, deeply nested rules,
# control characters, endless or silent inputs) and checks, for each, the exit
# code and a piece of the output.
#
#   tests/hostile_inputs.sh PLANLINT SCRATCH_DIR
#
# Prints "ok NAME", "FAIL NAME: reason" or "skip NAME: reason" per case, then
# "N passed, M failed"; exits 1 when a case failed. Every planlint run is
# under `timeout 20`, so a hang is a failure, not a stuck test.
set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 PLANLINT SCRATCH_DIR" >&2
  exit 2
fi
PLANLINT=$(realpath -- "$1")
SCRATCH=$(realpath -m -- "$2")
case "$SCRATCH" in
  / | "") echo "$0: refusing scratch dir '$2'" >&2; exit 2 ;;
esac
if [ ! -x "$PLANLINT" ]; then
  echo "$0: $PLANLINT is not executable" >&2
  exit 2
fi
SRC=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
P="$SRC/fixtures/plans/tongzhou-ip-pilot-2024.txt"
P_SUMMARY="1 file, 18 errors, 3 warnings, 0 infos"  # with its numbering-slip
FIXTURE="$SRC/fixtures/bad/control-characters.txt"
ESC=$'\x1b'
BEL=$'\x07'

rm -rf -- "$SCRATCH"
mkdir -p -- "$SCRATCH"
cd -- "$SCRATCH" || exit 2

TMP_DIRS=()
cleanup() {
  local d
  for d in "${TMP_DIRS[@]+"${TMP_DIRS[@]}"}"; do
    chmod -R u+rwx -- "$d" 2>/dev/null
    rm -rf -- "$d"
  done
}
trap cleanup EXIT

# ---------------------------------------------------------------- harness --

PASSED=0
FAILED=0
CASE=""
DIR=""      # the current case's own directory under SCRATCH
OUT=""      # stdout and stderr of the last `pl`
ERR=""
RC=0
REASONS=()

begin() {
  CASE=$1
  DIR="$SCRATCH/$CASE"
  mkdir -p -- "$DIR"
  OUT="$DIR/stdout"
  ERR="$DIR/stderr"
  REASONS=()
}

bad() { REASONS+=("$*"); }

end() {
  if [ ${#REASONS[@]} -eq 0 ]; then
    echo "ok $CASE"
    PASSED=$((PASSED + 1))
  else
    local joined
    joined=$(printf '%s; ' "${REASONS[@]}")
    echo "FAIL $CASE: ${joined%; }"
    FAILED=$((FAILED + 1))
  fi
}

skip() { echo "skip $CASE: $*"; }

# pl ARGS...: planlint ARGS under a timeout; stdout, stderr to $OUT, $ERR; exit code to $RC.
pl() {
  timeout 20 "$PLANLINT" "$@" >"$OUT" 2>"$ERR"
  RC=$?
}

expect_rc() {
  local want=$1 what=${2:-}
  if [ "$RC" -ne "$want" ]; then
    if [ "$RC" -eq 124 ]; then
      bad "${what:+$what: }timed out (killed after 20 s)"
    else
      bad "${what:+$what: }exit $RC, expected $want ($(head -c 300 "$ERR" | tr '\n' ' '))"
    fi
  fi
}

# has FILE PATTERN DESCRIPTION: FILE has a line matching the extended regex.
has() {
  LC_ALL=C grep -aEq -- "$2" "$1" || bad "$3: no match for /$2/ in $(basename -- "$1")"
}

# has_text FILE TEXT DESCRIPTION: FILE holds TEXT, literally.
has_text() {
  LC_ALL=C grep -aFq -- "$2" "$1" || bad "$3: '$2' not in $(basename -- "$1")"
}

lacks_text() {
  ! LC_ALL=C grep -aFq -- "$2" "$1" || bad "$3: '$2' found in $(basename -- "$1")"
}

# A string as an extended regex that matches it literally.
re_quote() { printf '%s' "$1" | sed 's/[][\.*^$+?(){}|]/\\&/g'; }

now_ms() { date +%s%3N; }

# ------------------------------------------------------------------ cases --

# 0. P as it is: the findings the cases below count on.
begin baseline
pl check --color never "$P"
expect_rc 1
[ "$(tail -n 1 "$OUT")" = "$P_SUMMARY" ] || bad "summary '$(tail -n 1 "$OUT")', expected '$P_SUMMARY'"
end

# 1. The output file is the input: refused before anything is written, through
#    the same name, a symbolic link and a hard link.
output_is_input() {
  local name=$1 target=$2
  begin "$name"
  cp -- "$P" "$DIR/p.txt"
  case "$target" in
    symlink) ln -s p.txt "$DIR/link.txt"; target="$DIR/link.txt" ;;
    hardlink) ln "$DIR/p.txt" "$DIR/hard.txt"; target="$DIR/hard.txt" ;;
    same) target="$DIR/p.txt" ;;
  esac
  pl check --color never "$DIR/p.txt" --output "$target"
  expect_rc 2
  has_text "$ERR" "would replace the input" "stderr"
  cmp -s -- "$P" "$DIR/p.txt" || bad "p.txt changed"
  [ "$name" != output-is-input-symlink ] || [ -L "$DIR/link.txt" ] || bad "link.txt is no longer a symbolic link"
  [ "$name" != output-is-input-hardlink ] || cmp -s -- "$P" "$DIR/hard.txt" || bad "hard.txt changed"
  end
}
output_is_input output-is-input same
output_is_input output-is-input-symlink symlink
output_is_input output-is-input-hardlink hardlink

# 2. Special files as --output are written through, not replaced.
begin output-dev-null
pl check --color never "$P" --fail-on never --output /dev/null
expect_rc 0
[ -c /dev/null ] || bad "/dev/null is no longer a character device"
[ ! -s "$OUT" ] || bad "the report went to stdout too"
end

# /dev/stdout, a pipe here: the report arrives through it, and it stays one.
begin output-dev-stdout
timeout 20 "$PLANLINT" check --color never "$P" --fail-on never --output /dev/stdout 2>"$ERR" | cat >"$DIR/piped"
RC=${PIPESTATUS[0]}
expect_rc 0
has_text "$DIR/piped" "$P_SUMMARY" "the report written into the pipe"
end

begin output-fifo
mkfifo "$DIR/fifo"
timeout 20 cat "$DIR/fifo" >"$DIR/captured" &
reader=$!
pl check --color never "$P" --fail-on never --output "$DIR/fifo"
expect_rc 0
# If planlint never wrote to the FIFO, let the reader go: open it as a writer
# (read-write does not block) until the reader has seen an end of file.
for _ in $(seq 1 100); do
  kill -0 "$reader" 2>/dev/null || break
  [ -p "$DIR/fifo" ] && : 1<>"$DIR/fifo"
  sleep 0.05
done
wait "$reader"
[ -p "$DIR/fifo" ] || bad "fifo is no longer a FIFO"
has_text "$DIR/captured" "1 file," "captured report"
end

# 3. A full disk is an error (exit 2), not a silent success.
write_error() {
  begin "$1"
  shift
  timeout 20 "$PLANLINT" "$@" >/dev/full 2>"$ERR"
  RC=$?
  expect_rc 2
  has_text "$ERR" "cannot write" "stderr"
  end
}
write_error write-error-check check --color never "$P" --fail-on never
write_error write-error-outline outline "$P"
write_error write-error-graph graph "$P"
write_error write-error-rules rules

# 4. A directory walk names every entry it cannot read, checks the rest, and
#    stays inside the directory: a link to a directory (here to ..) is named
#    on stderr and not followed, so it is no way out of it.
begin directory-walk
tree="$DIR/tree"
mkdir "$tree"
for i in 1 2 3; do cp -- "$P" "$tree/p$i.txt"; done
cp -- "$P" "$DIR/outside.txt"   # beside the tree: reachable only through up -> ..
ln -s nowhere "$tree/dangling.txt"
ln -s loop "$tree/loop"
ln -s .. "$tree/up"
pl check --color never "$tree" --fail-on never
expect_rc 2
has "$ERR" "^$(re_quote "$tree/dangling.txt"): error: broken symbolic link" "stderr"
has "$ERR" "^$(re_quote "$tree/loop"): error: symbolic link loop" "stderr"
for i in 1 2 3; do has_text "$OUT" "$tree/p$i.txt:" "stdout"; done
has "$ERR" "^$(re_quote "$tree/up"): note: symbolic link to a directory, not followed" "stderr"
lacks_text "$OUT" "outside.txt" "stdout (the walk left the directory through up -> ..)"
summary=$(tail -n 1 "$OUT")
if [[ $summary =~ ^([0-9]+)\ files\ \(([0-9]+)\ unreadable\),\ ([0-9]+)\ errors,\ ([0-9]+)\ warnings ]]; then
  files=${BASH_REMATCH[1]} unreadable=${BASH_REMATCH[2]}
  checked=$((files - unreadable))
  if [ "$checked" -ne 3 ] || [ "${BASH_REMATCH[3]}" -ne 54 ] || [ "${BASH_REMATCH[4]}" -ne 9 ]; then
    bad "summary '$summary': $checked plans checked, expected the 3 (54 errors, 9 warnings: 2 and a numbering slip each)"
  fi
  [ "$unreadable" -ge 2 ] || bad "summary '$summary': dangling.txt and loop not counted as unreadable"
else
  bad "no summary with unreadable files: '$summary'"
fi
end

begin directory-unreadable
if [ "$(id -u)" -eq 0 ] && ! command -v setpriv >/dev/null; then
  skip "running as root and setpriv is missing"
else
  as_other=()
  if [ "$(id -u)" -eq 0 ]; then
    as_other=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  fi
  base=$(mktemp -d /tmp/planlint-hostile.XXXXXX)
  TMP_DIRS+=("$base")
  chmod 755 "$base"
  bin=$PLANLINT
  if ! "${as_other[@]+"${as_other[@]}"}" test -x "$bin"; then
    cp -- "$PLANLINT" "$base/planlint"
    chmod 755 "$base/planlint"
    bin="$base/planlint"
  fi
  mkdir "$base/plans"
  for i in $(seq 1 20); do cp -- "$P" "$base/plans/p$i.txt"; done
  mkdir "$base/plans/locked"
  cp -- "$P" "$base/plans/locked/hidden.txt"
  chmod -R a+rX "$base/plans"
  chmod 000 "$base/plans/locked"
  timeout 20 "${as_other[@]+"${as_other[@]}"}" "$bin" check --color never "$base/plans" --fail-on never \
    >"$OUT" 2>"$ERR"
  RC=$?
  expect_rc 2
  has "$ERR" "^$(re_quote "$base/plans/locked"): error: cannot read directory" "stderr"
  has_text "$OUT" "21 files (1 unreadable)" "stdout summary"
  lacks_text "$OUT" "hidden.txt" "stdout"
  end
fi

# 5. -j: a huge count is capped, nonsense is a usage error.
begin jobs-huge
pl check --color never -j 100000 "$P" "$P" --fail-on never
expect_rc 0
has "$OUT" "^2 files, 36 errors" "stdout summary"
end

for j in 0 -1 abc; do
  begin "jobs-bad-$j"
  pl check --color never -j "$j" "$P"
  expect_rc 2
  has "$ERR" "^planlint: .*(-j|--jobs).*'$(re_quote "$j")'" "stderr usage line"
  [ ! -s "$OUT" ] || bad "stdout not empty"
  end
done

# 6. Rule conditions nested without end are a syntax error, not a stack overflow;
#    a long flat chain is not nesting.
deep_rule() {
  begin "$1"
  local file="$DIR/deep.rules"
  python3 -c "$2" >"$file"
  pl rules --rules "$file"
  expect_rc 2
  has "$ERR" "^$(re_quote "$file"):1:[0-9]+: error: condition nested more than" "stderr"
  end
}
deep_rule rule-nesting-not \
  "print('rule deep.x { severity error applies-to task require ' + 'not ' * 8000 + 'true message \"m\" }')"
deep_rule rule-nesting-parens \
  "print('rule deep.x { severity error applies-to task require ' + '(' * 8000 + 'true' + ')' * 8000 + ' message \"m\" }')"

begin rule-long-chain
python3 -c "print('rule deep.x { severity error applies-to task require ' + ' and '.join(['true'] * 100000) + ' message \"m\" }')" \
  >"$DIR/chain.rules"
pl rules --rules "$DIR/chain.rules"
expect_rc 0
has "$OUT" "^deep\.x +error +task" "stdout rule list"
end

# 7. Control characters and markup in a plan still make well-formed XML.
xml_well_formed() {
  begin "$1"
  local want=$2
  shift 2
  pl "$@"
  expect_rc "$want"
  if [ ! -s "$OUT" ]; then
    bad "no output"
  elif ! xmllint --noout "$OUT" 2>"$DIR/xmllint"; then
    bad "not well-formed: $(head -n 2 "$DIR/xmllint" | tr '\n' ' ')"
  fi
  end
}
xml_well_formed xml-check 1 check "$FIXTURE" --format xml
xml_well_formed xml-outline 0 outline "$FIXTURE" --format xml
xml_well_formed xml-graphml 0 graph "$FIXTURE" --format graphml

begin xml-file-name
name="$DIR/$(printf 'bad\xff\x1bname.txt')"
cp -- "$P" "$name"
pl check "$name" --format xml
expect_rc 1
if ! xmllint --noout "$OUT" 2>"$DIR/xmllint"; then
  bad "not well-formed: $(head -n 2 "$DIR/xmllint" | tr '\n' ' ')"
else
  enc=$(xmllint --xpath 'string(//file/@path-encoding)' "$OUT" 2>/dev/null)
  path=$(xmllint --xpath 'string(//file/@path)' "$OUT" 2>/dev/null)
  [ "$enc" = percent ] || bad "file path-encoding is '$enc', expected 'percent'"
  [[ $path == *bad%FF%1Bname.txt ]] || bad "file path is '$path'"
fi
end

# 8. Inputs are bounded: endless files and pipes, silent FIFOs and oversized
#    files are refused one by one, and the other inputs are still checked.
begin bounded-dev-zero
pl check --color never /dev/zero "$P" --fail-on never
expect_rc 2
has "$ERR" "^/dev/zero: error: larger than" "stderr"
has_text "$OUT" "2 files (1 unreadable), 18 errors" "stdout summary"
has_text "$OUT" "[task.unit-missing]" "stdout findings of P"
end

begin bounded-rules-dev-zero
pl check --color never --rules /dev/zero "$P"
expect_rc 2
has "$ERR" "^/dev/zero: error: larger than" "stderr"
end

begin bounded-stdin
timeout 20 bash -c 'head -c 70000000 /dev/zero | "$@"' _ "$PLANLINT" check --color never - "$P" >"$OUT" 2>"$ERR"
RC=$?
expect_rc 2
has "$ERR" "^-: error: larger than" "stderr"
has_text "$OUT" "2 files (1 unreadable), 18 errors" "stdout summary"
end

begin bounded-silent-fifo
mkfifo "$DIR/fifo"
start=$(now_ms)
pl check --color never --input-timeout 1 "$DIR/fifo" "$P"
elapsed=$(($(now_ms) - start))
expect_rc 2
[ "$elapsed" -lt 5000 ] || bad "took ${elapsed} ms, expected under 5 s"
has_text "$ERR" "nothing to read" "stderr"
has_text "$OUT" "2 files (1 unreadable), 18 errors" "stdout summary"
has_text "$OUT" "[task.unit-missing]" "stdout findings of P"
end

begin bounded-max-input-size
pl check --color never --max-input-size 10K "$P"
expect_rc 2
has_text "$ERR" "larger than the 10 KiB" "stderr"
end

# 9. Text output never carries a terminal escape from the plan: ESC and BEL are
#    shown as visible escapes.
begin fixture-unit-missing
pl check --color never "$FIXTURE"
expect_rc 1
LC_ALL=C grep -aF '[task.unit-missing]' "$OUT" | LC_ALL=C grep -aFq '\x1b' ||
  bad "no task.unit-missing finding quoting '\\x1b' in the report"
end

begin terminal-escapes
pl check --color never "$FIXTURE"
expect_rc 1 check
cat "$OUT" "$ERR" >"$DIR/combined"
cp -- "$OUT" "$DIR/report"
pl outline "$FIXTURE"
expect_rc 0 outline
cat "$OUT" "$ERR" >>"$DIR/combined"
n_esc=$(LC_ALL=C grep -ac -- "$ESC" "$DIR/combined")
n_bel=$(LC_ALL=C grep -ac -- "$BEL" "$DIR/combined")
[ "$n_esc" -eq 0 ] || bad "$n_esc output lines carry an ESC byte"
[ "$n_bel" -eq 0 ] || bad "$n_bel output lines carry a BEL byte"
has_text "$DIR/report" '\x1b' "report"
has_text "$OUT" '\x1b' "outline"
end

# 10. DOT labels are escaped: Graphviz reads the graph of the fixture.
begin dot-escaping
if ! command -v dot >/dev/null; then
  skip "dot (Graphviz) is missing"
else
  pl graph "$FIXTURE"
  expect_rc 0
  cp -- "$OUT" "$DIR/out.dot"
  has "$DIR/out.dot" "^digraph" "graph"
  if ! timeout 20 dot -Tsvg "$DIR/out.dot" >"$DIR/out.svg" 2>"$DIR/dot.err"; then
    bad "dot -Tsvg failed: $(head -n 2 "$DIR/dot.err" | tr '\n' ' ')"
  fi
  end
fi

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
