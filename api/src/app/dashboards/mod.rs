//! Dashboards' use cases: tracking the roll-out of electronic medical records (where
//! it stands, the tenant's deadline, each facility's history of readiness), the
//! indicators of a place, hospital scorecards with their rankings, and award rounds.

pub mod answers;
pub mod awards;
pub mod emr_history;
pub mod emr_rollout;
pub mod indicator_days;
pub mod indicators;
pub mod recount;
pub mod reports;
pub mod rows;
pub mod scorecards;

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::access::Principal;
use arogya_domain::ids::TenantId;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::RequestMeta;
use arogya_infra::TenantTx;

pub struct Dashboards<'a> {
    pub state: &'a AppState,
    pub principal: &'a Principal,
    pub meta: RequestMeta,
}

impl Dashboards<'_> {
    fn tenant(&self) -> ApiResult<TenantId> {
        self.principal.tenant().ok_or_else(|| {
            ApiError::Forbidden("dashboards are kept per tenant: sign in to one".into())
        })
    }

    /// How long an answer is kept.
    fn answer_ttl(&self) -> std::time::Duration {
        std::time::Duration::from_secs(self.state.config.indicator_cache_secs)
    }

    async fn tx(&self, access: Access) -> ApiResult<TenantTx> {
        Ok(self.state.db.tenant_tx(self.tenant()?, access).await?)
    }
}
