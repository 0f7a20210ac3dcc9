//! The tamper-evident audit chain, for the maintenance loop and the command line.

use crate::state::AppState;
use arogya_domain::ids::TenantId;
use arogya_infra::db::Access;
use arogya_infra::repos::audit_chain::{self, Verification};

/// Seal every event of the tenant not yet in the chain; returns how many.
pub async fn seal_all(state: &AppState, tenant: TenantId) -> anyhow::Result<u64> {
    let key = state.pii.audit_chain_key(tenant);
    let mut total = 0;
    loop {
        let tx = state.db.tenant_tx(tenant, Access::Write).await?;
        let sealed = audit_chain::seal(&tx, &key).await?;
        tx.commit().await?;
        total += sealed;
        if sealed == 0 {
            return Ok(total);
        }
    }
}

pub async fn verify(state: &AppState, tenant: TenantId) -> anyhow::Result<Verification> {
    let tx = state.db.tenant_tx(tenant, Access::Read).await?;
    let v = audit_chain::verify(&tx, &state.pii.audit_chain_key(tenant)).await?;
    tx.commit().await?;
    Ok(v)
}
