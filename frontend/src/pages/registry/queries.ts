// The registry screens' operations: facilities and the unit tree.

/** Beds by kind (a facility's, or what an application declares). */
export const BED_COUNTS = /* GraphQL */ `
  fragment BedCounts on BedCapacity {
      general
      oxygenSupported
      icu
      hdu
      ventilator
      isolation
      paediatric
      maternity
  }
`;

export const FACILITIES = /* GraphQL */ `
  query Facilities($filter: FacilityFilter, $after: String) {
    facilities(filter: $filter, first: 25, after: $after) {
      nodes {
        id
        name
        type
        ownership
        operationalStatus
        totalBeds
        district {
          name
        }
        unit {
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

const FACILITY_FULL = /* GraphQL */ `
  fragment FacilityFull on Facility {
    id
    name
    type
    ownership
    ownershipSubtype
    address
    pincode
    latitude
    longitude
    phone
    email
    systemsOfMedicine
    specialities
    operationalStatus
    nationalFacilityId
    version
    updatedAt
    unit {
      id
      name
    }
    district {
      name
    }
    beds {
      ...BedCounts
    }
    totalBeds
    emrReadiness {
      adopted
      adoptedOn
      checklist {
        item
        status
      }
    }
    staff {
      id
      designation
      department
      professional {
        name
        kind
        verificationStatus
      }
    }
  }
`;

export const FACILITY = /* GraphQL */ `
  query Facility($id: ID!) {
    facility(id: $id) {
      ...FacilityFull
    }
  }
  ${FACILITY_FULL}
  ${BED_COUNTS}
`;

export const UPDATE_FACILITY = /* GraphQL */ `
  mutation UpdateFacility($input: UpdateFacilityInput!) {
    updateFacility(input: $input) {
      ...FacilityFull
    }
  }
  ${FACILITY_FULL}
  ${BED_COUNTS}
`;

export const UNIT_TREE = /* GraphQL */ `
  query UnitTree {
    adminUnitTree {
      id
      name
      kind
      lgdCode
      depth
      version
      parent {
        id
      }
    }
  }
`;

export const CREATE_UNIT = /* GraphQL */ `
  mutation CreateUnit($input: CreateAdminUnitInput!) {
    createAdminUnit(input: $input) {
      id
    }
  }
`;
