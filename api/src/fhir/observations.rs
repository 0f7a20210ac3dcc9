//! Observations: vital signs (LOINC codes, UCUM units and the R4 vital-signs profile of
//! each, with an interpretation when outside the usual range) and lab measurements
//! (UCUM where the unit is known, interpretation from the reference range).

use super::*;
use arogya_domain::clinical::ucum;
use arogya_domain::clinical::vitals::{GlucoseTiming, VitalFlag, Vitals};

/// Common parts of the resources made from one entry.
pub(super) struct Ctx<'a> {
    pub e: &'a EntryRecord,
    pub error: bool,
}

impl Ctx<'_> {
    pub fn subject(&self) -> Value {
        reference("Patient", self.e.patient_id)
    }
    pub fn encounter(&self) -> Value {
        reference("Encounter", self.e.encounter_id)
    }
    pub fn author(&self) -> Value {
        reference("Practitioner", self.e.author_professional_id)
    }
    pub fn meta(&self) -> Value {
        json!({ "versionId": self.e.version.to_string(), "lastUpdated": instant(self.e.updated_at) })
    }
    pub fn observation_status(&self) -> &'static str {
        if self.error {
            "entered-in-error"
        } else if self.e.version > 1 {
            "amended"
        } else {
            "final"
        }
    }
}

fn category(code: &str, display: &str) -> Value {
    json!([{ "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": code, "display": display }] }])
}

pub(super) fn quantity(value: f64, unit: &str, ucum: &str) -> Value {
    json!({ "value": value, "unit": unit, "system": UCUM, "code": ucum })
}

/// A quantity from a unit as typed: with its UCUM code when known, else text only.
fn typed_quantity(value: f64, unit: Option<&str>) -> Value {
    match unit.and_then(|u| ucum::code_for(u).map(|c| (u, c))) {
        Some((u, code)) => quantity(value, u, code),
        None => json!({ "value": value, "unit": unit }),
    }
}

const INTERPRETATION: &str = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

fn interpretation(high: bool) -> Value {
    let (code, display) = if high { ("H", "High") } else { ("L", "Low") };
    json!([{ "coding": [{ "system": INTERPRETATION, "code": code, "display": display }] }])
}

/// One vital sign: its id suffix, LOINC codings (the profile's own code first), the
/// R4 vital-signs profile it conforms to, and the field whose flag interprets it.
struct Sign<'a> {
    suffix: &'a str,
    codings: Vec<(&'a str, &'a str)>,
    profile: Option<&'a str>,
    flag_field: &'a str,
    lab: bool,
}

fn observation(c: &Ctx, sign: &Sign, value: Value, flags: &[VitalFlag]) -> Value {
    let text = sign.codings.first().map(|c| c.1).unwrap_or_default();
    let flag = flags.iter().find(|f| f.field == sign.flag_field);
    prune(json!({
        "resourceType": "Observation",
        "id": format!("{}-{}", c.e.id, sign.suffix),
        "meta": {
            "versionId": c.e.version.to_string(),
            "lastUpdated": instant(c.e.updated_at),
            "profile": sign.profile.map(|p| json!([format!("http://hl7.org/fhir/StructureDefinition/{p}")])),
        },
        "status": c.observation_status(),
        "category": if sign.lab { category("laboratory", "Laboratory") } else { category("vital-signs", "Vital Signs") },
        "code": {
            "coding": sign.codings.iter().map(|(code, display)| json!({ "system": LOINC, "code": code, "display": display })).collect::<Vec<_>>(),
            "text": text,
        },
        "subject": c.subject(),
        "encounter": c.encounter(),
        "effectiveDateTime": instant(c.e.occurred_at),
        "performer": [c.author()],
        "valueQuantity": value,
        "interpretation": flag.map(|f| interpretation(f.high)),
    }))
}

pub(super) fn vitals(c: &Ctx, v: &Vitals) -> Vec<Value> {
    let flags = v.validate().unwrap_or_default();
    let mut out = Vec::new();
    if let (Some(s), Some(d)) = (v.systolic_mm_hg, v.diastolic_mm_hg) {
        let sign = Sign {
            suffix: "bp",
            codings: vec![("85354-9", "Blood pressure panel with all children optional")],
            profile: Some("bp"),
            flag_field: "",
            lab: false,
        };
        let mut bp = observation(c, &sign, Value::Null, &flags);
        let component = |code: &str, display: &str, value: i32, field: &str| {
            prune(json!({
                "code": { "coding": [{ "system": LOINC, "code": code, "display": display }] },
                "valueQuantity": quantity(value.into(), "mmHg", "mm[Hg]"),
                "interpretation": flags.iter().find(|f| f.field == field).map(|f| interpretation(f.high)),
            }))
        };
        bp["component"] = json!([
            component("8480-6", "Systolic blood pressure", s, "systolicMmHg"),
            component("8462-4", "Diastolic blood pressure", d, "diastolicMmHg"),
        ]);
        out.push(bp);
    }
    let glucose_codings = match v.glucose_timing {
        // LOINC has a fasting code; random and after-meal readings keep the general
        // code, with the timing in the text.
        Some(GlucoseTiming::Fasting) => {
            vec![("1558-6", "Fasting glucose [Mass/volume] in Serum or Plasma")]
        }
        Some(GlucoseTiming::PostPrandial) => {
            vec![("2339-0", "Glucose [Mass/volume] in Blood (after a meal)")]
        }
        Some(GlucoseTiming::Random) => vec![("2339-0", "Glucose [Mass/volume] in Blood (random)")],
        None => vec![("2339-0", "Glucose [Mass/volume] in Blood")],
    };
    let singles: [(Option<f64>, Sign, &str, &str); 8] = [
        (
            v.pulse_per_min.map(f64::from),
            Sign {
                suffix: "pulse",
                codings: vec![("8867-4", "Heart rate")],
                profile: Some("heartrate"),
                flag_field: "pulsePerMin",
                lab: false,
            },
            "beats/minute",
            "/min",
        ),
        (
            v.temperature_c,
            Sign {
                suffix: "temp",
                codings: vec![("8310-5", "Body temperature")],
                profile: Some("bodytemp"),
                flag_field: "temperatureC",
                lab: false,
            },
            "°C",
            "Cel",
        ),
        (
            v.spo2_percent.map(f64::from),
            // The R4 oxygen-saturation profile requires 2708-6; 59408-5 says it was
            // measured by pulse oximetry.
            Sign {
                suffix: "spo2",
                codings: vec![
                    ("2708-6", "Oxygen saturation in Arterial blood"),
                    (
                        "59408-5",
                        "Oxygen saturation in Arterial blood by Pulse oximetry",
                    ),
                ],
                profile: Some("oxygensat"),
                flag_field: "spo2Percent",
                lab: false,
            },
            "%",
            "%",
        ),
        (
            v.respiratory_rate_per_min.map(f64::from),
            Sign {
                suffix: "resp",
                codings: vec![("9279-1", "Respiratory rate")],
                profile: Some("resprate"),
                flag_field: "respiratoryRatePerMin",
                lab: false,
            },
            "breaths/minute",
            "/min",
        ),
        (
            v.weight_kg,
            Sign {
                suffix: "weight",
                codings: vec![("29463-7", "Body weight")],
                profile: Some("bodyweight"),
                flag_field: "weightKg",
                lab: false,
            },
            "kg",
            "kg",
        ),
        (
            v.height_cm,
            Sign {
                suffix: "height",
                codings: vec![("8302-2", "Body height")],
                profile: Some("bodyheight"),
                flag_field: "heightCm",
                lab: false,
            },
            "cm",
            "cm",
        ),
        (
            v.bmi(),
            Sign {
                suffix: "bmi",
                codings: vec![("39156-5", "Body mass index (BMI) [Ratio]")],
                profile: Some("bmi"),
                flag_field: "bmi",
                lab: false,
            },
            "kg/m2",
            "kg/m2",
        ),
        (
            v.blood_glucose_mg_dl,
            Sign {
                suffix: "glucose",
                codings: glucose_codings,
                profile: None,
                flag_field: "bloodGlucoseMgDl",
                lab: true,
            },
            "mg/dL",
            "mg/dL",
        ),
    ];
    for (value, sign, unit, ucum) in singles {
        if let Some(x) = value {
            out.push(observation(c, &sign, quantity(x, unit, ucum), &flags));
        }
    }
    out
}

pub(super) fn lab_observations(c: &Ctx, r: &arogya_domain::clinical::lab::LabResult) -> Vec<Value> {
    r.measurements
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let numeric: Option<f64> = m.value.trim().parse().ok().filter(|v: &f64| v.is_finite());
            let unit = m.unit.as_deref();
            let bound = |v: Option<f64>| v.map(|x| typed_quantity(x, unit));
            let interpretation = m.abnormal.map(|a| {
                let (code, display) = match a {
                    AbnormalFlag::Low => ("L", "Low"),
                    AbnormalFlag::Normal => ("N", "Normal"),
                    AbnormalFlag::High => ("H", "High"),
                };
                json!([{ "coding": [{ "system": INTERPRETATION, "code": code, "display": display }] }])
            });
            prune(json!({
                "resourceType": "Observation",
                "id": format!("{}-m{i}", c.e.id),
                "meta": c.meta(),
                "status": c.observation_status(),
                "category": category("laboratory", "Laboratory"),
                "code": {
                    "coding": m.loinc.as_ref().map(|l| json!([{ "system": LOINC, "code": l }])),
                    "text": m.test,
                },
                "subject": c.subject(),
                "encounter": c.encounter(),
                "effectiveDateTime": instant(c.e.occurred_at),
                "issued": instant(c.e.recorded_at),
                "performer": [c.author()],
                "valueQuantity": numeric.map(|v| typed_quantity(v, unit)),
                "valueString": if numeric.is_none() { Some(m.value.clone()) } else { None },
                "interpretation": interpretation,
                "referenceRange": if m.reference_low.is_some() || m.reference_high.is_some() || m.reference_text.is_some() {
                    Some(json!([{ "low": bound(m.reference_low), "high": bound(m.reference_high), "text": m.reference_text }]))
                } else { None },
            }))
        })
        .collect()
}
