//! Outbreak investigations over GraphQL: the page's object, its entry input, and the
//! live feed of alerts and investigations.

use super::id;
use super::objects::SurveillanceCase;
use crate::app::surveillance::investigations::{InvestigationView, NewEntry};
use crate::error::{ApiError, ApiResult};
use crate::graphql::types::parse_id;
use arogya_domain::surveillance::investigation::{
    read_clock, EntryKind, InvestigationStatus as Status, SampleResult as Result_, CLOCK_TARGET,
};
use arogya_infra::repos::surveillance::investigations::EntryRecord;
use async_graphql::{Enum, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Enum, Clone, Copy, PartialEq, Eq)]
pub enum InvestigationStatus {
    Open,
    Investigating,
    Contained,
    Closed,
}

impl From<InvestigationStatus> for Status {
    fn from(s: InvestigationStatus) -> Self {
        match s {
            InvestigationStatus::Open => Status::Open,
            InvestigationStatus::Investigating => Status::Investigating,
            InvestigationStatus::Contained => Status::Contained,
            InvestigationStatus::Closed => Status::Closed,
        }
    }
}

impl From<Status> for InvestigationStatus {
    fn from(s: Status) -> Self {
        match s {
            Status::Open => InvestigationStatus::Open,
            Status::Investigating => InvestigationStatus::Investigating,
            Status::Contained => InvestigationStatus::Contained,
            Status::Closed => InvestigationStatus::Closed,
        }
    }
}

#[derive(Enum, Clone, Copy, PartialEq, Eq)]
pub enum SampleResult {
    Positive,
    Negative,
    Inconclusive,
}

impl From<SampleResult> for Result_ {
    fn from(r: SampleResult) -> Self {
        match r {
            SampleResult::Positive => Result_::Positive,
            SampleResult::Negative => Result_::Negative,
            SampleResult::Inconclusive => Result_::Inconclusive,
        }
    }
}

/// A clock against its 24-hour target.
#[derive(SimpleObject)]
pub struct ResponseClock {
    /// Minutes from its start to its stop, or to now while it runs.
    pub minutes: i64,
    pub target_minutes: i64,
    pub running: bool,
    /// Stopped within the target, or running and not yet past it.
    pub within_target: bool,
}

fn clock(start: DateTime<Utc>, stop: Option<DateTime<Utc>>) -> ResponseClock {
    let r = read_clock(start, stop, Utc::now());
    ResponseClock {
        minutes: r.minutes,
        target_minutes: CLOCK_TARGET.num_minutes(),
        running: r.running,
        within_target: r.within_target,
    }
}

#[derive(SimpleObject)]
pub struct TeamMember {
    pub name: String,
    pub role: String,
}

#[derive(SimpleObject)]
pub struct InvestigationAction {
    pub on: NaiveDate,
    pub what: String,
    pub recorded_at: DateTime<Utc>,
}

/// A specimen sent, with its latest result (a later result supersedes an earlier one;
/// both stay in the log).
#[derive(SimpleObject)]
pub struct InvestigationSample {
    pub id: ID,
    pub specimen: String,
    pub lab: String,
    pub sent_on: NaiveDate,
    /// positive, negative or inconclusive; none while awaited.
    pub result: Option<String>,
    pub result_on: Option<NaiveDate>,
    pub result_note: Option<String>,
}

/// One entry of the log, as recorded.
#[derive(SimpleObject)]
pub struct InvestigationLogEntry {
    /// action, team_member, sample, sample_result, case_link or status.
    pub kind: String,
    pub on: NaiveDate,
    pub text: String,
    pub detail: Option<String>,
    pub recorded_at: DateTime<Utc>,
}

/// An outbreak investigation: the verified alert, its clocks, team, actions, samples,
/// cases, status and final report.
pub struct OutbreakInvestigation(pub InvestigationView);

impl OutbreakInvestigation {
    fn of_kind(&self, k: EntryKind) -> impl Iterator<Item = &EntryRecord> {
        self.0.entries.iter().filter(move |e| e.kind == k.as_str())
    }
}

#[Object]
impl OutbreakInvestigation {
    async fn id(&self) -> ID {
        id(self.0.investigation.id)
    }
    async fn alert_id(&self) -> ID {
        id(self.0.investigation.alert_id)
    }
    async fn condition(&self) -> &str {
        &self.0.condition_code
    }
    async fn unit_name(&self) -> &str {
        &self.0.unit_name
    }
    async fn village(&self) -> Option<&str> {
        self.0.investigation.village.as_deref()
    }
    async fn status(&self) -> ApiResult<InvestigationStatus> {
        Ok(Status::parse(&self.0.investigation.status)?.into())
    }
    async fn raised_at(&self) -> DateTime<Utc> {
        self.0.investigation.raised_at
    }
    async fn verified_at(&self) -> DateTime<Utc> {
        self.0.investigation.verified_at
    }
    /// When the first action was recorded.
    async fn responded_at(&self) -> Option<DateTime<Utc>> {
        self.0.investigation.responded_at
    }
    /// From the alert being raised to its verification (target 24 hours).
    async fn verification_clock(&self) -> ResponseClock {
        let i = &self.0.investigation;
        clock(i.raised_at, Some(i.verified_at))
    }
    /// From verification to the first action in the field (target 24 hours).
    async fn response_clock(&self) -> ResponseClock {
        let i = &self.0.investigation;
        clock(i.verified_at, i.responded_at)
    }
    async fn team(&self) -> Vec<TeamMember> {
        self.of_kind(EntryKind::TeamMember)
            .map(|e| TeamMember {
                name: e.text.clone(),
                role: e.detail.clone().unwrap_or_default(),
            })
            .collect()
    }
    async fn actions(&self) -> Vec<InvestigationAction> {
        self.of_kind(EntryKind::Action)
            .map(|e| InvestigationAction {
                on: e.happened_on,
                what: e.text.clone(),
                recorded_at: e.recorded_at,
            })
            .collect()
    }
    async fn samples(&self) -> Vec<InvestigationSample> {
        self.of_kind(EntryKind::Sample)
            .map(|s| {
                let latest = self
                    .of_kind(EntryKind::SampleResult)
                    .filter(|r| r.sample_id == Some(s.id))
                    .last();
                InvestigationSample {
                    id: id(s.id),
                    specimen: s.text.clone(),
                    lab: s.detail.clone().unwrap_or_default(),
                    sent_on: s.happened_on,
                    result: latest.and_then(|r| r.result.clone()),
                    result_on: latest.map(|r| r.happened_on),
                    result_note: latest.map(|r| r.text.clone()).filter(|t| !t.is_empty()),
                }
            })
            .collect()
    }
    /// The cases taken as part of the outbreak (names: the place's surveillance officers).
    async fn cases(&self) -> Vec<SurveillanceCase> {
        self.0
            .cases
            .iter()
            .map(|c| SurveillanceCase {
                case: c.clone(),
                condition_code: self.0.condition_code.clone(),
            })
            .collect()
    }
    /// Every entry, oldest first.
    async fn log(&self) -> Vec<InvestigationLogEntry> {
        self.0
            .entries
            .iter()
            .map(|e| InvestigationLogEntry {
                kind: e.kind.clone(),
                on: e.happened_on,
                text: e.text.clone(),
                detail: e.detail.clone(),
                recorded_at: e.recorded_at,
            })
            .collect()
    }
    async fn final_report(&self) -> Option<&str> {
        self.0.investigation.final_report.as_deref()
    }
    async fn closed_at(&self) -> Option<DateTime<Utc>> {
        self.0.investigation.closed_at
    }
    async fn version(&self) -> i32 {
        self.0.investigation.version
    }
}

#[derive(Enum, Clone, Copy, PartialEq, Eq)]
pub enum InvestigationEntryKind {
    Action,
    TeamMember,
    Sample,
    SampleResult,
    CaseLink,
}

/// An entry for an investigation; which fields it needs depends on its kind.
#[derive(InputObject)]
pub struct InvestigationEntryInput {
    pub kind: InvestigationEntryKind,
    /// ACTION, SAMPLE, SAMPLE_RESULT: the day it happened (India's date).
    pub on: Option<NaiveDate>,
    /// ACTION: what was done. TEAM_MEMBER: the name. SAMPLE: the specimen. SAMPLE_RESULT: a note.
    pub text: Option<String>,
    /// TEAM_MEMBER: the role. SAMPLE: the laboratory.
    pub detail: Option<String>,
    /// SAMPLE_RESULT: the sample.
    pub sample_id: Option<ID>,
    pub result: Option<SampleResult>,
    /// CASE_LINK: the case.
    pub case_id: Option<ID>,
}

impl InvestigationEntryInput {
    pub fn parse(&self) -> ApiResult<NewEntry> {
        let need = |field: &str| ApiError::validation(field, "is needed for this kind of entry");
        let on = || self.on.ok_or_else(|| need("on"));
        let text = || self.text.clone().ok_or_else(|| need("text"));
        let detail = || self.detail.clone().ok_or_else(|| need("detail"));
        Ok(match self.kind {
            InvestigationEntryKind::Action => NewEntry::Action {
                on: on()?,
                what: text()?,
            },
            InvestigationEntryKind::TeamMember => NewEntry::TeamMember {
                name: text()?,
                role: detail()?,
            },
            InvestigationEntryKind::Sample => NewEntry::Sample {
                on: on()?,
                specimen: text()?,
                lab: detail()?,
            },
            InvestigationEntryKind::SampleResult => NewEntry::SampleResult {
                sample: parse_id(
                    "sampleId",
                    self.sample_id.as_ref().ok_or_else(|| need("sampleId"))?,
                )?,
                on: on()?,
                result: self.result.ok_or_else(|| need("result"))?.into(),
                note: self.text.clone().unwrap_or_default(),
            },
            InvestigationEntryKind::CaseLink => NewEntry::CaseLink {
                case: parse_id(
                    "caseId",
                    self.case_id.as_ref().ok_or_else(|| need("caseId"))?,
                )?,
            },
        })
    }
}

/// An alert raised or verified, or an investigation changed, in the subscriber's reach.
#[derive(SimpleObject)]
pub struct SurveillanceChange {
    /// alert or investigation.
    pub kind: String,
    pub id: ID,
    /// raised, verified, opened, entry or status.
    pub action: String,
    pub at: DateTime<Utc>,
}
