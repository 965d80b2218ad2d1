#!/usr/bin/env bash
# Validates the machine report formats against their schemas. The outputs are
# the golden files fixtures/golden/*.check.<format> (the five plans, and
# hostile-texts: CJK, control characters, a line break before a workflow
# command, a byte that is not UTF-8, a path with a comma and a colon, an
# unreadable file), which the unit test report_formats_test.cpp compares byte
# for byte with what the writers produce.
#
#   validate_formats.sh xml    JUnit (Jenkins xunit-plugin's junit-10.xsd)
#                              and Checkstyle (Checkstyle's
#                              checkstyle-report-1.0.0.xsd) with xmllint
#                              --schema
#   validate_formats.sh json   JSON (docs/planlint-report.schema.json) with
#                              ajv-cli; GitLab Code Quality as GitLab reads it
#                              (its own codeclimate.json schema per issue,
#                              validate-gitlab.js) and as GitLab documents it
#                              (gitlab-code-quality.schema.json); SARIF with
#                              ajv against the SARIF 2.1.0 schema and with the
#                              SARIF multitool; exits 77 (skipped) when
#                              tests/schemas/node_modules is missing
#                              (bash .ci/install-npm installs it)
#
# The schemas of JUnit, Checkstyle and GitLab are their publishers' files,
# copied verbatim (tests/schemas/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:?usage: validate_formats.sh xml|json}
golden=fixtures/golden
schemas=tests/schemas
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

files() {  # the golden files of one format, failing when there are none
  local list=("$golden"/*.check."$1")
  [ -e "${list[0]}" ] || { echo "no $golden/*.check.$1 files" >&2; exit 1; }
  printf '%s\n' "${list[@]}"
}

# A validator that accepts everything proves nothing: each must also refuse a
# file that breaks its schema.
must_refuse() {  # description, command...
  local what=$1
  shift
  if "$@" >"$tmp/refused.log" 2>&1; then
    echo "FAIL: the validator accepted $what:" >&2
    cat "$tmp/refused.log" >&2
    exit 1
  fi
}

case "$mode" in
xml)
  mapfile -t junit < <(files junit.xml)
  mapfile -t checkstyle < <(files checkstyle.xml)
  xmllint --noout --schema "$schemas/junit-10.xsd" "${junit[@]}"
  xmllint --noout --schema "$schemas/checkstyle-report-1.0.0.xsd" "${checkstyle[@]}"
  sed 's/<testsuite name="\([^"]*\)" tests="[0-9]*"/<testsuite name="\1"/' "${junit[0]}" >"$tmp/bad.junit.xml"
  must_refuse "a testsuite without tests" xmllint --noout --schema "$schemas/junit-10.xsd" "$tmp/bad.junit.xml"
  sed 's/ line="[0-9]*"/ line="0"/' "${checkstyle[0]}" >"$tmp/bad.checkstyle.xml"
  must_refuse "an error at line 0" xmllint --noout --schema "$schemas/checkstyle-report-1.0.0.xsd" "$tmp/bad.checkstyle.xml"
  echo "formats-xsd: ${#junit[@]} JUnit and ${#checkstyle[@]} Checkstyle reports valid"
  ;;
json)
  bin=$schemas/node_modules/.bin
  if [ ! -x "$bin/ajv" ] || [ ! -x "$bin/sarif-multitool" ] || [ ! -d "$schemas/node_modules/ajv-draft-04" ]; then
    echo "SKIPPED: $schemas/node_modules is not installed (run: bash .ci/install-npm); JSON, SARIF and GitLab outputs not validated"
    exit 77
  fi
  mapfile -t json < <(files json | grep -v '\.gitlab\.json$')
  mapfile -t gitlab < <(files gitlab.json)
  mapfile -t sarif < <(files sarif)
  ajv() { "$bin/ajv" validate --all-errors -c ajv-formats "$@"; }
  for f in "${json[@]}"; do ajv --spec=draft2020 -s docs/planlint-report.schema.json -d "$f"; done
  node "$schemas/validate-gitlab.js" "${gitlab[@]}"
  for f in "${gitlab[@]}"; do ajv --spec=draft7 -s "$schemas/gitlab-code-quality.schema.json" -d "$f"; done
  # SARIF against the 2.1.0 schema (validate-sarif.js), then the SARIF
  # multitool's rules of good practice: it exits non-zero on an error and
  # prints its warnings. (Its validate does not refuse a log that breaks the
  # schema, hence the schema check first.)
  node "$schemas/validate-sarif.js" "${sarif[@]}"
  "$bin/sarif-multitool" validate "${sarif[@]}" --output "$tmp/validation.sarif"
  sed 's/"startLine": [0-9]*/"startLine": "one"/' "${sarif[0]}" >"$tmp/bad.sarif"
  must_refuse "a SARIF region with a text startLine" node "$schemas/validate-sarif.js" "$tmp/bad.sarif"
  sed '0,/"fingerprint": /{/"fingerprint": /d}' "${gitlab[0]}" >"$tmp/bad.gitlab.json"
  must_refuse "a GitLab issue without fingerprint" node "$schemas/validate-gitlab.js" "$tmp/bad.gitlab.json"
  sed 's/"severity": "[a-z]*"/"severity": "fatal"/' "${gitlab[0]}" >"$tmp/bad.gitlab.json"
  must_refuse "a GitLab issue of severity fatal" ajv --spec=draft7 -s "$schemas/gitlab-code-quality.schema.json" -d "$tmp/bad.gitlab.json"
  sed 's/"column": [0-9]*/"column": -1/' "${json[0]}" >"$tmp/bad.json"
  must_refuse "a finding at column -1" ajv --spec=draft2020 -s docs/planlint-report.schema.json -d "$tmp/bad.json"
  echo "formats-json-schema: ${#json[@]} JSON, ${#gitlab[@]} GitLab and ${#sarif[@]} SARIF reports valid"
  ;;
*)
  echo "usage: validate_formats.sh xml|json" >&2
  exit 2
  ;;
esac
