//! Live bed counts of a whole tenant, by facility, type and state, kept in memory for a
//! few seconds so that dashboards polled by many officials do not each recount 100,000
//! beds. Any admission, transfer or discharge (heard from every instance) and this
//! instance's own bed changes forget the tenant's counts, so they are recounted on the
//! next read; housekeeping changed on another instance shows within `TTL`.
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
}

impl LiveCounts {
    pub fn get(&self, tenant: TenantId) -> Option<Arc<Vec<FacilityBeds>>> {
        let e = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        e.get(&tenant)
            .filter(|c| c.at.elapsed() < TTL)
            .map(|c| c.beds.clone())
    }

    pub fn put(&self, tenant: TenantId, beds: Arc<Vec<FacilityBeds>>) {
        let mut e = self.entries.lock().unwrap_or_else(|p| p.into_inner());
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
        self.entries
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
    }

    pub fn forget(&self, tenant: TenantId) {
        self.entries
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&tenant);
    }
}
