//! `GET /dashboards/report.pdf?month=YYYY-MM[&unit=id | &facility=id]` with the API's
//! bearer token: a place's monthly indicators report (the month and the eleven before
//! it), for anyone who may read the place's indicators.

use super::{pdf_response, request_ctx};
use crate::app::dashboards::indicators::PlaceRef;
use crate::app::dashboards::Dashboards;
use crate::error::{ApiError, ApiResult};
use crate::print::indicator_report;
use crate::state::SharedState;
use arogya_domain::ids::{FacilityId, UnitId};
use axum::extract::{ConnectInfo, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use chrono::{Months, NaiveDate};
use std::net::SocketAddr;

#[derive(serde::Deserialize)]
pub struct ReportQuery {
    month: String,
    unit: Option<String>,
    facility: Option<String>,
}

fn id(field: &str, v: &str) -> ApiResult<uuid::Uuid> {
    uuid::Uuid::try_parse(v).map_err(|_| ApiError::validation(field, "is not a valid ID"))
}

#[tracing::instrument(name = "indicator_report_pdf", skip_all)]
pub async fn report_pdf(
    State(state): State<SharedState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(q): Query<ReportQuery>,
) -> Response {
    let req = request_ctx(&state, &headers, peer).await;
    let result = async {
        let d = Dashboards {
            state: &state,
            principal: req.principal()?,
            meta: req.meta(),
        };
        let month = NaiveDate::parse_from_str(&format!("{}-01", q.month.trim()), "%Y-%m-%d")
            .map_err(|_| ApiError::validation("month", "give a month as YYYY-MM"))?;
        let first = month.checked_sub_months(Months::new(11)).unwrap_or(month);
        let place = match (q.unit.as_deref(), q.facility.as_deref()) {
            (_, Some(f)) => PlaceRef::Facility(FacilityId(id("facility", f)?)),
            (Some(u), None) => PlaceRef::Unit(UnitId(id("unit", u)?)),
            (None, None) => PlaceRef::Reach,
        };
        let report = d
            .indicators(place, &first.format("%Y-%m").to_string(), &q.month, None)
            .await?;
        let tenant = match req.principal()?.tenant() {
            Some(t) => state
                .tenants
                .get(t)
                .await?
                .map(|t| t.name)
                .unwrap_or_default(),
            None => String::new(),
        };
        Ok(move || indicator_report::pdf(&report, &tenant))
    }
    .await;
    pdf_response(result).await
}
