//! Supply alerts: a store's position is checked against the alert rules (when its
//! alerts are looked at, and by the maintenance task for stores whose stock moved
//! lately, and for every store once a day as batches near expiry). A new alert is
//! e-mailed through the notification outbox to the store's staff and the officers
//! over it; an alert whose condition has cleared closes by itself.

use super::planning::positions;
use super::{store_ref, Supply};
use crate::app::professionals::today;
use crate::error::ApiResult;
use crate::state::AppState;
use arogya_domain::access::Principal;
use arogya_domain::ids::{TenantId, UserId};
use arogya_domain::role::Role;
use arogya_domain::supply::access as rules;
use arogya_domain::supply::alerts::{wanted, BatchFacts, ItemFacts};
use arogya_infra::db::Access;
use arogya_infra::repos::outbox::{self, Channel};
use arogya_infra::repos::supply::alerts::{self as repo, AlertRecord, NewAlert};
use arogya_infra::repos::supply::stores::{self as store_repo, settings_of, StoreRecord};
use arogya_infra::repos::{roles, users};
use arogya_infra::TenantTx;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashSet;
use std::sync::Mutex;
use uuid::Uuid;

/// E-mail addresses of those who work the store or supervise it.
async fn recipients(tx: &TenantTx, store: &StoreRecord) -> ApiResult<Vec<String>> {
    let r = store_ref(store);
    let holders = roles::holders(
        tx,
        &[
            Role::StoreKeeper,
            Role::Pharmacist,
            Role::DistrictDrugOfficer,
            Role::StateProcurementOfficer,
        ],
    )
    .await?;
    let mut ids: Vec<Uuid> = holders
        .into_iter()
        .filter(|(u, g)| {
            let p = Principal::Staff {
                id: UserId(*u),
                tenant: tx.tenant(),
                grants: vec![*g],
            };
            rules::works(&p, &r) || rules::supervises(&p, &r)
        })
        .map(|(u, _)| u)
        .collect();
    ids.sort();
    ids.dedup();
    Ok(users::find_many(tx, &ids)
        .await?
        .into_iter()
        .filter(|u| u.status == "active")
        .filter_map(|u| u.email)
        .collect())
}

/// Check one store: raise what is new, close what has cleared. Returns how many were raised.
pub async fn evaluate_store(
    tx: &TenantTx,
    store: &StoreRecord,
    now: DateTime<Utc>,
) -> ApiResult<usize> {
    let day = today();
    let settings = settings_of(store);
    let mut want = Vec::new();
    for p in positions(tx, store, day, now).await? {
        let facts = ItemFacts {
            item: p.item.id,
            name: &p.item.name,
            status: p.status,
            months: p.months,
            min_months: p.settings.min_months,
            batches: p
                .batches
                .iter()
                .map(|b| BatchFacts {
                    batch: b.batch.batch,
                    batch_no: &b.batch.batch_no,
                    days_left: (b.batch.expiry - day).num_days(),
                    quantity: b.batch.quantity,
                })
                .collect(),
        };
        for w in wanted(&facts, &settings) {
            want.push((p.item.id, w));
        }
    }
    let open = repo::open_of(tx, &[store.id]).await?;
    let open_keys: HashSet<&str> = open.iter().map(|a| a.key.as_str()).collect();
    let want_keys: HashSet<&str> = want.iter().map(|(_, w)| w.key.as_str()).collect();
    let cleared: Vec<Uuid> = open
        .iter()
        .filter(|a| !want_keys.contains(a.key.as_str()))
        .map(|a| a.id)
        .collect();
    repo::resolve(tx, &cleared, now).await?;
    let new: Vec<_> = want
        .iter()
        .filter(|(_, w)| !open_keys.contains(w.key.as_str()))
        .collect();
    if new.is_empty() {
        return Ok(0);
    }
    let to = recipients(tx, store).await?;
    for (item, w) in &new {
        repo::insert(
            tx,
            NewAlert {
                store_id: store.id,
                item_id: *item,
                batch_id: w.batch,
                kind: w.kind.as_str(),
                key: w.key.clone(),
                message: w.message.clone(),
            },
            now,
        )
        .await?;
        for email in &to {
            outbox::enqueue(
                tx,
                Channel::Email,
                email,
                &format!("Stock alert, {}", store.name),
                &format!("{}: {}.", store.name, w.message),
            )
            .await?;
        }
    }
    Ok(new.len())
}

/// When every store was last checked, per tenant (India's day).
static LAST_FULL: Mutex<Vec<(Uuid, NaiveDate)>> = Mutex::new(Vec::new());

/// The maintenance task's round: stores whose stock moved in the last `window`, and
/// every store once a day.
pub async fn evaluate_tenant(
    state: &AppState,
    tenant: TenantId,
    window: chrono::Duration,
) -> ApiResult<usize> {
    let now = Utc::now();
    let day = today();
    let full = {
        let mut last = LAST_FULL.lock().unwrap_or_else(|e| e.into_inner());
        let due = !last.iter().any(|(t, d)| *t == tenant.0 && *d == day);
        if due {
            last.retain(|(t, _)| *t != tenant.0);
            last.push((tenant.0, day));
        }
        due
    };
    let tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let stores = store_repo::all(&tx).await?;
    let moved: HashSet<Uuid> = if full {
        stores.iter().map(|s| s.id).collect()
    } else {
        repo::stores_moved_since(&tx, now - window)
            .await?
            .into_iter()
            .collect()
    };
    let mut raised = 0;
    for s in stores.iter().filter(|s| moved.contains(&s.id)) {
        raised += evaluate_store(&tx, s, now).await?;
    }
    tx.commit().await?;
    if raised > 0 {
        state.outbox_wake.notify_one();
    }
    Ok(raised)
}

impl Supply<'_> {
    /// A store's open alerts, checked afresh first.
    pub async fn alerts_of(&self, store: Uuid) -> ApiResult<(StoreRecord, Vec<AlertRecord>)> {
        let tx = self.tx(Access::Write).await?;
        let s = self.seen_store(&tx, store).await?;
        let raised = evaluate_store(&tx, &s, Utc::now()).await?;
        let list = repo::open_of(&tx, &[s.id]).await?;
        tx.commit().await?;
        if raised > 0 {
            self.state.outbox_wake.notify_one();
        }
        Ok((s, list))
    }

    /// Open alerts of every store in reach (under a unit when given), as last checked.
    pub async fn alerts_in_reach(
        &self,
        unit: Option<Uuid>,
    ) -> ApiResult<Vec<(StoreRecord, AlertRecord)>> {
        let tx = self.tx(Access::Read).await?;
        let (stores, _) = self.stores_in_reach(&tx, unit).await?;
        let ids: Vec<Uuid> = stores.iter().map(|s| s.id).collect();
        let alerts = repo::open_of(&tx, &ids).await?;
        Ok(alerts
            .into_iter()
            .filter_map(|a| {
                stores
                    .iter()
                    .find(|s| s.id == a.store_id)
                    .map(|s| (s.clone(), a))
            })
            .collect())
    }
}
