//! `GET /surveillance/weekly-form.pdf` and `.csv` `?week=2026W49&level=P[&unit=id]`: a
//! place's weekly IDSP form, to print and sign or to open in a spreadsheet, with the
//! API's bearer token; for surveillance officers and administrators in their reach
//! (counts under five hidden where the caller may not see them exactly).

use super::csv::{response, row};
use super::{error_response, pdf_response, request_ctx};
use crate::app::surveillance::reporting::WeeklyForm;
use crate::app::surveillance::Surveillance;
use crate::error::{ApiError, ApiResult};
use crate::print::weekly_form;
use crate::state::SharedState;
use arogya_domain::surveillance::case::{CaseLevel, AGE_GROUPS};
use arogya_domain::surveillance::epi_week::EpiWeek;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use std::net::SocketAddr;

#[derive(serde::Deserialize)]
pub struct FormQuery {
    week: String,
    level: String,
    unit: Option<String>,
}

async fn form(
    state: &SharedState,
    headers: &HeaderMap,
    peer: SocketAddr,
    q: &FormQuery,
) -> ApiResult<WeeklyForm> {
    let req = request_ctx(state, headers, peer).await;
    let s = Surveillance {
        state,
        principal: req.principal()?,
        meta: req.meta(),
    };
    let unit = super::surveillance::unit_param(q.unit.as_deref())?;
    let week = EpiWeek::parse(&q.week, "week")?;
    let level = match q.level.to_uppercase().as_str() {
        "S" => CaseLevel::Syndromic,
        "P" => CaseLevel::Presumptive,
        "L" => CaseLevel::Laboratory,
        _ => return Err(ApiError::validation("level", "S, P or L")),
    };
    s.weekly_form(unit, week, level).await
}

#[tracing::instrument(name = "surveillance_weekly_form_pdf", skip_all)]
pub async fn weekly_form_pdf(
    State(state): State<SharedState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(q): Query<FormQuery>,
) -> Response {
    let result = form(&state, &headers, peer, &q)
        .await
        .map(|f| move || weekly_form::pdf(&f));
    pdf_response(result).await
}

#[tracing::instrument(name = "surveillance_weekly_form_csv", skip_all)]
pub async fn weekly_form_csv(
    State(state): State<SharedState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(q): Query<FormQuery>,
) -> Response {
    match form(&state, &headers, peer, &q).await {
        Ok(f) => {
            let mut header: Vec<String> = vec![
                "place".into(),
                "week".into(),
                "level".into(),
                "condition".into(),
                "condition_name".into(),
            ];
            header.extend(AGE_GROUPS.iter().map(|a| format!("age_{a}")));
            header.extend(["total".into(), "deaths".into()]);
            let mut out = row(&header);
            for l in &f.lines {
                let mut cells = vec![
                    f.place.clone(),
                    f.week.to_string(),
                    weekly_form::level_letter(f.level).to_owned(),
                    l.condition_code.clone(),
                    l.condition_name.clone(),
                ];
                cells.extend(l.by_age.iter().map(|s| s.to_string()));
                cells.extend([l.total.to_string(), l.deaths.to_string()]);
                out.push_str(&row(&cells));
            }
            response(
                out,
                &format!(
                    "weekly-form-{}-{}.csv",
                    weekly_form::level_letter(f.level),
                    f.week
                ),
            )
        }
        Err(e) => error_response(e),
    }
}
