// GraphQL documents of inpatient care (typed by `npm run codegen`).

export const ADMISSION_FIELDS = /* GraphQL */ `
  fragment AdmissionRow on Admission {
    id
    name
    healthId
    unidentified
    facilityName
    wardId
    wardName
    bedId
    bedLabel
    department
    reason
    admittedAt
    status
    outcome
    category
    lifeSupport
    conditionAt
    news2
    lengthOfStayDays
    dueAt
    overdue
    version
  }
`;

export const WARDS_IN_SIGHT = /* GraphQL */ `
  query WardsInSight {
    wardsInSight {
      facilityName
      ward {
        id
        facilityId
        name
        department
      }
    }
  }
`;

export const ADMITTED = /* GraphQL */ `
  query Admitted($filter: AdmittedFilter) {
    admittedPatients(filter: $filter) {
      total
      byCategory {
        category
        patients
      }
      byLifeSupport {
        lifeSupport
        patients
      }
      patients {
        ...AdmissionRow
      }
    }
  }
  ${ADMISSION_FIELDS}
`;

export const BOARD = /* GraphQL */ `
  query WardBoard($wardId: ID!) {
    wardBoard(wardId: $wardId) {
      ward {
        id
        facilityId
        name
        department
        phone
      }
      counts {
        total
        occupied
        free
        outOfService
        occupancyRate
      }
      beds {
        state
        bed {
          id
          label
          bedType
          housekeeping
          reason
          version
        }
        admission {
          ...AdmissionRow
        }
      }
    }
  }
  ${ADMISSION_FIELDS}
`;

export const DOCTORS = /* GraphQL */ `
  query AdmittingDoctors($facilityId: ID!) {
    admittingDoctors(facilityId: $facilityId) {
      id
      name
    }
  }
`;

export const ADMIT = /* GraphQL */ `
  mutation AdmitPatient($input: AdmitInput!) {
    admitPatient(input: $input) {
      ...AdmissionRow
    }
  }
  ${ADMISSION_FIELDS}
`;

export const RECORD_CONDITION = /* GraphQL */ `
  mutation RecordCondition($input: ConditionInput!) {
    recordCondition(input: $input) {
      id
      category
      news2
      news2Risk
      recordedAt
    }
  }
`;

export const TRANSFER = /* GraphQL */ `
  mutation TransferPatient($admissionId: ID!, $expectedVersion: Int!, $bedId: ID!) {
    transferPatient(admissionId: $admissionId, expectedVersion: $expectedVersion, bedId: $bedId) {
      ...AdmissionRow
    }
  }
  ${ADMISSION_FIELDS}
`;

export const DISCHARGE = /* GraphQL */ `
  mutation DischargePatient($input: DischargeInput!) {
    dischargePatient(input: $input) {
      ...AdmissionRow
    }
  }
  ${ADMISSION_FIELDS}
`;

export const HOUSEKEEPING = /* GraphQL */ `
  mutation SetBedHousekeeping($bedId: ID!, $expectedVersion: Int!, $housekeeping: BedHousekeeping!, $reason: String) {
    setBedHousekeeping(bedId: $bedId, expectedVersion: $expectedVersion, housekeeping: $housekeeping, reason: $reason) {
      id
      housekeeping
      version
    }
  }
`;

export const HISTORY = /* GraphQL */ `
  query AdmissionView($id: ID!) {
    admission(id: $id) {
      attendants {
        id
        name
        relationship
        phone
        verified
        removed
      }
      conditionHistory {
        id
        category
        lifeSupport
        consciousness
        remark
        news2
        news2Risk
        recordedAt
      }
    }
  }
`;

export const FACILITY_WARDS = /* GraphQL */ `
  query FacilityWards($facilityId: ID!) {
    wards(facilityId: $facilityId) {
      id
      name
      department
      floor
    }
    bedCapacityCheck(facilityId: $facilityId) {
      bedType
      declared
      setUp
      difference
    }
  }
`;

export const CREATE_WARD = /* GraphQL */ `
  mutation CreateWard($input: WardInput!) {
    createWard(input: $input) {
      id
    }
  }
`;

export const ADD_BEDS = /* GraphQL */ `
  mutation AddBeds($wardId: ID!, $bedType: BedType!, $labels: [String!]!) {
    addBeds(wardId: $wardId, bedType: $bedType, labels: $labels) {
      id
    }
  }
`;

export const ROUND = /* GraphQL */ `
  query MedicationRound($wardId: ID!, $day: NaiveDate!) {
    medicationRound(wardId: $wardId, day: $day) {
      admission {
        id
        name
        bedLabel
      }
      drugs {
        prescriptionId
        itemIndex
        drug
        frequency
        due {
          dueAt
          mark {
            status
            note
          }
        }
        asNeeded {
          status
          recordedAt
        }
      }
    }
  }
`;

export const MARK_DOSE = /* GraphQL */ `
  mutation MarkDose($input: DoseMarkInput!) {
    markDose(input: $input) {
      id
      status
    }
  }
`;

export const IO_CHART = /* GraphQL */ `
  query IntakeOutput($admissionId: ID!, $day: NaiveDate!) {
    intakeOutputChart(admissionId: $admissionId, day: $day) {
      intakeMl
      outputMl
      balanceMl
    }
  }
`;

export const ADD_IO = /* GraphQL */ `
  mutation AddIntakeOutput($admissionId: ID!, $kind: FluidKind!, $volumeMl: Int!) {
    addIntakeOutput(admissionId: $admissionId, kind: $kind, volumeMl: $volumeMl) {
      id
    }
  }
`;

export const HANDOVERS = /* GraphQL */ `
  query Handovers($wardId: ID!, $from: NaiveDate!, $to: NaiveDate!) {
    handovers(wardId: $wardId, from: $from, to: $to) {
      id
      shift
      summary
      pendingTasks
      outgoingAt
      incomingAt
    }
  }
`;

export const WRITE_HANDOVER = /* GraphQL */ `
  mutation WriteHandover($wardId: ID!, $day: NaiveDate!, $shift: NursingShift!, $summary: String!, $pendingTasks: String) {
    writeHandover(wardId: $wardId, day: $day, shift: $shift, summary: $summary, pendingTasks: $pendingTasks) {
      id
    }
  }
`;

export const RECEIVE_HANDOVER = /* GraphQL */ `
  mutation ReceiveHandover($id: ID!) {
    receiveHandover(id: $id) {
      id
    }
  }
`;

export const ADMISSIONS_CHANGED = /* GraphQL */ `
  subscription AdmissionsChanged {
    admissionsChanged {
      admissionId
      action
    }
  }
`;

export const OCCUPANCY_HISTORY = /* GraphQL */ `
  query OccupancyHistory($from: NaiveDate!, $to: NaiveDate!) {
    occupancyHistory(from: $from, to: $to) {
      discharges
      averageLengthOfStayDays
      bedTurnover
      days {
        day
        bedType
        total
        occupied
      }
    }
  }
`;

export const DUTY = /* GraphQL */ `
  query DutyList($wardId: ID!) {
    dutyList(wardId: $wardId) {
      overdueObservations {
        id
        name
        bedLabel
        dueAt
      }
      lateDeathEntries {
        id
        name
        bedLabel
      }
      dischargeSummariesPending {
        id
        name
        bedLabel
        healthId
      }
    }
  }
`;

export const RESERVE_BED = /* GraphQL */ `
  mutation ReserveBed($admissionId: ID!, $bedId: ID!) {
    reserveBed(admissionId: $admissionId, bedId: $bedId) {
      bedId
      reservedAt
    }
  }
`;

export const CANCEL_RESERVATION = /* GraphQL */ `
  mutation CancelBedReservation($admissionId: ID!) {
    cancelBedReservation(admissionId: $admissionId)
  }
`;

export const BEDS_NOW = /* GraphQL */ `
  query BedsNow {
    bedOccupancy(groupBy: DISTRICT) {
      rows {
        bedType
        counts {
          total
          occupied
          reserved
          free
          outOfService
        }
      }
    }
  }
`;

export const INPATIENT_SETTINGS = /* GraphQL */ `
  query InpatientSettings {
    inpatientSettings {
      criticalCarePerDay
      criticalPerDay
      othersPerDay
      deathEntryHours
      version
    }
  }
`;

export const SET_INPATIENT_SETTINGS = /* GraphQL */ `
  mutation SetInpatientSettings($criticalCarePerDay: Int!, $criticalPerDay: Int!, $othersPerDay: Int!, $deathEntryHours: Int!) {
    setInpatientSettings(criticalCarePerDay: $criticalCarePerDay, criticalPerDay: $criticalPerDay, othersPerDay: $othersPerDay, deathEntryHours: $deathEntryHours) {
      criticalCarePerDay
      criticalPerDay
      othersPerDay
      deathEntryHours
      version
    }
  }
`;
