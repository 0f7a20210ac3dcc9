//! Printable e-health cards (`GET /cards/{healthId}.pdf` and `.png`, authenticated with
//! the same bearer token as the API) and each tenant's public card-signing key
//! (`GET /tenants/{code}/card-keys.json`, public: verifiers check cards offline).

use super::{error_response, request_ctx};
use crate::app::patients::{self as usecase, Caller};
use crate::error::ApiError;
use crate::graphql::context::RequestCtx;
use crate::print::card::{self, CardFace};
use crate::state::SharedState;
use arogya_domain::audit::Actor;
use arogya_domain::ids::TenantId;
use arogya_domain::tenant::TenantCode;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use std::net::SocketAddr;

#[tracing::instrument(name = "card", skip_all)]
pub async fn card(
    State(state): State<SharedState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> Response {
    let req = request_ctx(&state, &headers, peer).await;
    match render(&state, &req, &file).await {
        Ok((bytes, mime)) => {
            let mut resp = bytes.into_response();
            let h = resp.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
            // A card carries personal data: never keep it in shared caches.
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            );
            resp
        }
        Err(e) => error_response(e),
    }
}

async fn render(
    state: &SharedState,
    req: &RequestCtx,
    file: &str,
) -> Result<(Vec<u8>, &'static str), ApiError> {
    let (health_id, format) = match file.rsplit_once('.') {
        Some((id, "pdf")) => (id, "pdf"),
        Some((id, "png")) => (id, "png"),
        _ => {
            return Err(ApiError::NotFound(
                "ask for /cards/{healthId}.pdf or .png".into(),
            ))
        }
    };
    let principal = req.principal()?;
    let caller = Caller {
        state,
        access: principal.patient_access()?,
        actor: Actor::from(principal),
        meta: req.meta(),
    };
    let (card, patient, tenant_name) = usecase::card_for_print(&caller, health_id, format).await?;
    let code = state
        .tenants
        .get(caller.access.tenant)
        .await?
        .map(|t| t.code)
        .unwrap_or_default();
    let payload = usecase::card_payload(state, &card, &patient, &code);
    let name = match &patient.family_name {
        Some(f) => format!("{} {f}", patient.given_name),
        None => patient.given_name.clone(),
    };
    let sex = match patient.sex.as_str() {
        "male" => "Male",
        "female" => "Female",
        "other" => "Other",
        _ => "Sex not stated",
    };
    let face = CardFace {
        tenant_name,
        name,
        local_name: patient.local_name.clone(),
        health_id: card.health_id.clone(),
        year_of_birth: patient.birth_year,
        sex: sex.to_owned(),
        issued_on: (card.issued_at + chrono::Duration::minutes(330))
            .format("%d %b %Y")
            .to_string(),
        qr_payload: payload,
    };
    // Rendering is CPU work of a few milliseconds: keep it off the async workers.
    let bytes = tokio::task::spawn_blocking(move || render_owned(face, format))
        .await
        .map_err(|e| ApiError::internal(&e.into()))?
        .map_err(|e| ApiError::internal(&e))?;
    Ok((
        bytes,
        if format == "pdf" {
            "application/pdf"
        } else {
            "image/png"
        },
    ))
}

fn render_owned(face: CardFace, format: &str) -> anyhow::Result<Vec<u8>> {
    if format == "pdf" {
        card::pdf(&face)
    } else {
        card::png(&face)
    }
}

/// The tenant's public card-signing key as a JWK set.
pub async fn card_keys(State(state): State<SharedState>, Path(code): Path<String>) -> Response {
    let Ok(code) = TenantCode::parse(&code) else {
        return error_response(ApiError::NotFound("no such tenant".into()));
    };
    match arogya_infra::repos::tenants::find_by_code(state.db.conn(), &code).await {
        Ok(Some(t)) => {
            let mut resp = axum::Json(state.pii.card_jwks(TenantId(t.id))).into_response();
            resp.headers_mut().insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            );
            resp
        }
        Ok(None) => error_response(ApiError::NotFound("no such tenant".into())),
        Err(e) => error_response(e.into()),
    }
}
