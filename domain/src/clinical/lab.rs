//! Laboratory orders and results. The abnormal flag of a result is computed from its
//! reference range, never typed.

use super::{optional_text, text};
use crate::error::{DomainError, DomainResult};
use serde::{Deserialize, Serialize};

text_enum!(Priority, "priority" { Routine => "routine", Urgent => "urgent", Stat => "stat" });
text_enum!(Specimen, "specimen" {
    Blood => "blood",
    Serum => "serum",
    Plasma => "plasma",
    Urine => "urine",
    Stool => "stool",
    Sputum => "sputum",
    Swab => "swab",
    Csf => "csf",
    Tissue => "tissue",
    Other => "other",
});
text_enum!(AbnormalFlag, "abnormal" { Low => "low", Normal => "normal", High => "high" });

/// A LOINC code: digits, a dash and a check digit (LOINC's mod-10 algorithm).
pub fn loinc(raw: &str, field: &str) -> DomainResult<String> {
    let code = raw.trim();
    let bad =
        || DomainError::validation(field, format!("{code} is not a LOINC code (like 8480-6)"));
    let (body, check) = code.split_once('-').ok_or_else(bad)?;
    if body.is_empty() || body.len() > 7 || !body.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let check: u32 = match check.as_bytes() {
        [d] if d.is_ascii_digit() => u32::from(d - b'0'),
        _ => return Err(bad()),
    };
    // From the right, every other digit (starting with the last) is doubled.
    let sum: u32 = body
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 0 {
                let twice = d * 2;
                twice / 10 + twice % 10
            } else {
                d
            }
        })
        .sum();
    if (10 - sum % 10) % 10 != check {
        return Err(DomainError::validation(
            field,
            format!("{code}: the check digit is wrong (a typing mistake?)"),
        ));
    }
    Ok(code.to_owned())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LabTest {
    pub name: String,
    pub loinc: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LabOrder {
    pub tests: Vec<LabTest>,
    pub priority: Priority,
    pub specimen: Specimen,
    pub clinical_info: Option<String>,
}

pub fn order(
    tests: &[(String, Option<String>)],
    priority: Priority,
    specimen: Specimen,
    clinical_info: Option<&str>,
) -> DomainResult<LabOrder> {
    if tests.is_empty() || tests.len() > 50 {
        return Err(DomainError::validation("tests", "order 1 to 50 tests"));
    }
    let tests = tests
        .iter()
        .enumerate()
        .map(|(i, (name, code))| {
            Ok(LabTest {
                name: text(name, &format!("tests.{i}.name"), 2, 120)?,
                loinc: code
                    .as_deref()
                    .filter(|c| !c.trim().is_empty())
                    .map(|c| loinc(c, &format!("tests.{i}.loinc")))
                    .transpose()?,
            })
        })
        .collect::<DomainResult<Vec<_>>>()?;
    Ok(LabOrder {
        tests,
        priority,
        specimen,
        clinical_info: optional_text(clinical_info, "clinicalInfo", 1000)?,
    })
}

/// One measured test of a result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Measurement {
    pub test: String,
    pub loinc: Option<String>,
    /// As reported: "13.5", "Positive", "<0.1".
    pub value: String,
    pub unit: Option<String>,
    pub reference_low: Option<f64>,
    pub reference_high: Option<f64>,
    /// A range in words, when it is not numeric ("Negative").
    pub reference_text: Option<String>,
    pub abnormal: Option<AbnormalFlag>,
}

/// Raw form values of one measurement.
#[derive(Debug, Clone, Default)]
pub struct MeasurementForm {
    pub test: String,
    pub loinc: Option<String>,
    pub value: String,
    pub unit: Option<String>,
    pub reference_low: Option<f64>,
    pub reference_high: Option<f64>,
    pub reference_text: Option<String>,
}

/// Low, normal or high against the numeric range; none when the value or the range is
/// not numeric.
pub fn abnormal(value: &str, low: Option<f64>, high: Option<f64>) -> Option<AbnormalFlag> {
    let v: f64 = value.trim().parse().ok().filter(|v: &f64| v.is_finite())?;
    match (low, high) {
        (None, None) => None,
        (Some(l), _) if v < l => Some(AbnormalFlag::Low),
        (_, Some(h)) if v > h => Some(AbnormalFlag::High),
        _ => Some(AbnormalFlag::Normal),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LabResult {
    pub measurements: Vec<Measurement>,
    pub conclusion: Option<String>,
}

pub fn result(forms: &[MeasurementForm], conclusion: Option<&str>) -> DomainResult<LabResult> {
    if forms.is_empty() || forms.len() > 100 {
        return Err(DomainError::validation(
            "measurements",
            "report 1 to 100 measurements",
        ));
    }
    let measurements = forms
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let field = |n: &str| format!("measurements.{i}.{n}");
            if let (Some(l), Some(h)) = (f.reference_low, f.reference_high) {
                if l > h {
                    return Err(DomainError::validation(
                        field("referenceLow"),
                        "must not be above the high end of the range",
                    ));
                }
            }
            let value = text(&f.value, &field("value"), 1, 200)?;
            Ok(Measurement {
                test: text(&f.test, &field("test"), 2, 120)?,
                loinc: f
                    .loinc
                    .as_deref()
                    .filter(|c| !c.trim().is_empty())
                    .map(|c| loinc(c, &field("loinc")))
                    .transpose()?,
                abnormal: abnormal(&value, f.reference_low, f.reference_high),
                value,
                unit: optional_text(f.unit.as_deref(), &field("unit"), 30)?,
                reference_low: f.reference_low,
                reference_high: f.reference_high,
                reference_text: optional_text(
                    f.reference_text.as_deref(),
                    &field("referenceText"),
                    200,
                )?,
            })
        })
        .collect::<DomainResult<Vec<_>>>()?;
    Ok(LabResult {
        measurements,
        conclusion: optional_text(conclusion, "conclusion", 4000)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loinc_check_digits() {
        for good in ["8480-6", "2708-6", "718-7", "2339-0", "8867-4"] {
            assert_eq!(loinc(good, "loinc").unwrap(), good);
        }
        for bad in ["8480-5", "8480", "84a0-6", "-6", "12345678-9"] {
            assert!(loinc(bad, "loinc").is_err(), "{bad}");
        }
    }

    #[test]
    fn abnormal_flag_follows_the_range() {
        assert_eq!(
            abnormal("9.5", Some(12.0), Some(15.5)),
            Some(AbnormalFlag::Low)
        );
        assert_eq!(
            abnormal("13", Some(12.0), Some(15.5)),
            Some(AbnormalFlag::Normal)
        );
        assert_eq!(abnormal("16", Some(12.0), None), Some(AbnormalFlag::Normal));
        assert_eq!(abnormal("250", None, Some(200.0)), Some(AbnormalFlag::High));
        assert_eq!(abnormal("Positive", Some(0.0), Some(1.0)), None);
        assert_eq!(abnormal("5", None, None), None);
        let bad = MeasurementForm {
            test: "Hb".into(),
            value: "12".into(),
            reference_low: Some(15.0),
            reference_high: Some(12.0),
            ..Default::default()
        };
        assert!(result(&[bad], None).is_err());
    }
}
