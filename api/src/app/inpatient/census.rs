//! The midnight census: each ward's movements of an IST day and each facility's beds
//! at its end, counted from bed assignments and kept. The maintenance loop counts
//! yesterday once it is over; a state administrator may recount any past day.
//! History (occupancy over time, length of stay, bed turnover) reads what is kept.

use super::Inpatient;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::appointment::{ist_date, ist_midnight};
use arogya_domain::audit::AuditAction;
use arogya_domain::ids::{TenantId, UnitId};
use arogya_domain::inpatient::admission::length_of_stay_days;
use arogya_domain::inpatient::census::{count_day, Stay};
use arogya_domain::unit::UnitPath;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::inpatient::census::{self as repo, CensusRecord, DayBeds};
use arogya_infra::repos::inpatient::wards as ward_repo;
use arogya_infra::repos::units;
use chrono::{Duration, NaiveDate, Utc};
use std::collections::HashMap;
use uuid::Uuid;

/// The longest period a history query covers.
const MAX_DAYS: i64 = 731;

/// The stored stays as the census counts them.
pub(super) fn stays_of(rows: &[repo::StayRow]) -> Vec<Stay> {
    rows.iter()
        .map(|r| Stay {
            ward: r.ward_id,
            start: r.start_at,
            end: r.end_at,
            first: r.first_bed,
            discharged: r
                .discharged_at
                .map(|d| (d, r.outcome.as_deref() == Some("died"))),
        })
        .collect()
}

/// Count and keep `day`'s census of every ward of a tenant, and its bed snapshot.
/// Returns the number of wards counted.
pub async fn take_census(state: &AppState, tenant: TenantId, day: NaiveDate) -> ApiResult<usize> {
    let from = ist_midnight(day);
    let to = ist_midnight(day + Duration::days(1));
    let tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let wards = ward_repo::wards_of_facilities(&tx, None, None).await?;
    let rows = repo::stays_overlapping(&tx, from, to).await?;
    let stays = stays_of(&rows);
    for w in &wards {
        let c = count_day(&stays, w.id, from, to);
        repo::save_census(&tx, w.id, w.facility_id, day, &c).await?;
    }
    // Beds at the day's end, by facility and type.
    let mut beds: HashMap<(Uuid, String), (i64, i64, i64)> = HashMap::new();
    for b in repo::all_beds(&tx).await? {
        let e = beds.entry((b.facility_id, b.bed_type)).or_default();
        e.0 += 1;
        if b.housekeeping != "ready" {
            e.2 += 1;
        }
    }
    for r in rows
        .iter()
        .filter(|r| r.start_at < to && r.end_at.is_none_or(|e| e >= to))
    {
        beds.entry((r.facility_id, r.bed_type.clone()))
            .or_default()
            .1 += 1;
    }
    for ((facility, bed_type), counts) in &beds {
        repo::save_snapshot(&tx, *facility, day, bed_type, *counts).await?;
    }
    repo::save_district_snapshots(&tx, day).await?;
    tx.commit().await?;
    Ok(wards.len())
}

/// Yesterday's census of every tenant, if not yet kept (the maintenance loop).
pub async fn census_of_yesterday(state: &AppState, tenants: &[TenantId]) -> anyhow::Result<()> {
    let yesterday = ist_date(Utc::now()) - Duration::days(1);
    for t in tenants {
        let tx = state.db.tenant_tx(*t, Access::Read).await?;
        let done = repo::counted(&tx, yesterday).await?;
        tx.commit().await?;
        if !done {
            take_census(state, *t, yesterday)
                .await
                .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        }
    }
    Ok(())
}

/// Occupancy over time and the stays behind it.
pub struct History {
    pub days: Vec<DayBeds>,
    pub discharges: i64,
    pub average_stay_days: Option<f64>,
    /// Discharges per bed over the period.
    pub bed_turnover: Option<f64>,
}

fn period(from: NaiveDate, to: NaiveDate) -> ApiResult<()> {
    if to < from {
        return Err(ApiError::validation("to", "must not be before from"));
    }
    if (to - from).num_days() > MAX_DAYS {
        return Err(ApiError::validation(
            "to",
            format!("a period is at most {MAX_DAYS} days"),
        ));
    }
    Ok(())
}

impl Inpatient<'_> {
    /// Recount a past day (state and district administrators).
    pub async fn recount_census(&self, day: NaiveDate) -> ApiResult<usize> {
        let tenant = self.tenant()?;
        self.principal.registry_write_reach()?;
        if day > ist_date(Utc::now()) {
            return Err(ApiError::validation("day", "must not be in the future"));
        }
        let n = take_census(self.state, tenant, day).await?;
        let mut tx = self.tx(Access::Write).await?;
        self.audit(
            &mut tx,
            AuditAction::WardSetup,
            "ward_census",
            Uuid::nil(),
            serde_json::json!({ "recounted": day, "wards": n }),
        )
        .await?;
        tx.commit().await?;
        Ok(n)
    }

    pub async fn ward_census(
        &self,
        ward: Uuid,
        from: NaiveDate,
        to: NaiveDate,
    ) -> ApiResult<Vec<CensusRecord>> {
        period(from, to)?;
        let tx = self.tx(Access::Read).await?;
        let w = self.ward(&tx, ward).await?;
        self.visible_facility(&tx, w.facility_id).await?;
        let rows = repo::of_ward(&tx, ward, from, to).await?;
        tx.commit().await?;
        Ok(rows)
    }

    /// Daily beds by type for a unit or a facility (or all the caller sees), with the
    /// average length of stay and bed turnover of the admissions that ended then.
    pub async fn occupancy_history(
        &self,
        unit: Option<Uuid>,
        facility: Option<Uuid>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> ApiResult<History> {
        period(from, to)?;
        let tx = self.tx(Access::Read).await?;
        let sight = self.sight(&tx).await?;
        let mut patterns = Vec::new();
        let mut one = None;
        // Districts (or the whole state) read the district rollups; `None` inside: all.
        let mut rollup: Option<Option<Vec<Uuid>>> = None;
        if let Some(f) = facility {
            self.visible_facility(&tx, f).await?;
            one = Some(f);
        } else if let Some(u) = unit {
            let rec = units::find(&tx, UnitId(u))
                .await?
                .ok_or(DomainError::NotFound { entity: "unit" })?;
            let path = UnitPath::from_stored(rec.path.clone());
            if !(sight.whole || sight.units.iter().any(|s| path.contains(*s))) {
                return Err(ApiError::Forbidden(
                    "this unit is outside your reach".into(),
                ));
            }
            match rec.kind.as_str() {
                "district" => {
                    // The stays behind length of stay and turnover: by the district's path.
                    patterns.push(format!("{}%", rec.path));
                    rollup = Some(Some(vec![rec.id]));
                }
                _ if rec.parent_id.is_none() => rollup = Some(None),
                _ => patterns.push(format!("{}%", rec.path)),
            }
        } else if sight.whole {
            rollup = Some(None);
        } else if sight.units.is_empty() && sight.facilities.len() == 1 {
            one = Some(sight.facilities[0].0);
        } else if sight.units.is_empty() {
            return Err(ApiError::validation("facilityId", "choose one facility"));
        } else {
            patterns = sight.units.iter().map(|u| format!("%/{}/%", u.0)).collect();
        }
        let days = match &rollup {
            Some(districts) => {
                repo::district_daily_beds(&tx, districts.as_deref(), from, to).await?
            }
            None => repo::daily_beds(&tx, &patterns, one, from, to).await?,
        };
        let stays = repo::ended_stays(
            &tx,
            &patterns,
            one,
            ist_midnight(from),
            ist_midnight(to + Duration::days(1)),
        )
        .await?;
        tx.commit().await?;
        let discharges = stays.len() as i64;
        let average_stay_days = (discharges > 0).then(|| {
            let total: i64 = stays.iter().map(|(a, d)| length_of_stay_days(*a, *d)).sum();
            (total as f64 * 10.0 / discharges as f64).round() / 10.0
        });
        // Beds: the average over the days kept of all beds counted.
        let mut per_day: HashMap<NaiveDate, i64> = HashMap::new();
        for d in &days {
            *per_day.entry(d.day).or_default() += d.total;
        }
        let bed_turnover = (!per_day.is_empty()).then(|| {
            let avg_beds = per_day.values().sum::<i64>() as f64 / per_day.len() as f64;
            if avg_beds > 0.0 {
                (discharges as f64 * 100.0 / avg_beds).round() / 100.0
            } else {
                0.0
            }
        });
        Ok(History {
            days,
            discharges,
            average_stay_days,
            bed_turnover,
        })
    }
}
