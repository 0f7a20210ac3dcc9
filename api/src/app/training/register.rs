//! The attendance register: every nominee, every day, and the marks made in it.

use super::{SessionSummary, Training};
use crate::app::professionals::today;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::training::attendance::{
    decide, markable_day, marked_at, AttendanceMark, Completion, Outcome,
};
use arogya_domain::training::session::{TrainingDays, TrainingStatus};
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::training::attendance::{self, MarkRecord};
use arogya_infra::repos::training::nominees;
use arogya_infra::repos::training::sessions::SessionRecord;
use arogya_infra::repos::{facilities, professionals};
use arogya_infra::TenantTx;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;
use uuid::Uuid;

/// A nominee's mark for one day, and the version of the cell (0: never marked).
#[derive(Debug, Clone, Copy)]
pub struct Cell {
    pub day: NaiveDate,
    pub mark: Option<AttendanceMark>,
    pub version: i32,
}

/// A nominee's line in the register.
#[derive(Clone)]
pub struct RegisterRow {
    pub professional_id: Uuid,
    pub name: String,
    pub kind: String,
    /// Where they work now: designation, facility.
    pub posting: Option<String>,
    pub cells: Vec<Cell>,
    pub completion: Completion,
}

/// A session's register.
pub struct Register {
    pub summary: SessionSummary,
    pub days: Vec<NaiveDate>,
    pub rows: Vec<RegisterRow>,
}

/// One mark sent: the nominee, the mark, and the cell's version the phone saw.
pub struct MarkInput {
    pub professional: Uuid,
    pub mark: AttendanceMark,
    pub based_on: i32,
}

fn days_of(s: &SessionRecord) -> ApiResult<TrainingDays> {
    TrainingDays::new(s.starts_on, s.ends_on).map_err(|_| ApiError::Internal)
}

impl Training<'_> {
    /// A session's register, for those who run or train it.
    pub async fn register(&self, id: Uuid) -> ApiResult<Register> {
        let tx = self.tx(Access::Read).await?;
        let (s, _, me) = self.session_with_rights(&tx, id).await?;
        let r = self.build_register(&tx, s, me).await?;
        tx.commit().await?;
        Ok(r)
    }

    /// Mark a day of the register. All or nothing: when a cell was changed meanwhile
    /// to another mark (on another phone), nothing is written and the conflict names
    /// the nominees, for the trainer to look again.
    pub async fn mark(
        &self,
        session: Uuid,
        day: NaiveDate,
        at: DateTime<Utc>,
        marks: Vec<MarkInput>,
    ) -> ApiResult<Register> {
        let mut tx = self.tx(Access::Write).await?;
        // Found only by those who keep its register.
        let (s, _, me) = self.session_with_rights(&tx, session).await?;
        let status = TrainingStatus::parse(&s.status)?;
        if status != TrainingStatus::Scheduled {
            return Err(ApiError::Conflict(format!(
                "the training is {}: its register no longer changes",
                status.as_str()
            )));
        }
        let days = days_of(&s)?;
        let now = Utc::now();
        markable_day(&days, day, today())?;
        let at = marked_at(at, now, &days)?;
        let nominated: Vec<Uuid> = nominees::of_session(&tx, s.id)
            .await?
            .into_iter()
            .map(|n| n.professional_id)
            .collect();
        if marks.iter().any(|m| !nominated.contains(&m.professional)) {
            return Err(DomainError::NotFound { entity: "nominee" }.into());
        }
        let cells: HashMap<Uuid, (i32, AttendanceMark)> = attendance::current(&tx, &[s.id])
            .await?
            .into_iter()
            .filter(|m| m.day == day)
            .filter_map(|m| {
                Some((
                    m.professional_id,
                    (m.version, AttendanceMark::parse(&m.mark).ok()?),
                ))
            })
            .collect();
        let mut rows = Vec::new();
        let mut conflicts = Vec::new();
        for m in &marks {
            match decide(cells.get(&m.professional).copied(), m.based_on, m.mark) {
                Outcome::Unchanged => {}
                Outcome::Written(version) => rows.push(MarkRecord {
                    tenant_id: tx.tenant().0,
                    id: Uuid::now_v7(),
                    session_id: s.id,
                    professional_id: m.professional,
                    day,
                    mark: m.mark.as_str().to_owned(),
                    version,
                    marked_at: at,
                    recorded_at: now,
                    recorded_by: self.user(),
                }),
                Outcome::Conflict { now, .. } => conflicts.push((m.professional, now)),
            }
        }
        if !conflicts.is_empty() {
            let ids: Vec<Uuid> = conflicts.iter().map(|c| c.0).collect();
            let names: HashMap<Uuid, String> = professionals::find_many(&tx, &ids)
                .await?
                .into_iter()
                .map(|p| (p.id, p.name))
                .collect();
            let list: Vec<String> = conflicts
                .iter()
                .map(|(p, now)| {
                    format!(
                        "{} (now {})",
                        names.get(p).map_or("?", String::as_str),
                        now.as_str()
                    )
                })
                .collect();
            return Err(ApiError::Conflict(format!(
                "marked differently on another phone meanwhile: {}. Open the register, check and mark again",
                list.join(", ")
            )));
        }
        let written = rows.len();
        let present = rows.iter().filter(|r| r.mark == "present").count();
        attendance::append(&tx, rows).await?;
        self.audit(
            &mut tx,
            AuditAction::TrainingAttendance,
            s.id,
            serde_json::json!({ "day": day, "sent": marks.len(), "written": written, "present": present, "markedAt": at }),
        )
        .await?;
        let r = self.build_register(&tx, s, me).await?;
        tx.commit().await?;
        Ok(r)
    }

    /// The register in a fixed number of queries.
    pub(super) async fn build_register(
        &self,
        tx: &TenantTx,
        s: SessionRecord,
        me: Option<Uuid>,
    ) -> ApiResult<Register> {
        let days = days_of(&s)?;
        let ids: Vec<Uuid> = nominees::of_session(tx, s.id)
            .await?
            .into_iter()
            .map(|n| n.professional_id)
            .collect();
        let people: HashMap<Uuid, _> = professionals::find_many(tx, &ids)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let postings = professionals::attachments_of_professionals(tx, &ids, Some(today())).await?;
        let mut places: Vec<Uuid> = postings.iter().map(|a| a.facility_id).collect();
        places.sort();
        places.dedup();
        let place_names: HashMap<Uuid, String> = facilities::find_many(tx, &places)
            .await?
            .into_iter()
            .map(|f| (f.id, f.name))
            .collect();
        let posting: HashMap<Uuid, String> = postings
            .into_iter()
            .map(|a| {
                let at = place_names.get(&a.facility_id).cloned().unwrap_or_default();
                (a.professional_id, format!("{}, {}", a.designation, at))
            })
            .collect();
        let marks: HashMap<(Uuid, NaiveDate), (i32, AttendanceMark)> =
            attendance::current(tx, &[s.id])
                .await?
                .into_iter()
                .filter_map(|m| {
                    Some((
                        (m.professional_id, m.day),
                        (m.version, AttendanceMark::parse(&m.mark).ok()?),
                    ))
                })
                .collect();
        let all_days = days.all();
        let mut rows: Vec<RegisterRow> = ids
            .iter()
            .map(|id| {
                let cells: Vec<Cell> = all_days
                    .iter()
                    .map(|d| match marks.get(&(*id, *d)) {
                        Some((v, m)) => Cell {
                            day: *d,
                            mark: Some(*m),
                            version: *v,
                        },
                        None => Cell {
                            day: *d,
                            mark: None,
                            version: 0,
                        },
                    })
                    .collect();
                let present = cells
                    .iter()
                    .filter(|c| c.mark == Some(AttendanceMark::Present))
                    .count();
                let p = people.get(id);
                RegisterRow {
                    professional_id: *id,
                    name: p.map(|p| p.name.clone()).unwrap_or_default(),
                    kind: p.map(|p| p.kind.clone()).unwrap_or_default(),
                    posting: posting.get(id).cloned(),
                    cells,
                    completion: Completion::of(present as i64, &days),
                }
            })
            .collect();
        rows.sort_by_key(|r| r.name.to_lowercase());
        let summary = self
            .summaries(tx, vec![s], me)
            .await?
            .pop()
            .ok_or(ApiError::Internal)?;
        Ok(Register {
            summary,
            days: all_days,
            rows,
        })
    }
}
