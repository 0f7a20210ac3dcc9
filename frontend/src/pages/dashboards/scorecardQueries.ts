// Hospital scorecards, their rankings and award rounds.

const STANDING_FIELDS = /* GraphQL */ `
  fragment StandingFields on HospitalStanding {
    facilityId
    name
    volume
    rank
    score
    parts {
      indicator
      weight
      value
      points
    }
  }
`;

export const SCORECARDS = /* GraphQL */ `
  query Scorecards {
    scorecards {
      ...ScorecardFields
    }
    awardRounds {
      id
      title
      scorecardName
      from
      to
      decided
      frozenAt
      winners {
        facilityId
        name
        place
      }
    }
  }
  fragment ScorecardFields on Scorecard {
    id
    version
    name
    specialty
    minVolume
    facilityTypes
    from
    to
    items {
      indicator
      direction
      weight
    }
  }
`;

export const SCORECARD_RANKING = /* GraphQL */ `
  query ScorecardRanking($id: ID!) {
    scorecardRanking(scorecardId: $id) {
      from
      to
      until
      previousFrom
      previousTo
      hospitals {
        ...StandingFields
        district
        previousScore
        previousRank
      }
    }
  }
  ${STANDING_FIELDS}
`;

export const SAVE_SCORECARD = /* GraphQL */ `
  mutation SaveScorecard($input: SaveScorecardInput!) {
    saveScorecard(input: $input) {
      id
      version
    }
  }
`;

const ROUND_FIELDS = /* GraphQL */ `
  fragment AwardRoundFields on AwardRound {
    id
    version
    title
    scorecardName
    scorecardVersion
    specialty
    minVolume
    from
    to
    frozenAt
    frozenBy
    decided
    decidedAt
    decidedBy
    decisionNote
    items {
      indicator
      direction
      weight
    }
    result {
      ...StandingFields
    }
    winners {
      facilityId
      name
      place
      score
      rank
      certificateUrl
    }
  }
  ${STANDING_FIELDS}
`;

export const AWARD_ROUND = /* GraphQL */ `
  query AwardRound($id: ID!) {
    awardRound(id: $id) {
      ...AwardRoundFields
    }
  }
  ${ROUND_FIELDS}
`;

export const FREEZE_AWARD_ROUND = /* GraphQL */ `
  mutation FreezeAwardRound($input: FreezeAwardRoundInput!) {
    freezeAwardRound(input: $input) {
      id
    }
  }
`;

export const DECIDE_AWARD_ROUND = /* GraphQL */ `
  mutation DecideAwardRound($input: DecideAwardRoundInput!) {
    decideAwardRound(input: $input) {
      ...AwardRoundFields
    }
  }
  ${ROUND_FIELDS}
`;
