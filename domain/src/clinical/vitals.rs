//! Vital signs. Values outside what a body can show are refused; values outside the
//! usual adult range are kept and flagged, because a sick patient's numbers are
//! exactly the ones that must not be lost.

use crate::error::{Checks, DomainError, DomainResult};
use serde::{Deserialize, Serialize};

/// The raw values of a vitals form; every measurement is optional, at least one is given.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Vitals {
    pub systolic_mm_hg: Option<i32>,
    pub diastolic_mm_hg: Option<i32>,
    pub pulse_per_min: Option<i32>,
    pub temperature_c: Option<f64>,
    pub spo2_percent: Option<i32>,
    pub respiratory_rate_per_min: Option<i32>,
    pub weight_kg: Option<f64>,
    pub height_cm: Option<f64>,
    pub blood_glucose_mg_dl: Option<f64>,
    /// Fasting, random or post-meal, when glucose is given.
    pub glucose_timing: Option<GlucoseTiming>,
}

text_enum!(GlucoseTiming, "glucoseTiming" {
    Fasting => "fasting",
    Random => "random",
    PostPrandial => "post_prandial",
});

/// A value outside the usual range: kept, and shown with a warning naming the
/// measurement, its value and the usual range (parts a client can translate).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VitalFlag {
    pub field: String,
    /// `true` above the usual range, `false` below.
    pub high: bool,
    pub value: f64,
    pub usual_low: f64,
    pub usual_high: f64,
    pub unit: String,
    pub message: String,
}

struct Limits {
    field: &'static str,
    unit: &'static str,
    /// What a living body can show; outside is a typing mistake.
    possible: (f64, f64),
    /// The usual adult range; outside is flagged.
    usual: (f64, f64),
}

const SYSTOLIC: Limits = Limits {
    field: "systolicMmHg",
    unit: "mmHg",
    possible: (40.0, 300.0),
    usual: (90.0, 139.0),
};
const DIASTOLIC: Limits = Limits {
    field: "diastolicMmHg",
    unit: "mmHg",
    possible: (20.0, 200.0),
    usual: (60.0, 89.0),
};
const PULSE: Limits = Limits {
    field: "pulsePerMin",
    unit: "/min",
    possible: (20.0, 300.0),
    usual: (50.0, 100.0),
};
const TEMPERATURE: Limits = Limits {
    field: "temperatureC",
    unit: "°C",
    possible: (25.0, 45.0),
    usual: (36.1, 37.5),
};
const SPO2: Limits = Limits {
    field: "spo2Percent",
    unit: "%",
    possible: (0.0, 100.0),
    usual: (94.0, 100.0),
};
const RESPIRATION: Limits = Limits {
    field: "respiratoryRatePerMin",
    unit: "/min",
    possible: (2.0, 100.0),
    usual: (12.0, 20.0),
};
const WEIGHT: Limits = Limits {
    field: "weightKg",
    unit: "kg",
    possible: (0.3, 400.0),
    usual: (0.3, 400.0),
};
const HEIGHT: Limits = Limits {
    field: "heightCm",
    unit: "cm",
    possible: (20.0, 260.0),
    usual: (20.0, 260.0),
};
const GLUCOSE: Limits = Limits {
    field: "bloodGlucoseMgDl",
    unit: "mg/dL",
    possible: (10.0, 1500.0),
    usual: (70.0, 140.0),
};
const BMI: Limits = Limits {
    field: "bmi",
    unit: "kg/m²",
    possible: (5.0, 200.0),
    usual: (18.5, 24.9),
};

impl Limits {
    /// The measurement's name in words, for messages.
    fn label(&self) -> &'static str {
        match self.field {
            "systolicMmHg" => "Systolic blood pressure",
            "diastolicMmHg" => "Diastolic blood pressure",
            "pulsePerMin" => "Pulse",
            "temperatureC" => "Temperature",
            "spo2Percent" => "SpO2",
            "respiratoryRatePerMin" => "Respiratory rate",
            "weightKg" => "Weight",
            "heightCm" => "Height",
            "bloodGlucoseMgDl" => "Blood glucose",
            "bmi" => "BMI",
            _ => "Value",
        }
    }

    fn check(&self, value: Option<f64>, flags: &mut Vec<VitalFlag>) -> DomainResult<()> {
        let Some(v) = value else { return Ok(()) };
        let (lo, hi) = self.possible;
        if !v.is_finite() || v < lo || v > hi {
            return Err(DomainError::validation(
                self.field,
                format!("{v} {} is not possible: expected {lo} to {hi}", self.unit),
            ));
        }
        let (ulo, uhi) = self.usual;
        if v < ulo || v > uhi {
            let high = v > uhi;
            flags.push(VitalFlag {
                field: self.field.into(),
                high,
                value: v,
                usual_low: ulo,
                usual_high: uhi,
                unit: self.unit.into(),
                message: format!(
                    "{} {}: {v} {} (usual {ulo} to {uhi})",
                    self.label(),
                    if high { "high" } else { "low" },
                    self.unit
                ),
            });
        }
        Ok(())
    }
}

/// A temperature read in °F (common at Indian counters) in °C, to one decimal.
pub fn celsius_from_fahrenheit(f: f64) -> f64 {
    ((f - 32.0) * 5.0 / 9.0 * 10.0).round() / 10.0
}

impl Vitals {
    /// Body-mass index from weight and height, to one decimal.
    pub fn bmi(&self) -> Option<f64> {
        let (w, h) = (self.weight_kg?, self.height_cm?);
        let m = h / 100.0;
        Some((w / (m * m) * 10.0).round() / 10.0)
    }

    /// Check the values; returns the flags of values outside the usual range.
    pub fn validate(&self) -> DomainResult<Vec<VitalFlag>> {
        let f = |v: Option<i32>| v.map(f64::from);
        let given = [
            f(self.systolic_mm_hg),
            f(self.diastolic_mm_hg),
            f(self.pulse_per_min),
            self.temperature_c,
            f(self.spo2_percent),
            f(self.respiratory_rate_per_min),
            self.weight_kg,
            self.height_cm,
            self.blood_glucose_mg_dl,
        ];
        if given.iter().all(Option::is_none) {
            return Err(DomainError::validation(
                "vitals",
                "record at least one measurement",
            ));
        }
        match (self.systolic_mm_hg, self.diastolic_mm_hg) {
            (Some(s), Some(d)) if d >= s => {
                return Err(DomainError::validation(
                    "diastolicMmHg",
                    "must be lower than the systolic pressure",
                ))
            }
            (Some(_), None) | (None, Some(_)) => {
                return Err(DomainError::validation(
                    if self.systolic_mm_hg.is_none() {
                        "systolicMmHg"
                    } else {
                        "diastolicMmHg"
                    },
                    "blood pressure needs both systolic and diastolic values",
                ))
            }
            _ => {}
        }
        if self.glucose_timing.is_some() && self.blood_glucose_mg_dl.is_none() {
            return Err(DomainError::validation(
                "glucoseTiming",
                "give the glucose value too",
            ));
        }
        // Every measurement is checked before any problem is reported.
        let mut flags = Vec::new();
        let mut checks = Checks::new();
        checks.take(SYSTOLIC.check(f(self.systolic_mm_hg), &mut flags));
        checks.take(DIASTOLIC.check(f(self.diastolic_mm_hg), &mut flags));
        checks.take(PULSE.check(f(self.pulse_per_min), &mut flags));
        checks.take(TEMPERATURE.check(self.temperature_c, &mut flags));
        checks.take(SPO2.check(f(self.spo2_percent), &mut flags));
        checks.take(RESPIRATION.check(f(self.respiratory_rate_per_min), &mut flags));
        checks.take(WEIGHT.check(self.weight_kg, &mut flags));
        checks.take(HEIGHT.check(self.height_cm, &mut flags));
        // Fasting glucose has a lower usual ceiling than a random one.
        let glucose = match self.glucose_timing {
            Some(GlucoseTiming::Fasting) => Limits {
                usual: (70.0, 99.0),
                ..GLUCOSE
            },
            _ => GLUCOSE,
        };
        checks.take(glucose.check(self.blood_glucose_mg_dl, &mut flags));
        checks.done()?;
        BMI.check(self.bmi(), &mut flags).map_err(|_| {
            DomainError::validation("heightCm", "weight and height give an impossible BMI")
        })?;
        Ok(flags)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_values_are_refused_and_unusual_ones_flagged() {
        let spo2 = Vitals {
            spo2_percent: Some(101),
            ..Default::default()
        };
        assert!(
            matches!(spo2.validate(), Err(DomainError::Validation { field, .. }) if field == "spo2Percent")
        );
        assert!(Vitals::default().validate().is_err());
        let bp = Vitals {
            systolic_mm_hg: Some(80),
            diastolic_mm_hg: Some(90),
            ..Default::default()
        };
        assert!(bp.validate().is_err());
        let half = Vitals {
            systolic_mm_hg: Some(120),
            ..Default::default()
        };
        assert!(half.validate().is_err());
        let sick = Vitals {
            systolic_mm_hg: Some(180),
            diastolic_mm_hg: Some(110),
            spo2_percent: Some(88),
            temperature_c: Some(37.0),
            ..Default::default()
        };
        let flags = sick.validate().unwrap();
        let fields: Vec<&str> = flags.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["systolicMmHg", "diastolicMmHg", "spo2Percent"]);
        assert!(
            flags[2].message.starts_with("SpO2 low: 88"),
            "{}",
            flags[2].message
        );
        assert!(!flags[2].high && flags[2].usual_low == 94.0 && flags[2].unit == "%");
        assert!(flags[0].high);
    }

    #[test]
    fn fahrenheit_converts_to_one_decimal() {
        assert_eq!(celsius_from_fahrenheit(98.6), 37.0);
        assert_eq!(celsius_from_fahrenheit(102.2), 39.0);
        assert_eq!(celsius_from_fahrenheit(100.4), 38.0);
    }

    #[test]
    fn bmi_is_derived() {
        let v = Vitals {
            weight_kg: Some(70.0),
            height_cm: Some(175.0),
            ..Default::default()
        };
        assert_eq!(v.bmi(), Some(22.9));
        assert!(v.validate().unwrap().is_empty());
        let fasting = Vitals {
            blood_glucose_mg_dl: Some(120.0),
            glucose_timing: Some(GlucoseTiming::Fasting),
            ..Default::default()
        };
        assert_eq!(fasting.validate().unwrap().len(), 1);
    }
}
