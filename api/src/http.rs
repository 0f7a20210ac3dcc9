//! Plain HTTP endpoints and middleware around the GraphQL API.

pub mod authn;
pub mod cards;
pub mod control_chars;
pub mod fhir;
pub mod graphql_http;
pub mod idempotency;
pub mod metrics;
pub mod operation_name;
pub mod ops;
pub mod prescriptions;
pub mod registers;
pub mod storage;
pub mod web;

use crate::error::ApiError;
use crate::graphql::context::RequestCtx;
use crate::state::SharedState;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use std::net::SocketAddr;

/// The request's id, address and caller, as the GraphQL handler establishes them, for
/// the plain endpoints (cards, prescriptions, FHIR).
pub(crate) async fn request_ctx(
    state: &SharedState,
    headers: &HeaderMap,
    peer: SocketAddr,
) -> RequestCtx {
    RequestCtx {
        request_id: graphql_http::request_id(headers),
        client_addr: graphql_http::client_addr(headers, peer, state.config.trust_forwarded_for),
        authn: authn::authenticate(
            state,
            headers
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok()),
        )
        .await,
        host: graphql_http::host_of(headers),
    }
}

pub(crate) fn status_of(e: &ApiError) -> StatusCode {
    match e.code() {
        "UNAUTHENTICATED" => StatusCode::UNAUTHORIZED,
        "FORBIDDEN" => StatusCode::FORBIDDEN,
        "NOT_FOUND" => StatusCode::NOT_FOUND,
        "VALIDATION" => StatusCode::BAD_REQUEST,
        "CONFLICT" => StatusCode::CONFLICT,
        "RATE_LIMITED" => StatusCode::TOO_MANY_REQUESTS,
        "UNAVAILABLE" => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

pub(crate) fn error_response(e: ApiError) -> Response {
    let status = status_of(&e);
    let body = serde_json::json!({ "error": { "code": e.code(), "message": e.message() } });
    let mut response = (status, axum::Json(body)).into_response();
    if e == ApiError::Unavailable {
        response.headers_mut().insert(
            header::RETRY_AFTER,
            crate::error::UNAVAILABLE_RETRY_SECS.into(),
        );
    }
    response
}
