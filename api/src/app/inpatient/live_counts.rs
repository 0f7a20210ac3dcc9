//! Live bed counts of a whole tenant, by facility, type and state, kept in memory so
//! that dashboards polled by many officials do not each recount 100,000 beds.
//!
//! - A change of beds at a facility (an admission, transfer, reservation or discharge
//!   heard from any instance; this instance's own bed set-up and housekeeping) marks
//!   that facility changed: the next read counts again only the changed facilities'
//!   beds, so a change shows at once without recounting the state.
//! - Every `TTL` the whole tenant is counted again (housekeeping changed on another
//!   instance shows then); meanwhile the other requests are served the counts of a few
//!   seconds ago, so a dashboard never waits for a recount it did not need.
//! - One request counts at a time (`recount`); the others wait for it rather than all
//!   counting at once.
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

/// How often the whole tenant is counted again (changes of beds show at once; only
/// housekeeping changed on another instance waits for this).
const TTL: Duration = Duration::from_secs(15);

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
struct Store {
    entries: HashMap<TenantId, Counted>,
    /// Facilities changed since their counts were taken, with the tick of the change.
    changed: HashMap<TenantId, HashMap<Uuid, u64>>,
    /// The tick of the last forgetting: counts begun before it are not kept.
    forgotten: u64,
}

#[derive(Default)]
pub struct LiveCounts {
    kept: Mutex<Store>,
    recounting: tokio::sync::Mutex<()>,
    /// Moves on with every change heard.
    clock: std::sync::atomic::AtomicU64,
}

/// A tenant's counts as kept.
pub enum Kept {
    Fresh(Arc<Vec<FacilityBeds>>),
    /// Right but for these facilities (with the tick each changed at).
    Changed(Arc<Vec<FacilityBeds>>, Vec<(Uuid, u64)>),
    /// Older than `TTL`: still right but for housekeeping changed on other instances.
    Old(Arc<Vec<FacilityBeds>>),
    Missing,
}

/// More changed facilities than this and the whole tenant is counted again.
const MAX_CHANGED: usize = 200;

impl LiveCounts {
    fn lock(&self) -> std::sync::MutexGuard<'_, Store> {
        self.kept.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn tick(&self) -> u64 {
        self.clock.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1
    }

    pub fn get(&self, tenant: TenantId) -> Option<Arc<Vec<FacilityBeds>>> {
        match self.kept(tenant) {
            Kept::Fresh(c) => Some(c),
            _ => None,
        }
    }

    pub fn kept(&self, tenant: TenantId) -> Kept {
        let k = self.lock();
        let Some(c) = k.entries.get(&tenant) else {
            return Kept::Missing;
        };
        match k.changed.get(&tenant).filter(|m| !m.is_empty()) {
            Some(m) if m.len() > MAX_CHANGED => Kept::Missing,
            Some(m) => Kept::Changed(c.beds.clone(), m.iter().map(|(f, t)| (*f, *t)).collect()),
            None if c.at.elapsed() < TTL => Kept::Fresh(c.beds.clone()),
            None => Kept::Old(c.beds.clone()),
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

    /// The tick to take before counting (see `put`).
    pub fn generation(&self) -> u64 {
        self.clock.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Keep the whole tenant's counts, begun at tick `began`: refused if the tenant
    /// was forgotten since; facilities changed since stay marked changed.
    pub fn put(&self, tenant: TenantId, beds: Arc<Vec<FacilityBeds>>, began: u64) {
        let mut k = self.lock();
        if k.forgotten > began {
            return;
        }
        if let Some(m) = k.changed.get_mut(&tenant) {
            m.retain(|_, t| *t > began);
        }
        k.entries.insert(
            tenant,
            Counted {
                at: Instant::now(),
                beds,
                answers: HashMap::new(),
            },
        );
    }

    /// Replace the changed facilities' rows in `base` with `fresh` (counted after
    /// the changes in `changes`); a facility changed again meanwhile stays changed.
    /// Returns the counts to answer from.
    pub fn patch(
        &self,
        tenant: TenantId,
        base: &Arc<Vec<FacilityBeds>>,
        changes: &[(Uuid, u64)],
        fresh: Vec<FacilityBeds>,
    ) -> Arc<Vec<FacilityBeds>> {
        let ids: std::collections::HashSet<Uuid> = changes.iter().map(|(f, _)| *f).collect();
        let mut rows: Vec<FacilityBeds> = base
            .iter()
            .filter(|b| !ids.contains(&b.facility))
            .cloned()
            .collect();
        rows.extend(fresh);
        let patched = Arc::new(rows);
        let mut k = self.lock();
        let Some(c) = k.entries.get_mut(&tenant) else {
            return patched;
        };
        if !Arc::ptr_eq(&c.beds, base) {
            return patched;
        }
        c.beds = patched.clone();
        c.answers.clear();
        if let Some(m) = k.changed.get_mut(&tenant) {
            for (f, t) in changes {
                if m.get(f) == Some(t) {
                    m.remove(f);
                }
            }
        }
        patched
    }

    /// The answer to `question`, folded from the current counts, if it was asked since
    /// they were counted.
    pub fn answer(&self, tenant: TenantId, question: &str) -> Option<Arc<Occupancy>> {
        let k = self.lock();
        if k.changed.get(&tenant).is_some_and(|m| !m.is_empty()) {
            return None;
        }
        k.entries
            .get(&tenant)
            .filter(|c| c.at.elapsed() < TTL)
            .and_then(|c| c.answers.get(question).cloned())
    }

    /// Like `answer`, from counts older than `TTL` too (served while one request
    /// recounts), never from counts a change is known to have outdated.
    pub fn old_answer(&self, tenant: TenantId, question: &str) -> Option<Arc<Occupancy>> {
        let k = self.lock();
        if k.changed.get(&tenant).is_some_and(|m| !m.is_empty()) {
            return None;
        }
        k.entries
            .get(&tenant)
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
        let mut k = self.lock();
        if let Some(c) = k.entries.get_mut(&tenant) {
            if Arc::ptr_eq(&c.beds, beds) {
                c.answers.insert(question, answer);
            }
        }
    }

    /// Beds changed at a facility: its counts are taken again on the next read.
    pub fn changed(&self, tenant: TenantId, facility: Uuid) {
        let t = self.tick();
        let mut k = self.lock();
        if let Some(c) = k.entries.get_mut(&tenant) {
            c.answers.clear();
        }
        k.changed.entry(tenant).or_default().insert(facility, t);
    }

    /// After missed events: every tenant recounts.
    pub fn forget_all(&self) {
        let t = self.tick();
        let mut k = self.lock();
        k.forgotten = t;
        k.entries.clear();
        k.changed.clear();
    }

    pub fn forget(&self, tenant: TenantId) {
        let t = self.tick();
        let mut k = self.lock();
        k.forgotten = t;
        k.entries.remove(&tenant);
        k.changed.remove(&tenant);
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

    fn row(facility: Uuid, n: i64) -> FacilityBeds {
        FacilityBeds {
            facility,
            district: None,
            unit_path: "/1/".into(),
            bed_type: BedType::General,
            state: BedState::Occupied,
            beds: n,
        }
    }

    fn occupied(beds: &[FacilityBeds], f: Uuid) -> i64 {
        beds.iter()
            .filter(|b| b.facility == f)
            .map(|b| b.beds)
            .sum()
    }

    #[test]
    fn a_changed_facility_is_counted_again_alone() {
        let live = LiveCounts::default();
        let t = TenantId(Uuid::now_v7());
        let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
        let base = Arc::new(vec![row(a, 3), row(b, 4)]);
        live.put(t, base.clone(), live.generation());
        live.keep_answer(t, &base, "q".into(), answer());
        live.changed(t, a);
        assert!(
            live.answer(t, "q").is_none(),
            "no answer from outdated counts"
        );
        assert!(live.old_answer(t, "q").is_none());
        let Kept::Changed(now, changes) = live.kept(t) else {
            panic!("a is changed")
        };
        assert_eq!(changes.iter().map(|c| c.0).collect::<Vec<_>>(), [a]);
        // While a is counted, b changes and a changes again: both stay changed.
        live.changed(t, b);
        live.changed(t, a);
        let patched = live.patch(t, &now, &changes, vec![row(a, 5)]);
        assert_eq!((occupied(&patched, a), occupied(&patched, b)), (5, 4));
        let Kept::Changed(_, left) = live.kept(t) else {
            panic!("still changed")
        };
        let mut left: Vec<Uuid> = left.into_iter().map(|c| c.0).collect();
        left.sort();
        let mut both = vec![a, b];
        both.sort();
        assert_eq!(left, both);
    }

    #[test]
    fn a_whole_count_begun_before_a_change_keeps_that_facility_changed() {
        let live = LiveCounts::default();
        let t = TenantId(Uuid::now_v7());
        let a = Uuid::now_v7();
        let began = live.generation();
        live.changed(t, a);
        live.put(t, Arc::new(vec![row(a, 1)]), began);
        assert!(matches!(live.kept(t), Kept::Changed(..)));
        live.put(t, Arc::new(vec![row(a, 2)]), live.generation());
        assert!(matches!(live.kept(t), Kept::Fresh(b) if occupied(&b, a) == 2));
    }
}
