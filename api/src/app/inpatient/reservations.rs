//! Holding a bed for an admitted patient who is about to move into it (an ICU bed for
//! a patient coming out of theatre, a bed in another ward). The hold is a `reserved`
//! bed assignment: the bed counts as reserved, not free, and nobody else can take it
//! until the patient is transferred into it (the hold becomes the stay) or the hold is
//! given up: by hand, by a transfer elsewhere, or by discharge.

use super::Inpatient;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::inpatient::admission::AdmissionStatus;
use arogya_infra::db::Access;
use arogya_infra::repos::inpatient::admissions::{self as repo, AdmissionRecord, AssignmentRecord};
use arogya_infra::TenantTx;
use chrono::Utc;
use uuid::Uuid;

impl Inpatient<'_> {
    /// An admitted patient whose beds the caller may move: ward staff and bed managers.
    async fn movable(&self, tx: &TenantTx, id: Uuid) -> ApiResult<AdmissionRecord> {
        let a = self.admission(tx, id).await?;
        self.require_ward_staff(tx, a.facility_id, true).await?;
        if a.status != AdmissionStatus::Admitted.as_str() {
            return Err(ApiError::Conflict("the patient has been discharged".into()));
        }
        Ok(a)
    }

    /// Hold a free bed of the same facility for the patient; a bed held before for
    /// them is given up. Of two holds on one bed at the same moment exactly one wins.
    pub async fn reserve_bed(&self, id: Uuid, bed: Uuid) -> ApiResult<AssignmentRecord> {
        let mut tx = self.tx(Access::Write).await?;
        let a = self.movable(&tx, id).await?;
        let bed = self.bed_to_move_to(&tx, &a, bed).await?;
        let now = Utc::now();
        repo::cancel_reservations(&tx, a.id, now).await?;
        self.require_free(&tx, &bed).await?;
        let held = repo::reserve_bed(&tx, a.id, bed.id, now, self.principal.user_id().0)
            .await?
            .ok_or_else(|| super::stays::taken(&bed))?;
        self.audit(
            &mut tx,
            AuditAction::BedReservation,
            "admission",
            a.id,
            serde_json::json!({ "reserved": bed.id }),
        )
        .await?;
        let told = self.announce(&tx, &a, "reserve").await?;
        tx.commit().await?;
        self.told(told);
        Ok(held)
    }

    /// Give up the bed held for the patient; `false` if none was held.
    pub async fn cancel_bed_reservation(&self, id: Uuid) -> ApiResult<bool> {
        let mut tx = self.tx(Access::Write).await?;
        let a = self.movable(&tx, id).await?;
        let held = repo::reservation_of(&tx, a.id).await?;
        let Some(held) = held else {
            tx.commit().await?;
            return Ok(false);
        };
        repo::cancel_reservations(&tx, a.id, Utc::now()).await?;
        self.audit(
            &mut tx,
            AuditAction::BedReservation,
            "admission",
            a.id,
            serde_json::json!({ "cancelled": held.bed_id }),
        )
        .await?;
        let told = self.announce(&tx, &a, "reserve").await?;
        tx.commit().await?;
        self.told(told);
        Ok(true)
    }

    /// The bed held for the patient, for those who see the facility.
    pub async fn bed_reservation(&self, id: Uuid) -> ApiResult<Option<AssignmentRecord>> {
        let tx = self.tx(Access::Read).await?;
        let a = self.admission(&tx, id).await?;
        self.visible_facility(&tx, a.facility_id).await?;
        let held = repo::reservation_of(&tx, a.id).await?;
        tx.commit().await?;
        Ok(held)
    }
}
