// The administrators' screens: accounts and roles, CSV imports.

const USER_FIELDS = /* GraphQL */ `
  fragment UserFields on User {
    id
    username
    displayName
    email
    status
    version
    roles {
      role
      unitId
      facilityId
    }
  }
`;

export const USERS = /* GraphQL */ `
  query Users($after: String) {
    users(first: 50, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...UserFields
        }
      }
    }
  }
  ${USER_FIELDS}
`;

export const CREATE_USER = /* GraphQL */ `
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;

export const SET_ACTIVE = /* GraphQL */ `
  mutation SetUserActive($id: ID!, $v: Int!, $active: Boolean!) {
    updateUser(input: { id: $id, expectedVersion: $v, active: $active }) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;

export const RESET_PASSWORD = /* GraphQL */ `
  mutation ResetPassword($id: ID!, $password: String!) {
    resetUserPassword(userId: $id, newPassword: $password)
  }
`;

export const GRANT = /* GraphQL */ `
  mutation GrantRole($id: ID!, $grant: RoleGrantInput!) {
    grantRole(userId: $id, grant: $grant) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;

export const REVOKE = /* GraphQL */ `
  mutation RevokeRole($id: ID!, $grant: RoleGrantInput!) {
    revokeRole(userId: $id, grant: $grant) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;

const IMPORT_REPORT = /* GraphQL */ `
  fragment ImportReportFields on ImportReport {
    imported
    skipped
    errors {
      row
      column
      message
    }
  }
`;

export const IMPORT_FACILITIES = /* GraphQL */ `
  mutation ImportFacilities($csv: String!, $skip: Boolean!) {
    importFacilities(csv: $csv, skipInvalid: $skip) {
      ...ImportReportFields
    }
  }
  ${IMPORT_REPORT}
`;

export const IMPORT_PROFESSIONALS = /* GraphQL */ `
  mutation ImportProfessionals($csv: String!, $skip: Boolean!) {
    importProfessionals(csv: $csv, skipInvalid: $skip) {
      ...ImportReportFields
    }
  }
  ${IMPORT_REPORT}
`;

export const IMPORT_SURVEY = /* GraphQL */ `
  mutation ImportSurvey($csv: String!, $skip: Boolean!) {
    importSurvey(csv: $csv, skipInvalid: $skip) {
      imported
      households
      duplicates {
        row
      }
      errors {
        row
        column
        message
      }
    }
  }
`;
