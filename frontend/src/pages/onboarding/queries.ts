// The private-hospital onboarding screens' operations.
import { BED_COUNTS } from "../registry/queries";

export const START_SIGNUP = /* GraphQL */ `
  mutation StartSignup($input: StartHospitalSignupInput!) {
    startHospitalSignup(input: $input) {
      signupId
      expiresAt
      sendsLeft
    }
  }
`;

export const RESEND_CODE = /* GraphQL */ `
  mutation ResendSignupCode($tenantCode: String!, $signupId: ID!) {
    resendSignupCode(tenantCode: $tenantCode, signupId: $signupId) {
      signupId
      expiresAt
      sendsLeft
    }
  }
`;

export const VERIFY_SIGNUP = /* GraphQL */ `
  mutation VerifySignup($input: VerifyHospitalSignupInput!) {
    verifyHospitalSignup(input: $input) {
      accessToken
      accessTokenExpiresAt
      refreshToken
    }
  }
`;

const SUMMARY = /* GraphQL */ `
  fragment ApplicationSummary on HospitalApplication {
    id
    status
    version
    name
    districtId
    submittedAt
    updatedAt
  }
`;

export const APPLICATIONS = /* GraphQL */ `
  query Applications($statuses: [ApplicationStatus!]) {
    hospitalApplications(statuses: $statuses, first: 50) {
      nodes {
        ...ApplicationSummary
      }
    }
  }
  ${SUMMARY}
`;

export const CREATE_APPLICATION = /* GraphQL */ `
  mutation CreateApplication {
    createHospitalApplication {
      id
    }
  }
`;

const FULL = /* GraphQL */ `
  fragment ApplicationFull on HospitalApplication {
    id
    status
    version
    name
    facilityId
    submittedAt
    decidedAt
    facility {
      name
      type
      ownershipSubtype
      unitId
      address
      pincode
      phone
      email
      systemsOfMedicine
      services
      open24x7
      opdHours
    }
    capacity {
      ...BedCounts
    }
    licences {
      clinicalEstablishmentNumber
      fireNocNumber
      biomedicalWasteAuthorisationNumber
      pollutionConsentNumber
      pan
      gstin
    }
    owner {
      name
      designation
      council
      registrationNumber
    }
    documents {
      id
      purpose
      fileName
      sizeBytes
      status
      rejectReason
      version
    }
    requiredDocuments {
      purpose
      label
      satisfied
    }
    missing
    allowedActions
    openComments {
      target
      text
    }
    timeline {
      id
      at
      action
      toStatus
      note
      comments {
        target
        text
      }
    }
  }
`;

export const APPLICATION = /* GraphQL */ `
  query Application($id: ID!) {
    hospitalApplication(id: $id) {
      ...ApplicationFull
    }
  }
  ${FULL}
  ${BED_COUNTS}
`;

export const SAVE_STEP = /* GraphQL */ `
  mutation SaveApplicationStep($input: SaveApplicationStepInput!) {
    saveApplicationStep(input: $input) {
      ...ApplicationFull
    }
  }
  ${FULL}
  ${BED_COUNTS}
`;

export const SUBMIT = /* GraphQL */ `
  mutation SubmitApplication($id: ID!, $v: Int!) {
    submitHospitalApplication(id: $id, expectedVersion: $v) {
      ...ApplicationFull
    }
  }
  ${FULL}
  ${BED_COUNTS}
`;

export const WITHDRAW = /* GraphQL */ `
  mutation WithdrawApplication($id: ID!, $v: Int!, $reason: String) {
    withdrawHospitalApplication(id: $id, expectedVersion: $v, reason: $reason) {
      ...ApplicationFull
    }
  }
  ${FULL}
  ${BED_COUNTS}
`;

export const REQUEST_CHANGES = /* GraphQL */ `
  mutation RequestChanges($input: RequestApplicationChangesInput!) {
    requestApplicationChanges(input: $input) {
      ...ApplicationFull
    }
  }
  ${FULL}
  ${BED_COUNTS}
`;

export const APPROVE = /* GraphQL */ `
  mutation ApproveApplication($id: ID!, $v: Int!, $note: String) {
    approveHospitalApplication(id: $id, expectedVersion: $v, note: $note) {
      ...ApplicationFull
    }
  }
  ${FULL}
  ${BED_COUNTS}
`;

export const REJECT = /* GraphQL */ `
  mutation RejectApplication($id: ID!, $v: Int!, $reason: String!) {
    rejectHospitalApplication(id: $id, expectedVersion: $v, reason: $reason) {
      ...ApplicationFull
    }
  }
  ${FULL}
  ${BED_COUNTS}
`;

export const REQUEST_UPLOAD = /* GraphQL */ `
  mutation RequestUpload($input: RequestUploadInput!) {
    requestUpload(input: $input) {
      document {
        id
      }
      upload {
        url
        method
        headers {
          name
          value
        }
      }
    }
  }
`;

export const CONFIRM_UPLOAD = /* GraphQL */ `
  mutation ConfirmUpload($documentId: ID!, $sha256: String!) {
    confirmUpload(documentId: $documentId, sha256: $sha256) {
      id
      status
      rejectReason
    }
  }
`;

export const DELETE_DOCUMENT = /* GraphQL */ `
  mutation DeleteDocument($documentId: ID!, $v: Int!) {
    deleteDocument(documentId: $documentId, expectedVersion: $v) {
      id
    }
  }
`;

export const DOWNLOAD = /* GraphQL */ `
  query DocumentDownload($documentId: ID!) {
    documentDownload(documentId: $documentId, purpose: "application review") {
      url
      method
      headers {
        name
        value
      }
    }
  }
`;

export const EMAIL_STATUS = /* GraphQL */ `
  query MyEmailVerification {
    myEmailVerification {
      email
      verified
      codeExpiresAt
    }
  }
`;

export const SEND_EMAIL_CODE = /* GraphQL */ `
  mutation SendEmailCode($email: String) {
    sendEmailCode(email: $email) {
      email
      verified
      codeExpiresAt
    }
  }
`;

export const VERIFY_EMAIL = /* GraphQL */ `
  mutation VerifyEmail($code: String!) {
    verifyEmail(code: $code) {
      email
      verified
      codeExpiresAt
    }
  }
`;
