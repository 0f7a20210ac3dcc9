//! Registration with duplicate detection, and corrections.

#[allow(unused_imports)]
use super::*;

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
    nid_hashes: &[String],
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
        nid_hashes,
        MAX_CANDIDATES,
    )
    .await?;
    let mut out: Vec<DuplicateMatch> = rows
        .into_iter()
        .filter(|p| caller.may_see(p))
        .filter_map(|p| {
            let c = matching::Candidate {
                same_national_id: p
                    .national_id_hash
                    .as_ref()
                    .is_some_and(|h| nid_hashes.contains(h)),
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

/// The national ID's hash under every PII key version, newest last (stored: newest).
fn national_id_forms(caller: &Caller<'_>, details: &PatientDetails) -> Vec<String> {
    details
        .national_id
        .as_ref()
        .map(|n| caller.state.pii.national_id_hashes(caller.tenant(), n))
        .unwrap_or_default()
}

/// Likely duplicates of a registration, in an open transaction.
pub(crate) async fn duplicates_in(
    caller: &Caller<'_>,
    tx: &TenantTx,
    details: &PatientDetails,
) -> ApiResult<Vec<DuplicateMatch>> {
    let hashes = national_id_forms(caller, details);
    find_duplicates(caller, tx, details, &hashes).await
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
    let hashes = national_id_forms(caller, details);
    let hash = hashes.last().cloned();
    let duplicates = find_duplicates(caller, tx, details, &hashes).await?;
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
