//! Merging two records of one person, and undoing it.

#[allow(unused_imports)]
use super::*;

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
