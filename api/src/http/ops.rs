//! Operational endpoints: liveness, readiness, metrics and the public signing keys.

use crate::state::SharedState;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The process is up.
pub async fn healthz() -> &'static str {
    "ok"
}

/// The database answers and every migration this build knows has been applied.
/// Whether it answers comes from the background probe, so this is quick either way
/// and follows an outage within a second.
pub async fn readyz(State(state): State<SharedState>) -> Response {
    if !state.db.health().is_up() {
        return (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response();
    }
    let migrated = tokio::time::timeout(
        std::time::Duration::from_millis(800),
        arogya_infra::db::applied_migrations_match(state.db.conn()),
    )
    .await
    .unwrap_or_else(|_| Err(anyhow::anyhow!("the database did not answer within 800 ms")));
    match migrated {
        Ok(true) => (StatusCode::OK, "ready").into_response(),
        Ok(false) => (StatusCode::SERVICE_UNAVAILABLE, "migrations pending").into_response(),
        Err(e) => {
            tracing::warn!(error = format!("{e:#}"), "not ready");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

pub async fn metrics(State(state): State<SharedState>) -> Response {
    let (open, idle) = state.db.pool_stats();
    let mut body = state
        .metrics
        .render(open, idle, state.config.database_max_connections);
    body.push_str("# HELP arogya_db_statements_total SQL statements executed.\n");
    body.push_str("# TYPE arogya_db_statements_total counter\n");
    body.push_str(&format!(
        "arogya_db_statements_total {}\n",
        state.db.statements_executed()
    ));
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], body).into_response()
}

/// Public keys that verify access tokens, for other services and gateways.
pub async fn jwks(State(state): State<SharedState>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        state.keys.jwks_json().to_owned(),
    )
        .into_response()
}

/// Count every request by method, matched route and status.
pub async fn count_requests(
    State(state): State<SharedState>,
    req: Request,
    next: Next,
) -> Response {
    let method = req.method().as_str().to_owned();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".into());
    let response = next.run(req).await;
    state
        .metrics
        .record_http(&method, &route, response.status().as_u16());
    response
}
