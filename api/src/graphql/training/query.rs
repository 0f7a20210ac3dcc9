//! Reading trainings.

use super::objects::{TrainingRegister, TrainingSession};
use super::training;
use crate::error::ApiResult;
use crate::graphql::types::parse_id;
use async_graphql::{Context, Object, ID};
use chrono::NaiveDate;

#[derive(Default)]
pub struct TrainingQuery;

#[Object]
impl TrainingQuery {
    /// Sessions held between `from` and `to` (both included) that the caller runs (an
    /// administrator in their reach) or trains, soonest first, at most 500.
    async fn training_sessions(
        &self,
        ctx: &Context<'_>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> ApiResult<Vec<TrainingSession>> {
        Ok(training(ctx)?
            .sessions(from, to)
            .await?
            .into_iter()
            .map(TrainingSession)
            .collect())
    }

    /// A session's attendance register: every nominee, every day.
    async fn training_register(&self, ctx: &Context<'_>, id: ID) -> ApiResult<TrainingRegister> {
        let id = parse_id("id", &id)?;
        Ok(TrainingRegister(training(ctx)?.register(id).await?))
    }
}
