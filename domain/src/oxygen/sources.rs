//! A facility's oxygen sources and the cylinder types a tenant's suppliers fill.
//!
//! Each source keeps its capacity in the unit it was declared in (a tank in
//! kilolitres, a plant in litres per minute) and, beside it, that capacity in Nm³ so
//! stock from different sources adds up.

use super::units::{to_normal, Converter, LiquidUnit};
use crate::error::{Checks, DomainError, DomainResult};
use crate::inpatient::line;
use uuid::Uuid;

text_enum!(
    /// Where a facility's oxygen comes from.
    SourceKind, "kind" {
    LmoTank => "lmo_tank",
    PsaPlant => "psa_plant",
    Cylinders => "cylinders",
    Concentrators => "concentrators",
});

/// A cylinder type: how much gas a full one holds, as labelled.
#[derive(Debug, Clone, PartialEq)]
pub struct CylinderType {
    /// Short code on challans: `B`, `D`, `jumbo`.
    pub code: String,
    pub name: String,
    /// Free gas in a full cylinder, litres, as the label states.
    pub gas_litres: f64,
    /// The temperature the label's litres refer to (usually 15 °C).
    pub label_celsius: f64,
    /// A supplier whose cylinders of this code hold a different volume; none is any.
    pub supplier: Option<String>,
}

impl CylinderType {
    pub fn parse(
        code: &str,
        name: &str,
        gas_litres: f64,
        label_celsius: Option<f64>,
        supplier: Option<&str>,
    ) -> DomainResult<Self> {
        let mut c = Checks::new();
        let code = c.take(line(code, "code", 1, 20));
        let name = c.take(line(name, "name", 1, 80));
        if !(gas_litres.is_finite() && (50.0..=20_000.0).contains(&gas_litres)) {
            c.take::<()>(Err(DomainError::validation(
                "gasLitres",
                "a full cylinder holds 50 to 20,000 litres of gas",
            )));
        }
        let label_celsius = label_celsius.unwrap_or(15.0);
        if !(label_celsius.is_finite() && (-10.0..=40.0).contains(&label_celsius)) {
            c.take::<()>(Err(DomainError::validation(
                "labelCelsius",
                "the label's temperature is between -10 and 40 °C",
            )));
        }
        let supplier = c.take(super::optional_text(supplier, "supplier", 120));
        c.done()?;
        Ok(Self {
            code: code.unwrap_or_default(),
            name: name.unwrap_or_default(),
            gas_litres,
            label_celsius,
            supplier: supplier.flatten(),
        })
    }

    /// Nm³ in one full cylinder.
    pub fn nm3_per_cylinder(&self) -> f64 {
        to_normal(self.gas_litres / 1000.0, self.label_celsius)
    }
}

/// What a source can hold or make, in the units it was declared in.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Capacity {
    LmoTank {
        amount: f64,
        unit: LiquidUnit,
        /// The share of the tank that can be drawn (the last 5–10 % cannot).
        usable_fraction: f64,
    },
    PsaPlant {
        /// Normal litres of oxygen per minute.
        litres_per_minute: f64,
        purity_percent: f64,
    },
    Cylinders {
        cylinder_type: Uuid,
        /// Cylinders of this type the facility holds, full or empty.
        owned: i32,
    },
    Concentrators {
        count: i32,
        litres_per_minute: f64,
    },
}

impl Capacity {
    pub fn kind(&self) -> SourceKind {
        match self {
            Capacity::LmoTank { .. } => SourceKind::LmoTank,
            Capacity::PsaPlant { .. } => SourceKind::PsaPlant,
            Capacity::Cylinders { .. } => SourceKind::Cylinders,
            Capacity::Concentrators { .. } => SourceKind::Concentrators,
        }
    }

    /// What can be stored, in Nm³ (plants and concentrators store nothing).
    /// `cylinder_nm3`: Nm³ in a full cylinder of the source's type.
    pub fn storage_nm3(&self, conv: &Converter, cylinder_nm3: f64) -> f64 {
        match self {
            Capacity::LmoTank { amount, unit, .. } => conv.nm3(*amount, *unit),
            Capacity::Cylinders { owned, .. } => *owned as f64 * cylinder_nm3,
            _ => 0.0,
        }
    }

    /// What is made per hour, in Nm³.
    pub fn output_nm3_per_hour(&self) -> f64 {
        match self {
            Capacity::PsaPlant {
                litres_per_minute, ..
            } => litres_per_minute * 60.0 / 1000.0,
            Capacity::Concentrators {
                count,
                litres_per_minute,
            } => *count as f64 * litres_per_minute * 60.0 / 1000.0,
            _ => 0.0,
        }
    }
}

/// A declared source.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceForm {
    pub name: String,
    pub capacity: Capacity,
    /// How many beds the source's pipeline can feed.
    pub beds_fed: i32,
}

fn positive(v: f64, max: f64, field: &str, what: &str) -> DomainResult<f64> {
    if v.is_finite() && v > 0.0 && v <= max {
        Ok(v)
    } else {
        Err(DomainError::validation(
            field,
            format!("{what} must be more than 0 and at most {max}"),
        ))
    }
}

impl SourceForm {
    pub fn parse(name: &str, capacity: Capacity, beds_fed: i32) -> DomainResult<Self> {
        let mut c = Checks::new();
        let name = c.take(line(name, "name", 1, 80));
        match &capacity {
            Capacity::LmoTank {
                amount,
                unit,
                usable_fraction,
            } => {
                let max = match unit {
                    LiquidUnit::Litre => 100_000.0,
                    LiquidUnit::Kilolitre => 100.0,
                    LiquidUnit::Kilogram => 120_000.0,
                };
                c.take(positive(
                    *amount,
                    max,
                    "capacity.amount",
                    "a tank's capacity",
                ));
                if !(usable_fraction.is_finite() && (0.5..=1.0).contains(usable_fraction)) {
                    c.take::<()>(Err(DomainError::validation(
                        "capacity.usableFraction",
                        "the usable share of a tank is between 0.5 and 1 (the last 5 to 10 % cannot be drawn: 0.9 to 0.95)",
                    )));
                }
            }
            Capacity::PsaPlant {
                litres_per_minute,
                purity_percent,
            } => {
                c.take(positive(
                    *litres_per_minute,
                    20_000.0,
                    "capacity.litresPerMinute",
                    "a plant's output",
                ));
                if !(purity_percent.is_finite() && (82.0..=100.0).contains(purity_percent)) {
                    c.take::<()>(Err(DomainError::validation(
                        "capacity.purityPercent",
                        "medical oxygen from a PSA plant is 82 to 100 % pure",
                    )));
                }
            }
            Capacity::Cylinders { owned, .. } => {
                if !(0..=100_000).contains(owned) {
                    c.take::<()>(Err(DomainError::validation(
                        "capacity.owned",
                        "cylinders held must be 0 to 100000",
                    )));
                }
            }
            Capacity::Concentrators {
                count,
                litres_per_minute,
            } => {
                if !(1..=10_000).contains(count) {
                    c.take::<()>(Err(DomainError::validation(
                        "capacity.count",
                        "concentrators must be 1 to 10000",
                    )));
                }
                c.take(positive(
                    *litres_per_minute,
                    20.0,
                    "capacity.litresPerMinute",
                    "a concentrator's flow",
                ));
            }
        }
        if !(0..=5000).contains(&beds_fed) {
            c.take::<()>(Err(DomainError::validation(
                "bedsFed",
                "beds fed must be 0 to 5000",
            )));
        }
        c.done()?;
        Ok(Self {
            name: name.unwrap_or_default(),
            capacity,
            beds_fed,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_jumbo_cylinder_labelled_7000_litres_holds_6_64_nm3() {
        let d = CylinderType::parse("D", "Jumbo (D type)", 7000.0, None, None).unwrap();
        assert!((d.nm3_per_cylinder() - 6.6357).abs() < 1e-3);
        let b = CylinderType::parse("B", "B type", 1500.0, Some(15.0), Some(" ")).unwrap();
        assert_eq!(b.supplier, None);
        assert!(CylinderType::parse("", "x", 10.0, None, None).is_err());
    }

    #[test]
    fn each_kind_checks_its_own_numbers_and_names_the_field() {
        let bad = SourceForm::parse(
            "Tank",
            Capacity::LmoTank {
                amount: 10.0,
                unit: LiquidUnit::Kilolitre,
                usable_fraction: 0.2,
            },
            20,
        )
        .unwrap_err();
        assert!(bad.to_string().contains("usableFraction"), "{bad}");
        let psa = SourceForm::parse(
            "PSA 1",
            Capacity::PsaPlant {
                litres_per_minute: 1000.0,
                purity_percent: 93.0,
            },
            100,
        )
        .unwrap();
        assert!((psa.capacity.output_nm3_per_hour() - 60.0).abs() < 1e-9);
        assert_eq!(psa.capacity.kind(), SourceKind::PsaPlant);
        assert!(SourceForm::parse(
            "C",
            Capacity::Concentrators {
                count: 0,
                litres_per_minute: 5.0
            },
            0
        )
        .is_err());
    }

    #[test]
    fn storage_is_counted_in_normal_cubic_metres() {
        let conv = Converter::default();
        let tank = Capacity::LmoTank {
            amount: 10.0,
            unit: LiquidUnit::Kilolitre,
            usable_fraction: 0.9,
        };
        assert!((tank.storage_nm3(&conv, 0.0) - 7995.0).abs() < 1e-6);
        let cyl = Capacity::Cylinders {
            cylinder_type: Uuid::nil(),
            owned: 50,
        };
        assert!((cyl.storage_nm3(&conv, 6.6) - 330.0).abs() < 1e-9);
    }
}
