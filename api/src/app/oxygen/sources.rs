//! A facility's oxygen sources: declared and changed by those who enter its readings.

use super::{not_found, rules_of, Oxygen};
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::oxygen::sources::{Capacity, SourceForm};
use arogya_infra::db::Access;
use arogya_infra::repos::oxygen::settings as settings_repo;
use arogya_infra::repos::oxygen::sources::{self as repo, Sized, SourceRecord};
use arogya_infra::TenantTx;
use uuid::Uuid;

impl Oxygen<'_> {
    /// The source's size in Nm³; a cylinder type must be the tenant's own.
    async fn size(&self, tx: &TenantTx, f: &SourceForm) -> ApiResult<Sized> {
        let conv = rules_of(tx).await?.converter;
        let cylinder_nm3 = match &f.capacity {
            Capacity::Cylinders { cylinder_type, .. } => {
                settings_repo::find_cylinder_type(tx, *cylinder_type)
                    .await?
                    .ok_or_else(|| {
                        ApiError::validation(
                            "capacity.cylinderTypeId",
                            "no such cylinder type in this tenant",
                        )
                    })?
                    .nm3
            }
            _ => 0.0,
        };
        Ok(Sized {
            storage_nm3: f.capacity.storage_nm3(&conv, cylinder_nm3),
            output_nm3_per_hour: f.capacity.output_nm3_per_hour(),
        })
    }

    pub async fn sources(&self, facility: Uuid, all: bool) -> ApiResult<Vec<SourceRecord>> {
        let tx = self.tx(Access::Read).await?;
        let f = self.watched_facility(&tx, facility).await?;
        let list = repo::of_facilities(&tx, &[f.id], all).await?;
        tx.commit().await?;
        Ok(list)
    }

    pub async fn declare_source(&self, facility: Uuid, f: SourceForm) -> ApiResult<SourceRecord> {
        let mut tx = self.tx(Access::Write).await?;
        let fac = self.entered_facility(&tx, facility).await?;
        let size = self.size(&tx, &f).await?;
        let saved = repo::insert(&tx, fac.id, &f, size).await?;
        self.audit(
            &mut tx,
            AuditAction::OxygenSetup,
            "oxygen_source",
            saved.id,
            serde_json::json!({ "facilityId": fac.id, "name": f.name, "capacity": saved.capacity, "bedsFed": f.beds_fed, "storageNm3": saved.storage_nm3 }),
        )
        .await?;
        tx.commit().await?;
        self.changed();
        Ok(saved)
    }

    /// Change a source (or retire it: `active` false); its earlier readings keep the
    /// stock they were entered with.
    pub async fn update_source(
        &self,
        id: Uuid,
        expected_version: i32,
        f: SourceForm,
        active: bool,
    ) -> ApiResult<SourceRecord> {
        let mut tx = self.tx(Access::Write).await?;
        let before = repo::find(&tx, id)
            .await?
            .ok_or_else(|| not_found("oxygen source"))?;
        self.entered_facility(&tx, before.facility_id).await?;
        let size = self.size(&tx, &f).await?;
        repo::update(&tx, id, expected_version, &f, size, active).await?;
        let after = repo::find(&tx, id)
            .await?
            .ok_or_else(|| not_found("oxygen source"))?;
        self.audit(
            &mut tx,
            AuditAction::OxygenSetup,
            "oxygen_source",
            id,
            serde_json::json!({ "before": { "name": before.name, "capacity": before.capacity, "bedsFed": before.beds_fed, "active": before.active }, "after": { "name": after.name, "capacity": after.capacity, "bedsFed": after.beds_fed, "active": after.active } }),
        )
        .await?;
        tx.commit().await?;
        self.changed();
        Ok(after)
    }
}
