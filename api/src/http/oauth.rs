//! `POST /oauth/token`: OAuth 2.0 `client_credentials` (RFC 6749 §4.4) for machine
//! clients. The client authenticates with HTTP Basic or with `client_id` and
//! `client_secret` in the form body; the answer is a bearer token for the API, short
//! lived, and errors are RFC 6749's (`invalid_client`, `unsupported_grant_type`, …).
//! The scopes are the client's, set when it was created; a `scope` asked for here is
//! not a way to widen them and is ignored.

use crate::app::api_clients;
use crate::error::ApiError;
use crate::http::graphql_http::{client_addr, request_id};
use crate::state::SharedState;
use arogya_infra::repos::audit::RequestMeta;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use std::net::SocketAddr;

fn answer(status: StatusCode, body: serde_json::Value) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
            (header::PRAGMA, "no-cache"),
        ],
        body.to_string(),
    )
        .into_response()
}

fn error(status: StatusCode, code: &str, description: &str) -> Response {
    answer(
        status,
        serde_json::json!({ "error": code, "error_description": description }),
    )
}

/// `client_id:client_secret` from `Authorization: Basic …` (each part form-encoded, as
/// RFC 6749 §2.3.1 says).
fn basic(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let encoded = value
        .strip_prefix("Basic ")
        .or_else(|| value.strip_prefix("basic "))?;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (id, secret) = text.split_once(':')?;
    let unescape = |s: &str| {
        form_urlencoded::parse(format!("v={s}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
    };
    Some((unescape(id)?, unescape(secret)?))
}

pub async fn token(
    State(state): State<SharedState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let form_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !form_type || body.len() > 4096 {
        return error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "send the parameters as application/x-www-form-urlencoded (at most 4 KB)",
        );
    }
    let mut grant_type = None;
    let (mut id, mut secret) = (None, None);
    for (k, v) in form_urlencoded::parse(&body) {
        match k.as_ref() {
            "grant_type" => grant_type = Some(v.into_owned()),
            "client_id" => id = Some(v.into_owned()),
            "client_secret" => secret = Some(v.into_owned()),
            _ => {}
        }
    }
    if grant_type.as_deref() != Some("client_credentials") {
        return error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "only grant_type=client_credentials is supported here",
        );
    }
    let by_basic = basic(&headers);
    let used_basic = by_basic.is_some();
    let Some((id, secret)) = by_basic.or(id.zip(secret)) else {
        return error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "authenticate with HTTP Basic or client_id and client_secret",
        );
    };
    let meta = RequestMeta {
        request_id: Some(request_id(&headers)),
        client_addr: Some(client_addr(
            &headers,
            peer,
            state.config.trust_forwarded_for,
        )),
    };
    match api_clients::token(&state, &meta, &id, secret).await {
        Ok(t) => answer(
            StatusCode::OK,
            serde_json::json!({
                "access_token": t.access_token,
                "token_type": "Bearer",
                "expires_in": t.expires_in,
                "scope": t.scopes.iter().map(scope_word).collect::<Vec<_>>().join(" "),
            }),
        ),
        Err(ApiError::Unauthenticated(m)) => {
            let mut r = error(StatusCode::UNAUTHORIZED, "invalid_client", &m);
            if used_basic {
                r.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    header::HeaderValue::from_static("Basic realm=\"arogya\""),
                );
            }
            r
        }
        Err(ApiError::RateLimited { retry_after_secs }) => {
            let mut r = error(
                StatusCode::TOO_MANY_REQUESTS,
                "invalid_request",
                "too many failed attempts: try again later",
            );
            r.headers_mut()
                .insert(header::RETRY_AFTER, retry_after_secs.into());
            r
        }
        Err(e) => {
            tracing::error!(error = ?e, "client token failed");
            error(
                StatusCode::SERVICE_UNAVAILABLE,
                "temporarily_unavailable",
                "the server cannot answer now: try again shortly",
            )
        }
    }
}

/// A scope as a word: `lab_technician@facility:<id>`, `store_keeper@unit:<id>`,
/// `surveyor` (the whole tenant).
pub fn scope_word(g: &arogya_domain::role::RoleGrant) -> String {
    match (g.unit(), g.facility()) {
        (Some(u), _) => format!("{}@unit:{}", g.role.as_str(), u.0),
        (_, Some(f)) => format!("{}@facility:{}", g.role.as_str(), f.0),
        _ => g.role.as_str().to_owned(),
    }
}
