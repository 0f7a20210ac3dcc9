//! Patient, Practitioner and Organization.

use super::*;

/// Marks a birth date given as a year only because it was estimated from an age.
pub const BIRTH_ESTIMATED_EXTENSION: &str =
    "https://arogya.health/fhir/StructureDefinition/birth-date-estimated";
/// Council registration numbers: this prefix and the council's name as a slug
/// (`…/council/west-bengal-medical-council`).
pub const COUNCIL_SYSTEM_PREFIX: &str = "https://arogya.health/fhir/sid/council/";

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// A Patient. `contact`: whether phone and address may be shown to this caller.
/// `merged`: the records merged into this one. A merged record is inactive with a
/// `replaced-by` link to its survivor; the survivor `replaces` each merged record and
/// carries their health IDs as old identifiers. A birth date estimated from an age is
/// exported as its year only, marked with `BIRTH_ESTIMATED_EXTENSION`.
pub fn patient(p: &PatientRecord, contact: bool, merged: &[PatientRecord]) -> Value {
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
    let mut identifiers = vec![
        json!({ "use": "official", "system": HEALTH_ID_SYSTEM, "value": p.health_id }),
        p.abha_number
            .as_ref()
            .map(|a| json!({ "use": "secondary", "system": ABHA_SYSTEM, "value": a }))
            .unwrap_or(Value::Null),
    ];
    identifiers.extend(
        merged
            .iter()
            .map(|m| json!({ "use": "old", "system": HEALTH_ID_SYSTEM, "value": m.health_id })),
    );
    let mut links: Vec<Value> = merged
        .iter()
        .map(|m| json!({ "other": reference("Patient", m.id), "type": "replaces" }))
        .collect();
    if let Some(survivor) = p.merged_into {
        links.push(json!({ "other": reference("Patient", survivor), "type": "replaced-by" }));
    }
    let (birth_date, birth_ext) = if p.birth_estimated {
        (
            p.birth_year.to_string(),
            Some(
                json!({ "extension": [{ "url": BIRTH_ESTIMATED_EXTENSION, "valueBoolean": true }] }),
            ),
        )
    } else {
        (p.birth_date.to_string(), None)
    };
    prune(json!({
        "resourceType": "Patient",
        "id": p.id.to_string(),
        "meta": { "versionId": p.version.to_string(), "lastUpdated": instant(p.updated_at) },
        "identifier": identifiers,
        "active": p.merged_into.is_none(),
        "name": names,
        "telecom": if contact { p.phone.as_ref().map(|ph| json!([{ "system": "phone", "value": ph, "use": "mobile" }])) } else { None },
        "gender": gender,
        "birthDate": birth_date,
        "_birthDate": birth_ext,
        "address": if contact {
            Some(json!([{ "use": "home", "text": p.address_line, "postalCode": p.pincode, "country": "IN" }]))
        } else { None },
        "communication": p.preferred_language.as_ref().map(|l| json!([{ "language": { "coding": [{ "system": "urn:ietf:bcp:47", "code": l }] }, "preferred": true }])),
        "link": links,
    }))
}

pub fn practitioner(p: &ProfessionalRecord, registrations: &[&RegistrationRecord]) -> Value {
    prune(json!({
        "resourceType": "Practitioner",
        "id": p.id.to_string(),
        "identifier": registrations.iter().map(|r| json!({
            "use": "official",
            "type": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MD", "display": "Medical License number" }], "text": format!("{} registration", r.council) },
            "system": format!("{COUNCIL_SYSTEM_PREFIX}{}", slug(&r.council)),
            "value": r.number,
        })).collect::<Vec<_>>(),
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

#[cfg(test)]
mod tests {
    #[test]
    fn council_names_become_system_slugs() {
        assert_eq!(
            super::slug("West Bengal Medical Council"),
            "west-bengal-medical-council"
        );
        assert_eq!(
            super::slug("  Bihar  Council (Nursing) "),
            "bihar-council-nursing"
        );
    }
}
