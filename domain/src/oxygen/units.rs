//! One canonical measure of oxygen, and every conversion into it, kept as data.
//!
//! Everything Arogya stores about oxygen stock, deliveries and consumption is in
//! **normal cubic metres of gaseous oxygen (Nm³: 0 °C, 101.325 kPa)**. Published
//! factors disagree because they state gas at different temperatures (860 L of gas per
//! litre of liquid at 15 °C, 840 at 20 °C, 799.5 at 0 °C), so each factor below names
//! its unit, its reference temperature and where it comes from; a tenant picks which
//! liquid factor its suppliers' challans use. The same table is served by the API
//! (`oxygenConversionFactors`) and printed in `docs/OXYGEN.md`.

use crate::error::{DomainError, DomainResult};

/// 0 °C in kelvin: the temperature of a normal cubic metre.
pub const ZERO_CELSIUS_K: f64 = 273.15;
/// Density of gaseous oxygen at 0 °C and 101.325 kPa, kg per m³.
pub const GAS_DENSITY_KG_PER_NM3: f64 = 1.429;
/// Density of liquid oxygen at its boiling point (−183 °C), kg per litre.
pub const LIQUID_DENSITY_KG_PER_L: f64 = 1.141;

/// One factor: how many Nm³ one `unit` of oxygen is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ConversionFactor {
    pub code: &'static str,
    /// What is being converted (`litre of liquid oxygen`, `kilogram of oxygen`, …).
    pub unit: &'static str,
    /// Nm³ of gaseous oxygen per unit.
    pub nm3_per_unit: f64,
    /// The factor as its source states it.
    pub stated_as: &'static str,
    /// The temperature the stated gas volume refers to, °C.
    pub reference_celsius: f64,
    pub source: &'static str,
}

/// Gas volume stated at `celsius` (and atmospheric pressure) brought to 0 °C.
pub fn to_normal(cubic_metres: f64, celsius: f64) -> f64 {
    cubic_metres * ZERO_CELSIUS_K / (ZERO_CELSIUS_K + celsius)
}

/// Every factor Arogya knows; the first liquid factor is the default.
pub const FACTORS: [ConversionFactor; 5] = [
    ConversionFactor {
        code: "liquid_litre_0c",
        unit: "litre of liquid oxygen",
        nm3_per_unit: 0.7995,
        stated_as: "1 L of liquid = 0.7995 Nm³ (799.5 L of gas at 0 °C)",
        reference_celsius: 0.0,
        source: "gas suppliers' conversion tables at 0 °C, 1 atm (the densities 1.141 kg/L and 1.429 kg/m³ give 0.7985)",
    },
    ConversionFactor {
        code: "liquid_litre_15c",
        unit: "litre of liquid oxygen",
        nm3_per_unit: 0.860 * ZERO_CELSIUS_K / (ZERO_CELSIUS_K + 15.0),
        stated_as: "1 L of liquid = 860 L of gas at 15 °C",
        reference_celsius: 15.0,
        source: "industrial gas suppliers' tables (gas at 15 °C, 1 atm), brought to 0 °C",
    },
    ConversionFactor {
        code: "liquid_litre_20c",
        unit: "litre of liquid oxygen",
        nm3_per_unit: 0.840 * ZERO_CELSIUS_K / (ZERO_CELSIUS_K + 20.0),
        stated_as: "1 L of liquid = 840 L of gas at 20 °C",
        reference_celsius: 20.0,
        source: "industrial gas suppliers' tables (gas at 20 °C, 1 atm), brought to 0 °C",
    },
    ConversionFactor {
        code: "kilogram",
        unit: "kilogram of oxygen",
        nm3_per_unit: 1.0 / GAS_DENSITY_KG_PER_NM3,
        stated_as: "1 kg = 0.6998 Nm³",
        reference_celsius: 0.0,
        source: "density of gaseous oxygen at 0 °C, 1 atm (1.429 kg/m³)",
    },
    ConversionFactor {
        code: "gas_litre_15c",
        unit: "litre of gas as labelled on a cylinder",
        nm3_per_unit: 0.001 * ZERO_CELSIUS_K / (ZERO_CELSIUS_K + 15.0),
        stated_as: "1 L of gas at 15 °C = 0.000948 Nm³",
        reference_celsius: 15.0,
        source: "ideal gas at atmospheric pressure; cylinder labels state free gas at 15 °C",
    },
];

/// The default liquid factor: the density-based one, stated at 0 °C like Nm³ itself.
pub const DEFAULT_LIQUID_FACTOR: &str = "liquid_litre_0c";

pub fn factor(code: &str) -> Option<&'static ConversionFactor> {
    FACTORS.iter().find(|f| f.code == code)
}

/// A factor for litres of liquid, as a tenant's setting.
pub fn liquid_factor(code: &str) -> DomainResult<&'static ConversionFactor> {
    factor(code)
        .filter(|f| f.code.starts_with("liquid_"))
        .ok_or_else(|| {
            DomainError::validation(
                "liquidFactor",
                format!(
                    "unknown liquid factor {code}; use one of {}",
                    FACTORS
                        .iter()
                        .filter(|f| f.code.starts_with("liquid_"))
                        .map(|f| f.code)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
        })
}

text_enum!(
    /// How a liquid quantity is given: a tank's capacity, a tanker's delivery, a
    /// gauge in kilograms.
    LiquidUnit, "unit" {
    Litre => "litre",
    Kilolitre => "kilolitre",
    Kilogram => "kilogram",
});

/// Converts liquid quantities with the tenant's chosen liquid factor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Converter {
    pub liquid: &'static ConversionFactor,
}

impl Default for Converter {
    fn default() -> Self {
        Self {
            liquid: factor(DEFAULT_LIQUID_FACTOR).expect("the default factor is listed"),
        }
    }
}

impl Converter {
    pub fn new(liquid_code: &str) -> DomainResult<Self> {
        Ok(Self {
            liquid: liquid_factor(liquid_code)?,
        })
    }

    /// Nm³ of `amount` in `unit`.
    pub fn nm3(&self, amount: f64, unit: LiquidUnit) -> f64 {
        match unit {
            LiquidUnit::Litre => amount * self.liquid.nm3_per_unit,
            LiquidUnit::Kilolitre => amount * 1000.0 * self.liquid.nm3_per_unit,
            LiquidUnit::Kilogram => amount / GAS_DENSITY_KG_PER_NM3,
        }
    }

    /// Kilograms of oxygen in `amount` of `unit` (to compare a kg gauge with a tank
    /// declared in litres).
    pub fn kg(&self, amount: f64, unit: LiquidUnit) -> f64 {
        self.nm3(amount, unit) * GAS_DENSITY_KG_PER_NM3
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-3
    }

    #[test]
    fn published_factors_agree_once_brought_to_zero_celsius() {
        let at0 = factor("liquid_litre_0c").unwrap().nm3_per_unit;
        let at15 = factor("liquid_litre_15c").unwrap().nm3_per_unit;
        let at20 = factor("liquid_litre_20c").unwrap().nm3_per_unit;
        assert!(close(at0, 0.7995), "{at0}");
        assert!(close(
            LIQUID_DENSITY_KG_PER_L / GAS_DENSITY_KG_PER_NM3,
            0.7985
        ));
        assert!(close(at15, 0.8152), "{at15}");
        assert!(close(at20, 0.7827), "{at20}");
        // The three disagree by a few per cent, not by ten times.
        assert!(at15 / at20 < 1.05 && at0 / at20 < 1.03);
    }

    #[test]
    fn a_ten_kilolitre_tank_holds_about_eight_thousand_normal_cubic_metres() {
        let c = Converter::default();
        assert!(close(c.nm3(10.0, LiquidUnit::Kilolitre), 7995.0));
        assert!(close(c.nm3(1429.0, LiquidUnit::Kilogram), 1000.0));
        assert!(close(c.kg(1.0, LiquidUnit::Litre), 1.1425));
    }

    #[test]
    fn only_liquid_factors_can_be_a_tenants_liquid_factor() {
        assert!(Converter::new("liquid_litre_15c").is_ok());
        assert!(Converter::new("kilogram").is_err());
        assert!(Converter::new("nonsense").is_err());
    }

    #[test]
    fn a_d_type_cylinder_of_7000_litres_at_15c_is_6_6_nm3() {
        assert!(close(to_normal(7.0, 15.0), 6.6357));
    }
}
