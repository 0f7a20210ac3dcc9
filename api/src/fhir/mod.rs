//! FHIR R4 (4.0.1) resources built from Arogya's records: Patient, Encounter (with
//! ranked diagnoses), Observation (vital signs by the R4 vital-signs profiles, lab
//! measurements with UCUM units), Condition (ICD-10-CM), MedicationRequest,
//! ServiceRequest (lab orders), DiagnosticReport, DocumentReference (clinical notes and
//! discharge summaries), Practitioner and Organization, and from the pharmacy
//! MedicationDispense with the Medication it gave. Read-only.
//! Absent values are pruned: FHIR forbids nulls, empty strings and empty arrays.

mod directory;
mod entries;
pub mod inpatient;
mod observations;
mod supply;

pub use directory::{organization, patient, practitioner};
pub use entries::entry_resources;

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

pub(crate) fn instant(t: DateTime<Utc>) -> String {
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

pub(crate) fn reference(kind: &str, id: impl std::fmt::Display) -> Value {
    json!({ "reference": format!("{kind}/{id}") })
}

/// Every resource of a patient's record: the patient, every resource made from their
/// entries, then the practitioners and organizations those refer to.
pub fn everything_resources(all: &Everything, contact: bool) -> anyhow::Result<Vec<Value>> {
    let mut resources = vec![patient(&all.scope.patient, contact, &all.scope.merged)];
    // Entries of merged records name the merged record as subject: point them at the
    // survivor, the one Patient in the bundle.
    let survivor = all.scope.patient.id.to_string();
    for e in &all.entries {
        for mut r in entry_resources(e, &all.entries)? {
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
    inpatient::augment_encounters(&mut resources, &all.stays);
    resources.extend(inpatient::condition_observations(&all.stays, &survivor));
    resources.extend(inpatient::locations(&all.stays));
    let items: std::collections::HashMap<_, _> =
        all.medications.iter().map(|i| (i.id, i)).collect();
    resources.extend(all.medications.iter().map(supply::medication));
    resources.extend(all.dispenses.iter().map(|d| {
        supply::medication_dispense(d, d.item_id.and_then(|i| items.get(&i).copied()), &survivor)
    }));
    Ok(resources)
}

/// `$everything` as a `searchset` Bundle (as R4 defines the operation's result).
pub fn everything_bundle(base: &str, all: &Everything, contact: bool) -> anyhow::Result<Value> {
    let self_link = format!("{base}/Patient/{}/$everything", all.scope.patient.id);
    Ok(bundle(
        base,
        "searchset",
        everything_resources(all, contact)?,
        Some(self_link),
    ))
}

/// The resource types read by id and searched by patient, besides Patient.
pub const RECORD_TYPES: [&str; 7] = [
    "Encounter",
    "Observation",
    "Condition",
    "MedicationRequest",
    "ServiceRequest",
    "DiagnosticReport",
    "DocumentReference",
];

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

fn patient_param() -> Value {
    json!({ "name": "patient", "type": "reference", "documentation": "Patient/<id> or the id alone; every read is logged in the patient's access log" })
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
                { "type": "Encounter", "interaction": [{ "code": "read" }, { "code": "search-type" }], "searchParam": [patient_param()] },
                { "type": "Observation", "interaction": [{ "code": "read" }, { "code": "search-type" }], "searchParam": [patient_param()] },
                { "type": "Condition", "interaction": [{ "code": "read" }, { "code": "search-type" }], "searchParam": [patient_param()] },
                { "type": "MedicationRequest", "interaction": [{ "code": "read" }, { "code": "search-type" }], "searchParam": [patient_param()] },
                { "type": "ServiceRequest", "interaction": [{ "code": "read" }, { "code": "search-type" }], "searchParam": [patient_param()] },
                { "type": "DiagnosticReport", "interaction": [{ "code": "read" }, { "code": "search-type" }], "searchParam": [patient_param()] },
                { "type": "DocumentReference", "interaction": [{ "code": "read" }, { "code": "search-type" }], "searchParam": [patient_param()] },
                { "type": "Practitioner", "interaction": [{ "code": "read" }] },
                { "type": "Organization", "interaction": [{ "code": "read" }] },
                { "type": "Location", "interaction": [{ "code": "read" }], "documentation": "Wards and beds; a bed's operationalStatus is live, from its current assignment" },
                { "type": "MeasureReport", "interaction": [{ "code": "search-type" }], "searchParam": [{ "name": "facility", "type": "reference" }, { "name": "district", "type": "reference" }, { "name": "date", "type": "date" }] }
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
