//! Every reporting facility's oxygen status, worked out once per tenant and kept for a
//! minute, so a state dashboard watched by many officials costs one computation, not
//! one per viewer. A reading entered on this instance works out that facility's status
//! again and puts it in place (`splice`), so the morning's rush of readings does not
//! make every viewer wait for all 2,000 facilities; a delivery, a source or the rules
//! changed forget the tenant's statuses. Other instances' writes show within the time
//! to live. One request computes; the others are served the statuses of a few seconds
//! ago meanwhile, or wait for its answer when there are none.

use super::status::{urgency, FacilityOxygen};
use super::Rules;
use arogya_domain::ids::TenantId;
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long computed statuses are served (time to empty is projected to `at`).
pub const TTL: Duration = Duration::from_secs(60);

/// One tenant's statuses as of `at`, most urgent first.
#[derive(Clone)]
pub struct Statuses {
    pub at: DateTime<Utc>,
    pub facilities: Vec<Arc<FacilityOxygen>>,
    pub rules: Rules,
    pub districts: HashMap<uuid::Uuid, String>,
}

struct Entry {
    made: Instant,
    /// When the computation's reads began: a facility put in place by a reading read
    /// later is newer than the computation's own.
    read_from: Instant,
    /// Facilities put in place since, with when their read began.
    spliced: HashMap<uuid::Uuid, Instant>,
    statuses: Arc<Statuses>,
}

/// Put `status` (or nothing: the facility no longer reports) in place of `facility`'s,
/// keeping the list most urgent first.
fn put(
    list: &mut Vec<Arc<FacilityOxygen>>,
    facility: uuid::Uuid,
    status: Option<Arc<FacilityOxygen>>,
) {
    list.retain(|s| s.facility.id != facility);
    if let Some(s) = status {
        let at = list.partition_point(|x| urgency(x, &s) == std::cmp::Ordering::Less);
        list.insert(at, s);
    }
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

    /// Keep statuses worked out from reads begun at `read_from`. Facilities put in
    /// place meanwhile by readings read later keep their newer status.
    pub fn keep(
        &self,
        tenant: TenantId,
        mut statuses: Statuses,
        read_from: Instant,
    ) -> Arc<Statuses> {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        let mut spliced = HashMap::new();
        if let Some(old) = entries.get(&tenant) {
            for (facility, at) in &old.spliced {
                if *at > read_from {
                    let newer = old
                        .statuses
                        .facilities
                        .iter()
                        .find(|s| s.facility.id == *facility);
                    put(&mut statuses.facilities, *facility, newer.cloned());
                    spliced.insert(*facility, *at);
                }
            }
        }
        let statuses = Arc::new(statuses);
        entries.insert(
            tenant,
            Entry {
                made: Instant::now(),
                read_from,
                spliced,
                statuses: Arc::clone(&statuses),
            },
        );
        statuses
    }

    /// Whether the tenant has statuses to put a facility's in.
    pub fn holds(&self, tenant: TenantId) -> bool {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.contains_key(&tenant)
    }

    /// Put one facility's status, worked out from reads begun at `read_from`, in place,
    /// unless what is there was read later.
    pub fn splice(
        &self,
        tenant: TenantId,
        facility: uuid::Uuid,
        status: Option<FacilityOxygen>,
        read_from: Instant,
    ) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        let Some(e) = entries.get_mut(&tenant) else {
            return;
        };
        let there = e.spliced.get(&facility).copied().unwrap_or(e.read_from);
        if there > read_from {
            return;
        }
        let mut next = Statuses::clone(&e.statuses);
        put(&mut next.facilities, facility, status.map(Arc::new));
        e.statuses = Arc::new(next);
        e.spliced.insert(facility, read_from);
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
            Statuses {
                at: Utc::now(),
                facilities: Vec::new(),
                rules: Rules::default(),
                districts: HashMap::new(),
            },
            Instant::now(),
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
