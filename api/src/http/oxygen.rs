//! `GET /oxygen/daily.csv?from=YYYY-MM-DD&to=YYYY-MM-DD[&facility=id][&unit=id]`: the
//! daily oxygen roll-up as CSV for spreadsheets, with the API's bearer token.

use super::{error_response, request_ctx};
use crate::app::oxygen::Oxygen;
use crate::error::ApiError;
use crate::state::SharedState;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use chrono::NaiveDate;
use std::net::SocketAddr;

#[derive(serde::Deserialize)]
pub struct DailyQuery {
    from: String,
    to: String,
    facility: Option<String>,
    unit: Option<String>,
}

fn date(v: &str, field: &str) -> Result<NaiveDate, ApiError> {
    NaiveDate::parse_from_str(v, "%Y-%m-%d")
        .map_err(|_| ApiError::validation(field, "give the day as YYYY-MM-DD"))
}

fn id(v: &Option<String>, field: &str) -> Result<Option<uuid::Uuid>, ApiError> {
    v.as_deref()
        .map(|s| {
            uuid::Uuid::try_parse(s).map_err(|_| ApiError::validation(field, "is not a valid ID"))
        })
        .transpose()
}

fn number(v: f64) -> String {
    format!("{v:.2}")
}

#[tracing::instrument(name = "oxygen_daily_csv", skip_all)]
pub async fn daily_csv(
    State(state): State<SharedState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(q): Query<DailyQuery>,
) -> Response {
    let req = request_ctx(&state, &headers, peer).await;
    let result = async {
        let o = Oxygen {
            state: &state,
            principal: req.principal()?,
            meta: req.meta(),
        };
        o.daily(
            id(&q.facility, "facility")?,
            id(&q.unit, "unit")?,
            date(&q.from, "from")?,
            date(&q.to, "to")?,
        )
        .await
    }
    .await;
    match result {
        Ok(days) => {
            let mut out = String::from(
                "day,facilities,reported,stock_nm3,usable_nm3,consumption_nm3,received_nm3,produced_nm3,occupied_oxygen_beds,consumption_per_occupied_bed_nm3,at_risk\n",
            );
            for d in days {
                out.push_str(&format!(
                    "{},{},{},{},{},{},{},{},{},{},{}\n",
                    d.day,
                    d.facilities,
                    d.reported,
                    number(d.stock_nm3),
                    number(d.usable_nm3),
                    number(d.consumption_nm3),
                    number(d.received_nm3),
                    number(d.produced_nm3),
                    d.occupied_oxygen_beds,
                    d.consumption_per_bed().map(number).unwrap_or_default(),
                    d.at_risk
                ));
            }
            super::csv::response(out, "oxygen-daily.csv")
        }
        Err(e) => error_response(e),
    }
}
