//! What the committees work with over GraphQL: the alert queue with acknowledgement,
//! and the supply ledger of deliveries.

#[allow(unused_imports)]
use super::*;
use crate::app::oxygen::alerts::AlertView;
use crate::app::oxygen::deliveries::{Dispatch, Load};
use arogya_infra::repos::oxygen::deliveries::DeliveryRecord;
use chrono::Duration;

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::oxygen::alerts::AlertKind")]
pub enum OxygenAlertKind {
    TimeToEmpty,
    NoEntry,
    UnexplainedUse,
    PlantFault,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::oxygen::alerts::AlertLevel")]
pub enum OxygenAlertLevel {
    Warning,
    Critical,
}

#[derive(SimpleObject)]
pub struct OxygenAlert {
    pub id: ID,
    pub facility_id: ID,
    pub facility_name: String,
    pub district_id: Option<ID>,
    pub kind: Option<OxygenAlertKind>,
    pub level: Option<OxygenAlertLevel>,
    /// In English, as e-mailed; the app words it from `kind` and `detail`.
    pub message: String,
    pub time_to_empty_hours: Option<f64>,
    pub raised_at: DateTime<Utc>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub acknowledged_by: Option<String>,
    pub action_taken: Option<String>,
    /// When it went up to the state, unacknowledged.
    pub escalated_at: Option<DateTime<Utc>>,
}

impl From<AlertView> for OxygenAlert {
    fn from(v: AlertView) -> Self {
        use arogya_domain::oxygen::alerts as da;
        let a = v.alert;
        Self {
            id: id(a.id),
            facility_id: id(a.facility_id),
            facility_name: v.facility_name,
            district_id: a.district_id.map(id),
            kind: da::AlertKind::parse(&a.kind).ok().map(Into::into),
            level: da::AlertLevel::parse(&a.level).ok().map(Into::into),
            message: a.message,
            time_to_empty_hours: a.detail.get("timeToEmptyHours").and_then(|v| v.as_f64()),
            raised_at: a.raised_at,
            acknowledged_at: a.acknowledged_at,
            acknowledged_by: v.acknowledged_by,
            action_taken: a.action_taken,
            escalated_at: a.escalated_at,
        }
    }
}

/// A delivery in the supply ledger.
#[derive(SimpleObject)]
pub struct OxygenDelivery {
    pub id: ID,
    pub facility_id: ID,
    pub facility_name: String,
    pub supplier: String,
    pub vehicle: Option<String>,
    pub challan: Option<String>,
    /// `liquid` or `cylinders`.
    pub kind: String,
    pub source_id: Option<ID>,
    pub cylinder_type_id: Option<ID>,
    pub quantity: f64,
    /// `litre`, `kilolitre`, `kilogram` or `cylinders`.
    pub unit: String,
    pub nm3: f64,
    pub dispatched_at: DateTime<Utc>,
    pub expected_at: DateTime<Utc>,
    /// `dispatched`, `received` or `cancelled`.
    pub status: String,
    pub received_at: Option<DateTime<Utc>>,
    pub received_quantity: Option<f64>,
    /// What was dispatched less what arrived, in the delivery's unit.
    pub shortfall: Option<f64>,
    pub note: Option<String>,
    pub version: i32,
}

fn delivery(d: DeliveryRecord, facility_name: String) -> OxygenDelivery {
    OxygenDelivery {
        id: id(d.id),
        facility_id: id(d.facility_id),
        facility_name,
        supplier: d.supplier,
        vehicle: d.vehicle,
        challan: d.challan,
        kind: d.kind,
        source_id: d.source_id.map(id),
        cylinder_type_id: d.cylinder_type_id.map(id),
        quantity: d.quantity,
        unit: d.unit,
        nm3: d.nm3,
        dispatched_at: d.dispatched_at,
        expected_at: d.expected_at,
        status: d.status,
        received_at: d.received_at,
        shortfall: d.received_quantity.map(|r| d.quantity - r),
        received_quantity: d.received_quantity,
        note: d.note,
        version: d.version,
    }
}

#[derive(InputObject)]
pub struct LiquidLoadInput {
    pub source_id: ID,
    pub quantity: f64,
    pub unit: LiquidUnit,
}

#[derive(InputObject)]
pub struct CylinderLoadInput {
    pub cylinder_type_id: ID,
    pub count: i32,
}

#[derive(OneofObject)]
pub enum OxygenLoadInput {
    Liquid(LiquidLoadInput),
    Cylinders(CylinderLoadInput),
}

#[derive(InputObject)]
pub struct OxygenDispatchInput {
    pub supplier: String,
    /// The tanker's or truck's registration.
    pub vehicle: Option<String>,
    pub challan: Option<String>,
    pub load: OxygenLoadInput,
    /// Defaults to now.
    pub dispatched_at: Option<DateTime<Utc>>,
    pub expected_at: DateTime<Utc>,
}

#[derive(Default)]
pub struct OxygenWatchQuery;

#[Object]
impl OxygenWatchQuery {
    /// Alerts of the facilities in reach, the latest first; only those waiting for an
    /// acknowledgement unless `open` is false.
    async fn oxygen_alerts(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = true)] open: bool,
        #[graphql(default = 100)] first: i32,
    ) -> ApiResult<Vec<OxygenAlert>> {
        Ok(oxygen(ctx)?
            .alerts(open, first.max(1) as u64)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// The supply ledger: deliveries to one facility or every one in reach,
    /// dispatched between two times (the last 30 days by default), the latest first.
    async fn oxygen_deliveries(
        &self,
        ctx: &Context<'_>,
        facility_id: Option<ID>,
        from: Option<DateTime<Utc>>,
        to: Option<DateTime<Utc>>,
    ) -> ApiResult<Vec<OxygenDelivery>> {
        let f = facility_id
            .as_ref()
            .map(|f| parse_id("facilityId", f))
            .transpose()?;
        let to = to.unwrap_or_else(Utc::now);
        let from = from.unwrap_or(to - Duration::days(30));
        Ok(oxygen(ctx)?
            .deliveries(f, from, to)
            .await?
            .into_iter()
            .map(|(d, n)| delivery(d, n))
            .collect())
    }
}

#[derive(Default)]
pub struct OxygenWatchMutation;

#[Object]
impl OxygenWatchMutation {
    /// Acknowledge an alert, saying what was done (5 to 500 characters).
    async fn acknowledge_oxygen_alert(
        &self,
        ctx: &Context<'_>,
        id: ID,
        action_taken: String,
    ) -> ApiResult<OxygenAlert> {
        let a = parse_id("id", &id)?;
        let action = arogya_domain::audit::reason(&action_taken).map_err(|_| {
            ApiError::validation("actionTaken", "say what was done in 5 to 500 characters")
        })?;
        Ok(oxygen(ctx)?.acknowledge_alert(a, action).await?.into())
    }

    /// Record a delivery on its way to a facility; it counts towards the facility's
    /// time to empty from when it is expected.
    async fn dispatch_oxygen_delivery(
        &self,
        ctx: &Context<'_>,
        facility_id: ID,
        input: OxygenDispatchInput,
    ) -> ApiResult<OxygenDelivery> {
        let f = parse_id("facilityId", &facility_id)?;
        let load = match input.load {
            OxygenLoadInput::Liquid(l) => Load::Liquid {
                tank: parse_id("load.liquid.sourceId", &l.source_id)?,
                quantity: l.quantity,
                unit: l.unit.into(),
            },
            OxygenLoadInput::Cylinders(c) => Load::Cylinders {
                cylinder_type: parse_id("load.cylinders.cylinderTypeId", &c.cylinder_type_id)?,
                count: c.count,
            },
        };
        let d = oxygen(ctx)?
            .dispatch_delivery(
                f,
                Dispatch {
                    supplier: input.supplier,
                    vehicle: input.vehicle,
                    challan: input.challan,
                    load,
                    dispatched_at: input.dispatched_at,
                    expected_at: input.expected_at,
                },
            )
            .await?;
        Ok(delivery(d, String::new()))
    }

    /// The receiving facility confirms what arrived.
    async fn receive_oxygen_delivery(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        received_quantity: f64,
        note: Option<String>,
    ) -> ApiResult<OxygenDelivery> {
        let d = parse_id("id", &id)?;
        let r = oxygen(ctx)?
            .close_delivery(d, expected_version, Some(received_quantity), note)
            .await?;
        Ok(delivery(r, String::new()))
    }

    /// The facility says the delivery will not come.
    async fn cancel_oxygen_delivery(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        note: String,
    ) -> ApiResult<OxygenDelivery> {
        let d = parse_id("id", &id)?;
        let r = oxygen(ctx)?
            .close_delivery(d, expected_version, None, Some(note))
            .await?;
        Ok(delivery(r, String::new()))
    }
}
