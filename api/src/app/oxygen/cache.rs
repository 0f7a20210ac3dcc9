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
    /// When each tenant's oxygen last changed with no statuses kept to put it in: a
    /// computation whose reads began before that may have missed it.
    changed: Mutex<HashMap<TenantId, Instant>>,
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
        // A change since the reads began that could not be put in: serve these, but
        // work them out again at the next request.
        let missed = {
            let changed = self.changed.lock().unwrap_or_else(|p| p.into_inner());
            changed.get(&tenant).is_some_and(|at| *at > read_from)
        };
        let made = if missed {
            Instant::now().checked_sub(TTL).unwrap_or_else(Instant::now)
        } else {
            Instant::now()
        };
        entries.insert(
            tenant,
            Entry {
                made,
                read_from,
                spliced,
                statuses: Arc::clone(&statuses),
            },
        );
        statuses
    }

    /// Whether the tenant has statuses to put a facility's in; if not, the change is
    /// noted for a computation under way.
    pub fn holds(&self, tenant: TenantId) -> bool {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.contains_key(&tenant) {
            return true;
        }
        self.note_change(tenant);
        false
    }

    fn note_change(&self, tenant: TenantId) {
        let mut changed = self.changed.lock().unwrap_or_else(|p| p.into_inner());
        changed.insert(tenant, Instant::now());
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
        self.note_change(tenant);
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

    fn empty() -> Statuses {
        Statuses {
            at: Utc::now(),
            facilities: Vec::new(),
            rules: Rules::default(),
            districts: HashMap::new(),
        }
    }

    #[test]
    fn statuses_read_before_a_change_they_missed_are_worked_out_again_next_time() {
        let c = StatusCache::default();
        let t = TenantId(uuid::Uuid::nil());
        let read_from = Instant::now();
        // A reading lands while the statuses are being worked out, with none kept.
        std::thread::sleep(Duration::from_millis(2));
        assert!(!c.holds(t));
        c.keep(t, empty(), read_from);
        assert!(c.any(t).is_some(), "served meanwhile");
        assert!(c.fresh(t).is_none(), "but not fresh");
        // Worked out again after the change: fresh.
        c.keep(t, empty(), Instant::now());
        assert!(c.fresh(t).is_some());
    }
}
