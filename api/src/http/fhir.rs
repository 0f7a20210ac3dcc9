//! Read-only FHIR R4 over HTTP (`application/fhir+json`), tenant-scoped by the bearer
//! token: `GET /fhir/R4/metadata`, `/fhir/R4/Patient/{id}`,
//! `/fhir/R4/Patient?identifier=…`, `/fhir/R4/Patient/{id}/$everything`, every record
//! type by id (`/fhir/R4/Encounter/{id}`…) and by patient (`?patient={id}`), and
//! `Practitioner/{id}`, `Organization/{id}`. Every clinical read is logged.

use super::{request_ctx, status_of};
use crate::app::patients::{self as patients, Caller};
use crate::app::records::{self as records, Clinical, ReadRequest};
use crate::error::ApiError;
use crate::fhir;
use crate::graphql::context::RequestCtx;
use crate::state::SharedState;
use arogya_domain::audit::Actor;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use std::collections::HashMap;
use std::net::SocketAddr;

const FHIR_JSON: &str = "application/fhir+json; charset=utf-8";

fn respond(status: StatusCode, body: Value) -> Response {
    let mut resp = (status, axum::Json(body)).into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(FHIR_JSON));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    resp
}

fn failure(e: ApiError) -> Response {
    let code = match e.code() {
        "UNAUTHENTICATED" => "login",
        "FORBIDDEN" => "forbidden",
        "NOT_FOUND" => "not-found",
        "VALIDATION" => "invalid",
        "CONFLICT" => "conflict",
        "RATE_LIMITED" => "throttled",
        _ => "exception",
    };
    respond(status_of(&e), fhir::outcome(code, &e.message()))
}

fn result(r: Result<Value, ApiError>) -> Response {
    match r {
        Ok(v) => respond(StatusCode::OK, v),
        Err(e) => failure(e),
    }
}

/// The FHIR base URL as the client reached it.
fn base(headers: &HeaderMap, trust_forwarded: bool) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    let scheme = headers
        .get("x-forwarded-proto")
        .and_then(|h| h.to_str().ok())
        .filter(|p| trust_forwarded && matches!(*p, "http" | "https"))
        .unwrap_or("http");
    format!("{scheme}://{host}/fhir/R4")
}

fn patient_caller<'a>(state: &'a SharedState, req: &RequestCtx) -> Result<Caller<'a>, ApiError> {
    let principal = req.principal()?;
    Ok(Caller {
        state,
        access: principal.patient_access()?,
        actor: Actor::from(principal),
        meta: req.meta(),
    })
}

fn parse_id(raw: &str) -> Result<uuid::Uuid, ApiError> {
    uuid::Uuid::try_parse(raw).map_err(|_| ApiError::NotFound("no such Patient".into()))
}

pub async fn metadata(State(state): State<SharedState>, headers: HeaderMap) -> Response {
    respond(
        StatusCode::OK,
        fhir::capability_statement(&base(&headers, state.config.trust_forwarded_for)),
    )
}

#[tracing::instrument(name = "fhir_patient", skip_all)]
pub async fn read_patient(
    State(state): State<SharedState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let req = request_ctx(&state, &headers, peer).await;
    result(
        async {
            let caller = patient_caller(&state, &req)?;
            let (p, merged) =
                patients::by_id_with_merged(&caller, parse_id(&id)?, Some("fhir")).await?;
            Ok(fhir::patient(&p, caller.access.contact, &merged))
        }
        .await,
    )
}

#[tracing::instrument(name = "fhir_patient_search", skip_all)]
pub async fn search_patients(
    State(state): State<SharedState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let req = request_ctx(&state, &headers, peer).await;
    let base = base(&headers, state.config.trust_forwarded_for);
    result(
        async {
            let caller = patient_caller(&state, &req)?;
            let token = q.get("identifier").ok_or_else(|| {
                ApiError::validation("identifier", "search Patients by identifier=system|value")
            })?;
            let (system, value) = match token.split_once('|') {
                Some((s, v)) => (Some(s), v),
                None => (None, token.as_str()),
            };
            let self_link = Some(format!("{base}/Patient?identifier={token}"));
            if system.is_some_and(|s| !s.is_empty() && s != fhir::HEALTH_ID_SYSTEM) {
                // Only health IDs are searchable: another system matches nothing.
                return Ok(fhir::bundle(&base, "searchset", Vec::new(), self_link));
            }
            let found = match patients::by_health_id(&caller, value, Some("fhir")).await {
                Ok(p) => vec![fhir::patient(&p, caller.access.contact, &[])],
                Err(ApiError::NotFound(_)) => Vec::new(),
                Err(ApiError::Validation { .. }) => Vec::new(),
                Err(e) => return Err(e),
            };
            Ok(fhir::bundle(&base, "searchset", found, self_link))
        }
        .await,
    )
}

#[tracing::instrument(name = "fhir_everything", skip_all)]
pub async fn everything(
    State(state): State<SharedState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let req = request_ctx(&state, &headers, peer).await;
    let base = base(&headers, state.config.trust_forwarded_for);
    result(
        async {
            let c = clinical(&state, &req)?;
            let contact = req.principal()?.patient_access()?.contact;
            let all = records::everything(&c, parse_id(&id)?, &read_request(&q)).await?;
            fhir::everything_bundle(&base, &all, contact).map_err(|e| ApiError::internal(&e))
        }
        .await,
    )
}

fn clinical<'a>(state: &'a SharedState, req: &RequestCtx) -> Result<Clinical<'a>, ApiError> {
    let principal = req.principal()?;
    Ok(Clinical {
        state,
        staff: principal.clinical_staff()?,
        actor: Actor::from(principal),
        meta: req.meta(),
    })
}

fn read_request(q: &HashMap<String, String>) -> ReadRequest {
    ReadRequest {
        purpose: q.get("purpose").cloned(),
        break_glass: q.get("breakGlassReason").cloned(),
    }
}

fn no_such(kind: &str) -> ApiError {
    ApiError::NotFound(format!("no such {kind}"))
}

/// `GET /fhir/R4/{type}/{id}`: a resource made from a record entry (its id is the
/// entry's, with a suffix for the several an entry can make), a Practitioner or an
/// Organization.
#[tracing::instrument(name = "fhir_read", skip_all)]
pub async fn read_resource(
    State(state): State<SharedState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path((kind, id)): Path<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let req = request_ctx(&state, &headers, peer).await;
    result(
        async {
            // Resource ids are the entry's UUID, maybe followed by "-suffix".
            let entry_id = id
                .get(..36)
                .and_then(|u| uuid::Uuid::try_parse(u).ok())
                .ok_or_else(|| no_such(&kind))?;
            // Wards and beds are read by whoever sees their facility, bed managers too.
            if kind == "Location" {
                let i = crate::app::inpatient::Inpatient {
                    state: &state,
                    principal: req.principal()?,
                    meta: req.meta(),
                };
                return fhir::inpatient::locations(&i.location(entry_id).await?)
                    .into_iter()
                    .next()
                    .ok_or_else(|| no_such("Location"));
            }
            let c = clinical(&state, &req)?;
            match kind.as_str() {
                "Practitioner" => {
                    let (p, regs) = records::directory::practitioner(&c, entry_id).await?;
                    let regs: Vec<_> = regs.iter().collect();
                    Ok(fhir::practitioner(&p, &regs))
                }
                "Organization" => Ok(fhir::organization(
                    &records::directory::organization(&c, entry_id).await?,
                )),

                k if fhir::RECORD_TYPES.contains(&k) => {
                    let (e, visit) =
                        records::entry_with_visit(&c, entry_id, &read_request(&q)).await?;
                    fhir::entry_resources(&e, &visit)
                        .map_err(|e| ApiError::internal(&e))?
                        .into_iter()
                        .find(|r| r["resourceType"] == k && r["id"] == id.as_str())
                        .ok_or_else(|| no_such(k))
                }
                _ => Err(no_such(&kind)),
            }
        }
        .await,
    )
}

/// `GET /fhir/R4/{type}?patient={id}`: a patient's resources of one type, a read of
/// their record like `$everything`.
#[tracing::instrument(name = "fhir_search", skip_all)]
pub async fn search_resources(
    State(state): State<SharedState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(kind): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let req = request_ctx(&state, &headers, peer).await;
    let base = base(&headers, state.config.trust_forwarded_for);
    if kind == "MeasureReport" {
        return result(capacity(&state, &req, &base, &q).await);
    }
    result(
        async {
            if !fhir::RECORD_TYPES.contains(&kind.as_str()) {
                return Err(ApiError::NotFound(format!(
                    "{kind} is not searchable here: see /fhir/R4/metadata"
                )));
            }
            let c = clinical(&state, &req)?;
            let contact = req.principal()?.patient_access()?.contact;
            let raw = q
                .get("patient")
                .or_else(|| q.get("subject"))
                .ok_or_else(|| ApiError::validation("patient", "search by patient=<id>"))?;
            let id = raw.strip_prefix("Patient/").unwrap_or(raw);
            let all = records::everything(&c, parse_id(id)?, &read_request(&q)).await?;
            let found: Vec<Value> = fhir::everything_resources(&all, contact)
                .map_err(|e| ApiError::internal(&e))?
                .into_iter()
                .filter(|r| r["resourceType"] == kind.as_str())
                .collect();
            let self_link = Some(format!("{base}/{kind}?patient={id}"));
            Ok(fhir::bundle(&base, "searchset", found, self_link))
        }
        .await,
    )
}

/// `GET /fhir/R4/MeasureReport?facility={id}|district={id}&date=YYYY-MM-DD`: a day's
/// bed capacity (SANER hospital capacity) from the kept daily snapshot; the day
/// defaults to yesterday (India time).
async fn capacity(
    state: &SharedState,
    req: &crate::graphql::context::RequestCtx,
    base: &str,
    q: &HashMap<String, String>,
) -> crate::error::ApiResult<Value> {
    let day = match q.get("date") {
        Some(d) => chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map_err(|_| ApiError::validation("date", "give the day as YYYY-MM-DD"))?,
        None => {
            arogya_domain::appointment::ist_date(chrono::Utc::now()) - chrono::Duration::days(1)
        }
    };
    let facility = q
        .get("facility")
        .map(|f| parse_id(f.strip_prefix("Organization/").unwrap_or(f)))
        .transpose()?;
    let unit = q.get("district").map(|u| parse_id(u)).transpose()?;
    let i = crate::app::inpatient::Inpatient {
        state,
        principal: req.principal()?,
        meta: req.meta(),
    };
    let history = i.occupancy_history(unit, facility, day, day).await?;
    let subject = match (facility, unit) {
        (Some(f), _) => fhir::reference("Organization", f),
        (None, Some(u)) => {
            serde_json::json!({ "identifier": { "system": "https://arogya.health/fhir/sid/admin-unit", "value": u.to_string() } })
        }
        (None, None) => serde_json::json!({ "display": "all facilities in reach" }),
    };
    let report = fhir::inpatient::capacity_report(subject, day, &history.days);
    let self_link = Some(format!("{base}/MeasureReport?date={day}"));
    Ok(fhir::bundle(base, "searchset", vec![report], self_link))
}
