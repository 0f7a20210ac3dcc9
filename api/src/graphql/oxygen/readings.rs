//! A reading of the daily register over GraphQL: its stock, what was read and counted,
//! and what was used since the one before.

#[allow(unused_imports)]
use super::*;
use crate::app::oxygen::register::{patients_of, readings_of, ReadingView};
use arogya_domain::oxygen::balance::Interval;
use arogya_domain::oxygen::entry as de;
use arogya_infra::repos::oxygen::entries::EntryRecord;

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
