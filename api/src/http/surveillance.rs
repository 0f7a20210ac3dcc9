//! `GET /surveillance/line-list.csv?from=2026W45&to=2026W49[&condition=DENGUE][&unit=id]`:
//! the line list as CSV, for surveillance officers, with the API's bearer token; the
//! read is audited like the list on screen.

use super::csv::{response, row};
use super::{error_response, request_ctx};
use crate::app::surveillance::Surveillance;
use crate::error::ApiError;
use crate::state::SharedState;
use arogya_domain::ids::UnitId;
use arogya_domain::surveillance::epi_week::EpiWeek;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use std::collections::HashMap;
use std::net::SocketAddr;

#[derive(serde::Deserialize)]
pub struct LineListQuery {
    from: String,
    to: String,
    condition: Option<String>,
    unit: Option<String>,
}

/// The optional `unit` of a surveillance download.
pub(super) fn unit_param(unit: Option<&str>) -> Result<Option<UnitId>, ApiError> {
    unit.map(|u| {
        uuid::Uuid::try_parse(u)
            .map(UnitId)
            .map_err(|_| ApiError::validation("unit", "is not a valid ID"))
    })
    .transpose()
}

#[tracing::instrument(name = "surveillance_line_list_csv", skip_all)]
pub async fn line_list_csv(
    State(state): State<SharedState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(q): Query<LineListQuery>,
) -> Response {
    let req = request_ctx(&state, &headers, peer).await;
    let result = async {
        let s = Surveillance {
            state: &state,
            principal: req.principal()?,
            meta: req.meta(),
        };
        let unit = unit_param(q.unit.as_deref())?;
        let from = EpiWeek::parse(&q.from, "from")?;
        let to = EpiWeek::parse(&q.to, "to")?;
        let codes: HashMap<_, _> = s
            .conditions()
            .await?
            .into_iter()
            .map(|c| (c.id, c.code))
            .collect();
        let cases = s.line_list(q.condition.as_deref(), unit, from, to).await?;
        Ok::<_, ApiError>((codes, cases))
    }
    .await;
    match result {
        Ok((codes, cases)) => {
            let mut out = String::from(
                "case_id,condition,level,classification,outcome,onset_date,epi_week,reported_at,unit_id,village,name,age_years,sex,symptoms,patient_id\n",
            );
            for c in cases {
                out.push_str(&row(&[
                    c.id.to_string(),
                    codes.get(&c.condition_id).cloned().unwrap_or_default(),
                    c.level.to_uppercase(),
                    c.classification.clone(),
                    c.outcome.clone().unwrap_or_default(),
                    c.onset_date.to_string(),
                    EpiWeek::from_key(c.epi_week)
                        .map(|w| w.to_string())
                        .unwrap_or_default(),
                    c.reported_at.to_rfc3339(),
                    c.unit_id.to_string(),
                    c.village.clone().unwrap_or_default(),
                    c.name.clone().unwrap_or_default(),
                    c.age_years.map(|a| a.to_string()).unwrap_or_default(),
                    c.sex.clone(),
                    c.symptoms.clone().unwrap_or_default(),
                    c.patient_id.map(|p| p.to_string()).unwrap_or_default(),
                ]));
            }
            response(out, "line-list.csv")
        }
        Err(e) => error_response(e),
    }
}
