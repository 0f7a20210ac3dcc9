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

    #[test]
    fn daily_answers_are_kept_per_question_and_forgotten_per_tenant() {
        let c = DailyCache::default();
        let (a, b) = (
            TenantId(uuid::Uuid::from_u128(1)),
            TenantId(uuid::Uuid::from_u128(2)),
        );
        c.keep(a, "district 1".into(), Arc::new(Vec::new()));
        c.keep(b, "district 1".into(), Arc::new(Vec::new()));
        assert!(c.get(a, "district 1").is_some() && c.get(a, "district 2").is_none());
        c.forget(a);
        assert!(c.get(a, "district 1").is_none() && c.get(b, "district 1").is_some());
    }
}

type DailyEntries = HashMap<(TenantId, String), (Instant, Arc<Vec<super::daily::Day>>)>;

/// How long a day-by-day answer is served.
pub const DAILY_TTL: Duration = Duration::from_secs(60);
/// Answers kept at most; past that the oldest are dropped.
const DAILY_MAX: usize = 2000;

/// Day-by-day answers (a district's or the state's chart), per tenant and question
/// (scope, range and the caller's reach), for a minute: charts are polled by many and
/// change once a day; a write on this instance forgets its tenant's answers.
#[derive(Default)]
pub struct DailyCache {
    entries: Mutex<DailyEntries>,
}

impl DailyCache {
    pub fn get(&self, tenant: TenantId, question: &str) -> Option<Arc<Vec<super::daily::Day>>> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries
            .get(&(tenant, question.to_owned()))
            .filter(|(made, _)| made.elapsed() < DAILY_TTL)
            .map(|(_, days)| Arc::clone(days))
    }

    pub fn keep(&self, tenant: TenantId, question: String, days: Arc<Vec<super::daily::Day>>) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= DAILY_MAX {
            entries.retain(|_, (made, _)| made.elapsed() < DAILY_TTL);
            if entries.len() >= DAILY_MAX {
                entries.clear();
            }
        }
        entries.insert((tenant, question), (Instant::now(), days));
    }

    pub fn forget(&self, tenant: TenantId) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.retain(|(t, _), _| *t != tenant);
    }
}
