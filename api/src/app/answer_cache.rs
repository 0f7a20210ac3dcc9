//! Answers worked out from many rows (a district's oxygen chart, a state's weekly
//! table of cases), per tenant and question, kept a minute: they are polled by many and
//! change only when their tenant writes what they add up. A write on this instance
//! forgets the tenant's answers (or those covering one facility); other instances'
//! writes show within the time to live. A question asked again while it is being worked
//! out waits for that answer instead of working it out a second time.
//!
//! A write may forget the answers before its transaction commits: an answer whose reads
//! began before, or within a moment after, the tenant's last forgetting may have read
//! the old rows, so it is served to its asker but not kept.

use arogya_domain::ids::TenantId;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use uuid::Uuid;

/// How long an answer is served.
pub const TTL: Duration = Duration::from_secs(60);
/// Answers kept at most; past that the oldest are dropped.
const MAX: usize = 2000;
/// How long after a forgetting the write that caused it may still be committing.
const GRACE: Duration = Duration::from_secs(2);

type Question = (TenantId, String);

struct Kept<T> {
    made: Instant,
    answer: Arc<T>,
    /// The facilities the answer adds up (those whose writes forget it).
    covers: HashSet<Uuid>,
}

pub struct AnswerCache<T> {
    entries: Mutex<HashMap<Question, Kept<T>>>,
    /// Questions being worked out, each behind its own lock.
    flights: Mutex<HashMap<Question, Arc<tokio::sync::Mutex<()>>>>,
    /// When each tenant's answers were last forgotten.
    forgotten: Mutex<HashMap<TenantId, Instant>>,
}

impl<T> Default for AnswerCache<T> {
    fn default() -> Self {
        Self {
            entries: Mutex::default(),
            flights: Mutex::default(),
            forgotten: Mutex::default(),
        }
    }
}

impl<T> AnswerCache<T> {
    pub fn get(&self, tenant: TenantId, question: &str) -> Option<Arc<T>> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries
            .get(&(tenant, question.to_owned()))
            .filter(|k| k.made.elapsed() < TTL)
            .map(|k| Arc::clone(&k.answer))
    }

    /// As `get`, for answers served at most `ttl` (shorter than `TTL`).
    pub fn get_within(&self, tenant: TenantId, question: &str, ttl: Duration) -> Option<Arc<T>> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries
            .get(&(tenant, question.to_owned()))
            .filter(|k| k.made.elapsed() < ttl.min(TTL))
            .map(|k| Arc::clone(&k.answer))
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
            if flights.len() >= MAX {
                flights.retain(|_, l| Arc::strong_count(l) > 1);
            }
            Arc::clone(flights.entry((tenant, question.to_owned())).or_default())
        };
        lock.lock_owned().await
    }

    /// Keep an answer whose reads began at `began`, unless the tenant's answers were
    /// forgotten since (or just before): then it may be older than the rows.
    pub fn keep(
        &self,
        tenant: TenantId,
        question: String,
        answer: Arc<T>,
        covers: HashSet<Uuid>,
        began: Instant,
    ) {
        {
            let mut flights = self.flights.lock().unwrap_or_else(|p| p.into_inner());
            // Nobody else waiting (the map's and the caller's guard's references): done.
            let key = (tenant, question.clone());
            if flights.get(&key).is_some_and(|l| Arc::strong_count(l) <= 2) {
                flights.remove(&key);
            }
        }
        let fresh = {
            let forgotten = self.forgotten.lock().unwrap_or_else(|p| p.into_inner());
            forgotten.get(&tenant).is_none_or(|f| began >= *f + GRACE)
        };
        if !fresh {
            return;
        }
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= MAX {
            entries.retain(|_, k| k.made.elapsed() < TTL);
            if entries.len() >= MAX {
                entries.clear();
            }
        }
        entries.insert(
            (tenant, question),
            Kept {
                made: Instant::now(),
                answer,
                covers,
            },
        );
    }

    fn forgotten_now(&self, tenant: TenantId) {
        let mut forgotten = self.forgotten.lock().unwrap_or_else(|p| p.into_inner());
        forgotten.insert(tenant, Instant::now());
    }

    /// Everything of the tenant's.
    pub fn forget(&self, tenant: TenantId) {
        self.forgotten_now(tenant);
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.retain(|(t, _), _| *t != tenant);
    }

    /// The answers that add up `facility`.
    pub fn forget_facility(&self, tenant: TenantId, facility: Uuid) {
        self.forgotten_now(tenant);
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.retain(|(t, _), k| *t != tenant || !k.covers.contains(&facility));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn long_ago() -> Instant {
        Instant::now() - Duration::from_secs(30)
    }

    #[test]
    fn answers_are_kept_per_question_and_forgotten_per_tenant_or_facility() {
        let c: AnswerCache<Vec<u8>> = AnswerCache::default();
        let (a, b) = (TenantId(Uuid::from_u128(1)), TenantId(Uuid::from_u128(2)));
        let (f1, f2) = (Uuid::from_u128(11), Uuid::from_u128(12));
        let now = Instant::now();
        c.keep(
            a,
            "district 1".into(),
            Arc::new(vec![]),
            HashSet::from([f1]),
            now,
        );
        c.keep(
            a,
            "district 2".into(),
            Arc::new(vec![]),
            HashSet::from([f2]),
            now,
        );
        c.keep(
            b,
            "district 1".into(),
            Arc::new(vec![]),
            HashSet::from([f1]),
            now,
        );
        assert!(c.get(a, "district 1").is_some() && c.get(a, "district 3").is_none());
        c.forget_facility(a, f1);
        assert!(c.get(a, "district 1").is_none(), "covers the facility");
        assert!(c.get(a, "district 2").is_some(), "does not");
        assert!(c.get(b, "district 1").is_some(), "another tenant's");
        c.forget(a);
        assert!(c.get(a, "district 2").is_none() && c.get(b, "district 1").is_some());
    }

    #[test]
    fn an_answer_read_around_a_forgetting_is_not_kept() {
        let c: AnswerCache<u8> = AnswerCache::default();
        let t = TenantId(Uuid::from_u128(1));
        let began = long_ago();
        c.forget(t);
        // Read before the write's forgetting: may be older than the rows.
        c.keep(t, "q".into(), Arc::new(1), HashSet::new(), began);
        assert!(c.get(t, "q").is_none());
        // Read just after: the write may not have committed yet.
        c.keep(t, "q".into(), Arc::new(2), HashSet::new(), Instant::now());
        assert!(c.get(t, "q").is_none());
        // Another tenant's forgetting does not matter.
        let other = TenantId(Uuid::from_u128(2));
        c.keep(other, "q".into(), Arc::new(3), HashSet::new(), began);
        assert_eq!(c.get(other, "q").as_deref(), Some(&3));
    }

    #[tokio::test]
    async fn a_question_being_worked_out_is_waited_for() {
        let c: Arc<AnswerCache<Vec<u8>>> = Arc::new(AnswerCache::default());
        let t = TenantId(Uuid::from_u128(1));
        let first = c.flight(t, "q").await;
        let c2 = Arc::clone(&c);
        let waiter = tokio::spawn(async move {
            let _g = c2.flight(t, "q").await;
            c2.get(t, "q").is_some()
        });
        tokio::task::yield_now().await;
        assert!(!waiter.is_finished(), "waits while the first works it out");
        c.keep(
            t,
            "q".into(),
            Arc::new(Vec::new()),
            HashSet::new(),
            Instant::now(),
        );
        drop(first);
        assert!(waiter.await.unwrap(), "and then finds the answer");
    }
}
