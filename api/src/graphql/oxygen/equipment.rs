//! The critical-care equipment register over GraphQL.

#[allow(unused_imports)]
use super::*;
use crate::app::oxygen::equipment::{DistrictEquipment as Totals, Register};
use arogya_domain::oxygen::equipment as de;
use arogya_infra::repos::oxygen::equipment::{EquipmentRecord, OrderRecord};
use chrono::NaiveDate;

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::oxygen::equipment::EquipmentKind")]
pub enum EquipmentKind {
    InvasiveVentilator,
    NonInvasiveVentilator,
    Hfnc,
    Bipap,
    Cpap,
    Concentrator,
    Cylinder,
    Monitor,
    Defibrillator,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::oxygen::equipment::EquipmentSource")]
pub enum EquipmentSource {
    Procured,
    Donated,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::oxygen::equipment::EquipmentStatus")]
pub enum EquipmentStatus {
    Functional,
    UnderRepair,
    Condemned,
}

#[derive(SimpleObject)]
pub struct EquipmentStatusChange {
    pub status: Option<EquipmentStatus>,
    pub note: Option<String>,
    pub at: DateTime<Utc>,
    /// None when it came in an import.
    pub by: Option<ID>,
}

#[derive(SimpleObject)]
pub struct EquipmentItem {
    pub id: ID,
    pub facility_id: ID,
    pub kind: Option<EquipmentKind>,
    pub make: String,
    pub model: String,
    pub serial_number: String,
    pub source: Option<EquipmentSource>,
    pub order_id: Option<ID>,
    pub status: Option<EquipmentStatus>,
    pub installed_on: Option<NaiveDate>,
    pub last_maintenance_on: Option<NaiveDate>,
    pub version: i32,
    /// The first first.
    pub history: Vec<EquipmentStatusChange>,
}

fn item(e: EquipmentRecord, history: Vec<EquipmentStatusChange>) -> EquipmentItem {
    EquipmentItem {
        id: id(e.id),
        facility_id: id(e.facility_id),
        kind: de::EquipmentKind::parse(&e.kind).ok().map(Into::into),
        make: e.make,
        model: e.model,
        serial_number: e.serial_number,
        source: de::EquipmentSource::parse(&e.source).ok().map(Into::into),
        order_id: e.order_id.map(id),
        status: de::EquipmentStatus::parse(&e.status).ok().map(Into::into),
        installed_on: e.installed_on,
        last_maintenance_on: e.last_maintenance_on,
        version: e.version,
        history,
    }
}

impl From<Register> for Vec<EquipmentItem> {
    fn from(r: Register) -> Self {
        r.items
            .into_iter()
            .map(|e| {
                let h = r
                    .history
                    .iter()
                    .filter(|h| h.equipment_id == e.id)
                    .map(|h| EquipmentStatusChange {
                        status: de::EquipmentStatus::parse(&h.status).ok().map(Into::into),
                        note: h.note.clone(),
                        at: h.at,
                        by: h.by.map(id),
                    })
                    .collect();
                item(e, h)
            })
            .collect()
    }
}

/// A procurement order and how much of it has arrived.
#[derive(SimpleObject)]
pub struct EquipmentOrder {
    pub id: ID,
    pub kind: Option<EquipmentKind>,
    pub supplier: String,
    pub quantity: i32,
    pub received: i64,
    pub outstanding: i64,
    pub ordered_on: NaiveDate,
    pub expected_on: Option<NaiveDate>,
    pub reference: Option<String>,
}

fn order(o: OrderRecord, received: i64) -> EquipmentOrder {
    EquipmentOrder {
        id: id(o.id),
        kind: de::EquipmentKind::parse(&o.kind).ok().map(Into::into),
        supplier: o.supplier,
        outstanding: (o.quantity as i64 - received).max(0),
        quantity: o.quantity,
        received,
        ordered_on: o.ordered_on,
        expected_on: o.expected_on,
        reference: o.reference,
    }
}

#[derive(SimpleObject)]
pub struct EquipmentKindCount {
    pub kind: Option<EquipmentKind>,
    pub functional: i64,
    pub under_repair: i64,
    pub condemned: i64,
}

#[derive(SimpleObject)]
pub struct DistrictEquipment {
    pub district_id: Option<ID>,
    pub name: String,
    pub kinds: Vec<EquipmentKindCount>,
    /// Ventilator beds the district's facilities declare.
    pub ventilator_beds: i64,
    /// Invasive and non-invasive ventilators that work.
    pub ventilators_functional: i64,
}

impl From<Totals> for DistrictEquipment {
    fn from(t: Totals) -> Self {
        Self {
            district_id: t.district_id.map(id),
            name: t.name,
            kinds: t
                .kinds
                .into_iter()
                .map(|(k, c)| EquipmentKindCount {
                    kind: de::EquipmentKind::parse(k).ok().map(Into::into),
                    functional: c.functional,
                    under_repair: c.under_repair,
                    condemned: c.condemned,
                })
                .collect(),
            ventilator_beds: t.ventilator_beds,
            ventilators_functional: t.ventilators_functional,
        }
    }
}

#[derive(InputObject)]
pub struct EquipmentInput {
    pub kind: EquipmentKind,
    pub make: String,
    pub model: String,
    pub serial_number: String,
    pub source: EquipmentSource,
    #[graphql(default_with = "EquipmentStatus::Functional")]
    pub status: EquipmentStatus,
    pub installed_on: Option<NaiveDate>,
    pub last_maintenance_on: Option<NaiveDate>,
    /// The procurement order it arrived against.
    pub order_id: Option<ID>,
}

#[derive(InputObject)]
pub struct EquipmentOrderInput {
    pub kind: EquipmentKind,
    pub supplier: String,
    pub quantity: i32,
    pub ordered_on: NaiveDate,
    pub expected_on: Option<NaiveDate>,
    pub reference: Option<String>,
    /// A district the order is for; the whole state when left out.
    pub unit_id: Option<ID>,
}

#[derive(Default)]
pub struct EquipmentQuery;

#[Object]
impl EquipmentQuery {
    /// A facility's critical-care equipment with each item's history.
    async fn equipment(&self, ctx: &Context<'_>, facility_id: ID) -> ApiResult<Vec<EquipmentItem>> {
        let f = parse_id("facilityId", &facility_id)?;
        Ok(oxygen(ctx)?.equipment(f).await?.into())
    }

    /// Procurement orders, the latest first, with what has arrived.
    async fn equipment_orders(&self, ctx: &Context<'_>) -> ApiResult<Vec<EquipmentOrder>> {
        Ok(oxygen(ctx)?
            .orders()
            .await?
            .into_iter()
            .map(|(o, n)| order(o, n))
            .collect())
    }

    /// Equipment by district and kind, and working ventilators against ventilator beds.
    async fn equipment_by_district(&self, ctx: &Context<'_>) -> ApiResult<Vec<DistrictEquipment>> {
        Ok(oxygen(ctx)?
            .equipment_by_district()
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }
}

#[derive(Default)]
pub struct EquipmentMutation;

#[Object]
impl EquipmentMutation {
    /// Register a piece of equipment at a facility (against an order, if it came on one).
    async fn register_equipment(
        &self,
        ctx: &Context<'_>,
        facility_id: ID,
        input: EquipmentInput,
    ) -> ApiResult<EquipmentItem> {
        let f = parse_id("facilityId", &facility_id)?;
        let order_id = input
            .order_id
            .as_ref()
            .map(|o| parse_id("orderId", o))
            .transpose()?;
        let form = de::EquipmentForm::parse(
            input.kind.into(),
            &input.make,
            &input.model,
            &input.serial_number,
            input.source.into(),
            input.status.into(),
            input.installed_on,
            input.last_maintenance_on,
            crate::app::professionals::today(),
        )?;
        let saved = oxygen(ctx)?.register_equipment(f, form, order_id).await?;
        Ok(item(saved, Vec::new()))
    }

    /// Change an item's status (functional, under repair, condemned), with a note and
    /// the date of maintenance if it was serviced.
    async fn change_equipment_status(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        status: EquipmentStatus,
        maintained_on: Option<NaiveDate>,
        note: Option<String>,
    ) -> ApiResult<EquipmentItem> {
        let e = parse_id("id", &id)?;
        let note = note
            .filter(|n| !n.trim().is_empty())
            .map(|n| {
                arogya_domain::audit::reason(&n)
                    .map_err(|_| ApiError::validation("note", "5 to 500 characters"))
            })
            .transpose()?;
        let saved = oxygen(ctx)?
            .change_equipment_status(e, expected_version, status.into(), maintained_on, note)
            .await?;
        Ok(item(saved, Vec::new()))
    }

    /// Place a procurement order (state administrators and the state's oxygen cell).
    async fn place_equipment_order(
        &self,
        ctx: &Context<'_>,
        input: EquipmentOrderInput,
    ) -> ApiResult<EquipmentOrder> {
        let unit = input
            .unit_id
            .as_ref()
            .map(|u| parse_id("unitId", u))
            .transpose()?;
        let form = de::OrderForm::parse(
            input.kind.into(),
            &input.supplier,
            input.quantity,
            input.ordered_on,
            input.expected_on,
            input.reference.as_deref(),
            crate::app::professionals::today(),
        )?;
        Ok(order(oxygen(ctx)?.place_order(form, unit).await?, 0))
    }
}
