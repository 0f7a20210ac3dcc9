//! Changing trainings.

use super::inputs::{MarkAttendanceInput, ScheduleTrainingInput};
use super::objects::{TrainingRegister, TrainingSession, TrainingStatus};
use super::training;
use crate::error::{ApiError, ApiResult};
use crate::graphql::types::parse_id;
use arogya_domain::training::session::TrainingStatus as DomainStatus;
use async_graphql::{Context, Object, ID};

#[derive(Default)]
pub struct TrainingMutation;

#[Object]
impl TrainingMutation {
    /// Schedule a training at a facility: state administrators anywhere, district
    /// administrators in their district, facility administrators at their facility.
    async fn schedule_training(
        &self,
        ctx: &Context<'_>,
        input: ScheduleTrainingInput,
    ) -> ApiResult<TrainingSession> {
        let new = input.parse()?;
        Ok(TrainingSession(training(ctx)?.schedule(new).await?))
    }

    /// Nominate professionals of the registry; those already nominated stay as they are.
    async fn nominate_trainees(
        &self,
        ctx: &Context<'_>,
        session_id: ID,
        professional_ids: Vec<ID>,
    ) -> ApiResult<TrainingRegister> {
        let s = parse_id("sessionId", &session_id)?;
        let people = professional_ids
            .iter()
            .map(|p| parse_id("professionalIds", p))
            .collect::<ApiResult<Vec<_>>>()?;
        Ok(TrainingRegister(training(ctx)?.nominate(s, people).await?))
    }

    /// Mark a day of the register (the trainer or an administrator). Each mark names
    /// the cell's version it changes: a cell marked differently meanwhile is a
    /// `CONFLICT` and nothing of the submission is written. Marks the cell already
    /// has change nothing. Send it with an `Idempotency-Key`, as a queued phone does.
    async fn mark_training_attendance(
        &self,
        ctx: &Context<'_>,
        input: MarkAttendanceInput,
    ) -> ApiResult<TrainingRegister> {
        let (session, marks) = input.parse()?;
        Ok(TrainingRegister(
            training(ctx)?
                .mark(session, input.day, input.marked_at, marks)
                .await?,
        ))
    }

    /// Close the register (`CLOSED`: the trainer or an administrator, once the training
    /// has begun) or cancel the training (`CANCELLED`: an administrator, with the reason).
    async fn change_training_status(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        status: TrainingStatus,
        reason: Option<String>,
    ) -> ApiResult<TrainingRegister> {
        let id = parse_id("id", &id)?;
        let to: DomainStatus = status.into();
        if to == DomainStatus::Scheduled {
            return Err(ApiError::validation(
                "status",
                "a training is closed or cancelled; it is scheduled by scheduleTraining",
            ));
        }
        Ok(TrainingRegister(
            training(ctx)?
                .change_status(id, expected_version, to, reason)
                .await?,
        ))
    }
}
