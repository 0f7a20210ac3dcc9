//! The supply ledger: a delivery is dispatched to a facility (by its district's
//! committee, the state's oxygen cell, or the facility itself for its own orders),
//! counts towards the facility's time to empty from when it is expected, and is
//! confirmed by the facility with what actually arrived, so the district sees where
//! oxygen went.

use super::{not_found, rules_of, Oxygen};
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::ids::FacilityId;
use arogya_domain::oxygen::access as rules;
use arogya_domain::oxygen::units::LiquidUnit;
use arogya_domain::role::Role;
use arogya_domain::unit::UnitPath;
use arogya_infra::db::Access;
use arogya_infra::repos::facilities::FacilityRecord;
use arogya_infra::repos::oxygen::deliveries::{self as repo, DeliveryRecord, NewDelivery};
use arogya_infra::repos::oxygen::{settings as settings_repo, sources as source_repo};
use arogya_infra::TenantTx;
use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

/// What is on its way.
pub enum Load {
    Liquid {
        tank: Uuid,
        quantity: f64,
        unit: LiquidUnit,
    },
    Cylinders {
        cylinder_type: Uuid,
        count: i32,
    },
}

pub struct Dispatch {
    pub supplier: String,
    pub vehicle: Option<String>,
    pub challan: Option<String>,
    pub load: Load,
    pub dispatched_at: Option<DateTime<Utc>>,
    pub expected_at: DateTime<Utc>,
}

fn text(v: &str, field: &str, max: usize) -> ApiResult<String> {
    let t = v.trim();
    if t.is_empty() || t.chars().count() > max || t.chars().any(char::is_control) {
        return Err(ApiError::validation(
            field,
            format!("must be 1 to {max} characters on one line"),
        ));
    }
    Ok(t.to_owned())
}

fn optional(v: Option<String>, field: &str, max: usize) -> ApiResult<Option<String>> {
    v.filter(|s| !s.trim().is_empty())
        .map(|s| text(&s, field, max))
        .transpose()
}

impl Oxygen<'_> {
    /// The facility's own people, or a committee (or state) that watches it.
    async fn dispatching_to(&self, tx: &TenantTx, facility: Uuid) -> ApiResult<FacilityRecord> {
        let f = self.facility(tx, facility).await?;
        let path = UnitPath::from_stored(f.unit_path.clone());
        let committee = self.principal.has_role(Role::OxygenCommittee)
            && self.reach().sees(FacilityId(f.id), &path);
        if committee || rules::enters(self.principal, FacilityId(f.id), &path) {
            Ok(f)
        } else {
            Err(ApiError::Forbidden(
                "deliveries are dispatched by the facility's district committee, the state or the facility".into(),
            ))
        }
    }

    pub async fn dispatch_delivery(
        &self,
        facility: Uuid,
        d: Dispatch,
    ) -> ApiResult<DeliveryRecord> {
        let supplier = text(&d.supplier, "supplier", 120)?;
        let vehicle = optional(d.vehicle, "vehicle", 40)?;
        let challan = optional(d.challan, "challan", 80)?;
        let now = Utc::now();
        let dispatched_at = d.dispatched_at.unwrap_or(now);
        if dispatched_at > now + Duration::minutes(5) || dispatched_at < now - Duration::days(31) {
            return Err(ApiError::validation(
                "dispatchedAt",
                "must be within the last 31 days, not in the future",
            ));
        }
        if d.expected_at < dispatched_at || d.expected_at > dispatched_at + Duration::days(14) {
            return Err(ApiError::validation(
                "expectedAt",
                "must be after dispatch and within 14 days of it",
            ));
        }
        let mut tx = self.tx(Access::Write).await?;
        let f = self.dispatching_to(&tx, facility).await?;
        let conv = rules_of(&tx).await?.converter;
        let (kind, source, cyl, quantity, unit, nm3) = match d.load {
            Load::Liquid {
                tank,
                quantity,
                unit,
            } => {
                let s = source_repo::find(&tx, tank)
                    .await?
                    .filter(|s| s.facility_id == f.id && s.kind == "lmo_tank" && s.active)
                    .ok_or_else(|| {
                        ApiError::validation(
                            "liquid.sourceId",
                            "not a liquid oxygen tank of this facility",
                        )
                    })?;
                let nm3 = conv.nm3(quantity, unit);
                if !(quantity.is_finite() && quantity > 0.0) || nm3 > s.storage_nm3 * 1.001 {
                    return Err(ApiError::validation(
                        "liquid.quantity",
                        "must be more than 0 and no more than the tank holds",
                    ));
                }
                ("liquid", Some(s.id), None, quantity, unit.as_str(), nm3)
            }
            Load::Cylinders {
                cylinder_type,
                count,
            } => {
                let t = settings_repo::find_cylinder_type(&tx, cylinder_type)
                    .await?
                    .ok_or_else(|| {
                        ApiError::validation(
                            "cylinders.cylinderTypeId",
                            "no such cylinder type in this tenant",
                        )
                    })?;
                if !(1..=5000).contains(&count) {
                    return Err(ApiError::validation("cylinders.count", "must be 1 to 5000"));
                }
                (
                    "cylinders",
                    None,
                    Some(t.id),
                    count as f64,
                    "cylinders",
                    count as f64 * t.nm3,
                )
            }
        };
        let saved = repo::insert(
            &tx,
            NewDelivery {
                facility_id: f.id,
                supplier,
                vehicle,
                challan,
                kind,
                source_id: source,
                cylinder_type_id: cyl,
                quantity,
                unit,
                nm3,
                dispatched_at,
                expected_at: d.expected_at,
                created_by: self.principal.user_id().0,
            },
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::OxygenDelivery,
            "oxygen_delivery",
            saved.id,
            serde_json::json!({ "facilityId": f.id, "status": "dispatched", "supplier": saved.supplier, "vehicle": saved.vehicle, "quantity": quantity, "unit": unit, "nm3": nm3, "expectedAt": saved.expected_at }),
        )
        .await?;
        tx.commit().await?;
        self.changed();
        Ok(saved)
    }

    /// The receiving facility confirms what arrived (`received`), or that nothing will
    /// (`cancel`).
    pub async fn close_delivery(
        &self,
        id: Uuid,
        expected_version: i32,
        received: Option<f64>,
        note: Option<String>,
    ) -> ApiResult<DeliveryRecord> {
        let note = optional(note, "note", 500)?;
        let mut tx = self.tx(Access::Write).await?;
        let d = repo::find(&tx, id)
            .await?
            .ok_or_else(|| not_found("oxygen delivery"))?;
        self.entered_facility(&tx, d.facility_id).await?;
        let status = match received {
            Some(q) if q.is_finite() && q >= 0.0 && q <= d.quantity * 1.05 => "received",
            Some(_) => {
                return Err(ApiError::validation(
                    "receivedQuantity",
                    "must be 0 or more and no more than 5 % over what was dispatched",
                ))
            }
            None => "cancelled",
        };
        repo::close(
            &tx,
            id,
            expected_version,
            status,
            received,
            self.principal.user_id().0,
            Utc::now(),
            note.clone(),
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::OxygenDelivery,
            "oxygen_delivery",
            id,
            serde_json::json!({ "facilityId": d.facility_id, "status": status, "dispatched": d.quantity, "received": received, "note": note }),
        )
        .await?;
        let after = repo::find(&tx, id)
            .await?
            .ok_or_else(|| not_found("oxygen delivery"))?;
        tx.commit().await?;
        self.changed();
        Ok(after)
    }

    /// Deliveries to one facility (or every one in reach) dispatched in a range, the
    /// latest first.
    pub async fn deliveries(
        &self,
        facility: Option<Uuid>,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> ApiResult<Vec<(DeliveryRecord, String)>> {
        let tx = self.tx(Access::Read).await?;
        let places: Vec<FacilityRecord> = match facility {
            Some(f) => vec![self.watched_facility(&tx, f).await?],
            None => {
                let reach = self.reach();
                if reach.is_empty() {
                    return Err(ApiError::Forbidden("oxygen is not in your reach".into()));
                }
                let mut ids: Vec<Uuid> = source_repo::all_active(&tx)
                    .await?
                    .iter()
                    .map(|s| s.facility_id)
                    .collect();
                ids.sort();
                ids.dedup();
                arogya_infra::repos::facilities::find_many(&tx, &ids)
                    .await?
                    .into_iter()
                    .filter(|f| {
                        reach.sees(
                            FacilityId(f.id),
                            &UnitPath::from_stored(f.unit_path.clone()),
                        )
                    })
                    .collect()
            }
        };
        let ids: Vec<Uuid> = places.iter().map(|f| f.id).collect();
        let list = repo::dispatched_between(&tx, &ids, from, to, 1000).await?;
        tx.commit().await?;
        Ok(list
            .into_iter()
            .map(|d| {
                let name = places
                    .iter()
                    .find(|f| f.id == d.facility_id)
                    .map(|f| f.name.clone())
                    .unwrap_or_default();
                (d, name)
            })
            .collect())
    }
}
