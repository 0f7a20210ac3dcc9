//! Operators' commands that read: a tenant's outbox, and the command line's view of
//! patients as the system.

use super::cli_meta;
use crate::state::AppState;
use arogya_domain::audit::Actor;
use arogya_domain::ids::TenantId;
use arogya_domain::tenant::TenantCode;
use arogya_infra::repos::tenants;

/// Print a tenant's newest notifications in full.
pub(super) async fn outbox(state: &AppState, tenant: &str, limit: u64) -> anyhow::Result<()> {
    let code = TenantCode::parse(tenant)?;
    let t = tenants::find_by_code(state.db.conn(), &code)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no tenant {tenant}"))?;
    let tx = state
        .db
        .tenant_tx(
            arogya_domain::ids::TenantId(t.id),
            arogya_infra::db::Access::Read,
        )
        .await?;
    for m in arogya_infra::repos::outbox::recent(&tx, limit.clamp(1, 1000)).await? {
        println!(
            "{}  {:<5} {:<7} {}  {}: {}",
            m.created_at.format("%Y-%m-%d %H:%M:%S"),
            m.channel,
            m.status,
            m.destination,
            m.subject,
            m.body
        );
    }
    tx.commit().await?;
    Ok(())
}

/// The command line acts on patients as the system, with an administrator's reach.
pub(super) fn system_caller(
    state: &crate::state::AppState,
    tenant: TenantId,
) -> crate::app::patients::Caller<'_> {
    use arogya_domain::patient::access::PatientAccess;
    crate::app::patients::Caller {
        state,
        access: PatientAccess {
            tenant,
            user: arogya_domain::ids::UserId(uuid::Uuid::nil()),
            contact: true,
            register: true,
            only_own_enrollments: false,
            admin: true,
        },
        actor: Actor::System,
        meta: cli_meta(),
    }
}
