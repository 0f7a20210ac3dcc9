//! Inpatient care as FHIR R4: beds and wards as `Location` (a bed's
//! `operationalStatus` from HL7 v2 table 0116, occupancy taken from its assignments),
//! the admission's `Encounter` with `hospitalization` and its bed `location`s, each
//! condition entry as an `Observation`, and a day's bed capacity as a
//! `MeasureReport` in the shape of HL7's SANER hospital-capacity measure.

use super::*;
use crate::app::inpatient::Stays;
use arogya_domain::inpatient::beds::{BedState, Housekeeping};
use arogya_infra::repos::inpatient::census::DayBeds;

const CODES: &str = "https://arogya.health/fhir/CodeSystem/inpatient";
const PHYSICAL_TYPE: &str = "http://terminology.hl7.org/CodeSystem/location-physical-type";
const DISPOSITION: &str = "http://terminology.hl7.org/CodeSystem/discharge-disposition";

fn physical(code: &str, display: &str) -> Value {
    json!({ "coding": [{ "system": PHYSICAL_TYPE, "code": code, "display": display }] })
}

fn local(code: &str, text: &str) -> Value {
    json!({ "coding": [{ "system": CODES, "code": code, "display": text }], "text": text })
}

/// Where the discharge sent the patient.
fn disposition(outcome: &str) -> Option<Value> {
    let (code, display) = match outcome {
        "recovered" | "improved" => ("home", "Home"),
        "referred" => ("other-hcf", "Other healthcare facility"),
        "left_against_advice" | "absconded" => ("aadvice", "Left against advice"),
        "died" => ("exp", "Expired"),
        _ => return None,
    };
    Some(
        json!({ "coding": [{ "system": DISPOSITION, "code": code, "display": display }], "text": outcome.replace('_', " ") }),
    )
}

/// Beds and wards the stays used, as Locations.
pub fn locations(s: &Stays) -> Vec<Value> {
    let mut out = Vec::new();
    for w in &s.wards {
        out.push(prune(json!({
            "resourceType": "Location",
            "id": w.id.to_string(),
            "status": "active",
            "name": w.name,
            "mode": "instance",
            "physicalType": physical("wa", "Ward"),
            "telecom": w.phone.as_ref().map(|p| json!([{ "system": "phone", "value": p }])),
            "managingOrganization": reference("Organization", w.facility_id),
        })));
    }
    for b in &s.beds {
        let held = |status: &str| {
            s.assignments
                .iter()
                .any(|a| a.bed_id == b.id && a.status == status && a.end_at.is_none())
        };
        let hk = Housekeeping::parse(&b.housekeeping).unwrap_or(Housekeeping::Closed);
        let state = BedState::of(hk, held("active"), held("reserved"));
        let (code, display) = state.fhir_code();
        out.push(prune(json!({
            "resourceType": "Location",
            "id": b.id.to_string(),
            "status": if state == BedState::Closed { "suspended" } else { "active" },
            "operationalStatus": { "system": "http://terminology.hl7.org/CodeSystem/v2-0116", "code": code, "display": display },
            "name": b.label,
            "mode": "instance",
            "type": [local(&format!("bed-{}", b.bed_type), &b.bed_type.replace('_', " "))],
            "physicalType": physical("bd", "Bed"),
            "partOf": reference("Location", b.ward_id),
            "managingOrganization": reference("Organization", b.facility_id),
        })));
    }
    out
}

/// Add the stay to its Encounter: the beds with their periods, and the discharge.
pub fn augment_encounters(resources: &mut [Value], s: &Stays) {
    for a in &s.admissions {
        let Some(enc) = a.encounter_id.map(|e| e.to_string()) else {
            continue;
        };
        let Some(r) = resources
            .iter_mut()
            .find(|r| r["resourceType"] == "Encounter" && r["id"] == enc.as_str())
        else {
            continue;
        };
        let beds: Vec<Value> = s
            .assignments
            .iter()
            .filter(|x| x.admission_id == a.id && (x.status == "active" || x.status == "completed"))
            .map(|x| {
                prune(json!({
                    "location": reference("Location", x.bed_id),
                    "status": if x.status == "active" { "active" } else { "completed" },
                    "physicalType": physical("bd", "Bed"),
                    "period": { "start": instant(x.start_at), "end": x.end_at.map(instant) },
                }))
            })
            .collect();
        r["location"] = json!(beds);
        r["hospitalization"] = prune(json!({
            "admitSource": a.unidentified.as_ref().map(|_| json!({ "text": "unidentified on arrival" })),
            "dischargeDisposition": a.outcome.as_deref().and_then(disposition),
        }));
        if r["hospitalization"]
            .as_object()
            .is_some_and(|o| o.is_empty())
        {
            r.as_object_mut().map(|o| o.remove("hospitalization"));
        }
    }
}

/// Each condition entry as an Observation of the patient.
pub fn condition_observations(s: &Stays, patient: &str) -> Vec<Value> {
    s.conditions
        .iter()
        .filter_map(|c| {
            let a = s.admissions.iter().find(|a| a.id == c.admission_id)?;
            let mut components = vec![
                json!({ "code": local("life-support", "Life support"), "valueCodeableConcept": local(&c.life_support, &c.life_support.replace('_', " ")) }),
                json!({ "code": { "coding": [{ "system": LOINC, "code": "67775-7", "display": "Level of responsiveness" }] }, "valueCodeableConcept": local(&c.consciousness, &c.consciousness.replace('_', " ")) }),
            ];
            if let Some(n) = c.news2 {
                components.push(json!({ "code": local("news2", "NEWS2 score"), "valueInteger": n }));
            }
            Some(prune(json!({
                "resourceType": "Observation",
                "id": c.id.to_string(),
                "status": "final",
                "category": [{ "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "exam", "display": "Exam" }] }],
                "code": local("condition-category", "Inpatient condition category"),
                "subject": reference("Patient", patient),
                "encounter": a.encounter_id.map(|e| reference("Encounter", e)),
                "effectiveDateTime": instant(c.recorded_at),
                "performer": [reference("Organization", a.facility_id)],
                "valueCodeableConcept": local(&c.category, &c.category.replace('_', " ")),
                "note": c.remark.as_ref().map(|r| json!([{ "text": r }])),
                "component": components,
            })))
        })
        .collect()
}

/// A day's beds (SANER hospital capacity): total and occupied beds by type, and
/// ventilators, for a facility or a unit.
pub fn capacity_report(subject: Value, day: chrono::NaiveDate, rows: &[DayBeds]) -> Value {
    let sum = |f: &dyn Fn(&DayBeds) -> bool, total: bool| -> i64 {
        rows.iter()
            .filter(|r| f(r))
            .map(|r| if total { r.total } else { r.occupied })
            .sum()
    };
    let all = |_: &DayBeds| true;
    let icu = |r: &DayBeds| matches!(r.bed_type.as_str(), "icu" | "hdu" | "ventilator");
    let vent = |r: &DayBeds| r.bed_type == "ventilator";
    let group = |code: &str, display: &str, value: i64| {
        json!({ "code": { "coding": [{ "system": "http://hl7.org/fhir/uv/saner/CodeSystem/MeasureGroupSystem", "code": code, "display": display }] },
                "measureScore": { "value": value } })
    };
    let mut groups = vec![
        group("numTotBeds", "All hospital beds", sum(&all, true)),
        group(
            "numBeds",
            "Hospital inpatient beds occupied",
            sum(&all, false),
        ),
        group("numICUBeds", "ICU beds", sum(&icu, true)),
        group("numICUBedsOcc", "ICU beds occupied", sum(&icu, false)),
        group("numVent", "Mechanical ventilators", sum(&vent, true)),
        group(
            "numVentUse",
            "Mechanical ventilators in use",
            sum(&vent, false),
        ),
    ];
    // Every bed type too, in Arogya's own codes.
    let mut types: Vec<&str> = rows.iter().map(|r| r.bed_type.as_str()).collect();
    types.sort();
    types.dedup();
    for t in types {
        let of = |r: &DayBeds| r.bed_type == t;
        groups.push(json!({ "code": local(&format!("beds-{t}"), &format!("{} beds", t.replace('_', " "))),
            "population": [
                { "code": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/measure-population", "code": "initial-population" }], "text": "total" }, "count": sum(&of, true) },
                { "code": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/measure-population", "code": "numerator" }], "text": "occupied" }, "count": sum(&of, false) }
            ] }));
    }
    let start = arogya_domain::appointment::ist_midnight(day);
    prune(json!({
        "resourceType": "MeasureReport",
        "id": uuid::Uuid::now_v7().to_string(),
        "status": "complete",
        "type": "summary",
        "measure": "http://hl7.org/fhir/uv/saner/Measure/CDCHospitalCapacity",
        "subject": subject,
        "date": instant(Utc::now()),
        "period": { "start": instant(start), "end": instant(start + chrono::Duration::days(1)) },
        "group": groups,
    }))
}
