// The health-record screen's operations.

export const PATIENT = /* GraphQL */ `
  query RecordPatient($healthId: String!) {
    patientByHealthId(healthId: $healthId, purpose: "treatment") {
      id
      healthId
      givenName
      familyName
      localName
      ageYears
      sex
    }
    myProfessional {
      id
      postings {
        facility {
          id
          name
        }
      }
    }
  }
`;

export const TIMELINE = /* GraphQL */ `
  query RecordTimeline($healthId: String!) {
    patientByHealthId(healthId: $healthId) {
      timeline(first: 50, purpose: "treatment") {
        edges {
          node {
            id
            kind
            status
            version
            enteredInErrorReason
            occurredAt
            encounterId
            orderId
            facility {
              name
            }
            author {
              name
            }
            details {
              __typename
              ... on EncounterView {
                encounterKind: kind
                reason
                department
                outcome
              }
              ... on DiagnosisView {
                code
                description
                certainty
              }
              ... on PrescriptionView {
                items {
                  drugName
                  strength
                  dose
                  frequency
                  durationDays
                }
                advice
              }
              ... on NoteView {
                category
                text
              }
              ... on VitalsView {
                systolicMmHg
                diastolicMmHg
                pulsePerMin
                temperatureC
                spo2Percent
                respiratoryRatePerMin
                weightKg
                heightCm
                bmi
                bloodGlucoseMgDl
                flags {
                  field
                  high
                  value
                  usualLow
                  usualHigh
                  unit
                }
              }
              ... on LabOrderView {
                tests {
                  name
                  loinc
                }
                priority
                specimen
              }
              ... on LabResultView {
                measurements {
                  test
                  value
                  unit
                  referenceLow
                  referenceHigh
                  abnormal
                }
                conclusion
              }
            }
          }
        }
      }
    }
  }
`;

export const START = /* GraphQL */ `
  mutation StartVisit($input: StartEncounterInput!) {
    startEncounter(input: $input) {
      id
    }
  }
`;

export const ADD_ENTRY = /* GraphQL */ `
  mutation AddEntry($encounterId: ID!, $entry: ClinicalEntryInput!) {
    addClinicalEntry(encounterId: $encounterId, entry: $entry) {
      id
      kind
    }
  }
`;

export const ICD10 = /* GraphQL */ `
  query Icd10Search($search: String!) {
    icd10Codes(search: $search, first: 12) {
      code
      description
    }
  }
`;

/** A new entry, with the flags the server raised (vitals outside usual ranges). */
export const ADD_VITALS = /* GraphQL */ `
  mutation AddVitals($encounterId: ID!, $vitals: VitalsInput!) {
    addClinicalEntry(encounterId: $encounterId, entry: { vitals: $vitals }) {
      id
      details {
        __typename
        ... on VitalsView {
          bmi
          flags {
            field
            high
            value
            usualLow
            usualHigh
            unit
          }
        }
      }
    }
  }
`;

export const FINISH_VISIT = /* GraphQL */ `
  mutation FinishVisit($id: ID!, $version: Int!, $outcome: EncounterOutcome!) {
    updateEncounter(input: { id: $id, expectedVersion: $version, status: FINISHED, outcome: $outcome }) {
      id
      status
    }
  }
`;

export const MARK_IN_ERROR = /* GraphQL */ `
  mutation MarkInError($id: ID!, $version: Int!, $reason: String!) {
    markEnteredInError(id: $id, expectedVersion: $version, reason: $reason) {
      id
      status
    }
  }
`;
