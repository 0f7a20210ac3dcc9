//! Scheduling a training, and the sessions a caller runs or trains, with their counts.

use super::{Rights, Training};
use crate::app::professionals::today;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::ids::FacilityId;
use arogya_domain::professional::VerificationStatus;
use arogya_domain::training::attendance::{attendance_rate, days_held};
use arogya_domain::training::session::{NewTraining, TrainingDays, TrainingStatus};
use arogya_domain::unit::UnitPath;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::training::attendance;
use arogya_infra::repos::training::nominees;
use arogya_infra::repos::training::sessions::{self, SessionRecord, SessionScope};
use arogya_infra::repos::{facilities, professionals};
use arogya_infra::TenantTx;
use chrono::{NaiveDate, Utc};
use std::collections::HashMap;
use uuid::Uuid;

/// A training to schedule: what, when, where and who trains.
pub struct NewSession {
    pub training: NewTraining,
    pub facility: FacilityId,
    /// A professional of the registry; none: an outside trainer.
    pub trainer: Option<Uuid>,
}

/// A session with what a list shows of it.
#[derive(Clone)]
pub struct SessionSummary {
    pub session: SessionRecord,
    pub facility_name: String,
    pub trainer_name: Option<String>,
    pub nominees: i64,
    /// Nominee-days marked present.
    pub present: i64,
    /// Days held by today (India).
    pub days_held: i64,
    pub rights: Rights,
}

impl SessionSummary {
    pub fn days(&self) -> Option<TrainingDays> {
        TrainingDays::new(self.session.starts_on, self.session.ends_on).ok()
    }
    /// Per cent of the nominee-days held so far marked present.
    pub fn attendance_rate(&self) -> Option<i64> {
        attendance_rate(self.present, self.nominees, self.days_held)
    }
}

/// The longest list: a year of a district's trainings fits.
const LIST_LIMIT: u64 = 500;

impl Training<'_> {
    /// Schedule a training at a facility the caller runs trainings for.
    pub async fn schedule(&self, new: NewSession) -> ApiResult<SessionSummary> {
        let mut tx = self.tx(Access::Write).await?;
        let venue = facilities::find(&tx, new.facility)
            .await?
            .ok_or_else(|| ApiError::from(DomainError::NotFound { entity: "facility" }))?;
        if !self.reach().runs(
            new.facility,
            &UnitPath::from_stored(venue.unit_path.clone()),
        ) {
            return Err(ApiError::Forbidden(
                "trainings at a facility are scheduled by the state, its district or its administrator"
                    .into(),
            ));
        }
        if let Some(t) = new.trainer {
            let p = professionals::find(&tx, t)
                .await?
                .ok_or_else(|| ApiError::from(DomainError::NotFound { entity: "trainer" }))?;
            if p.status == VerificationStatus::Rejected.as_str() {
                return Err(ApiError::validation(
                    "trainerId",
                    "this professional's registration was rejected; choose another trainer",
                ));
            }
        }
        let now = Utc::now();
        let t = &new.training;
        let row = sessions::insert(
            &tx,
            SessionRecord {
                tenant_id: tx.tenant().0,
                id: Uuid::now_v7(),
                title: t.title.as_str().to_owned(),
                topic: t.topic.as_str().to_owned(),
                facility_id: venue.id,
                unit_path: venue.unit_path.clone(),
                starts_on: t.days.first(),
                ends_on: t.days.last(),
                capacity: t.capacity,
                trainer_id: new.trainer,
                status: TrainingStatus::Scheduled.as_str().to_owned(),
                status_reason: None,
                created_by: self.user(),
                created_at: now,
                updated_at: now,
                version: 1,
            },
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::TrainingChange,
            row.id,
            serde_json::json!({ "scheduled": row.title, "facility": row.facility_id, "from": row.starts_on, "to": row.ends_on, "trainer": row.trainer_id }),
        )
        .await?;
        let me = self.own_professional(&tx).await?;
        let summary = self.summaries(&tx, vec![row], me).await?.pop();
        tx.commit().await?;
        summary.ok_or(ApiError::Internal)
    }

    /// Sessions overlapping `from..=to` that the caller runs or trains, soonest first.
    pub async fn sessions(&self, from: NaiveDate, to: NaiveDate) -> ApiResult<Vec<SessionSummary>> {
        if to < from {
            return Err(ApiError::validation("to", "the end comes before the start"));
        }
        let tx = self.tx(Access::Read).await?;
        let reach = self.reach();
        let trainer = self.own_professional(&tx).await?;
        if reach.is_empty() && trainer.is_none() {
            return Err(ApiError::Forbidden(
                "trainings are run by administrators and kept by their trainers".into(),
            ));
        }
        let scope = SessionScope {
            whole: reach.whole,
            units: reach.units.iter().map(|u| u.0).collect(),
            facilities: reach.facilities.iter().map(|f| f.0).collect(),
            trainer,
        };
        let rows = sessions::list(&tx, &scope, from, to, LIST_LIMIT).await?;
        let out = self.summaries(&tx, rows, trainer).await?;
        tx.commit().await?;
        Ok(out)
    }

    /// Summaries of sessions in a fixed number of queries, whatever their number; `me`
    /// is the caller's own registry entry (the trainer of some).
    pub(super) async fn summaries(
        &self,
        tx: &TenantTx,
        rows: Vec<SessionRecord>,
        me: Option<Uuid>,
    ) -> ApiResult<Vec<SessionSummary>> {
        let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
        let mut venue_ids: Vec<Uuid> = rows.iter().map(|r| r.facility_id).collect();
        venue_ids.sort();
        venue_ids.dedup();
        let venues: HashMap<Uuid, String> = facilities::find_many(tx, &venue_ids)
            .await?
            .into_iter()
            .map(|f| (f.id, f.name))
            .collect();
        let trainer_ids: Vec<Uuid> = rows.iter().filter_map(|r| r.trainer_id).collect();
        let trainers: HashMap<Uuid, String> = professionals::find_many(tx, &trainer_ids)
            .await?
            .into_iter()
            .map(|p| (p.id, p.name))
            .collect();
        let counts: HashMap<Uuid, i64> = nominees::counts(tx, &ids)
            .await?
            .into_iter()
            .map(|c| (c.session_id, c.nominees))
            .collect();
        let mut present: HashMap<Uuid, i64> = HashMap::new();
        for m in attendance::current(tx, &ids).await? {
            if m.mark == "present" {
                *present.entry(m.session_id).or_default() += 1;
            }
        }
        let today = today();
        Ok(rows
            .into_iter()
            .map(|s| {
                let held = TrainingDays::new(s.starts_on, s.ends_on)
                    .map(|d| days_held(&d, today))
                    .unwrap_or(0);
                SessionSummary {
                    facility_name: venues.get(&s.facility_id).cloned().unwrap_or_default(),
                    trainer_name: s.trainer_id.and_then(|t| trainers.get(&t).cloned()),
                    nominees: counts.get(&s.id).copied().unwrap_or(0),
                    present: present.get(&s.id).copied().unwrap_or(0),
                    days_held: held,
                    rights: self.rights(&s, me),
                    session: s,
                }
            })
            .collect())
    }
}
