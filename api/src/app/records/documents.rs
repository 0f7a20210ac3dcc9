//! Report documents on health records: a lab report on a lab result, discharge
//! papers on a discharge summary. Attaching needs the right to write that entry;
//! opening one is a read of the patient's record, checked and logged like any other.

use super::*;
use arogya_domain::document::DocumentPurpose;

/// The kind of entry a record document belongs on.
fn entry_kind_for(purpose: DocumentPurpose) -> ApiResult<EntryKind> {
    match purpose {
        DocumentPurpose::LabReport => Ok(EntryKind::LabResult),
        DocumentPurpose::DischargeSummary => Ok(EntryKind::DischargeSummary),
        other => Err(ApiError::validation(
            "purpose",
            format!(
                "a {} belongs to a hospital application, not a health record",
                other.label()
            ),
        )),
    }
}

/// May the caller attach a document of `purpose` to `entry`? Returns the entry.
pub async fn attachable_entry(
    c: &Clinical<'_>,
    tx: &TenantTx,
    entry: Uuid,
    purpose: DocumentPurpose,
) -> ApiResult<EntryRecord> {
    let kind = entry_kind_for(purpose)?;
    let me = c.me(tx).await?;
    let e = repo::find(tx, entry).await?.ok_or_else(entry_not_found)?;
    if e.kind != kind.as_str() {
        return Err(ApiError::validation(
            "entryId",
            format!(
                "a {} is attached to a {}",
                purpose.label(),
                kind.as_str().replace('_', " ")
            ),
        ));
    }
    if e.status == EntryStatus::EnteredInError.as_str() {
        return Err(ApiError::validation(
            "entryId",
            "the entry was entered in error",
        ));
    }
    me.clinician
        .require_write(kind, FacilityId(e.facility_id))?;
    Ok(e)
}

/// Check that the caller may read the record `entry` belongs to, and log the read of
/// its document.
pub async fn open_entry_document(
    c: &Clinical<'_>,
    tx: &TenantTx,
    entry: Uuid,
    req: &ReadRequest,
) -> ApiResult<EntryRecord> {
    let me = c.me(tx).await?;
    let e = repo::find(tx, entry).await?.ok_or_else(entry_not_found)?;
    let scope = patient_scope(tx, e.patient_id).await?;
    reading::open(tx, &me, &scope, "document", Some(e.id), req).await?;
    Ok(e)
}
