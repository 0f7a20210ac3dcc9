//! A short-lived cache of who clinicians are (their professional entry and current
//! postings), for the hot read path: a doctor opening timelines all day need not cost
//! two queries each time. Entries live for the tenant-cache TTL (5 s by default), so a
//! revoked verification or ended posting applies within that time on every instance;
//! writes always read fresh.

use arogya_domain::ids::{TenantId, UserId};
use arogya_infra::repos::professionals::{AttachmentRecord, ProfessionalRecord};
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// A clinician's professional entry and current postings.
pub type Known = Arc<(ProfessionalRecord, Vec<AttachmentRecord>)>;

/// Bound on entries; the cache is cleared when it is full (it refills from the database).
const CAPACITY: usize = 50_000;

pub struct ClinicianCache {
    ttl: Duration,
    entries: RwLock<HashMap<(TenantId, UserId), (Known, Instant)>>,
}

impl ClinicianCache {
    pub fn new(ttl: Duration) -> Self {
        Self {
            ttl,
            entries: RwLock::new(HashMap::new()),
        }
    }

    pub fn get(&self, tenant: TenantId, user: UserId) -> Option<Known> {
        let map = self.entries.read().unwrap_or_else(|p| p.into_inner());
        map.get(&(tenant, user))
            .filter(|(_, at)| at.elapsed() < self.ttl)
            .map(|(k, _)| k.clone())
    }

    pub fn put(&self, tenant: TenantId, user: UserId, known: Known) {
        let mut map = self.entries.write().unwrap_or_else(|p| p.into_inner());
        if map.len() >= CAPACITY {
            map.clear();
        }
        map.insert((tenant, user), (known, Instant::now()));
    }
}
