//! Stock counts: the store's staff draw up a sheet (every batch the books say it
//! holds), enter what they count with reasons for differences, and submit it; a
//! supervisor over the store, not the counter, approves, which posts each
//! difference as an adjustment, or sends it back.

use super::{not_found, store_ref, Supply};
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::supply::access as rules;
use arogya_domain::supply::count::{self as domain, CountStatus};
use arogya_domain::supply::ledger::MovementKind;
use arogya_infra::db::Access;
use arogya_infra::repos::supply::batches::BatchRecord;
use arogya_infra::repos::supply::counts::{self as repo, CountLineRecord, CountRecord};
use arogya_infra::repos::supply::items::ItemRecord;
use arogya_infra::repos::supply::stock::{self as stock_repo, Post};
use arogya_infra::repos::supply::stores::StoreRecord;
use arogya_infra::TenantTx;
use chrono::Utc;
use serde_json::json;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

pub struct CountSheet {
    pub count: CountRecord,
    pub lines: Vec<CountLineRecord>,
    /// The lines' batches and items, for the people counting.
    pub batches: HashMap<Uuid, BatchRecord>,
    pub items: HashMap<Uuid, ItemRecord>,
}

pub struct Counted {
    pub batch_id: Uuid,
    pub counted: i64,
    pub reason: Option<String>,
}

/// Sheets with their lines' batches and items: two queries for any number.
async fn described(
    tx: &TenantTx,
    sheets: Vec<(CountRecord, Vec<CountLineRecord>)>,
) -> ApiResult<Vec<CountSheet>> {
    let all = sheets.iter().flat_map(|(_, l)| l);
    let batches = super::batches_by_id(tx, all.clone().map(|l| l.batch_id)).await?;
    let items = super::items_by_id(tx, all.map(|l| l.item_id)).await?;
    Ok(sheets
        .into_iter()
        .map(|(count, lines)| CountSheet {
            batches: lines
                .iter()
                .filter_map(|l| batches.get(&l.batch_id).map(|b| (b.id, b.clone())))
                .collect(),
            items: lines
                .iter()
                .filter_map(|l| items.get(&l.item_id).map(|i| (i.id, i.clone())))
                .collect(),
            count,
            lines,
        })
        .collect())
}

impl Supply<'_> {
    async fn sheet(&self, tx: &TenantTx, id: Uuid) -> ApiResult<(CountRecord, StoreRecord)> {
        let c = repo::find(tx, id)
            .await?
            .ok_or_else(|| not_found("stock count"))?;
        let s = self.seen_store(tx, c.store_id).await?;
        Ok((c, s))
    }

    async fn full(&self, tx: &TenantTx, count: CountRecord) -> ApiResult<CountSheet> {
        let lines = repo::lines_of(tx, count.id).await?;
        Ok(described(tx, vec![(count, lines)]).await?.remove(0))
    }

    /// The sheet as it now stands, then commit.
    async fn commit_sheet(&self, tx: TenantTx, id: Uuid) -> ApiResult<CountSheet> {
        let c = repo::find(&tx, id)
            .await?
            .ok_or_else(|| not_found("stock count"))?;
        let sheet = self.full(&tx, c).await?;
        tx.commit().await?;
        Ok(sheet)
    }

    pub async fn start_count(&self, store: Uuid, note: Option<String>) -> ApiResult<CountSheet> {
        let note = super::stock::optional(note, "note", 300)?;
        let mut tx = self.tx(Access::Write).await?;
        let s = self.worked_store(&tx, store).await?;
        let lines: Vec<(Uuid, Uuid, i64)> = stock_repo::stock_lines(&tx, s.id)
            .await?
            .iter()
            .map(|l| (l.batch.batch, l.item_id, l.batch.quantity))
            .collect();
        let count = repo::insert(&tx, s.id, note, &lines, self.user()).await?;
        self.audit(
            &mut tx,
            AuditAction::StockMovement,
            "supply_count",
            count.id,
            json!({ "status": "open", "storeId": s.id, "lines": lines.len() }),
        )
        .await?;
        let sheet = self.full(&tx, count).await?;
        tx.commit().await?;
        Ok(sheet)
    }

    /// Enter counts on an open sheet (any number of lines at a time).
    pub async fn record_counts(
        &self,
        id: Uuid,
        expected_version: i32,
        counted: Vec<Counted>,
    ) -> ApiResult<CountSheet> {
        let mut tx = self.tx(Access::Write).await?;
        let (c, s) = self.sheet(&tx, id).await?;
        if !rules::works(self.principal, &store_ref(&s)) {
            return Err(ApiError::Forbidden(format!(
                "only {}'s staff count its stock",
                s.name
            )));
        }
        let lines = repo::lines_of(&tx, id).await?;
        let mut seen = HashSet::new();
        for (n, x) in counted.iter().enumerate() {
            let field = format!("lines.{n}");
            let line = lines
                .iter()
                .find(|l| l.batch_id == x.batch_id)
                .ok_or_else(|| {
                    ApiError::validation(&format!("{field}.batchId"), "not a batch on this sheet")
                })?;
            if !seen.insert(x.batch_id) {
                return Err(ApiError::validation(
                    &format!("{field}.batchId"),
                    "each batch once",
                ));
            }
            let reason = domain::check_line(line.expected, x.counted, x.reason.as_deref(), &field)?;
            repo::set_counted(&tx, id, x.batch_id, x.counted, reason).await?;
        }
        repo::touch(&tx, id, expected_version).await?;
        self.audit(
            &mut tx,
            AuditAction::StockMovement,
            "supply_count",
            id,
            json!({ "counted": counted.len() }),
        )
        .await?;
        self.commit_sheet(tx, c.id).await
    }

    pub async fn submit_count(&self, id: Uuid, expected_version: i32) -> ApiResult<CountSheet> {
        let mut tx = self.tx(Access::Write).await?;
        let (c, s) = self.sheet(&tx, id).await?;
        if !rules::works(self.principal, &store_ref(&s)) {
            return Err(ApiError::Forbidden(format!(
                "only {}'s staff count its stock",
                s.name
            )));
        }
        let missing = repo::lines_of(&tx, id)
            .await?
            .iter()
            .filter(|l| l.counted.is_none())
            .count();
        if missing > 0 {
            return Err(ApiError::validation(
                "lines",
                format!("{missing} batches are not counted yet"),
            ));
        }
        repo::advance(
            &tx,
            id,
            expected_version,
            CountStatus::Open,
            CountStatus::Submitted,
            self.user(),
            Utc::now(),
            None,
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::StockMovement,
            "supply_count",
            id,
            json!({ "status": "submitted" }),
        )
        .await?;
        self.commit_sheet(tx, c.id).await
    }

    /// A supervisor approves (posting every difference) or rejects with a note.
    pub async fn decide_count(
        &self,
        id: Uuid,
        expected_version: i32,
        approve: bool,
        note: Option<String>,
    ) -> ApiResult<CountSheet> {
        let note = super::stock::optional(note, "note", 300)?;
        if !approve && note.is_none() {
            return Err(ApiError::validation(
                "note",
                "say why the count is sent back",
            ));
        }
        let mut tx = self.tx(Access::Write).await?;
        let (c, s) = self.sheet(&tx, id).await?;
        if !rules::supervises(self.principal, &store_ref(&s)) {
            return Err(ApiError::Forbidden(
                "a stock count is approved by a supervisor over the store".into(),
            ));
        }
        if c.submitted_by == Some(self.user()) || c.created_by == self.user() {
            return Err(ApiError::Forbidden(
                "the count is approved by someone other than who counted".into(),
            ));
        }
        let now = Utc::now();
        let mut posted = Vec::new();
        if approve {
            let lines = repo::lines_of(&tx, id).await?;
            let mut locked = HashSet::new();
            for l in &lines {
                let Some((reason, q)) =
                    domain::adjustment(l.expected, l.counted.unwrap_or(l.expected))
                else {
                    continue;
                };
                if locked.insert(l.item_id) {
                    stock_repo::lock_item(&tx, s.id, l.item_id).await?;
                }
                let delta = if reason.adds() { q } else { -q };
                stock_repo::post(
                    &tx,
                    &Post {
                        store: s.id,
                        item: l.item_id,
                        batch: l.batch_id,
                        kind: MovementKind::Adjustment,
                        reason: Some(reason),
                        delta,
                        note: l.reason.clone(),
                        counterpart: None,
                        document: Some(("count", id)),
                        at: now,
                        by: self.user(),
                    },
                )
                .await?;
                posted.push(json!({ "batchId": l.batch_id, "quantity": delta }));
            }
        }
        let to = if approve {
            CountStatus::Approved
        } else {
            CountStatus::Rejected
        };
        repo::advance(
            &tx,
            id,
            expected_version,
            CountStatus::Submitted,
            to,
            self.user(),
            now,
            note,
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::StockMovement,
            "supply_count",
            id,
            json!({ "status": to.as_str(), "adjustments": posted }),
        )
        .await?;
        self.commit_sheet(tx, c.id).await
    }

    pub async fn counts_of(&self, store: Uuid) -> ApiResult<Vec<CountSheet>> {
        let tx = self.tx(Access::Read).await?;
        let s = self.seen_store(&tx, store).await?;
        let sheets = repo::of_store(&tx, s.id, 10).await?;
        let ids: Vec<Uuid> = sheets.iter().map(|c| c.id).collect();
        let mut lines = repo::lines_of_many(&tx, &ids).await?;
        let sheets = sheets
            .into_iter()
            .map(|count| {
                let (mine, rest): (Vec<_>, Vec<_>) =
                    lines.drain(..).partition(|l| l.count_id == count.id);
                lines = rest;
                (count, mine)
            })
            .collect();
        described(&tx, sheets).await
    }
}
