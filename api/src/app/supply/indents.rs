//! Indents: a store asks the store above it for stock; the store above approves
//! (in full, in part, or not at all with a reason) and issues what it approved from
//! its batches, first-expiry-first-out, on an issue voucher; the asking store records
//! what arrived, with shortages and damage. Issued stock is in transit until then.

use super::planning::positions;
use super::stock::{optional, take_out};
use super::{not_found, store_ref, Supply};
use crate::app::professionals::today;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::supply::access as rules;
use arogya_domain::supply::indent::{self as domain, IndentStatus};
use arogya_domain::supply::ledger::{quantity, MovementKind};
use arogya_infra::db::Access;
use arogya_infra::repos::supply::batches::BatchRecord;
use arogya_infra::repos::supply::indents::{
    self as repo, IndentLineRecord, IndentRecord, NewLine, VoucherLineRecord,
};
use arogya_infra::repos::supply::items::{self as item_repo, ItemRecord};
use arogya_infra::repos::supply::stock::{self as stock_repo, Post};
use arogya_infra::repos::supply::stores::{self as store_repo, StoreRecord};
use arogya_infra::TenantTx;
use chrono::Utc;
use serde_json::json;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// An indent with its lines and its voucher.
#[derive(Debug, Clone)]
pub struct Indent {
    pub indent: IndentRecord,
    pub lines: Vec<IndentLineRecord>,
    pub voucher: Vec<VoucherLineRecord>,
    /// The items of the lines and the batches of the voucher.
    pub items: HashMap<Uuid, ItemRecord>,
    pub batches: HashMap<Uuid, BatchRecord>,
}

pub struct Decision {
    pub item_id: Uuid,
    pub approved: i64,
    pub reason: Option<String>,
}

pub struct Arrival {
    pub batch_id: Uuid,
    pub received: i64,
    pub damaged: i64,
}

const MAX_LINES: usize = 200;

impl Supply<'_> {
    pub(super) async fn indent_record(
        &self,
        tx: &TenantTx,
        id: Uuid,
    ) -> ApiResult<(IndentRecord, StoreRecord, StoreRecord)> {
        let i = repo::find(tx, id)
            .await?
            .ok_or_else(|| not_found("indent"))?;
        let stores = store_repo::by_ids(tx, &[i.from_store_id, i.to_store_id]).await?;
        let get = |id: Uuid| {
            stores
                .iter()
                .find(|s| s.id == id)
                .cloned()
                .ok_or_else(|| not_found("store"))
        };
        let (from, to) = (get(i.from_store_id)?, get(i.to_store_id)?);
        if !rules::sees(self.principal, &store_ref(&from))
            && !rules::sees(self.principal, &store_ref(&to))
        {
            return Err(not_found("indent"));
        }
        Ok((i, from, to))
    }

    fn require_works(&self, s: &StoreRecord, doing: &str) -> ApiResult<()> {
        if rules::works(self.principal, &store_ref(s)) {
            Ok(())
        } else {
            Err(ApiError::Forbidden(format!(
                "only {}'s staff {doing}",
                s.name
            )))
        }
    }

    pub(super) async fn load(&self, tx: &TenantTx, i: IndentRecord) -> ApiResult<Indent> {
        Ok(self.load_many(tx, vec![i]).await?.remove(0))
    }

    /// Indents with their lines, vouchers, items and batches: four queries for any number.
    async fn load_many(&self, tx: &TenantTx, list: Vec<IndentRecord>) -> ApiResult<Vec<Indent>> {
        let ids: Vec<Uuid> = list.iter().map(|i| i.id).collect();
        let all_lines = repo::lines_of(tx, &ids).await?;
        let all_voucher = repo::voucher_of(tx, &ids).await?;
        let items = super::items_by_id(tx, all_lines.iter().map(|l| l.item_id)).await?;
        let batches = super::batches_by_id(tx, all_voucher.iter().map(|v| v.batch_id)).await?;
        let mut lines: HashMap<Uuid, Vec<IndentLineRecord>> = HashMap::new();
        for l in all_lines {
            lines.entry(l.indent_id).or_default().push(l);
        }
        let mut voucher: HashMap<Uuid, Vec<VoucherLineRecord>> = HashMap::new();
        for v in all_voucher {
            voucher.entry(v.indent_id).or_default().push(v);
        }
        Ok(list
            .into_iter()
            .map(|i| {
                let lines = lines.remove(&i.id).unwrap_or_default();
                let voucher = voucher.remove(&i.id).unwrap_or_default();
                Indent {
                    items: lines
                        .iter()
                        .filter_map(|l| items.get(&l.item_id).map(|x| (x.id, x.clone())))
                        .collect(),
                    batches: voucher
                        .iter()
                        .filter_map(|v| batches.get(&v.batch_id).map(|x| (x.id, x.clone())))
                        .collect(),
                    lines,
                    voucher,
                    indent: i,
                }
            })
            .collect())
    }

    /// Ask the store above for stock. Each line carries the asking store's stock and
    /// AMC at the time, so the store above sees why.
    pub async fn raise_indent(
        &self,
        store: Uuid,
        lines: Vec<(Uuid, i64)>,
        note: Option<String>,
    ) -> ApiResult<Indent> {
        if lines.is_empty() || lines.len() > MAX_LINES {
            return Err(ApiError::validation(
                "lines",
                format!("ask for 1 to {MAX_LINES} items"),
            ));
        }
        let mut seen = HashSet::new();
        for (n, (item, q)) in lines.iter().enumerate() {
            quantity(*q, &format!("lines.{n}.quantity"))?;
            if !seen.insert(*item) {
                return Err(ApiError::validation(
                    &format!("lines.{n}.itemId"),
                    "each item once",
                ));
            }
        }
        let note = optional(note, "note", 300)?;
        let mut tx = self.tx(Access::Write).await?;
        let from = self.worked_store(&tx, store).await?;
        let to = from.parent_id.ok_or_else(|| {
            ApiError::validation(
                "storeId",
                "the state warehouse buys from suppliers; it does not indent",
            )
        })?;
        let ids: Vec<Uuid> = lines.iter().map(|l| l.0).collect();
        let found = item_repo::by_ids(&tx, &ids).await?;
        if let Some(n) = ids.iter().position(|id| !found.iter().any(|f| f.id == *id)) {
            return Err(ApiError::validation(
                &format!("lines.{n}.itemId"),
                "no such item in the catalogue",
            ));
        }
        let now = positions(&tx, &from, today(), Utc::now()).await?;
        let new_lines = lines
            .iter()
            .map(|(item, q)| {
                let p = now.iter().find(|p| p.item.id == *item);
                NewLine {
                    item_id: *item,
                    requested: *q,
                    stock_on_hand: p.map(|p| p.usable).unwrap_or(0),
                    amc: p.and_then(|p| p.amc),
                    wasted_before_use: p.map(|p| p.wasted).unwrap_or(0),
                }
            })
            .collect();
        let indent = repo::insert(&tx, from.id, to, note, new_lines, self.user()).await?;
        self.audit(
            &mut tx,
            AuditAction::IndentChange,
            "supply_indent",
            indent.id,
            json!({ "status": "submitted", "number": indent.number, "lines": lines.len() }),
        )
        .await?;
        let full = self.load(&tx, indent).await?;
        tx.commit().await?;
        Ok(full)
    }

    /// The store above decides each line: every line, in one go.
    pub async fn decide_indent(
        &self,
        id: Uuid,
        expected_version: i32,
        decisions: Vec<Decision>,
    ) -> ApiResult<Indent> {
        let mut tx = self.tx(Access::Write).await?;
        let (indent, _, to) = self.indent_record(&tx, id).await?;
        self.require_works(&to, "approve indents to it")?;
        IndentStatus::parse(&indent.status)?.require(IndentStatus::Submitted, "approved")?;
        let lines = repo::lines_of(&tx, &[id]).await?;
        let mut decided = Vec::with_capacity(lines.len());
        for (n, line) in lines.iter().enumerate() {
            let d = decisions
                .iter()
                .find(|d| d.item_id == line.item_id)
                .ok_or_else(|| {
                    ApiError::validation(&format!("lines.{n}"), "decide every line of the indent")
                })?;
            let field = format!("lines.{n}");
            decided.push((
                line.item_id,
                domain::decide(line.requested, d.approved, d.reason.as_deref(), &field)?,
            ));
        }
        if decisions.len() != lines.len() {
            return Err(ApiError::validation(
                "lines",
                "decide only the lines of the indent",
            ));
        }
        for (item, d) in &decided {
            repo::set_decision(&tx, id, *item, d.approved, d.reason.clone()).await?;
        }
        let status =
            domain::after_decision(&decided.iter().map(|(_, d)| d.approved).collect::<Vec<_>>());
        repo::advance(
            &tx,
            id,
            expected_version,
            IndentStatus::Submitted,
            status,
            self.user(),
            Utc::now(),
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::IndentChange,
            "supply_indent",
            id,
            json!({ "status": status.as_str(), "approved": decided.iter().map(|(i, d)| json!({ "itemId": i, "approved": d.approved, "reason": d.reason })).collect::<Vec<_>>() }),
        )
        .await?;
        let i = repo::find(&tx, id)
            .await?
            .ok_or_else(|| not_found("indent"))?;
        let full = self.load(&tx, i).await?;
        tx.commit().await?;
        Ok(full)
    }

    /// Issue what was approved, first-expiry-first-out, onto the voucher. All lines
    /// go or none: a shortfall names the item and how much is missing.
    pub async fn issue_indent(&self, id: Uuid, expected_version: i32) -> ApiResult<Indent> {
        let mut tx = self.tx(Access::Write).await?;
        let (indent, from, to) = self.indent_record(&tx, id).await?;
        self.require_works(&to, "issue against indents to it")?;
        IndentStatus::parse(&indent.status)?.require(IndentStatus::Approved, "issued")?;
        let lines = repo::lines_of(&tx, &[id]).await?;
        let items: HashMap<Uuid, String> =
            item_repo::by_ids(&tx, &lines.iter().map(|l| l.item_id).collect::<Vec<_>>())
                .await?
                .into_iter()
                .map(|i| (i.id, i.name))
                .collect();
        let now = Utc::now();
        let by = self.user();
        let mut issued = Vec::new();
        for line in lines.iter().filter(|l| l.approved.unwrap_or(0) > 0) {
            let q = line.approved.unwrap_or(0);
            let name = items.get(&line.item_id).cloned().unwrap_or_default();
            let done = take_out(
                &tx,
                &to,
                line.item_id,
                q,
                MovementKind::TransferOut,
                None,
                |p| Post {
                    store: to.id,
                    item: line.item_id,
                    batch: p.batch,
                    kind: MovementKind::TransferOut,
                    reason: None,
                    delta: 0,
                    note: Some(format!("indent {} to {}", indent.number, from.name)),
                    counterpart: Some(from.id),
                    document: Some(("indent", id)),
                    at: now,
                    by,
                },
            )
            .await
            .map_err(|e| match e {
                ApiError::Conflict(m) => ApiError::Conflict(format!("{name}: {m}")),
                other => other,
            })?;
            for (p, _) in done {
                repo::add_voucher_line(&tx, id, line.item_id, p.batch, p.quantity).await?;
                issued.push(
                    json!({ "itemId": line.item_id, "batchId": p.batch, "quantity": p.quantity }),
                );
            }
        }
        repo::advance(
            &tx,
            id,
            expected_version,
            IndentStatus::Approved,
            IndentStatus::Issued,
            by,
            now,
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::IndentChange,
            "supply_indent",
            id,
            json!({ "status": "issued", "voucher": issued }),
        )
        .await?;
        let i = repo::find(&tx, id)
            .await?
            .ok_or_else(|| not_found("indent"))?;
        let full = self.load(&tx, i).await?;
        tx.commit().await?;
        Ok(full)
    }

    /// The asking store records what arrived of each batch on the voucher: received
    /// in good order goes into its stock; damaged and short are kept on the voucher.
    pub async fn receive_indent(
        &self,
        id: Uuid,
        expected_version: i32,
        arrivals: Vec<Arrival>,
    ) -> ApiResult<Indent> {
        let mut tx = self.tx(Access::Write).await?;
        let (indent, from, to) = self.indent_record(&tx, id).await?;
        self.require_works(&from, "receive what was issued to it")?;
        IndentStatus::parse(&indent.status)?.require(IndentStatus::Issued, "received")?;
        let voucher = repo::voucher_of(&tx, &[id]).await?;
        if arrivals.len() != voucher.len() {
            return Err(ApiError::validation(
                "arrivals",
                "say what arrived of every batch on the voucher",
            ));
        }
        let now = Utc::now();
        let mut locked = HashSet::new();
        let mut record = Vec::new();
        for (n, v) in voucher.iter().enumerate() {
            let a = arrivals
                .iter()
                .find(|a| a.batch_id == v.batch_id)
                .ok_or_else(|| {
                    ApiError::validation(
                        &format!("arrivals.{n}"),
                        "say what arrived of every batch on the voucher",
                    )
                })?;
            let short =
                domain::check_receipt(v.quantity, a.received, a.damaged, &format!("arrivals.{n}"))?;
            if locked.insert(v.item_id) {
                stock_repo::lock_item(&tx, from.id, v.item_id).await?;
            }
            if a.received > 0 {
                stock_repo::post(
                    &tx,
                    &Post {
                        store: from.id,
                        item: v.item_id,
                        batch: v.batch_id,
                        kind: MovementKind::TransferIn,
                        reason: None,
                        delta: a.received,
                        note: Some(format!("indent {} from {}", indent.number, to.name)),
                        counterpart: Some(to.id),
                        document: Some(("indent", id)),
                        at: now,
                        by: self.user(),
                    },
                )
                .await?;
            }
            repo::set_received(&tx, id, v.batch_id, a.received, a.damaged).await?;
            record.push(json!({ "batchId": v.batch_id, "issued": v.quantity, "received": a.received, "damaged": a.damaged, "short": short }));
        }
        repo::advance(
            &tx,
            id,
            expected_version,
            IndentStatus::Issued,
            IndentStatus::Received,
            self.user(),
            now,
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::IndentChange,
            "supply_indent",
            id,
            json!({ "status": "received", "arrivals": record }),
        )
        .await?;
        let i = repo::find(&tx, id)
            .await?
            .ok_or_else(|| not_found("indent"))?;
        let full = self.load(&tx, i).await?;
        tx.commit().await?;
        Ok(full)
    }

    pub async fn indent(&self, id: Uuid) -> ApiResult<Indent> {
        let tx = self.tx(Access::Read).await?;
        let (i, _, _) = self.indent_record(&tx, id).await?;
        self.load(&tx, i).await
    }

    /// Indents a store raised or must answer, newest first, with their lines.
    pub async fn indents_of(&self, store: Uuid, limit: u64) -> ApiResult<Vec<Indent>> {
        let tx = self.tx(Access::Read).await?;
        let s = self.seen_store(&tx, store).await?;
        let list = repo::of_store(&tx, s.id, limit.clamp(1, 200)).await?;
        self.load_many(&tx, list).await
    }
}
