// GraphQL documents of stock counts, alerts, budgets and returns (typed by `npm run codegen`).

const COUNT_FIELDS = /* GraphQL */ `
  fragment CountFields on StockCount {
    id
    storeId
    status
    note
    decisionNote
    version
    createdAt
    submittedAt
    decidedAt
    lines {
      batchId
      batchNo
      expiresOn
      itemId
      itemName
      unitOfIssue
      expected
      counted
      variance
      reason
    }
  }
`;

export const STOCK_COUNTS = /* GraphQL */ `
  query StockCounts($storeId: ID!) {
    stockCounts(storeId: $storeId) {
      ...CountFields
    }
  }
  ${COUNT_FIELDS}
`;

export const START_COUNT = /* GraphQL */ `
  mutation StartStockCount($storeId: ID!, $note: String) {
    startStockCount(storeId: $storeId, note: $note) {
      ...CountFields
    }
  }
  ${COUNT_FIELDS}
`;

export const RECORD_COUNTS = /* GraphQL */ `
  mutation RecordStockCounts($countId: ID!, $expectedVersion: Int!, $lines: [CountedInput!]!) {
    recordStockCounts(countId: $countId, expectedVersion: $expectedVersion, lines: $lines) {
      ...CountFields
    }
  }
  ${COUNT_FIELDS}
`;

export const SUBMIT_COUNT = /* GraphQL */ `
  mutation SubmitStockCount($countId: ID!, $expectedVersion: Int!) {
    submitStockCount(countId: $countId, expectedVersion: $expectedVersion) {
      ...CountFields
    }
  }
  ${COUNT_FIELDS}
`;

export const DECIDE_COUNT = /* GraphQL */ `
  mutation DecideStockCount($countId: ID!, $expectedVersion: Int!, $approve: Boolean!, $note: String) {
    decideStockCount(countId: $countId, expectedVersion: $expectedVersion, approve: $approve, note: $note) {
      ...CountFields
    }
  }
  ${COUNT_FIELDS}
`;

export const SUPPLY_ALERTS = /* GraphQL */ `
  query SupplyAlerts {
    supplyAlerts {
      id
      storeId
      storeName
      itemId
      batchId
      kind
      message
      raisedAt
    }
  }
`;

export const BUDGET = /* GraphQL */ `
  query Budget($financialYear: String) {
    budgetHeads(financialYear: $financialYear) {
      id
      code
      name
      financialYear
      allocationPaise
      committedPaise
      spentPaise
      balancePaise
      utilisationPercent
    }
    purchaseOrders {
      id
      number
      storeId
      budgetHeadId
      supplier
      status
      orderedOn
      expectedOn
      totalPaise
      overrideReason
      leadTimeDays
    }
  }
`;

export const RETURN_STOCK = /* GraphQL */ `
  mutation ReturnStock($input: ReturnStockInput!) {
    returnStock(input: $input) {
      toStoreId
      out {
        batchBalance
      }
    }
  }
`;
