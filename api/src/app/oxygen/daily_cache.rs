//! Day-by-day answers (a district's or the state's chart), per tenant and question
//! (scope, range and the caller's reach), kept a minute: charts are polled by many
//! and change when a reading of one of their facilities is entered. A reading on this
//! instance forgets the answers covering its facility; a delivery, a source or the
//! rules forget the tenant's. A question asked again while it is being worked out
//! waits for that answer instead of working it out a second time, so the first minute
//! after a start or a reading costs one computation per question, not one per viewer.

use super::daily::Day;
use arogya_domain::ids::TenantId;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use uuid::Uuid;

/// How long a day-by-day answer is served.
pub const DAILY_TTL: Duration = Duration::from_secs(60);
/// Answers kept at most; past that the oldest are dropped.
const DAILY_MAX: usize = 2000;

type Question = (TenantId, String);

struct Kept {
    made: Instant,
    days: Arc<Vec<Day>>,
    /// The facilities the answer adds up.
    covers: HashSet<Uuid>,
}

#[derive(Default)]
pub struct DailyCache {
    entries: Mutex<HashMap<Question, Kept>>,
    /// Questions being worked out, each behind its own lock.
    flights: Mutex<HashMap<Question, Arc<tokio::sync::Mutex<()>>>>,
}

impl DailyCache {
    pub fn get(&self, tenant: TenantId, question: &str) -> Option<Arc<Vec<Day>>> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries
            .get(&(tenant, question.to_owned()))
            .filter(|k| k.made.elapsed() < DAILY_TTL)
            .map(|k| Arc::clone(&k.days))
    }

    /// The right to work out `question`: waits while someone else is at it (look in
    /// the cache again once it is granted).
    pub async fn flight(
        &self,
        tenant: TenantId,
        question: &str,
    ) -> tokio::sync::OwnedMutexGuard<()> {
        let lock = {
            let mut flights = self.flights.lock().unwrap_or_else(|p| p.into_inner());
            // A computation that failed left its lock behind: drop those nobody holds.
            if flights.len() >= DAILY_MAX {
                flights.retain(|_, l| Arc::strong_count(l) > 1);
            }
            Arc::clone(flights.entry((tenant, question.to_owned())).or_default())
        };
        lock.lock_owned().await
    }

    pub fn keep(
        &self,
        tenant: TenantId,
        question: String,
        days: Arc<Vec<Day>>,
        covers: HashSet<Uuid>,
    ) {
        {
            let mut flights = self.flights.lock().unwrap_or_else(|p| p.into_inner());
            // Nobody else waiting (the map's and the caller's guard's references): done.
            let key = (tenant, question.clone());
            if flights.get(&key).is_some_and(|l| Arc::strong_count(l) <= 2) {
                flights.remove(&key);
            }
        }
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= DAILY_MAX {
            entries.retain(|_, k| k.made.elapsed() < DAILY_TTL);
            if entries.len() >= DAILY_MAX {
                entries.clear();
            }
        }
        entries.insert(
            (tenant, question),
            Kept {
                made: Instant::now(),
                days,
                covers,
            },
        );
    }

    /// Everything of the tenant's.
    pub fn forget(&self, tenant: TenantId) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.retain(|(t, _), _| *t != tenant);
    }

    /// The answers that add up `facility`.
    pub fn forget_facility(&self, tenant: TenantId, facility: Uuid) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.retain(|(t, _), k| *t != tenant || !k.covers.contains(&facility));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_kept_per_question_and_forgotten_per_tenant_or_facility() {
        let c = DailyCache::default();
        let (a, b) = (TenantId(Uuid::from_u128(1)), TenantId(Uuid::from_u128(2)));
        let (f1, f2) = (Uuid::from_u128(11), Uuid::from_u128(12));
        c.keep(
            a,
            "district 1".into(),
            Arc::new(Vec::new()),
            HashSet::from([f1]),
        );
        c.keep(
            a,
            "district 2".into(),
            Arc::new(Vec::new()),
            HashSet::from([f2]),
        );
        c.keep(
            b,
            "district 1".into(),
            Arc::new(Vec::new()),
            HashSet::from([f1]),
        );
        assert!(c.get(a, "district 1").is_some() && c.get(a, "district 3").is_none());
        c.forget_facility(a, f1);
        assert!(c.get(a, "district 1").is_none(), "covers the facility");
        assert!(c.get(a, "district 2").is_some(), "does not");
        assert!(c.get(b, "district 1").is_some(), "another tenant's");
        c.forget(a);
        assert!(c.get(a, "district 2").is_none() && c.get(b, "district 1").is_some());
    }

    #[tokio::test]
    async fn a_question_being_worked_out_is_waited_for() {
        let c = Arc::new(DailyCache::default());
        let t = TenantId(Uuid::from_u128(1));
        let first = c.flight(t, "q").await;
        let c2 = Arc::clone(&c);
        let waiter = tokio::spawn(async move {
            let _g = c2.flight(t, "q").await;
            c2.get(t, "q").is_some()
        });
        tokio::task::yield_now().await;
        assert!(!waiter.is_finished(), "waits while the first works it out");
        c.keep(t, "q".into(), Arc::new(Vec::new()), HashSet::new());
        drop(first);
        assert!(waiter.await.unwrap(), "and then finds the answer");
    }
}
