// Validates SARIF files against the SARIF 2.1.0 JSON schema that Microsoft
// publishes in the npm package @microsoft/jest-sarif (lib/schemas/
// sarif-2.1.0-rtm.5.json, the schema json.schemastore.org serves for
// sarif-2.1.0; draft-04, hence ajv-draft-04). Used by tests/validate_formats.sh.
// Usage: node validate-sarif.js FILE...   exit 0 when every file is valid.
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv = require("ajv-draft-04");
const addFormats = require("ajv-formats");

const schemaFile = path.join(__dirname, "node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
// unicodeRegExp off: the schema's language pattern `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`
// is not a valid regular expression with the u flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));

let failed = 0;
for (const file of process.argv.slice(2)) {
  const log = JSON.parse(fs.readFileSync(file, "utf8"));
  if (validate(log)) {
    console.log(`${file} valid (SARIF 2.1.0 schema)`);
  } else {
    failed += 1;
    console.log(`${file} invalid:`);
    for (const e of validate.errors) console.log(`  ${e.instancePath || "/"} ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
