//! Medicines and supplies' use cases: the catalogue, the stores, receiving and
//! issuing stock by batch (first-expiry-first-out), adjustments, a store's stock on
//! hand with its planning figures, and indents from a store to the store above.
//!
//! Every mutation is audited in its own transaction. Each reference in an input is
//! looked up in the caller's tenant: another tenant's ids are simply not found.

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::access::Principal;
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::ids::{FacilityId, TenantId, UnitId};
use arogya_domain::supply::access::{self as rules, StoreRef};
use arogya_domain::supply::store::StoreLevel;
use arogya_domain::unit::UnitPath;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::supply::items::{self as item_repo, ItemRecord};
use arogya_infra::repos::supply::stores::{self as store_repo, StoreRecord};
use arogya_infra::TenantTx;
use uuid::Uuid;

pub mod alerts;
pub mod catalogue;
pub mod counts;
pub mod dispensing;
pub mod indents;
pub mod planning;
pub mod preparedness;
pub mod procurement;
pub mod register;
pub mod reports;
pub mod returns;
pub mod stock;
pub mod stores;
pub mod voucher;

pub struct Supply<'a> {
    pub state: &'a AppState,
    pub principal: &'a Principal,
    pub meta: RequestMeta,
}

fn not_found(entity: &'static str) -> ApiError {
    DomainError::NotFound { entity }.into()
}

/// Catalogue items by id, for the ids given (repeats are read once).
pub(crate) async fn items_by_id(
    tx: &TenantTx,
    ids: impl IntoIterator<Item = Uuid>,
) -> ApiResult<std::collections::HashMap<Uuid, ItemRecord>> {
    let ids: Vec<Uuid> = ids
        .into_iter()
        .collect::<std::collections::HashSet<_>>()
        .into_iter()
        .collect();
    Ok(item_repo::by_ids(tx, &ids)
        .await?
        .into_iter()
        .map(|i| (i.id, i))
        .collect())
}

/// Batches by id, for the ids given (repeats are read once).
pub(crate) async fn batches_by_id(
    tx: &TenantTx,
    ids: impl IntoIterator<Item = Uuid>,
) -> ApiResult<std::collections::HashMap<Uuid, arogya_infra::repos::supply::batches::BatchRecord>> {
    let ids: Vec<Uuid> = ids
        .into_iter()
        .collect::<std::collections::HashSet<_>>()
        .into_iter()
        .collect();
    Ok(arogya_infra::repos::supply::batches::by_ids(tx, &ids)
        .await?
        .into_iter()
        .map(|b| (b.id, b))
        .collect())
}

/// What access to a stored store depends on.
pub fn store_ref(s: &StoreRecord) -> StoreRef {
    StoreRef {
        level: StoreLevel::parse(&s.level).unwrap_or(StoreLevel::Ward),
        unit: UnitId(s.unit_id),
        unit_path: UnitPath::from_stored(s.unit_path.clone()),
        facility: s.facility_id.map(FacilityId),
    }
}

impl Supply<'_> {
    fn tenant(&self) -> ApiResult<TenantId> {
        self.principal
            .tenant()
            .ok_or_else(|| ApiError::Forbidden("platform administrators do not keep stores".into()))
    }

    async fn tx(&self, access: Access) -> ApiResult<TenantTx> {
        Ok(self.state.db.tenant_tx(self.tenant()?, access).await?)
    }

    fn user(&self) -> Uuid {
        self.principal.user_id().0
    }

    fn require_configurer(&self) -> ApiResult<()> {
        if rules::configures(self.principal) {
            Ok(())
        } else {
            Err(ApiError::Forbidden(
                "only state administrators and the state procurement officer keep the catalogue and the stores".into(),
            ))
        }
    }

    /// A store the caller sees; another tenant's (or a missing) store is not found.
    async fn seen_store(&self, tx: &TenantTx, id: Uuid) -> ApiResult<StoreRecord> {
        let s = store_repo::find(tx, id)
            .await?
            .ok_or_else(|| not_found("store"))?;
        if rules::sees(self.principal, &store_ref(&s)) {
            Ok(s)
        } else {
            Err(ApiError::Forbidden(
                "this store is not in your reach".into(),
            ))
        }
    }

    /// A store whose stock the caller moves.
    async fn worked_store(&self, tx: &TenantTx, id: Uuid) -> ApiResult<StoreRecord> {
        let s = store_repo::find(tx, id)
            .await?
            .ok_or_else(|| not_found("store"))?;
        if rules::works(self.principal, &store_ref(&s)) {
            Ok(s)
        } else {
            Err(ApiError::Forbidden(format!(
                "only {}'s own staff move its stock",
                s.name
            )))
        }
    }

    async fn item(&self, tx: &TenantTx, id: Uuid) -> ApiResult<ItemRecord> {
        item_repo::find(tx, id)
            .await?
            .ok_or_else(|| not_found("item"))
    }

    async fn audit(
        &self,
        tx: &mut TenantTx,
        action: AuditAction,
        entity: &'static str,
        id: Uuid,
        detail: serde_json::Value,
    ) -> ApiResult<()> {
        let event = NewAuditEvent::new(Actor::from(self.principal), action, entity, Some(id))
            .with_detail(detail);
        audit::record(tx, &self.meta, event).await?;
        Ok(())
    }
}
