//! Procurement against budget: budget heads with a year's allocation; purchase
//! orders from a state or district store to a supplier, refused when they would
//! overspend the head unless an authorised officer (a state administrator) overrides
//! with a reason; goods received against an order in part or whole, rejected batches
//! recorded, and the supplier's lead time measured.

use super::stock::optional;
use super::{not_found, Supply};
use crate::app::professionals::today;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::role::{Role, RoleScope};
use arogya_domain::supply::access as rules;
use arogya_domain::supply::fefo::QualityStatus;
use arogya_domain::supply::item::code;
use arogya_domain::supply::ledger::{quantity, MovementKind};
use arogya_domain::supply::procurement::{self as domain, Budget, OrderStatus};
use arogya_domain::supply::store::StoreLevel;
use arogya_domain::supply::text;
use arogya_domain::Checks;
use arogya_infra::db::Access;
use arogya_infra::repos::supply::batches::{self as batch_repo, NewBatch};
use arogya_infra::repos::supply::procurement::{
    self as repo, HeadRecord, NewOrder, OrderLineRecord, OrderRecord, ReceiptRecord,
};
use arogya_infra::repos::supply::stock::{self as stock_repo, Post};
use chrono::{NaiveDate, Utc};
use serde_json::json;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

pub struct OrderInput {
    pub store_id: Uuid,
    pub budget_head_id: Uuid,
    pub supplier: String,
    pub expected_on: NaiveDate,
    /// (item, quantity, unit price in paise)
    pub lines: Vec<(Uuid, i64, i64)>,
    pub override_reason: Option<String>,
}

pub struct GoodsIn {
    pub item_id: Uuid,
    pub batch_no: Option<String>,
    pub expires_on: Option<NaiveDate>,
    pub manufactured_on: Option<NaiveDate>,
    pub manufacturer: Option<String>,
    pub accepted: i64,
    pub rejected: i64,
    pub reason: Option<String>,
}

/// An order with its lines, receipts and measured lead time.
pub struct Order {
    pub order: OrderRecord,
    pub lines: Vec<OrderLineRecord>,
    pub receipts: Vec<ReceiptRecord>,
}

impl Order {
    /// Days from ordering to the first goods received (India's days, like the order's).
    pub fn lead_time_days(&self) -> Option<i64> {
        self.receipts.first().map(|r| {
            (arogya_domain::appointment::ist_date(r.received_at) - self.order.ordered_on).num_days()
        })
    }
}

fn is_state_admin(p: &arogya_domain::access::Principal) -> bool {
    matches!(p, arogya_domain::access::Principal::Staff { grants, .. }
        if grants.iter().any(|g| g.role == Role::StateAdmin && g.scope == RoleScope::Tenant))
}

impl Supply<'_> {
    fn require_budget_reader(&self) -> ApiResult<()> {
        let ok = rules::configures(self.principal)
            || self.principal.has_role(Role::DistrictDrugOfficer)
            || self.principal.has_role(Role::StoreKeeper);
        if ok {
            Ok(())
        } else {
            Err(ApiError::Forbidden(
                "the budget is for the state's and districts' store officers".into(),
            ))
        }
    }

    pub async fn add_budget_head(
        &self,
        code_raw: &str,
        name: &str,
        year: &str,
        allocation: i64,
    ) -> ApiResult<(HeadRecord, Budget)> {
        self.require_configurer()?;
        let mut c = Checks::new();
        let head_code = c.take(code(code_raw, "code"));
        let name = c.take(text(name, "name", 2, 200));
        let year = c.take(domain::parse_financial_year(year));
        if !(0..=10_000_000_000_000).contains(&allocation) {
            c.take::<()>(Err(arogya_domain::DomainError::validation(
                "allocationPaise",
                "must be 0 to ₹10,000 crore",
            )));
        }
        c.done()?;
        let (head_code, name, year) = (
            head_code.unwrap_or_default(),
            name.unwrap_or_default(),
            year.unwrap_or_default(),
        );
        let mut tx = self.tx(Access::Write).await?;
        let head = repo::insert_head(&tx, &head_code, &name, year, allocation).await?;
        self.audit(
            &mut tx,
            AuditAction::SupplySetup,
            "supply_budget_head",
            head.id,
            json!({ "code": head.code, "year": year, "allocationPaise": allocation }),
        )
        .await?;
        tx.commit().await?;
        let b = Budget {
            allocation,
            ..Default::default()
        };
        Ok((head, b))
    }

    /// The heads of a financial year (this one unless named) with their position.
    pub async fn budget(&self, year: Option<&str>) -> ApiResult<Vec<(HeadRecord, Budget)>> {
        self.require_budget_reader()?;
        let year = match year {
            Some(y) => domain::parse_financial_year(y)?,
            None => domain::financial_year(today()),
        };
        let tx = self.tx(Access::Read).await?;
        let heads = repo::heads_of_year(&tx, year).await?;
        let b = repo::budgets(&tx, &heads).await?;
        Ok(heads
            .into_iter()
            .map(|h| {
                let x = b.get(&h.id).copied().unwrap_or_default();
                (h, x)
            })
            .collect())
    }

    pub async fn place_order(&self, i: OrderInput) -> ApiResult<Order> {
        let supplier = text(&i.supplier, "supplier", 2, 120)?;
        if i.lines.is_empty() || i.lines.len() > 200 {
            return Err(ApiError::validation("lines", "order 1 to 200 items"));
        }
        let mut seen = HashSet::new();
        for (n, (item, q, price)) in i.lines.iter().enumerate() {
            quantity(*q, &format!("lines.{n}.quantity"))?;
            if !(1..=100_000_000).contains(price) {
                return Err(ApiError::validation(
                    &format!("lines.{n}.unitPricePaise"),
                    "must be 1 paisa to ₹10,00,000",
                ));
            }
            if !seen.insert(*item) {
                return Err(ApiError::validation(
                    &format!("lines.{n}.itemId"),
                    "each item once",
                ));
            }
        }
        let ordered_on = today();
        if i.expected_on < ordered_on || i.expected_on > ordered_on + chrono::Duration::days(365) {
            return Err(ApiError::validation(
                "expectedOn",
                "must be within a year from today",
            ));
        }
        let reason = i
            .override_reason
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(domain::override_reason)
            .transpose()?;
        let mut tx = self.tx(Access::Write).await?;
        // The store's own staff order; so may the state's officers who keep the budget.
        let store = self.seen_store(&tx, i.store_id).await?;
        if !rules::works(self.principal, &super::store_ref(&store))
            && !rules::configures(self.principal)
        {
            return Err(ApiError::Forbidden(format!(
                "only {}'s staff or the state order for it",
                store.name
            )));
        }
        if !matches!(
            StoreLevel::parse(&store.level)?,
            StoreLevel::State | StoreLevel::District
        ) {
            return Err(ApiError::validation(
                "storeId",
                "purchase orders are placed by the state warehouse or a district store",
            ));
        }
        let head = repo::find_head(&tx, i.budget_head_id)
            .await?
            .ok_or_else(|| not_found("budget head"))?;
        if head.financial_year != domain::financial_year(ordered_on) {
            return Err(ApiError::validation(
                "budgetHeadId",
                format!(
                    "the head is for {}, not this financial year",
                    domain::financial_year_label(head.financial_year)
                ),
            ));
        }
        let ids: Vec<Uuid> = i.lines.iter().map(|l| l.0).collect();
        let found = arogya_infra::repos::supply::items::by_ids(&tx, &ids).await?;
        if let Some(n) = ids.iter().position(|id| !found.iter().any(|f| f.id == *id)) {
            return Err(ApiError::validation(
                &format!("lines.{n}.itemId"),
                "no such item in the catalogue",
            ));
        }
        repo::lock_head(&tx, head.id).await?;
        let budget = repo::budgets(&tx, std::slice::from_ref(&head))
            .await?
            .remove(&head.id)
            .unwrap_or_default();
        let amount: i64 = i.lines.iter().map(|(_, q, p)| q * p).sum();
        let mut override_by = None;
        if let Err(excess) = budget.check(amount) {
            match &reason {
                None => {
                    return Err(ApiError::Conflict(format!(
                        "this order of {} exceeds the balance of {} ({}) by {}: an authorised officer may override it with a reason",
                        domain::rupees(amount),
                        head.code,
                        domain::rupees(budget.balance()),
                        domain::rupees(excess)
                    )))
                }
                Some(_) if !is_state_admin(self.principal) => {
                    return Err(ApiError::Forbidden("only a state administrator overrides the budget".into()))
                }
                Some(_) => override_by = Some(self.user()),
            }
        }
        let order = repo::insert_order(
            &tx,
            NewOrder {
                store_id: store.id,
                budget_head_id: head.id,
                supplier,
                ordered_on,
                expected_on: i.expected_on,
                lines: i.lines.clone(),
                override_reason: override_by.and(reason),
                override_by,
                by: self.user(),
            },
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::IndentChange,
            "supply_purchase_order",
            order.id,
            json!({ "number": order.number, "totalPaise": amount, "budgetHead": head.code, "overridden": override_by.is_some() }),
        )
        .await?;
        let full = Order {
            lines: repo::lines_of(&tx, &[order.id]).await?,
            receipts: Vec::new(),
            order,
        };
        tx.commit().await?;
        Ok(full)
    }

    /// Goods received against an order: accepted units go into the store's stock as
    /// a batch; rejected units are recorded with the reason.
    pub async fn receive_order(
        &self,
        id: Uuid,
        expected_version: i32,
        goods: Vec<GoodsIn>,
    ) -> ApiResult<Order> {
        if goods.is_empty() {
            return Err(ApiError::validation("lines", "say what arrived"));
        }
        let mut tx = self.tx(Access::Write).await?;
        let order = repo::find_order(&tx, id)
            .await?
            .ok_or_else(|| not_found("purchase order"))?;
        let store = self.worked_store(&tx, order.store_id).await?;
        let status = OrderStatus::parse(&order.status)?;
        if !matches!(status, OrderStatus::Open | OrderStatus::PartlyReceived) {
            return Err(ApiError::Conflict(format!(
                "the order is {}: nothing more can be received",
                order.status
            )));
        }
        let lines = repo::lines_of(&tx, &[id]).await?;
        let now = Utc::now();
        let mut record = Vec::new();
        for (n, g) in goods.iter().enumerate() {
            let field = format!("lines.{n}");
            let line = lines
                .iter()
                .find(|l| l.item_id == g.item_id)
                .ok_or_else(|| {
                    ApiError::validation(&format!("{field}.itemId"), "not an item of this order")
                })?;
            domain::check_receipt(
                line.quantity - line.accepted - line.rejected,
                g.accepted,
                g.rejected,
                &field,
            )?;
            let reason = optional(g.reason.clone(), &format!("{field}.reason"), 300)?;
            if g.rejected > 0 && reason.is_none() {
                return Err(ApiError::validation(
                    &format!("{field}.reason"),
                    "say why goods were rejected",
                ));
            }
            let mut batch_id = None;
            if g.accepted > 0 {
                let batch_no = text(
                    g.batch_no.as_deref().unwrap_or(""),
                    &format!("{field}.batchNo"),
                    1,
                    40,
                )?
                .to_uppercase();
                let expires_on = g.expires_on.filter(|e| *e > today()).ok_or_else(|| {
                    ApiError::validation(
                        &format!("{field}.expiresOn"),
                        "give a future expiry date for accepted goods",
                    )
                })?;
                let batch = batch_repo::find_or_insert(
                    &tx,
                    NewBatch {
                        item_id: g.item_id,
                        batch_no,
                        expires_on,
                        manufactured_on: g.manufactured_on,
                        manufacturer: optional(
                            g.manufacturer.clone(),
                            &format!("{field}.manufacturer"),
                            120,
                        )?,
                        supplier: Some(order.supplier.clone()),
                        unit_price_paise: line.unit_price_paise,
                        quality_status: QualityStatus::NotRequired.as_str(),
                    },
                    &format!("{field}.expiresOn"),
                )
                .await?;
                stock_repo::lock_item(&tx, store.id, g.item_id).await?;
                stock_repo::post(
                    &tx,
                    &Post {
                        store: store.id,
                        item: g.item_id,
                        batch: batch.id,
                        kind: MovementKind::Receipt,
                        reason: None,
                        delta: g.accepted,
                        note: Some(format!("{} from {}", order.number, order.supplier)),
                        counterpart: None,
                        document: Some(("purchase_order", id)),
                        at: now,
                        by: self.user(),
                    },
                )
                .await?;
                batch_id = Some(batch.id);
            }
            if !repo::add_received(&tx, id, g.item_id, g.accepted, g.rejected).await? {
                return Err(ApiError::validation(
                    &field,
                    "more than is outstanding on the order",
                ));
            }
            repo::insert_receipt(
                &tx,
                id,
                g.item_id,
                batch_id,
                g.accepted,
                g.rejected,
                reason,
                now,
                self.user(),
            )
            .await?;
            record.push(
                json!({ "itemId": g.item_id, "accepted": g.accepted, "rejected": g.rejected }),
            );
        }
        let lines = repo::lines_of(&tx, &[id]).await?;
        let done = lines.iter().all(|l| l.accepted + l.rejected >= l.quantity);
        let to = if done {
            OrderStatus::Received
        } else {
            OrderStatus::PartlyReceived
        };
        repo::set_status(&tx, id, expected_version, to.as_str()).await?;
        self.audit(
            &mut tx,
            AuditAction::StockMovement,
            "supply_purchase_order",
            id,
            json!({ "status": to.as_str(), "goods": record }),
        )
        .await?;
        let order = repo::find_order(&tx, id)
            .await?
            .ok_or_else(|| not_found("purchase order"))?;
        let receipts = repo::receipts_of(&tx, &[id]).await?;
        tx.commit().await?;
        Ok(Order {
            order,
            lines,
            receipts,
        })
    }

    /// Orders the caller sees: a store's, or every order for those who keep the budget.
    pub async fn orders(&self, store: Option<Uuid>) -> ApiResult<Vec<Order>> {
        let tx = self.tx(Access::Read).await?;
        match store {
            Some(s) => {
                self.seen_store(&tx, s).await?;
            }
            None => self.require_budget_reader()?,
        }
        let list = repo::orders(&tx, store, 100).await?;
        let ids: Vec<Uuid> = list.iter().map(|o| o.id).collect();
        let mut lines: HashMap<Uuid, Vec<OrderLineRecord>> = HashMap::new();
        for l in repo::lines_of(&tx, &ids).await? {
            lines.entry(l.order_id).or_default().push(l);
        }
        let mut receipts: HashMap<Uuid, Vec<ReceiptRecord>> = HashMap::new();
        for r in repo::receipts_of(&tx, &ids).await? {
            receipts.entry(r.order_id).or_default().push(r);
        }
        Ok(list
            .into_iter()
            .map(|order| Order {
                lines: lines.remove(&order.id).unwrap_or_default(),
                receipts: receipts.remove(&order.id).unwrap_or_default(),
                order,
            })
            .collect())
    }
}
