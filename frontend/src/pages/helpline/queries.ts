// The helpline console's operations (types generated into src/gql/types.ts).

export const TICKET_ROW = /* GraphQL */ `
  fragment TicketRow on Ticket {
    id
    status
    tier
    priority
    category
    channel
    callerName
    callerPhone
    notes
    createdAt
    version
    assigneeUserId
  }
`;

export const QUEUE = /* GraphQL */ `
  query TicketQueue($tier: Int!) {
    ticketQueue(tier: $tier, limit: 100) {
      ...TicketRow
    }
  }
  ${TICKET_ROW}
`;

export const QUEUE_CHANGED = /* GraphQL */ `
  subscription QueueChanged($tier: Int!) {
    ticketQueueChanged(tier: $tier) {
      ticketId
      action
    }
  }
`;

export const TICKET = /* GraphQL */ `
  query TicketDetail($id: ID!) {
    ticket(id: $id) {
      ...TicketRow
      language
      patientId
      allowedActions
      sla {
        resolutionDue
        resolutionBreached
        firstResponseBreached
      }
      timeline {
        at
        action
        fromStatus
        toStatus
        tier
        note
      }
    }
  }
  ${TICKET_ROW}
`;

export const LOG_CALL = /* GraphQL */ `
  mutation LogCall($input: LogCallInput!) {
    logCall(input: $input) {
      ...TicketRow
    }
  }
  ${TICKET_ROW}
`;

export const TAKE = /* GraphQL */ `
  mutation TakeTicket($id: ID!, $v: Int!) {
    takeTicket(id: $id, expectedVersion: $v) {
      id
    }
  }
`;
export const ESCALATE = /* GraphQL */ `
  mutation EscalateTicket($id: ID!, $v: Int!, $note: String) {
    escalateTicket(id: $id, expectedVersion: $v, note: $note) {
      id
    }
  }
`;
export const RESOLVE = /* GraphQL */ `
  mutation ResolveTicket($id: ID!, $v: Int!, $note: String) {
    resolveTicket(id: $id, expectedVersion: $v, note: $note) {
      id
    }
  }
`;
export const CLOSE = /* GraphQL */ `
  mutation CloseTicket($id: ID!, $v: Int!) {
    closeTicket(id: $id, expectedVersion: $v) {
      id
    }
  }
`;
export const REOPEN = /* GraphQL */ `
  mutation ReopenTicket($id: ID!, $v: Int!, $note: String) {
    reopenTicket(id: $id, expectedVersion: $v, note: $note) {
      id
    }
  }
`;
export const NOTE = /* GraphQL */ `
  mutation AddTicketNote($id: ID!, $text: String!) {
    addTicketNote(id: $id, text: $text) {
      id
    }
  }
`;

const KB_FIELDS = /* GraphQL */ `
  fragment KbArticleFields on KbArticle {
    id
    title
    body
    language
    tags
    version
  }
`;

export const KB = /* GraphQL */ `
  query KbSearch($search: String!, $language: String) {
    kbArticles(search: $search, language: $language, limit: 10) {
      ...KbArticleFields
    }
  }
  ${KB_FIELDS}
`;

export const CREATE_KB = /* GraphQL */ `
  mutation CreateKbArticle($input: KbArticleInput!) {
    createKbArticle(input: $input) {
      ...KbArticleFields
    }
  }
  ${KB_FIELDS}
`;

export const UPDATE_KB = /* GraphQL */ `
  mutation UpdateKbArticle($id: ID!, $v: Int!, $input: KbArticleInput!) {
    updateKbArticle(id: $id, expectedVersion: $v, input: $input) {
      ...KbArticleFields
    }
  }
  ${KB_FIELDS}
`;
