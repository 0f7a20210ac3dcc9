//! Creating, suspending and reactivating tenants.

use super::NewAccount;
use crate::app::users::insert_account;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::ids::TenantId;
use arogya_domain::tenant::{
    NewTenant, ParentState, TenantCode, TenantKind, TenantName, TenantStatus,
};
use arogya_domain::DomainError;
use arogya_infra::auth::revocations::RevocationKind;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::tenants::{self, TenantRecord};

pub struct CreateTenant {
    pub kind: TenantKind,
    pub code: TenantCode,
    pub name: TenantName,
    pub parent_code: Option<TenantCode>,
    /// The tenant's first administrator (state or district admin by kind).
    pub first_admin: Option<NewAccount>,
}

pub async fn create_tenant(
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    req: CreateTenant,
) -> ApiResult<TenantRecord> {
    let parent = match &req.parent_code {
        Some(code) => Some(
            tenants::find_by_code(state.db.ready_conn()?, code)
                .await?
                .ok_or_else(|| {
                    ApiError::validation("parentCode", format!("no tenant has the code {code}"))
                })?,
        ),
        None => None,
    };
    let parent_state = match &parent {
        Some(p) => Some(ParentState {
            code: TenantCode::parse(&p.code)?,
            kind: TenantKind::parse(&p.kind)?,
        }),
        None => None,
    };
    let new = NewTenant::new(req.kind, req.code, req.name, parent_state.as_ref())?;

    let admin_hash = match &req.first_admin {
        Some(a) => Some(arogya_infra::auth::password::hash_password(&a.password).await?),
        None => None,
    };
    let ptx = state.db.platform_tx(Access::Write).await?;
    let record = tenants::insert(&ptx, &new, parent.as_ref().map(|p| TenantId(p.id))).await?;
    let mut tx = ptx.enter_tenant(TenantId(record.id)).await?;
    let event = NewAuditEvent::new(actor, AuditAction::TenantCreate, "tenant", Some(record.id))
        .with_detail(serde_json::json!({ "code": record.code, "kind": record.kind }));
    audit::record(&mut tx, meta, event).await?;
    // Every tenant starts with IDSP's notifiable conditions.
    arogya_infra::repos::surveillance::conditions::seed(&tx).await?;
    if let (Some(admin), Some(hash)) = (req.first_admin, admin_hash) {
        insert_account(&mut tx, actor, meta, &admin, hash).await?;
    }
    tx.commit().await?;
    Ok(record)
}

/// Suspend or reactivate. A suspended tenant's users cannot log in, refresh, or use
/// access tokens already issued.
pub async fn set_status(
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    id: TenantId,
    status: TenantStatus,
    expected_version: Option<i32>,
    reason: Option<String>,
) -> ApiResult<TenantRecord> {
    if tenants::find(state.db.ready_conn()?, id).await?.is_none() {
        return Err(DomainError::NotFound { entity: "tenant" }.into());
    }
    let ptx = state.db.platform_tx(Access::Write).await?;
    let record = tenants::set_status(&ptx, id, status, expected_version).await?;
    let mut tx = ptx.enter_tenant(id).await?;
    let action = match status {
        TenantStatus::Suspended => AuditAction::TenantSuspend,
        TenantStatus::Active => AuditAction::TenantReactivate,
    };
    audit::record(
        &mut tx,
        meta,
        NewAuditEvent::new(actor, action, "tenant", Some(id.0))
            .with_detail(serde_json::json!({ "reason": reason })),
    )
    .await?;
    // Every instance drops its cached copy of the tenant at once; on suspension its
    // tokens already issued stop working too (after reactivation the same event only
    // refreshes the caches: no token was issued while suspended).
    let revoked = state
        .revocations
        .record(&tx, RevocationKind::Tenant, id.0)
        .await?;
    tx.commit().await?;
    state.revocations.apply(revoked);
    state.tenants.invalidate(id);
    Ok(record)
}
