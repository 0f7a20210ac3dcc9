//! What the readings come to: a facility's stock now, burn rates, time to empty and
//! need; and, for a district committee or the state's oxygen cell, every facility in
//! reach sorted by urgency with the districts' totals.

use super::cache::Statuses;
use super::register::{patients_of, point_of};
use super::{rules_of, Oxygen, Rules};
use crate::error::{ApiError, ApiResult};
use arogya_domain::appointment::ist_date;
use arogya_domain::ids::{FacilityId, UnitId};
use arogya_domain::oxygen::balance::{self, BedsInUse, BurnRate, Expected, Point};
use arogya_domain::unit::UnitPath;
use arogya_infra::db::Access;
use arogya_infra::repos::facilities::{self, FacilityRecord};
use arogya_infra::repos::inpatient::occupancy;
use arogya_infra::repos::oxygen::deliveries::{self, DeliveryRecord};
use arogya_infra::repos::oxygen::entries::{self as repo, EntryRecord};
use arogya_infra::repos::oxygen::sources::{self as source_repo, SourceRecord};
use arogya_infra::TenantTx;
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;
use std::sync::Arc;
use uuid::Uuid;

/// How urgent a facility is, the most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Risk {
    /// Time to empty under the critical threshold.
    Critical,
    /// Under the warning threshold.
    Warning,
    /// No reading yet today.
    NotReported,
    Ok,
}

pub struct FacilityOxygen {
    pub facility: FacilityRecord,
    pub last: Option<EntryRecord>,
    /// Oxygen that can still be drawn now, projected from the last reading.
    pub usable_now: Option<f64>,
    pub storage_nm3: f64,
    pub output_nm3_per_hour: f64,
    pub beds_fed: i64,
    pub burn_24h: Option<BurnRate>,
    pub burn_72h: Option<BurnRate>,
    pub time_to_empty_hours: Option<f64>,
    pub risk: Risk,
    pub reported_today: bool,
    /// What the patients on oxygen at the last reading need, Nm³/h.
    pub need_of_patients: f64,
    /// What the occupied oxygen, HDU, ICU and ventilator beds need, Nm³/h (facility
    /// view only).
    pub need_of_beds: Option<f64>,
}

/// Work out one facility's status from its current readings' stock (sorted, the
/// last few days and the one before), the last of them whole, and its sources.
fn assess(
    facility: FacilityRecord,
    points: &[Point],
    last: Option<EntryRecord>,
    sources: &[&SourceRecord],
    coming: &[&DeliveryRecord],
    rules: &Rules,
    now: DateTime<Utc>,
) -> FacilityOxygen {
    let intervals = balance::intervals(points);
    let burn_24h = balance::burn_rate(&intervals, now, 24);
    let burn_72h = balance::burn_rate(&intervals, now, 72);
    let drain = burn_24h.or(burn_72h).map(|b| b.drain_per_hour);
    let usable_now = last.as_ref().map(|l| {
        let hours = (now - l.reading_at).num_seconds() as f64 / 3600.0;
        balance::projected(l.usable_nm3, hours, drain)
    });
    // Deliveries on their way count from when they are expected (an overdue one as
    // arriving now).
    let expected: Vec<Expected> = coming
        .iter()
        .map(|d| Expected {
            in_hours: ((d.expected_at - now).num_seconds() as f64 / 3600.0).max(0.0),
            nm3: d.nm3,
        })
        .collect();
    let time_to_empty_hours = match (usable_now, drain) {
        (Some(u), Some(d)) => balance::time_to_empty(u, d, &expected),
        _ => None,
    };
    let reported_today = last
        .as_ref()
        .is_some_and(|l| ist_date(l.reading_at) == ist_date(now));
    let (warning_hours, critical_hours) = rules.thresholds_for(facility.district_id);
    let risk = match time_to_empty_hours {
        Some(h) if h < critical_hours as f64 => Risk::Critical,
        Some(h) if h < warning_hours as f64 => Risk::Warning,
        _ if !reported_today => Risk::NotReported,
        _ => Risk::Ok,
    };
    let need_of_patients = last
        .as_ref()
        .map(|l| balance::need_of_patients(&patients_of(l), &rules.norms))
        .unwrap_or(0.0);
    FacilityOxygen {
        facility,
        last,
        usable_now,
        storage_nm3: sources.iter().map(|s| s.storage_nm3).sum(),
        output_nm3_per_hour: sources.iter().map(|s| s.output_nm3_per_hour).sum(),
        beds_fed: sources.iter().map(|s| s.beds_fed as i64).sum(),
        burn_24h,
        burn_72h,
        time_to_empty_hours,
        risk,
        reported_today,
        need_of_patients,
        need_of_beds: None,
    }
}

/// A district's totals.
pub struct DistrictOxygen {
    pub district_id: Option<Uuid>,
    pub name: String,
    pub facilities: i64,
    pub reported_today: i64,
    pub critical: i64,
    pub warning: i64,
    pub usable_nm3: f64,
    pub burn_nm3_per_hour: f64,
    /// The shortest time to empty among its facilities.
    pub min_time_to_empty_hours: Option<f64>,
}

pub struct Overview {
    /// The tenant's statuses, shared with other viewers.
    pub all: Arc<Statuses>,
    /// The ones in the caller's reach (positions in `all.facilities`).
    pub picked: Vec<usize>,
    pub districts: Vec<DistrictOxygen>,
    /// In reach, whether picked or not.
    pub not_reported_today: i64,
}

impl Overview {
    pub fn at(&self) -> DateTime<Utc> {
        self.all.at
    }
    pub fn rules(&self) -> &Rules {
        &self.all.rules
    }
    /// Most urgent first: critical and warning by time to empty, then those that have
    /// not reported today, then the rest by name.
    pub fn facilities(&self) -> impl Iterator<Item = &FacilityOxygen> {
        self.picked.iter().map(|i| &*self.all.facilities[*i])
    }
}

/// Readings far enough back for the 72-hour burn rate and the interval before it.
const LOOKBACK_DAYS: i64 = 4;

pub(super) fn urgency(a: &FacilityOxygen, b: &FacilityOxygen) -> std::cmp::Ordering {
    a.risk
        .cmp(&b.risk)
        .then_with(|| {
            let ta = a.time_to_empty_hours.unwrap_or(f64::INFINITY);
            let tb = b.time_to_empty_hours.unwrap_or(f64::INFINITY);
            ta.total_cmp(&tb)
        })
        .then_with(|| a.facility.name.cmp(&b.facility.name))
}

/// The status of every reporting facility (one with an active source) that `keep`
/// keeps, in a few queries whatever their number.
pub async fn statuses(
    tx: &TenantTx,
    rules: &Rules,
    now: DateTime<Utc>,
    only: Option<Uuid>,
    keep: impl Fn(&FacilityRecord) -> bool,
) -> ApiResult<Vec<FacilityOxygen>> {
    let sources = match only {
        Some(f) => source_repo::of_facilities(tx, &[f], false).await?,
        None => source_repo::all_active(tx).await?,
    };
    let mut ids: Vec<Uuid> = sources.iter().map(|s| s.facility_id).collect();
    ids.sort();
    ids.dedup();
    let facilities: Vec<FacilityRecord> = facilities::find_many(tx, &ids)
        .await?
        .into_iter()
        .filter(|f| keep(f))
        .collect();
    let ids: Vec<Uuid> = facilities.iter().map(|f| f.id).collect();
    // The stock of the last few days' readings, light; only each facility's last
    // reading is read whole.
    let rows = repo::points_between(tx, &ids, now - Duration::days(LOOKBACK_DAYS), now).await?;
    let mut by_facility: HashMap<Uuid, Vec<Point>> = HashMap::new();
    let mut last_ids: HashMap<Uuid, Uuid> = HashMap::new();
    for r in &rows {
        by_facility
            .entry(r.facility_id)
            .or_default()
            .push(Point::from(r));
        last_ids.insert(r.facility_id, r.id);
    }
    let lasts: Vec<Uuid> = last_ids.values().copied().collect();
    let mut last_of: HashMap<Uuid, EntryRecord> = repo::by_ids(tx, &lasts)
        .await?
        .into_iter()
        .map(|e| (e.facility_id, e))
        .collect();
    let coming = deliveries::on_the_way(tx, &ids).await?;
    let mut sources_of: HashMap<Uuid, Vec<&SourceRecord>> = HashMap::new();
    for s in &sources {
        sources_of.entry(s.facility_id).or_default().push(s);
    }
    let mut coming_to: HashMap<Uuid, Vec<&DeliveryRecord>> = HashMap::new();
    for d in &coming {
        coming_to.entry(d.facility_id).or_default().push(d);
    }
    Ok(facilities
        .into_iter()
        .map(|f| {
            let points = by_facility.remove(&f.id).unwrap_or_default();
            let last = last_of.remove(&f.id);
            let srcs = sources_of.remove(&f.id).unwrap_or_default();
            let coming = coming_to.remove(&f.id).unwrap_or_default();
            assess(f, &points, last, &srcs, &coming, rules, now)
        })
        .collect())
}

impl Oxygen<'_> {
    /// One facility's oxygen now.
    pub async fn facility_status(&self, facility: Uuid) -> ApiResult<FacilityOxygen> {
        let now = Utc::now();
        let tx = self.tx(Access::Read).await?;
        let f = self.watched_facility(&tx, facility).await?;
        let rules = rules_of(&tx).await?;
        let sources = source_repo::of_facilities(&tx, &[f.id], false).await?;
        let from = now - Duration::days(LOOKBACK_DAYS);
        let (before, _) = repo::neighbours(&tx, f.id, from, None).await?;
        let mut readings: Vec<EntryRecord> = before.into_iter().collect();
        readings.extend(repo::current_since(&tx, &[f.id], from, now).await?);
        let coming = deliveries::on_the_way(&tx, &[f.id]).await?;
        let mut beds = BedsInUse::default();
        for row in occupancy::facility_counts_of(&tx, &[f.id]).await? {
            if row.held.as_deref() != Some("active") {
                continue;
            }
            match row.bed_type.as_str() {
                "oxygen_supported" => beds.oxygen_supported += row.n,
                "hdu" => beds.hdu += row.n,
                "icu" => beds.icu += row.n,
                "ventilator" => beds.ventilator += row.n,
                _ => {}
            }
        }
        tx.commit().await?;
        let refs: Vec<&SourceRecord> = sources.iter().collect();
        let coming: Vec<&DeliveryRecord> = coming.iter().collect();
        let points: Vec<Point> = readings.iter().map(point_of).collect();
        let mut s = assess(
            f,
            &points,
            readings.last().cloned(),
            &refs,
            &coming,
            &rules,
            now,
        );
        s.need_of_beds = Some(balance::need_of_beds(&beds, &rules.norms));
        Ok(s)
    }

    /// Every reporting facility's status in the tenant (kept a few seconds, see
    /// `cache`), most urgent first.
    async fn all_statuses(&self) -> ApiResult<Arc<Statuses>> {
        let tenant = self.tenant()?;
        let cache = &self.state.oxygen_status;
        if let Some(s) = cache.fresh(tenant) {
            return Ok(s);
        }
        // Someone is already working them out: the old statuses meanwhile, if any.
        let _computing = match (cache.try_computing(), cache.any(tenant)) {
            (Some(guard), _) => guard,
            (None, Some(old)) => return Ok(old),
            (None, None) => cache.computing().await,
        };
        if let Some(s) = cache.fresh(tenant) {
            return Ok(s);
        }
        let read_from = std::time::Instant::now();
        let now = Utc::now();
        let tx = self.tx(Access::Read).await?;
        let rules = rules_of(&tx).await?;
        let mut list = statuses(&tx, &rules, now, None, |_| true).await?;
        let districts = occupancy::districts(&tx).await?;
        tx.commit().await?;
        list.sort_by(urgency);
        let s = Statuses {
            at: now,
            facilities: list.into_iter().map(Arc::new).collect(),
            rules,
            districts: districts.into_iter().collect(),
        };
        Ok(cache.keep(tenant, s, read_from))
    }

    /// After a reading of `facility` is committed: its status is worked out again and
    /// put in place in the tenant's statuses, if any are kept; the day-by-day answers
    /// that add it up are forgotten.
    pub(super) async fn reading_changed(&self, facility: Uuid) {
        let Some(tenant) = self.principal.tenant() else {
            return;
        };
        self.state.oxygen_daily.forget_facility(tenant, facility);
        let cache = &self.state.oxygen_status;
        if !cache.holds(tenant) {
            return;
        }
        let read_from = std::time::Instant::now();
        let status = async {
            let tx = self.tx(Access::Read).await?;
            let rules = rules_of(&tx).await?;
            let mut one = statuses(&tx, &rules, Utc::now(), Some(facility), |_| true).await?;
            tx.commit().await?;
            ApiResult::Ok(one.pop())
        }
        .await;
        match status {
            Ok(s) => cache.splice(tenant, facility, s, read_from),
            Err(err) => {
                tracing::warn!(error = ?err, %facility, "working out a facility's oxygen status after a reading");
                cache.forget(tenant);
            }
        }
    }

    /// Every reporting facility (one with an active source) in the caller's reach,
    /// or within `unit`, and the districts' totals.
    pub async fn overview(&self, unit: Option<Uuid>, only_at_risk: bool) -> ApiResult<Overview> {
        let reach = self.reach();
        if reach.is_empty() {
            return Err(ApiError::Forbidden("oxygen is not in your reach".into()));
        }
        let all = self.all_statuses().await?;
        let picked: Vec<usize> = all
            .facilities
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                let path = UnitPath::from_stored(s.facility.unit_path.clone());
                reach.sees(FacilityId(s.facility.id), &path)
                    && unit.is_none_or(|u| path.contains(UnitId(u)))
            })
            .map(|(i, _)| i)
            .collect();
        let list: Vec<&FacilityOxygen> = picked.iter().map(|i| &*all.facilities[*i]).collect();
        let not_reported_today = list.iter().filter(|s| !s.reported_today).count() as i64;
        // At risk is running out: under the warning threshold (as in the daily roll-up).
        let picked = if only_at_risk {
            picked
                .into_iter()
                .filter(|i| matches!(all.facilities[*i].risk, Risk::Critical | Risk::Warning))
                .collect()
        } else {
            picked
        };
        let names = &all.districts;
        let mut totals: HashMap<Option<Uuid>, DistrictOxygen> = HashMap::new();
        for s in list.iter().copied() {
            let d = s.facility.district_id;
            let t = totals.entry(d).or_insert_with(|| DistrictOxygen {
                district_id: d,
                name: d
                    .and_then(|d| names.get(&d).cloned())
                    .unwrap_or_else(|| "—".into()),
                facilities: 0,
                reported_today: 0,
                critical: 0,
                warning: 0,
                usable_nm3: 0.0,
                burn_nm3_per_hour: 0.0,
                min_time_to_empty_hours: None,
            });
            if let Some(h) = s.time_to_empty_hours {
                t.min_time_to_empty_hours = Some(t.min_time_to_empty_hours.map_or(h, |m| m.min(h)));
            }
            t.facilities += 1;
            t.reported_today += s.reported_today as i64;
            t.critical += (s.risk == Risk::Critical) as i64;
            t.warning += (s.risk == Risk::Warning) as i64;
            t.usable_nm3 += s.usable_now.unwrap_or(0.0);
            t.burn_nm3_per_hour += s
                .burn_24h
                .or(s.burn_72h)
                .map(|b| b.nm3_per_hour)
                .unwrap_or(0.0);
        }
        let mut districts: Vec<DistrictOxygen> = totals.into_values().collect();
        districts.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Overview {
            all,
            picked,
            districts,
            not_reported_today,
        })
    }
}
