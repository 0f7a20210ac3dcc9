//! Report queries across stores.

use super::sql;
use crate::db::{InfraResult, TenantTx};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

/// An item a store holds (or held) with nothing usable today.
#[derive(Debug, Clone)]
pub struct StockOut {
    pub store_id: Uuid,
    pub item_id: Uuid,
    pub on_hand: i64,
    pub out_since: Option<DateTime<Utc>>,
}

/// Items with no usable stock (none, or only expired, held or untested batches) in
/// the stores whose unit path starts with `path` (every store when none): one query,
/// on the usable-until rollup kept with each store item.
pub async fn stock_outs(
    tx: &TenantTx,
    path: Option<&str>,
    today: NaiveDate,
) -> InfraResult<Vec<StockOut>> {
    let mut values: Vec<sea_orm::Value> = vec![tx.tenant().0.into(), today.into()];
    let within = match path {
        Some(p) => {
            values.push(format!("{p}%").into());
            " AND st.unit_path LIKE $3"
        }
        None => "",
    };
    let rows = tx
        .conn()
        .query_all_raw(sql(
            tx,
            &format!(
                "SELECT si.store_id AS store_id, si.item_id AS item_id, si.on_hand AS on_hand, si.out_since AS out_since
                 FROM supply_store_items si
                 JOIN supply_stores st ON st.tenant_id = si.tenant_id AND st.id = si.store_id
                 WHERE si.tenant_id = $1{within}
                   AND (si.usable_until IS NULL OR si.usable_until < $2)"
            ),
            values,
        ))
        .await?;
    rows.iter()
        .map(|r| {
            Ok(StockOut {
                store_id: r.try_get("", "store_id")?,
                item_id: r.try_get("", "item_id")?,
                on_hand: r.try_get("", "on_hand")?,
                out_since: r.try_get("", "out_since")?,
            })
        })
        .collect()
}
