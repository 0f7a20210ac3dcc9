//! FHIR R4 (4.0.1) resources built from Arogya's records: Patient, Encounter,
//! Observation (vital signs with LOINC codes, lab measurements), Condition (ICD-10-CM),
//! MedicationRequest, DiagnosticReport, Practitioner and Organization. Read-only.
//! Absent values are pruned: FHIR forbids nulls, empty strings and empty arrays.

use crate::app::records::{details_of, Everything};
use arogya_domain::clinical::entry::{EntryDetails, EntryStatus};
use arogya_domain::clinical::lab::AbnormalFlag;
use arogya_infra::repos::clinical::EntryRecord;
use arogya_infra::repos::facilities::FacilityRecord;
use arogya_infra::repos::patients::PatientRecord;
use arogya_infra::repos::professionals::{ProfessionalRecord, RegistrationRecord};
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Value};

/// The identifier system of Arogya health IDs.
pub const HEALTH_ID_SYSTEM: &str = "https://arogya.health/fhir/sid/health-id";
/// ABHA numbers (Ayushman Bharat Health Account).
pub const ABHA_SYSTEM: &str = "https://healthid.abdm.gov.in";
const LOINC: &str = "http://loinc.org";
const UCUM: &str = "http://unitsofmeasure.org";
const ICD10CM: &str = "http://hl7.org/fhir/sid/icd-10-cm";

fn instant(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Remove nulls, empty strings, arrays and objects, recursively.
pub fn prune(v: Value) -> Value {
    fn keep(v: &Value) -> bool {
        !matches!(v, Value::Null)
            && !matches!(v, Value::String(s) if s.is_empty())
            && !matches!(v, Value::Array(a) if a.is_empty())
            && !matches!(v, Value::Object(o) if o.is_empty())
    }
    match v {
        Value::Object(o) => Value::Object(
            o.into_iter()
                .map(|(k, v)| (k, prune(v)))
                .filter(|(_, v)| keep(v))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(prune).filter(keep).collect()),
        other => other,
    }
}

/// A Patient. `contact`: whether phone and address may be shown to this caller.
pub fn patient(p: &PatientRecord, contact: bool) -> Value {
    let gender = match p.sex.as_str() {
        "male" | "female" | "other" => p.sex.as_str(),
        _ => "unknown",
    };
    let text = match &p.family_name {
        Some(f) => format!("{} {f}", p.given_name),
        None => p.given_name.clone(),
    };
    let mut names = vec![
        json!({ "use": "official", "text": text, "family": p.family_name, "given": [p.given_name] }),
    ];
    if let Some(local) = &p.local_name {
        names.push(json!({ "use": "usual", "text": local }));
    }
    prune(json!({
        "resourceType": "Patient",
        "id": p.id.to_string(),
        "meta": { "versionId": p.version.to_string(), "lastUpdated": instant(p.updated_at) },
        "identifier": [
            { "use": "official", "system": HEALTH_ID_SYSTEM, "value": p.health_id },
            p.abha_number.as_ref().map(|a| json!({ "use": "secondary", "system": ABHA_SYSTEM, "value": a })),
        ],
        "active": p.merged_into.is_none(),
        "name": names,
        "telecom": if contact { p.phone.as_ref().map(|ph| json!([{ "system": "phone", "value": ph, "use": "mobile" }])) } else { None },
        "gender": gender,
        "birthDate": p.birth_date.to_string(),
        "address": if contact {
            Some(json!([{ "use": "home", "text": p.address_line, "postalCode": p.pincode, "country": "IN" }]))
        } else { None },
        "communication": p.preferred_language.as_ref().map(|l| json!([{ "language": { "coding": [{ "system": "urn:ietf:bcp:47", "code": l }] }, "preferred": true }])),
    }))
}

pub fn practitioner(p: &ProfessionalRecord, registrations: &[&RegistrationRecord]) -> Value {
    prune(json!({
        "resourceType": "Practitioner",
        "id": p.id.to_string(),
        "identifier": registrations.iter().map(|r| json!({ "use": "official", "type": { "text": format!("{} registration", r.council) }, "value": r.number })).collect::<Vec<_>>(),
        "active": p.status == "verified",
        "name": [{ "text": p.name }],
        "qualification": p.qualifications.as_array().map(|qs| qs.iter().filter_map(|q| q["degree"].as_str()).map(|d| json!({ "code": { "text": d } })).collect::<Vec<_>>()),
    }))
}

pub fn organization(f: &FacilityRecord) -> Value {
    prune(json!({
        "resourceType": "Organization",
        "id": f.id.to_string(),
        "active": f.operational_status != "closed",
        "type": [{ "text": f.facility_type.replace('_', " ") }],
        "name": f.name,
        "telecom": f.phone.as_ref().map(|p| json!([{ "system": "phone", "value": p, "use": "work" }])),
        "address": [{ "use": "work", "text": f.address, "postalCode": f.pincode, "country": "IN" }],
    }))
}

fn reference(kind: &str, id: impl std::fmt::Display) -> Value {
    json!({ "reference": format!("{kind}/{id}") })
}

/// Common parts of the resources made from one entry.
struct Ctx<'a> {
    e: &'a EntryRecord,
    error: bool,
}

impl Ctx<'_> {
    fn subject(&self) -> Value {
        reference("Patient", self.e.patient_id)
    }
    fn encounter(&self) -> Value {
        reference("Encounter", self.e.encounter_id)
    }
    fn author(&self) -> Value {
        reference("Practitioner", self.e.author_professional_id)
    }
    fn meta(&self) -> Value {
        json!({ "versionId": self.e.version.to_string(), "lastUpdated": instant(self.e.updated_at) })
    }
    fn observation_status(&self) -> &'static str {
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

fn quantity(value: f64, unit: &str, ucum: &str) -> Value {
    json!({ "value": value, "unit": unit, "system": UCUM, "code": ucum })
}

/// One vital-sign Observation.
fn vital(c: &Ctx, suffix: &str, loinc: (&str, &str), value: Value, lab: bool) -> Value {
    prune(json!({
        "resourceType": "Observation",
        "id": format!("{}-{suffix}", c.e.id),
        "meta": c.meta(),
        "status": c.observation_status(),
        "category": if lab { category("laboratory", "Laboratory") } else { category("vital-signs", "Vital Signs") },
        "code": { "coding": [{ "system": LOINC, "code": loinc.0, "display": loinc.1 }], "text": loinc.1 },
        "subject": c.subject(),
        "encounter": c.encounter(),
        "effectiveDateTime": instant(c.e.occurred_at),
        "performer": [c.author()],
        "valueQuantity": value,
    }))
}

/// One vital sign as an Observation: value, id suffix, LOINC (code, display), unit text,
/// UCUM code, and whether it is a laboratory result rather than a vital sign (glucose).
type VitalSign<'a> = (
    Option<f64>,
    &'a str,
    (&'a str, &'a str),
    &'a str,
    &'a str,
    bool,
);

fn vitals(c: &Ctx, v: &arogya_domain::clinical::vitals::Vitals) -> Vec<Value> {
    let mut out = Vec::new();
    if let (Some(s), Some(d)) = (v.systolic_mm_hg, v.diastolic_mm_hg) {
        let mut bp = vital(
            c,
            "bp",
            ("85354-9", "Blood pressure panel with all children optional"),
            Value::Null,
            false,
        );
        bp["component"] = json!([
            { "code": { "coding": [{ "system": LOINC, "code": "8480-6", "display": "Systolic blood pressure" }] }, "valueQuantity": quantity(s.into(), "mmHg", "mm[Hg]") },
            { "code": { "coding": [{ "system": LOINC, "code": "8462-4", "display": "Diastolic blood pressure" }] }, "valueQuantity": quantity(d.into(), "mmHg", "mm[Hg]") },
        ]);
        out.push(bp);
    }
    let singles: [VitalSign; 8] = [
        (
            v.pulse_per_min.map(f64::from),
            "pulse",
            ("8867-4", "Heart rate"),
            "beats/minute",
            "/min",
            false,
        ),
        (
            v.temperature_c,
            "temp",
            ("8310-5", "Body temperature"),
            "°C",
            "Cel",
            false,
        ),
        (
            v.spo2_percent.map(f64::from),
            "spo2",
            (
                "59408-5",
                "Oxygen saturation in Arterial blood by Pulse oximetry",
            ),
            "%",
            "%",
            false,
        ),
        (
            v.respiratory_rate_per_min.map(f64::from),
            "resp",
            ("9279-1", "Respiratory rate"),
            "breaths/minute",
            "/min",
            false,
        ),
        (
            v.weight_kg,
            "weight",
            ("29463-7", "Body weight"),
            "kg",
            "kg",
            false,
        ),
        (
            v.height_cm,
            "height",
            ("8302-2", "Body height"),
            "cm",
            "cm",
            false,
        ),
        (
            v.bmi(),
            "bmi",
            ("39156-5", "Body mass index (BMI) [Ratio]"),
            "kg/m2",
            "kg/m2",
            false,
        ),
        (
            v.blood_glucose_mg_dl,
            "glucose",
            ("2339-0", "Glucose [Mass/volume] in Blood"),
            "mg/dL",
            "mg/dL",
            true,
        ),
    ];
    for (value, suffix, loinc, unit, ucum, lab) in singles {
        if let Some(x) = value {
            out.push(vital(c, suffix, loinc, quantity(x, unit, ucum), lab));
        }
    }
    out
}

fn lab_observations(c: &Ctx, r: &arogya_domain::clinical::lab::LabResult) -> Vec<Value> {
    r.measurements
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let numeric: Option<f64> = m.value.trim().parse().ok().filter(|v: &f64| v.is_finite());
            let unit = m.unit.clone().unwrap_or_default();
            let bound = |v: Option<f64>| v.map(|x| json!({ "value": x, "unit": unit }));
            let interpretation = m.abnormal.map(|a| {
                let (code, display) = match a {
                    AbnormalFlag::Low => ("L", "Low"),
                    AbnormalFlag::Normal => ("N", "Normal"),
                    AbnormalFlag::High => ("H", "High"),
                };
                json!([{ "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "code": code, "display": display }] }])
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
                "valueQuantity": numeric.map(|v| json!({ "value": v, "unit": m.unit })),
                "valueString": if numeric.is_none() { Some(m.value.clone()) } else { None },
                "interpretation": interpretation,
                "referenceRange": if m.reference_low.is_some() || m.reference_high.is_some() || m.reference_text.is_some() {
                    Some(json!([{ "low": bound(m.reference_low), "high": bound(m.reference_high), "text": m.reference_text }]))
                } else { None },
            }))
        })
        .collect()
}

/// The FHIR resources one entry becomes (none for notes and discharge summaries,
/// which have no resource in this export yet).
pub fn entry_resources(e: &EntryRecord) -> anyhow::Result<Vec<Value>> {
    let details = details_of(&e.kind, &e.details)
        .map_err(|_| anyhow::anyhow!("entry {} does not parse", e.id))?;
    let error = e.status == EntryStatus::EnteredInError.as_str();
    let c = Ctx { e, error };
    Ok(match details {
        EntryDetails::Encounter(d) => {
            let status = match EntryStatus::parse(&e.status)? {
                EntryStatus::InProgress => "in-progress",
                EntryStatus::Finished | EntryStatus::Active => "finished",
                EntryStatus::Cancelled => "cancelled",
                EntryStatus::EnteredInError => "entered-in-error",
            };
            use arogya_domain::clinical::encounter::EncounterKind as K;
            let (code, display) = match d.kind {
                K::Outpatient => ("AMB", "ambulatory"),
                K::Inpatient => ("IMP", "inpatient encounter"),
                K::Emergency => ("EMER", "emergency"),
                K::Teleconsultation => ("VR", "virtual"),
                K::HomeVisit => ("HH", "home health"),
            };
            vec![prune(json!({
                "resourceType": "Encounter",
                "id": e.id.to_string(),
                "meta": c.meta(),
                "status": status,
                "class": { "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": code, "display": display },
                "serviceType": d.department.as_ref().map(|dep| json!({ "text": dep })),
                "subject": c.subject(),
                "participant": [{ "individual": reference("Practitioner", d.attending) }],
                "period": { "start": instant(d.start), "end": d.end.map(instant) },
                "reasonCode": d.reason.as_ref().map(|r| json!([{ "text": r }])),
                "serviceProvider": reference("Organization", e.facility_id),
            }))]
        }
        EntryDetails::Vitals(v) => vitals(&c, &v),
        EntryDetails::Diagnosis(d) => {
            use arogya_domain::clinical::diagnosis::Certainty;
            let verification = if error {
                "entered-in-error"
            } else if d.certainty == Certainty::Final {
                "confirmed"
            } else {
                "provisional"
            };
            vec![prune(json!({
                "resourceType": "Condition",
                "id": e.id.to_string(),
                "meta": c.meta(),
                // con-5: no clinical status on a condition entered in error.
                "clinicalStatus": if error { None } else { Some(json!({ "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active" }] })) },
                "verificationStatus": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": verification }] },
                "category": [{ "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/condition-category", "code": "encounter-diagnosis", "display": "Encounter Diagnosis" }] }],
                "code": { "coding": [{ "system": ICD10CM, "code": d.code, "display": d.description }], "text": d.description },
                "subject": c.subject(),
                "encounter": c.encounter(),
                "recordedDate": instant(e.recorded_at),
                "recorder": c.author(),
                "note": d.note.as_ref().map(|n| json!([{ "text": n }])),
            }))]
        }
        EntryDetails::Prescription(p) => p
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let text = [Some(item.dose.clone()), Some(item.route.as_str().to_owned()), Some(item.frequency.clone()), item.duration_days.map(|d| format!("{d} days"))]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ");
                let medication = match &item.strength {
                    Some(st) => format!("{} {st}", item.drug_name),
                    None => item.drug_name.clone(),
                };
                prune(json!({
                    "resourceType": "MedicationRequest",
                    "id": format!("{}-{i}", e.id),
                    "meta": c.meta(),
                    "status": if error { "entered-in-error" } else { "active" },
                    "intent": "order",
                    "medicationCodeableConcept": { "text": medication },
                    "subject": c.subject(),
                    "encounter": c.encounter(),
                    "authoredOn": instant(e.occurred_at),
                    "requester": c.author(),
                    "note": p.advice.as_ref().map(|a| json!([{ "text": a }])),
                    "dosageInstruction": [{ "text": text, "patientInstruction": item.instructions, "route": { "text": item.route.as_str() } }],
                    "dispenseRequest": item.duration_days.map(|d| json!({ "expectedSupplyDuration": { "value": d, "unit": "days", "system": UCUM, "code": "d" } })),
                }))
            })
            .collect(),
        EntryDetails::LabResult(r) => {
            let observations = lab_observations(&c, &r);
            let refs: Vec<Value> = observations
                .iter()
                .map(|o| reference("Observation", o["id"].as_str().unwrap_or_default()))
                .collect();
            let tests: Vec<&str> = r.measurements.iter().map(|m| m.test.as_str()).collect();
            let mut out = vec![prune(json!({
                "resourceType": "DiagnosticReport",
                "id": e.id.to_string(),
                "meta": c.meta(),
                "status": if error { "entered-in-error" } else if e.version > 1 { "amended" } else { "final" },
                "category": [{ "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/v2-0074", "code": "LAB", "display": "Laboratory" }] }],
                "code": { "text": tests.join(", ") },
                "subject": c.subject(),
                "encounter": c.encounter(),
                "effectiveDateTime": instant(e.occurred_at),
                "issued": instant(e.recorded_at),
                "performer": [c.author()],
                "result": refs,
                "conclusion": r.conclusion,
            }))];
            out.extend(observations);
            out
        }
        EntryDetails::LabOrder(_) | EntryDetails::Note(_) | EntryDetails::DischargeSummary(_) => {
            Vec::new()
        }
    })
}

/// `$everything` as a `collection` Bundle: the patient, then every resource made from
/// their entries, then the practitioners and organizations those refer to.
pub fn everything_bundle(base: &str, all: &Everything, contact: bool) -> anyhow::Result<Value> {
    let mut resources = vec![patient(&all.scope.patient, contact)];
    // Entries of merged records name the merged record as subject: point them at the
    // survivor, the one Patient in the bundle.
    let survivor = all.scope.patient.id.to_string();
    for e in &all.entries {
        for mut r in entry_resources(e)? {
            if r.get("subject").is_some() {
                r["subject"] = reference("Patient", &survivor);
            }
            resources.push(r);
        }
    }
    for p in &all.professionals {
        let regs: Vec<&RegistrationRecord> = all
            .registrations
            .iter()
            .filter(|r| r.professional_id == p.id)
            .collect();
        resources.push(practitioner(p, &regs));
    }
    resources.extend(all.facilities.iter().map(organization));
    Ok(bundle(base, "collection", resources, None))
}

/// A Bundle of `kind` (`collection` or `searchset`) with absolute full URLs.
pub fn bundle(base: &str, kind: &str, resources: Vec<Value>, self_link: Option<String>) -> Value {
    let total = resources.len();
    let entries: Vec<Value> = resources
        .into_iter()
        .map(|r| {
            let url = format!(
                "{base}/{}/{}",
                r["resourceType"].as_str().unwrap_or_default(),
                r["id"].as_str().unwrap_or_default()
            );
            if kind == "searchset" {
                json!({ "fullUrl": url, "resource": r, "search": { "mode": "match" } })
            } else {
                json!({ "fullUrl": url, "resource": r })
            }
        })
        .collect();
    prune(json!({
        "resourceType": "Bundle",
        "id": uuid::Uuid::now_v7().to_string(),
        "meta": { "lastUpdated": instant(Utc::now()) },
        "type": kind,
        "timestamp": instant(Utc::now()),
        "total": if kind == "searchset" { Some(total) } else { None },
        "link": self_link.map(|url| json!([{ "relation": "self", "url": url }])),
        "entry": entries,
    }))
}

/// The server's CapabilityStatement.
pub fn capability_statement(base: &str) -> Value {
    json!({
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": "2026-11-22",
        "publisher": "Arogya",
        "kind": "instance",
        "software": { "name": "Arogya", "version": env!("CARGO_PKG_VERSION") },
        "implementation": { "description": "Arogya health records (read-only FHIR R4)", "url": base },
        "fhirVersion": "4.0.1",
        "format": ["application/fhir+json", "json"],
        "rest": [{
            "mode": "server",
            "security": {
                "cors": false,
                "description": "Bearer access tokens from Arogya's login mutation; every resource is limited to the token's tenant, and every clinical read is logged."
            },
            "resource": [
                {
                    "type": "Patient",
                    "interaction": [{ "code": "read" }, { "code": "search-type" }],
                    "searchParam": [{ "name": "identifier", "type": "token", "documentation": format!("{HEALTH_ID_SYSTEM}|<health ID>, or the health ID alone") }],
                    "operation": [{ "name": "everything", "definition": "http://hl7.org/fhir/OperationDefinition/Patient-everything" }]
                },
                { "type": "Encounter" },
                { "type": "Observation" },
                { "type": "Condition" },
                { "type": "MedicationRequest" },
                { "type": "DiagnosticReport" },
                { "type": "Practitioner" },
                { "type": "Organization" }
            ]
        }]
    })
}

/// An OperationOutcome for an error.
pub fn outcome(code: &str, diagnostics: &str) -> Value {
    json!({
        "resourceType": "OperationOutcome",
        "issue": [{ "severity": "error", "code": code, "diagnostics": diagnostics }]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prune_drops_what_fhir_forbids() {
        let v = prune(
            json!({ "a": null, "b": "", "c": [], "d": {}, "e": [null, { "f": "" }], "g": 0, "h": "x" }),
        );
        assert_eq!(v, json!({ "g": 0, "h": "x" }));
    }
}
