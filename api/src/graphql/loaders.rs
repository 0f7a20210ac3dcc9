//! DataLoaders, created fresh for every request so nothing is cached across users.
//! Keys carry the tenant, and each batch runs in a transaction scoped to that tenant,
//! so a loader can never return another tenant's rows.

use crate::error::ApiError;
use arogya_domain::ids::{TenantId, UnitId, UserId};
use arogya_domain::role::RoleGrant;
use arogya_infra::db::Access;
use arogya_infra::repos::units::{self, UnitRecord};
use arogya_infra::repos::users::UserRecord;
use arogya_infra::repos::{roles, users};
use arogya_infra::Db;
use async_graphql::dataloader::{DataLoader, Loader};
use std::collections::HashMap;
use std::sync::Arc;

pub type TenantKey = (TenantId, UserId);

fn by_tenant(keys: &[TenantKey]) -> HashMap<TenantId, Vec<uuid::Uuid>> {
    let mut groups: HashMap<TenantId, Vec<uuid::Uuid>> = HashMap::new();
    for (t, u) in keys {
        groups.entry(*t).or_default().push(u.0);
    }
    groups
}

pub struct UserLoader {
    db: Db,
}

impl Loader<TenantKey> for UserLoader {
    type Value = UserRecord;
    type Error = ApiError;

    async fn load(&self, keys: &[TenantKey]) -> Result<HashMap<TenantKey, UserRecord>, ApiError> {
        let mut out = HashMap::new();
        for (tenant, ids) in by_tenant(keys) {
            let tx = self.db.tenant_tx(tenant, Access::Read).await?;
            for u in users::find_many(&tx, &ids).await? {
                out.insert((tenant, UserId(u.id)), u);
            }
            tx.commit().await?;
        }
        Ok(out)
    }
}

pub struct RoleLoader {
    db: Db,
}

impl Loader<TenantKey> for RoleLoader {
    type Value = Vec<RoleGrant>;
    type Error = ApiError;

    async fn load(
        &self,
        keys: &[TenantKey],
    ) -> Result<HashMap<TenantKey, Vec<RoleGrant>>, ApiError> {
        let mut out = HashMap::new();
        for (tenant, ids) in by_tenant(keys) {
            let tx = self.db.tenant_tx(tenant, Access::Read).await?;
            let mut grants = roles::grants_for_many(&tx, &ids).await?;
            tx.commit().await?;
            for id in ids {
                out.insert((tenant, UserId(id)), grants.remove(&id).unwrap_or_default());
            }
        }
        Ok(out)
    }
}

/// Shared handles (the batch API hands each operation a clone).
pub type Users = Arc<DataLoader<UserLoader>>;
pub type Roles = Arc<DataLoader<RoleLoader>>;

pub type UnitKey = (TenantId, UnitId);

pub struct UnitLoader {
    db: Db,
}

impl Loader<UnitKey> for UnitLoader {
    type Value = UnitRecord;
    type Error = ApiError;

    async fn load(&self, keys: &[UnitKey]) -> Result<HashMap<UnitKey, UnitRecord>, ApiError> {
        let mut groups: HashMap<TenantId, Vec<uuid::Uuid>> = HashMap::new();
        for (t, u) in keys {
            groups.entry(*t).or_default().push(u.0);
        }
        let mut out = HashMap::new();
        for (tenant, ids) in groups {
            let tx = self.db.tenant_tx(tenant, Access::Read).await?;
            for u in units::find_many(&tx, &ids).await? {
                out.insert((tenant, UnitId(u.id)), u);
            }
            tx.commit().await?;
        }
        Ok(out)
    }
}

pub type Units = Arc<DataLoader<UnitLoader>>;

/// How long a loader waits for sibling fields to ask for more keys before it queries.
/// Long enough that a page of rows resolving on a busy machine lands in one batch,
/// short enough not to matter next to a database round trip.
const BATCH_WINDOW: std::time::Duration = std::time::Duration::from_millis(2);

pub struct Loaders {
    pub users: Users,
    pub roles: Roles,
    pub units: Units,
}

impl Loaders {
    pub fn new(db: &Db) -> Self {
        Self {
            users: Arc::new(
                DataLoader::new(UserLoader { db: db.clone() }, tokio::spawn).delay(BATCH_WINDOW),
            ),
            roles: Arc::new(
                DataLoader::new(RoleLoader { db: db.clone() }, tokio::spawn).delay(BATCH_WINDOW),
            ),
            units: Arc::new(
                DataLoader::new(UnitLoader { db: db.clone() }, tokio::spawn).delay(BATCH_WINDOW),
            ),
        }
    }
}
