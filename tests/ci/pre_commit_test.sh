#!/usr/bin/env bash
# The pre-commit hook of .pre-commit-hooks.yaml on a throwaway repository:
# a commit adding a plan whose task names no unit is refused; once the
# repository has a baseline of its findings (planlint baseline, named in
# .planlint.toml) the same commit passes, and a new finding is refused again.
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
YAML
git add .pre-commit-config.yaml
git commit -q -m "pre-commit configuration" --no-verify
pre-commit install >/dev/null

fail() { echo "FAIL: $*"; exit 1; }

# A plan with a task that names no responsible unit.
cp "$src/fixtures/rules/task.unit-missing/fails.txt" plan.txt
git add plan.txt
if git commit -q -m "a plan" >"$tmp/refused.log" 2>&1; then
  cat "$tmp/refused.log"; fail "a commit with a task.unit-missing error was accepted"
fi
grep -q "task.unit-missing" "$tmp/refused.log" || { cat "$tmp/refused.log"; fail "the refusal does not name the rule"; }
echo "refused: $(grep -c '\[task.unit-missing\]' "$tmp/refused.log") task.unit-missing finding(s)"

# Adopting the gate: a baseline of today's findings, named in .planlint.toml.
planlint baseline plan.txt 2>"$tmp/baseline.log"
printf 'root = true\nbaseline = ".planlint-baseline.json"\n' > .planlint.toml
git add plan.txt .planlint.toml .planlint-baseline.json
git commit -q -m "a plan, with its baseline" >"$tmp/accepted.log" 2>&1 || { cat "$tmp/accepted.log"; fail "the commit with a baseline was refused"; }
echo "accepted with the baseline ($(cat "$tmp/baseline.log"))"

# A new task without a unit is new: refused again.
sed -i '/^2．建设调解员队伍/a 3．建立技术专家库。选聘高校和企业技术专家参与纠纷化解。' plan.txt
git add plan.txt
if git commit -q -m "a new task" >"$tmp/new.log" 2>&1; then
  cat "$tmp/new.log"; fail "a commit adding a new finding was accepted"
fi
echo "refused the new finding"
echo "pre-commit hook: ok"
