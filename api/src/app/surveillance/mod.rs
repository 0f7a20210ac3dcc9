//! Disease surveillance's use cases: cases raised by the records module's diagnoses
//! and lab results (in their transaction), cases reported from the field, the
//! tenant's notifiable conditions, and what the cases add up to.

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::access::Principal;
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::ids::TenantId;
use arogya_domain::surveillance::access::Reach;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::TenantTx;
use uuid::Uuid;

pub mod alerts;
pub mod cases;
pub mod conditions;
pub mod dhis2;
pub mod investigations;
pub mod notify;
pub mod reporting;
pub mod reports;
pub mod rules;
pub mod weekly_table;

pub struct Surveillance<'a> {
    pub state: &'a AppState,
    pub principal: &'a Principal,
    pub meta: RequestMeta,
}

impl Surveillance<'_> {
    fn tenant(&self) -> ApiResult<TenantId> {
        self.principal.tenant().ok_or_else(|| {
            ApiError::Forbidden("surveillance is kept per tenant: sign in to one".into())
        })
    }

    async fn tx(&self, access: Access) -> ApiResult<TenantTx> {
        Ok(self.state.db.tenant_tx(self.tenant()?, access).await?)
    }

    fn reach(&self) -> ApiResult<Reach> {
        let r = Reach::of(self.principal);
        if r.is_empty() {
            return Err(ApiError::Forbidden(
                "surveillance is for surveillance officers and state and district administrators"
                    .into(),
            ));
        }
        Ok(r)
    }

    async fn audit(
        &self,
        tx: &mut TenantTx,
        action: AuditAction,
        entity: &'static str,
        id: Option<Uuid>,
        detail: serde_json::Value,
    ) -> ApiResult<()> {
        let event =
            NewAuditEvent::new(Actor::from(self.principal), action, entity, id).with_detail(detail);
        audit::record(tx, &self.meta, event).await?;
        Ok(())
    }
}
