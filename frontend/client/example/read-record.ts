// A third-party app reading a patient's record: sign in as the demo doctor, find the
// patient by phone, read their record by health ID, print it.
// Run against a server started with `cargo run --bin arogya -- serve --demo`:
//   AROGYA_URL=http://localhost:8080 npx vite-node client/example/read-record.ts
import { ArogyaClient, PATIENT_RECORD, SEARCH_PATIENTS } from "../index";
import type {
  ClientPatientRecordQuery,
  ClientPatientRecordQueryVariables,
  ClientSearchPatientsQuery,
  ClientSearchPatientsQueryVariables,
} from "../types";

export async function readRecord(baseUrl: string, phone: string): Promise<string[]> {
  const arogya = new ArogyaClient({
    baseUrl,
    credentials: { tenantCode: "WB", login: "wb.doctor", password: "wb-demo-doctor-2026" },
  });
  const found = await arogya.request<ClientSearchPatientsQuery, ClientSearchPatientsQueryVariables>(SEARCH_PATIENTS, { input: { phone } });
  const healthId = found.searchPatients[0]?.healthId;
  if (!healthId) return [];
  const { patientByHealthId: p } = await arogya.request<ClientPatientRecordQuery, ClientPatientRecordQueryVariables>(PATIENT_RECORD, { healthId, first: 20 });
  const lines = [`${p.givenName} ${p.familyName ?? ""} (${p.healthId}), ${p.sex}, ${p.ageYears} years`];
  for (const { node } of p.timeline.edges) {
    lines.push(`${node.occurredAt.slice(0, 10)} ${node.kind} at ${node.facility?.name ?? "?"}`);
  }
  return lines;
}

// Run directly: print the demo patient's record.
if (typeof process !== "undefined" && process.argv[1]?.endsWith("read-record.ts")) {
  readRecord(process.env.AROGYA_URL ?? "http://localhost:8080", "9433012345").then((lines) => console.log(lines.join("\n")));
}
