//! Oxygen management's GraphQL inputs, parsed here into the domain's types.

#[allow(unused_imports)]
use super::*;
use arogya_domain::oxygen::balance::FlowNorms;
use arogya_domain::oxygen::entry as de;
use arogya_domain::oxygen::sources::{Capacity, CylinderType, SourceForm};

#[derive(InputObject)]
pub struct OxygenFlowNormsInput {
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

impl From<&OxygenFlowNormsInput> for FlowNorms {
    fn from(n: &OxygenFlowNormsInput) -> Self {
        FlowNorms {
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

/// A district's own time-to-empty thresholds.
#[derive(InputObject)]
pub struct OxygenDistrictThresholdInput {
    pub district_id: ID,
    pub warning_hours: i32,
    pub critical_hours: i32,
}

#[derive(InputObject)]
pub struct OxygenRulesInput {
    /// The code of a liquid factor from `oxygenConversionFactors`.
    pub liquid_factor: String,
    /// Litres per minute.
    pub norms: OxygenFlowNormsInput,
    /// Time to empty under this many hours is a warning.
    pub warning_hours: i32,
    /// Under this many hours, critical.
    pub critical_hours: i32,
    /// Each day's reading is due by this hour (IST, 0–23).
    pub deadline_hour: i32,
    /// Unacknowledged critical alerts go to the state after this many hours.
    #[graphql(default = 2)]
    pub escalate_after_hours: i32,
    /// Districts that set their own thresholds; the others use the tenant's.
    #[graphql(default)]
    pub district_thresholds: Vec<OxygenDistrictThresholdInput>,
    /// The rules' current version (0 before the first save).
    pub expected_version: i32,
}

#[derive(InputObject)]
pub struct OxygenCylinderTypeInput {
    /// As on challans: B, D, jumbo…
    pub code: String,
    pub name: String,
    /// Free gas in a full cylinder, litres, as labelled.
    pub gas_litres: f64,
    /// The label's reference temperature; 15 °C when left out.
    pub label_celsius: Option<f64>,
    /// For a supplier whose cylinders of this code hold a different volume.
    pub supplier: Option<String>,
}

impl OxygenCylinderTypeInput {
    pub fn parse(&self) -> ApiResult<CylinderType> {
        Ok(CylinderType::parse(
            &self.code,
            &self.name,
            self.gas_litres,
            self.label_celsius,
            self.supplier.as_deref(),
        )?)
    }
}

#[derive(InputObject)]
pub struct LmoTankInput {
    pub amount: f64,
    pub unit: LiquidUnit,
    /// The share that can be drawn: 0.9 to 0.95 for most tanks.
    pub usable_fraction: f64,
}

#[derive(InputObject)]
pub struct PsaPlantInput {
    /// Normal litres per minute.
    pub litres_per_minute: f64,
    pub purity_percent: f64,
}

#[derive(InputObject)]
pub struct CylinderBankInput {
    pub cylinder_type_id: ID,
    /// Cylinders of this type the facility holds, full or empty.
    pub owned: i32,
}

#[derive(InputObject)]
pub struct ConcentratorsInput {
    pub count: i32,
    pub litres_per_minute: f64,
}

/// What the source is, and how big.
#[derive(OneofObject)]
pub enum OxygenCapacityInput {
    LmoTank(LmoTankInput),
    PsaPlant(PsaPlantInput),
    Cylinders(CylinderBankInput),
    Concentrators(ConcentratorsInput),
}

#[derive(InputObject)]
pub struct OxygenSourceInput {
    pub name: String,
    pub capacity: OxygenCapacityInput,
    /// Beds its pipeline can feed.
    #[graphql(default)]
    pub beds_fed: i32,
}

impl OxygenSourceInput {
    pub fn parse(&self) -> ApiResult<SourceForm> {
        let capacity = match &self.capacity {
            OxygenCapacityInput::LmoTank(t) => Capacity::LmoTank {
                amount: t.amount,
                unit: t.unit.into(),
                usable_fraction: t.usable_fraction,
            },
            OxygenCapacityInput::PsaPlant(p) => Capacity::PsaPlant {
                litres_per_minute: p.litres_per_minute,
                purity_percent: p.purity_percent,
            },
            OxygenCapacityInput::Cylinders(c) => Capacity::Cylinders {
                cylinder_type: parse_id("capacity.cylinderTypeId", &c.cylinder_type_id)?,
                owned: c.owned,
            },
            OxygenCapacityInput::Concentrators(c) => Capacity::Concentrators {
                count: c.count,
                litres_per_minute: c.litres_per_minute,
            },
        };
        Ok(SourceForm::parse(&self.name, capacity, self.beds_fed)?)
    }
}

/// A tank's gauge: give the percentage or the kilograms, as the gauge shows.
#[derive(InputObject)]
pub struct TankReadingInput {
    pub source_id: ID,
    pub percent: Option<f64>,
    pub kilograms: Option<f64>,
}

#[derive(InputObject)]
pub struct CylinderCountInput {
    pub cylinder_type_id: ID,
    pub full: i32,
    pub in_use: i32,
    pub empty: i32,
    #[graphql(default)]
    pub sent_for_refill: i32,
}

#[derive(InputObject)]
pub struct CylinderMovementInput {
    pub cylinder_type_id: ID,
    pub count: i32,
    pub supplier: String,
    pub challan: Option<String>,
}

#[derive(InputObject)]
pub struct LiquidDeliveryInput {
    pub source_id: ID,
    pub quantity: f64,
    pub unit: LiquidUnit,
    pub tanker: Option<String>,
    pub supplier: String,
    pub challan: Option<String>,
}

#[derive(InputObject)]
pub struct PlantRunInput {
    pub source_id: ID,
    pub running_hours: f64,
    /// What went wrong, if anything.
    pub fault: Option<String>,
}

#[derive(InputObject, Clone, Copy)]
pub struct PatientsOnOxygenInput {
    pub nasal_cannula: i32,
    pub mask: i32,
    pub hfnc: i32,
    pub niv: i32,
    pub invasive_ventilation: i32,
}

/// One set of readings: gauges, counts, what arrived and what the plants made.
#[derive(InputObject)]
pub struct OxygenReadingsInput {
    #[graphql(default)]
    pub tanks: Vec<TankReadingInput>,
    #[graphql(default)]
    pub cylinders: Vec<CylinderCountInput>,
    /// Full cylinders received.
    #[graphql(default)]
    pub cylinders_received: Vec<CylinderMovementInput>,
    /// Empties returned.
    #[graphql(default)]
    pub cylinders_returned: Vec<CylinderMovementInput>,
    #[graphql(default)]
    pub liquid_received: Vec<LiquidDeliveryInput>,
    #[graphql(default)]
    pub plants: Vec<PlantRunInput>,
    /// Leave out to take the count from inpatient care.
    pub patients: Option<PatientsOnOxygenInput>,
}

fn ids<T>(list: &[T], name: &str, field: &str, get: impl Fn(&T) -> &ID) -> ApiResult<Vec<Uuid>> {
    list.iter()
        .enumerate()
        .map(|(i, x)| parse_id(&format!("{name}[{i}].{field}"), get(x)))
        .collect()
}

fn movements(list: &[CylinderMovementInput], name: &str) -> ApiResult<Vec<de::CylinderMovement>> {
    let types = ids(list, name, "cylinderTypeId", |m| &m.cylinder_type_id)?;
    Ok(list
        .iter()
        .zip(types)
        .map(|(m, t)| de::CylinderMovement {
            cylinder_type: t,
            count: m.count,
            supplier: m.supplier.clone(),
            challan: m.challan.clone(),
        })
        .collect())
}

impl OxygenReadingsInput {
    pub fn parse(&self) -> ApiResult<de::Readings> {
        let mut tanks = Vec::new();
        for (i, t) in self.tanks.iter().enumerate() {
            let gauge = match (t.percent, t.kilograms) {
                (Some(p), None) => de::Gauge::Percent(p),
                (None, Some(k)) => de::Gauge::Kilogram(k),
                _ => {
                    return Err(ApiError::validation(
                        &format!("tanks[{i}].percent"),
                        "give the gauge's percentage or its kilograms, one of them",
                    ))
                }
            };
            tanks.push(de::TankReading {
                source: parse_id(&format!("tanks[{i}].sourceId"), &t.source_id)?,
                gauge,
            });
        }
        let cyl_types = ids(&self.cylinders, "cylinders", "cylinderTypeId", |c| {
            &c.cylinder_type_id
        })?;
        let cylinders = self
            .cylinders
            .iter()
            .zip(cyl_types)
            .map(|(c, t)| de::CylinderCount {
                cylinder_type: t,
                full: c.full,
                in_use: c.in_use,
                empty: c.empty,
                sent_for_refill: c.sent_for_refill,
            })
            .collect();
        let tanks_in = ids(&self.liquid_received, "liquidReceived", "sourceId", |d| {
            &d.source_id
        })?;
        let liquid_received = self
            .liquid_received
            .iter()
            .zip(tanks_in)
            .map(|(d, s)| de::LiquidDelivery {
                source: s,
                quantity: d.quantity,
                unit: d.unit.into(),
                tanker: d.tanker.clone(),
                supplier: d.supplier.clone(),
                challan: d.challan.clone(),
            })
            .collect();
        let plant_ids = ids(&self.plants, "plants", "sourceId", |p| &p.source_id)?;
        let plants = self
            .plants
            .iter()
            .zip(plant_ids)
            .map(|(p, s)| de::PlantRun {
                source: s,
                running_hours: p.running_hours,
                fault: p.fault.clone().filter(|f| !f.trim().is_empty()),
            })
            .collect();
        Ok(de::Readings {
            tanks,
            cylinders,
            cylinders_received: movements(&self.cylinders_received, "cylindersReceived")?,
            cylinders_returned: movements(&self.cylinders_returned, "cylindersReturned")?,
            liquid_received,
            plants,
            patients: self.patients.map(|p| de::PatientsOnOxygen {
                nasal_cannula: p.nasal_cannula,
                mask: p.mask,
                hfnc: p.hfnc,
                niv: p.niv,
                invasive_ventilation: p.invasive_ventilation,
            }),
        })
    }
}
