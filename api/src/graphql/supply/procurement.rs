//! Procurement against budget over GraphQL.

#[allow(unused_imports)]
use super::*;
use crate::app::supply::procurement::{GoodsIn, Order, OrderInput};
use arogya_domain::supply::procurement::{
    financial_year_label, Budget, OrderStatus as DomainStatus,
};
use arogya_infra::repos::supply::procurement::HeadRecord;

mirror!(PurchaseOrderStatus = "arogya_domain::supply::procurement::OrderStatus" {
    Open, PartlyReceived, Received, Cancelled
});

/// A budget head's position in its financial year (amounts in paise).
#[derive(SimpleObject, Clone)]
pub struct BudgetHead {
    pub id: ID,
    pub code: String,
    pub name: String,
    /// "2026-27".
    pub financial_year: String,
    pub allocation_paise: i64,
    /// Open orders' goods not yet received.
    pub committed_paise: i64,
    /// Goods received and accepted.
    pub spent_paise: i64,
    pub balance_paise: i64,
    pub utilisation_percent: f64,
}

impl BudgetHead {
    fn of(h: &HeadRecord, b: &Budget) -> Self {
        Self {
            id: id(h.id),
            code: h.code.clone(),
            name: h.name.clone(),
            financial_year: financial_year_label(h.financial_year),
            allocation_paise: b.allocation,
            committed_paise: b.committed,
            spent_paise: b.spent,
            balance_paise: b.balance(),
            utilisation_percent: (b.utilisation() * 10.0).round() / 10.0,
        }
    }
}

#[derive(SimpleObject, Clone)]
pub struct OrderLine {
    pub item_id: ID,
    pub quantity: i64,
    pub unit_price_paise: i64,
    pub accepted: i64,
    pub rejected: i64,
    pub outstanding: i64,
}

#[derive(SimpleObject, Clone)]
pub struct GoodsReceived {
    pub item_id: ID,
    pub batch_id: Option<ID>,
    pub accepted: i64,
    pub rejected: i64,
    pub reason: Option<String>,
    pub received_at: DateTime<Utc>,
}

#[derive(SimpleObject, Clone)]
pub struct PurchaseOrder {
    pub id: ID,
    pub number: String,
    pub store_id: ID,
    pub budget_head_id: ID,
    pub supplier: String,
    pub status: PurchaseOrderStatus,
    pub ordered_on: NaiveDate,
    pub expected_on: NaiveDate,
    pub total_paise: i64,
    pub override_reason: Option<String>,
    /// Days from the order to the first goods received.
    pub lead_time_days: Option<i64>,
    pub version: i32,
    pub lines: Vec<OrderLine>,
    pub receipts: Vec<GoodsReceived>,
}

impl From<&Order> for PurchaseOrder {
    fn from(o: &Order) -> Self {
        let r = &o.order;
        Self {
            id: id(r.id),
            number: r.number.clone(),
            store_id: id(r.store_id),
            budget_head_id: id(r.budget_head_id),
            supplier: r.supplier.clone(),
            status: DomainStatus::parse(&r.status)
                .unwrap_or(DomainStatus::Open)
                .into(),
            ordered_on: r.ordered_on,
            expected_on: r.expected_on,
            total_paise: r.total_paise,
            override_reason: r.override_reason.clone(),
            lead_time_days: o.lead_time_days(),
            version: r.version,
            lines: o
                .lines
                .iter()
                .map(|l| OrderLine {
                    item_id: id(l.item_id),
                    quantity: l.quantity,
                    unit_price_paise: l.unit_price_paise,
                    accepted: l.accepted,
                    rejected: l.rejected,
                    outstanding: l.quantity - l.accepted - l.rejected,
                })
                .collect(),
            receipts: o
                .receipts
                .iter()
                .map(|x| GoodsReceived {
                    item_id: id(x.item_id),
                    batch_id: x.batch_id.map(id),
                    accepted: x.accepted,
                    rejected: x.rejected,
                    reason: x.reason.clone(),
                    received_at: x.received_at,
                })
                .collect(),
        }
    }
}

#[derive(InputObject)]
pub struct BudgetHeadInput {
    pub code: String,
    pub name: String,
    /// "2026-27".
    pub financial_year: String,
    pub allocation_paise: i64,
}

#[derive(InputObject)]
pub struct OrderLineInput {
    pub item_id: ID,
    pub quantity: i64,
    pub unit_price_paise: i64,
}

#[derive(InputObject)]
pub struct PurchaseOrderInput {
    pub store_id: ID,
    pub budget_head_id: ID,
    pub supplier: String,
    pub expected_on: NaiveDate,
    pub lines: Vec<OrderLineInput>,
    /// Only a state administrator may order beyond the head's balance, saying why.
    pub override_reason: Option<String>,
}

#[derive(InputObject)]
pub struct GoodsInInput {
    pub item_id: ID,
    pub batch_no: Option<String>,
    pub expires_on: Option<NaiveDate>,
    pub manufactured_on: Option<NaiveDate>,
    pub manufacturer: Option<String>,
    #[graphql(default)]
    pub accepted: i64,
    #[graphql(default)]
    pub rejected: i64,
    /// Why goods were rejected.
    pub reason: Option<String>,
}

#[derive(Default)]
pub struct ProcurementQuery;

#[Object]
impl ProcurementQuery {
    /// Budget heads of a financial year (this one unless named) with allocation,
    /// committed, spent and balance.
    async fn budget_heads(
        &self,
        ctx: &Context<'_>,
        financial_year: Option<String>,
    ) -> ApiResult<Vec<BudgetHead>> {
        let list = supply(ctx)?.budget(financial_year.as_deref()).await?;
        Ok(list.iter().map(|(h, b)| BudgetHead::of(h, b)).collect())
    }

    /// Purchase orders: a store's, or all of them for the budget's keepers.
    async fn purchase_orders(
        &self,
        ctx: &Context<'_>,
        store_id: Option<ID>,
    ) -> ApiResult<Vec<PurchaseOrder>> {
        let store = store_id
            .as_ref()
            .map(|s| parse_id("storeId", s))
            .transpose()?;
        let list = supply(ctx)?.orders(store).await?;
        Ok(list.iter().map(Into::into).collect())
    }
}

#[derive(Default)]
pub struct ProcurementMutation;

#[Object]
impl ProcurementMutation {
    async fn add_budget_head(
        &self,
        ctx: &Context<'_>,
        input: BudgetHeadInput,
    ) -> ApiResult<BudgetHead> {
        let (h, b) = supply(ctx)?
            .add_budget_head(
                &input.code,
                &input.name,
                &input.financial_year,
                input.allocation_paise,
            )
            .await?;
        Ok(BudgetHead::of(&h, &b))
    }

    /// Order from a supplier against a budget head of this financial year.
    async fn place_purchase_order(
        &self,
        ctx: &Context<'_>,
        input: PurchaseOrderInput,
    ) -> ApiResult<PurchaseOrder> {
        let lines = input
            .lines
            .iter()
            .enumerate()
            .map(|(n, l)| {
                Ok((
                    parse_id(&format!("lines.{n}.itemId"), &l.item_id)?,
                    l.quantity,
                    l.unit_price_paise,
                ))
            })
            .collect::<ApiResult<Vec<_>>>()?;
        let o = supply(ctx)?
            .place_order(OrderInput {
                store_id: parse_id("storeId", &input.store_id)?,
                budget_head_id: parse_id("budgetHeadId", &input.budget_head_id)?,
                supplier: input.supplier,
                expected_on: input.expected_on,
                lines,
                override_reason: input.override_reason,
            })
            .await?;
        Ok((&o).into())
    }

    /// Record goods received against an order (in part or whole; rejected with a reason).
    async fn receive_purchase_order(
        &self,
        ctx: &Context<'_>,
        order_id: ID,
        expected_version: i32,
        lines: Vec<GoodsInInput>,
    ) -> ApiResult<PurchaseOrder> {
        let goods = lines
            .into_iter()
            .enumerate()
            .map(|(n, g)| {
                Ok(GoodsIn {
                    item_id: parse_id(&format!("lines.{n}.itemId"), &g.item_id)?,
                    batch_no: g.batch_no,
                    expires_on: g.expires_on,
                    manufactured_on: g.manufactured_on,
                    manufacturer: g.manufacturer,
                    accepted: g.accepted,
                    rejected: g.rejected,
                    reason: g.reason,
                })
            })
            .collect::<ApiResult<Vec<_>>>()?;
        let o = supply(ctx)?
            .receive_order(parse_id("orderId", &order_id)?, expected_version, goods)
            .await?;
        Ok((&o).into())
    }
}
