//! Every reporting facility's oxygen status, worked out once per tenant and kept for a
//! few seconds, so a state dashboard watched by many officials costs one computation,
//! not one per viewer. A write on this instance (a reading, a delivery, a source, the
//! rules) forgets its tenant's statuses at once; other instances' writes show within
//! the time to live. One request computes; the others are served the statuses of a
//! few seconds ago meanwhile, or wait for its answer when there are none.

use super::status::FacilityOxygen;
use super::Rules;
use arogya_domain::ids::TenantId;
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long computed statuses are served.
pub const TTL: Duration = Duration::from_secs(10);

/// One tenant's statuses as of `at`, most urgent first.
pub struct Statuses {
    pub at: DateTime<Utc>,
    pub facilities: Vec<FacilityOxygen>,
    pub rules: Rules,
    pub districts: HashMap<uuid::Uuid, String>,
}

struct Entry {
    made: Instant,
    statuses: Arc<Statuses>,
}

#[derive(Default)]
pub struct StatusCache {
    entries: Mutex<HashMap<TenantId, Entry>>,
    /// Held while computing, so a burst of misses computes once.
    computing: tokio::sync::Mutex<()>,
}

impl StatusCache {
    /// The statuses however old (served while someone else works them out afresh).
    pub fn any(&self, tenant: TenantId) -> Option<Arc<Statuses>> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.get(&tenant).map(|e| Arc::clone(&e.statuses))
    }

    pub fn fresh(&self, tenant: TenantId) -> Option<Arc<Statuses>> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries
            .get(&tenant)
            .filter(|e| e.made.elapsed() < TTL)
            .map(|e| Arc::clone(&e.statuses))
    }

    pub fn keep(&self, tenant: TenantId, statuses: Arc<Statuses>) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.insert(
            tenant,
            Entry {
                made: Instant::now(),
                statuses,
            },
        );
    }

    /// Something changed in the tenant's oxygen: compute afresh next time.
    pub fn forget(&self, tenant: TenantId) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.remove(&tenant);
    }

    pub async fn computing(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.computing.lock().await
    }

    /// The right to compute, if nobody else is computing now.
    pub fn try_computing(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        self.computing.try_lock().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_served_until_forgotten() {
        let c = StatusCache::default();
        let t = TenantId(uuid::Uuid::nil());
        assert!(c.fresh(t).is_none());
        c.keep(
            t,
            Arc::new(Statuses {
                at: Utc::now(),
                facilities: Vec::new(),
                rules: Rules::default(),
                districts: HashMap::new(),
            }),
        );
        assert!(c.fresh(t).is_some());
        c.forget(t);
        assert!(c.fresh(t).is_none());
    }
}
