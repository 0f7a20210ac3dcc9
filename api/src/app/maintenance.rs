//! Background work the server does on its own, tenant by tenant: expiring upload
//! slots that were never confirmed (their objects removed), destroying the objects of
//! deleted documents once their retention period is over, sealing the audit chains,
//! queueing last month's indicators reports, and delivering the notification outbox.
//!
//! Safe with several replicas: expiring and purging are conditional updates, and on
//! PostgreSQL outbox rows are claimed with `FOR UPDATE SKIP LOCKED`.

use crate::state::AppState;
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::document::DocumentStatus;
use arogya_domain::ids::TenantId;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::{documents, outbox, tenants};
use arogya_infra::Backend;
use chrono::Utc;

const BATCH: u64 = 100;

/// What one round did, for logs and tests.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    pub expired: u64,
    pub purged: u64,
    /// Staging objects that no pending upload waited for, removed.
    pub orphans: u64,
    pub delivered: u64,
    pub failed: u64,
}

async fn tenant_ids(state: &AppState) -> anyhow::Result<Vec<TenantId>> {
    Ok(tenants::all(state.db.conn())
        .await?
        .into_iter()
        .map(|t| TenantId(t.id))
        .collect())
}

/// Expire unconfirmed slots and purge deleted documents past retention.
pub async fn clean_documents(state: &AppState) -> anyhow::Result<Round> {
    let mut round = Round::default();
    let now = Utc::now();
    for tenant in tenant_ids(state).await? {
        let tx = state.db.tenant_tx(tenant, Access::Read).await?;
        let expired = documents::expired_slots(&tx, now, BATCH).await?;
        let purgeable = documents::purgeable(&tx, now, BATCH).await?;
        tx.commit().await?;
        for doc in expired {
            // Whatever was uploaded to a slot never confirmed is not kept.
            state
                .store
                .delete(&arogya_domain::document::upload_key(tenant, doc.id))
                .await?;
            state.store.delete(&doc.object_key).await?;
            let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
            if documents::mark_expired(&tx, doc.id).await? {
                let event = NewAuditEvent::new(
                    Actor::System,
                    AuditAction::DocumentExpire,
                    "document",
                    Some(doc.id),
                )
                .with_detail(serde_json::json!({ "purpose": doc.purpose }));
                audit::record(&mut tx, &RequestMeta::default(), event).await?;
                round.expired += 1;
            }
            tx.commit().await?;
        }
        for doc in purgeable {
            state.store.delete(&doc.object_key).await?;
            let tx = state.db.tenant_tx(tenant, Access::Write).await?;
            documents::mark_purged(&tx, doc.id).await?;
            tx.commit().await?;
            round.purged += 1;
        }
        round.orphans += remove_stray_uploads(state, tenant, now).await?;
    }
    Ok(round)
}

/// Staging objects no pending slot waits for: a second PUT to a slot's URL after its
/// document was confirmed, or what a crash between two steps left. A staging object
/// of a pending document is its upload, and stays; one with no document row at all is
/// given a minute (its slot may be being created).
async fn remove_stray_uploads(
    state: &AppState,
    tenant: TenantId,
    now: chrono::DateTime<Utc>,
) -> anyhow::Result<u64> {
    let prefix = format!("tenants/{tenant}/uploads/");
    let staged = state.store.list(&prefix).await?;
    if staged.is_empty() {
        return Ok(0);
    }
    let ids: Vec<uuid::Uuid> = staged
        .iter()
        .filter_map(|(key, _)| key.strip_prefix(&prefix)?.parse().ok())
        .collect();
    let tx = state.db.tenant_tx(tenant, Access::Read).await?;
    let statuses = documents::statuses(&tx, &ids).await?;
    tx.commit().await?;
    let mut removed = 0;
    for (key, written) in staged {
        let id = key
            .strip_prefix(&prefix)
            .and_then(|k| k.parse::<uuid::Uuid>().ok());
        let stray = match id.and_then(|id| statuses.get(&id)) {
            Some(status) => status != DocumentStatus::Pending.as_str(),
            None => now - written > chrono::Duration::seconds(60),
        };
        if stray {
            state.store.delete(&key).await?;
            tracing::info!(key = %key, "stray staging object removed");
            removed += 1;
        }
    }
    Ok(removed)
}

/// Run each tenant's oxygen alert rules now.
pub async fn oxygen_alerts(state: &AppState) -> anyhow::Result<()> {
    for tenant in tenant_ids(state).await? {
        crate::app::oxygen::alerts::evaluate(state, tenant, chrono::Utc::now(), None)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    }
    Ok(())
}

/// Check each tenant's supply alerts: stores whose stock moved lately, and every
/// store once a day.
pub async fn supply_alerts(state: &AppState) -> anyhow::Result<usize> {
    let window =
        chrono::Duration::seconds(3 * state.config.maintenance_interval_secs.max(1) as i64);
    let mut raised = 0;
    for tenant in tenant_ids(state).await? {
        raised += crate::app::supply::alerts::evaluate_tenant(state, tenant, window)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    }
    Ok(raised)
}

/// Seal each tenant's new audit events into its chain.
pub async fn seal_audit_chains(state: &AppState) -> anyhow::Result<u64> {
    let mut sealed = 0;
    for tenant in tenant_ids(state).await? {
        sealed += crate::app::audit_chain::seal_all(state, tenant).await?;
    }
    Ok(sealed)
}

/// Deliver pending notifications through the configured adapter.
pub async fn deliver_outbox(state: &AppState) -> anyhow::Result<Round> {
    let mut round = Round::default();
    for tenant in tenant_ids(state).await? {
        // PostgreSQL: hold the rows locked while delivering, so no other replica takes
        // them. SQLite (one server): read, deliver, then record, so the write lock is
        // not held while a webhook answers.
        let locking = state.db.backend() == Backend::Postgres;
        let tx = state
            .db
            .tenant_tx(tenant, if locking { Access::Write } else { Access::Read })
            .await?;
        let pending = outbox::claim_pending(&tx, BATCH).await?;
        if pending.is_empty() {
            tx.commit().await?;
            continue;
        }
        let mut results = Vec::with_capacity(pending.len());
        for msg in &pending {
            results.push(state.notifier.deliver(msg).await);
        }
        let tx = if locking {
            tx
        } else {
            tx.commit().await?;
            state.db.tenant_tx(tenant, Access::Write).await?
        };
        for (msg, result) in pending.iter().zip(results) {
            match result {
                Ok(()) => {
                    outbox::mark_sent(&tx, msg.id).await?;
                    round.delivered += 1;
                }
                Err(e) => {
                    tracing::warn!(outbox_id = %msg.id, error = format!("{e:#}"), "notification not delivered");
                    outbox::mark_failed(&tx, msg, &format!("{e:#}")).await?;
                    round.failed += 1;
                }
            }
        }
        tx.commit().await?;
    }
    Ok(round)
}

/// Run both, forever: every `interval`, and at once when the outbox is woken.
pub async fn run(state: std::sync::Arc<AppState>) {
    let interval = std::time::Duration::from_secs(state.config.maintenance_interval_secs.max(1));
    let mut last_clean = std::time::Instant::now() - interval;
    loop {
        if last_clean.elapsed() >= interval {
            last_clean = std::time::Instant::now();
            match clean_documents(&state).await {
                Ok(r) if r.expired + r.purged + r.orphans > 0 => {
                    tracing::info!(
                        expired = r.expired,
                        purged = r.purged,
                        orphans = r.orphans,
                        "documents cleaned"
                    )
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = format!("{e:#}"), "cleaning documents failed"),
            }
            let census = match tenant_ids(&state).await {
                Ok(t) => crate::app::inpatient::census::census_of_yesterday(&state, &t).await,
                Err(e) => Err(e),
            };
            if let Err(e) = census {
                tracing::warn!(
                    error = format!("{e:#}"),
                    "counting yesterday's ward census failed"
                );
            }
            if let Err(e) = oxygen_alerts(&state).await {
                tracing::warn!(
                    error = format!("{e:#}"),
                    "running the oxygen alert rules failed"
                );
            }
            if let Err(e) = supply_alerts(&state).await {
                tracing::warn!(
                    error = format!("{e:#}"),
                    "checking the supply alerts failed"
                );
            }
            if let Err(e) = crate::app::dashboards::recount::recount_indicators(&state).await {
                tracing::warn!(
                    error = format!("{e:#}"),
                    "recounting the indicators from other modules' records failed"
                );
            }
            if let Err(e) = crate::app::dashboards::reports::send_monthly_reports(&state).await {
                tracing::warn!(
                    error = format!("{e:#}"),
                    "sending the monthly reports failed"
                );
            }
            if let Err(e) = seal_audit_chains(&state).await {
                tracing::warn!(error = format!("{e:#}"), "sealing the audit chains failed");
            }
            let purged = match tenant_ids(&state).await {
                Ok(t) => {
                    crate::http::idempotency::purge(&state, &t, state.config.idempotency_ttl_hours)
                        .await
                }
                Err(e) => Err(e),
            };
            if let Err(e) = purged {
                tracing::warn!(
                    error = format!("{e:#}"),
                    "forgetting old idempotency keys failed"
                );
            }
            if let Err(e) = state.revocations.purge(state.db.conn()).await {
                tracing::warn!(
                    error = format!("{e:#}"),
                    "forgetting old token revocations failed"
                );
            }
            if let Err(e) = state.login_lock.purge(state.db.conn()).await {
                tracing::warn!(
                    error = format!("{e:#}"),
                    "forgetting old failed sign-ins failed"
                );
            }
            // Also what a listener may have missed (or, on SQLite, another process wrote).
            if let Err(e) = state.revocations.load(state.db.conn()).await {
                tracing::warn!(
                    error = format!("{e:#}"),
                    "reloading token revocations failed"
                );
            }
        }
        if let Err(e) = deliver_outbox(&state).await {
            tracing::warn!(error = format!("{e:#}"), "delivering notifications failed");
        }
        tokio::select! {
            _ = state.outbox_wake.notified() => {}
            _ = tokio::time::sleep(interval.min(std::time::Duration::from_secs(5))) => {}
        }
    }
}
