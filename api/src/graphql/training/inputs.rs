//! Training inputs, parsed at the edge into the domain's types.

use super::objects::{AttendanceMark, TrainingTopic};
use crate::app::professionals::today;
use crate::app::training::register::MarkInput;
use crate::app::training::NewSession;
use crate::error::{ApiError, ApiResult};
use crate::graphql::types::parse_id;
use arogya_domain::ids::FacilityId;
use arogya_domain::training::attendance::MAX_MARKS;
use arogya_domain::training::session::{NewTraining, TrainingTopic as DomainTopic};
use async_graphql::{InputObject, ID};
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

#[derive(InputObject)]
pub struct ScheduleTrainingInput {
    /// 3 to 200 characters.
    pub title: String,
    pub topic: TrainingTopic,
    /// Where it is held.
    pub facility_id: ID,
    /// From today (India) on; the last day at most 30 days after the first.
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// 1 to 500; null: no limit.
    pub capacity: Option<i32>,
    /// A professional of the registry; null: an outside trainer.
    pub trainer_id: Option<ID>,
}

impl ScheduleTrainingInput {
    pub fn parse(&self) -> ApiResult<NewSession> {
        let facility = parse_id("facilityId", &self.facility_id)?;
        let trainer = self
            .trainer_id
            .as_ref()
            .map(|t| parse_id("trainerId", t))
            .transpose()?;
        let training = NewTraining::parse(
            &self.title,
            DomainTopic::from(self.topic).as_str(),
            self.starts_on,
            self.ends_on,
            self.capacity,
            today(),
        )?;
        Ok(NewSession {
            training,
            facility: FacilityId(facility),
            trainer,
        })
    }
}

/// One nominee's mark, naming the cell's version the phone saw (0: unmarked).
#[derive(InputObject)]
pub struct AttendanceMarkInput {
    pub professional_id: ID,
    pub mark: AttendanceMark,
    pub based_on_version: i32,
}

#[derive(InputObject)]
pub struct MarkAttendanceInput {
    pub session_id: ID,
    pub day: NaiveDate,
    /// When the marks were made on the phone (a queued submission keeps it).
    pub marked_at: DateTime<Utc>,
    /// 1 to 500 marks, one per nominee.
    pub marks: Vec<AttendanceMarkInput>,
}

impl MarkAttendanceInput {
    pub fn parse(&self) -> ApiResult<(Uuid, Vec<MarkInput>)> {
        let session = parse_id("sessionId", &self.session_id)?;
        if self.marks.is_empty() || self.marks.len() > MAX_MARKS {
            return Err(ApiError::validation(
                "marks",
                format!("send 1 to {MAX_MARKS} marks at a time"),
            ));
        }
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::with_capacity(self.marks.len());
        for m in &self.marks {
            let p = parse_id("marks.professionalId", &m.professional_id)?;
            if !seen.insert(p) {
                return Err(ApiError::validation(
                    "marks",
                    "a nominee is marked once per submission",
                ));
            }
            if m.based_on_version < 0 {
                return Err(ApiError::validation(
                    "marks.basedOnVersion",
                    "a version is 0 or more",
                ));
            }
            out.push(MarkInput {
                professional: p,
                mark: m.mark.into(),
                based_on: m.based_on_version,
            });
        }
        Ok((session, out))
    }
}
