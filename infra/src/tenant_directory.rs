//! A short-lived in-memory cache of tenants, so that checking "is this token's tenant
//! still active?" on every request costs no database round trip. A suspension made
//! through this process takes effect at once (the entry is dropped); one made by
//! another instance within the cache lifetime (a few seconds).

use crate::db::{Db, InfraResult};
use crate::repos::tenants::{self, TenantRecord};
use arogya_domain::ids::TenantId;
use std::collections::HashMap;
use std::sync::RwLock;
use std::time::{Duration, Instant};

pub struct TenantDirectory {
    db: Db,
    ttl: Duration,
    cache: RwLock<HashMap<TenantId, (TenantRecord, Instant)>>,
}

impl TenantDirectory {
    pub fn new(db: Db, ttl: Duration) -> Self {
        Self {
            db,
            ttl,
            cache: RwLock::new(HashMap::new()),
        }
    }

    pub async fn get(&self, id: TenantId) -> InfraResult<Option<TenantRecord>> {
        if let Some((rec, at)) = self
            .cache
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(&id)
        {
            if at.elapsed() < self.ttl {
                return Ok(Some(rec.clone()));
            }
        }
        let rec = tenants::find(self.db.ready_conn()?, id).await?;
        if let Some(r) = &rec {
            self.cache
                .write()
                .unwrap_or_else(|p| p.into_inner())
                .insert(id, (r.clone(), Instant::now()));
        }
        Ok(rec)
    }

    pub fn invalidate(&self, id: TenantId) {
        self.cache
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&id);
    }
}
