//! Printable ward registers: `GET /ward-registers/{ward id}.pdf?day=YYYY-MM-DD`, and a
//! patient's day chart (observations, medication administration, intake–output):
//! `GET /patient-charts/{admission id}.pdf?day=YYYY-MM-DD`. The day is today in India
//! by default; both are authenticated with the API's bearer token and audited reads.

use super::{pdf_response, request_ctx};
use crate::app::inpatient::Inpatient;
use crate::error::ApiError;
use crate::print::{chart, register};
use crate::state::SharedState;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
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
        let ward = pdf_id(&file, "/ward-registers/{ward id}.pdf")?;
        let day = day_of(&q)?;
        let i = Inpatient {
            state: &state,
            principal: req.principal()?,
            meta: req.meta(),
        };
        let r = i.day_register(ward, day).await?;
        Ok(move || register::pdf(&r))
    }
    .await;
    pdf_response(result).await
}

/// The id in "{id}.pdf".
pub(super) fn pdf_id(file: &str, shape: &str) -> Result<uuid::Uuid, ApiError> {
    file.strip_suffix(".pdf")
        .and_then(|id| uuid::Uuid::try_parse(id).ok())
        .ok_or_else(|| ApiError::NotFound(format!("ask for {shape}")))
}

fn day_of(q: &DayQuery) -> Result<chrono::NaiveDate, ApiError> {
    match q.day.as_deref() {
        Some(d) => chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map_err(|_| ApiError::validation("day", "give the day as YYYY-MM-DD")),
        None => Ok(arogya_domain::appointment::ist_date(chrono::Utc::now())),
    }
}

#[tracing::instrument(name = "patient_chart", skip_all)]
pub async fn patient_chart(
    State(state): State<SharedState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(file): Path<String>,
    Query(q): Query<DayQuery>,
) -> Response {
    let req = request_ctx(&state, &headers, peer).await;
    let result = async {
        let admission = pdf_id(&file, "/patient-charts/{admission id}.pdf")?;
        let day = day_of(&q)?;
        let i = Inpatient {
            state: &state,
            principal: req.principal()?,
            meta: req.meta(),
        };
        let c = i.patient_chart(admission, day).await?;
        Ok(move || chart::pdf(&c))
    }
    .await;
    pdf_response(result).await
}
