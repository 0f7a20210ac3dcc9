//! Live bed counts of a whole tenant, by facility, type and state, kept in memory for a
//! few seconds so that dashboards polled by many officials do not each recount 100,000
//! beds. Any admission, transfer or discharge (heard from every instance) and this
//! instance's own bed changes forget the tenant's counts, so they are recounted on the
//! next read; housekeeping changed on another instance shows within `TTL`.

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

type Counted = (Instant, Arc<Vec<FacilityBeds>>);

#[derive(Default)]
pub struct LiveCounts {
    entries: Mutex<HashMap<TenantId, Counted>>,
}

impl LiveCounts {
    pub fn get(&self, tenant: TenantId) -> Option<Arc<Vec<FacilityBeds>>> {
        let e = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        e.get(&tenant)
            .filter(|(at, _)| at.elapsed() < TTL)
            .map(|(_, v)| v.clone())
    }

    pub fn put(&self, tenant: TenantId, counts: Arc<Vec<FacilityBeds>>) {
        let mut e = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        e.insert(tenant, (Instant::now(), counts));
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
