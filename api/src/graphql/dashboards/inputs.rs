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
