//! Writing health records: encounters, entries in them, corrections (new versions)
//! and entered-in-error marks. Nothing is ever overwritten in place.

#[allow(unused_imports)]
use super::*;
use arogya_domain::clinical::encounter::{EncounterDetails, EncounterForm};
use arogya_domain::clinical::entry::error_reason;
use arogya_domain::professional::ensure_can_author;
use arogya_infra::repos::clinical::{NewEntry, Revision};
use arogya_infra::repos::facilities;

/// The fields of an encounter a caller gives (the attending professional apart).
pub struct EncounterInput {
    pub form: EncounterForm,
    /// `None`: the caller attends.
    pub attending: Option<Uuid>,
}

/// Is `professional` verified and posted at `facility` today?
async fn check_attending(tx: &TenantTx, professional: Uuid, facility: Uuid) -> ApiResult<()> {
    let p = professionals::find(tx, professional)
        .await?
        .ok_or_else(|| ApiError::validation("attendingProfessionalId", "no such professional"))?;
    ensure_can_author(VerificationStatus::parse(&p.status)?).map_err(|_| {
        ApiError::validation(
            "attendingProfessionalId",
            "the attending professional must be verified",
        )
    })?;
    let posted = professionals::attachments_of_professionals(tx, &[p.id], Some(today()))
        .await?
        .iter()
        .any(|a| a.facility_id == facility);
    if !posted {
        return Err(ApiError::validation(
            "attendingProfessionalId",
            "the attending professional is not posted at this facility",
        ));
    }
    Ok(())
}

/// Open an encounter for a patient at one of the caller's facilities. This is how a
/// patient who walks in with a card comes into care there.
pub async fn start_encounter(
    c: &Clinical<'_>,
    patient: Uuid,
    facility: Uuid,
    mut input: EncounterInput,
) -> ApiResult<EntryRecord> {
    let mut tx = c.tx().await?;
    let me = c.me(&tx).await?;
    facilities::find(&tx, FacilityId(facility))
        .await?
        .ok_or(DomainError::NotFound { entity: "facility" })?;
    me.clinician
        .require_write(EntryKind::Encounter, FacilityId(facility))?;
    let scope = patient_scope(&tx, patient).await?;
    let attending = input.attending.unwrap_or(me.professional.id);
    check_attending(&tx, attending, facility).await?;
    input.form.attending = attending;
    let details = input.form.validate(Utc::now())?;
    let status = if details.end.is_some() {
        EntryStatus::Finished
    } else {
        EntryStatus::InProgress
    };
    let entry = repo::insert(
        &tx,
        NewEntry {
            patient: scope.patient.id,
            encounter: None,
            kind: EntryKind::Encounter,
            status,
            facility,
            author: me.author(),
            occurred_at: details.start,
            details: EntryDetails::Encounter(details).to_json(),
            code: None,
            order: None,
        },
    )
    .await?;
    c.audit(
        &mut tx,
        AuditAction::RecordCreate,
        &entry,
        serde_json::json!({ "facilityId": facility }),
    )
    .await?;
    tx.commit().await?;
    Ok(entry)
}

/// Changes to an encounter: its status (finish, cancel) and corrected fields.
pub struct EncounterChange {
    pub status: Option<EntryStatus>,
    pub department: Option<String>,
    pub reason: Option<String>,
    pub end: Option<DateTime<Utc>>,
    pub attending: Option<Uuid>,
    pub outcome: Option<arogya_domain::clinical::encounter::EncounterOutcome>,
}

pub async fn update_encounter(
    c: &Clinical<'_>,
    id: Uuid,
    expected_version: i32,
    change: EncounterChange,
) -> ApiResult<EntryRecord> {
    let mut tx = c.tx().await?;
    let me = c.me(&tx).await?;
    let current = repo::find(&tx, id)
        .await?
        .filter(|e| e.kind == EntryKind::Encounter.as_str())
        .ok_or(DomainError::NotFound {
            entity: "encounter",
        })?;
    me.clinician
        .require_write(EntryKind::Encounter, FacilityId(current.facility_id))?;
    let EntryDetails::Encounter(old) = details_of(&current.kind, &current.details)? else {
        return Err(ApiError::Internal);
    };
    let from = EntryStatus::parse(&current.status)?;
    let status = from.transition(change.status.unwrap_or(from))?;
    if let Some(a) = change.attending {
        check_attending(&tx, a, current.facility_id).await?;
    }
    let end = match (change.end, old.end) {
        (Some(e), _) => Some(e),
        (None, Some(e)) => Some(e),
        (None, None) if status == EntryStatus::Finished => Some(Utc::now()),
        (None, None) => None,
    };
    let form = EncounterForm {
        kind: old.kind,
        attending: change.attending.unwrap_or(old.attending),
        department: change.department.or(old.department),
        reason: change.reason.or(old.reason),
        start: Some(old.start),
        end,
        outcome: change.outcome.or(old.outcome),
    };
    let details: EncounterDetails = form.validate(Utc::now())?;
    let entry = repo::revise(
        &tx,
        &current,
        expected_version,
        Revision {
            status,
            occurred_at: details.start,
            details: EntryDetails::Encounter(details).to_json(),
            code: None,
            author: me.author(),
            reason: None,
            error_reason: None,
        },
    )
    .await?;
    c.audit(
        &mut tx,
        AuditAction::RecordCorrect,
        &entry,
        serde_json::json!({ "status": status.as_str() }),
    )
    .await?;
    tx.commit().await?;
    Ok(entry)
}

fn check_time(t: Option<DateTime<Utc>>) -> ApiResult<DateTime<Utc>> {
    let now = Utc::now();
    match t {
        Some(t) if t > now + chrono::Duration::minutes(10) => Err(ApiError::validation(
            "occurredAt",
            "must not be in the future",
        )),
        Some(t) => Ok(t),
        None => Ok(now),
    }
}

/// The ICD-10 code a diagnosis entry is indexed by.
fn code_of(details: &EntryDetails) -> Option<String> {
    match details {
        EntryDetails::Diagnosis(d) => Some(d.code.clone()),
        _ => None,
    }
}

/// Record an entry in an encounter. A lab result names its order, which must belong
/// to the same encounter.
pub async fn add_entry(
    c: &Clinical<'_>,
    encounter: Uuid,
    details: EntryDetails,
    occurred_at: Option<DateTime<Utc>>,
    order: Option<Uuid>,
) -> ApiResult<EntryRecord> {
    let kind = details.kind();
    if kind == EntryKind::Encounter {
        return Err(ApiError::validation(
            "entry",
            "start encounters with startEncounter",
        ));
    }
    let mut tx = c.tx().await?;
    let me = c.me(&tx).await?;
    let enc = repo::find(&tx, encounter)
        .await?
        .filter(|e| e.kind == EntryKind::Encounter.as_str())
        .ok_or(DomainError::NotFound {
            entity: "encounter",
        })?;
    me.clinician
        .require_write(kind, FacilityId(enc.facility_id))?;
    let status = EntryStatus::parse(&enc.status)?;
    if !status.accepts_entries() {
        return Err(ApiError::validation(
            "encounterId",
            format!(
                "a {} encounter takes no more entries",
                status.as_str().replace('_', " ")
            ),
        ));
    }
    match (kind, order) {
        (EntryKind::LabResult, Some(o)) => {
            let ord = repo::find(&tx, o)
                .await?
                .filter(|e| e.kind == EntryKind::LabOrder.as_str())
                .ok_or_else(|| ApiError::validation("orderId", "no such lab order"))?;
            if ord.encounter_id != enc.id {
                return Err(ApiError::validation(
                    "orderId",
                    "the order belongs to another encounter",
                ));
            }
            if ord.status == EntryStatus::EnteredInError.as_str() {
                return Err(ApiError::validation(
                    "orderId",
                    "the order was entered in error",
                ));
            }
        }
        (EntryKind::LabResult, None) => {
            return Err(ApiError::validation(
                "orderId",
                "a result answers a lab order",
            ))
        }
        _ => {}
    }
    let entry = repo::insert(
        &tx,
        NewEntry {
            patient: enc.patient_id,
            encounter: Some(enc.id),
            kind,
            status: EntryStatus::Active,
            facility: enc.facility_id,
            author: me.author(),
            occurred_at: check_time(occurred_at)?,
            code: code_of(&details),
            details: details.to_json(),
            order: order.filter(|_| kind == EntryKind::LabResult),
        },
    )
    .await?;
    c.audit(
        &mut tx,
        AuditAction::RecordCreate,
        &entry,
        serde_json::json!({ "encounterId": enc.id }),
    )
    .await?;
    // A notifiable diagnosis or a positive confirming test raises its case now, in
    // this transaction: the weekly counts never lag behind the records.
    let raised = crate::app::surveillance::cases::on_clinical_entry(
        &mut tx, c.state, c.actor, &c.meta, &entry, &details,
    )
    .await?;
    tx.commit().await?;
    for e in raised {
        c.state.surveillance.committed(e);
    }
    Ok(entry)
}

/// Correct an entry: its new details become the next version; the old stay readable.
pub async fn correct_entry(
    c: &Clinical<'_>,
    id: Uuid,
    expected_version: i32,
    details: EntryDetails,
    occurred_at: Option<DateTime<Utc>>,
    reason: Option<String>,
) -> ApiResult<EntryRecord> {
    let mut tx = c.tx().await?;
    let me = c.me(&tx).await?;
    let current = repo::find(&tx, id).await?.ok_or_else(entry_not_found)?;
    let kind = EntryKind::parse(&current.kind)?;
    if kind == EntryKind::Encounter {
        return Err(ApiError::validation(
            "id",
            "change encounters with updateEncounter",
        ));
    }
    if kind != details.kind() {
        return Err(ApiError::validation(
            "entry",
            format!(
                "this is a {} entry; give its corrected {} details",
                kind.as_str(),
                kind.as_str()
            ),
        ));
    }
    me.clinician
        .require_write(kind, FacilityId(current.facility_id))?;
    if current.status == EntryStatus::EnteredInError.as_str() {
        return Err(ApiError::validation(
            "id",
            "this entry was marked entered in error; record a new one instead",
        ));
    }
    let reason = match reason.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) if r.chars().count() > 500 => {
            return Err(ApiError::validation(
                "reason",
                "must be at most 500 characters",
            ))
        }
        r => r.map(str::to_owned),
    };
    let occurred_at = match occurred_at {
        Some(t) => check_time(Some(t))?,
        None => current.occurred_at,
    };
    let entry = repo::revise(
        &tx,
        &current,
        expected_version,
        Revision {
            status: EntryStatus::Active,
            occurred_at,
            code: code_of(&details),
            details: details.to_json(),
            author: me.author(),
            reason,
            error_reason: None,
        },
    )
    .await?;
    c.audit(
        &mut tx,
        AuditAction::RecordCorrect,
        &entry,
        serde_json::json!({}),
    )
    .await?;
    // A corrected diagnosis or test moves the surveillance cases it gave evidence to.
    let raised = crate::app::surveillance::cases::on_clinical_revision(
        &mut tx,
        c.state,
        c.actor,
        &c.meta,
        &entry,
        Some(&details),
    )
    .await?;
    tx.commit().await?;
    for e in raised {
        c.state.surveillance.committed(e);
    }
    Ok(entry)
}

/// Deleting is replaced by this: the entry stays, marked, with the reason.
pub async fn mark_entered_in_error(
    c: &Clinical<'_>,
    id: Uuid,
    expected_version: i32,
    reason: &str,
) -> ApiResult<EntryRecord> {
    let reason = error_reason(reason)?;
    let mut tx = c.tx().await?;
    let me = c.me(&tx).await?;
    let current = repo::find(&tx, id).await?.ok_or_else(entry_not_found)?;
    let kind = EntryKind::parse(&current.kind)?;
    me.clinician
        .require_write(kind, FacilityId(current.facility_id))?;
    if current.status == EntryStatus::EnteredInError.as_str() {
        return Err(ApiError::validation(
            "id",
            "already marked entered in error",
        ));
    }
    let entry = repo::revise(
        &tx,
        &current,
        expected_version,
        Revision {
            status: EntryStatus::EnteredInError,
            occurred_at: current.occurred_at,
            details: current.details.clone(),
            code: current.code.clone(),
            author: me.author(),
            reason: Some(reason.clone()),
            error_reason: Some(reason),
        },
    )
    .await?;
    c.audit(
        &mut tx,
        AuditAction::RecordEnteredInError,
        &entry,
        serde_json::json!({}),
    )
    .await?;
    // A case raised by this entry alone is discarded with it.
    crate::app::surveillance::cases::on_clinical_revision(
        &mut tx, c.state, c.actor, &c.meta, &entry, None,
    )
    .await?;
    tx.commit().await?;
    Ok(entry)
}

/// A teleconsultation from the helpline, as its doctor records it.
pub struct Teleconsultation {
    pub patient: Uuid,
    /// `None`: the doctor's only posting.
    pub facility: Option<Uuid>,
    pub reason: Option<String>,
    pub note: String,
    pub start: DateTime<Utc>,
}

/// Record a finished teleconsultation encounter with the doctor's consultation note,
/// in the caller's transaction (the helpline ticket changes with it). The doctor must
/// be a verified doctor of the registry, posted at the facility it is recorded at.
pub async fn record_teleconsultation(
    c: &Clinical<'_>,
    tx: &mut TenantTx,
    t: Teleconsultation,
) -> ApiResult<(EntryRecord, EntryRecord)> {
    let me = c.me(tx).await?;
    let facility = match (t.facility, me.postings.as_slice()) {
        (Some(f), _) => f,
        (None, [only]) => only.facility_id,
        (None, []) => {
            return Err(ApiError::Forbidden(
                "you are not posted at any facility".into(),
            ))
        }
        (None, _) => {
            return Err(ApiError::validation(
                "facilityId",
                "you are posted at several facilities: name the one this teleconsultation is recorded at",
            ))
        }
    };
    facilities::find(tx, FacilityId(facility))
        .await?
        .ok_or(DomainError::NotFound { entity: "facility" })?;
    let kind = arogya_domain::professional::ProfessionalKind::parse(&me.professional.kind)?;
    me.clinician
        .require_teleconsultation(kind, FacilityId(facility))?;
    let scope = patient_scope(tx, t.patient).await?;
    let now = Utc::now();
    let details = EncounterForm {
        kind: arogya_domain::clinical::encounter::EncounterKind::Teleconsultation,
        attending: me.professional.id,
        department: Some("Helpline".into()),
        reason: t.reason,
        start: Some(t.start.min(now)),
        end: Some(now),
        outcome: None,
    }
    .validate(now)?;
    let encounter = repo::insert(
        tx,
        NewEntry {
            patient: scope.patient.id,
            encounter: None,
            kind: EntryKind::Encounter,
            status: EntryStatus::Finished,
            facility,
            author: me.author(),
            occurred_at: details.start,
            details: EntryDetails::Encounter(details).to_json(),
            code: None,
            order: None,
        },
    )
    .await?;
    c.audit(
        tx,
        AuditAction::RecordCreate,
        &encounter,
        serde_json::json!({ "facilityId": facility, "via": "helpline" }),
    )
    .await?;
    let note = EntryDetails::Note(arogya_domain::clinical::notes::note(
        arogya_domain::clinical::notes::NoteCategory::Consultation,
        &t.note,
    )?);
    let entry = repo::insert(
        tx,
        NewEntry {
            patient: scope.patient.id,
            encounter: Some(encounter.id),
            kind: EntryKind::Note,
            status: EntryStatus::Active,
            facility,
            author: me.author(),
            occurred_at: now,
            code: None,
            details: note.to_json(),
            order: None,
        },
    )
    .await?;
    c.audit(
        tx,
        AuditAction::RecordCreate,
        &entry,
        serde_json::json!({ "encounterId": encounter.id, "via": "helpline" }),
    )
    .await?;
    Ok((encounter, entry))
}
