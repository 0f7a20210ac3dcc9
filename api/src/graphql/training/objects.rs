//! What trainings look like over GraphQL.

use crate::app::training::{Cell, Register, RegisterRow, SessionSummary};
use crate::error::ApiResult;
use arogya_domain::training::attendance::AttendanceMark as DomainMark;
use arogya_domain::training::session::{
    TrainingStatus as DomainStatus, TrainingTopic as DomainTopic,
};
use async_graphql::{Enum, Object, ID};
use chrono::{DateTime, NaiveDate, Utc};

fn id(u: uuid::Uuid) -> ID {
    ID(u.to_string())
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "DomainTopic")]
pub enum TrainingTopic {
    ClinicalCare,
    MaternalChildHealth,
    Immunisation,
    DiseaseSurveillance,
    OxygenCriticalCare,
    InfectionPrevention,
    DigitalHealth,
    SupplyChain,
    Other,
}

/// `SCHEDULED`: attendance is marked. `CLOSED`: signed off. `CANCELLED`: not held.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "DomainStatus")]
pub enum TrainingStatus {
    Scheduled,
    Closed,
    Cancelled,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "DomainMark")]
pub enum AttendanceMark {
    Present,
    Absent,
}

/// A training session, with its counts so far.
pub struct TrainingSession(pub SessionSummary);

#[Object]
impl TrainingSession {
    async fn id(&self) -> ID {
        id(self.0.session.id)
    }
    async fn title(&self) -> &str {
        &self.0.session.title
    }
    async fn topic(&self) -> ApiResult<TrainingTopic> {
        Ok(DomainTopic::parse(&self.0.session.topic)?.into())
    }
    /// The venue.
    async fn facility_id(&self) -> ID {
        id(self.0.session.facility_id)
    }
    async fn facility_name(&self) -> &str {
        &self.0.facility_name
    }
    async fn starts_on(&self) -> NaiveDate {
        self.0.session.starts_on
    }
    async fn ends_on(&self) -> NaiveDate {
        self.0.session.ends_on
    }
    /// The most trainees it takes; null: no limit set.
    async fn capacity(&self) -> Option<i32> {
        self.0.session.capacity
    }
    async fn trainer_id(&self) -> Option<ID> {
        self.0.session.trainer_id.map(id)
    }
    /// The trainer's name; null: an outside trainer, or none named.
    async fn trainer_name(&self) -> Option<&str> {
        self.0.trainer_name.as_deref()
    }
    async fn status(&self) -> ApiResult<TrainingStatus> {
        Ok(DomainStatus::parse(&self.0.session.status)?.into())
    }
    /// Why it was cancelled (or a note at closing).
    async fn status_reason(&self) -> Option<&str> {
        self.0.session.status_reason.as_deref()
    }
    async fn nominees(&self) -> i64 {
        self.0.nominees
    }
    /// Nominee-days marked present.
    async fn present(&self) -> i64 {
        self.0.present
    }
    /// Days held by today (India).
    async fn days_held(&self) -> i64 {
        self.0.days_held
    }
    /// Per cent of the nominee-days held so far marked present; null before the first day.
    async fn attendance_rate(&self) -> Option<i64> {
        self.0.attendance_rate()
    }
    /// The caller administers it: nominates, cancels.
    async fn can_manage(&self) -> bool {
        self.0.rights.manages
    }
    /// The caller keeps its register (its trainer, or an administrator).
    async fn can_keep_register(&self) -> bool {
        self.0.rights.keeps_register()
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.session.updated_at
    }
    async fn version(&self) -> i32 {
        self.0.session.version
    }
}

/// One cell: a nominee's mark on a day (null: not marked) and the cell's version, which
/// a mark sent back names as `basedOnVersion`.
pub struct RegisterCell(pub Cell);

#[Object]
impl RegisterCell {
    async fn day(&self) -> NaiveDate {
        self.0.day
    }
    async fn mark(&self) -> Option<AttendanceMark> {
        self.0.mark.map(Into::into)
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
}

/// A nominee's line.
pub struct RegisterLine(pub RegisterRow);

#[Object]
impl RegisterLine {
    async fn professional_id(&self) -> ID {
        id(self.0.professional_id)
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// doctor, nurse, asha_chw… as the registry keeps it.
    async fn kind(&self) -> &str {
        &self.0.kind
    }
    /// Designation and facility of their current posting.
    async fn posting(&self) -> Option<&str> {
        self.0.posting.as_deref()
    }
    async fn cells(&self) -> Vec<RegisterCell> {
        self.0.cells.iter().copied().map(RegisterCell).collect()
    }
    async fn days_present(&self) -> i64 {
        self.0.completion.days_present
    }
    /// Present every day of the training.
    async fn completed(&self) -> bool {
        self.0.completion.completed
    }
}

/// A session's attendance register.
pub struct TrainingRegister(pub Register);

#[Object]
impl TrainingRegister {
    async fn session(&self) -> TrainingSession {
        TrainingSession(self.0.summary.clone())
    }
    async fn days(&self) -> &[NaiveDate] {
        &self.0.days
    }
    /// Every nominee, by name.
    async fn lines(&self) -> Vec<RegisterLine> {
        self.0
            .rows
            .iter()
            .map(|r| RegisterLine(r.clone()))
            .collect()
    }
}
