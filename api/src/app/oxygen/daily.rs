//! Day by day, for one facility, a district or everything in reach: stock, use,
//! deliveries, use per occupied oxygen bed, facilities at risk and how many reported.
//! Summed from each facility's day roll-up (`oxygen_facility_days`, written with
//! each reading) and the daily bed snapshots.

use super::{rules_of, Oxygen};
use crate::error::{ApiError, ApiResult};
use arogya_domain::ids::{FacilityId, UnitId};
use arogya_domain::unit::UnitPath;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::inpatient::census;
use arogya_infra::repos::oxygen::days as repo;
use arogya_infra::repos::oxygen::sources as source_repo;
use arogya_infra::repos::units;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use uuid::Uuid;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Day {
    pub day: NaiveDate,
    pub facilities: i64,
    /// Facilities with a reading that day.
    pub reported: i64,
    /// At each facility's last reading of the day.
    pub stock_nm3: f64,
    pub usable_nm3: f64,
    /// Used over the intervals ending that day.
    pub consumption_nm3: f64,
    pub received_nm3: f64,
    pub produced_nm3: f64,
    /// Occupied oxygen-supported, HDU, ICU and ventilator beds at that day's census.
    pub occupied_oxygen_beds: i64,
    /// Facilities whose time to empty at their last reading of the day was under the
    /// warning threshold.
    pub at_risk: i64,
}

impl Day {
    pub fn consumption_per_bed(&self) -> Option<f64> {
        (self.occupied_oxygen_beds > 0)
            .then(|| self.consumption_nm3 / self.occupied_oxygen_beds as f64)
    }
}

impl Oxygen<'_> {
    /// Days `from..=to` (at most 400) for a facility, a unit, or everything in reach.
    pub async fn daily(
        &self,
        facility: Option<Uuid>,
        unit: Option<Uuid>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> ApiResult<Vec<Day>> {
        if to < from || (to - from).num_days() > 400 {
            return Err(ApiError::validation(
                "from",
                "give a range of at most 400 days",
            ));
        }
        let reach = self.reach();
        if reach.is_empty() {
            return Err(ApiError::Forbidden("oxygen is not in your reach".into()));
        }
        // A district's or the state's chart: the same question in the last minute is
        // answered from memory (the caller's reach is part of the question).
        let question = facility
            .is_none()
            .then(|| format!("{unit:?}|{from}|{to}|{reach:?}"));
        let tenant = self.tenant()?;
        if let Some(days) = question
            .as_ref()
            .and_then(|q| self.state.oxygen_daily.get(tenant, q))
        {
            return Ok(days.as_ref().clone());
        }
        // Asked again while being worked out: wait for that answer.
        let _flight = match &question {
            Some(q) => {
                let guard = self.state.oxygen_daily.flight(tenant, q).await;
                if let Some(days) = self.state.oxygen_daily.get(tenant, q) {
                    return Ok(days.as_ref().clone());
                }
                Some(guard)
            }
            None => None,
        };
        let tx = self.tx(Access::Read).await?;
        let rules = rules_of(&tx).await?;
        // Each facility's district, for the district's own warning threshold.
        let mut district_of: std::collections::HashMap<Uuid, Option<Uuid>> = Default::default();
        let (ids, beds) = if let Some(f) = facility {
            let f = self.watched_facility(&tx, f).await?;
            district_of.insert(f.id, f.district_id);
            (
                vec![f.id],
                census::daily_beds(&tx, &[], Some(f.id), from, to).await?,
            )
        } else {
            if let Some(u) = unit {
                units::find(&tx, UnitId(u))
                    .await?
                    .ok_or(DomainError::NotFound { entity: "unit" })?;
            }
            let places = source_repo::reporting_facilities(&tx).await?;
            let kept: Vec<&(Uuid, String, Option<Uuid>)> = places
                .iter()
                .filter(|(id, path, _)| {
                    let path = UnitPath::from_stored(path.clone());
                    reach.sees(FacilityId(*id), &path)
                        && unit.is_none_or(|u| path.contains(UnitId(u)))
                })
                .collect();
            let mut districts: Vec<Uuid> = kept.iter().filter_map(|(_, _, d)| *d).collect();
            districts.sort();
            districts.dedup();
            district_of.extend(kept.iter().map(|(id, _, d)| (*id, *d)));
            let kept: Vec<Uuid> = kept.iter().map(|(id, _, _)| *id).collect();
            (
                kept,
                census::district_daily_beds(&tx, Some(&districts), from, to).await?,
            )
        };
        let rows = repo::between(&tx, &ids, from, to).await?;
        tx.commit().await?;
        let mut days: BTreeMap<NaiveDate, Day> = from
            .iter_days()
            .take_while(|d| *d <= to)
            .map(|d| {
                (
                    d,
                    Day {
                        day: d,
                        facilities: ids.len() as i64,
                        ..Default::default()
                    },
                )
            })
            .collect();
        for (facility, fd) in rows {
            let Some(d) = days.get_mut(&fd.day) else {
                continue;
            };
            let (warning, _) = rules.thresholds_for(district_of.get(&facility).copied().flatten());
            d.reported += 1;
            d.stock_nm3 += fd.stock_nm3;
            d.usable_nm3 += fd.usable_nm3;
            d.consumption_nm3 += fd.consumption_nm3;
            d.received_nm3 += fd.received_nm3;
            d.produced_nm3 += fd.produced_nm3;
            d.at_risk += fd.at_risk(warning as f64) as i64;
        }
        for b in beds {
            if matches!(
                b.bed_type.as_str(),
                "oxygen_supported" | "hdu" | "icu" | "ventilator"
            ) {
                if let Some(d) = days.get_mut(&b.day) {
                    d.occupied_oxygen_beds += b.occupied;
                }
            }
        }
        let days: Vec<Day> = days.into_values().collect();
        if let Some(q) = question {
            self.state.oxygen_daily.keep(
                tenant,
                q,
                std::sync::Arc::new(days.clone()),
                ids.iter().copied().collect(),
            );
        }
        Ok(days)
    }
}
