//! Moving stock: receiving batches, issuing (first-expiry-first-out unless the user
//! names batches with a reason), adjusting with a reason; and reading a store's
//! stock on hand and an item's stock card.

use super::planning::{positions, ItemPosition};
use super::{not_found, Supply};
use crate::app::professionals::today;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::supply::fefo::{self, Pick, QualityStatus};
use arogya_domain::supply::ledger::{quantity, AdjustmentReason, Movement, MovementKind};
use arogya_domain::supply::text;
use arogya_infra::db::Access;
use arogya_infra::repos::supply::batches::{self as batch_repo, NewBatch};
use arogya_infra::repos::supply::stock::{self as repo, LedgerRow, Post, Posted};
use arogya_infra::repos::supply::stores::StoreRecord;
use arogya_infra::TenantTx;
use chrono::{NaiveDate, Utc};
use serde_json::json;
use uuid::Uuid;

pub struct ReceiptInput {
    pub store_id: Uuid,
    pub item_id: Uuid,
    pub batch_no: String,
    pub expires_on: NaiveDate,
    pub manufactured_on: Option<NaiveDate>,
    pub manufacturer: Option<String>,
    pub supplier: Option<String>,
    pub unit_price_paise: i64,
    pub quantity: i64,
    pub quality: Option<QualityStatus>,
    pub note: Option<String>,
}

pub struct IssueInput {
    pub store_id: Uuid,
    pub item_id: Uuid,
    pub quantity: i64,
    /// Where it goes (a camp, a programme): it leaves the stores.
    pub destination: String,
    /// Batches named by the user instead of first-expiry-first-out.
    pub batches: Option<Vec<Pick>>,
    pub override_reason: Option<String>,
}

pub struct AdjustmentInput {
    pub store_id: Uuid,
    pub batch_id: Uuid,
    pub reason: AdjustmentReason,
    pub quantity: i64,
    pub note: String,
}

/// Blank is none; otherwise 1 to `max` characters (the domain's rule).
pub(super) fn optional(v: Option<String>, field: &str, max: usize) -> ApiResult<Option<String>> {
    Ok(arogya_domain::supply::optional_text(
        v.as_deref(),
        field,
        max,
    )?)
}

/// Take `quantity` of an item out of a store, batch by batch, once its row is locked.
/// Returns each batch's share and the balances after it.
pub(super) async fn take_out(
    tx: &TenantTx,
    store: &StoreRecord,
    item: Uuid,
    quantity: i64,
    kind: MovementKind,
    choice: Option<(&[Pick], Option<&str>)>,
    post: impl Fn(Pick) -> Post,
) -> ApiResult<Vec<(Pick, Posted)>> {
    repo::lock_item(tx, store.id, item).await?;
    let stock = repo::batches_in(tx, store.id, item).await?;
    let picks = match choice {
        Some((chosen, reason)) => fefo::chosen(&stock, chosen, reason, today(), "batches")?,
        None => fefo::pick(&stock, quantity, today())
            .map_err(|s| s.into_error(&format!("usable stock in {}", store.name)))?,
    };
    let mut done = Vec::with_capacity(picks.len());
    for p in picks {
        let mut row = post(p);
        row.kind = kind;
        row.delta = -p.quantity;
        done.push((p, repo::post(tx, &row).await?));
    }
    Ok(done)
}

impl Supply<'_> {
    /// Stock from a supplier (or opening stock) into a store.
    pub async fn receive_stock(&self, i: ReceiptInput) -> ApiResult<Posted> {
        let q = quantity(i.quantity, "quantity")?;
        let batch_no = text(&i.batch_no, "batchNo", 1, 40)?.to_uppercase();
        if i.expires_on < today() {
            return Err(ApiError::validation(
                "expiresOn",
                "an expired batch is not taken into stock",
            ));
        }
        if i.manufactured_on
            .is_some_and(|m| m > today() || m >= i.expires_on)
        {
            return Err(ApiError::validation(
                "manufacturedOn",
                "must be in the past and before the expiry date",
            ));
        }
        if !(0..=100_000_000).contains(&i.unit_price_paise) {
            return Err(ApiError::validation(
                "unitPricePaise",
                "must be 0 to ₹10,00,000",
            ));
        }
        let manufacturer = optional(i.manufacturer, "manufacturer", 120)?;
        let supplier = optional(i.supplier, "supplier", 120)?;
        let note = optional(i.note, "note", 300)?;
        let mut tx = self.tx(Access::Write).await?;
        let store = self.worked_store(&tx, i.store_id).await?;
        let item = self.item(&tx, i.item_id).await?;
        let batch = batch_repo::find_or_insert(
            &tx,
            NewBatch {
                item_id: item.id,
                batch_no,
                expires_on: i.expires_on,
                manufactured_on: i.manufactured_on,
                manufacturer,
                supplier: supplier.clone(),
                unit_price_paise: i.unit_price_paise,
                quality_status: i.quality.unwrap_or(QualityStatus::NotRequired).as_str(),
            },
            "expiresOn",
        )
        .await?;
        repo::lock_item(&tx, store.id, item.id).await?;
        let m = Movement::new(MovementKind::Receipt, None, q)?;
        let posted = repo::post(
            &tx,
            &Post {
                store: store.id,
                item: item.id,
                batch: batch.id,
                kind: m.kind,
                reason: None,
                delta: m.delta,
                note: note.or(supplier.map(|s| format!("from {s}"))),
                counterpart: None,
                document: None,
                at: Utc::now(),
                by: self.user(),
            },
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::StockMovement,
            "supply_ledger",
            posted.ledger_id,
            json!({ "kind": "receipt", "storeId": store.id, "itemId": item.id, "batch": batch.batch_no, "quantity": q }),
        )
        .await?;
        tx.commit().await?;
        Ok(posted)
    }

    /// Stock out of the stores to a destination that is not a store.
    pub async fn issue_stock(&self, i: IssueInput) -> ApiResult<Vec<(Pick, Posted)>> {
        let q = quantity(i.quantity, "quantity")?;
        let destination = text(&i.destination, "destination", 2, 200)?;
        if let Some(b) = &i.batches {
            if b.iter().map(|p| p.quantity).sum::<i64>() != q || b.iter().any(|p| p.quantity <= 0) {
                return Err(ApiError::validation(
                    "batches",
                    "the batches' quantities must add up to the quantity issued",
                ));
            }
        }
        let mut tx = self.tx(Access::Write).await?;
        let store = self.worked_store(&tx, i.store_id).await?;
        let item = self.item(&tx, i.item_id).await?;
        let now = Utc::now();
        let by = self.user();
        let reason = i.override_reason.clone();
        let done = take_out(
            &tx,
            &store,
            item.id,
            q,
            MovementKind::Issue,
            i.batches
                .as_deref()
                .map(|b| (b, i.override_reason.as_deref())),
            |p| Post {
                store: store.id,
                item: item.id,
                batch: p.batch,
                kind: MovementKind::Issue,
                reason: None,
                delta: 0,
                note: Some(match &reason {
                    Some(r) if !r.trim().is_empty() => {
                        format!("to {destination} (batches chosen: {})", r.trim())
                    }
                    _ => format!("to {destination}"),
                }),
                counterpart: None,
                document: None,
                at: now,
                by,
            },
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::StockMovement,
            "supply_ledger",
            done[0].1.ledger_id,
            json!({ "kind": "issue", "storeId": store.id, "itemId": item.id, "quantity": q, "destination": destination,
                    "batches": done.iter().map(|(p, _)| json!({ "batchId": p.batch, "quantity": p.quantity })).collect::<Vec<_>>() }),
        )
        .await?;
        tx.commit().await?;
        Ok(done)
    }

    /// Correct a batch's stock with a reason (expired, damaged, lost, found at a count).
    pub async fn adjust_stock(&self, i: AdjustmentInput) -> ApiResult<Posted> {
        let m = Movement::new(MovementKind::Adjustment, Some(i.reason), i.quantity)?;
        let note = text(&i.note, "note", 3, 300)?;
        let mut tx = self.tx(Access::Write).await?;
        let store = self.worked_store(&tx, i.store_id).await?;
        let batch = batch_repo::find(&tx, i.batch_id)
            .await?
            .ok_or_else(|| not_found("batch"))?;
        repo::lock_item(&tx, store.id, batch.item_id).await?;
        let posted = repo::post(
            &tx,
            &Post {
                store: store.id,
                item: batch.item_id,
                batch: batch.id,
                kind: m.kind,
                reason: Some(i.reason),
                delta: m.delta,
                note: Some(note),
                counterpart: None,
                document: None,
                at: Utc::now(),
                by: self.user(),
            },
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::StockMovement,
            "supply_ledger",
            posted.ledger_id,
            json!({ "kind": "adjustment", "reason": i.reason.as_str(), "storeId": store.id, "batchId": batch.id, "quantity": m.delta }),
        )
        .await?;
        tx.commit().await?;
        Ok(posted)
    }

    /// Put a batch on hold (or release it) and record its quality-test result; the
    /// state's or the batch's store's people do this.
    pub async fn set_batch_quality(
        &self,
        batch: Uuid,
        expected_version: i32,
        on_hold: bool,
        quality: QualityStatus,
    ) -> ApiResult<batch_repo::BatchRecord> {
        self.require_configurer()?;
        let mut tx = self.tx(Access::Write).await?;
        batch_repo::find(&tx, batch)
            .await?
            .ok_or_else(|| not_found("batch"))?;
        batch_repo::set_quality(&tx, batch, expected_version, on_hold, quality.as_str()).await?;
        self.audit(
            &mut tx,
            AuditAction::StockMovement,
            "supply_batch",
            batch,
            json!({ "onHold": on_hold, "qualityStatus": quality.as_str() }),
        )
        .await?;
        let saved = batch_repo::find(&tx, batch)
            .await?
            .ok_or_else(|| not_found("batch"))?;
        tx.commit().await?;
        Ok(saved)
    }

    /// A store's stock on hand, item by item, with its planning figures.
    pub async fn stock_on_hand(&self, store: Uuid) -> ApiResult<(StoreRecord, Vec<ItemPosition>)> {
        let tx = self.tx(Access::Read).await?;
        let s = self.seen_store(&tx, store).await?;
        let p = positions(&tx, &s, today(), Utc::now()).await?;
        Ok((s, p))
    }

    /// An item's stock card in a store: its latest movements, newest first.
    pub async fn stock_card(
        &self,
        store: Uuid,
        item: Uuid,
        limit: u64,
    ) -> ApiResult<Vec<LedgerRow>> {
        let tx = self.tx(Access::Read).await?;
        let s = self.seen_store(&tx, store).await?;
        self.item(&tx, item).await?;
        Ok(repo::stock_card(&tx, s.id, item, limit.clamp(1, 500)).await?)
    }

    /// Whether a store's balances agree with its ledger: (batches, items) that do not.
    pub async fn ledger_check(&self, store: Uuid) -> ApiResult<(i64, i64)> {
        let tx = self.tx(Access::Read).await?;
        let s = self.seen_store(&tx, store).await?;
        Ok(repo::disagreements(&tx, s.id).await?)
    }
}
