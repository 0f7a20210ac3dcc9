//! The Health Professional Registry's use cases: entries, verification, attachments
//! to facilities and links to user accounts. Every change is audited.

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::access::UnitReach;
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::ids::{FacilityId, TenantId, UserId};
use arogya_domain::professional::{today_in_india, ProfessionalDetails, VerificationStatus};
use arogya_domain::unit::UnitPath;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::facilities::{self, FacilityRecord};
use arogya_infra::repos::professionals::{
    self as repo, AttachmentRecord, NewAttachment, ProfessionalRecord,
};
use arogya_infra::repos::users;
use arogya_infra::TenantTx;
use uuid::Uuid;

pub fn today() -> chrono::NaiveDate {
    today_in_india(chrono::Utc::now())
}

fn not_found() -> ApiError {
    DomainError::NotFound {
        entity: "professional",
    }
    .into()
}

/// The entry, if it lies within `reach`.
async fn reachable(tx: &TenantTx, id: Uuid, reach: &UnitReach) -> ApiResult<ProfessionalRecord> {
    let p = repo::find(tx, id).await?.ok_or_else(not_found)?;
    if !repo::within_reach(tx, id, reach, today()).await? {
        return Err(not_found());
    }
    Ok(p)
}

async fn reachable_facility(
    tx: &TenantTx,
    id: FacilityId,
    reach: &UnitReach,
) -> ApiResult<FacilityRecord> {
    facilities::find(tx, id)
        .await?
        .filter(|f| reach.allows(&UnitPath::from_stored(f.unit_path.clone())))
        .ok_or_else(|| DomainError::NotFound { entity: "facility" }.into())
}

async fn record(
    tx: &mut TenantTx,
    actor: Actor,
    meta: &RequestMeta,
    action: AuditAction,
    id: Uuid,
    detail: serde_json::Value,
) -> ApiResult<()> {
    let event = NewAuditEvent::new(actor, action, "professional", Some(id)).with_detail(detail);
    audit::record(tx, meta, event).await?;
    Ok(())
}

/// The first place of work, required from administrators scoped to a district (an
/// entry with no facility in their district would be invisible to them).
pub struct FirstPosting {
    pub facility: FacilityId,
    pub attachment: NewAttachment,
}

pub async fn create(
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    tenant: TenantId,
    reach: &UnitReach,
    details: ProfessionalDetails,
    posting: Option<FirstPosting>,
) -> ApiResult<ProfessionalRecord> {
    if posting.is_none() && *reach != UnitReach::Whole {
        return Err(ApiError::validation(
            "facilityId",
            "attach the professional to a facility in your district",
        ));
    }
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let p = repo::insert(&tx, &details).await?;
    if let Some(posting) = posting {
        let facility = reachable_facility(&tx, posting.facility, reach).await?;
        repo::attach(&tx, &p, &facility, posting.attachment).await?;
    }
    let detail = serde_json::json!({ "name": p.name, "kind": p.kind, "registrations": details.registrations.len() });
    record(
        &mut tx,
        actor,
        meta,
        AuditAction::ProfessionalCreate,
        p.id,
        detail,
    )
    .await?;
    tx.commit().await?;
    Ok(p)
}

#[allow(clippy::too_many_arguments)]
pub async fn update(
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    tenant: TenantId,
    reach: &UnitReach,
    id: Uuid,
    expected_version: i32,
    details: ProfessionalDetails,
) -> ApiResult<ProfessionalRecord> {
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let current = reachable(&tx, id, reach).await?;
    let p = repo::update_details(&tx, &current, expected_version, &details).await?;
    let detail = serde_json::json!({ "previousStatus": current.status, "status": p.status });
    record(
        &mut tx,
        actor,
        meta,
        AuditAction::ProfessionalUpdate,
        id,
        detail,
    )
    .await?;
    tx.commit().await?;
    Ok(p)
}

/// Verify, reject (with a reason) or resubmit an entry, if the transition is allowed.
#[allow(clippy::too_many_arguments)]
pub async fn change_status(
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    tenant: TenantId,
    reach: &UnitReach,
    id: Uuid,
    expected_version: i32,
    to: VerificationStatus,
    reason: Option<String>,
) -> ApiResult<ProfessionalRecord> {
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let current = reachable(&tx, id, reach).await?;
    let from = VerificationStatus::parse(&current.status)?;
    from.transition(to)?;
    let by = actor.id().unwrap_or_default();
    let p = repo::set_status(&tx, &current, expected_version, to, reason.clone(), by).await?;
    let action = match to {
        VerificationStatus::Verified => AuditAction::ProfessionalVerify,
        VerificationStatus::Rejected => AuditAction::ProfessionalReject,
        VerificationStatus::Pending => AuditAction::ProfessionalResubmit,
    };
    let detail = serde_json::json!({ "from": from.as_str(), "to": to.as_str(), "reason": reason });
    record(&mut tx, actor, meta, action, id, detail).await?;
    tx.commit().await?;
    Ok(p)
}

#[allow(clippy::too_many_arguments)]
pub async fn attach(
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    tenant: TenantId,
    reach: &UnitReach,
    professional: Uuid,
    facility: FacilityId,
    new: NewAttachment,
) -> ApiResult<AttachmentRecord> {
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let p = repo::find(&tx, professional).await?.ok_or_else(not_found)?;
    let f = reachable_facility(&tx, facility, reach).await?;
    let a = repo::attach(&tx, &p, &f, new).await?;
    let detail = serde_json::json!({ "facility": f.id, "designation": a.designation, "from": a.from_date, "to": a.to_date });
    record(
        &mut tx,
        actor,
        meta,
        AuditAction::ProfessionalAttach,
        p.id,
        detail,
    )
    .await?;
    tx.commit().await?;
    Ok(a)
}

#[allow(clippy::too_many_arguments)]
pub async fn end_attachment(
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    tenant: TenantId,
    reach: &UnitReach,
    attachment: Uuid,
    to: chrono::NaiveDate,
) -> ApiResult<AttachmentRecord> {
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let current = repo::find_attachment(&tx, attachment)
        .await?
        .filter(|a| reach.allows(&UnitPath::from_stored(a.facility_unit_path.clone())))
        .ok_or(DomainError::NotFound {
            entity: "attachment",
        })?;
    arogya_domain::professional::attachment_period(current.from_date, Some(to))?;
    let a = repo::end_attachment(&tx, &current, to).await?;
    let detail = serde_json::json!({ "facility": a.facility_id, "to": to });
    record(
        &mut tx,
        actor,
        meta,
        AuditAction::ProfessionalDetach,
        a.professional_id,
        detail,
    )
    .await?;
    tx.commit().await?;
    Ok(a)
}

#[allow(clippy::too_many_arguments)]
pub async fn link_user(
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    tenant: TenantId,
    reach: &UnitReach,
    id: Uuid,
    expected_version: i32,
    user: Option<UserId>,
) -> ApiResult<ProfessionalRecord> {
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let current = reachable(&tx, id, reach).await?;
    if let Some(u) = user {
        users::find(&tx, u)
            .await?
            .ok_or_else(|| ApiError::validation("userId", "no such account in this tenant"))?;
    }
    let p = repo::link_user(&tx, &current, expected_version, user.map(|u| u.0)).await?;
    record(
        &mut tx,
        actor,
        meta,
        AuditAction::ProfessionalLinkUser,
        id,
        serde_json::json!({ "user": user }),
    )
    .await?;
    tx.commit().await?;
    Ok(p)
}
