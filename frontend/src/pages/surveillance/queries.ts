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
