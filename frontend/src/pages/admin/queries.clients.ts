// Machine clients (OAuth 2.0 client_credentials) of the tenant.
const CLIENT_FIELDS = /* GraphQL */ `
  fragment ApiClientFields on ApiClient {
    id
    clientId
    name
    active
    createdAt
    rotatedAt
    revokedAt
    scopes {
      role
      unitId
      facilityId
    }
  }
`;

export const API_CLIENTS = /* GraphQL */ `
  query ApiClients {
    apiClients {
      ...ApiClientFields
    }
  }
  ${CLIENT_FIELDS}
`;

export const CREATE_API_CLIENT = /* GraphQL */ `
  mutation CreateApiClient($input: CreateApiClientInput!) {
    createApiClient(input: $input) {
      clientSecret
      client {
        ...ApiClientFields
      }
    }
  }
  ${CLIENT_FIELDS}
`;

export const ROTATE_API_CLIENT = /* GraphQL */ `
  mutation RotateApiClient($id: ID!) {
    rotateApiClientSecret(id: $id) {
      clientSecret
      client {
        ...ApiClientFields
      }
    }
  }
  ${CLIENT_FIELDS}
`;

export const REVOKE_API_CLIENT = /* GraphQL */ `
  mutation RevokeApiClient($id: ID!) {
    revokeApiClient(id: $id) {
      ...ApiClientFields
    }
  }
  ${CLIENT_FIELDS}
`;

export const CLIENT_FACILITIES = /* GraphQL */ `
  query ClientFacilities {
    facilities(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`;
