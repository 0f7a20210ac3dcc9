//! The daily oxygen register: what an oxygen officer reads off gauges and counts, and
//! the stock it comes to in Nm³. Consumption is never typed in: it is derived from
//! two readings by stock balance (`balance`).

use super::units::{Converter, LiquidUnit};
use crate::error::{Checks, DomainError, DomainResult};
use std::collections::HashMap;
use uuid::Uuid;

/// A tank's gauge, as it reads.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "unit", content = "value", rename_all = "snake_case")]
pub enum Gauge {
    Percent(f64),
    Kilogram(f64),
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TankReading {
    pub source: Uuid,
    pub gauge: Gauge,
}

#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct CylinderCount {
    pub cylinder_type: Uuid,
    pub full: i32,
    pub in_use: i32,
    pub empty: i32,
    pub sent_for_refill: i32,
}

/// Cylinders received full, or empties returned, on one challan.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CylinderMovement {
    pub cylinder_type: Uuid,
    pub count: i32,
    pub supplier: String,
    pub challan: Option<String>,
}

/// Liquid received into a tank from a tanker.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LiquidDelivery {
    pub source: Uuid,
    pub quantity: f64,
    pub unit: LiquidUnit,
    pub tanker: Option<String>,
    pub supplier: String,
    pub challan: Option<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PlantRun {
    pub source: Uuid,
    pub running_hours: f64,
    pub fault: Option<String>,
}

/// Patients on oxygen, by how it is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct PatientsOnOxygen {
    pub nasal_cannula: i32,
    pub mask: i32,
    pub hfnc: i32,
    pub niv: i32,
    pub invasive_ventilation: i32,
}

impl PatientsOnOxygen {
    pub fn total(&self) -> i32 {
        self.nasal_cannula + self.mask + self.hfnc + self.niv + self.invasive_ventilation
    }
}

/// Everything read and counted at one time.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Readings {
    pub tanks: Vec<TankReading>,
    pub cylinders: Vec<CylinderCount>,
    pub cylinders_received: Vec<CylinderMovement>,
    pub cylinders_returned: Vec<CylinderMovement>,
    pub liquid_received: Vec<LiquidDelivery>,
    pub plants: Vec<PlantRun>,
    /// `None`: taken from inpatient care.
    pub patients: Option<PatientsOnOxygen>,
}

/// What the facility declared, as the checks need it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DeclaredSource {
    Tank {
        capacity: f64,
        unit: LiquidUnit,
        usable_fraction: f64,
    },
    Plant {
        nm3_per_hour: f64,
    },
    Cylinders {
        cylinder_type: Uuid,
        owned: i32,
    },
    Other,
}

/// The facility's declared sources and its tenant's cylinder volumes.
#[derive(Debug, Clone, Default)]
pub struct Declared {
    pub sources: HashMap<Uuid, DeclaredSource>,
    /// Nm³ in a full cylinder, by type.
    pub cylinder_nm3: HashMap<Uuid, f64>,
}

/// The stock one set of readings comes to, and what arrived and was made since the
/// previous reading, all in Nm³.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Stock {
    /// Oxygen held: tanks' contents, full cylinders, half of those in use.
    pub held: f64,
    /// What can still be drawn: tanks above their undrawable reserve, and cylinders.
    pub usable: f64,
    pub received: f64,
    pub produced: f64,
    /// True when any part is an estimate (cylinders in use counted as half full, a
    /// plant's output from its running hours and rating).
    pub estimated: bool,
    pub plant_fault: bool,
}

fn bad(field: String, message: String) -> DomainResult<()> {
    Err(DomainError::validation(field, message))
}

fn count(c: &mut Checks, v: i32, field: String) {
    if !(0..=100_000).contains(&v) {
        c.take(bad(field, "must be 0 to 100000".into()));
    }
}

fn text(c: &mut Checks, v: &Option<String>, field: String) {
    if let Some(t) = v {
        c.take(super::optional_text(Some(t.as_str()), &field, 80));
    }
}

/// Check the readings against the declared sources (a reading above capacity is
/// refused, naming the field) and work out the stock.
/// `hours_since_last`: how long since the previous reading, which bounds a plant's
/// running hours (24 when there is none).
pub fn assess(
    r: &Readings,
    declared: &Declared,
    conv: &Converter,
    hours_since_last: f64,
) -> DomainResult<Stock> {
    let mut c = Checks::new();
    let mut s = Stock::default();
    for (i, t) in r.tanks.iter().enumerate() {
        let field = match t.gauge {
            Gauge::Percent(_) => format!("tanks[{i}].percent"),
            Gauge::Kilogram(_) => format!("tanks[{i}].kilograms"),
        };
        let Some(DeclaredSource::Tank {
            capacity,
            unit,
            usable_fraction,
        }) = declared.sources.get(&t.source)
        else {
            c.take(bad(
                format!("tanks[{i}].source"),
                "not a liquid oxygen tank of this facility".into(),
            ));
            continue;
        };
        let full = conv.nm3(*capacity, *unit);
        let held = match t.gauge {
            Gauge::Percent(p) if p.is_finite() && (0.0..=100.0).contains(&p) => full * p / 100.0,
            Gauge::Percent(p) => {
                c.take(bad(field, format!("a gauge reads 0 to 100 %, not {p}")));
                continue;
            }
            Gauge::Kilogram(kg) => {
                let cap_kg = conv.kg(*capacity, *unit);
                if !(kg.is_finite() && kg >= 0.0 && kg <= cap_kg * 1.001) {
                    c.take(bad(
                        field,
                        format!("{kg} kg is more than the tank holds ({:.0} kg)", cap_kg),
                    ));
                    continue;
                }
                conv.nm3(kg, LiquidUnit::Kilogram)
            }
        };
        s.held += held;
        s.usable += (held - full * (1.0 - usable_fraction)).max(0.0);
    }
    for (i, n) in r.cylinders.iter().enumerate() {
        for (v, name) in [
            (n.full, "full"),
            (n.in_use, "inUse"),
            (n.empty, "empty"),
            (n.sent_for_refill, "sentForRefill"),
        ] {
            count(&mut c, v, format!("cylinders[{i}].{name}"));
        }
        let Some(per) = declared.cylinder_nm3.get(&n.cylinder_type) else {
            c.take(bad(
                format!("cylinders[{i}].cylinderType"),
                "not a cylinder type of this tenant".into(),
            ));
            continue;
        };
        let owned: i32 = declared
            .sources
            .values()
            .filter_map(|d| match d {
                DeclaredSource::Cylinders {
                    cylinder_type,
                    owned,
                } if *cylinder_type == n.cylinder_type => Some(*owned),
                _ => None,
            })
            .sum();
        let counted = n.full + n.in_use + n.empty + n.sent_for_refill;
        if counted > owned {
            c.take(bad(
                format!("cylinders[{i}].full"),
                format!(
                    "{} full, {} in use, {} empty and {} sent for refill make {counted}, more than the {owned} cylinders of this type the facility holds",
                    n.full, n.in_use, n.empty, n.sent_for_refill
                ),
            ));
            continue;
        }
        let held = (n.full as f64 + 0.5 * n.in_use as f64) * per;
        if n.in_use > 0 {
            s.estimated = true;
        }
        s.held += held;
        s.usable += held;
    }
    for (i, m) in r.cylinders_received.iter().enumerate() {
        count(&mut c, m.count, format!("cylindersReceived[{i}].count"));
        c.take(super::required_text(
            &m.supplier,
            &format!("cylindersReceived[{i}].supplier"),
            120,
        ));
        text(
            &mut c,
            &m.challan,
            format!("cylindersReceived[{i}].challan"),
        );
        match declared.cylinder_nm3.get(&m.cylinder_type) {
            Some(per) => s.received += m.count as f64 * per,
            None => {
                c.take(bad(
                    format!("cylindersReceived[{i}].cylinderType"),
                    "not a cylinder type of this tenant".into(),
                ));
            }
        }
    }
    for (i, m) in r.cylinders_returned.iter().enumerate() {
        count(&mut c, m.count, format!("cylindersReturned[{i}].count"));
        c.take(super::required_text(
            &m.supplier,
            &format!("cylindersReturned[{i}].supplier"),
            120,
        ));
        text(
            &mut c,
            &m.challan,
            format!("cylindersReturned[{i}].challan"),
        );
        if !declared.cylinder_nm3.contains_key(&m.cylinder_type) {
            c.take(bad(
                format!("cylindersReturned[{i}].cylinderType"),
                "not a cylinder type of this tenant".into(),
            ));
        }
    }
    for (i, d) in r.liquid_received.iter().enumerate() {
        let field = format!("liquidReceived[{i}].quantity");
        c.take(super::required_text(
            &d.supplier,
            &format!("liquidReceived[{i}].supplier"),
            120,
        ));
        text(&mut c, &d.tanker, format!("liquidReceived[{i}].tanker"));
        text(&mut c, &d.challan, format!("liquidReceived[{i}].challan"));
        let Some(DeclaredSource::Tank { capacity, unit, .. }) = declared.sources.get(&d.source)
        else {
            c.take(bad(
                format!("liquidReceived[{i}].source"),
                "not a liquid oxygen tank of this facility".into(),
            ));
            continue;
        };
        let nm3 = conv.nm3(d.quantity, d.unit);
        if !(d.quantity.is_finite() && d.quantity > 0.0) {
            c.take(bad(field, "a delivery is more than 0".into()));
        } else if nm3 > conv.nm3(*capacity, *unit) * 1.001 {
            c.take(bad(
                field,
                "a delivery cannot be more than the tank holds".into(),
            ));
        } else {
            s.received += nm3;
        }
    }
    for (i, p) in r.plants.iter().enumerate() {
        let Some(DeclaredSource::Plant { nm3_per_hour }) = declared.sources.get(&p.source) else {
            c.take(bad(
                format!("plants[{i}].source"),
                "not a PSA plant of this facility".into(),
            ));
            continue;
        };
        let limit = hours_since_last.max(0.0);
        if !(p.running_hours.is_finite()
            && p.running_hours >= 0.0
            && p.running_hours <= limit + 1e-9)
        {
            c.take(bad(
                format!("plants[{i}].runningHours"),
                format!(
                    "a plant runs 0 to {limit:.1} hours between these readings, not {}",
                    p.running_hours
                ),
            ));
            continue;
        }
        text(&mut c, &p.fault, format!("plants[{i}].fault"));
        if p.running_hours > 0.0 {
            s.estimated = true;
        }
        s.produced += p.running_hours * nm3_per_hour;
        s.plant_fault |= p.fault.as_deref().is_some_and(|f| !f.trim().is_empty());
    }
    if let Some(p) = r.patients {
        for (v, name) in [
            (p.nasal_cannula, "nasalCannula"),
            (p.mask, "mask"),
            (p.hfnc, "hfnc"),
            (p.niv, "niv"),
            (p.invasive_ventilation, "invasiveVentilation"),
        ] {
            count(&mut c, v, format!("patients.{name}"));
        }
    }
    if r.tanks.is_empty() && r.cylinders.is_empty() && r.plants.is_empty() {
        c.take(bad(
            "tanks".into(),
            "read at least one tank, count the cylinders or log a plant".into(),
        ));
    }
    c.done()?;
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn declared() -> (Declared, Uuid, Uuid, Uuid) {
        let tank = Uuid::from_u128(1);
        let plant = Uuid::from_u128(2);
        let d_type = Uuid::from_u128(3);
        let mut d = Declared::default();
        d.sources.insert(
            tank,
            DeclaredSource::Tank {
                capacity: 10.0,
                unit: LiquidUnit::Kilolitre,
                usable_fraction: 0.9,
            },
        );
        d.sources
            .insert(plant, DeclaredSource::Plant { nm3_per_hour: 60.0 });
        d.sources.insert(
            Uuid::from_u128(4),
            DeclaredSource::Cylinders {
                cylinder_type: d_type,
                owned: 50,
            },
        );
        d.cylinder_nm3.insert(d_type, 6.6);
        (d, tank, plant, d_type)
    }

    #[test]
    fn half_a_ten_kilolitre_tank_and_twenty_jumbo_cylinders() {
        let (d, tank, _, d_type) = declared();
        let r = Readings {
            tanks: vec![TankReading {
                source: tank,
                gauge: Gauge::Percent(50.0),
            }],
            cylinders: vec![CylinderCount {
                cylinder_type: d_type,
                full: 20,
                in_use: 4,
                empty: 10,
                sent_for_refill: 6,
            }],
            ..Default::default()
        };
        let s = assess(&r, &d, &Converter::default(), 24.0).unwrap();
        // 3,997.5 in the tank, 20 × 6.6 + 4 × 3.3 in cylinders.
        assert!(
            (s.held - (3997.5 + 132.0 + 13.2)).abs() < 1e-6,
            "{}",
            s.held
        );
        // The last 10 % of the tank (799.5) cannot be drawn.
        assert!((s.usable - (3198.0 + 145.2)).abs() < 1e-6, "{}", s.usable);
        assert!(s.estimated);
    }

    #[test]
    fn a_reading_above_capacity_is_refused_naming_the_field() {
        let (d, tank, plant, d_type) = declared();
        let r = Readings {
            tanks: vec![TankReading {
                source: tank,
                gauge: Gauge::Kilogram(12_000.0),
            }],
            cylinders: vec![CylinderCount {
                cylinder_type: d_type,
                full: 45,
                in_use: 10,
                ..Default::default()
            }],
            plants: vec![PlantRun {
                source: plant,
                running_hours: 30.0,
                fault: None,
            }],
            ..Default::default()
        };
        let Err(DomainError::Problems(ps)) = assess(&r, &d, &Converter::default(), 24.0) else {
            panic!("three problems expected");
        };
        let fields: Vec<&str> = ps.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "tanks[0].kilograms",
                "cylinders[0].full",
                "plants[0].runningHours"
            ]
        );
        assert!(ps[0].message.contains("11425 kg"), "{}", ps[0].message);
    }

    #[test]
    fn deliveries_and_plant_output_count_as_received_and_produced() {
        let (d, tank, plant, d_type) = declared();
        let r = Readings {
            tanks: vec![TankReading {
                source: tank,
                gauge: Gauge::Percent(80.0),
            }],
            liquid_received: vec![LiquidDelivery {
                source: tank,
                quantity: 3.0,
                unit: LiquidUnit::Kilolitre,
                tanker: Some("WB-23-1234".into()),
                supplier: "Linde".into(),
                challan: Some("CH-1".into()),
            }],
            cylinders_received: vec![CylinderMovement {
                cylinder_type: d_type,
                count: 10,
                supplier: "Refiller".into(),
                challan: None,
            }],
            plants: vec![PlantRun {
                source: plant,
                running_hours: 20.0,
                fault: Some("compressor tripped".into()),
            }],
            ..Default::default()
        };
        let s = assess(&r, &d, &Converter::default(), 24.0).unwrap();
        assert!((s.received - (2398.5 + 66.0)).abs() < 1e-6);
        assert!((s.produced - 1200.0).abs() < 1e-6);
        assert!(s.plant_fault && s.estimated);
    }

    #[test]
    fn a_reading_needs_something_read() {
        let (d, ..) = declared();
        assert!(assess(&Readings::default(), &d, &Converter::default(), 24.0).is_err());
    }
}
