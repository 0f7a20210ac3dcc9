//! Outbreak investigations: opened when an alert is verified as a true signal, worked
//! by the place's surveillance officer (team, actions, samples and results, linked
//! cases, status), against the verification and response clocks; closed with a final
//! report. Every change is audited, e-mailed to the place's officers and the state cell
//! when the status moves, and announced to the screens open on it.

use super::{notify, Surveillance};
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::ids::UnitId;
use arogya_domain::surveillance::epi_week::india_date;
use arogya_domain::surveillance::investigation::{
    entry_text, final_report, happened_on, EntryKind, InvestigationStatus, SampleResult,
};
use arogya_domain::unit::UnitPath;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::queue_bus::SurveillanceEvent;
use arogya_infra::repos::surveillance::alerts::AlertRecord;
use arogya_infra::repos::surveillance::cases::{self as cases_repo, CaseRecord};
use arogya_infra::repos::surveillance::conditions;
use arogya_infra::repos::surveillance::investigations::{
    self as repo, EntryRecord, InvestigationRecord,
};
use arogya_infra::repos::units;
use arogya_infra::TenantTx;
use chrono::{NaiveDate, Utc};
use std::collections::HashMap;
use uuid::Uuid;

/// An entry as asked for, before it is checked against the investigation.
pub enum NewEntry {
    Action {
        on: NaiveDate,
        what: String,
    },
    TeamMember {
        name: String,
        role: String,
    },
    Sample {
        on: NaiveDate,
        specimen: String,
        lab: String,
    },
    SampleResult {
        sample: Uuid,
        on: NaiveDate,
        result: SampleResult,
        note: String,
    },
    CaseLink {
        case: Uuid,
    },
}

/// An investigation with what its page shows.
pub struct InvestigationView {
    pub investigation: InvestigationRecord,
    pub condition_code: String,
    pub unit_name: String,
    pub entries: Vec<EntryRecord>,
    /// The linked cases (the entries of kind case_link), as they are now.
    pub cases: Vec<CaseRecord>,
}

fn not_found() -> ApiError {
    ApiError::from(DomainError::NotFound {
        entity: "investigation",
    })
}

/// Open the investigation of an alert just verified as a true signal (in its
/// transaction); the one already open when there is one.
pub async fn open_for_alert(
    tx: &TenantTx,
    alert: &AlertRecord,
    by: Option<Uuid>,
) -> ApiResult<InvestigationRecord> {
    if let Some(existing) = repo::find_by_alert(tx, alert.id).await? {
        return Ok(existing);
    }
    let now = Utc::now();
    Ok(repo::insert(
        tx,
        InvestigationRecord {
            tenant_id: tx.tenant().0,
            id: Uuid::now_v7(),
            alert_id: alert.id,
            condition_id: alert.condition_id,
            unit_id: alert.unit_id,
            unit_path: alert.unit_path.clone(),
            village: alert.village.clone(),
            status: InvestigationStatus::Open.as_str().to_owned(),
            raised_at: alert.raised_at,
            verified_at: alert.verified_at.unwrap_or(now),
            responded_at: None,
            opened_by: by,
            final_report: None,
            closed_at: None,
            version: 1,
            updated_at: now,
        },
    )
    .await?)
}

impl Surveillance<'_> {
    /// The investigation if the caller sees its place; NOT_FOUND otherwise.
    async fn visible(&self, tx: &TenantTx, id: Uuid) -> ApiResult<InvestigationRecord> {
        let reach = self.reach()?;
        repo::find(tx, id)
            .await?
            .filter(|i| reach.sees(&UnitPath::from_stored(i.unit_path.clone())))
            .ok_or_else(not_found)
    }

    /// The investigation, for its place's surveillance officer to change.
    async fn workable(&self, tx: &TenantTx, id: Uuid) -> ApiResult<InvestigationRecord> {
        let inv = self.visible(tx, id).await?;
        if !self
            .reach()?
            .sees_names(&UnitPath::from_stored(inv.unit_path.clone()))
        {
            return Err(ApiError::Forbidden(
                "investigations are worked by the surveillance officer of the place".into(),
            ));
        }
        Ok(inv)
    }

    async fn view(&self, tx: &TenantTx, inv: InvestigationRecord) -> ApiResult<InvestigationView> {
        let entries = repo::entries(tx, inv.id).await?;
        // The linked cases in one query, in the order they were linked.
        let linked: Vec<Uuid> = entries
            .iter()
            .filter(|e| e.kind == EntryKind::CaseLink.as_str())
            .filter_map(|e| e.case_id)
            .collect();
        let mut found: HashMap<Uuid, CaseRecord> = cases_repo::find_many(tx, &linked)
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
        let cases = linked.iter().filter_map(|id| found.remove(id)).collect();
        let condition_code = conditions::find(tx, inv.condition_id)
            .await?
            .map(|c| c.code)
            .unwrap_or_default();
        let unit_name = units::find(tx, UnitId(inv.unit_id))
            .await?
            .map(|u| u.name)
            .unwrap_or_default();
        Ok(InvestigationView {
            investigation: inv,
            condition_code,
            unit_name,
            entries,
            cases,
        })
    }

    /// Investigations in the caller's reach, newest first: those not closed, or all.
    /// Without their entries (the list shows status and clocks).
    pub async fn investigations(&self, open_only: bool) -> ApiResult<Vec<InvestigationView>> {
        let reach = self.reach()?;
        let tx = self.tx(Access::Read).await?;
        let rows: Vec<InvestigationRecord> = repo::list(&tx, None, open_only, 200)
            .await?
            .into_iter()
            .filter(|i| reach.sees(&UnitPath::from_stored(i.unit_path.clone())))
            .collect();
        let ids: Vec<Uuid> = rows.iter().map(|i| i.unit_id).collect();
        let names: HashMap<Uuid, String> = units::find_many(&tx, &ids)
            .await?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect();
        let codes: HashMap<Uuid, String> = conditions::all(&tx)
            .await?
            .into_iter()
            .map(|c| (c.id, c.code))
            .collect();
        Ok(rows
            .into_iter()
            .map(|i| InvestigationView {
                condition_code: codes.get(&i.condition_id).cloned().unwrap_or_default(),
                unit_name: names.get(&i.unit_id).cloned().unwrap_or_default(),
                investigation: i,
                entries: vec![],
                cases: vec![],
            })
            .collect())
    }

    pub async fn investigation(&self, id: Uuid) -> ApiResult<InvestigationView> {
        let tx = self.tx(Access::Read).await?;
        let inv = self.visible(&tx, id).await?;
        self.view(&tx, inv).await
    }

    /// Add an entry. The first action stops the response clock.
    pub async fn record_investigation_entry(
        &self,
        id: Uuid,
        entry: NewEntry,
    ) -> ApiResult<InvestigationView> {
        let mut tx = self.tx(Access::Write).await?;
        let inv = self.workable(&tx, id).await?;
        if inv.status == InvestigationStatus::Closed.as_str() {
            return Err(ApiError::Conflict(
                "the investigation is closed; a new signal opens a new one".into(),
            ));
        }
        let now = Utc::now();
        let (today, raised) = (india_date(now), india_date(inv.raised_at));
        let blank = |kind: EntryKind, on: NaiveDate, text: String| EntryRecord {
            tenant_id: tx.tenant().0,
            id: Uuid::now_v7(),
            investigation_id: inv.id,
            kind: kind.as_str().to_owned(),
            happened_on: on,
            text,
            detail: None,
            sample_id: None,
            result: None,
            case_id: None,
            recorded_at: now,
            recorded_by: Actor::from(self.principal).id(),
        };
        let row = match entry {
            NewEntry::Action { on, what } => blank(
                EntryKind::Action,
                happened_on(on, today, raised)?,
                entry_text("what", &what, 3, 500)?,
            ),
            NewEntry::TeamMember { name, role } => EntryRecord {
                detail: Some(entry_text("role", &role, 2, 120)?),
                ..blank(
                    EntryKind::TeamMember,
                    today,
                    entry_text("name", &name, 2, 120)?,
                )
            },
            NewEntry::Sample { on, specimen, lab } => EntryRecord {
                detail: Some(entry_text("lab", &lab, 2, 120)?),
                ..blank(
                    EntryKind::Sample,
                    happened_on(on, today, raised)?,
                    entry_text("specimen", &specimen, 2, 200)?,
                )
            },
            NewEntry::SampleResult {
                sample,
                on,
                result,
                note,
            } => {
                let sent = repo::find_entry(&tx, sample)
                    .await?
                    .filter(|s| {
                        s.investigation_id == inv.id && s.kind == EntryKind::Sample.as_str()
                    })
                    .ok_or_else(|| ApiError::from(DomainError::NotFound { entity: "sample" }))?;
                if on < sent.happened_on {
                    return Err(ApiError::validation(
                        "on",
                        "must not be before the sample was sent",
                    ));
                }
                EntryRecord {
                    sample_id: Some(sent.id),
                    result: Some(result.as_str().to_owned()),
                    ..blank(
                        EntryKind::SampleResult,
                        happened_on(on, today, raised)?,
                        entry_text("note", &note, 0, 500)?,
                    )
                }
            }
            NewEntry::CaseLink { case } => {
                let reach = self.reach()?;
                let c = cases_repo::find(&tx, case)
                    .await?
                    .filter(|c| reach.sees_names(&UnitPath::from_stored(c.unit_path.clone())))
                    .ok_or_else(|| ApiError::from(DomainError::NotFound { entity: "case" }))?;
                if c.condition_id != inv.condition_id {
                    return Err(ApiError::validation(
                        "caseId",
                        "the case is of another disease than the outbreak",
                    ));
                }
                let linked = repo::entries(&tx, inv.id).await?;
                if linked.iter().any(|e| e.case_id == Some(c.id)) {
                    return self.view(&tx, inv).await; // linked already: nothing to add
                }
                EntryRecord {
                    case_id: Some(c.id),
                    ..blank(EntryKind::CaseLink, today, String::new())
                }
            }
        };
        let kind = row.kind.clone();
        let saved = repo::add_entry(&tx, row).await?;
        // The first action stops the response clock; later ones leave it.
        let responded =
            (kind == EntryKind::Action.as_str() && inv.responded_at.is_none()).then_some(now);
        repo::touch(&tx, inv.id, responded).await?;
        self.audit(
            &mut tx,
            AuditAction::SurveillanceInvestigation,
            "outbreak_investigation",
            Some(inv.id),
            serde_json::json!({ "entry": saved.id, "kind": kind }),
        )
        .await?;
        let event = notify::announce(
            &tx,
            &self.state.surveillance,
            &inv.unit_path,
            "investigation",
            inv.id,
            "entry",
        )
        .await?;
        let fresh = repo::find(&tx, inv.id).await?.ok_or(ApiError::Internal)?;
        let view = self.view(&tx, fresh).await?;
        tx.commit().await?;
        self.state.surveillance.committed(event);
        Ok(view)
    }

    /// Move the investigation on (at the version read). Closing needs the final report.
    pub async fn change_investigation_status(
        &self,
        id: Uuid,
        expected_version: i32,
        to: InvestigationStatus,
        note: &str,
        report: Option<&str>,
    ) -> ApiResult<InvestigationView> {
        let mut tx = self.tx(Access::Write).await?;
        let inv = self.workable(&tx, id).await?;
        let from = InvestigationStatus::parse(&inv.status)?;
        if from == to {
            return self.view(&tx, inv).await; // already there (a repeated click)
        }
        if !from.can_become(to) {
            return Err(ApiError::validation(
                "status",
                format!(
                    "an investigation {} cannot become {}",
                    from.as_str(),
                    to.as_str()
                ),
            ));
        }
        let report = match to {
            InvestigationStatus::Closed => Some(final_report(report.unwrap_or_default())?),
            _ => None,
        };
        let note = entry_text("note", note, 0, 500)?;
        let now = Utc::now();
        if !repo::set_status(
            &tx,
            id,
            expected_version,
            to.as_str(),
            report.as_deref(),
            now,
        )
        .await?
        {
            return Err(ApiError::Conflict(
                "the investigation was changed by someone else meanwhile; reload it".into(),
            ));
        }
        repo::add_entry(
            &tx,
            EntryRecord {
                tenant_id: tx.tenant().0,
                id: Uuid::now_v7(),
                investigation_id: inv.id,
                kind: EntryKind::Status.as_str().to_owned(),
                happened_on: india_date(now),
                text: note,
                detail: Some(to.as_str().to_owned()),
                sample_id: None,
                result: None,
                case_id: None,
                recorded_at: now,
                recorded_by: Actor::from(self.principal).id(),
            },
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::SurveillanceInvestigation,
            "outbreak_investigation",
            Some(inv.id),
            serde_json::json!({ "before": from.as_str(), "after": to.as_str() }),
        )
        .await?;
        let fresh = repo::find(&tx, inv.id).await?.ok_or(ApiError::Internal)?;
        let view = self.view(&tx, fresh).await?;
        notify::email_officers(
            &tx,
            &inv.unit_path,
            &format!(
                "Outbreak investigation {}: {} in {}",
                to.as_str(),
                view.condition_code,
                view.unit_name
            ),
            &format!(
                "The investigation of {} in {} is now {}. See it in Arogya (Disease surveillance, Investigations).",
                view.condition_code,
                view.unit_name,
                to.as_str()
            ),
        )
        .await?;
        let event = notify::announce(
            &tx,
            &self.state.surveillance,
            &inv.unit_path,
            "investigation",
            inv.id,
            "status",
        )
        .await?;
        tx.commit().await?;
        self.state.surveillance.committed(event);
        Ok(view)
    }

    /// After an alert is verified as a true signal (in its transaction): its
    /// investigation opened, the officers told, the screens told.
    pub(super) async fn open_investigation(
        &self,
        tx: &TenantTx,
        alert: &AlertRecord,
        condition_code: &str,
        unit_name: &str,
    ) -> ApiResult<(InvestigationRecord, Vec<SurveillanceEvent>)> {
        let inv = open_for_alert(tx, alert, Actor::from(self.principal).id()).await?;
        notify::email_officers(
            tx,
            &alert.unit_path,
            &format!("Outbreak investigation opened: {condition_code} in {unit_name}"),
            &format!(
                "The alert of {condition_code} in {unit_name} ({}) was verified as a true signal. Respond in the field within 24 hours and record each action in Arogya (Disease surveillance, Investigations).",
                alert.explanation
            ),
        )
        .await?;
        let opened = notify::announce(
            tx,
            &self.state.surveillance,
            &alert.unit_path,
            "investigation",
            inv.id,
            "opened",
        )
        .await?;
        Ok((inv, vec![opened]))
    }
}
