// Training: sessions, nominations and the attendance register.

const SESSION_FIELDS = /* GraphQL */ `
  fragment TrainingSessionFields on TrainingSession {
    id
    title
    topic
    facilityId
    facilityName
    startsOn
    endsOn
    capacity
    trainerName
    status
    statusReason
    nominees
    present
    daysHeld
    attendanceRate
    canManage
    canKeepRegister
    version
  }
`;

const REGISTER_FIELDS = /* GraphQL */ `
  fragment TrainingRegisterFields on TrainingRegister {
    session {
      ...TrainingSessionFields
    }
    days
    lines {
      professionalId
      name
      kind
      posting
      daysPresent
      completed
      cells {
        day
        mark
        version
      }
    }
  }
  ${SESSION_FIELDS}
`;

export const SESSIONS = /* GraphQL */ `
  query TrainingSessions($from: NaiveDate!, $to: NaiveDate!) {
    trainingSessions(from: $from, to: $to) {
      ...TrainingSessionFields
    }
  }
  ${SESSION_FIELDS}
`;

export const REGISTER = /* GraphQL */ `
  query TrainingRegister($id: ID!) {
    trainingRegister(id: $id) {
      ...TrainingRegisterFields
    }
  }
  ${REGISTER_FIELDS}
`;

export const SCHEDULE = /* GraphQL */ `
  mutation ScheduleTraining($input: ScheduleTrainingInput!) {
    scheduleTraining(input: $input) {
      ...TrainingSessionFields
    }
  }
  ${SESSION_FIELDS}
`;

export const NOMINATE = /* GraphQL */ `
  mutation NominateTrainees($sessionId: ID!, $professionalIds: [ID!]!) {
    nominateTrainees(sessionId: $sessionId, professionalIds: $professionalIds) {
      ...TrainingRegisterFields
    }
  }
  ${REGISTER_FIELDS}
`;

export const MARK = /* GraphQL */ `
  mutation MarkTrainingAttendance($input: MarkAttendanceInput!) {
    markTrainingAttendance(input: $input) {
      ...TrainingRegisterFields
    }
  }
  ${REGISTER_FIELDS}
`;

export const CHANGE_STATUS = /* GraphQL */ `
  mutation ChangeTrainingStatus($id: ID!, $expectedVersion: Int!, $status: TrainingStatus!, $reason: String) {
    changeTrainingStatus(id: $id, expectedVersion: $expectedVersion, status: $status, reason: $reason) {
      ...TrainingRegisterFields
    }
  }
  ${REGISTER_FIELDS}
`;

export const VENUES = /* GraphQL */ `
  query TrainingVenues($search: String) {
    facilities(filter: { search: $search }, first: 10) {
      nodes {
        id
        name
        unit {
          name
        }
      }
    }
  }
`;

export const PEOPLE = /* GraphQL */ `
  query TrainingPeople($search: String) {
    professionals(filter: { search: $search }, first: 10) {
      nodes {
        id
        name
        kind
        verificationStatus
        postings {
          designation
          facility {
            name
          }
        }
      }
    }
  }
`;
