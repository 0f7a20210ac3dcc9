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
        let began = std::time::Instant::now();
        let tx = self.tx(Access::Read).await?;
        let rules = rules_of(&tx).await?;
        let (ids, beds) = if let Some(f) = facility {
            let f = self.watched_facility(&tx, f).await?;
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
            let places = source_repo::reporting_facilities(&tx, unit).await?;
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
            let kept: Vec<Uuid> = kept.iter().map(|(id, _, _)| *id).collect();
            (
                kept,
                census::district_daily_beds(&tx, Some(&districts), from, to).await?,
            )
        };
        let districts: Vec<(Uuid, f64)> = rules
            .district_thresholds
            .iter()
            .map(|(d, (warning, _))| (*d, *warning as f64))
            .collect();
        let warning = repo::Warning {
            default_hours: rules.warning_hours as f64,
            districts: &districts,
        };
        let rows = repo::sums(&tx, &ids, from, to, &warning).await?;
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
        for r in rows {
            let Some(d) = days.get_mut(&r.day) else {
                continue;
            };
            d.reported += r.reported;
            d.stock_nm3 += r.stock_nm3;
            d.usable_nm3 += r.usable_nm3;
            d.consumption_nm3 += r.consumption_nm3;
            d.received_nm3 += r.received_nm3;
            d.produced_nm3 += r.produced_nm3;
            d.at_risk += r.at_risk;
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
                began,
            );
        }
        Ok(days)
    }
}
