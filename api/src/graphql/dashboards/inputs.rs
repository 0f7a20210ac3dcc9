//! What the dashboards' mutations take.

use async_graphql::InputObject;
use chrono::NaiveDate;

#[derive(InputObject)]
pub struct SetEmrDeadlineInput {
    pub deadline: NaiveDate,
    /// The deadline's version the caller saw: 0 when none was set.
    pub expected_version: i32,
}

#[derive(InputObject)]
pub struct ImportEmrReadinessInput {
    /// The CSV text (columns in `docs/samples/emr-readiness.csv`).
    pub csv: String,
    /// Go on with the valid rows when some are invalid (otherwise nothing changes).
    #[graphql(default)]
    pub skip_invalid: bool,
}

#[derive(InputObject)]
pub struct ScoreItemInput {
    pub indicator: super::scorecard_objects::ScoreIndicator,
    /// Defaults to the indicator's usual direction (volumes higher, rates lower).
    pub direction: Option<super::scorecard_objects::ScoreDirection>,
    /// 1 to 100.
    pub weight: u32,
}

#[derive(InputObject)]
pub struct SaveScorecardInput {
    /// None for a new scorecard.
    pub id: Option<async_graphql::ID>,
    /// The version the caller saw (with `id`).
    pub expected_version: Option<i32>,
    pub name: String,
    /// A ward department: medicine, paediatrics, orthopaedics, …
    pub specialty: String,
    pub items: Vec<ScoreItemInput>,
    #[graphql(default)]
    pub min_volume: i64,
    pub facility_types: Vec<crate::graphql::facilities::FacilityType>,
    /// First and last month, "YYYY-MM" (a financial year: April to March).
    pub from: String,
    pub to: String,
}

#[derive(InputObject)]
pub struct FreezeAwardRoundInput {
    pub scorecard_id: async_graphql::ID,
    /// The scorecard's version whose ranking the caller looked at.
    pub expected_version: i32,
    /// "Best district hospital in paediatrics, 2026–27".
    pub title: String,
}

#[derive(InputObject)]
pub struct AwardWinnerInput {
    pub facility_id: async_graphql::ID,
    /// 1 for first place.
    pub place: u32,
}

#[derive(InputObject)]
pub struct DecideAwardRoundInput {
    pub round_id: async_graphql::ID,
    pub expected_version: i32,
    /// The decision as minuted.
    pub note: String,
    pub winners: Vec<AwardWinnerInput>,
}

#[derive(InputObject)]
pub struct AddReportRecipientInput {
    pub email: String,
    /// The place: a unit, a facility, or neither for the whole tenant.
    pub unit_id: Option<async_graphql::ID>,
    pub facility_id: Option<async_graphql::ID>,
}
