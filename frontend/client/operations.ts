// The operations this package offers other apps, typed by `npm run codegen` into
// types.ts from the server's committed schema (api/schema.graphql).

/** Sign in as a member of staff (a partner's app used by a doctor). */
export const SIGN_IN = /* GraphQL */ `
  mutation ClientSignIn($input: LoginInput!) {
    login(input: $input) {
      accessToken
      accessTokenExpiresAt
    }
  }
`;

/** Find patients by phone or name (the caller's tenant). */
export const SEARCH_PATIENTS = /* GraphQL */ `
  query ClientSearchPatients($input: PatientSearchInput!) {
    searchPatients(input: $input) {
      id
      healthId
      givenName
      familyName
    }
  }
`;

/** A patient's record: who they are and the newest entries of their timeline. */
export const PATIENT_RECORD = /* GraphQL */ `
  query ClientPatientRecord($healthId: String!, $first: Int) {
    patientByHealthId(healthId: $healthId, purpose: "treatment") {
      id
      healthId
      givenName
      familyName
      sex
      ageYears
      timeline(first: $first, purpose: "treatment") {
        edges {
          node {
            id
            kind
            status
            occurredAt
            facility {
              name
            }
            details {
              __typename
              ... on VitalsView {
                systolicMmHg
                diastolicMmHg
                pulsePerMin
                spo2Percent
              }
              ... on DiagnosisView {
                code
                description
                certainty
              }
              ... on PrescriptionView {
                items {
                  drugName
                  dose
                  frequency
                }
              }
              ... on NoteView {
                text
              }
            }
          }
        }
      }
    }
  }
`;

/** A facility's oxygen readings (an oxygen plant's meter, as a machine client). */
export const RECORD_OXYGEN_READING = /* GraphQL */ `
  mutation ClientRecordOxygenReading($facilityId: ID!, $readingAt: DateTime!, $readings: OxygenReadingsInput!) {
    recordOxygenReading(facilityId: $facilityId, readingAt: $readingAt, readings: $readings) {
      id
      version
      heldNm3
    }
  }
`;
