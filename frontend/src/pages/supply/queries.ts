// GraphQL documents of medicines and supplies (typed by `npm run codegen`).

export const STORES = /* GraphQL */ `
  query Stores {
    stores {
      id
      name
      level
      parentId
      worksHere
      supervisesHere
    }
  }
`;

export const STORE_STOCK = /* GraphQL */ `
  query StoreStock($storeId: ID!) {
    storeStock(storeId: $storeId) {
      store {
        id
        name
        level
        parentId
        worksHere
        settings {
          lookbackDays
          minMonths
          maxMonths
          expiryWarnDays
          expiryAlertDays
        }
      }
      items {
        item {
          id
          code
          name
          strength
          unitOfIssue
          essential
          schedule
        }
        onHand
        usable
        amc
        monthsOfStock
        daysOutOfStock
        status
        inTransit
        suggestedQuantity
        expiring
        wastedBeforeExpiry
        minMonths
        maxMonths
        batches {
          batchId
          batchNo
          expiresOn
          daysToExpiry
          expiry
          quantity
          blocked
        }
      }
    }
  }
`;

const INDENT_FIELDS = /* GraphQL */ `
  fragment IndentFields on Indent {
    id
    number
    fromStoreId
    toStoreId
    status
    note
    version
    createdAt
    decidedAt
    issuedAt
    receivedAt
    lines {
      itemId
      item {
        name
        strength
        unitOfIssue
      }
      requested
      stockOnHand
      amc
      wastedBeforeUse
      approved
      reason
    }
    voucher {
      itemId
      batchId
      batchNo
      expiresOn
      quantity
      received
      damaged
      short
    }
  }
`;

export const INDENTS = /* GraphQL */ `
  query StoreIndents($storeId: ID!) {
    indents(storeId: $storeId) {
      ...IndentFields
    }
  }
  ${INDENT_FIELDS}
`;

export const RAISE_INDENT = /* GraphQL */ `
  mutation RaiseIndent($input: RaiseIndentInput!) {
    raiseIndent(input: $input) {
      ...IndentFields
    }
  }
  ${INDENT_FIELDS}
`;

export const DECIDE_INDENT = /* GraphQL */ `
  mutation DecideIndent($input: DecideIndentInput!) {
    decideIndent(input: $input) {
      ...IndentFields
    }
  }
  ${INDENT_FIELDS}
`;

export const ISSUE_INDENT = /* GraphQL */ `
  mutation IssueIndent($indentId: ID!, $expectedVersion: Int!) {
    issueIndent(indentId: $indentId, expectedVersion: $expectedVersion) {
      ...IndentFields
    }
  }
  ${INDENT_FIELDS}
`;

export const RECEIVE_INDENT = /* GraphQL */ `
  mutation ReceiveIndent($input: ReceiveIndentInput!) {
    receiveIndent(input: $input) {
      ...IndentFields
    }
  }
  ${INDENT_FIELDS}
`;

export const TO_DISPENSE = /* GraphQL */ `
  query PrescriptionsToDispense($storeId: ID!, $healthId: String!) {
    prescriptionsToDispense(storeId: $storeId, healthId: $healthId) {
      patientId
      healthId
      name
      prescriptions {
        id
        occurredAt
        lines {
          line
          drugName
          strength
          dose
          frequency
          durationDays
          dispensedQuantity
          dispenses {
            outcome
            quantity
            reason
          }
          candidates {
            item {
              id
              code
              name
              strength
              unitOfIssue
              schedule
            }
            usable
          }
        }
      }
    }
  }
`;

export const DISPENSE = /* GraphQL */ `
  mutation DispensePrescription($input: DispenseInput!) {
    dispensePrescription(input: $input) {
      id
      line
      quantity
      outcome
    }
  }
`;
