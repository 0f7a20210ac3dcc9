//! Oxygen management's GraphQL objects.

#[allow(unused_imports)]
use super::*;
use crate::app::oxygen::status::{DistrictOxygen as DistrictTotals, FacilityOxygen as Status};
use crate::app::oxygen::Rules;
use arogya_domain::oxygen::balance::{BurnRate, FlowNorms};
use arogya_domain::oxygen::sources::Capacity;
use arogya_domain::oxygen::units::ConversionFactor;
use arogya_infra::repos::oxygen::settings::CylinderTypeRecord;
use arogya_infra::repos::oxygen::sources::{capacity_of, SourceRecord};

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::oxygen::units::LiquidUnit")]
pub enum LiquidUnit {
    Litre,
    Kilolitre,
    Kilogram,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::oxygen::sources::SourceKind")]
pub enum OxygenSourceKind {
    LmoTank,
    PsaPlant,
    Cylinders,
    Concentrators,
}

/// How urgent a facility is.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "crate::app::oxygen::status::Risk")]
pub enum OxygenRisk {
    Critical,
    Warning,
    NotReported,
    Ok,
}

/// How many Nm³ (normal cubic metres of gas: 0 °C, 1 atm) one unit of oxygen is.
#[derive(SimpleObject)]
pub struct OxygenConversionFactor {
    pub code: String,
    pub unit: String,
    pub nm3_per_unit: f64,
    /// The factor as its source states it.
    pub stated_as: String,
    pub reference_celsius: f64,
    pub source: String,
}

impl From<&ConversionFactor> for OxygenConversionFactor {
    fn from(f: &ConversionFactor) -> Self {
        Self {
            code: f.code.into(),
            unit: f.unit.into(),
            nm3_per_unit: f.nm3_per_unit,
            stated_as: f.stated_as.into(),
            reference_celsius: f.reference_celsius,
            source: f.source.into(),
        }
    }
}

/// Litres per minute.
#[derive(SimpleObject)]
pub struct OxygenFlowNorms {
    pub nasal_cannula: f64,
    pub mask: f64,
    pub hfnc: f64,
    pub niv: f64,
    pub invasive_ventilation: f64,
    pub oxygen_supported_bed: f64,
    pub hdu_bed: f64,
    pub icu_bed: f64,
    pub ventilator_bed: f64,
}

impl From<FlowNorms> for OxygenFlowNorms {
    fn from(n: FlowNorms) -> Self {
        Self {
            nasal_cannula: n.nasal_cannula,
            mask: n.mask,
            hfnc: n.hfnc,
            niv: n.niv,
            invasive_ventilation: n.invasive_ventilation,
            oxygen_supported_bed: n.oxygen_supported_bed,
            hdu_bed: n.hdu_bed,
            icu_bed: n.icu_bed,
            ventilator_bed: n.ventilator_bed,
        }
    }
}

#[derive(SimpleObject)]
pub struct OxygenDistrictThreshold {
    pub district_id: ID,
    pub warning_hours: i32,
    pub critical_hours: i32,
}

/// The tenant's oxygen rules (the defaults until it sets its own: version 0).
#[derive(SimpleObject)]
pub struct OxygenRules {
    pub liquid_factor: OxygenConversionFactor,
    pub norms: OxygenFlowNorms,
    pub warning_hours: i32,
    pub critical_hours: i32,
    pub deadline_hour: i32,
    pub escalate_after_hours: i32,
    /// Districts with their own thresholds.
    pub district_thresholds: Vec<OxygenDistrictThreshold>,
    pub version: i32,
}

impl From<&Rules> for OxygenRules {
    fn from(r: &Rules) -> Self {
        Self {
            liquid_factor: r.converter.liquid.into(),
            norms: r.norms.into(),
            warning_hours: r.warning_hours,
            critical_hours: r.critical_hours,
            deadline_hour: r.deadline_hour as i32,
            escalate_after_hours: r.escalate_after_hours,
            district_thresholds: r
                .district_thresholds
                .iter()
                .map(|(d, (w, c))| OxygenDistrictThreshold {
                    district_id: id(*d),
                    warning_hours: *w,
                    critical_hours: *c,
                })
                .collect(),
            version: r.version,
        }
    }
}

#[derive(SimpleObject)]
pub struct OxygenCylinderType {
    pub id: ID,
    pub code: String,
    pub name: String,
    pub gas_litres: f64,
    pub label_celsius: f64,
    pub supplier: Option<String>,
    /// Nm³ in a full cylinder.
    pub nm3: f64,
}

impl From<CylinderTypeRecord> for OxygenCylinderType {
    fn from(c: CylinderTypeRecord) -> Self {
        Self {
            id: id(c.id),
            code: c.code,
            name: c.name,
            gas_litres: c.gas_litres,
            label_celsius: c.label_celsius,
            supplier: Some(c.supplier).filter(|s| !s.is_empty()),
            nm3: c.nm3,
        }
    }
}

/// A facility's oxygen source; the capacity fields that apply to its kind are set.
#[derive(SimpleObject)]
pub struct OxygenSource {
    pub id: ID,
    pub facility_id: ID,
    pub kind: OxygenSourceKind,
    pub name: String,
    /// A tank's capacity, in `unit`.
    pub amount: Option<f64>,
    pub unit: Option<LiquidUnit>,
    pub usable_fraction: Option<f64>,
    /// A plant's or each concentrator's output.
    pub litres_per_minute: Option<f64>,
    pub purity_percent: Option<f64>,
    pub cylinder_type_id: Option<ID>,
    pub owned: Option<i32>,
    /// Concentrators.
    pub count: Option<i32>,
    /// What it can hold, Nm³.
    pub storage_nm3: f64,
    pub output_nm3_per_hour: f64,
    pub beds_fed: i32,
    pub active: bool,
    pub version: i32,
}

impl TryFrom<SourceRecord> for OxygenSource {
    type Error = ApiError;
    fn try_from(s: SourceRecord) -> ApiResult<Self> {
        let mut o = Self {
            id: id(s.id),
            facility_id: id(s.facility_id),
            kind: OxygenSourceKind::LmoTank,
            name: s.name.clone(),
            amount: None,
            unit: None,
            usable_fraction: None,
            litres_per_minute: None,
            purity_percent: None,
            cylinder_type_id: None,
            owned: None,
            count: None,
            storage_nm3: s.storage_nm3,
            output_nm3_per_hour: s.output_nm3_per_hour,
            beds_fed: s.beds_fed,
            active: s.active,
            version: s.version,
        };
        let c = capacity_of(&s)?;
        o.kind = c.kind().into();
        match c {
            Capacity::LmoTank {
                amount,
                unit,
                usable_fraction,
            } => {
                o.amount = Some(amount);
                o.unit = Some(unit.into());
                o.usable_fraction = Some(usable_fraction);
            }
            Capacity::PsaPlant {
                litres_per_minute,
                purity_percent,
            } => {
                o.litres_per_minute = Some(litres_per_minute);
                o.purity_percent = Some(purity_percent);
            }
            Capacity::Cylinders {
                cylinder_type,
                owned,
            } => {
                o.cylinder_type_id = Some(id(cylinder_type));
                o.owned = Some(owned);
            }
            Capacity::Concentrators {
                count,
                litres_per_minute,
            } => {
                o.count = Some(count);
                o.litres_per_minute = Some(litres_per_minute);
            }
        }
        Ok(o)
    }
}

/// Nm³ per hour over a window of readings.
#[derive(SimpleObject)]
pub struct OxygenBurnRate {
    /// Used by patients.
    pub nm3_per_hour: f64,
    /// Drawn from stock: use less what the plants made.
    pub drain_per_hour: f64,
    /// Hours of readings it rests on.
    pub hours: f64,
    pub estimated: bool,
}

impl From<BurnRate> for OxygenBurnRate {
    fn from(b: BurnRate) -> Self {
        Self {
            nm3_per_hour: b.nm3_per_hour,
            drain_per_hour: b.drain_per_hour,
            hours: b.hours,
            estimated: b.estimated,
        }
    }
}

/// A facility's oxygen now.
#[derive(SimpleObject)]
pub struct FacilityOxygen {
    pub facility_id: ID,
    pub facility_name: String,
    pub district_id: Option<ID>,
    pub risk: OxygenRisk,
    pub last_reading: Option<OxygenReading>,
    pub hours_since_last_reading: Option<f64>,
    pub reported_today: bool,
    /// What can still be drawn now, projected from the last reading at the burn rate.
    pub usable_nm3: Option<f64>,
    /// What the tanks and cylinders can hold.
    pub storage_nm3: f64,
    /// What the plants and concentrators make at full output.
    pub output_nm3_per_hour: f64,
    pub beds_fed: i64,
    /// Over the readings of the last 24 hours.
    #[graphql(name = "burn24h")]
    pub burn_24h: Option<OxygenBurnRate>,
    /// Over the last 72 hours.
    #[graphql(name = "burn72h")]
    pub burn_72h: Option<OxygenBurnRate>,
    /// None when the stock is not running down (or there are too few readings).
    pub time_to_empty_hours: Option<f64>,
    pub days_of_cover: Option<f64>,
    /// What the patients on oxygen at the last reading need, by the flow norms.
    pub need_of_patients_nm3_per_hour: f64,
    /// What the occupied oxygen, HDU, ICU and ventilator beds need (one facility's
    /// status only).
    pub need_of_beds_nm3_per_hour: Option<f64>,
}

impl FacilityOxygen {
    pub fn of(s: &Status, now: DateTime<Utc>) -> Self {
        Self {
            facility_id: id(s.facility.id),
            facility_name: s.facility.name.clone(),
            district_id: s.facility.district_id.map(id),
            risk: s.risk.into(),
            hours_since_last_reading: s
                .last
                .as_ref()
                .map(|l| (now - l.reading_at).num_seconds() as f64 / 3600.0),
            last_reading: s.last.clone().map(Into::into),
            reported_today: s.reported_today,
            usable_nm3: s.usable_now,
            storage_nm3: s.storage_nm3,
            output_nm3_per_hour: s.output_nm3_per_hour,
            beds_fed: s.beds_fed,
            burn_24h: s.burn_24h.map(Into::into),
            burn_72h: s.burn_72h.map(Into::into),
            time_to_empty_hours: s.time_to_empty_hours,
            days_of_cover: s.time_to_empty_hours.map(|h| h / 24.0),
            need_of_patients_nm3_per_hour: s.need_of_patients,
            need_of_beds_nm3_per_hour: s.need_of_beds,
        }
    }
}

#[derive(SimpleObject)]
pub struct DistrictOxygen {
    pub district_id: Option<ID>,
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

impl From<DistrictTotals> for DistrictOxygen {
    fn from(d: DistrictTotals) -> Self {
        Self {
            district_id: d.district_id.map(id),
            name: d.name,
            facilities: d.facilities,
            reported_today: d.reported_today,
            critical: d.critical,
            warning: d.warning,
            usable_nm3: d.usable_nm3,
            burn_nm3_per_hour: d.burn_nm3_per_hour,
            min_time_to_empty_hours: d.min_time_to_empty_hours,
        }
    }
}

/// The reporting facilities in reach (all, or those at risk), most urgent first, and
/// the districts' totals (always over every facility in reach).
#[derive(SimpleObject)]
pub struct OxygenOverview {
    pub at: DateTime<Utc>,
    pub facilities: Vec<FacilityOxygen>,
    pub districts: Vec<DistrictOxygen>,
    pub not_reported_today: i64,
    pub rules: OxygenRules,
}
