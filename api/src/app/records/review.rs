//! Auditing access to records: who read a patient's record, and the review of
//! break-glass openings by district and state administrators.

#[allow(unused_imports)]
use super::*;
use arogya_domain::access::Principal;
use arogya_domain::page::{Page, PageRequest};
use arogya_infra::repos::record_access::AccessRecord;

fn tenant_of(p: &Principal) -> ApiResult<TenantId> {
    p.tenant().ok_or_else(|| {
        ApiError::Forbidden("platform administrators do not see health records".into())
    })
}

/// Who read this patient's record (and the records merged into it), newest first.
pub async fn access_log(
    state: &AppState,
    principal: &Principal,
    patient: Uuid,
    page: PageRequest,
) -> ApiResult<Page<AccessRecord>> {
    principal.access_review_reach()?;
    let tx = state
        .db
        .tenant_tx(tenant_of(principal)?, Access::Read)
        .await?;
    let scope = patient_scope(&tx, patient).await?;
    let rows = record_access::of_patients(&tx, &scope.ids, page).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Break-glass openings within the caller's districts.
pub async fn break_glass_openings(
    state: &AppState,
    principal: &Principal,
    reviewed: Option<bool>,
    page: PageRequest,
) -> ApiResult<Page<AccessRecord>> {
    let reach = principal.access_review_reach()?;
    let units: Option<Vec<Uuid>> = reach.map(|u| u.into_iter().map(|u| u.0).collect());
    let tx = state
        .db
        .tenant_tx(tenant_of(principal)?, Access::Read)
        .await?;
    let rows = record_access::break_glass(&tx, units.as_deref(), reviewed, page).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Stamp a break-glass opening as reviewed, with an optional note.
pub async fn review_break_glass(
    state: &AppState,
    principal: &Principal,
    meta: RequestMeta,
    id: Uuid,
    note: Option<String>,
) -> ApiResult<AccessRecord> {
    let reach = principal.access_review_reach()?;
    let note = match note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) if n.chars().count() > 500 => {
            return Err(ApiError::validation(
                "note",
                "must be at most 500 characters",
            ))
        }
        n => n.map(str::to_owned),
    };
    let mut tx = state
        .db
        .tenant_tx(tenant_of(principal)?, Access::Write)
        .await?;
    let row = record_access::find(&tx, id)
        .await?
        .filter(|r| r.break_glass)
        .filter(|r| match &reach {
            None => true,
            Some(units) => {
                let path = r.unit_path.clone().unwrap_or_default();
                units.iter().any(|u| path.contains(&u.0.to_string()))
            }
        })
        .ok_or(DomainError::NotFound {
            entity: "break-glass opening",
        })?;
    let reviewed = record_access::mark_reviewed(&tx, row.id, principal.user_id().0, note).await?;
    let event = NewAuditEvent::new(
        Actor::from(principal),
        AuditAction::BreakGlassReview,
        "record_access",
        Some(row.id),
    )
    .with_detail(
        serde_json::json!({ "patientId": row.patient_id, "actorUserId": row.actor_user_id }),
    );
    audit::record(&mut tx, &meta, event).await?;
    tx.commit().await?;
    Ok(reviewed)
}
