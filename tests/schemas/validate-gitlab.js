// Validates GitLab Code Quality reports as GitLab reads them
// (lib/gitlab/ci/parsers/codequality/code_climate.rb and
// lib/gitlab/ci/reports/codequality_reports.rb): the file is a JSON array,
// and each issue must be valid against GitLab's own schema
// (gitlab-codeclimate.json, app/validators/json_schemas/codeclimate.json,
// draft-07), or GitLab stops reading the report at it. GitLab keeps issues by
// fingerprint, so a fingerprint used twice would hide an issue: each must be
// unique in its report. Used by tests/validate_formats.sh.
// Usage: node validate-gitlab.js FILE...   exit 0 when every file is valid.
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv = require("ajv"); // ajv 8, which ajv-cli and ajv-formats install

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(__dirname, "gitlab-codeclimate.json"), "utf8")));

let failed = 0;
for (const file of process.argv.slice(2)) {
  const problems = [];
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  if (!Array.isArray(report)) {
    problems.push("/ is not an array of issues");
  } else {
    const seen = new Map();
    report.forEach((issue, i) => {
      if (!validate(issue)) {
        for (const e of validate.errors) problems.push(`/${i}${e.instancePath} ${e.message}`);
      }
      const fingerprint = issue && issue.fingerprint;
      if (seen.has(fingerprint)) problems.push(`/${i}/fingerprint the same as /${seen.get(fingerprint)}'s`);
      else seen.set(fingerprint, i);
    });
  }
  if (problems.length === 0) {
    console.log(`${file} valid (GitLab's codeclimate.json schema, ${report.length} issues)`);
  } else {
    failed += 1;
    console.log(`${file} invalid:`);
    for (const p of problems) console.log(`  ${p}`);
  }
}
process.exit(failed ? 1 : 0);
