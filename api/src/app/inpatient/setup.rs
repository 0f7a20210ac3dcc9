//! Setting up wards and beds, and beds' housekeeping (cleaning, isolation, closing).

use super::{stale, Inpatient};
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::facility::BedCapacity;
use arogya_domain::inpatient::beds::{bed_label, housekeeping_change, BedType, Housekeeping};
use arogya_domain::inpatient::wards::WardForm;
use arogya_infra::db::Access;
use arogya_infra::repos::facilities::FacilityRecord;
use arogya_infra::repos::inpatient::wards::{self as repo, BedRecord, WardRecord};
use std::collections::HashSet;
use uuid::Uuid;

/// At most this many beds are added at once (a ward, not a hospital).
const MAX_BEDS_AT_ONCE: usize = 200;

/// Declared capacity of one bed type against the beds set up.
pub struct CapacityCheck {
    pub bed_type: BedType,
    pub declared: i32,
    pub set_up: i64,
}

pub fn declared_capacity(f: &FacilityRecord) -> BedCapacity {
    BedCapacity {
        general: f.beds_general,
        oxygen_supported: f.beds_oxygen,
        icu: f.beds_icu,
        hdu: f.beds_hdu,
        ventilator: f.beds_ventilator,
        isolation: f.beds_isolation,
        paediatric: f.beds_paediatric,
        maternity: f.beds_maternity,
    }
}

impl Inpatient<'_> {
    pub async fn create_ward(&self, facility: Uuid, form: WardForm<'_>) -> ApiResult<WardRecord> {
        let ward = form.validate()?;
        let mut tx = self.tx(Access::Write).await?;
        self.require_manager(&tx, facility).await?;
        let w = repo::insert_ward(&tx, facility, &ward).await?;
        self.audit(
            &mut tx,
            AuditAction::WardSetup,
            "ward",
            w.id,
            serde_json::json!({ "facilityId": facility, "name": w.name }),
        )
        .await?;
        tx.commit().await?;
        Ok(w)
    }

    /// Beds of one type added to a ward, labelled as given.
    pub async fn add_beds(
        &self,
        ward: Uuid,
        bed_type: BedType,
        labels: &[String],
    ) -> ApiResult<Vec<BedRecord>> {
        if labels.is_empty() || labels.len() > MAX_BEDS_AT_ONCE {
            return Err(ApiError::validation(
                "labels",
                format!("give 1 to {MAX_BEDS_AT_ONCE} labels"),
            ));
        }
        let mut clean = Vec::with_capacity(labels.len());
        let mut seen = HashSet::new();
        for (i, raw) in labels.iter().enumerate() {
            let label = bed_label(raw).map_err(|_| {
                ApiError::validation(&format!("labels.{i}"), "must be 1 to 20 characters")
            })?;
            if !seen.insert(label.to_lowercase()) {
                return Err(ApiError::validation(
                    &format!("labels.{i}"),
                    format!("{label} is given twice"),
                ));
            }
            clean.push(label);
        }
        let mut tx = self.tx(Access::Write).await?;
        let w = self.ward(&tx, ward).await?;
        self.require_manager(&tx, w.facility_id).await?;
        let mut beds = Vec::with_capacity(clean.len());
        for label in &clean {
            beds.push(repo::insert_bed(&tx, &w, label, bed_type).await?);
        }
        self.audit(
            &mut tx,
            AuditAction::WardSetup,
            "ward",
            w.id,
            serde_json::json!({ "bedsAdded": clean, "bedType": bed_type.as_str() }),
        )
        .await?;
        tx.commit().await?;
        self.state
            .live_counts
            .changed(self.tenant()?, w.facility_id);
        Ok(beds)
    }

    /// Cleaning done, isolating, closing: by the bed managers and the ward staff.
    pub async fn set_bed_status(
        &self,
        bed: Uuid,
        expected_version: i32,
        to: Housekeeping,
        reason: Option<&str>,
    ) -> ApiResult<BedRecord> {
        let (to, reason) = housekeeping_change(to, reason)?;
        let mut tx = self.tx(Access::Write).await?;
        let b = self.bed(&tx, bed).await?;
        self.require_ward_staff(&tx, b.facility_id, true).await?;
        let updated = repo::set_housekeeping(&tx, bed, expected_version, to, reason.clone())
            .await?
            .ok_or_else(|| stale("bed"))?;
        self.audit(
            &mut tx,
            AuditAction::BedStatusChange,
            "bed",
            bed,
            serde_json::json!({ "from": b.housekeeping, "to": to.as_str(), "reason": reason }),
        )
        .await?;
        tx.commit().await?;
        self.state
            .live_counts
            .changed(self.tenant()?, b.facility_id);
        Ok(updated)
    }

    /// A facility's wards, for those who may see it.
    pub async fn wards(&self, facility: Uuid) -> ApiResult<Vec<WardRecord>> {
        let tx = self.tx(Access::Read).await?;
        self.visible_facility(&tx, facility).await?;
        let wards = repo::wards_of(&tx, facility).await?;
        tx.commit().await?;
        Ok(wards)
    }

    /// The facility's declared bed capacity beside the beds set up, by type.
    pub async fn capacity_check(&self, facility: Uuid) -> ApiResult<Vec<CapacityCheck>> {
        let tx = self.tx(Access::Read).await?;
        let f = self.visible_facility(&tx, facility).await?;
        let counts = arogya_infra::repos::inpatient::occupancy::counts(
            &tx,
            arogya_infra::repos::inpatient::occupancy::GroupBy::Facility,
            &arogya_infra::repos::inpatient::occupancy::Scope {
                facility: Some(facility),
                ..Default::default()
            },
        )
        .await?;
        tx.commit().await?;
        let declared = declared_capacity(&f);
        Ok(BedType::ALL
            .iter()
            .map(|t| CapacityCheck {
                bed_type: *t,
                declared: t.declared(&declared),
                set_up: counts
                    .iter()
                    .filter(|c| c.bed_type == *t)
                    .map(|c| c.beds)
                    .sum(),
            })
            .collect())
    }
}
