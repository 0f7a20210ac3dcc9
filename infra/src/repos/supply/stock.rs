//! Stock and its ledger. A movement is posted in one go: the batch's stock in the
//! store, the store's stock of the item and a ledger row with both balances after it.
//! Before reading batches to choose from, a movement takes the lock on the store's
//! row for the item (`lock_item`), so two issues of the same item in the same store
//! go one after the other and the second sees what the first left.

use super::sql;
use crate::db::{Backend, InfraResult, TenantTx};
use arogya_domain::supply::fefo::{BatchStock, QualityStatus};
use arogya_domain::supply::ledger::{AdjustmentReason, MovementKind, Shortfall};
use arogya_domain::supply::planning::ItemMove;
use arogya_domain::supply::usage::UsageMark;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

/// Take (creating if need be) the store's row for the item, locked until the
/// transaction ends on PostgreSQL (SQLite's writer already holds the database).
/// Returns the store's stock of the item.
pub async fn lock_item(tx: &TenantTx, store: Uuid, item: Uuid) -> InfraResult<i64> {
    let t = tx.tenant().0;
    tx.conn()
        .execute_raw(sql(
            tx,
            "INSERT INTO supply_store_items (tenant_id, store_id, item_id, on_hand, updated_at)
             VALUES ($1, $2, $3, 0, $4) ON CONFLICT (tenant_id, store_id, item_id) DO NOTHING",
            vec![t.into(), store.into(), item.into(), Utc::now().into()],
        ))
        .await?;
    let lock = if tx.backend() == Backend::Postgres {
        " FOR UPDATE"
    } else {
        ""
    };
    let row = tx
        .conn()
        .query_one_raw(sql(
            tx,
            &format!(
                "SELECT on_hand FROM supply_store_items
                 WHERE tenant_id = $1 AND store_id = $2 AND item_id = $3{lock}"
            ),
            vec![t.into(), store.into(), item.into()],
        ))
        .await?;
    Ok(match row {
        Some(r) => r.try_get("", "on_hand")?,
        None => 0,
    })
}

/// The store's batches of an item with stock, for choosing what goes out.
pub async fn batches_in(tx: &TenantTx, store: Uuid, item: Uuid) -> InfraResult<Vec<BatchStock>> {
    let rows = tx
        .conn()
        .query_all_raw(sql(
            tx,
            "SELECT s.batch_id, s.quantity, b.batch_no, b.expires_on, b.on_hold, b.quality_status
             FROM supply_stock s
             JOIN supply_batches b ON b.tenant_id = s.tenant_id AND b.id = s.batch_id
             WHERE s.tenant_id = $1 AND s.store_id = $2 AND s.item_id = $3 AND s.quantity > 0",
            vec![tx.tenant().0.into(), store.into(), item.into()],
        ))
        .await?;
    rows.iter().map(batch_stock).collect()
}

/// A batch's stock from a row of `supply_stock` joined with `supply_batches`. An
/// unreadable quality status counts as pending: the batch stays on the shelf.
fn batch_stock(r: &sea_orm::QueryResult) -> InfraResult<BatchStock> {
    let quality: String = r.try_get("", "quality_status")?;
    Ok(BatchStock {
        batch: r.try_get("", "batch_id")?,
        batch_no: r.try_get("", "batch_no")?,
        expiry: r.try_get("", "expires_on")?,
        quantity: r.try_get("", "quantity")?,
        on_hold: r.try_get("", "on_hold")?,
        quality: QualityStatus::parse(&quality).unwrap_or(QualityStatus::Pending),
    })
}

/// One movement to post. The store's row for the item must be locked first.
#[derive(Debug, Clone)]
pub struct Post {
    pub store: Uuid,
    pub item: Uuid,
    pub batch: Uuid,
    pub kind: MovementKind,
    pub reason: Option<AdjustmentReason>,
    /// Signed: in is positive.
    pub delta: i64,
    pub note: Option<String>,
    pub counterpart: Option<Uuid>,
    pub document: Option<(&'static str, Uuid)>,
    pub at: DateTime<Utc>,
    pub by: Uuid,
}

/// The balances after a posted movement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posted {
    pub ledger_id: Uuid,
    pub batch_balance: i64,
    pub item_balance: i64,
}

/// The latest expiry among the batches a store may issue of an item, for
/// `supply_store_items.usable_until`, read from the row being updated (migration 37).
pub(super) const USABLE_UNTIL: &str = "(SELECT MAX(b.expires_on) FROM supply_stock s
      JOIN supply_batches b ON b.tenant_id = s.tenant_id AND b.id = s.batch_id
      WHERE s.tenant_id = supply_store_items.tenant_id AND s.store_id = supply_store_items.store_id
        AND s.item_id = supply_store_items.item_id AND s.quantity > 0
        AND b.on_hold = FALSE AND b.quality_status IN ('not_required', 'passed'))";

/// Post a movement, or fail with the shortfall (and change nothing) when the batch
/// has too little in the store.
pub async fn post(tx: &TenantTx, p: &Post) -> InfraResult<Posted> {
    let t = tx.tenant().0;
    let c = tx.conn();
    if p.delta > 0 {
        c.execute_raw(sql(
            tx,
            "INSERT INTO supply_stock (tenant_id, store_id, batch_id, item_id, quantity, updated_at)
             VALUES ($1, $2, $3, $4, 0, $5) ON CONFLICT (tenant_id, store_id, batch_id) DO NOTHING",
            vec![t.into(), p.store.into(), p.batch.into(), p.item.into(), p.at.into()],
        ))
        .await?;
    }
    let batch = c
        .query_one_raw(sql(
            tx,
            "UPDATE supply_stock SET quantity = quantity + $4, updated_at = $5
             WHERE tenant_id = $1 AND store_id = $2 AND batch_id = $3 AND quantity + $4 >= 0
             RETURNING quantity",
            vec![
                t.into(),
                p.store.into(),
                p.batch.into(),
                p.delta.into(),
                p.at.into(),
            ],
        ))
        .await?;
    let Some(batch) = batch else {
        let available = c
            .query_one_raw(sql(
                tx,
                "SELECT quantity FROM supply_stock WHERE tenant_id = $1 AND store_id = $2 AND batch_id = $3",
                vec![t.into(), p.store.into(), p.batch.into()],
            ))
            .await?
            .map(|r| r.try_get::<i64>("", "quantity"))
            .transpose()?
            .unwrap_or(0);
        return Err(Shortfall {
            requested: -p.delta,
            available,
        }
        .into_error("stock of this batch")
        .into());
    };
    let batch_balance: i64 = batch.try_get("", "quantity")?;
    let mark = next_mark(tx, p).await?;
    let item = c
        .query_one_raw(sql(
            tx,
            &format!(
                "UPDATE supply_store_items SET on_hand = on_hand + $4, updated_at = $5,
                        out_since = CASE WHEN on_hand + $4 > 0 THEN NULL
                                         WHEN out_since IS NULL THEN $5 ELSE out_since END,
                        usable_until = {USABLE_UNTIL},
                        consumed_total = $6, out_ms_total = $7, last_move_at = $5,
                        first_move_at = COALESCE(first_move_at, $5)
                 WHERE tenant_id = $1 AND store_id = $2 AND item_id = $3 AND on_hand + $4 >= 0
                 RETURNING on_hand"
            ),
            vec![
                t.into(),
                p.store.into(),
                p.item.into(),
                p.delta.into(),
                p.at.into(),
                mark.consumed.into(),
                mark.out_ms.into(),
            ],
        ))
        .await?
        .ok_or_else(|| {
            // The batch had it but the item total did not: the two disagree, which
            // the locking rules out. Refuse rather than post a wrong ledger.
            anyhow::anyhow!("store item total disagrees with its batches")
        })?;
    let item_balance: i64 = item.try_get("", "on_hand")?;
    let ledger_id = Uuid::now_v7();
    c.execute_raw(sql(
        tx,
        "INSERT INTO supply_ledger (tenant_id, id, store_id, item_id, batch_id, kind, reason, quantity,
                                    batch_balance, item_balance, note, counterpart_store_id,
                                    document_kind, document_id, at, by, consumed_total, out_ms_total)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
        vec![
            t.into(),
            ledger_id.into(),
            p.store.into(),
            p.item.into(),
            p.batch.into(),
            p.kind.as_str().into(),
            p.reason.map(|r| r.as_str().to_owned()).into(),
            p.delta.into(),
            batch_balance.into(),
            item_balance.into(),
            p.note.clone().into(),
            p.counterpart.into(),
            p.document.map(|d| d.0.to_owned()).into(),
            p.document.map(|d| d.1).into(),
            p.at.into(),
            p.by.into(),
            mark.consumed.into(),
            mark.out_ms.into(),
        ],
    ))
    .await?;
    Ok(Posted {
        ledger_id,
        batch_balance,
        item_balance,
    })
}

/// The item's running totals after `p` (`arogya_domain::supply::usage`), from its
/// store row's totals before it. The row is locked, so nothing moves in between.
async fn next_mark(tx: &TenantTx, p: &Post) -> InfraResult<UsageMark> {
    let row = tx
        .conn()
        .query_one_raw(sql(
            tx,
            "SELECT on_hand, consumed_total, out_ms_total, last_move_at FROM supply_store_items
             WHERE tenant_id = $1 AND store_id = $2 AND item_id = $3",
            vec![tx.tenant().0.into(), p.store.into(), p.item.into()],
        ))
        .await?
        .ok_or_else(|| anyhow::anyhow!("a movement posted without the store's row for the item"))?;
    let on_hand: i64 = row.try_get("", "on_hand")?;
    let prev = row
        .try_get::<Option<DateTime<Utc>>>("", "last_move_at")?
        .map(|at| -> InfraResult<UsageMark> {
            Ok(UsageMark {
                at,
                balance: on_hand,
                consumed: row.try_get("", "consumed_total")?,
                out_ms: row.try_get("", "out_ms_total")?,
            })
        })
        .transpose()?;
    Ok(UsageMark::after(
        prev.as_ref(),
        &ItemMove {
            at: p.at,
            delta: p.delta,
            item_balance: on_hand + p.delta,
            consumed: consumes(p.kind),
        },
    ))
}

/// Issued, transferred out or dispensed: what counts as consumption.
fn consumes(kind: MovementKind) -> bool {
    matches!(
        kind,
        MovementKind::Issue | MovementKind::TransferOut | MovementKind::Dispense
    )
}

/// A batch line of a store's stock on hand.
#[derive(Debug, Clone)]
pub struct StockLine {
    pub item_id: Uuid,
    pub batch: BatchStock,
    pub manufacturer: Option<String>,
    pub unit_price_paise: i64,
}

/// Every batch a store holds, with its details (one query).
pub async fn stock_lines(tx: &TenantTx, store: Uuid) -> InfraResult<Vec<StockLine>> {
    let rows = tx
        .conn()
        .query_all_raw(sql(
            tx,
            "SELECT s.item_id, s.batch_id, s.quantity, b.batch_no, b.expires_on, b.on_hold,
                    b.quality_status, b.manufacturer, b.unit_price_paise
             FROM supply_stock s
             JOIN supply_batches b ON b.tenant_id = s.tenant_id AND b.id = s.batch_id
             WHERE s.tenant_id = $1 AND s.store_id = $2 AND s.quantity > 0
             ORDER BY b.expires_on",
            vec![tx.tenant().0.into(), store.into()],
        ))
        .await?;
    rows.iter().map(stock_line).collect()
}

/// A `StockLine` from a row of `supply_stock` joined with `supply_batches`.
pub(super) fn stock_line(r: &sea_orm::QueryResult) -> InfraResult<StockLine> {
    Ok(StockLine {
        item_id: r.try_get("", "item_id")?,
        manufacturer: r.try_get("", "manufacturer")?,
        unit_price_paise: r.try_get("", "unit_price_paise")?,
        batch: batch_stock(r)?,
    })
}

/// A store's row for an item: its total and its own min/max.
#[derive(Debug, Clone)]
pub struct StoreItem {
    pub item_id: Uuid,
    pub on_hand: i64,
    pub min_months: Option<f64>,
    pub max_months: Option<f64>,
    pub out_since: Option<DateTime<Utc>>,
}

pub async fn store_items(tx: &TenantTx, store: Uuid) -> InfraResult<Vec<StoreItem>> {
    let rows = tx
        .conn()
        .query_all_raw(sql(
            tx,
            "SELECT item_id, on_hand, min_months, max_months, out_since FROM supply_store_items
             WHERE tenant_id = $1 AND store_id = $2",
            vec![tx.tenant().0.into(), store.into()],
        ))
        .await?;
    rows.iter().map(store_item).collect()
}

pub(super) fn store_item(r: &sea_orm::QueryResult) -> InfraResult<StoreItem> {
    Ok(StoreItem {
        item_id: r.try_get("", "item_id")?,
        on_hand: r.try_get("", "on_hand")?,
        min_months: r.try_get("", "min_months")?,
        max_months: r.try_get("", "max_months")?,
        out_since: r.try_get("", "out_since")?,
    })
}

/// A store's row for an item with the running totals planning needs over a period
/// from `from` (`arogya_domain::supply::usage::usage_between`).
#[derive(Debug, Clone)]
pub struct ItemUsage {
    pub store_item: StoreItem,
    /// The last ledger row before the period.
    pub before: Option<UsageMark>,
    pub first_at: Option<DateTime<Utc>>,
    /// The latest ledger row.
    pub latest: Option<UsageMark>,
}

/// Every item a store holds or has held, with its totals now and at the last ledger
/// row before `from`: one query, one index look-up per item, whatever the length of
/// the ledger.
pub async fn store_item_usage(
    tx: &TenantTx,
    store: Uuid,
    from: DateTime<Utc>,
) -> InfraResult<Vec<ItemUsage>> {
    // The last row before the period, looked up per item through the ledger's index:
    // a lateral join on PostgreSQL (joining on a subquery's id there hashes the whole
    // ledger), a join on the row's id on SQLite (which has no LATERAL and looks it up).
    let before = match tx.backend() {
        Backend::Postgres => {
            "LEFT JOIN LATERAL (
               SELECT l.at, l.item_balance, l.consumed_total, l.out_ms_total FROM supply_ledger l
               WHERE l.tenant_id = si.tenant_id AND l.store_id = si.store_id
                 AND l.item_id = si.item_id AND l.at < $3
               ORDER BY l.at DESC, l.id DESC LIMIT 1) b ON TRUE"
        }
        Backend::Sqlite => {
            "LEFT JOIN supply_ledger b ON b.tenant_id = si.tenant_id AND b.id = (
               SELECT l.id FROM supply_ledger l
               WHERE l.tenant_id = si.tenant_id AND l.store_id = si.store_id
                 AND l.item_id = si.item_id AND l.at < $3
               ORDER BY l.at DESC, l.id DESC LIMIT 1)"
        }
    };
    let rows = tx
        .conn()
        .query_all_raw(sql(
            tx,
            &format!(
                "SELECT si.item_id, si.on_hand, si.min_months, si.max_months, si.out_since,
                        si.consumed_total, si.out_ms_total, si.first_move_at, si.last_move_at,
                        b.at AS before_at, b.item_balance AS before_balance,
                        b.consumed_total AS before_consumed, b.out_ms_total AS before_out_ms
                 FROM supply_store_items si {before}
                 WHERE si.tenant_id = $1 AND si.store_id = $2"
            ),
            vec![tx.tenant().0.into(), store.into(), from.into()],
        ))
        .await?;
    rows.iter()
        .map(|r| {
            let store_item = store_item(r)?;
            let latest = r
                .try_get::<Option<DateTime<Utc>>>("", "last_move_at")?
                .map(|at| -> InfraResult<UsageMark> {
                    Ok(UsageMark {
                        at,
                        balance: store_item.on_hand,
                        consumed: r.try_get("", "consumed_total")?,
                        out_ms: r.try_get("", "out_ms_total")?,
                    })
                })
                .transpose()?;
            let before = r
                .try_get::<Option<DateTime<Utc>>>("", "before_at")?
                .map(|at| -> InfraResult<UsageMark> {
                    Ok(UsageMark {
                        at,
                        balance: r.try_get("", "before_balance")?,
                        consumed: r.try_get("", "before_consumed")?,
                        out_ms: r.try_get("", "before_out_ms")?,
                    })
                })
                .transpose()?;
            Ok(ItemUsage {
                first_at: r.try_get("", "first_move_at")?,
                store_item,
                before,
                latest,
            })
        })
        .collect()
}

/// A store's ledger rows since `from`, per item in time order, as planning reads them.
pub async fn moves_since(
    tx: &TenantTx,
    store: Uuid,
    from: DateTime<Utc>,
) -> InfraResult<Vec<(Uuid, ItemMove)>> {
    let rows = tx
        .conn()
        .query_all_raw(sql(
            tx,
            "SELECT item_id, at, quantity, item_balance, kind FROM supply_ledger
             WHERE tenant_id = $1 AND store_id = $2 AND at >= $3
             ORDER BY item_id, at, id",
            vec![tx.tenant().0.into(), store.into(), from.into()],
        ))
        .await?;
    rows.iter().map(item_move).collect()
}

/// (item, move) from a ledger row with `item_id, at, quantity, item_balance, kind`.
pub(super) fn item_move(r: &sea_orm::QueryResult) -> InfraResult<(Uuid, ItemMove)> {
    let kind: String = r.try_get("", "kind")?;
    Ok((
        r.try_get("", "item_id")?,
        ItemMove {
            at: r.try_get("", "at")?,
            delta: r.try_get("", "quantity")?,
            item_balance: r.try_get("", "item_balance")?,
            consumed: MovementKind::parse(&kind).is_ok_and(consumes),
        },
    ))
}

/// A ledger row as shown on a stock card.
#[derive(Debug, Clone)]
pub struct LedgerRow {
    pub id: Uuid,
    pub item_id: Uuid,
    pub batch_id: Uuid,
    pub kind: String,
    pub reason: Option<String>,
    pub quantity: i64,
    pub batch_balance: i64,
    pub item_balance: i64,
    pub note: Option<String>,
    pub counterpart_store_id: Option<Uuid>,
    pub document_kind: Option<String>,
    pub document_id: Option<Uuid>,
    pub at: DateTime<Utc>,
    pub by: Uuid,
}

/// A store's stock card for an item: its latest `limit` rows, newest first.
pub async fn stock_card(
    tx: &TenantTx,
    store: Uuid,
    item: Uuid,
    limit: u64,
) -> InfraResult<Vec<LedgerRow>> {
    let rows = tx
        .conn()
        .query_all_raw(sql(
            tx,
            &format!(
                "SELECT id, item_id, batch_id, kind, reason, quantity, batch_balance, item_balance, note,
                        counterpart_store_id, document_kind, document_id, at, by
                 FROM supply_ledger WHERE tenant_id = $1 AND store_id = $2 AND item_id = $3
                 ORDER BY at DESC, id DESC LIMIT {limit}"
            ),
            vec![tx.tenant().0.into(), store.into(), item.into()],
        ))
        .await?;
    rows.iter()
        .map(|r| {
            Ok(LedgerRow {
                id: r.try_get("", "id")?,
                item_id: r.try_get("", "item_id")?,
                batch_id: r.try_get("", "batch_id")?,
                kind: r.try_get("", "kind")?,
                reason: r.try_get("", "reason")?,
                quantity: r.try_get("", "quantity")?,
                batch_balance: r.try_get("", "batch_balance")?,
                item_balance: r.try_get("", "item_balance")?,
                note: r.try_get("", "note")?,
                counterpart_store_id: r.try_get("", "counterpart_store_id")?,
                document_kind: r.try_get("", "document_kind")?,
                document_id: r.try_get("", "document_id")?,
                at: r.try_get("", "at")?,
                by: r.try_get("", "by")?,
            })
        })
        .collect()
}

/// Whether every balance of a store agrees with its ledger: (batches whose stock is
/// not the sum of their rows, items whose total is not the sum of their batches).
pub async fn disagreements(tx: &TenantTx, store: Uuid) -> InfraResult<(i64, i64)> {
    let t = tx.tenant().0;
    let batches = tx
        .conn()
        .query_one_raw(sql(
            tx,
            "SELECT COUNT(*) AS n FROM supply_stock s
             WHERE s.tenant_id = $1 AND s.store_id = $2 AND s.quantity <>
                   (SELECT COALESCE(SUM(l.quantity), 0) FROM supply_ledger l
                    WHERE l.tenant_id = s.tenant_id AND l.store_id = s.store_id AND l.batch_id = s.batch_id)",
            vec![t.into(), store.into()],
        ))
        .await?
        .map(|r| r.try_get::<i64>("", "n"))
        .transpose()?
        .unwrap_or(0);
    let items = tx
        .conn()
        .query_one_raw(sql(
            tx,
            "SELECT COUNT(*) AS n FROM supply_store_items i
             WHERE i.tenant_id = $1 AND i.store_id = $2 AND i.on_hand <>
                   (SELECT COALESCE(SUM(s.quantity), 0) FROM supply_stock s
                    WHERE s.tenant_id = i.tenant_id AND s.store_id = i.store_id AND s.item_id = i.item_id)",
            vec![t.into(), store.into()],
        ))
        .await?
        .map(|r| r.try_get::<i64>("", "n"))
        .transpose()?
        .unwrap_or(0);
    Ok((batches, items))
}

/// Batches in a store expiring by `until`, for the expiry alerts.
pub async fn expiring(tx: &TenantTx, store: Uuid, until: NaiveDate) -> InfraResult<Vec<StockLine>> {
    Ok(stock_lines(tx, store)
        .await?
        .into_iter()
        .filter(|l| l.batch.expiry <= until)
        .collect())
}
