//! The public bed page: free beds by type at each facility of a district, without
//! signing in. Counts only; cached for a short while and rate limited per address.

use super::monitoring::tally;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::ids::{TenantId, UnitId};
use arogya_domain::inpatient::beds::BedType;
use arogya_domain::tenant::{TenantCode, TenantStatus};
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::RequestMeta;
use arogya_infra::repos::inpatient::occupancy::{self, GroupBy, Scope};
use arogya_infra::repos::{facilities, tenants, units};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use uuid::Uuid;

/// How long a district's counts are served from memory.
pub const CACHE_SECS: u64 = 30;

#[derive(Clone)]
pub struct FreeBeds {
    pub facility: Uuid,
    pub name: String,
    pub free: Vec<(BedType, i64)>,
}

#[derive(Clone)]
pub struct DistrictBeds {
    pub district: String,
    pub facilities: Vec<FreeBeds>,
    pub as_of: chrono::DateTime<chrono::Utc>,
}

/// A district's free beds and when they were counted.
type Counted = (Instant, Arc<DistrictBeds>);

/// Districts' free beds as last counted.
#[derive(Default)]
pub struct BedCache {
    entries: Mutex<HashMap<(TenantId, Uuid), Counted>>,
}

impl BedCache {
    fn get(&self, key: (TenantId, Uuid)) -> Option<Arc<DistrictBeds>> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries
            .get(&key)
            .filter(|(at, _)| at.elapsed() < Duration::from_secs(CACHE_SECS))
            .map(|(_, v)| v.clone())
    }

    fn put(&self, key: (TenantId, Uuid), v: Arc<DistrictBeds>) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.len() > 10_000 {
            entries.clear();
        }
        entries.insert(key, (Instant::now(), v));
    }
}

/// A tenant's districts, for choosing one on the public page (rate limited too).
pub async fn districts(
    state: &AppState,
    meta: &RequestMeta,
    tenant_code: &str,
) -> ApiResult<Vec<(Uuid, String)>> {
    let tenant = admit_public(state, meta, tenant_code).await?;
    let tx = state.db.tenant_tx(tenant, Access::Read).await?;
    let list = occupancy::districts(&tx).await?;
    tx.commit().await?;
    Ok(list)
}

/// A public request within its client address's limit, for an active tenant.
async fn admit_public(
    state: &AppState,
    meta: &RequestMeta,
    tenant_code: &str,
) -> ApiResult<TenantId> {
    let client = meta.client_addr.clone().unwrap_or_else(|| "-".into());
    state
        .public_throttle
        .check(&client, &client)
        .map_err(|retry_after_secs| ApiError::RateLimited { retry_after_secs })?;
    state.public_throttle.record_failure(&client, &client);
    active_tenant(state, tenant_code).await
}

/// An active tenant by its code; a suspended or unknown one is `NOT_FOUND`.
pub(super) async fn active_tenant(state: &AppState, tenant_code: &str) -> ApiResult<TenantId> {
    let code =
        TenantCode::parse(tenant_code).map_err(|_| DomainError::NotFound { entity: "tenant" })?;
    let tenant = tenants::find_by_code(state.db.ready_conn()?, &code)
        .await?
        .filter(|t| t.status == TenantStatus::Active.as_str())
        .ok_or(DomainError::NotFound { entity: "tenant" })?;
    Ok(TenantId(tenant.id))
}

pub async fn free_beds(
    state: &AppState,
    meta: &RequestMeta,
    tenant_code: &str,
    district: Uuid,
) -> ApiResult<Arc<DistrictBeds>> {
    let client = meta.client_addr.clone().unwrap_or_else(|| "-".into());
    state
        .public_throttle
        .check(&client, &client)
        .map_err(|retry_after_secs| ApiError::RateLimited { retry_after_secs })?;
    state.public_throttle.record_failure(&client, &client);
    let code =
        TenantCode::parse(tenant_code).map_err(|_| DomainError::NotFound { entity: "tenant" })?;
    let tenant = tenants::find_by_code(state.db.ready_conn()?, &code)
        .await?
        .filter(|t| t.status == TenantStatus::Active.as_str())
        .ok_or(DomainError::NotFound { entity: "tenant" })?;
    let tenant = TenantId(tenant.id);
    if let Some(hit) = state.bed_cache.get((tenant, district)) {
        return Ok(hit);
    }
    let tx = state.db.tenant_tx(tenant, Access::Read).await?;
    let unit = units::find(&tx, UnitId(district))
        .await?
        .ok_or(DomainError::NotFound { entity: "district" })?;
    let counts = occupancy::counts(
        &tx,
        GroupBy::Facility,
        &Scope {
            unit_path_patterns: vec![format!("{}%", unit.path)],
            ..Default::default()
        },
    )
    .await?;
    let ids: Vec<Uuid> = counts.iter().filter_map(|c| c.key).collect();
    let names: HashMap<Uuid, String> = facilities::find_many(&tx, &ids)
        .await?
        .into_iter()
        .map(|f| (f.id, f.name))
        .collect();
    tx.commit().await?;
    let t = tally(counts, &names);
    let mut by_facility: Vec<FreeBeds> = Vec::new();
    for row in t.rows {
        let Some(id) = row.key else { continue };
        match by_facility.iter_mut().find(|f| f.facility == id) {
            Some(f) => f.free.push((row.bed_type, row.tally.free)),
            None => by_facility.push(FreeBeds {
                facility: id,
                name: row.name.unwrap_or_default(),
                free: vec![(row.bed_type, row.tally.free)],
            }),
        }
    }
    let v = Arc::new(DistrictBeds {
        district: unit.name,
        facilities: by_facility,
        as_of: chrono::Utc::now(),
    });
    state.bed_cache.put((tenant, district), v.clone());
    Ok(v)
}
