//! Printable prescription slips: `GET /prescriptions/{id}.pdf`, authenticated with the
//! API's bearer token. Printing is a read of the record: checked and logged like one.

use super::{error_response, request_ctx};
use crate::app::records::{self as usecase, details_of, Clinical, PrescriptionSlip, ReadRequest};
use crate::error::ApiError;
use crate::prescription_render::{self, Slip, SlipItem};
use crate::state::SharedState;
use arogya_domain::audit::Actor;
use arogya_domain::clinical::entry::{EntryDetails, EntryStatus};
use arogya_domain::professional::today_in_india;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
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
        // Rendering is CPU work: keep it off the async workers.
        tokio::task::spawn_blocking(move || prescription_render::pdf(&slip))
            .await
            .map_err(|e| ApiError::internal(&e.into()))?
            .map_err(|e| ApiError::internal(&e))
    }
    .await;
    match result {
        Ok(bytes) => {
            let mut resp = bytes.into_response();
            let h = resp.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/pdf"),
            );
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            );
            resp
        }
        Err(e) => error_response(e),
    }
}

fn slip(p: PrescriptionSlip) -> Result<Slip, ApiError> {
    let EntryDetails::Prescription(rx) = details_of(&p.entry.kind, &p.entry.details)? else {
        return Err(ApiError::Internal);
    };
    let ist = chrono::Duration::minutes(330);
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
    let address = [p.facility.address.clone(), p.facility.pincode.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    Ok(Slip {
        facility_name: p.facility.name.clone(),
        facility_address: (!address.is_empty()).then_some(address),
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
        date: (p.entry.occurred_at + ist)
            .format("%d %b %Y, %H:%M IST")
            .to_string(),
        items: rx
            .items
            .into_iter()
            .map(|i| SlipItem {
                drug: [Some(i.drug_name), i.strength]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" "),
                how: [
                    Some(i.dose),
                    Some(i.route.as_str().replace('_', " ")),
                    Some(i.frequency),
                    i.duration_days
                        .map(|d| format!("{d} day{}", if d == 1 { "" } else { "s" })),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · "),
                instructions: i.instructions,
            })
            .collect(),
        advice: rx.advice,
        entered_in_error: p.entry.status == EntryStatus::EnteredInError.as_str(),
        reference: format!("Prescription {} · version {}", p.entry.id, p.entry.version),
    })
}
