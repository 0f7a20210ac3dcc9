//! Live bed counts of a whole tenant, by facility, type and state, kept in memory for a
//! few seconds so that dashboards polled by many officials do not each recount 100,000
//! beds. Any admission, transfer or discharge (heard from every instance) and this
//! instance's own bed changes forget the tenant's counts, so they are recounted on the
//! next read; housekeeping changed on another instance shows within `TTL`.
//!
//! One request recounts at a time (`recount`): after a change the others wait for
//! it rather than all counting at once; when the counts merely grew older than `TTL`
//! the others are served the counts of a few seconds ago meanwhile, so a dashboard
//! never waits for a recount it did not need.
//!
//! Officials ask the same few questions (the state by district, one district by
//! facility), so the folded answer of each question is kept beside the counts and
//! forgotten with them: a repeated question costs a map lookup, not a pass over every
//! facility's counts.

use super::monitoring::Occupancy;
use arogya_domain::ids::TenantId;
use arogya_domain::inpatient::beds::{BedState, BedType, Housekeeping};
use arogya_infra::repos::inpatient::occupancy::FacilityCountRow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use uuid::Uuid;

const TTL: Duration = Duration::from_secs(5);

/// Beds of one facility, type and state.
#[derive(Debug, Clone)]
pub struct FacilityBeds {
    pub facility: Uuid,
    pub district: Option<Uuid>,
    pub unit_path: String,
    pub bed_type: BedType,
    pub state: BedState,
    pub beds: i64,
}

impl FacilityBeds {
    pub fn from_row(r: FacilityCountRow) -> Option<Self> {
        let hk = Housekeeping::parse(&r.housekeeping).ok()?;
        Some(Self {
            facility: r.facility_id,
            district: r.district_id,
            unit_path: r.unit_path,
            bed_type: BedType::parse(&r.bed_type).ok()?,
            state: BedState::of(
                hk,
                r.held.as_deref() == Some("active"),
                r.held.as_deref() == Some("reserved"),
            ),
            beds: r.n,
        })
    }
}

/// A tenant's counts, when they were counted, and the answers folded from them.
struct Counted {
    at: Instant,
    beds: Arc<Vec<FacilityBeds>>,
    answers: HashMap<String, Arc<Occupancy>>,
}

#[derive(Default)]
pub struct LiveCounts {
    entries: Mutex<HashMap<TenantId, Counted>>,
    recounting: tokio::sync::Mutex<()>,
    /// Moves on with every forgetting: counts begun before it are not kept.
    generation: std::sync::atomic::AtomicU64,
}

/// A tenant's counts as kept: fresh, or older than `TTL` (still right but for
/// housekeeping changed on other instances), or none since a change.
pub enum Kept {
    Fresh(Arc<Vec<FacilityBeds>>),
    Old(Arc<Vec<FacilityBeds>>),
    Missing,
}

impl LiveCounts {
    pub fn get(&self, tenant: TenantId) -> Option<Arc<Vec<FacilityBeds>>> {
        match self.kept(tenant) {
            Kept::Fresh(c) => Some(c),
            _ => None,
        }
    }

    pub fn kept(&self, tenant: TenantId) -> Kept {
        let e = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        match e.get(&tenant) {
            Some(c) if c.at.elapsed() < TTL => Kept::Fresh(c.beds.clone()),
            Some(c) => Kept::Old(c.beds.clone()),
            None => Kept::Missing,
        }
    }

    /// The right to recount, if nobody is recounting now.
    pub fn try_recount(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        self.recounting.try_lock().ok()
    }

    /// The right to recount, after whoever is recounting now.
    pub async fn recount(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.recounting.lock().await
    }

    /// Where forgetting stands, taken before counting (see `put`).
    pub fn generation(&self) -> u64 {
        self.generation.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Keep counts begun at `generation`, unless a change was heard since: those
    /// counts may miss it, so the next read counts again.
    pub fn put(&self, tenant: TenantId, beds: Arc<Vec<FacilityBeds>>, generation: u64) {
        let mut e = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if self.generation() != generation {
            return;
        }
        e.insert(
            tenant,
            Counted {
                at: Instant::now(),
                beds,
                answers: HashMap::new(),
            },
        );
    }

    /// The answer to `question`, folded from the current counts, if it was asked since
    /// they were counted.
    pub fn answer(&self, tenant: TenantId, question: &str) -> Option<Arc<Occupancy>> {
        let e = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        e.get(&tenant)
            .filter(|c| c.at.elapsed() < TTL)
            .and_then(|c| c.answers.get(question).cloned())
    }

    /// Like `answer`, from counts older than `TTL` too (served while one request
    /// recounts).
    pub fn old_answer(&self, tenant: TenantId, question: &str) -> Option<Arc<Occupancy>> {
        let e = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        e.get(&tenant)
            .and_then(|c| c.answers.get(question).cloned())
    }

    /// Keeps an answer folded from `beds`; dropped if the counts were replaced or
    /// forgotten meanwhile, so an answer never outlives the counts it came from.
    pub fn keep_answer(
        &self,
        tenant: TenantId,
        beds: &Arc<Vec<FacilityBeds>>,
        question: String,
        answer: Arc<Occupancy>,
    ) {
        let mut e = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(c) = e.get_mut(&tenant) {
            if Arc::ptr_eq(&c.beds, beds) {
                c.answers.insert(question, answer);
            }
        }
    }

    /// After missed events: every tenant recounts.
    pub fn forget_all(&self) {
        self.generation
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        self.entries
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
    }

    pub fn forget(&self, tenant: TenantId) {
        self.generation
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        self.entries
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&tenant);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn beds(n: i64) -> Arc<Vec<FacilityBeds>> {
        Arc::new(vec![FacilityBeds {
            facility: Uuid::nil(),
            district: None,
            unit_path: "/1/".into(),
            bed_type: BedType::General,
            state: BedState::Free,
            beds: n,
        }])
    }

    fn answer() -> Arc<Occupancy> {
        Arc::new(Occupancy {
            rows: Vec::new(),
            total: Default::default(),
        })
    }

    #[test]
    fn counts_begun_before_a_change_are_not_kept() {
        let live = LiveCounts::default();
        let t = TenantId(Uuid::now_v7());
        let before = live.generation();
        live.forget(t); // an admission heard while counting
        live.put(t, beds(3), before);
        assert!(
            matches!(live.kept(t), Kept::Missing),
            "the next read counts again"
        );
        live.put(t, beds(4), live.generation());
        assert!(matches!(live.kept(t), Kept::Fresh(b) if b[0].beds == 4));
    }

    #[test]
    fn answers_go_with_the_counts_they_came_from() {
        let live = LiveCounts::default();
        let t = TenantId(Uuid::now_v7());
        let first = beds(3);
        live.put(t, first.clone(), live.generation());
        live.keep_answer(t, &first, "District sight *".into(), answer());
        assert!(live.answer(t, "District sight *").is_some());
        assert!(live.answer(t, "Facility sight *").is_none());
        // Replaced counts: an answer folded from the old ones is neither kept nor served.
        live.put(t, beds(5), live.generation());
        live.keep_answer(t, &first, "Facility sight *".into(), answer());
        assert!(live.answer(t, "District sight *").is_none());
        assert!(live.answer(t, "Facility sight *").is_none());
        live.forget(t);
        assert!(live.old_answer(t, "District sight *").is_none());
    }
}
