// Dashboards: the EMR roll-out, its deadline, readiness sheets and each facility's history.

export const EMR_ROLLOUT = /* GraphQL */ `
  query EmrRollout($unitId: ID, $facilityType: FacilityType) {
    emrRollout(unitId: $unitId, facilityType: $facilityType) {
      today
      deadline {
        deadline
        version
      }
      all {
        ...RolloutTallyFields
      }
      byDistrict {
        key
        label
        tally {
          ...RolloutTallyFields
        }
      }
      byType {
        key
        tally {
          ...RolloutTallyFields
        }
      }
      monthly {
        month
        facilities
        adopted
      }
      facilities {
        id
        name
        facilityType
        district
        standing
        checklist {
          item
          status
        }
      }
      notAdopted
    }
  }
  fragment RolloutTallyFields on RolloutTally {
    total
    adopted
    adoptedPercent
    atRisk
    overdue
    lacking {
      item
      facilities
    }
  }
`;

export const EMR_HISTORY = /* GraphQL */ `
  query EmrReadinessHistory($facilityId: ID!) {
    emrReadinessHistory(facilityId: $facilityId) {
      seq
      adopted
      adoptedOn
      checklist {
        item
        status
      }
      source
      changedBy
      changedAt
    }
  }
`;

export const SET_EMR_DEADLINE = /* GraphQL */ `
  mutation SetEmrDeadline($input: SetEmrDeadlineInput!) {
    setEmrDeadline(input: $input) {
      deadline
      version
    }
  }
`;

export const IMPORT_EMR_READINESS = /* GraphQL */ `
  mutation ImportEmrReadiness($input: ImportEmrReadinessInput!) {
    importEmrReadiness(input: $input) {
      changed
      unchanged
      skipped
      errors {
        row
        column
        message
      }
    }
  }
`;
