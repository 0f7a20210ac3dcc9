// GraphQL documents of the two public pages (no sign-in).

export const FREE_BEDS = /* GraphQL */ `
  query PublicBeds($tenantCode: String!, $districtId: ID!) {
    publicBedAvailability(tenantCode: $tenantCode, districtId: $districtId) {
      district
      asOf
      facilities {
        facilityId
        name
        free {
          bedType
          free
        }
      }
    }
  }
`;

export const REQUEST_CODE = /* GraphQL */ `
  mutation RequestFamilyCode($tenantCode: String!, $lookup: FamilyLookupInput!) {
    requestFamilyCode(tenantCode: $tenantCode, lookup: $lookup) {
      requestId
      expiresAt
    }
  }
`;

export const FAMILY_STATUS = /* GraphQL */ `
  mutation FamilyStatus($tenantCode: String!, $requestId: ID!, $code: String!) {
    familyStatus(tenantCode: $tenantCode, requestId: $requestId, code: $code) {
      hospital
      ward
      wardPhone
      category
      lifeSupport
      updatedAt
      discharged
      outcome
    }
  }
`;

export const DISTRICTS = /* GraphQL */ `
  query PublicDistricts($tenantCode: String!) {
    publicDistricts(tenantCode: $tenantCode) {
      id
      name
    }
  }
`;
