//! The GraphQL endpoints: `POST /graphql`, GraphiQL at `GET /graphql`, and
//! subscriptions over WebSocket at `/graphql/ws` (authenticated in `connection_init`).

use crate::graphql::context::RequestCtx;
use crate::graphql::{loaders, AppSchema};
use crate::http::authn::{authenticate, Authn};
use crate::http::idempotency::{self, Gate};
use crate::state::SharedState;
use async_graphql::http::{GraphiQLSource, ALL_WEBSOCKET_PROTOCOLS};
use async_graphql::{BatchRequest, BatchResponse, Data};
use async_graphql_axum::{GraphQLProtocol, GraphQLWebSocket};
use axum::body::Body;
use axum::extract::ws::WebSocketUpgrade;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::Extension;
use std::net::SocketAddr;
use std::time::Instant;

/// Most operations one batched request may carry.
const MAX_BATCH: usize = 10;

/// GraphiQL, when the configuration turns it on (see `graphiql` there).
pub async fn graphiql(State(state): State<SharedState>) -> Response {
    if !state.config.graphiql {
        return (
            StatusCode::NOT_FOUND,
            "GraphiQL is off on this server (set AROGYA_GRAPHIQL=true to turn it on; its page loads scripts from a CDN). POST GraphQL requests here.",
        )
            .into_response();
    }
    Html(
        GraphiQLSource::build()
            .endpoint("/graphql")
            .subscription_endpoint("/graphql/ws")
            .finish(),
    )
    .into_response()
}

/// A response shaped like any GraphQL error, for requests rejected before execution.
fn reject(status: StatusCode, message: &str) -> Response {
    let body = serde_json::json!({
        "errors": [{ "message": message, "extensions": { "code": "VALIDATION" } }]
    });
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

fn batch_window(state: &crate::state::AppState) -> std::time::Duration {
    std::time::Duration::from_millis(state.config.graphql_batch_window_ms)
}

pub fn request_id(headers: &HeaderMap) -> String {
    headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_owned()
}

/// The `Host` header when it looks like a host name or address with a port.
pub fn host_of(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.len() <= 255
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b))
        })
        .map(str::to_owned)
}

/// The caller's address: the TCP peer, or behind a trusted load balancer the last
/// address it appended to `X-Forwarded-For` (earlier entries are client-supplied).
pub fn client_addr(headers: &HeaderMap, peer: SocketAddr, trust_forwarded_for: bool) -> String {
    if trust_forwarded_for {
        let forwarded = headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .map(str::trim)
            .filter(|s| s.parse::<std::net::IpAddr>().is_ok());
        if let Some(addr) = forwarded {
            return addr.to_owned();
        }
    }
    peer.ip().to_string()
}

#[tracing::instrument(name = "graphql", skip_all)]
pub async fn graphql_post(
    State(state): State<SharedState>,
    Extension(schema): Extension<AppSchema>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let started = Instant::now();
    let bytes = match axum::body::to_bytes(body, state.config.max_body_bytes).await {
        Ok(b) => b,
        Err(_) => {
            return reject(
                StatusCode::PAYLOAD_TOO_LARGE,
                &format!(
                    "The request body is larger than {} bytes.",
                    state.config.max_body_bytes
                ),
            )
        }
    };
    let mut batch: BatchRequest = match serde_json::from_slice(&bytes) {
        Ok(b) => b,
        Err(e) => {
            return reject(
                StatusCode::BAD_REQUEST,
                &format!(
                    "The body is not a GraphQL request in JSON ({}).",
                    e.to_string().split(" at line").next().unwrap_or("")
                ),
            )
        }
    };
    if let BatchRequest::Batch(list) = &batch {
        if list.len() > MAX_BATCH || list.is_empty() {
            return reject(
                StatusCode::BAD_REQUEST,
                &format!("A batch carries 1 to {MAX_BATCH} operations."),
            );
        }
    }
    // A query named by its hash takes its kept text before anything reads the query.
    let resolved = match &mut batch {
        BatchRequest::Single(r) => state.persisted_queries.resolve(r),
        BatchRequest::Batch(list) => list
            .iter_mut()
            .try_for_each(|r| state.persisted_queries.resolve(r)),
    };
    if let Err(refused) = resolved {
        return graphql_error(refused.code(), refused.message());
    }
    // Control characters in any text input are refused here, naming the field.
    let requests: Vec<&async_graphql::Request> = match &batch {
        BatchRequest::Single(r) => vec![r],
        BatchRequest::Batch(list) => list.iter().collect(),
    };
    if let Some(field) = requests
        .iter()
        .find_map(|r| super::control_chars::offending_field(r))
    {
        return graphql_validation(&field, "must not contain control characters");
    }
    let operation = match &batch {
        BatchRequest::Single(r) => r
            .operation_name
            .clone()
            .or_else(|| super::operation_name::from_document(&r.query).map(str::to_owned)),
        BatchRequest::Batch(_) => Some("batch".to_owned()),
    };
    let authorization = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    let ctx = RequestCtx {
        request_id: request_id(&headers),
        client_addr: client_addr(&headers, peer, state.config.trust_forwarded_for),
        authn: authenticate(&state, authorization).await,
        host: host_of(&headers),
    };
    // A mutation with an Idempotency-Key runs once; repeats get its first answer.
    let key = match idempotency::key_of(&headers) {
        Ok(k) => k,
        Err(m) => return reject(StatusCode::BAD_REQUEST, &m),
    };
    let mut claimed = None;
    if let (Some(key), BatchRequest::Single(r), Authn::Authenticated { principal, .. }) =
        (key, &batch, &ctx.authn)
    {
        if idempotency::replayable_mutation(&r.query, r.operation_name.as_deref()) {
            // The request as it runs, not its bytes: a retry by hash (persisted
            // query) is the same request as the first with its text.
            match idempotency::enter(&state, principal, key, &idempotency::canonical(r)).await {
                Gate::Pass => {}
                Gate::Run(c) => claimed = Some(c),
                Gate::Replay(body) => {
                    let mut http = json_response(body);
                    http.headers_mut().insert(
                        "idempotent-replayed",
                        header::HeaderValue::from_static("true"),
                    );
                    return http;
                }
                Gate::Conflict(m) => return graphql_error("CONFLICT", &m),
            }
        }
    }
    let loaders = loaders::Loaders::new(&state.db, batch_window(&state));
    let batch = batch.data(ctx).data(loaders);

    let mut response = schema.execute_batch(batch).await;
    let failed = ensure_error_codes(&mut response);
    state
        .metrics
        .record_operation(operation.as_deref(), started.elapsed(), failed);

    let body = serde_json::to_string(&response).unwrap_or_else(|_| "{}".into());
    if let Some(c) = claimed {
        idempotency::finish(&state, c, &body, server_fault(&response)).await;
    }
    let mut http = json_response(body);
    if has_code(&response, "UNAVAILABLE") {
        // The database is down: say so at the HTTP level too, with when to retry, so
        // no client (or load balancer) reads it as a failed sign-in.
        *http.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
        http.headers_mut().insert(
            header::RETRY_AFTER,
            crate::error::UNAVAILABLE_RETRY_SECS.into(),
        );
    }
    http
}

/// Does any error of the response carry `code`?
fn has_code(response: &BatchResponse, code: &str) -> bool {
    let responses: Vec<&async_graphql::Response> = match response {
        BatchResponse::Single(r) => vec![r],
        BatchResponse::Batch(rs) => rs.iter().collect(),
    };
    responses.iter().flat_map(|r| r.errors.iter()).any(|e| {
        e.extensions
            .as_ref()
            .and_then(|x| x.get("code"))
            .is_some_and(|c| matches!(c, async_graphql::Value::String(s) if s == code))
    })
}

fn json_response(body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

/// A `VALIDATION` error naming `field`, answered before execution.
fn graphql_validation(field: &str, message: &str) -> Response {
    json_response(
        serde_json::json!({ "errors": [{ "message": message, "extensions": { "code": "VALIDATION", "field": field, "reason": "CONTROL_CHARACTER" } }] })
            .to_string(),
    )
}

/// A GraphQL-shaped error answered before execution.
fn graphql_error(code: &str, message: &str) -> Response {
    json_response(
        serde_json::json!({ "errors": [{ "message": message, "extensions": { "code": code } }] })
            .to_string(),
    )
}

/// Did the request fail through no fault of its own (a retry may succeed)?
fn server_fault(response: &BatchResponse) -> bool {
    has_code(response, "INTERNAL") || has_code(response, "UNAVAILABLE")
}

/// Errors raised by async-graphql itself (syntax, unknown fields, wrong types, depth
/// and complexity limits) carry no code: they are all faults of the request, so they
/// get `VALIDATION`. Returns whether any error was present.
fn ensure_error_codes(response: &mut BatchResponse) -> bool {
    let responses: Vec<&mut async_graphql::Response> = match response {
        BatchResponse::Single(r) => vec![r],
        BatchResponse::Batch(rs) => rs.iter_mut().collect(),
    };
    let mut failed = false;
    for r in responses {
        for e in r.errors.iter_mut() {
            failed = true;
            let ext = e.extensions.get_or_insert_with(Default::default);
            if ext.get("code").is_none() {
                ext.set("code", "VALIDATION");
            }
        }
    }
    failed
}

pub async fn graphql_ws(
    State(state): State<SharedState>,
    Extension(schema): Extension<AppSchema>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    protocol: GraphQLProtocol,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    let request_id = request_id(&headers);
    let client_addr = client_addr(&headers, peer, state.config.trust_forwarded_for);
    let host = host_of(&headers);
    upgrade
        .protocols(ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |socket| async move {
            GraphQLWebSocket::new(socket, schema, protocol)
                .on_connection_init(move |payload| async move {
                    let authorization = payload
                        .get("Authorization")
                        .or_else(|| payload.get("authorization"))
                        .and_then(|v| v.as_str())
                        .map(str::to_owned);
                    let authn = authenticate(&state, authorization.as_deref()).await;
                    if !matches!(authn, Authn::Authenticated { .. }) {
                        return Err(async_graphql::Error::new(
                            "UNAUTHENTICATED: connection_init needs a valid Authorization",
                        ));
                    }
                    let loaders = loaders::Loaders::new(&state.db, batch_window(&state));
                    let mut data = Data::default();
                    data.insert(RequestCtx {
                        request_id,
                        client_addr,
                        authn,
                        host,
                    });
                    data.insert(loaders);
                    Ok(data)
                })
                .serve()
                .await
        })
}
