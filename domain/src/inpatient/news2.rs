//! NEWS2, the Royal College of Physicians' National Early Warning Score (2017), on
//! SpO₂ scale 1. Each observation scores 0–3; the total and the highest single score
//! set the clinical response:
//!
//! | observation          | 3      | 2       | 1          | 0         | 1          | 2        | 3     |
//! |----------------------|--------|---------|------------|-----------|------------|----------|-------|
//! | respiration rate /min| ≤ 8    |         | 9–11       | 12–20     |            | 21–24    | ≥ 25  |
//! | SpO₂ %               | ≤ 91   | 92–93   | 94–95      | ≥ 96      |            |          |       |
//! | air or oxygen        |        | oxygen  |            | air       |            |          |       |
//! | systolic BP mmHg     | ≤ 90   | 91–100  | 101–110    | 111–219   |            |          | ≥ 220 |
//! | pulse /min           | ≤ 40   |         | 41–50      | 51–90     | 91–110     | 111–130  | ≥ 131 |
//! | consciousness        |        |         |            | alert     |            |          | CVPU  |
//! | temperature °C       | ≤ 35.0 |         | 35.1–36.0  | 36.1–38.0 | 38.1–39.0  | ≥ 39.1   |       |
//!
//! Risk: total 0–4 low (3 in one parameter: low–medium, an urgent ward review),
//! 5–6 medium, 7 or more high.

use super::condition::Consciousness;
use crate::clinical::vitals::Vitals;
use crate::error::{DomainError, DomainResult};

/// The observations NEWS2 needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observations {
    pub respiratory_rate: i32,
    pub spo2: i32,
    pub systolic_bp: i32,
    pub pulse: i32,
    pub temperature_c: f64,
    /// Not scored by NEWS2; taken so the observations also make a full blood pressure
    /// in the patient's vital signs.
    pub diastolic_bp: Option<i32>,
}

impl Observations {
    /// The same measurements as vital signs for the patient's record (blood pressure
    /// only when both values were taken: a vital-signs blood pressure has both).
    pub fn as_vitals(&self) -> Vitals {
        Vitals {
            systolic_mm_hg: self.diastolic_bp.map(|_| self.systolic_bp),
            diastolic_mm_hg: self.diastolic_bp,
            pulse_per_min: Some(self.pulse),
            temperature_c: Some(self.temperature_c),
            spo2_percent: Some(self.spo2),
            respiratory_rate_per_min: Some(self.respiratory_rate),
            ..Vitals::default()
        }
    }

    /// Values outside what a living patient can show are typing mistakes.
    pub fn validate(self) -> DomainResult<Self> {
        let check = |ok: bool, field: &str, range: &str| {
            if ok {
                Ok(())
            } else {
                Err(DomainError::validation(
                    format!("observations.{field}"),
                    format!("must be between {range}"),
                ))
            }
        };
        check(
            (2..=80).contains(&self.respiratory_rate),
            "respiratoryRate",
            "2 and 80",
        )?;
        check((40..=100).contains(&self.spo2), "spo2", "40 and 100")?;
        check(
            (40..=300).contains(&self.systolic_bp),
            "systolicBp",
            "40 and 300",
        )?;
        if let Some(d) = self.diastolic_bp {
            check(
                (20..self.systolic_bp).contains(&d),
                "diastolicBp",
                "20 and the systolic pressure",
            )?;
        }
        check((20..=250).contains(&self.pulse), "pulse", "20 and 250")?;
        check(
            self.temperature_c.is_finite() && (25.0..=45.0).contains(&self.temperature_c),
            "temperatureC",
            "25 and 45",
        )?;
        Ok(self)
    }
}

text_enum!(Risk, "risk" {
    Low => "low",
    LowMedium => "low_medium",
    Medium => "medium",
    High => "high",
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub total: i32,
    pub risk: Risk,
}

fn respiration(rate: i32) -> i32 {
    match rate {
        ..=8 => 3,
        9..=11 => 1,
        12..=20 => 0,
        21..=24 => 2,
        _ => 3,
    }
}

fn spo2_scale_1(spo2: i32) -> i32 {
    match spo2 {
        ..=91 => 3,
        92..=93 => 2,
        94..=95 => 1,
        _ => 0,
    }
}

fn systolic(bp: i32) -> i32 {
    match bp {
        ..=90 => 3,
        91..=100 => 2,
        101..=110 => 1,
        111..=219 => 0,
        _ => 3,
    }
}

fn pulse(p: i32) -> i32 {
    match p {
        ..=40 => 3,
        41..=50 => 1,
        51..=90 => 0,
        91..=110 => 1,
        111..=130 => 2,
        _ => 3,
    }
}

fn temperature(t: f64) -> i32 {
    // Thermometers show one decimal: score the value as shown.
    let tenths = (t * 10.0).round() as i32;
    match tenths {
        ..=350 => 3,
        351..=360 => 1,
        361..=380 => 0,
        381..=390 => 1,
        _ => 2,
    }
}

pub fn score(o: &Observations, on_oxygen: bool, consciousness: Consciousness) -> Score {
    let parts = [
        respiration(o.respiratory_rate),
        spo2_scale_1(o.spo2),
        if on_oxygen { 2 } else { 0 },
        systolic(o.systolic_bp),
        pulse(o.pulse),
        if consciousness == Consciousness::Alert {
            0
        } else {
            3
        },
        temperature(o.temperature_c),
    ];
    let total: i32 = parts.iter().sum();
    let risk = match total {
        7.. => Risk::High,
        5..=6 => Risk::Medium,
        _ if parts.contains(&3) => Risk::LowMedium,
        _ => Risk::Low,
    };
    Score { total, risk }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(rr: i32, spo2: i32, bp: i32, p: i32, t: f64) -> Observations {
        Observations {
            respiratory_rate: rr,
            spo2,
            systolic_bp: bp,
            pulse: p,
            temperature_c: t,
            diastolic_bp: None,
        }
    }

    #[test]
    fn a_well_adult_scores_zero() {
        let s = score(&obs(16, 98, 120, 72, 36.8), false, Consciousness::Alert);
        assert_eq!(
            s,
            Score {
                total: 0,
                risk: Risk::Low
            }
        );
    }

    #[test]
    fn band_edges_follow_the_rcp_chart() {
        assert_eq!(
            [8, 9, 11, 12, 20, 21, 24, 25].map(respiration),
            [3, 1, 1, 0, 0, 2, 2, 3]
        );
        assert_eq!(
            [91, 92, 93, 94, 95, 96].map(spo2_scale_1),
            [3, 2, 2, 1, 1, 0]
        );
        assert_eq!(
            [90, 91, 100, 101, 110, 111, 219, 220].map(systolic),
            [3, 2, 2, 1, 1, 0, 0, 3]
        );
        assert_eq!(
            [40, 41, 50, 51, 90, 91, 110, 111, 130, 131].map(pulse),
            [3, 1, 1, 0, 0, 1, 1, 2, 2, 3]
        );
        assert_eq!(
            [35.0, 35.1, 36.0, 36.1, 38.0, 38.1, 39.0, 39.1].map(temperature),
            [3, 1, 1, 0, 0, 1, 1, 2]
        );
    }

    #[test]
    fn one_red_score_is_low_medium_and_totals_set_the_risk() {
        // New confusion alone: 3 in one parameter.
        let s = score(
            &obs(16, 98, 120, 72, 36.8),
            false,
            Consciousness::NewConfusion,
        );
        assert_eq!(
            s,
            Score {
                total: 3,
                risk: Risk::LowMedium
            }
        );
        // RR 22 (2) + SpO2 94 (1) + oxygen (2) = 5: medium.
        let s = score(&obs(22, 94, 120, 72, 36.8), true, Consciousness::Alert);
        assert_eq!(
            s,
            Score {
                total: 5,
                risk: Risk::Medium
            }
        );
        // + pulse 115 (2) = 7: high.
        let s = score(&obs(22, 94, 120, 115, 36.8), true, Consciousness::Alert);
        assert_eq!(
            s,
            Score {
                total: 7,
                risk: Risk::High
            }
        );
    }

    #[test]
    fn impossible_values_are_refused_by_field() {
        let e = obs(16, 120, 120, 72, 36.8).validate().unwrap_err();
        assert!(matches!(e, DomainError::Validation { field, .. } if field == "observations.spo2"));
        assert!(obs(16, 98, 120, 72, f64::NAN).validate().is_err());
    }
}
