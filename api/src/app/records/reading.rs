//! Reading health records. Each read is checked (in care here, or break-glass with a
//! reason) and logged in the same transaction: no read goes unrecorded.

#[allow(unused_imports)]
use super::*;
use arogya_domain::page::Page;
use arogya_infra::repos::clinical::{TimelineCursor, TimelineQuery};
use arogya_infra::repos::facilities;
use arogya_infra::repos::professionals::AttachmentRecord;

/// Why and how the caller reads.
#[derive(Debug, Clone, Default)]
pub struct ReadRequest {
    pub purpose: Option<String>,
    /// An emergency reason, to open a record outside care.
    pub break_glass: Option<String>,
}

impl ReadRequest {
    fn purpose(&self) -> ApiResult<Option<String>> {
        match self
            .purpose
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            Some(p) if p.chars().count() > 200 => Err(ApiError::validation(
                "purpose",
                "must be at most 200 characters",
            )),
            p => Ok(p.map(str::to_owned)),
        }
    }
}

/// Check that `me` may read `scope`'s record and log the read.
pub(super) async fn open(
    tx: &TenantTx,
    me: &Me,
    scope: &PatientScope,
    viewed: &str,
    entry: Option<Uuid>,
    req: &ReadRequest,
) -> ApiResult<ReadGrant> {
    let purpose = req.purpose()?;
    let in_care: Vec<FacilityId> = repo::facilities_in_care(tx, &scope.ids)
        .await?
        .into_iter()
        .map(FacilityId)
        .collect();
    let grant = me
        .clinician
        .read_grant(&in_care, req.break_glass.as_deref())?;
    let from = reading_from(me, &in_care);
    record_access::record(
        tx,
        NewAccess {
            patient: scope.patient.id,
            actor: me.clinician.staff.user.0,
            professional: Some(me.professional.id),
            facility: from.map(|a| a.facility_id),
            unit_path: from.map(|a| a.facility_unit_path.clone()),
            viewed,
            entry,
            purpose,
            break_glass: match &grant {
                ReadGrant::BreakGlass(reason) => Some(reason.clone()),
                ReadGrant::InCare => None,
            },
        },
    )
    .await?;
    Ok(grant)
}

/// What part of the timeline to show.
pub struct TimelineRequest {
    pub kinds: Vec<EntryKind>,
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    pub after: Option<TimelineCursor>,
    pub oldest_first: bool,
    pub limit: u64,
}

/// A page of the patient's timeline across every facility of the tenant.
pub async fn timeline(
    c: &Clinical<'_>,
    patient: Uuid,
    t: TimelineRequest,
    req: &ReadRequest,
) -> ApiResult<Page<EntryRecord>> {
    if let Some(page) = timeline_fast(c, patient, &t, req).await? {
        return Ok(page);
    }
    let tx = c.tx().await?;
    let me = c.me(&tx).await?;
    let scope = patient_scope(&tx, patient).await?;
    open(&tx, &me, &scope, "timeline", None, req).await?;
    let page = repo::timeline(
        &tx,
        &TimelineQuery {
            patients: scope.ids,
            kinds: t.kinds,
            from: t.from,
            until: t.until,
            after: t.after,
            oldest_first: t.oldest_first,
            limit: t.limit,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(page)
}

/// The same read in two round trips on PostgreSQL (`None` on SQLite): the record's
/// scope, then the logged page. The policy decision stays here, between the two.
async fn timeline_fast(
    c: &Clinical<'_>,
    patient: Uuid,
    t: &TimelineRequest,
    req: &ReadRequest,
) -> ApiResult<Option<Page<EntryRecord>>> {
    let Some(scope) = repo::record_scope_fast(&c.state.db, c.tenant(), patient).await? else {
        return Ok(None);
    };
    let scope = scope.ok_or(DomainError::NotFound { entity: "patient" })?;
    let me = c.me_cached().await?;
    let purpose = req.purpose()?;
    let in_care: Vec<FacilityId> = scope
        .facilities_in_care
        .iter()
        .copied()
        .map(FacilityId)
        .collect();
    let grant = me
        .clinician
        .read_grant(&in_care, req.break_glass.as_deref())?;
    let from = reading_from(&me, &in_care);
    let query = TimelineQuery {
        patients: scope.patients,
        kinds: t.kinds.clone(),
        from: t.from,
        until: t.until,
        after: t.after,
        oldest_first: t.oldest_first,
        limit: t.limit,
    };
    let reader = repo::TimelineReader {
        actor: me.clinician.staff.user.0,
        professional: me.professional.id,
        facility: from.map(|a| a.facility_id),
        unit_path: from.map(|a| a.facility_unit_path.clone()),
        purpose,
        break_glass: match grant {
            ReadGrant::BreakGlass(reason) => Some(reason),
            ReadGrant::InCare => None,
        },
    };
    Ok(Some(
        repo::timeline_fast(&c.state.db, c.tenant(), scope.survivor, &query, reader).await?,
    ))
}

/// The facility the clinician reads from: one where the patient is in care, or their
/// first posting (its district reviews break-glass openings).
fn reading_from<'a>(me: &'a Me, in_care: &[FacilityId]) -> Option<&'a AttachmentRecord> {
    me.postings
        .iter()
        .find(|a| in_care.contains(&FacilityId(a.facility_id)))
        .or(me.postings.first())
}

/// One entry (its history is then a field of it).
pub async fn entry(c: &Clinical<'_>, id: Uuid, req: &ReadRequest) -> ApiResult<EntryRecord> {
    let tx = c.tx().await?;
    let me = c.me(&tx).await?;
    let entry = repo::find(&tx, id).await?.ok_or_else(entry_not_found)?;
    let scope = patient_scope(&tx, entry.patient_id).await?;
    open(&tx, &me, &scope, "entry", Some(id), req).await?;
    tx.commit().await?;
    Ok(entry)
}

/// One entry read through FHIR, with the other entries of its visit (an Encounter
/// lists its diagnoses, a report names its orders). Logged as a `fhir_read`.
pub async fn entry_with_visit(
    c: &Clinical<'_>,
    id: Uuid,
    req: &ReadRequest,
) -> ApiResult<(EntryRecord, Vec<EntryRecord>)> {
    let tx = c.tx().await?;
    let me = c.me(&tx).await?;
    let entry = repo::find(&tx, id).await?.ok_or_else(entry_not_found)?;
    let scope = patient_scope(&tx, entry.patient_id).await?;
    open(&tx, &me, &scope, "fhir_read", Some(id), req).await?;
    let visit = repo::in_encounters(&tx, &[entry.encounter_id]).await?;
    tx.commit().await?;
    Ok((entry, visit))
}

/// The most entries one `$everything` returns; a record larger than this is cut, and
/// the bundle says so with its total.
pub const EVERYTHING_LIMIT: u64 = 5_000;

/// Everything recorded for a patient, with the professionals and facilities it
/// refers to (FHIR `$everything`).
pub struct Everything {
    pub scope: PatientScope,
    pub entries: Vec<EntryRecord>,
    pub professionals: Vec<ProfessionalRecord>,
    pub registrations: Vec<arogya_infra::repos::professionals::RegistrationRecord>,
    pub facilities: Vec<arogya_infra::repos::facilities::FacilityRecord>,
    /// The patient's inpatient stays, with the beds and wards they were in.
    pub stays: crate::app::inpatient::Stays,
    /// What pharmacies gave the patient, and the catalogue items they gave.
    pub dispenses: Vec<arogya_infra::repos::supply::dispenses::DispenseRecord>,
    pub medications: Vec<arogya_infra::repos::supply::items::ItemRecord>,
}

pub async fn everything(
    c: &Clinical<'_>,
    patient: Uuid,
    req: &ReadRequest,
) -> ApiResult<Everything> {
    let tx = c.tx().await?;
    let me = c.me(&tx).await?;
    let scope = patient_scope(&tx, patient).await?;
    open(&tx, &me, &scope, "fhir_everything", None, req).await?;
    let entries = repo::everything(&tx, &scope.ids, EVERYTHING_LIMIT).await?;
    let mut people: Vec<Uuid> = entries.iter().map(|e| e.author_professional_id).collect();
    for e in &entries {
        if let Ok(EntryDetails::Encounter(d)) = details_of(&e.kind, &e.details) {
            people.push(d.attending);
        }
    }
    people.sort();
    people.dedup();
    let mut places: Vec<Uuid> = entries.iter().map(|e| e.facility_id).collect();
    places.sort();
    places.dedup();
    let professionals = professionals::find_many(&tx, &people).await?;
    let registrations = professionals::registrations_for(&tx, &people).await?;
    let stays = crate::app::inpatient::stays_of(&tx, &scope.ids).await?;
    places.extend(stays.admissions.iter().map(|a| a.facility_id));
    places.sort();
    places.dedup();
    let facilities = facilities::find_many(&tx, &places).await?;
    let dispenses = arogya_infra::repos::supply::dispenses::of_patients(&tx, &scope.ids).await?;
    let mut items: Vec<Uuid> = dispenses.iter().filter_map(|d| d.item_id).collect();
    items.sort();
    items.dedup();
    let medications = arogya_infra::repos::supply::items::by_ids(&tx, &items).await?;
    tx.commit().await?;
    Ok(Everything {
        scope,
        entries,
        professionals,
        registrations,
        facilities,
        stays,
        dispenses,
        medications,
    })
}

/// What a printed prescription shows besides the drugs.
pub struct PrescriptionSlip {
    pub entry: EntryRecord,
    pub patient: PatientRecord,
    pub facility: arogya_infra::repos::facilities::FacilityRecord,
    pub prescriber: ProfessionalRecord,
    pub registrations: Vec<arogya_infra::repos::professionals::RegistrationRecord>,
    /// The visit the prescription was written in, and what else was recorded there
    /// (its diagnoses and the patient's weight go on the slip).
    pub encounter: Option<EntryRecord>,
    pub visit_entries: Vec<EntryRecord>,
}

/// A prescription to print, read (and logged) like any other part of the record.
pub async fn prescription_slip(
    c: &Clinical<'_>,
    id: Uuid,
    req: &ReadRequest,
) -> ApiResult<PrescriptionSlip> {
    let tx = c.tx().await?;
    let me = c.me(&tx).await?;
    let entry = repo::find(&tx, id)
        .await?
        .filter(|e| e.kind == EntryKind::Prescription.as_str())
        .ok_or(DomainError::NotFound {
            entity: "prescription",
        })?;
    let scope = patient_scope(&tx, entry.patient_id).await?;
    open(&tx, &me, &scope, "prescription_pdf", Some(id), req).await?;
    let facility = facilities::find(&tx, FacilityId(entry.facility_id))
        .await?
        .ok_or(DomainError::NotFound { entity: "facility" })?;
    // The prescriber is the author of the first version; a correction by a colleague
    // does not change who prescribed.
    let first = repo::versions_of(&tx, &[id]).await?;
    let prescriber_id = first
        .first()
        .map(|v| v.author_professional_id)
        .unwrap_or(entry.author_professional_id);
    let prescriber =
        professionals::find(&tx, prescriber_id)
            .await?
            .ok_or(DomainError::NotFound {
                entity: "professional",
            })?;
    let registrations = professionals::registrations_for(&tx, &[prescriber_id]).await?;
    let encounter = repo::find(&tx, entry.encounter_id).await?;
    let visit_entries = repo::in_encounters(&tx, &[entry.encounter_id]).await?;
    tx.commit().await?;
    Ok(PrescriptionSlip {
        entry,
        patient: scope.patient,
        facility,
        prescriber,
        registrations,
        encounter,
        visit_entries,
    })
}
