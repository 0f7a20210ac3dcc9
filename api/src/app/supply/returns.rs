//! Returning stock to the store above (near expiry, excess, expired for disposal,
//! recalled, damaged): out of one store and into the other in one transaction.

use super::{not_found, Supply};
use crate::app::professionals::today;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::supply::ledger::{quantity, MovementKind};
use arogya_domain::supply::returns::ReturnReason;
use arogya_infra::db::Access;
use arogya_infra::repos::supply::batches as batch_repo;
use arogya_infra::repos::supply::stock::{self as repo, Post, Posted};
use arogya_infra::repos::supply::stores as store_repo;
use chrono::Utc;
use serde_json::json;
use uuid::Uuid;

pub struct ReturnInput {
    pub store_id: Uuid,
    pub batch_id: Uuid,
    pub quantity: i64,
    pub reason: ReturnReason,
    pub note: Option<String>,
}

/// Both ends of a return: the returning store's row and the store above's.
pub struct Returned {
    pub out: Posted,
    pub into: Posted,
    pub to_store: Uuid,
}

impl Supply<'_> {
    /// Give a batch back to the store this store indents from. Only the returning
    /// store's staff do it; the store above sees it arrive on its ledger.
    pub async fn return_stock(&self, i: ReturnInput) -> ApiResult<Returned> {
        let q = quantity(i.quantity, "quantity")?;
        let note = super::stock::optional(i.note, "note", 300)?;
        let mut tx = self.tx(Access::Write).await?;
        let from = self.worked_store(&tx, i.store_id).await?;
        let to_id = from.parent_id.ok_or_else(|| {
            ApiError::validation(
                "storeId",
                "the state warehouse has no store above it: return to the supplier instead",
            )
        })?;
        let to = store_repo::find(&tx, to_id)
            .await?
            .ok_or_else(|| not_found("store"))?;
        let batch = batch_repo::find(&tx, i.batch_id)
            .await?
            .ok_or_else(|| not_found("batch"))?;
        // Lock both stores' rows for the item in one order, so a return and an issue
        // the other way cannot wait on each other.
        let mut stores = [from.id, to.id];
        stores.sort();
        for s in stores {
            repo::lock_item(&tx, s, batch.item_id).await?;
        }
        let held = repo::batches_in(&tx, from.id, batch.item_id)
            .await?
            .into_iter()
            .find(|b| b.batch == batch.id)
            .ok_or_else(|| {
                ApiError::validation("batchId", format!("{} holds none of this batch", from.name))
            })?;
        i.reason.allows(&held, today())?;
        let why = match &note {
            Some(n) => format!("{}: {n}", i.reason.as_str().replace('_', " ")),
            None => i.reason.as_str().replace('_', " "),
        };
        let now = Utc::now();
        let row = |store: Uuid, delta: i64, counterpart: Uuid, note: String| Post {
            store,
            item: batch.item_id,
            batch: batch.id,
            kind: MovementKind::Return,
            reason: None,
            delta,
            note: Some(note),
            counterpart: Some(counterpart),
            document: None,
            at: now,
            by: self.user(),
        };
        let out = repo::post(
            &tx,
            &row(
                from.id,
                -q,
                to.id,
                format!("returned to {} ({why})", to.name),
            ),
        )
        .await?;
        let into = repo::post(
            &tx,
            &row(
                to.id,
                q,
                from.id,
                format!("returned by {} ({why})", from.name),
            ),
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::StockMovement,
            "supply_ledger",
            out.ledger_id,
            json!({ "kind": "return", "storeId": from.id, "toStoreId": to.id, "batchId": batch.id,
                    "quantity": q, "reason": i.reason.as_str() }),
        )
        .await?;
        tx.commit().await?;
        Ok(Returned {
            out,
            into,
            to_store: to.id,
        })
    }
}
