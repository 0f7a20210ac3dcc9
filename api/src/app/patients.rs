//! The patient index's use cases: registration with duplicate detection, lookups,
//! merges, e-health cards and household surveys. Every change and every read of a
//! patient's demographics is written to the audit trail in the same transaction.

use super::professionals::today;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::ids::{TenantId, UnitId};
use arogya_domain::patient::access::PatientAccess;
use arogya_domain::patient::card::{
    reason_text, CardClaims, CardStatus, DeliveryStatus, ReissueReason,
};
use arogya_domain::patient::details::{NameKeys, PatientDetails};
use arogya_domain::patient::health_id::HealthId;
use arogya_domain::patient::household::HouseholdDetails;
use arogya_domain::patient::matching::{self, birth_year_window, MatchReason};
use arogya_domain::tenant::TenantCode;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::cards::{self, CardRecord, NewCard};
use arogya_infra::repos::households::{self, HouseholdRecord};
use arogya_infra::repos::patients::{self as repo, NewPatient, PatientRecord};
use arogya_infra::repos::units;
use arogya_infra::TenantTx;
use rand::Rng;
use uuid::Uuid;

/// Who is acting on the patient index, with what access, from where.
pub struct Caller<'a> {
    pub state: &'a AppState,
    pub access: PatientAccess,
    pub actor: Actor,
    pub meta: RequestMeta,
}

impl Caller<'_> {
    fn tenant(&self) -> TenantId {
        self.access.tenant
    }
    /// Surveyors see only the patients they registered.
    fn registered_by_filter(&self) -> Option<Uuid> {
        self.access
            .only_own_enrollments
            .then_some(self.access.user.0)
    }
    fn may_see(&self, p: &PatientRecord) -> bool {
        !self.access.only_own_enrollments || p.registered_by == Some(self.access.user.0)
    }
    async fn write(&self) -> ApiResult<TenantTx> {
        Ok(self
            .state
            .db
            .tenant_tx(self.tenant(), Access::Write)
            .await?)
    }
    async fn record(
        &self,
        tx: &mut TenantTx,
        action: AuditAction,
        entity: &'static str,
        id: Option<Uuid>,
        detail: serde_json::Value,
    ) -> ApiResult<()> {
        let event = NewAuditEvent::new(self.actor, action, entity, id).with_detail(detail);
        audit::record(tx, &self.meta, event).await?;
        Ok(())
    }
    async fn tenant_code(&self) -> ApiResult<TenantCode> {
        let t = self
            .state
            .tenants
            .get(self.tenant())
            .await?
            .ok_or(DomainError::NotFound { entity: "tenant" })?;
        Ok(TenantCode::parse(&t.code)?)
    }
}

pub fn patient_not_found() -> ApiError {
    DomainError::NotFound { entity: "patient" }.into()
}

/// A possible duplicate and why.
pub struct DuplicateMatch {
    pub patient: PatientRecord,
    pub reasons: Vec<MatchReason>,
}

/// The outcome of a registration attempt.
pub struct Registration {
    /// The new patient; `None` when duplicates were found and not overridden.
    pub patient: Option<PatientRecord>,
    pub duplicates: Vec<DuplicateMatch>,
    pub warnings: Vec<String>,
}

/// Most duplicate candidates shown.
const MAX_CANDIDATES: u64 = 10;

async fn find_duplicates(
    caller: &Caller<'_>,
    tx: &TenantTx,
    details: &PatientDetails,
    nid_hash: Option<&str>,
) -> ApiResult<Vec<DuplicateMatch>> {
    let keys = details.keys();
    let year = details.birth.year();
    // The widest window any candidate could match with: filter exactly below.
    let window = birth_year_window(true);
    let phone = details.phone.as_ref().map(|p| p.as_str());
    let rows = repo::candidates(
        tx,
        &keys,
        (year - window, year + window),
        phone,
        nid_hash,
        MAX_CANDIDATES,
    )
    .await?;
    let mut out: Vec<DuplicateMatch> = rows
        .into_iter()
        .filter(|p| caller.may_see(p))
        .filter_map(|p| {
            let c = matching::Candidate {
                same_national_id: nid_hash.is_some() && p.national_id_hash.as_deref() == nid_hash,
                same_phone: phone.is_some() && p.phone.as_deref() == phone,
                keys: NameKeys {
                    given: p.given_key.clone(),
                    family: p.family_key.clone(),
                },
                birth_year: p.birth_year,
                birth_estimated: p.birth_estimated,
            };
            let reasons = matching::reasons(&keys, year, details.birth.estimated, &c);
            (!reasons.is_empty()).then_some(DuplicateMatch {
                patient: p,
                reasons,
            })
        })
        .collect();
    out.sort_by_key(|m| m.reasons.first().map(|r| *r as u8));
    Ok(out)
}

async fn unit_path(tx: &TenantTx, unit: UnitId, field: &str) -> ApiResult<String> {
    units::find(tx, unit)
        .await?
        .map(|u| u.path)
        .ok_or_else(|| ApiError::validation(field, "no such administrative unit in this tenant"))
}

/// Likely duplicates of a registration, in an open transaction.
pub(crate) async fn duplicates_in(
    caller: &Caller<'_>,
    tx: &TenantTx,
    details: &PatientDetails,
) -> ApiResult<Vec<DuplicateMatch>> {
    let hash = details
        .national_id
        .as_ref()
        .map(|n| caller.state.pii.national_id_hash(caller.tenant(), n));
    find_duplicates(caller, tx, details, hash.as_deref()).await
}

/// Likely duplicates of a registration, without registering.
pub async fn duplicates(
    caller: &Caller<'_>,
    details: &PatientDetails,
) -> ApiResult<Vec<DuplicateMatch>> {
    caller.access.require_register()?;
    let mut tx = caller.write().await?;
    let found = duplicates_in(caller, &tx, details).await?;
    if !found.is_empty() {
        record_candidates_shown(caller, &mut tx, &found).await?;
    }
    tx.commit().await?;
    Ok(found)
}

/// Duplicate candidates are patients' demographics shown to the clerk: audited.
async fn record_candidates_shown(
    caller: &Caller<'_>,
    tx: &mut TenantTx,
    shown: &[DuplicateMatch],
) -> ApiResult<()> {
    let refs: Vec<&PatientRecord> = shown.iter().map(|d| &d.patient).collect();
    let how = serde_json::json!({ "via": "duplicate_check" });
    record_reads(caller, tx, AuditAction::PatientSearch, &refs, how).await
}

/// A fresh random health ID not used before in the tenant.
async fn new_health_id(tx: &TenantTx, code: &TenantCode) -> ApiResult<HealthId> {
    for _ in 0..8 {
        let serial =
            rand::rngs::OsRng.gen_range(0..arogya_domain::patient::health_id::SERIAL_SPACE);
        let id = HealthId::from_serial(code, serial);
        if !repo::health_id_taken(tx, &id.to_string()).await? {
            return Ok(id);
        }
    }
    Err(ApiError::Internal)
}

/// Register a patient in an open transaction (shared by registration, household
/// enrolment and survey import). Returns duplicates instead when there are any and
/// the caller did not confirm.
pub(crate) async fn register_in(
    caller: &Caller<'_>,
    tx: &mut TenantTx,
    code: &TenantCode,
    details: &PatientDetails,
    confirm_not_duplicate: bool,
    household: Option<&HouseholdRecord>,
) -> ApiResult<Registration> {
    let hash = details
        .national_id
        .as_ref()
        .map(|n| caller.state.pii.national_id_hash(caller.tenant(), n));
    let duplicates = find_duplicates(caller, tx, details, hash.as_deref()).await?;
    if !duplicates.is_empty() && !confirm_not_duplicate {
        record_candidates_shown(caller, tx, &duplicates).await?;
        return Ok(Registration {
            patient: None,
            duplicates,
            warnings: details.warnings.clone(),
        });
    }
    let unit_path = match (&details.address, household) {
        (Some(a), _) => Some(unit_path(tx, a.unit, "address.unitId").await?),
        (None, Some(h)) => Some(h.unit_path.clone()),
        (None, None) => None,
    };
    let health_id = new_health_id(tx, code).await?;
    let patient = repo::insert(
        tx,
        NewPatient {
            details,
            health_id: &health_id,
            unit_path,
            national_id_hash: hash,
            household: household.map(|h| h.id),
            registered_by: caller.actor.id(),
        },
    )
    .await?;
    let overridden: Vec<String> = duplicates
        .iter()
        .map(|d| d.patient.health_id.clone())
        .collect();
    caller
        .record(
            tx,
            AuditAction::PatientRegister,
            "patient",
            Some(patient.id),
            serde_json::json!({ "healthId": patient.health_id, "household": household.map(|h| h.id), "confirmedNotDuplicateOf": overridden }),
        )
        .await?;
    Ok(Registration {
        patient: Some(patient),
        duplicates,
        warnings: details.warnings.clone(),
    })
}

pub async fn register(
    caller: &Caller<'_>,
    details: &PatientDetails,
    confirm_not_duplicate: bool,
) -> ApiResult<Registration> {
    caller.access.require_register()?;
    let code = caller.tenant_code().await?;
    let mut tx = caller.write().await?;
    let r = register_in(caller, &mut tx, &code, details, confirm_not_duplicate, None).await?;
    tx.commit().await?;
    Ok(r)
}

/// Correct a patient's demographics (a new version; the health ID stays). The audit
/// entry names the fields that changed, not their values.
pub async fn update(
    caller: &Caller<'_>,
    id: Uuid,
    expected_version: i32,
    details: &PatientDetails,
) -> ApiResult<PatientRecord> {
    caller.access.require_register()?;
    if !caller.access.contact {
        return Err(ApiError::Forbidden(
            "your roles may not correct patients' details".into(),
        ));
    }
    let mut tx = caller.write().await?;
    let current = repo::find(&tx, id)
        .await?
        .filter(|p| caller.may_see(p))
        .ok_or_else(patient_not_found)?;
    if current.merged_into.is_some() {
        return Err(ApiError::validation(
            "id",
            "this record was merged: correct the surviving record",
        ));
    }
    let path = match &details.address {
        Some(a) => Some(unit_path(&tx, a.unit, "address.unitId").await?),
        None => None,
    };
    let hash = details
        .national_id
        .as_ref()
        .map(|n| caller.state.pii.national_id_hash(caller.tenant(), n));
    let updated =
        repo::update_demographics(&tx, &current, expected_version, details, path, hash).await?;
    let changed = changed_fields(&current, &updated);
    caller
        .record(&mut tx, AuditAction::PatientUpdate, "patient", Some(id), serde_json::json!({ "healthId": updated.health_id, "changed": changed, "version": updated.version }))
        .await?;
    tx.commit().await?;
    Ok(updated)
}

/// Names of the demographic fields that differ between two versions.
fn changed_fields(a: &PatientRecord, b: &PatientRecord) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut check = |name: &'static str, differs: bool| {
        if differs {
            out.push(name)
        }
    };
    check("givenName", a.given_name != b.given_name);
    check("familyName", a.family_name != b.family_name);
    check("localName", a.local_name != b.local_name);
    check("sex", a.sex != b.sex);
    check(
        "birthDate",
        a.birth_date != b.birth_date || a.birth_estimated != b.birth_estimated,
    );
    check("phone", a.phone != b.phone);
    check(
        "address",
        a.unit_id != b.unit_id || a.address_line != b.address_line || a.pincode != b.pincode,
    );
    check(
        "guardian",
        a.guardian_name != b.guardian_name
            || a.guardian_relation != b.guardian_relation
            || a.guardian_phone != b.guardian_phone,
    );
    check(
        "preferredLanguage",
        a.preferred_language != b.preferred_language,
    );
    check("abhaNumber", a.abha_number != b.abha_number);
    check("nationalId", a.national_id_hash != b.national_id_hash);
    out
}

/// Record that the caller viewed these patients' demographics.
async fn record_reads(
    caller: &Caller<'_>,
    tx: &mut TenantTx,
    action: AuditAction,
    found: &[&PatientRecord],
    how: serde_json::Value,
) -> ApiResult<()> {
    match found {
        [one] => {
            caller
                .record(tx, action, "patient", Some(one.id), how)
                .await
        }
        many => {
            let ids: Vec<&str> = many.iter().map(|p| p.health_id.as_str()).collect();
            let mut detail = how;
            detail["healthIds"] = serde_json::json!(ids);
            caller.record(tx, action, "patient", None, detail).await
        }
    }
}

/// The hospitals' main flow: the patient behind a card number, following merges.
pub async fn by_health_id(
    caller: &Caller<'_>,
    raw: &str,
    purpose: Option<&str>,
) -> ApiResult<PatientRecord> {
    let id = HealthId::parse(raw)?;
    let code = caller.tenant_code().await?;
    if !id.issued_by(&code) {
        return Err(ApiError::NotFound(format!(
            "no such patient here: this health ID was issued by tenant {}",
            id.tenant_code()
        )));
    }
    let detail =
        serde_json::json!({ "via": "health_id", "asked": id.to_string(), "purpose": purpose });
    // The fast path (PostgreSQL): one round trip reads and audits. Surveyors take the
    // general path, which checks visibility before anything is recorded.
    if !caller.access.only_own_enrollments {
        let fast = repo::read_by_health_id_audited(
            &caller.state.db,
            caller.tenant(),
            &id,
            &caller.meta,
            caller.actor,
            detail.clone(),
        )
        .await?;
        match fast {
            Some(None) => return Err(patient_not_found()),
            Some(Some(p)) if p.merged_into.is_none() => return Ok(p),
            // SQLite, or a merged record: resolve and audit in a transaction.
            _ => {}
        }
    }
    let mut tx = caller.write().await?;
    let found = match repo::find_by_health_id(&tx, &id).await? {
        Some(p) => Some(repo::resolve(&tx, p).await?),
        None => None,
    };
    let found = found
        .filter(|p| caller.may_see(p))
        .ok_or_else(patient_not_found)?;
    record_reads(caller, &mut tx, AuditAction::PatientRead, &[&found], detail).await?;
    tx.commit().await?;
    Ok(found)
}

pub async fn by_id(
    caller: &Caller<'_>,
    id: Uuid,
    purpose: Option<&str>,
) -> ApiResult<PatientRecord> {
    let mut tx = caller.write().await?;
    let found = repo::find(&tx, id)
        .await?
        .filter(|p| caller.may_see(p))
        .ok_or_else(patient_not_found)?;
    record_reads(
        caller,
        &mut tx,
        AuditAction::PatientRead,
        &[&found],
        serde_json::json!({ "via": "id", "purpose": purpose }),
    )
    .await?;
    tx.commit().await?;
    Ok(found)
}

/// What a search asks for.
pub enum PatientSearch {
    Phone(String),
    /// Words of the name, optionally with an age band in years.
    Name {
        words: Vec<String>,
        age: Option<(i32, i32)>,
    },
}

pub const MAX_SEARCH_RESULTS: u64 = 50;

pub async fn search(caller: &Caller<'_>, query: PatientSearch) -> ApiResult<Vec<PatientRecord>> {
    let mut tx = caller.write().await?;
    let own = caller.registered_by_filter();
    let (rows, how) = match &query {
        PatientSearch::Phone(p) => (
            repo::by_phone(&tx, p, own, MAX_SEARCH_RESULTS).await?,
            serde_json::json!({ "via": "phone" }),
        ),
        PatientSearch::Name { words, age } => {
            let keys: Vec<String> = words
                .iter()
                .map(|w| arogya_domain::patient::name_key::word_key(w))
                .filter(|k| !k.is_empty())
                .collect();
            let Some(first) = keys.first() else {
                return Err(ApiError::validation(
                    "name",
                    "type at least one word of the name in Latin letters",
                ));
            };
            let second = (keys.len() > 1).then(|| keys[1..].concat());
            let years = age.map(|(from, to)| {
                let y = chrono::Datelike::year(&today());
                (y - to - 1, y - from)
            });
            (
                repo::by_name(
                    &tx,
                    first,
                    second.as_deref(),
                    years,
                    own,
                    MAX_SEARCH_RESULTS,
                )
                .await?,
                serde_json::json!({ "via": "name", "age": age.map(|(a, b)| [a, b]) }),
            )
        }
    };
    if !rows.is_empty() {
        let refs: Vec<&PatientRecord> = rows.iter().collect();
        record_reads(caller, &mut tx, AuditAction::PatientSearch, &refs, how).await?;
    }
    tx.commit().await?;
    Ok(rows)
}

/// Merge `merged` into `survivor`: the survivor keeps everything linked to either.
pub async fn merge(
    caller: &Caller<'_>,
    survivor: Uuid,
    merged: Uuid,
    expected_version: i32,
) -> ApiResult<(PatientRecord, PatientRecord)> {
    caller.access.require_admin()?;
    if survivor == merged {
        return Err(ApiError::validation(
            "mergedId",
            "a record cannot be merged into itself",
        ));
    }
    let mut tx = caller.write().await?;
    let s = repo::find(&tx, survivor)
        .await?
        .ok_or_else(patient_not_found)?;
    let m = repo::find(&tx, merged)
        .await?
        .ok_or_else(patient_not_found)?;
    if s.merged_into.is_some() {
        return Err(ApiError::validation(
            "survivorId",
            "this record was itself merged into another: merge into that one",
        ));
    }
    if m.merged_into.is_some() {
        return Err(ApiError::validation(
            "mergedId",
            "this record is already merged",
        ));
    }
    let m = repo::set_merged_into(&tx, &m, expected_version, Some(s.id), caller.actor.id()).await?;
    // Records merged into the one going away now point to the survivor directly.
    for child in repo::merged_into(&tx, m.id).await? {
        repo::set_merged_into(&tx, &child, child.version, Some(s.id), caller.actor.id()).await?;
    }
    caller
        .record(
            &mut tx,
            AuditAction::PatientMerge,
            "patient",
            Some(m.id),
            serde_json::json!({ "survivor": s.health_id, "merged": m.health_id }),
        )
        .await?;
    tx.commit().await?;
    Ok((s, m))
}

/// Undo a merge: the record stands on its own again.
pub async fn unmerge(
    caller: &Caller<'_>,
    merged: Uuid,
    expected_version: i32,
) -> ApiResult<PatientRecord> {
    caller.access.require_admin()?;
    let mut tx = caller.write().await?;
    let m = repo::find(&tx, merged)
        .await?
        .ok_or_else(patient_not_found)?;
    let Some(survivor) = m.merged_into else {
        return Err(ApiError::validation("id", "this record is not merged"));
    };
    let m = repo::set_merged_into(&tx, &m, expected_version, None, None).await?;
    caller
        .record(
            &mut tx,
            AuditAction::PatientUnmerge,
            "patient",
            Some(m.id),
            serde_json::json!({ "formerSurvivor": survivor, "healthId": m.health_id }),
        )
        .await?;
    tx.commit().await?;
    Ok(m)
}

/// The signed QR payload of a card.
pub fn card_payload(
    state: &AppState,
    card: &CardRecord,
    patient: &PatientRecord,
    tenant_code: &str,
) -> String {
    let name = match &patient.family_name {
        Some(f) => format!("{} {f}", patient.given_name),
        None => patient.given_name.clone(),
    };
    let claims = CardClaims {
        hid: card.health_id.clone(),
        tnt: tenant_code.to_owned(),
        name,
        yob: patient.birth_year,
        cid: card.id.to_string(),
        iat: card.issued_at.timestamp(),
    };
    state.pii.sign_card(TenantId(card.tenant_id), &claims)
}

async fn live_patient(caller: &Caller<'_>, tx: &TenantTx, id: Uuid) -> ApiResult<PatientRecord> {
    let p = repo::find(tx, id)
        .await?
        .filter(|p| caller.may_see(p))
        .ok_or_else(patient_not_found)?;
    if p.merged_into.is_some() {
        return Err(ApiError::validation(
            "patientId",
            "this record was merged: issue the card for the surviving record",
        ));
    }
    Ok(p)
}

/// Issue a card for `holder` in an open transaction, audited: a first card, or one
/// replacing `replaces` (the old card already ended) for the reason given.
async fn issue_card_in(
    caller: &Caller<'_>,
    tx: &mut TenantTx,
    holder: &PatientRecord,
    replaces: Option<(&CardRecord, ReissueReason)>,
) -> ApiResult<CardRecord> {
    let card = cards::insert(
        tx,
        NewCard {
            patient: holder.id,
            health_id: holder.health_id.clone(),
            unit_path: holder.unit_path.clone(),
            replaces: replaces.map(|(old, _)| old.id),
            issued_by: caller.actor.id(),
        },
    )
    .await?;
    let (action, detail) = match replaces {
        None => (
            AuditAction::CardIssue,
            serde_json::json!({ "healthId": holder.health_id }),
        ),
        Some((old, reason)) => (
            AuditAction::CardReissue,
            serde_json::json!({ "healthId": holder.health_id, "replaces": old.id, "reason": reason.as_str() }),
        ),
    };
    caller
        .record(tx, action, "card", Some(card.id), detail)
        .await?;
    Ok(card)
}

/// A newly registered household member: head of the household when asked (or when
/// it has none yet), and a card.
pub(crate) async fn enrol_in(
    caller: &Caller<'_>,
    tx: &mut TenantTx,
    household: &HouseholdRecord,
    member: &PatientRecord,
    head: bool,
) -> ApiResult<CardRecord> {
    if head || household.head_patient_id.is_none() {
        households::set_head(tx, household.id, member.id).await?;
    }
    issue_card_in(caller, tx, member, None).await
}

/// Issue a first card; a patient with an active card gets a reissue instead.
pub async fn issue_card(caller: &Caller<'_>, patient: Uuid) -> ApiResult<CardRecord> {
    caller.access.require_register()?;
    let mut tx = caller.write().await?;
    let p = live_patient(caller, &tx, patient).await?;
    if cards::active_for_health_id(&tx, &p.health_id)
        .await?
        .is_some()
    {
        return Err(ApiError::validation(
            "patientId",
            "the patient already has an active card: reissue it if it is lost or damaged",
        ));
    }
    let card = issue_card_in(caller, &mut tx, &p, None).await?;
    tx.commit().await?;
    Ok(card)
}

async fn active_card(
    caller: &Caller<'_>,
    tx: &TenantTx,
    id: Uuid,
) -> ApiResult<(CardRecord, PatientRecord)> {
    let card = cards::find(tx, id)
        .await?
        .ok_or(DomainError::NotFound { entity: "card" })?;
    let p = repo::find(tx, card.patient_id)
        .await?
        .filter(|p| caller.may_see(p))
        .ok_or(DomainError::NotFound { entity: "card" })?;
    CardStatus::parse(&card.status)?.require_active()?;
    Ok((card, p))
}

/// A new card for a lost or damaged one, which is marked replaced.
pub async fn reissue_card(
    caller: &Caller<'_>,
    card: Uuid,
    reason: ReissueReason,
    note: Option<&str>,
) -> ApiResult<CardRecord> {
    caller.access.require_register()?;
    let note = note.map(reason_text).transpose()?;
    let mut tx = caller.write().await?;
    let (old, p) = active_card(caller, &tx, card).await?;
    let stated = match &note {
        Some(n) => format!("{}: {n}", reason.as_str()),
        None => reason.as_str().to_owned(),
    };
    cards::end(&tx, &old, CardStatus::Replaced, &stated).await?;
    let holder = repo::resolve(&tx, p).await?;
    let new = issue_card_in(caller, &mut tx, &holder, Some((&old, reason))).await?;
    tx.commit().await?;
    Ok(new)
}

pub async fn revoke_card(caller: &Caller<'_>, card: Uuid, reason: &str) -> ApiResult<CardRecord> {
    caller.access.require_admin()?;
    let reason = reason_text(reason)?;
    let mut tx = caller.write().await?;
    let (old, _) = active_card(caller, &tx, card).await?;
    cards::end(&tx, &old, CardStatus::Revoked, &reason).await?;
    caller
        .record(
            &mut tx,
            AuditAction::CardRevoke,
            "card",
            Some(old.id),
            serde_json::json!({ "reason": reason }),
        )
        .await?;
    let c = cards::find(&tx, old.id)
        .await?
        .ok_or(DomainError::NotFound { entity: "card" })?;
    tx.commit().await?;
    Ok(c)
}

pub async fn set_delivery(
    caller: &Caller<'_>,
    card: Uuid,
    delivery: DeliveryStatus,
) -> ApiResult<CardRecord> {
    caller.access.require_register()?;
    let mut tx = caller.write().await?;
    let (c, _) = active_card(caller, &tx, card).await?;
    let from = DeliveryStatus::parse(&c.delivery)?;
    if !from.can_move_to(delivery) {
        return Err(ApiError::validation(
            "delivery",
            format!(
                "a {} card cannot become {}",
                from.as_str(),
                delivery.as_str()
            ),
        ));
    }
    let c = cards::set_delivery(&tx, &c, delivery).await?;
    caller
        .record(
            &mut tx,
            AuditAction::CardDelivery,
            "card",
            Some(c.id),
            serde_json::json!({ "from": from.as_str(), "to": delivery.as_str() }),
        )
        .await?;
    tx.commit().await?;
    Ok(c)
}

/// The active card for a health ID and its holder, for printing (audited).
pub async fn card_for_print(
    caller: &Caller<'_>,
    raw: &str,
    format: &str,
) -> ApiResult<(CardRecord, PatientRecord, String)> {
    let id = HealthId::parse(raw)?;
    let code = caller.tenant_code().await?;
    if !id.issued_by(&code) {
        return Err(patient_not_found());
    }
    let mut tx = caller.write().await?;
    let card = cards::active_for_health_id(&tx, &id.to_string())
        .await?
        .ok_or_else(|| {
            ApiError::NotFound("no active card for this health ID: issue one first".into())
        })?;
    let p = repo::find(&tx, card.patient_id)
        .await?
        .filter(|p| caller.may_see(p))
        .ok_or_else(patient_not_found)?;
    caller
        .record(
            &mut tx,
            AuditAction::CardPrint,
            "card",
            Some(card.id),
            serde_json::json!({ "healthId": card.health_id, "format": format }),
        )
        .await?;
    tx.commit().await?;
    let tenant = caller
        .state
        .tenants
        .get(caller.tenant())
        .await?
        .map(|t| t.name)
        .unwrap_or_default();
    Ok((card, p, tenant))
}

/// What a scanned QR code says, and whether the card is still current.
pub struct CardCheck {
    pub claims: Option<CardClaims>,
    pub signature_valid: bool,
    /// `None` when the card belongs to another tenant (its status is theirs to tell).
    pub current: Option<bool>,
    pub status: Option<CardStatus>,
    pub message: String,
}

pub async fn verify_card(caller: &Caller<'_>, payload: &str) -> ApiResult<CardCheck> {
    use arogya_infra::pii::unverified_card_claims;
    let invalid = |m: &str| CardCheck {
        claims: None,
        signature_valid: false,
        current: Some(false),
        status: None,
        message: m.to_owned(),
    };
    let Ok(claims) = unverified_card_claims(payload) else {
        return Ok(invalid("this is not an Arogya card code"));
    };
    let Ok(code) = TenantCode::parse(&claims.tnt) else {
        return Ok(invalid("the card names an unknown tenant"));
    };
    let Some(issuer) =
        arogya_infra::repos::tenants::find_by_code(caller.state.db.conn(), &code).await?
    else {
        return Ok(invalid("the card names an unknown tenant"));
    };
    let issuer = TenantId(issuer.id);
    let Ok(claims) = caller.state.pii.verify_card(issuer, payload) else {
        return Ok(invalid(
            "the signature does not match: the card may be forged or altered",
        ));
    };
    if issuer != caller.tenant() {
        return Ok(CardCheck {
            claims: Some(claims),
            signature_valid: true,
            current: None,
            status: None,
            message: format!(
                "a genuine card of tenant {}; ask them whether it is still current",
                code
            ),
        });
    }
    let card_id = Uuid::parse_str(&claims.cid).ok();
    let tx = caller
        .state
        .db
        .tenant_tx(caller.tenant(), Access::Read)
        .await?;
    let card = match card_id {
        Some(id) => cards::find(&tx, id).await?,
        None => None,
    };
    tx.commit().await?;
    let status = card
        .as_ref()
        .map(|c| CardStatus::parse(&c.status))
        .transpose()?;
    let current = status == Some(CardStatus::Active);
    let message = match status {
        Some(CardStatus::Active) => "a genuine, current card".to_owned(),
        Some(s) => format!("a genuine card, but it was {}", s.as_str()),
        None => "a genuine signature, but no such card is on record".to_owned(),
    };
    Ok(CardCheck {
        claims: Some(claims),
        signature_valid: true,
        current: Some(current),
        status,
        message,
    })
}

/// Record that the caller viewed the members of these households.
pub async fn record_member_views(caller: &Caller<'_>, households: &[Uuid]) -> ApiResult<()> {
    if households.is_empty() {
        return Ok(());
    }
    let mut tx = caller.write().await?;
    caller
        .record(
            &mut tx,
            AuditAction::PatientRead,
            "household",
            None,
            serde_json::json!({ "via": "household_members", "households": households }),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

/// A new household (surveyors and administrators).
pub async fn create_household(
    caller: &Caller<'_>,
    details: &HouseholdDetails,
) -> ApiResult<HouseholdRecord> {
    caller.access.require_register()?;
    let mut tx = caller.write().await?;
    let h = create_household_in(caller, &mut tx, details).await?;
    tx.commit().await?;
    Ok(h)
}

pub(crate) async fn create_household_in(
    caller: &Caller<'_>,
    tx: &mut TenantTx,
    details: &HouseholdDetails,
) -> ApiResult<HouseholdRecord> {
    let path = unit_path(tx, details.unit, "unitId").await?;
    let h = households::insert(tx, details, &path, caller.access.user.0).await?;
    caller
        .record(
            tx,
            AuditAction::HouseholdCreate,
            "household",
            Some(h.id),
            serde_json::json!({ "unit": details.unit.0 }),
        )
        .await?;
    Ok(h)
}

/// The household, if the caller may see it (a surveyor: only their own).
pub async fn household(caller: &Caller<'_>, tx: &TenantTx, id: Uuid) -> ApiResult<HouseholdRecord> {
    households::find(tx, id)
        .await?
        .filter(|h| !caller.access.only_own_enrollments || h.enrolled_by == caller.access.user.0)
        .ok_or_else(|| {
            DomainError::NotFound {
                entity: "household",
            }
            .into()
        })
}

/// Enrol a member: registered (with duplicate detection) and, when new, given a card.
pub async fn enroll_member(
    caller: &Caller<'_>,
    household_id: Uuid,
    details: &PatientDetails,
    head: bool,
    confirm_not_duplicate: bool,
) -> ApiResult<(Registration, Option<CardRecord>)> {
    caller.access.require_register()?;
    let code = caller.tenant_code().await?;
    let mut tx = caller.write().await?;
    let h = household(caller, &tx, household_id).await?;
    let r = register_in(
        caller,
        &mut tx,
        &code,
        details,
        confirm_not_duplicate,
        Some(&h),
    )
    .await?;
    let card = match &r.patient {
        Some(p) => {
            let card = enrol_in(caller, &mut tx, &h, p, head).await?;
            Some(card)
        }
        None => None,
    };
    tx.commit().await?;
    Ok((r, card))
}

/// Survey figures for one unit of the tree (a district or block).
#[derive(Debug, Clone, Default)]
pub struct SurveyProgress {
    pub unit: Option<units::UnitRecord>,
    pub households: i64,
    pub enrolled: i64,
    pub cards_issued: i64,
    pub cards_printed: i64,
    pub cards_delivered: i64,
}

/// Progress for `root` itself and for each of its children (districts under the
/// state, blocks under a district), in one pass over grouped counts.
pub async fn survey_progress(
    caller: &Caller<'_>,
    root: Option<UnitId>,
) -> ApiResult<Vec<SurveyProgress>> {
    if caller.access.only_own_enrollments {
        return Err(ApiError::Forbidden(
            "survey progress is for supervisors and administrators".into(),
        ));
    }
    let tx = caller
        .state
        .db
        .tenant_tx(caller.tenant(), Access::Read)
        .await?;
    let root_unit = match root {
        Some(id) => Some(
            units::find(&tx, id)
                .await?
                .ok_or(DomainError::NotFound { entity: "unit" })?,
        ),
        None => None,
    };
    let prefix = root_unit.as_ref().map(|u| u.path.clone());
    let children = units::children(&tx, root).await?;
    let households = households::counts_by_unit_path(&tx, prefix.as_deref()).await?;
    let enrolled = repo::enrolled_by_unit_path(&tx, prefix.as_deref()).await?;
    let cards = cards::counts_by_unit_path(&tx, prefix.as_deref()).await?;
    tx.commit().await?;
    let mut rows: Vec<SurveyProgress> = std::iter::once(root_unit.clone())
        .chain(children.into_iter().map(Some))
        .map(|unit| SurveyProgress {
            unit,
            ..Default::default()
        })
        .collect();
    let within = |row: &SurveyProgress, path: &str| match &row.unit {
        Some(u) => path.starts_with(&u.path),
        None => true,
    };
    for row in rows.iter_mut() {
        row.households = households
            .iter()
            .filter(|(p, _)| within(row, p))
            .map(|(_, n)| n)
            .sum();
        row.enrolled = enrolled
            .iter()
            .filter(|(p, _)| p.as_deref().is_some_and(|p| within(row, p)))
            .map(|(_, n)| n)
            .sum();
        for (path, delivery, n) in &cards {
            if !path.as_deref().is_some_and(|p| within(row, p)) {
                continue;
            }
            row.cards_issued += n;
            match DeliveryStatus::parse(delivery)? {
                DeliveryStatus::Printed => row.cards_printed += n,
                DeliveryStatus::Delivered => {
                    row.cards_printed += n;
                    row.cards_delivered += n
                }
                DeliveryStatus::Pending => {}
            }
        }
    }
    Ok(rows)
}
