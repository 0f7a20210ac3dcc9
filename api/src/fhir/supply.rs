//! What the pharmacy gave: MedicationDispense (one per dispensed line, `declined`
//! when the drug was not available) and the Medication each refers to, from the
//! tenant's catalogue.

use super::*;
use arogya_infra::repos::supply::dispenses::DispenseRecord;
use arogya_infra::repos::supply::items::ItemRecord;

/// The identifier system of catalogue item codes.
pub const ITEM_CODE_SYSTEM: &str = "https://arogya.health/fhir/sid/item-code";

pub fn medication(i: &ItemRecord) -> Value {
    let text = match &i.strength {
        Some(s) => format!("{} {s}", i.name),
        None => i.name.clone(),
    };
    prune(json!({
        "resourceType": "Medication",
        "id": i.id.to_string(),
        "code": { "coding": [{ "system": ITEM_CODE_SYSTEM, "code": i.code, "display": text }], "text": text },
        "form": i.form.as_ref().map(|f| json!({ "text": f })),
    }))
}

pub fn medication_dispense(d: &DispenseRecord, item: Option<&ItemRecord>, patient: &str) -> Value {
    let (status, reason) = match d.outcome.as_str() {
        "not_available" => (
            "declined",
            Some(
                d.reason
                    .clone()
                    .unwrap_or_else(|| "not available at the pharmacy".into()),
            ),
        ),
        _ => ("completed", None),
    };
    let medication = match item {
        Some(i) => json!({ "medicationReference": reference("Medication", i.id) }),
        None => json!({ "medicationCodeableConcept": { "text": d.prescribed } }),
    };
    let mut r = json!({
        "resourceType": "MedicationDispense",
        "id": d.id.to_string(),
        "status": status,
        "statusReasonCodeableConcept": reason.map(|t| json!({ "text": t })),
        "subject": reference("Patient", patient),
        "authorizingPrescription": match (d.prescription_id, d.line) {
            (Some(p), Some(l)) => json!([reference("MedicationRequest", format!("{p}-{l}"))]),
            _ => Value::Null,
        },
        "quantity": (d.quantity > 0).then(|| json!({ "value": d.quantity, "unit": item.map(|i| i.unit_of_issue.clone()) })),
        "whenHandedOver": (d.quantity > 0).then(|| instant(d.dispensed_at)),
        "substitution": (d.outcome == "substituted").then(|| json!({
            "wasSubstituted": true,
            "reason": [{ "text": d.reason }],
        })),
    });
    if let (Value::Object(m), Value::Object(x)) = (&mut r, medication) {
        m.extend(x);
    }
    prune(r)
}
