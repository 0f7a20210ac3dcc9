// GraphQL documents of disease surveillance (typed by `npm run codegen`).

export const CONDITIONS = /* GraphQL */ `
  query NotifiableConditions {
    notifiableConditions {
      id
      code
      name
      syndromic
      active
    }
  }
`;

export const REPORT_CASE = /* GraphQL */ `
  mutation ReportFieldCase($input: FieldCaseInput!) {
    reportFieldCase(input: $input) {
      id
      condition
      epiWeek
      village
    }
  }
`;

export const WEEKLY_TABLE = /* GraphQL */ `
  query WeeklyCaseTable($unitId: ID, $from: String!, $to: String!) {
    weeklyCaseTable(unitId: $unitId, from: $from, to: $to) {
      unitId
      unitName
      condition
      alert
      cases {
        shown
        exact
      }
      confirmed {
        shown
      }
      deaths {
        shown
      }
      byWeek {
        week
        cases {
          shown
          exact
        }
      }
    }
  }
`;

export const ALERTS = /* GraphQL */ `
  query SurveillanceAlerts {
    surveillanceAlerts(openOnly: true) {
      id
      condition
      rule
      unitName
      village
      cases
      explanation
      raisedAt
      version
    }
  }
`;

export const VERIFY_ALERT = /* GraphQL */ `
  mutation VerifySurveillanceAlert($id: ID!, $version: Int!, $trueSignal: Boolean!, $note: String!) {
    verifySurveillanceAlert(id: $id, expectedVersion: $version, trueSignal: $trueSignal, note: $note) {
      id
      status
      investigationId
    }
  }
`;

export const DHIS2_MAPPINGS = /* GraphQL */ `
  query Dhis2Mappings {
    dhis2Mappings {
      id
      kind
      label
      unitId
      conditionId
      measure
      ageGroup
      sex
      dhis2Id
      version
    }
  }
`;

export const SET_DHIS2_MAPPING = /* GraphQL */ `
  mutation SetDhis2Mapping($input: Dhis2MappingInput!) {
    setDhis2Mapping(input: $input) {
      id
      dhis2Id
      version
    }
  }
`;

export const DHIS2_EXPORT = /* GraphQL */ `
  query Dhis2Export($week: String!) {
    dhis2Export(week: $week) {
      period
      payload
      valueCount
      skipped {
        reason
        label
        cases
      }
    }
  }
`;

const INVESTIGATION_FIELDS = /* GraphQL */ `
  fragment InvestigationFields on OutbreakInvestigation {
    id
    alertId
    condition
    unitName
    village
    status
    raisedAt
    verifiedAt
    respondedAt
    verificationClock {
      minutes
      targetMinutes
      running
      withinTarget
    }
    responseClock {
      minutes
      targetMinutes
      running
      withinTarget
    }
    team {
      name
      role
    }
    actions {
      on
      what
    }
    samples {
      id
      specimen
      lab
      sentOn
      result
      resultOn
      resultNote
    }
    cases {
      id
      name
      village
      onsetDate
      classification
    }
    log {
      kind
      on
      text
      detail
      recordedAt
    }
    finalReport
    closedAt
    version
  }
`;

export const INVESTIGATION = /* GraphQL */ `
  query OutbreakInvestigation($id: ID!) {
    outbreakInvestigation(id: $id) {
      ...InvestigationFields
    }
  }
  ${INVESTIGATION_FIELDS}
`;

export const INVESTIGATIONS = /* GraphQL */ `
  query OutbreakInvestigations {
    outbreakInvestigations(openOnly: true) {
      id
      condition
      unitName
      village
      status
      responseClock {
        minutes
        running
        withinTarget
      }
    }
  }
`;

export const RECORD_ENTRY = /* GraphQL */ `
  mutation RecordInvestigationEntry($id: ID!, $input: InvestigationEntryInput!) {
    recordInvestigationEntry(id: $id, input: $input) {
      ...InvestigationFields
    }
  }
  ${INVESTIGATION_FIELDS}
`;

export const CHANGE_STATUS = /* GraphQL */ `
  mutation ChangeInvestigationStatus($id: ID!, $version: Int!, $status: InvestigationStatus!, $note: String!, $finalReport: String) {
    changeInvestigationStatus(id: $id, expectedVersion: $version, status: $status, note: $note, finalReport: $finalReport) {
      ...InvestigationFields
    }
  }
  ${INVESTIGATION_FIELDS}
`;

export const SURVEILLANCE_CHANGED = /* GraphQL */ `
  subscription SurveillanceChanged {
    surveillanceChanged {
      kind
      id
      action
    }
  }
`;

export const CASES_OF = /* GraphQL */ `
  query CasesToLink($condition: String!, $from: String!, $to: String!) {
    caseLineList(condition: $condition, from: $from, to: $to) {
      id
      name
      village
      onsetDate
    }
  }
`;

export const MY_REPORTING = /* GraphQL */ `
  query MyReportingFacilities($week: String!) {
    myReportingFacilities(week: $week) {
      facilityId
      facilityName
      unitName
      sentAt
      onTime
      cases
    }
  }
`;

export const SEND_WEEK = /* GraphQL */ `
  mutation SendWeeklyReport($facilityId: ID!, $week: String!, $note: String) {
    sendWeeklyReport(facilityId: $facilityId, week: $week, note: $note) {
      facilityId
      week
      cases
      nilReport
      onTime
      version
    }
  }
`;

export const REPORTING = /* GraphQL */ `
  query SurveillanceReporting($unitId: ID, $from: String!, $to: String!) {
    surveillanceReporting(unitId: $unitId, from: $from, to: $to) {
      week
      deadline
      expected
      reported
      onTime
      completeness
      timeliness
      units {
        facilityId
        facilityName
        unitName
        sentAt
        onTime
      }
    }
  }
`;

export const ALERT_RULES = /* GraphQL */ `
  query AlertRules($conditionId: ID!) {
    alertRules(conditionId: $conditionId) {
      isDefault
      rules {
        key
        kind
        scope
        window
        amount
        years
        halfWidth
        days
        minCases
        quietDays
      }
    }
  }
`;

export const SET_ALERT_RULES = /* GraphQL */ `
  mutation SetAlertRules($conditionId: ID!, $rules: [AlertRuleInput!]!) {
    setAlertRules(conditionId: $conditionId, rules: $rules) {
      isDefault
      rules {
        key
      }
    }
  }
`;

export const POPULATIONS = /* GraphQL */ `
  query UnitPopulations($year: Int!) {
    unitPopulations(year: $year) {
      unitId
      unitName
      year
      population
      version
    }
  }
`;

export const SET_POPULATION = /* GraphQL */ `
  mutation SetUnitPopulation($unitId: ID!, $year: Int!, $population: Int!, $expectedVersion: Int) {
    setUnitPopulation(unitId: $unitId, year: $year, population: $population, expectedVersion: $expectedVersion) {
      unitId
      population
      version
    }
  }
`;
