//! Supply reports over GraphQL (the same as CSV at `/supply/reports/*.csv`).

#[allow(unused_imports)]
use super::*;

#[derive(SimpleObject, Clone)]
pub struct StockOutLine {
    pub store_id: ID,
    pub store_name: String,
    pub item: SupplyItem,
    /// Units on hand that cannot be issued (expired, held or untested).
    pub on_hand: i64,
    pub out_since: Option<DateTime<Utc>>,
}

#[derive(SimpleObject, Clone)]
pub struct ExpiryLine {
    pub item: SupplyItem,
    pub batch_no: String,
    pub expires_on: NaiveDate,
    pub days_left: i64,
    pub quantity: i64,
    /// Units expected to be used before expiry at the store's AMC (none without one).
    pub expected_use: Option<i64>,
}

#[derive(SimpleObject, Clone)]
pub struct EssentialAvailability {
    pub store_id: ID,
    pub store_name: String,
    pub facility_id: Option<ID>,
    pub essential_items: i64,
    pub in_stock: i64,
    pub percent_in_stock: f64,
    pub stock_out_days_this_month: i64,
}

#[derive(SimpleObject, Clone)]
pub struct MonthUse {
    /// "2026-11".
    pub month: String,
    pub quantity: i64,
}

#[derive(SimpleObject, Clone)]
pub struct ConsumptionTrend {
    pub item: SupplyItem,
    pub months: Vec<MonthUse>,
}

mirror!(SupplyAlertKind = "arogya_domain::supply::alerts::AlertKind" {
    StockOut, BelowMinimum, ExpiringSoon, Expiring, Expired
});

#[derive(SimpleObject, Clone)]
pub struct SupplyAlert {
    pub id: ID,
    pub store_id: ID,
    pub store_name: String,
    pub item_id: ID,
    pub batch_id: Option<ID>,
    pub kind: SupplyAlertKind,
    pub message: String,
    pub raised_at: DateTime<Utc>,
}

impl SupplyAlert {
    fn of(
        store: &arogya_infra::repos::supply::stores::StoreRecord,
        a: &arogya_infra::repos::supply::alerts::AlertRecord,
    ) -> Self {
        use arogya_domain::supply::alerts::AlertKind as K;
        Self {
            id: id(a.id),
            store_id: id(a.store_id),
            store_name: store.name.clone(),
            item_id: id(a.item_id),
            batch_id: a.batch_id.map(id),
            kind: K::parse(&a.kind).unwrap_or(K::StockOut).into(),
            message: a.message.clone(),
            raised_at: a.raised_at,
        }
    }
}

/// A line of the controlled drugs register.
#[derive(SimpleObject, Clone)]
pub struct RegisterEntry {
    pub at: DateTime<Utc>,
    pub kind: MovementKind,
    pub batch_no: String,
    /// In is positive, out negative.
    pub quantity: i64,
    /// The store's balance of the drug after this line.
    pub balance: i64,
    pub by: String,
    /// Who signed as witness (dispenses).
    pub witness: Option<String>,
    pub patient_health_id: Option<String>,
    pub note: Option<String>,
}

#[derive(Default)]
pub struct ReportQuery;

#[Object]
impl ReportQuery {
    /// Items with nothing usable in the stores in reach (under a unit when given).
    async fn stock_out_report(
        &self,
        ctx: &Context<'_>,
        unit_id: Option<ID>,
    ) -> ApiResult<Vec<StockOutLine>> {
        let unit = unit_id
            .as_ref()
            .map(|u| parse_id("unitId", u))
            .transpose()?;
        let rows = supply(ctx)?.stock_out_report(unit).await?;
        Ok(rows
            .iter()
            .map(|r| StockOutLine {
                store_id: id(r.store.id),
                store_name: r.store.name.clone(),
                item: (&r.item).into(),
                on_hand: r.on_hand,
                out_since: r.out_since,
            })
            .collect())
    }

    /// A store's open alerts (stock-out, below minimum, expiring batches), checked afresh.
    async fn store_alerts(&self, ctx: &Context<'_>, store_id: ID) -> ApiResult<Vec<SupplyAlert>> {
        let (rec, list) = supply(ctx)?
            .alerts_of(parse_id("storeId", &store_id)?)
            .await?;
        Ok(list.iter().map(|a| SupplyAlert::of(&rec, a)).collect())
    }

    /// Open alerts of every store in reach (under a unit when given), as last checked.
    async fn supply_alerts(
        &self,
        ctx: &Context<'_>,
        unit_id: Option<ID>,
    ) -> ApiResult<Vec<SupplyAlert>> {
        let unit = unit_id
            .as_ref()
            .map(|u| parse_id("unitId", u))
            .transpose()?;
        let list = supply(ctx)?.alerts_in_reach(unit).await?;
        Ok(list.iter().map(|(s, a)| SupplyAlert::of(s, a)).collect())
    }

    /// The controlled drugs register of a schedule H1 or X drug in a store, newest first.
    async fn controlled_register(
        &self,
        ctx: &Context<'_>,
        store_id: ID,
        item_id: ID,
        #[graphql(default = 200)] limit: i32,
    ) -> ApiResult<Vec<RegisterEntry>> {
        use arogya_domain::supply::ledger::MovementKind as K;
        let rows = supply(ctx)?
            .controlled_register(
                parse_id("storeId", &store_id)?,
                parse_id("itemId", &item_id)?,
                limit.max(1) as u64,
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(|l| RegisterEntry {
                at: l.row.at,
                kind: K::parse(&l.row.kind).unwrap_or(K::Adjustment).into(),
                batch_no: l.batch_no,
                quantity: l.row.quantity,
                balance: l.row.item_balance,
                by: l.by,
                witness: l.witness,
                patient_health_id: l.patient_health_id,
                note: l.row.note,
            })
            .collect())
    }

    /// A store's batches expiring within `days`, soonest first.
    async fn expiry_report(
        &self,
        ctx: &Context<'_>,
        store_id: ID,
        #[graphql(default = 90)] days: i32,
    ) -> ApiResult<Vec<ExpiryLine>> {
        let (_, rows) = supply(ctx)?
            .expiry_report(parse_id("storeId", &store_id)?, days as i64)
            .await?;
        Ok(rows
            .iter()
            .map(|r| ExpiryLine {
                item: (&r.item).into(),
                batch_no: r.batch_no.clone(),
                expires_on: r.expires_on,
                days_left: r.days_left,
                quantity: r.quantity,
                expected_use: r.expected_use,
            })
            .collect())
    }

    /// Essential medicines at each facility pharmacy in reach.
    async fn essential_availability(
        &self,
        ctx: &Context<'_>,
        unit_id: Option<ID>,
    ) -> ApiResult<Vec<EssentialAvailability>> {
        let unit = unit_id
            .as_ref()
            .map(|u| parse_id("unitId", u))
            .transpose()?;
        let rows = supply(ctx)?.availability_report(unit).await?;
        Ok(rows
            .iter()
            .map(|a| EssentialAvailability {
                store_id: id(a.store.id),
                store_name: a.store.name.clone(),
                facility_id: a.store.facility_id.map(id),
                essential_items: a.essential_items,
                in_stock: a.in_stock,
                percent_in_stock: if a.essential_items == 0 {
                    0.0
                } else {
                    (1000.0 * a.in_stock as f64 / a.essential_items as f64).round() / 10.0
                },
                stock_out_days_this_month: a.stock_out_days,
            })
            .collect())
    }

    /// A store's consumption per item and month.
    async fn consumption_trend(
        &self,
        ctx: &Context<'_>,
        store_id: ID,
        #[graphql(default = 12)] months: i32,
    ) -> ApiResult<Vec<ConsumptionTrend>> {
        let rows = supply(ctx)?
            .consumption_trend(parse_id("storeId", &store_id)?, months.max(1) as u32)
            .await?;
        Ok(rows
            .iter()
            .map(|(i, m)| ConsumptionTrend {
                item: i.into(),
                months: m
                    .iter()
                    .map(|(month, q)| MonthUse {
                        month: month.clone(),
                        quantity: *q,
                    })
                    .collect(),
            })
            .collect())
    }
}
