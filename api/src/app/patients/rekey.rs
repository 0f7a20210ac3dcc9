//! Re-keying stored national-ID hashes after the PII master key is rotated: each
//! batch in its own transaction, so the command can stop and be run again; lookups
//! match every version's form meanwhile.

use crate::state::AppState;
use arogya_domain::ids::TenantId;
use arogya_infra::db::Access;
use arogya_infra::repos::patients;

const BATCH: u64 = 500;

/// Re-key the tenant's hashes not under the newest key; returns how many, calling
/// `progress` after each batch.
pub async fn rekey_national_ids(
    state: &AppState,
    tenant: TenantId,
    progress: &dyn Fn(u64),
) -> anyhow::Result<u64> {
    let prefix = state.pii.national_id_prefix();
    let mut done = 0;
    loop {
        let tx = state.db.tenant_tx(tenant, Access::Write).await?;
        let stale = patients::stale_national_ids(&tx, &prefix, BATCH).await?;
        if stale.is_empty() {
            tx.commit().await?;
            return Ok(done);
        }
        for (id, hash) in &stale {
            match state.pii.rekey_national_id(tenant, hash) {
                Some(new) => patients::set_national_id_hash(&tx, *id, &new).await?,
                None => anyhow::bail!(
                    "patient {id}'s national-ID hash is under a key version this installation does not hold"
                ),
            }
        }
        tx.commit().await?;
        done += stale.len() as u64;
        progress(done);
    }
}
