// Indicators of a place over months: totals, months, parts, departments, age and sex.

const FIGURE_FIELDS = /* GraphQL */ `
  fragment IndicatorFigureFields on IndicatorFigures {
    opdVisits
    admissions
    discharges
    deaths
    inpatientDays
    referralsOut
    labTests
    labTurnaroundHours
    prescriptions
    prescriptionsPerVisit
    beds
    days
    mortalityRate
    averageLengthOfStay
    bedOccupancyRate
    bedTurnover
    registrations
    cardsIssued
    householdsSurveyed
    peopleSurveyed
    population
    surveyCoverage
    helplineCalls
    helplineDue
    helplineInTarget
    helplineInTargetRate
    professionalsVerified
    notifiableCases
    stockOuts
    oxygenDaysOfCover
  }
`;

export const INDICATORS = /* GraphQL */ `
  query Indicators($unitId: ID, $facilityId: ID, $from: String!, $to: String!, $department: String) {
    indicators(unitId: $unitId, facilityId: $facilityId, from: $from, to: $to, department: $department) {
      placeName
      from
      to
      department
      asOf
      recountedAt
      totals {
        ...IndicatorFigureFields
      }
      months {
        month
        figures {
          ...IndicatorFigureFields
        }
      }
      parts {
        id
        name
        kind
        figures {
          ...IndicatorFigureFields
        }
        months {
          month
          figures {
            opdVisits
          }
        }
      }
      departments {
        department
        figures {
          ...IndicatorFigureFields
        }
      }
      groups {
        ageGroup
        sex
        figures {
          ...IndicatorFigureFields
        }
      }
    }
  }
  ${FIGURE_FIELDS}
`;

export const REPORT_RECIPIENTS = /* GraphQL */ `
  query ReportRecipients {
    reportRecipients {
      id
      email
      place
    }
  }
`;

export const ADD_REPORT_RECIPIENT = /* GraphQL */ `
  mutation AddReportRecipient($input: AddReportRecipientInput!) {
    addReportRecipient(input: $input) {
      id
    }
  }
`;

export const REMOVE_REPORT_RECIPIENT = /* GraphQL */ `
  mutation RemoveReportRecipient($id: ID!) {
    removeReportRecipient(id: $id)
  }
`;

export const INDICATOR_ROWS = /* GraphQL */ `
  query IndicatorRows($facilityId: ID, $unitId: ID, $from: String!, $to: String!, $measure: IndicatorMeasure!, $department: String) {
    indicatorRows(facilityId: $facilityId, unitId: $unitId, from: $from, to: $to, measure: $measure, department: $department) {
      placeName
      total
      sum
      rows {
        kind
        recordId
        facilityName
        healthId
        patientName
        unidentified
        label
        day
        department
        value
      }
    }
  }
`;

export const INDICATOR_DAYS = /* GraphQL */ `
  query IndicatorDays($unitId: ID, $facilityId: ID, $from: NaiveDate!, $to: NaiveDate!, $department: String, $weekly: Boolean) {
    indicatorDays(unitId: $unitId, facilityId: $facilityId, from: $from, to: $to, department: $department, weekly: $weekly) {
      from
      to
      points {
        day
        figures {
          ...IndicatorFigureFields
        }
      }
    }
  }
  ${FIGURE_FIELDS}
`;
