//! Inpatient care's GraphQL objects of reports: occupancy, the census, history.

#[allow(unused_imports)]
use super::*;
use crate::app::inpatient::CapacityCheck;
use crate::app::inpatient::Occupancy as AppOccupancy;
use arogya_domain::inpatient::beds as db;

#[derive(SimpleObject)]
pub struct OccupancyRow {
    /// The district's or facility's id.
    pub key: Option<ID>,
    pub name: Option<String>,
    pub bed_type: BedType,
    pub counts: BedCounts,
}

#[derive(SimpleObject)]
pub struct Occupancy {
    pub rows: Vec<OccupancyRow>,
    pub total: BedCounts,
}

impl From<AppOccupancy> for Occupancy {
    fn from(o: AppOccupancy) -> Self {
        Self {
            rows: o
                .rows
                .into_iter()
                .map(|r| OccupancyRow {
                    key: r.key.map(id),
                    name: r.name,
                    bed_type: r.bed_type.into(),
                    counts: r.tally.into(),
                })
                .collect(),
            total: o.total.into(),
        }
    }
}

/// A bed type's declared capacity beside the beds set up.
#[derive(SimpleObject)]
pub struct BedCapacityCheck {
    pub bed_type: BedType,
    pub declared: i32,
    pub set_up: i64,
    /// Set up minus declared: negative when beds are missing from the wards.
    pub difference: i64,
}

impl From<CapacityCheck> for BedCapacityCheck {
    fn from(c: CapacityCheck) -> Self {
        Self {
            bed_type: c.bed_type.into(),
            declared: c.declared,
            set_up: c.set_up,
            difference: c.set_up - c.declared as i64,
        }
    }
}

/// A ward's midnight census of one day, counted from bed assignments.
#[derive(SimpleObject)]
pub struct WardCensusDay {
    pub day: chrono::NaiveDate,
    pub opening: i32,
    pub admitted: i32,
    pub transferred_in: i32,
    pub transferred_out: i32,
    pub discharged: i32,
    pub died: i32,
    pub closing: i32,
}

impl From<arogya_infra::repos::inpatient::census::CensusRecord> for WardCensusDay {
    fn from(c: arogya_infra::repos::inpatient::census::CensusRecord) -> Self {
        Self {
            day: c.day,
            opening: c.opening,
            admitted: c.admitted,
            transferred_in: c.transferred_in,
            transferred_out: c.transferred_out,
            discharged: c.discharged,
            died: c.died,
            closing: c.closing,
        }
    }
}

/// Beds of one type at the end of one day.
#[derive(SimpleObject)]
pub struct DailyBeds {
    pub day: chrono::NaiveDate,
    pub bed_type: Option<BedType>,
    pub total: i64,
    pub occupied: i64,
    pub out_of_service: i64,
}

#[derive(SimpleObject)]
pub struct OccupancyHistory {
    /// From the kept daily snapshots, by day and bed type.
    pub days: Vec<DailyBeds>,
    /// Admissions that ended in the period.
    pub discharges: i64,
    /// Whole days from admission to discharge (a same-day stay is one), averaged.
    pub average_length_of_stay_days: Option<f64>,
    /// Discharges per bed over the period.
    pub bed_turnover: Option<f64>,
}

impl From<crate::app::inpatient::census::History> for OccupancyHistory {
    fn from(h: crate::app::inpatient::census::History) -> Self {
        Self {
            days: h
                .days
                .into_iter()
                .map(|d| DailyBeds {
                    day: d.day,
                    bed_type: stored(&d.bed_type, db::BedType::parse),
                    total: d.total,
                    occupied: d.occupied,
                    out_of_service: d.out_of_service,
                })
                .collect(),
            discharges: h.discharges,
            average_length_of_stay_days: h.average_stay_days,
            bed_turnover: h.bed_turnover,
        }
    }
}
