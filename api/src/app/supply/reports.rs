//! Supply reports: stock-outs across the stores in reach (a district's, or all), a
//! store's expiry list with the use expected before each batch expires, essential
//! medicines' availability per facility (share of the list in stock today, stock-out
//! days this month), and a store's consumption month by month.

use super::planning::positions;
use super::{store_ref, Supply};
use crate::app::professionals::today;
use crate::error::ApiResult;
use arogya_domain::appointment::{ist_date, ist_midnight};
use arogya_domain::ids::UnitId;
use arogya_domain::supply::access as rules;
use arogya_domain::supply::planning::usage;
use arogya_domain::supply::store::StoreLevel;
use arogya_infra::db::Access;
use arogya_infra::repos::supply::items::{self as item_repo, ItemRecord};
use arogya_infra::repos::supply::many;
use arogya_infra::repos::supply::reports as repo;
use arogya_infra::repos::supply::stock as stock_repo;
use arogya_infra::repos::supply::stores::{self as store_repo, StoreRecord};
use arogya_infra::repos::units;
use chrono::{Datelike, NaiveDate, Utc};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

pub struct StockOutRow {
    pub store: StoreRecord,
    pub item: ItemRecord,
    pub on_hand: i64,
    pub out_since: Option<chrono::DateTime<Utc>>,
}

pub struct ExpiryRow {
    pub item: ItemRecord,
    pub batch_no: String,
    pub expires_on: NaiveDate,
    pub days_left: i64,
    pub quantity: i64,
    /// Units expected to be used before the batch expires, at the store's AMC.
    pub expected_use: Option<i64>,
}

pub struct Availability {
    pub store: StoreRecord,
    pub essential_items: i64,
    pub in_stock: i64,
    /// Stock-out days of essential items this month, summed over the items.
    pub stock_out_days: i64,
}

impl Supply<'_> {
    /// The stores the caller sees, under `unit` when given.
    pub(super) async fn stores_in_reach(
        &self,
        tx: &arogya_infra::TenantTx,
        unit: Option<Uuid>,
    ) -> ApiResult<(Vec<StoreRecord>, Option<String>)> {
        let path = match unit {
            Some(u) => Some(
                units::find(tx, UnitId(u))
                    .await?
                    .ok_or_else(|| super::not_found("unit"))?
                    .path,
            ),
            None => None,
        };
        let stores = match path.as_deref() {
            Some(p) => store_repo::under(tx, p).await?,
            None => store_repo::all(tx).await?,
        };
        let stores = stores
            .into_iter()
            .filter(|s| rules::sees(self.principal, &store_ref(s)))
            .collect();
        Ok((stores, path))
    }

    pub async fn stock_out_report(&self, unit: Option<Uuid>) -> ApiResult<Vec<StockOutRow>> {
        let tx = self.tx(Access::Read).await?;
        let (stores, path) = self.stores_in_reach(&tx, unit).await?;
        let rows = repo::stock_outs(&tx, path.as_deref(), today()).await?;
        let by_id: HashMap<Uuid, StoreRecord> = stores.into_iter().map(|s| (s.id, s)).collect();
        let rows: Vec<_> = rows
            .into_iter()
            .filter(|r| by_id.contains_key(&r.store_id))
            .collect();
        let mut ids: Vec<Uuid> = rows.iter().map(|r| r.item_id).collect();
        ids.sort();
        ids.dedup();
        let items: HashMap<Uuid, ItemRecord> = item_repo::by_ids(&tx, &ids)
            .await?
            .into_iter()
            .map(|i| (i.id, i))
            .collect();
        let mut out: Vec<StockOutRow> = rows
            .into_iter()
            .filter_map(|r| {
                Some(StockOutRow {
                    store: by_id.get(&r.store_id)?.clone(),
                    item: items.get(&r.item_id)?.clone(),
                    on_hand: r.on_hand,
                    out_since: r.out_since,
                })
            })
            .collect();
        out.sort_by(|a, b| (&a.store.name, &a.item.name).cmp(&(&b.store.name, &b.item.name)));
        Ok(out)
    }

    /// A store's batches expiring within `days`, soonest first.
    pub async fn expiry_report(
        &self,
        store: Uuid,
        days: i64,
    ) -> ApiResult<(StoreRecord, Vec<ExpiryRow>)> {
        let tx = self.tx(Access::Read).await?;
        let s = self.seen_store(&tx, store).await?;
        let day = today();
        let until = day + chrono::Duration::days(days.clamp(1, 730));
        let mut out = Vec::new();
        for p in positions(&tx, &s, day, Utc::now()).await? {
            for b in p.batches.iter().filter(|b| b.batch.expiry <= until) {
                out.push(ExpiryRow {
                    item: p.item.clone(),
                    batch_no: b.batch.batch_no.clone(),
                    expires_on: b.batch.expiry,
                    days_left: (b.batch.expiry - day).num_days(),
                    quantity: b.batch.quantity,
                    expected_use: p.amc.map(|_| {
                        b.batch.quantity
                            - p.batch_waste
                                .get(&b.batch.batch)
                                .copied()
                                .unwrap_or(b.batch.quantity)
                    }),
                });
            }
        }
        out.sort_by(|a, b| (a.expires_on, &a.item.name).cmp(&(b.expires_on, &b.item.name)));
        Ok((s, out))
    }

    /// Essential medicines at each facility store in reach: how many of the list are
    /// in stock today, and the stock-out days this month.
    pub async fn availability_report(&self, unit: Option<Uuid>) -> ApiResult<Vec<Availability>> {
        let tx = self.tx(Access::Read).await?;
        let (stores, _) = self.stores_in_reach(&tx, unit).await?;
        let essential: Vec<ItemRecord> = item_repo::list(&tx, None, 5000)
            .await?
            .into_iter()
            .filter(|i| i.essential && i.active)
            .collect();
        let day = today();
        let month_start =
            ist_midnight(NaiveDate::from_ymd_opt(day.year(), day.month(), 1).unwrap_or(day));
        let now = Utc::now();
        let facilities: Vec<StoreRecord> = stores
            .into_iter()
            .filter(|s| matches!(StoreLevel::parse(&s.level), Ok(StoreLevel::Facility)))
            .collect();
        let ids: Vec<Uuid> = facilities.iter().map(|s| s.id).collect();
        // Three queries for all the facilities' stores, grouped here by store.
        let mut lines: HashMap<Uuid, Vec<_>> = HashMap::new();
        for (store, l) in many::stock_lines(&tx, &ids).await? {
            lines.entry(store).or_default().push(l);
        }
        let mut held: HashMap<(Uuid, Uuid), i64> = HashMap::new();
        for (store, h) in many::store_items(&tx, &ids).await? {
            held.insert((store, h.item_id), h.on_hand);
        }
        let mut moves: HashMap<(Uuid, Uuid), Vec<_>> = HashMap::new();
        for (store, item, m) in many::moves_since(&tx, &ids, month_start).await? {
            moves.entry((store, item)).or_default().push(m);
        }
        let mut out = Vec::with_capacity(facilities.len());
        for s in facilities {
            let lines = lines.remove(&s.id).unwrap_or_default();
            let mut in_stock = 0;
            let mut out_days = 0;
            for e in &essential {
                if lines
                    .iter()
                    .any(|l| l.item_id == e.id && l.batch.blocked(day).is_none())
                {
                    in_stock += 1;
                }
                let on_hand = held.get(&(s.id, e.id)).copied().unwrap_or(0);
                let (_, d) = usage(
                    on_hand,
                    moves.get(&(s.id, e.id)).map(Vec::as_slice).unwrap_or(&[]),
                    month_start,
                    now,
                );
                out_days += d as i64;
            }
            out.push(Availability {
                store: s,
                essential_items: essential.len() as i64,
                in_stock,
                stock_out_days: out_days,
            });
        }
        Ok(out)
    }

    /// A store's consumption (issued, transferred out, dispensed) per item and month
    /// (India's months), over the last `months`.
    pub async fn consumption_trend(
        &self,
        store: Uuid,
        months: u32,
    ) -> ApiResult<Vec<(ItemRecord, Vec<(String, i64)>)>> {
        let tx = self.tx(Access::Read).await?;
        let s = self.seen_store(&tx, store).await?;
        let day = today();
        let months = months.clamp(1, 24);
        let mut first = NaiveDate::from_ymd_opt(day.year(), day.month(), 1).unwrap_or(day);
        for _ in 1..months {
            first = first
                .checked_sub_months(chrono::Months::new(1))
                .unwrap_or(first);
        }
        let mut by: HashMap<Uuid, BTreeMap<String, i64>> = HashMap::new();
        for (item, m) in stock_repo::moves_since(&tx, s.id, ist_midnight(first)).await? {
            if m.consumed {
                let key = ist_date(m.at).format("%Y-%m").to_string();
                *by.entry(item).or_default().entry(key).or_default() -= m.delta;
            }
        }
        let ids: Vec<Uuid> = by.keys().copied().collect();
        let items = item_repo::by_ids(&tx, &ids).await?;
        let mut labels = Vec::new();
        let mut m = first;
        for _ in 0..months {
            labels.push(m.format("%Y-%m").to_string());
            m = m.checked_add_months(chrono::Months::new(1)).unwrap_or(m);
        }
        let mut out: Vec<(ItemRecord, Vec<(String, i64)>)> = items
            .into_iter()
            .map(|i| {
                let row = by.remove(&i.id).unwrap_or_default();
                let series = labels
                    .iter()
                    .map(|l| (l.clone(), row.get(l).copied().unwrap_or(0)))
                    .collect();
                (i, series)
            })
            .collect();
        out.sort_by(|a, b| a.0.name.cmp(&b.0.name));
        Ok(out)
    }
}
