//! Cases: raised from diagnoses and lab results in the records module's transaction,
//! or reported from the field; each write applies its change to the weekly counts in
//! the same transaction.

use super::Surveillance;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::clinical::entry::EntryDetails;
use arogya_domain::ids::{FacilityId, UnitId};
use arogya_domain::offline_id::OfflineId;
use arogya_domain::surveillance::access::reports;
use arogya_domain::surveillance::case::{
    age_group, same_episode, CaseLevel, CaseSex, Classification, FieldReport, Outcome,
};
use arogya_domain::surveillance::condition::{is_positive, ConditionDef};
use arogya_domain::surveillance::counts::{changes, CaseFacts, CountKey};
use arogya_domain::surveillance::epi_week::{india_date, EpiWeek};
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::queue_bus::SurveillanceEvent;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::clinical::{self, EntryRecord};
use arogya_infra::repos::surveillance::cases::{self as repo, CaseRecord};
use arogya_infra::repos::surveillance::{conditions, counts};
use arogya_infra::repos::{facilities, patients, units};
use arogya_infra::TenantTx;
use chrono::{Datelike, NaiveDate, Utc};
use uuid::Uuid;

/// Which conditions an entry names (a diagnosis's code, a positive test's LOINC).
type Matcher = Box<dyn Fn(&ConditionDef) -> bool + Send + Sync>;

fn facts(c: &CaseRecord) -> ApiResult<CaseFacts> {
    let sex = CaseSex::parse(&c.sex).unwrap_or(CaseSex::Unknown);
    let group = age_group(c.age_years);
    Ok(CaseFacts {
        key: CountKey {
            condition: c.condition_id,
            unit: c.unit_id,
            week: EpiWeek::from_key(c.epi_week)?,
            age_group: group,
            sex: sex.as_str(),
        },
        counted: c.classification != Classification::Discarded.as_str(),
        confirmed: c.classification == Classification::Confirmed.as_str(),
        died: c.outcome.as_deref() == Some(Outcome::Died.as_str()),
    })
}

/// Write a case (new when `old` is none) and move the weekly counts with it; the
/// tenant's weekly tables kept in memory are forgotten.
async fn write(
    tx: &TenantTx,
    state: &AppState,
    old: Option<&CaseRecord>,
    new: CaseRecord,
) -> ApiResult<CaseRecord> {
    state.surveillance_table.forget(tx.tenant());
    let before = old.map(facts).transpose()?;
    let after = facts(&new)?;
    let saved = match old {
        None => repo::insert(tx, new).await?,
        Some(o) => {
            if !repo::save(tx, new.clone(), o.version).await? {
                return Err(ApiError::Conflict(
                    "the case was changed by someone else meanwhile; reload it and try again"
                        .into(),
                ));
            }
            new
        }
    };
    for (key, delta) in changes(before.as_ref(), &after) {
        // A key keeps the path of the place it counts (a case moved to another place
        // leaves its old key under the old path).
        let path = match old {
            Some(o) if key != after.key => o.unit_path.as_str(),
            _ => saved.unit_path.as_str(),
        };
        counts::apply(tx, &key, path, delta).await?;
    }
    Ok(saved)
}

/// The level an entry gives a case and the conditions it names; none for an entry that
/// names none (a negative test, a note).
fn matcher(details: &EntryDetails) -> Option<(CaseLevel, Matcher)> {
    match details {
        EntryDetails::Diagnosis(d) => {
            let code = d.code.clone();
            Some((
                CaseLevel::Presumptive,
                Box::new(move |c: &ConditionDef| c.matches_icd10(&code)),
            ))
        }
        EntryDetails::LabResult(r) => {
            let positives: Vec<String> = r
                .measurements
                .iter()
                .filter(|m| is_positive(&m.value))
                .filter_map(|m| m.loinc.clone())
                .collect();
            if positives.is_empty() {
                return None;
            }
            Some((
                CaseLevel::Laboratory,
                Box::new(move |c: &ConditionDef| positives.iter().any(|l| c.confirmed_by(l))),
            ))
        }
        _ => None,
    }
}

/// An entry corrected (`details`: its new details) or marked entered in error (none),
/// in the records module's transaction: a case whose latest evidence it was and which
/// it no longer supports is discarded (its officer may take it back if other evidence
/// holds), and the corrected details raise what they name, as a new entry would.
pub async fn on_clinical_revision(
    tx: &mut TenantTx,
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    entry: &EntryRecord,
    details: Option<&EntryDetails>,
) -> ApiResult<Vec<SurveillanceEvent>> {
    let sourced: Vec<CaseRecord> = repo::sourced_by(tx, entry.id)
        .await?
        .into_iter()
        .filter(|c| c.classification != Classification::Discarded.as_str())
        .collect();
    if !sourced.is_empty() {
        let defs: std::collections::HashMap<Uuid, ConditionDef> = conditions::all(tx)
            .await?
            .iter()
            .map(|c| (c.id, conditions::definition(c)))
            .collect();
        let still = details.and_then(matcher);
        for case in sourced {
            let supported = match (&still, defs.get(&case.condition_id)) {
                (Some((_, m)), Some(def)) => m(def),
                _ => false,
            };
            if supported {
                continue;
            }
            // What else in the person's records still names the condition within the
            // episode: the case keeps the strongest (and goes down a level if it must);
            // with nothing left it is discarded (its officer may take it back).
            let other = match defs.get(&case.condition_id) {
                Some(def) => remaining_evidence(tx, &case, def, entry.id).await?,
                None => None,
            };
            let mut next = case.clone();
            match &other {
                Some((level, source)) => {
                    next.level = level.as_str().to_owned();
                    next.classification = level.classification().as_str().to_owned();
                    next.source_entry_id = Some(*source);
                }
                None => next.classification = Classification::Discarded.as_str().to_owned(),
            }
            next.updated_at = Utc::now();
            next.version = case.version + 1;
            let saved = write(tx, state, Some(&case), next).await?;
            let event = NewAuditEvent::new(actor, AuditAction::SurveillanceCase, "surveillance_case", Some(saved.id))
                .with_detail(serde_json::json!({
                    "before": { "classification": case.classification, "level": case.level },
                    "after": { "classification": saved.classification, "level": saved.level },
                    "why": if details.is_some() { "the entry it came from was corrected" } else { "the entry it came from was entered in error" },
                    "entryId": entry.id,
                }));
            audit::record(tx, meta, event).await?;
        }
    }
    match details {
        Some(d) => on_clinical_entry(tx, state, actor, meta, entry, d).await,
        None => Ok(vec![]),
    }
}

/// The strongest evidence, other than `except`, the person's active records hold for
/// the case's condition within its episode: its level and entry.
async fn remaining_evidence(
    tx: &TenantTx,
    case: &CaseRecord,
    def: &ConditionDef,
    except: Uuid,
) -> ApiResult<Option<(CaseLevel, Uuid)>> {
    let Some(patient) = case.patient_id else {
        return Ok(None);
    };
    let days = chrono::Duration::days(def.episode_days as i64 + 1);
    let onset = case.onset_date.and_time(chrono::NaiveTime::MIN).and_utc();
    let entries = clinical::of_patient_between(
        tx,
        patient,
        &["diagnosis", "lab_result"],
        onset - days,
        onset + days,
    )
    .await?;
    let mut best: Option<(CaseLevel, Uuid, chrono::DateTime<Utc>)> = None;
    for e in entries.iter().filter(|e| e.id != except) {
        let Ok(kind) = arogya_domain::clinical::entry::EntryKind::parse(&e.kind) else {
            continue;
        };
        let Ok(d) = EntryDetails::from_json(kind, e.details.clone()) else {
            continue;
        };
        let Some((level, m)) = matcher(&d) else {
            continue;
        };
        if !m(def) || !same_episode(case.onset_date, india_date(e.occurred_at), def.episode_days) {
            continue;
        }
        let better = match &best {
            None => true,
            Some((l, _, at)) => level.max(*l) == level && (level != *l || e.occurred_at > *at),
        };
        if better {
            best = Some((level, e.id, e.occurred_at));
        }
    }
    Ok(best.map(|(l, id, _)| (l, id)))
}

fn age_at(birth: NaiveDate, on: NaiveDate) -> i32 {
    let mut a = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        a -= 1;
    }
    a.max(0)
}

/// A diagnosis or a positive confirming test, just written in the records module's
/// transaction: raise the person's case (or take their open episode up a level).
/// The alerts it raised are returned as events, for `SurveillanceBus::committed`.
pub async fn on_clinical_entry(
    tx: &mut TenantTx,
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    entry: &EntryRecord,
    details: &EntryDetails,
) -> ApiResult<Vec<SurveillanceEvent>> {
    let mut raised = vec![];
    let Some((level, matches)) = matcher(details) else {
        return Ok(raised);
    };
    let found: Vec<_> = conditions::all(tx)
        .await?
        .into_iter()
        .filter(|c| c.active && matches(&conditions::definition(c)))
        .collect();
    if found.is_empty() {
        return Ok(raised);
    }
    let Some(patient) = patients::find(tx, entry.patient_id).await? else {
        return Ok(raised);
    };
    let onset = india_date(entry.occurred_at);
    for condition in found {
        // A discarded case is no case: new evidence raises a new one.
        let open = repo::latest_for(tx, patient.id, condition.id)
            .await?
            .filter(|c| c.classification != Classification::Discarded.as_str())
            .filter(|c| same_episode(c.onset_date, onset, condition.episode_days));
        let now = Utc::now();
        let (saved, raised) = match open {
            Some(c) => {
                let up = CaseLevel::parse(&c.level)?.max(level);
                if up.as_str() == c.level {
                    continue; // another visit of the same episode: the same case
                }
                let mut next = c.clone();
                next.level = up.as_str().to_owned();
                next.classification = up.classification().as_str().to_owned();
                next.source_entry_id = Some(entry.id);
                next.updated_at = now;
                next.version = c.version + 1;
                let saved = write(tx, state, Some(&c), next).await?;
                raised.extend(
                    super::alerts::evaluate_for_case(
                        tx,
                        &state.surveillance,
                        &saved,
                        &condition.code,
                    )
                    .await?,
                );
                (saved, false)
            }
            None => {
                let (unit, path) = match (patient.unit_id, patient.unit_path.clone()) {
                    (Some(u), Some(p)) => (u, p),
                    _ => {
                        let f = facilities::find(tx, FacilityId(entry.facility_id))
                            .await?
                            .ok_or(ApiError::Internal)?;
                        (f.unit_id, f.unit_path)
                    }
                };
                let age = age_at(patient.birth_date, onset);
                let row = CaseRecord {
                    tenant_id: tx.tenant().0,
                    id: Uuid::now_v7(),
                    condition_id: condition.id,
                    patient_id: Some(patient.id),
                    level: level.as_str().to_owned(),
                    classification: level.classification().as_str().to_owned(),
                    outcome: None,
                    onset_date: onset,
                    epi_week: EpiWeek::of_date(onset).key(),
                    reported_at: now,
                    unit_id: unit,
                    unit_path: path,
                    village: None,
                    facility_id: Some(entry.facility_id),
                    name: None,
                    age_years: Some(age),
                    age_group: age_group(Some(age)).to_owned(),
                    sex: CaseSex::parse(&patient.sex)
                        .unwrap_or(CaseSex::Unknown)
                        .as_str()
                        .to_owned(),
                    symptoms: None,
                    source_entry_id: Some(entry.id),
                    reported_by: actor.id().unwrap_or_default(),
                    created_at: now,
                    updated_at: now,
                    version: 1,
                };
                let saved = write(tx, state, None, row).await?;
                raised.extend(
                    super::alerts::evaluate_for_case(
                        tx,
                        &state.surveillance,
                        &saved,
                        &condition.code,
                    )
                    .await?,
                );
                (saved, true)
            }
        };
        let event = NewAuditEvent::new(actor, AuditAction::SurveillanceCase, "surveillance_case", Some(saved.id))
            .with_detail(serde_json::json!({
                "condition": condition.code, "level": saved.level, "raised": raised, "entryId": entry.id,
            }));
        audit::record(tx, meta, event).await?;
    }
    Ok(raised)
}

impl Surveillance<'_> {
    /// A case reported from the field (level S) by a health worker, for a person who may
    /// not be registered. `id` is the phone's, when it made one.
    pub async fn report(
        &self,
        condition_code: &str,
        unit: UnitId,
        report: FieldReport,
        id: Option<OfflineId>,
    ) -> ApiResult<(CaseRecord, String)> {
        if !reports(self.principal) {
            return Err(ApiError::Forbidden(
                "cases are reported by health workers, nurses, doctors and surveillance officers"
                    .into(),
            ));
        }
        let mut tx = self.tx(Access::Write).await?;
        let condition = conditions::find_by_code(&tx, condition_code)
            .await?
            .filter(|c| c.active)
            .ok_or_else(|| {
                ApiError::validation("condition", "no such notifiable condition in this tenant")
            })?;
        let place = units::find(&tx, unit).await?.ok_or_else(|| {
            ApiError::validation("unitId", "no such administrative unit in this tenant")
        })?;
        let now = Utc::now();
        let row = CaseRecord {
            tenant_id: tx.tenant().0,
            id: id.map_or_else(Uuid::now_v7, OfflineId::uuid),
            condition_id: condition.id,
            patient_id: None,
            level: CaseLevel::Syndromic.as_str().to_owned(),
            classification: Classification::Suspected.as_str().to_owned(),
            outcome: None,
            onset_date: report.onset,
            epi_week: EpiWeek::of_date(report.onset).key(),
            reported_at: now,
            unit_id: place.id,
            unit_path: place.path.clone(),
            village: Some(report.village),
            facility_id: None,
            name: Some(report.name),
            age_years: Some(report.age_years),
            age_group: age_group(Some(report.age_years)).to_owned(),
            sex: report.sex.as_str().to_owned(),
            symptoms: Some(report.symptoms),
            source_entry_id: None,
            reported_by: Actor::from(self.principal).id().unwrap_or_default(),
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let saved = write(&tx, self.state, None, row).await?;
        let raised = super::alerts::evaluate_for_case(
            &tx,
            &self.state.surveillance,
            &saved,
            &condition.code,
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::SurveillanceCase,
            "surveillance_case",
            Some(saved.id),
            serde_json::json!({ "condition": condition.code, "level": "s", "raised": true, "field": true }),
        )
        .await?;
        tx.commit().await?;
        for e in raised {
            self.state.surveillance.committed(e);
        }
        Ok((saved, condition.code))
    }
}

/// What a surveillance officer may change on a case; none: keep.
#[derive(Debug, Default)]
pub struct CaseChange {
    /// Discard the case, or take it back (to what its level gives).
    pub discarded: Option<bool>,
    pub outcome: Option<Outcome>,
    pub onset: Option<NaiveDate>,
    /// Link a field case to the registered patient it turned out to be.
    pub patient: Option<Uuid>,
}

impl Surveillance<'_> {
    /// Change a case: discard it or take it back, its outcome, its onset (it moves week),
    /// the patient it is. The surveillance officer of the case's place; audited with
    /// before and after; the weekly counts move with it.
    pub async fn change_case(
        &self,
        id: Uuid,
        expected_version: i32,
        change: CaseChange,
    ) -> ApiResult<(CaseRecord, String)> {
        let reach = self.reach()?;
        let mut tx = self.tx(Access::Write).await?;
        let old = repo::find(&tx, id)
            .await?
            .filter(|c| {
                reach.sees(&arogya_domain::unit::UnitPath::from_stored(
                    c.unit_path.clone(),
                ))
            })
            .ok_or_else(case_not_found)?;
        if !reach.sees_names(&arogya_domain::unit::UnitPath::from_stored(
            old.unit_path.clone(),
        )) {
            return Err(ApiError::Forbidden(
                "cases are changed by the surveillance officer of the place".into(),
            ));
        }
        if old.version != expected_version {
            return Err(ApiError::Conflict(
                "the case was changed by someone else meanwhile; reload it and try again".into(),
            ));
        }
        let mut next = old.clone();
        if let Some(d) = change.discarded {
            next.classification = if d {
                Classification::Discarded.as_str().to_owned()
            } else {
                CaseLevel::parse(&old.level)?
                    .classification()
                    .as_str()
                    .to_owned()
            };
        }
        if let Some(o) = change.outcome {
            next.outcome = Some(o.as_str().to_owned());
        }
        if let Some(onset) = change.onset {
            arogya_domain::surveillance::case::check_onset(onset, Utc::now())?;
            next.onset_date = onset;
            next.epi_week = EpiWeek::of_date(onset).key();
        }
        if let Some(p) = change.patient {
            let patient = patients::find(&tx, p)
                .await?
                .filter(|x| x.merged_into.is_none())
                .ok_or_else(|| {
                    ApiError::validation("patientId", "no such patient in this tenant")
                })?;
            next.patient_id = Some(patient.id);
        }
        next.updated_at = Utc::now();
        next.version = old.version + 1;
        let saved = write(&tx, self.state, Some(&old), next).await?;
        let condition = conditions::find(&tx, saved.condition_id)
            .await?
            .ok_or(ApiError::Internal)?;
        let raised = super::alerts::evaluate_for_case(
            &tx,
            &self.state.surveillance,
            &saved,
            &condition.code,
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::SurveillanceCase,
            "surveillance_case",
            Some(saved.id),
            serde_json::json!({
                "before": { "classification": old.classification, "outcome": old.outcome, "onset": old.onset_date, "patientId": old.patient_id },
                "after": { "classification": saved.classification, "outcome": saved.outcome, "onset": saved.onset_date, "patientId": saved.patient_id },
            }),
        )
        .await?;
        tx.commit().await?;
        for e in raised {
            self.state.surveillance.committed(e);
        }
        Ok((saved, condition.code))
    }
}

/// The case for a not-found answer.
pub fn case_not_found() -> ApiError {
    DomainError::NotFound { entity: "case" }.into()
}
