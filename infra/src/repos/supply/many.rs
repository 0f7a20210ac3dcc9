//! A report's reads over many stores at once (the availability of essential medicines
//! across a district's facilities, a kit's shortfalls): one query per 500 stores
//! instead of one per store.

use super::sql;
use super::stock::{item_move, stock_line, store_item, StockLine, StoreItem};
use crate::db::{InfraResult, TenantTx};
use arogya_domain::supply::planning::ItemMove;
use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

/// Stores per query: well inside SQLite's limit on bound values.
const CHUNK: usize = 500;

/// Runs `query` (given the `$n, …` marks of one chunk of stores, bound after `fixed`)
/// for every chunk of `stores`, and reads each row with `row`.
async fn per_chunk<T>(
    tx: &TenantTx,
    stores: &[Uuid],
    fixed: Vec<sea_orm::Value>,
    query: impl Fn(&str) -> String,
    row: impl Fn(&sea_orm::QueryResult) -> InfraResult<T>,
) -> InfraResult<Vec<T>> {
    let mut out = Vec::new();
    for chunk in stores.chunks(CHUNK) {
        let first = fixed.len() + 1;
        let marks: Vec<String> = (0..chunk.len())
            .map(|i| format!("${}", first + i))
            .collect();
        let mut values = fixed.clone();
        values.extend(chunk.iter().map(|s| sea_orm::Value::from(*s)));
        let rows = tx
            .conn()
            .query_all_raw(sql(tx, &query(&marks.join(", ")), values))
            .await?;
        for r in &rows {
            out.push(row(r)?);
        }
    }
    Ok(out)
}

/// Every batch each store holds, as (store, line).
pub async fn stock_lines(tx: &TenantTx, stores: &[Uuid]) -> InfraResult<Vec<(Uuid, StockLine)>> {
    per_chunk(
        tx,
        stores,
        vec![tx.tenant().0.into()],
        |marks| {
            format!(
                "SELECT s.store_id, s.item_id, s.batch_id, s.quantity, b.batch_no, b.expires_on, b.on_hold,
                        b.quality_status, b.manufacturer, b.unit_price_paise
                 FROM supply_stock s
                 JOIN supply_batches b ON b.tenant_id = s.tenant_id AND b.id = s.batch_id
                 WHERE s.tenant_id = $1 AND s.store_id IN ({marks}) AND s.quantity > 0"
            )
        },
        |r| Ok((r.try_get("", "store_id")?, stock_line(r)?)),
    )
    .await
}

/// Each store's rows per item, as (store, item row).
pub async fn store_items(tx: &TenantTx, stores: &[Uuid]) -> InfraResult<Vec<(Uuid, StoreItem)>> {
    per_chunk(
        tx,
        stores,
        vec![tx.tenant().0.into()],
        |marks| {
            format!(
                "SELECT store_id, item_id, on_hand, min_months, max_months, out_since FROM supply_store_items
                 WHERE tenant_id = $1 AND store_id IN ({marks})"
            )
        },
        |r| Ok((r.try_get("", "store_id")?, store_item(r)?)),
    )
    .await
}

/// Each store's ledger rows since `from`, as (store, item, move) in time order.
pub async fn moves_since(
    tx: &TenantTx,
    stores: &[Uuid],
    from: DateTime<Utc>,
) -> InfraResult<Vec<(Uuid, Uuid, ItemMove)>> {
    per_chunk(
        tx,
        stores,
        vec![tx.tenant().0.into(), from.into()],
        |marks| {
            format!(
                "SELECT store_id, item_id, at, quantity, item_balance, kind FROM supply_ledger
                 WHERE tenant_id = $1 AND at >= $2 AND store_id IN ({marks})
                 ORDER BY store_id, item_id, at, id"
            )
        },
        |r| {
            let (item, m) = item_move(r)?;
            Ok((r.try_get("", "store_id")?, item, m))
        },
    )
    .await
}
