//! Oxygen management's GraphQL objects.

#[allow(unused_imports)]
use super::*;
use crate::app::oxygen::register::{patients_of, readings_of, ReadingView};
use crate::app::oxygen::status::{DistrictOxygen as DistrictTotals, FacilityOxygen as Status};
use crate::app::oxygen::Rules;
use arogya_domain::oxygen::balance::{BurnRate, FlowNorms, Interval};
use arogya_domain::oxygen::entry as de;
use arogya_domain::oxygen::sources::Capacity;
use arogya_domain::oxygen::units::ConversionFactor;
use arogya_infra::repos::oxygen::entries::EntryRecord;
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

/// The tenant's oxygen rules (the defaults until it sets its own: version 0).
#[derive(SimpleObject)]
pub struct OxygenRules {
    pub liquid_factor: OxygenConversionFactor,
    pub norms: OxygenFlowNorms,
    pub warning_hours: i32,
    pub critical_hours: i32,
    pub deadline_hour: i32,
    pub escalate_after_hours: i32,
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

#[derive(SimpleObject)]
pub struct TankReading {
    pub source_id: ID,
    pub percent: Option<f64>,
    pub kilograms: Option<f64>,
}

#[derive(SimpleObject)]
pub struct CylinderCount {
    pub cylinder_type_id: ID,
    pub full: i32,
    pub in_use: i32,
    pub empty: i32,
    pub sent_for_refill: i32,
}

#[derive(SimpleObject)]
pub struct CylinderMovement {
    pub cylinder_type_id: ID,
    pub count: i32,
    pub supplier: String,
    pub challan: Option<String>,
}

impl From<de::CylinderMovement> for CylinderMovement {
    fn from(m: de::CylinderMovement) -> Self {
        Self {
            cylinder_type_id: id(m.cylinder_type),
            count: m.count,
            supplier: m.supplier,
            challan: m.challan,
        }
    }
}

#[derive(SimpleObject)]
pub struct LiquidDelivery {
    pub source_id: ID,
    pub quantity: f64,
    pub unit: LiquidUnit,
    pub tanker: Option<String>,
    pub supplier: String,
    pub challan: Option<String>,
}

#[derive(SimpleObject)]
pub struct PlantRun {
    pub source_id: ID,
    pub running_hours: f64,
    pub fault: Option<String>,
}

#[derive(SimpleObject)]
pub struct PatientsOnOxygen {
    pub nasal_cannula: i32,
    pub mask: i32,
    pub hfnc: i32,
    pub niv: i32,
    pub invasive_ventilation: i32,
    pub total: i32,
}

impl From<de::PatientsOnOxygen> for PatientsOnOxygen {
    fn from(p: de::PatientsOnOxygen) -> Self {
        Self {
            nasal_cannula: p.nasal_cannula,
            mask: p.mask,
            hfnc: p.hfnc,
            niv: p.niv,
            invasive_ventilation: p.invasive_ventilation,
            total: p.total(),
        }
    }
}

/// What was used between the previous reading and this one (Nm³), by stock balance.
#[derive(SimpleObject)]
pub struct OxygenConsumption {
    pub since: DateTime<Utc>,
    pub hours: f64,
    pub opening_nm3: f64,
    pub received_nm3: f64,
    pub produced_nm3: f64,
    pub closing_nm3: f64,
    /// opening + received + produced − closing
    pub consumption_nm3: f64,
    /// False when both readings were measured.
    pub estimated: bool,
}

impl From<Interval> for OxygenConsumption {
    fn from(i: Interval) -> Self {
        Self {
            since: i.from,
            hours: i.hours(),
            opening_nm3: i.opening,
            received_nm3: i.received,
            produced_nm3: i.produced,
            closing_nm3: i.closing,
            consumption_nm3: i.consumption,
            estimated: i.estimated,
        }
    }
}

/// One reading of the daily register (its current version unless asked for all).
pub struct OxygenReading {
    pub entry: EntryRecord,
    pub consumption: Option<Interval>,
}

impl From<EntryRecord> for OxygenReading {
    fn from(entry: EntryRecord) -> Self {
        Self {
            entry,
            consumption: None,
        }
    }
}

impl From<ReadingView> for OxygenReading {
    fn from(v: ReadingView) -> Self {
        Self {
            entry: v.entry,
            consumption: v.consumption,
        }
    }
}

#[Object]
impl OxygenReading {
    /// The reading's id, the same for all its versions.
    async fn id(&self) -> ID {
        id(self.entry.series_id)
    }
    async fn version_id(&self) -> ID {
        id(self.entry.id)
    }
    /// Pass this back as `expectedVersion` to correct the reading.
    async fn version(&self) -> i32 {
        self.entry.version
    }
    async fn facility_id(&self) -> ID {
        id(self.entry.facility_id)
    }
    async fn reading_at(&self) -> DateTime<Utc> {
        self.entry.reading_at
    }
    async fn entered_at(&self) -> DateTime<Utc> {
        self.entry.entered_at
    }
    async fn entered_by(&self) -> ID {
        id(self.entry.entered_by)
    }
    /// Entered on a later day than it was read.
    async fn late(&self) -> bool {
        self.entry.late
    }
    async fn correction_reason(&self) -> Option<&str> {
        self.entry.correction_reason.as_deref()
    }
    /// Set on versions a correction replaced.
    async fn superseded_at(&self) -> Option<DateTime<Utc>> {
        self.entry.superseded_at
    }
    /// Oxygen held, Nm³.
    async fn held_nm3(&self) -> f64 {
        self.entry.held_nm3
    }
    /// Oxygen that can still be drawn, Nm³.
    async fn usable_nm3(&self) -> f64 {
        self.entry.usable_nm3
    }
    async fn received_nm3(&self) -> f64 {
        self.entry.received_nm3
    }
    async fn produced_nm3(&self) -> f64 {
        self.entry.produced_nm3
    }
    /// True when part of the stock is estimated (cylinders in use, plant output).
    async fn estimated(&self) -> bool {
        self.entry.estimated
    }
    async fn plant_fault(&self) -> bool {
        self.entry.plant_fault
    }
    async fn patients(&self) -> PatientsOnOxygen {
        patients_of(&self.entry).into()
    }
    /// `inpatient` (counted from the wards) or `entered`.
    async fn patients_from(&self) -> &str {
        &self.entry.patients_from
    }
    /// Since the previous reading (in lists of readings).
    async fn consumption(&self) -> Option<OxygenConsumption> {
        self.consumption.map(Into::into)
    }
    async fn tanks(&self) -> Vec<TankReading> {
        readings_of(&self.entry)
            .tanks
            .into_iter()
            .map(|t| {
                let (percent, kilograms) = match t.gauge {
                    de::Gauge::Percent(p) => (Some(p), None),
                    de::Gauge::Kilogram(k) => (None, Some(k)),
                };
                TankReading {
                    source_id: id(t.source),
                    percent,
                    kilograms,
                }
            })
            .collect()
    }
    async fn cylinders(&self) -> Vec<CylinderCount> {
        readings_of(&self.entry)
            .cylinders
            .into_iter()
            .map(|c| CylinderCount {
                cylinder_type_id: id(c.cylinder_type),
                full: c.full,
                in_use: c.in_use,
                empty: c.empty,
                sent_for_refill: c.sent_for_refill,
            })
            .collect()
    }
    async fn cylinders_received(&self) -> Vec<CylinderMovement> {
        readings_of(&self.entry)
            .cylinders_received
            .into_iter()
            .map(Into::into)
            .collect()
    }
    async fn cylinders_returned(&self) -> Vec<CylinderMovement> {
        readings_of(&self.entry)
            .cylinders_returned
            .into_iter()
            .map(Into::into)
            .collect()
    }
    async fn liquid_received(&self) -> Vec<LiquidDelivery> {
        readings_of(&self.entry)
            .liquid_received
            .into_iter()
            .map(|d| LiquidDelivery {
                source_id: id(d.source),
                quantity: d.quantity,
                unit: d.unit.into(),
                tanker: d.tanker,
                supplier: d.supplier,
                challan: d.challan,
            })
            .collect()
    }
    async fn plants(&self) -> Vec<PlantRun> {
        readings_of(&self.entry)
            .plants
            .into_iter()
            .map(|p| PlantRun {
                source_id: id(p.source),
                running_hours: p.running_hours,
                fault: p.fault,
            })
            .collect()
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
