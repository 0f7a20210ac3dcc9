//! Printable ward registers: `GET /ward-registers/{ward id}.pdf?day=YYYY-MM-DD` (today in
//! India by default), authenticated with the API's bearer token; an audited read.

use super::{error_response, request_ctx};
use crate::app::inpatient::Inpatient;
use crate::error::ApiError;
use crate::print::register;
use crate::state::SharedState;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use std::net::SocketAddr;

#[derive(serde::Deserialize)]
pub struct DayQuery {
    day: Option<String>,
}

#[tracing::instrument(name = "ward_register", skip_all)]
pub async fn ward_register(
    State(state): State<SharedState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(file): Path<String>,
    Query(q): Query<DayQuery>,
) -> Response {
    let req = request_ctx(&state, &headers, peer).await;
    let result = async {
        let ward = file
            .strip_suffix(".pdf")
            .and_then(|id| uuid::Uuid::try_parse(id).ok())
            .ok_or_else(|| ApiError::NotFound("ask for /ward-registers/{ward id}.pdf".into()))?;
        let day = match q.day.as_deref() {
            Some(d) => chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map_err(|_| ApiError::validation("day", "give the day as YYYY-MM-DD"))?,
            None => arogya_domain::appointment::ist_date(chrono::Utc::now()),
        };
        let i = Inpatient {
            state: &state,
            principal: req.principal()?,
            meta: req.meta(),
        };
        let r = i.day_register(ward, day).await?;
        // Rendering is CPU work: keep it off the async workers.
        tokio::task::spawn_blocking(move || register::pdf(&r))
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
