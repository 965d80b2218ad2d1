#!/usr/bin/env bash
# The pre-commit hook of .pre-commit-hooks.yaml on a throwaway repository
# that already has findings (a plan with 18 errors): the commit is refused;
# once the repository has a baseline of its findings (planlint baseline,
# named in .planlint.toml) it passes; a commit adding one new finding is
# refused, and one fixing a finding passes and reports its stale entry.
#   bash tests/ci/pre_commit_test.sh PLANLINT SOURCE_DIR
# Exits 77 (skipped) when pre-commit or git is missing.
set -euo pipefail
planlint=$(realpath "$1")
src=$(realpath "$2")
command -v pre-commit >/dev/null && command -v git >/dev/null || { echo "pre-commit or git missing: skipped"; exit 77; }
rev=$(git -C "$src" rev-parse HEAD 2>/dev/null) || { echo "$src is not a git repository: skipped"; exit 77; }
if ! git -C "$src" cat-file -e "$rev:.pre-commit-hooks.yaml" 2>/dev/null; then
  echo ".pre-commit-hooks.yaml is not committed at $rev: skipped"; exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME="$tmp/cache" PATH="$(dirname "$planlint"):$PATH"
repo="$tmp/repo"
mkdir -p "$repo"
cd "$repo"
git init -q
git config user.name planlint-test
git config user.email planlint-test@example.invalid
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $src
    rev: $rev
    hooks:
      - id: planlint
        verbose: true
YAML
git add .pre-commit-config.yaml
git commit -q -m "pre-commit configuration" --no-verify
pre-commit install >/dev/null

fail() { echo "FAIL: $*"; exit 1; }

# A repository that already has findings: the tongzhou plan, 18 errors (and 3 warnings).
cp "$src/fixtures/plans/tongzhou-ip-pilot-2024.txt" plan.txt
cp plan.txt "$tmp/original.txt"
git add plan.txt
if git commit -q -m "a plan" >"$tmp/refused.log" 2>&1; then
  cat "$tmp/refused.log"; fail "a commit with 18 errors was accepted"
fi
grep -q "1 file, 18 errors, 3 warnings" "$tmp/refused.log" || { cat "$tmp/refused.log"; fail "the refusal does not count the 18 errors"; }
echo "refused: $(grep -c '\[task.unit-missing\]' "$tmp/refused.log") task.unit-missing findings, 18 errors in all"

# Adopting the gate: a baseline of today's findings, named in .planlint.toml.
planlint baseline plan.txt 2>"$tmp/baseline.log"
printf 'root = true\nbaseline = ".planlint-baseline.json"\n' > .planlint.toml
git add plan.txt .planlint.toml .planlint-baseline.json
git commit -q -m "a plan, with its baseline" >"$tmp/accepted.log" 2>&1 || { cat "$tmp/accepted.log"; fail "the commit with a baseline was refused"; }
echo "accepted with the baseline ($(cat "$tmp/baseline.log"))"

# A commit that adds one new task without a unit: refused, for that finding alone.
sed -i '/^4\.大力发展文化创意/a 5.建设知识产权公共服务平台。整合专利、商标信息资源，为企业提供检索分析服务。' plan.txt
git add plan.txt
if git commit -q -m "a new task" >"$tmp/new.log" 2>&1; then
  cat "$tmp/new.log"; fail "a commit adding a new finding was accepted"
fi
grep -q "1 file, 1 error, 0 warnings" "$tmp/new.log" || { cat "$tmp/new.log"; fail "the refusal is not of the one new finding"; }
grep -q "建设知识产权公共服务平台" "$tmp/new.log" || { cat "$tmp/new.log"; fail "the refusal does not name the new task"; }
echo "refused the one new finding"

# A commit that fixes a finding (a task gets its unit): accepted, and the
# baseline entry it leaves behind is reported as stale.
cp "$tmp/original.txt" plan.txt
sed -i 's/^\(1\.实施专利质量提升行动。.*新产品。\)$/\1（责任单位：区市场监管局）/' plan.txt
git add plan.txt
git commit -q -m "a task gets its unit" >"$tmp/fixed.log" 2>&1 || { cat "$tmp/fixed.log"; fail "the commit fixing a finding was refused"; }
grep -q "1 of its entries match nothing" "$tmp/fixed.log" || { cat "$tmp/fixed.log"; fail "no stale entry reported"; }
grep -q "stale baseline entry \[task.unit-missing\] 实施专利质量提升行动" "$tmp/fixed.log" || { cat "$tmp/fixed.log"; fail "the stale entry is not named"; }
echo "accepted the fix, and reported its stale baseline entry"
echo "pre-commit hook: ok"
