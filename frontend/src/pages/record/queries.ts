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
            occurredAt
            encounterId
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
                text
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
