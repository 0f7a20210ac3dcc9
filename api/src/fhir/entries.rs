//! The resources one clinical entry becomes: Encounter (with its diagnoses ranked),
//! Observation, Condition, MedicationRequest, ServiceRequest (one per test ordered),
//! DiagnosticReport (based on those requests), and DocumentReference for clinical
//! notes and discharge summaries (their text as a plain-text attachment).

use super::observations::{lab_observations, vitals, Ctx};
use super::*;
use arogya_domain::clinical::diagnosis::DiagnosisRank;
use arogya_domain::clinical::notes::NoteCategory;
use base64::Engine;

fn parsed(e: &EntryRecord) -> anyhow::Result<EntryDetails> {
    details_of(&e.kind, &e.details).map_err(|_| anyhow::anyhow!("entry {} does not parse", e.id))
}

fn live(e: &EntryRecord) -> bool {
    e.status != EntryStatus::EnteredInError.as_str()
}

/// The ids of the ServiceRequests a lab order becomes: one per test.
fn service_request_ids(order: &EntryRecord) -> Vec<String> {
    match parsed(order) {
        Ok(EntryDetails::LabOrder(o)) => (0..o.tests.len())
            .map(|i| format!("{}-t{i}", order.id))
            .collect(),
        _ => Vec::new(),
    }
}

/// A DocumentReference holding `text` (LOINC document type `loinc`).
fn document(c: &Ctx, loinc: (&str, &str), text: &str) -> Value {
    let data = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    prune(json!({
        "resourceType": "DocumentReference",
        "id": c.e.id.to_string(),
        "meta": c.meta(),
        "status": if c.error { "entered-in-error" } else { "current" },
        "docStatus": if c.e.version > 1 { "amended" } else { "final" },
        "type": { "coding": [{ "system": LOINC, "code": loinc.0, "display": loinc.1 }], "text": loinc.1 },
        "category": [{ "coding": [{ "system": "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category", "code": "clinical-note", "display": "Clinical Note" }] }],
        "subject": c.subject(),
        "date": instant(c.e.recorded_at),
        "author": [c.author()],
        "content": [{ "attachment": { "contentType": "text/plain; charset=utf-8", "language": "en", "data": data, "title": loinc.1, "creation": instant(c.e.occurred_at) } }],
        "context": { "encounter": [c.encounter()], "period": { "start": instant(c.e.occurred_at) } },
    }))
}

/// The FHIR resources one entry becomes. `visit`: the other entries of its encounter
/// (an Encounter lists its diagnoses; a DiagnosticReport names the requests it answers).
pub fn entry_resources(e: &EntryRecord, visit: &[EntryRecord]) -> anyhow::Result<Vec<Value>> {
    let details = parsed(e)?;
    let error = !live(e);
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
            // The visit's live diagnoses, primary first (rank 1), then secondary (2).
            let mut diagnoses: Vec<(u8, Value)> = visit
                .iter()
                .filter(|x| x.encounter_id == e.id && live(x))
                .filter_map(|x| match parsed(x) {
                    Ok(EntryDetails::Diagnosis(dx)) => Some((
                        if dx.rank == DiagnosisRank::Primary { 1 } else { 2 },
                        reference("Condition", x.id),
                    )),
                    _ => None,
                })
                .collect();
            diagnoses.sort_by_key(|(rank, _)| *rank);
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
                "hospitalization": d.outcome.map(|o| json!({ "dischargeDisposition": { "text": o.as_str().replace('_', " ") } })),
                "diagnosis": diagnoses.into_iter().map(|(rank, condition)| json!({
                    "condition": condition,
                    "rank": rank,
                })).collect::<Vec<_>>(),
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
                let text = [Some(item.dose.clone()), Some(item.route.printed().to_owned()), Some(item.frequency.clone()), item.duration_days.map(|d| format!("{d} days"))]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ");
                let form = item.form_or_default();
                let medication = [Some(item.drug_name.clone()), item.strength.clone(), Some(form.as_str().replace('_', " "))]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ");
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
                    "dosageInstruction": [{ "text": text, "patientInstruction": item.instructions, "route": { "text": item.route.printed() } }],
                    "dispenseRequest": item.duration_days.map(|d| json!({ "expectedSupplyDuration": { "value": d, "unit": "days", "system": UCUM, "code": "d" } })),
                }))
            })
            .collect(),
        EntryDetails::LabOrder(o) => {
            use arogya_domain::clinical::lab::Priority;
            let priority = match o.priority {
                Priority::Routine => "routine",
                Priority::Urgent => "urgent",
                Priority::Stat => "stat",
            };
            // Completed once a live result reports on the order.
            let reported = visit
                .iter()
                .any(|x| x.order_id == Some(e.id) && live(x));
            o.tests
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    prune(json!({
                        "resourceType": "ServiceRequest",
                        "id": format!("{}-t{i}", e.id),
                        "meta": c.meta(),
                        "requisition": { "system": "https://arogya.health/fhir/sid/lab-order", "value": e.id.to_string() },
                        "status": if error { "entered-in-error" } else if reported { "completed" } else { "active" },
                        "intent": "order",
                        "category": [{ "coding": [{ "system": "http://snomed.info/sct", "code": "108252007", "display": "Laboratory procedure" }] }],
                        "priority": priority,
                        "code": { "coding": t.loinc.as_ref().map(|l| json!([{ "system": LOINC, "code": l }])), "text": t.name },
                        "subject": c.subject(),
                        "encounter": c.encounter(),
                        "authoredOn": instant(e.occurred_at),
                        "requester": c.author(),
                        "note": o.clinical_info.as_ref().map(|n| json!([{ "text": n }])),
                    }))
                })
                .collect()
        }
        EntryDetails::LabResult(r) => {
            let observations = lab_observations(&c, &r);
            let refs: Vec<Value> = observations
                .iter()
                .map(|o| reference("Observation", o["id"].as_str().unwrap_or_default()))
                .collect();
            let based_on: Vec<Value> = visit
                .iter()
                .filter(|x| Some(x.id) == e.order_id)
                .flat_map(service_request_ids)
                .map(|id| reference("ServiceRequest", id))
                .collect();
            let tests: Vec<&str> = r.measurements.iter().map(|m| m.test.as_str()).collect();
            let mut out = vec![prune(json!({
                "resourceType": "DiagnosticReport",
                "id": e.id.to_string(),
                "meta": c.meta(),
                "basedOn": based_on,
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
        EntryDetails::Note(n) => {
            let loinc = match n.category {
                NoteCategory::Progress => ("11506-3", "Progress note"),
                NoteCategory::Nursing => ("34746-8", "Nurse Note"),
                NoteCategory::Consultation => ("11488-4", "Consult note"),
                NoteCategory::Procedure => ("28570-0", "Procedure note"),
                NoteCategory::Counselling | NoteCategory::Other => ("34109-9", "Note"),
            };
            vec![document(&c, loinc, &n.text)]
        }
        EntryDetails::DischargeSummary(s) => {
            let mut text = String::new();
            if !s.diagnoses.is_empty() {
                text.push_str("Diagnoses:\n");
                for d in &s.diagnoses {
                    text.push_str(&format!("- {} {}\n", d.code, d.description));
                }
            }
            text.push_str(&format!("Treatment given:\n{}\n", s.treatment_given));
            if let Some(x) = &s.condition_at_discharge {
                text.push_str(&format!("Condition at discharge: {x}\n"));
            }
            if let Some(x) = &s.advice {
                text.push_str(&format!("Advice: {x}\n"));
            }
            if let Some(d) = s.follow_up_on {
                text.push_str(&format!("Follow-up on: {d}\n"));
            }
            vec![document(&c, ("18842-5", "Discharge summary"), &text)]
        }
    })
}
