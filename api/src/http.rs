//! Plain HTTP endpoints and middleware around the GraphQL API.

pub mod authn;
pub mod awards;
pub mod cards;
pub mod control_chars;
pub mod csv;
pub mod fhir;
pub mod graphql_http;
pub mod idempotency;
pub mod indents;
pub mod indicator_report;
pub mod metrics;
pub mod oauth;
pub mod operation_name;
pub mod ops;
pub mod oxygen;
pub mod persisted_queries;
pub mod prescriptions;
pub mod registers;
pub mod storage;
pub mod supply;
pub mod surveillance;
pub mod surveillance_forms;
pub mod training;
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

/// A printed document rendered off the async workers (rendering is CPU work), answered
/// as a private, uncached PDF; or the error.
pub(crate) async fn pdf_response(
    rendered: Result<impl FnOnce() -> anyhow::Result<Vec<u8>> + Send + 'static, ApiError>,
) -> Response {
    let result = match rendered {
        Ok(render) => tokio::task::spawn_blocking(render)
            .await
            .map_err(|e| ApiError::internal(&e.into()))
            .and_then(|r| r.map_err(|e| ApiError::internal(&e))),
        Err(e) => Err(e),
    };
    match result {
        Ok(bytes) => {
            let mut resp = axum::response::IntoResponse::into_response(bytes);
            let h = resp.headers_mut();
            h.insert(
                axum::http::header::CONTENT_TYPE,
                axum::http::HeaderValue::from_static("application/pdf"),
            );
            h.insert(
                axum::http::header::CACHE_CONTROL,
                axum::http::HeaderValue::from_static("private, no-store"),
            );
            resp
        }
        Err(e) => error_response(e),
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
