//! The critical-care equipment register: each facility's items with their status
//! history, procurement orders and what has arrived against them, and for officials
//! the equipment counted against beds by district.

use super::{not_found, Oxygen};
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::ids::FacilityId;
use arogya_domain::oxygen::equipment::{
    check_change, EquipmentForm, EquipmentKind, EquipmentStatus, OrderForm,
};
use arogya_domain::unit::UnitPath;
use arogya_infra::db::Access;
use arogya_infra::repos::facilities;
use arogya_infra::repos::inpatient::occupancy;
use arogya_infra::repos::oxygen::equipment::{
    self as repo, EquipmentEventRecord, EquipmentRecord, OrderRecord,
};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

pub struct Register {
    pub items: Vec<EquipmentRecord>,
    pub history: Vec<EquipmentEventRecord>,
}

/// Equipment of one kind in a district.
#[derive(Default, Clone)]
pub struct KindCount {
    pub functional: i64,
    pub under_repair: i64,
    pub condemned: i64,
}

pub struct DistrictEquipment {
    pub district_id: Option<Uuid>,
    pub name: String,
    pub kinds: BTreeMap<&'static str, KindCount>,
    pub ventilator_beds: i64,
    pub ventilators_functional: i64,
}

impl Oxygen<'_> {
    pub async fn register_equipment(
        &self,
        facility: Uuid,
        form: EquipmentForm,
        order: Option<Uuid>,
    ) -> ApiResult<EquipmentRecord> {
        let mut tx = self.tx(Access::Write).await?;
        let f = self.entered_facility(&tx, facility).await?;
        if let Some(o) = order {
            let ord = repo::find_order(&tx, o)
                .await?
                .ok_or_else(|| ApiError::validation("orderId", "no such order in this tenant"))?;
            if ord.kind != form.kind.as_str() {
                return Err(ApiError::validation(
                    "orderId",
                    "the order is for another kind of equipment",
                ));
            }
            let received = repo::received_per_order(&tx)
                .await?
                .into_iter()
                .find(|(id, _)| *id == o)
                .map(|(_, n)| n)
                .unwrap_or(0);
            if received >= ord.quantity as i64 {
                return Err(ApiError::Conflict(format!(
                    "all {} items of that order have arrived",
                    ord.quantity
                )));
            }
        }
        let saved = repo::insert(&tx, f.id, &form, order, Some(self.principal.user_id().0)).await?;
        self.audit(
            &mut tx,
            AuditAction::EquipmentChange,
            "equipment",
            saved.id,
            serde_json::json!({ "facilityId": f.id, "kind": saved.kind, "make": saved.make, "model": saved.model, "serialNumber": saved.serial_number, "status": saved.status, "orderId": order }),
        )
        .await?;
        tx.commit().await?;
        Ok(saved)
    }

    pub async fn change_equipment_status(
        &self,
        id: Uuid,
        expected_version: i32,
        status: EquipmentStatus,
        maintained_on: Option<NaiveDate>,
        note: Option<String>,
    ) -> ApiResult<EquipmentRecord> {
        let mut tx = self.tx(Access::Write).await?;
        let before = repo::find(&tx, id)
            .await?
            .ok_or_else(|| not_found("equipment"))?;
        self.entered_facility(&tx, before.facility_id).await?;
        check_change(EquipmentStatus::parse(&before.status)?, status)?;
        if maintained_on.is_some_and(|d| d > crate::app::professionals::today()) {
            return Err(ApiError::validation(
                "maintainedOn",
                "cannot be in the future",
            ));
        }
        repo::change_status(
            &tx,
            id,
            expected_version,
            status,
            maintained_on,
            note.clone(),
            self.principal.user_id().0,
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::EquipmentChange,
            "equipment",
            id,
            serde_json::json!({ "from": before.status, "to": status.as_str(), "maintainedOn": maintained_on, "note": note }),
        )
        .await?;
        let after = repo::find(&tx, id)
            .await?
            .ok_or_else(|| not_found("equipment"))?;
        tx.commit().await?;
        Ok(after)
    }

    /// A facility's equipment and each item's history.
    pub async fn equipment(&self, facility: Uuid) -> ApiResult<Register> {
        let tx = self.tx(Access::Read).await?;
        let f = self.watched_facility(&tx, facility).await?;
        let items = repo::of_facilities(&tx, &[f.id]).await?;
        let ids: Vec<Uuid> = items.iter().map(|i| i.id).collect();
        let history = repo::history(&tx, &ids).await?;
        tx.commit().await?;
        Ok(Register { items, history })
    }

    pub async fn place_order(&self, o: OrderForm, unit: Option<Uuid>) -> ApiResult<OrderRecord> {
        self.require_configurer()?;
        let mut tx = self.tx(Access::Write).await?;
        if let Some(u) = unit {
            arogya_infra::repos::units::find(&tx, arogya_domain::ids::UnitId(u))
                .await?
                .ok_or_else(|| ApiError::validation("unitId", "no such unit in this tenant"))?;
        }
        let saved = repo::insert_order(&tx, &o, unit, self.principal.user_id().0).await?;
        self.audit(
            &mut tx,
            AuditAction::EquipmentChange,
            "equipment_order",
            saved.id,
            serde_json::json!({ "kind": saved.kind, "supplier": saved.supplier, "quantity": saved.quantity, "orderedOn": saved.ordered_on, "expectedOn": saved.expected_on, "reference": saved.reference }),
        )
        .await?;
        tx.commit().await?;
        Ok(saved)
    }

    /// Every order with how many items have arrived against it.
    pub async fn orders(&self) -> ApiResult<Vec<(OrderRecord, i64)>> {
        if self.reach().is_empty() {
            return Err(ApiError::Forbidden("equipment is not in your reach".into()));
        }
        let tx = self.tx(Access::Read).await?;
        let orders = repo::orders(&tx).await?;
        let received: HashMap<Uuid, i64> =
            repo::received_per_order(&tx).await?.into_iter().collect();
        tx.commit().await?;
        Ok(orders
            .into_iter()
            .map(|o| {
                let n = received.get(&o.id).copied().unwrap_or(0);
                (o, n)
            })
            .collect())
    }

    /// Equipment by district and kind, and functional ventilators against ventilator
    /// beds, over the facilities in reach.
    pub async fn equipment_by_district(&self) -> ApiResult<Vec<DistrictEquipment>> {
        let reach = self.reach();
        if reach.is_empty() {
            return Err(ApiError::Forbidden("equipment is not in your reach".into()));
        }
        let tx = self.tx(Access::Read).await?;
        let places = facilities::ventilator_beds(&tx).await?;
        let counts = repo::counts(&tx).await?;
        let names: HashMap<Uuid, String> = occupancy::districts(&tx).await?.into_iter().collect();
        tx.commit().await?;
        let seen: HashMap<Uuid, Option<Uuid>> = places
            .iter()
            .filter(|(id, _, path, _)| {
                reach.sees(FacilityId(*id), &UnitPath::from_stored(path.clone()))
            })
            .map(|(id, d, _, _)| (*id, *d))
            .collect();
        let mut out: BTreeMap<Option<Uuid>, DistrictEquipment> = BTreeMap::new();
        let entry = |out: &mut BTreeMap<Option<Uuid>, DistrictEquipment>, d: Option<Uuid>| {
            out.entry(d).or_insert_with(|| DistrictEquipment {
                district_id: d,
                name: d
                    .and_then(|d| names.get(&d).cloned())
                    .unwrap_or_else(|| "—".into()),
                kinds: BTreeMap::new(),
                ventilator_beds: 0,
                ventilators_functional: 0,
            });
        };
        for (id, d, _, beds) in &places {
            if seen.contains_key(id) && *beds > 0 {
                entry(&mut out, *d);
                if let Some(x) = out.get_mut(d) {
                    x.ventilator_beds += *beds as i64;
                }
            }
        }
        for (facility, kind, status, n) in counts {
            let Some(d) = seen.get(&facility) else {
                continue;
            };
            let (Ok(kind), Ok(status)) =
                (EquipmentKind::parse(&kind), EquipmentStatus::parse(&status))
            else {
                continue;
            };
            entry(&mut out, *d);
            let Some(x) = out.get_mut(d) else { continue };
            let c = x.kinds.entry(kind.as_str()).or_default();
            match status {
                EquipmentStatus::Functional => c.functional += n,
                EquipmentStatus::UnderRepair => c.under_repair += n,
                EquipmentStatus::Condemned => c.condemned += n,
            }
            if kind.ventilates() && status == EquipmentStatus::Functional {
                x.ventilators_functional += n;
            }
        }
        let mut list: Vec<DistrictEquipment> = out.into_values().collect();
        list.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(list)
    }
}
