//! A store's position in each item it holds or has held: stock on hand by batch,
//! usable stock, AMC, months of stock, status, what is on its way, the suggested
//! indent, and what will expire before it can be used. Four queries per store,
//! whatever the number of items or the length of its ledger.

use arogya_domain::supply::planning::{self as p, StockStatus};
use arogya_domain::supply::store::StoreSettings;
use arogya_domain::supply::usage::usage_between;
use arogya_infra::db::InfraResult;
use arogya_infra::repos::supply::indents as indent_repo;
use arogya_infra::repos::supply::items::{self as item_repo, ItemRecord};
use arogya_infra::repos::supply::stock::{self as stock_repo, StockLine};
use arogya_infra::repos::supply::stores::{settings_of, StoreRecord};
use arogya_infra::TenantTx;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::collections::HashMap;
use uuid::Uuid;

#[derive(Debug, Clone)]
pub struct ItemPosition {
    pub item: ItemRecord,
    pub on_hand: i64,
    /// Not expired, not on hold, not failed or awaiting testing.
    pub usable: i64,
    pub batches: Vec<StockLine>,
    pub amc: Option<f64>,
    pub months: Option<f64>,
    pub days_out: i32,
    pub status: StockStatus,
    pub in_transit: i64,
    pub suggested: i64,
    /// Units in batches expiring within the store's warning band.
    pub expiring: i64,
    /// Units that will expire before they are used at this AMC.
    pub wasted: i64,
    /// The same, batch by batch (0 for batches that cannot be issued anyway).
    pub batch_waste: std::collections::HashMap<Uuid, i64>,
    pub settings: StoreSettings,
}

pub async fn positions(
    tx: &TenantTx,
    store: &StoreRecord,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> InfraResult<Vec<ItemPosition>> {
    let settings = settings_of(store);
    let from = now - Duration::days(settings.lookback_days as i64);
    let store_items = stock_repo::store_item_usage(tx, store.id, from).await?;
    let lines = stock_repo::stock_lines(tx, store.id).await?;
    let transit: HashMap<Uuid, i64> = indent_repo::in_transit_to(tx, store.id)
        .await?
        .into_iter()
        .collect();
    let ids: Vec<Uuid> = store_items.iter().map(|s| s.store_item.item_id).collect();
    let items: HashMap<Uuid, ItemRecord> = item_repo::by_ids(tx, &ids)
        .await?
        .into_iter()
        .map(|i| (i.id, i))
        .collect();
    let mut by_item: HashMap<Uuid, Vec<StockLine>> = HashMap::new();
    for l in lines {
        by_item.entry(l.item_id).or_default().push(l);
    }
    let warn_until = today + Duration::days(settings.expiry_warn_days as i64);
    let mut out: Vec<ItemPosition> = store_items
        .into_iter()
        .filter_map(|u| {
            let si = &u.store_item;
            let item = items.get(&si.item_id)?.clone();
            let batches = by_item.remove(&si.item_id).unwrap_or_default();
            let (consumed, days_out) =
                usage_between(u.before.as_ref(), u.first_at, u.latest.as_ref(), from, now);
            let amc = p::amc(consumed, settings.lookback_days, days_out);
            let own = StoreSettings {
                min_months: si.min_months.unwrap_or(settings.min_months),
                max_months: si.max_months.unwrap_or(settings.max_months),
                ..settings
            };
            let in_transit = transit.get(&si.item_id).copied().unwrap_or(0);
            let usable: Vec<&StockLine> = batches
                .iter()
                .filter(|b| b.batch.blocked(today).is_none())
                .collect();
            let usable_batches: Vec<(i64, i64)> = usable
                .iter()
                .map(|b| ((b.batch.expiry - today).num_days(), b.batch.quantity))
                .collect();
            let waste = p::wasted_before_expiry(&usable_batches, amc);
            let batch_waste: std::collections::HashMap<Uuid, i64> = usable
                .iter()
                .zip(&waste)
                .map(|(b, w)| (b.batch.batch, *w))
                .collect();
            let usable: i64 = usable_batches.iter().map(|b| b.1).sum();
            let months = p::months_of_stock(usable, amc);
            Some(ItemPosition {
                status: p::status(usable, months, &own),
                suggested: p::suggested_quantity(usable, amc, in_transit, &own),
                expiring: batches
                    .iter()
                    .filter(|b| b.batch.expiry <= warn_until)
                    .map(|b| b.batch.quantity)
                    .sum(),
                wasted: waste.iter().sum(),
                batch_waste,
                item,
                on_hand: si.on_hand,
                usable,
                batches,
                amc,
                months,
                days_out,
                in_transit,
                settings: own,
            })
        })
        .collect();
    out.sort_by(|a, b| a.item.name.cmp(&b.item.name));
    Ok(out)
}
