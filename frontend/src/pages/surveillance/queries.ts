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
