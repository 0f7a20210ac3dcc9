//! The patient index's use cases: registration with duplicate detection, lookups,
//! merges, e-health cards and household surveys. Every change and every read of a
//! patient's demographics is written to the audit trail in the same transaction.

// The imports below serve the submodules too: each starts with `use super::*`.
use super::professionals::today;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::ids::{TenantId, UnitId};
use arogya_domain::offline_id::OfflineId;
use arogya_domain::patient::access::PatientAccess;
use arogya_domain::patient::card::{
    reason_text, CardClaims, CardStatus, DeliveryStatus, ReissueReason,
};
use arogya_domain::patient::details::{NameKeys, PatientDetails};
use arogya_domain::patient::health_id::HealthId;
use arogya_domain::patient::household::HouseholdDetails;
use arogya_domain::patient::matching::{self, birth_year_window, MatchReason};
use arogya_domain::tenant::TenantCode;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::cards::{self, CardRecord, NewCard};
use arogya_infra::repos::households::{self, HouseholdRecord};
use arogya_infra::repos::patients::{self as repo, NewPatient, PatientRecord};
use arogya_infra::repos::units;
use arogya_infra::TenantTx;
use rand::Rng;
use uuid::Uuid;

mod health_cards;
mod lookup;
mod merge;
mod registration;
pub mod rekey;
mod surveys;

pub use health_cards::*;
pub use lookup::*;
pub use merge::*;
pub use registration::*;
pub use surveys::*;

/// Who is acting on the patient index, with what access, from where.
pub struct Caller<'a> {
    pub state: &'a AppState,
    pub access: PatientAccess,
    pub actor: Actor,
    pub meta: RequestMeta,
}

impl Caller<'_> {
    fn tenant(&self) -> TenantId {
        self.access.tenant
    }
    /// Surveyors see only the patients they registered.
    fn registered_by_filter(&self) -> Option<Uuid> {
        self.access
            .only_own_enrollments
            .then_some(self.access.user.0)
    }
    fn may_see(&self, p: &PatientRecord) -> bool {
        !self.access.only_own_enrollments || p.registered_by == Some(self.access.user.0)
    }
    async fn write(&self) -> ApiResult<TenantTx> {
        Ok(self
            .state
            .db
            .tenant_tx(self.tenant(), Access::Write)
            .await?)
    }
    async fn record(
        &self,
        tx: &mut TenantTx,
        action: AuditAction,
        entity: &'static str,
        id: Option<Uuid>,
        detail: serde_json::Value,
    ) -> ApiResult<()> {
        let event = NewAuditEvent::new(self.actor, action, entity, id).with_detail(detail);
        audit::record(tx, &self.meta, event).await?;
        Ok(())
    }
    async fn tenant_code(&self) -> ApiResult<TenantCode> {
        let t = self
            .state
            .tenants
            .get(self.tenant())
            .await?
            .ok_or(DomainError::NotFound { entity: "tenant" })?;
        Ok(TenantCode::parse(&t.code)?)
    }
}

pub fn patient_not_found() -> ApiError {
    DomainError::NotFound { entity: "patient" }.into()
}

async fn unit_path(tx: &TenantTx, unit: UnitId, field: &str) -> ApiResult<String> {
    units::find(tx, unit)
        .await?
        .map(|u| u.path)
        .ok_or_else(|| ApiError::validation(field, "no such administrative unit in this tenant"))
}

/// Record that the caller viewed these patients' demographics.
async fn record_reads(
    caller: &Caller<'_>,
    tx: &mut TenantTx,
    action: AuditAction,
    found: &[&PatientRecord],
    how: serde_json::Value,
) -> ApiResult<()> {
    match found {
        [one] => {
            caller
                .record(tx, action, "patient", Some(one.id), how)
                .await
        }
        many => {
            let ids: Vec<&str> = many.iter().map(|p| p.health_id.as_str()).collect();
            let mut detail = how;
            detail["healthIds"] = serde_json::json!(ids);
            caller.record(tx, action, "patient", None, detail).await
        }
    }
}
