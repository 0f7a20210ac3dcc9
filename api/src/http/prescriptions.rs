//! Printable prescription slips: `GET /prescriptions/{id}.pdf`, authenticated with the
//! API's bearer token. Printing is a read of the record: checked and logged like one.

use super::{pdf_response, request_ctx};
use crate::app::records::{self as usecase, details_of, Clinical, PrescriptionSlip, ReadRequest};
use crate::error::ApiError;
use crate::print::prescription::{self, Slip, SlipItem};
use crate::state::SharedState;
use arogya_domain::audit::Actor;
use arogya_domain::clinical::diagnosis::DiagnosisRank;
use arogya_domain::clinical::entry::{EntryDetails, EntryStatus};
use arogya_domain::professional::today_in_india;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use std::net::SocketAddr;

#[derive(serde::Deserialize)]
pub struct PrintQuery {
    purpose: Option<String>,
    #[serde(rename = "breakGlassReason")]
    break_glass_reason: Option<String>,
}

#[tracing::instrument(name = "prescription", skip_all)]
pub async fn prescription(
    State(state): State<SharedState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(file): Path<String>,
    Query(q): Query<PrintQuery>,
) -> Response {
    let req = request_ctx(&state, &headers, peer).await;
    let result = async {
        let id = file
            .strip_suffix(".pdf")
            .and_then(|id| uuid::Uuid::try_parse(id).ok())
            .ok_or_else(|| ApiError::NotFound("ask for /prescriptions/{id}.pdf".into()))?;
        let principal = req.principal()?;
        let c = Clinical {
            state: &state,
            staff: principal.clinical_staff()?,
            actor: Actor::from(principal),
            meta: req.meta(),
        };
        let read = ReadRequest {
            purpose: q.purpose,
            break_glass: q.break_glass_reason,
        };
        let slip = slip(usecase::prescription_slip(&c, id, &read).await?)?;
        Ok(move || prescription::pdf(&slip))
    }
    .await;
    pdf_response(result).await
}

fn slip(p: PrescriptionSlip) -> Result<Slip, ApiError> {
    let EntryDetails::Prescription(rx) = details_of(&p.entry.kind, &p.entry.details)? else {
        return Err(ApiError::Internal);
    };
    let ist = chrono::Duration::minutes(330);
    let day = |d: chrono::NaiveDate| d.format("%d %b %Y").to_string();
    let today = today_in_india(chrono::Utc::now());
    let age = today.years_since(p.patient.birth_date).unwrap_or(0);
    let sex = match p.patient.sex.as_str() {
        "male" => "Male",
        "female" => "Female",
        "other" => "Other",
        _ => "Sex not stated",
    };
    let qualifications = p
        .prescriber
        .qualifications
        .as_array()
        .map(|qs| {
            qs.iter()
                .filter_map(|q| q["degree"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let join = |parts: [Option<String>; 2]| {
        let s = parts.into_iter().flatten().collect::<Vec<_>>().join(" ");
        (!s.is_empty()).then_some(s)
    };
    // What else the visit recorded: its live diagnoses (primary first) and the
    // latest weight.
    let mut diagnoses = Vec::new();
    let mut weight = None;
    for e in &p.visit_entries {
        if e.status == EntryStatus::EnteredInError.as_str() {
            continue;
        }
        match details_of(&e.kind, &e.details) {
            Ok(EntryDetails::Diagnosis(d)) => diagnoses.push((
                d.rank != DiagnosisRank::Primary,
                format!("{} {} ({})", d.code, d.description, d.certainty.as_str()),
            )),
            Ok(EntryDetails::Vitals(v)) => {
                if let Some(kg) = v.weight_kg {
                    weight = Some(format!(
                        "{kg} kg ({})",
                        day((e.occurred_at + ist).date_naive())
                    ));
                }
            }
            _ => {}
        }
    }
    diagnoses.sort_by_key(|(secondary, _)| *secondary);
    let complaint =
        p.encounter
            .as_ref()
            .and_then(|enc| match details_of(&enc.kind, &enc.details) {
                Ok(EntryDetails::Encounter(d)) => d.reason,
                _ => None,
            });
    Ok(Slip {
        facility_name: p.facility.name.clone(),
        facility_address: join([p.facility.address.clone(), p.facility.pincode.clone()]),
        facility_phone: p.facility.phone.clone(),
        prescriber: p.prescriber.name.clone(),
        registrations: p
            .registrations
            .iter()
            .map(|r| format!("{} Reg. No. {}", r.council, r.number))
            .collect(),
        qualifications,
        patient_name: match &p.patient.family_name {
            Some(f) => format!("{} {f}", p.patient.given_name),
            None => p.patient.given_name.clone(),
        },
        patient_local_name: p.patient.local_name.clone(),
        health_id: p.patient.health_id.clone(),
        age_sex: format!(
            "{}{age} years · {sex}",
            if p.patient.birth_estimated {
                "about "
            } else {
                ""
            }
        ),
        weight,
        patient_address: join([p.patient.address_line.clone(), p.patient.pincode.clone()]),
        date: (p.entry.occurred_at + ist)
            .format("%d %b %Y, %H:%M IST")
            .to_string(),
        complaint,
        diagnoses: diagnoses.into_iter().map(|(_, d)| d).collect(),
        items: rx
            .items
            .into_iter()
            .map(|i| {
                let form = i.form_or_default();
                SlipItem {
                    drug: [
                        Some(form.abbreviation().to_owned()).filter(|a| !a.is_empty()),
                        Some(i.drug_name),
                        i.strength,
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" "),
                    how: [
                        Some(i.dose),
                        Some(i.route.printed().to_owned()),
                        Some(i.frequency),
                        i.duration_days
                            .map(|d| format!("{d} day{}", if d == 1 { "" } else { "s" })),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · "),
                    instructions: i.instructions,
                }
            })
            .collect(),
        advice: rx.advice,
        follow_up: rx.follow_up_on.map(day),
        entered_in_error: p.entry.status == EntryStatus::EnteredInError.as_str(),
        reference: format!("Prescription {} · version {}", p.entry.id, p.entry.version),
    })
}
