//! `GET /supply/reports/{report}.csv` with the API's bearer token: the supply
//! reports for spreadsheets. `stock-outs` (`?unit=`), `expiry` (`?store=&days=`),
//! `availability` (`?unit=`), `budget` (`?year=2026-27`).

use super::csv::row;
use super::{error_response, request_ctx};
use crate::app::supply::Supply;
use crate::error::ApiError;
use crate::state::SharedState;
use arogya_domain::supply::procurement::financial_year_label;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use std::net::SocketAddr;

#[derive(serde::Deserialize)]
pub struct ReportQuery {
    store: Option<String>,
    unit: Option<String>,
    days: Option<i64>,
    year: Option<String>,
}

fn id(v: &Option<String>, field: &str) -> Result<Option<uuid::Uuid>, ApiError> {
    v.as_deref()
        .map(|s| {
            uuid::Uuid::try_parse(s).map_err(|_| ApiError::validation(field, "is not a valid ID"))
        })
        .transpose()
}

async fn build(s: &Supply<'_>, report: &str, q: &ReportQuery) -> Result<String, ApiError> {
    let mut out = String::new();
    match report {
        "stock-outs" => {
            out.push_str("store,item_code,item,on_hand_unusable,out_since\n");
            for r in s.stock_out_report(id(&q.unit, "unit")?).await? {
                out.push_str(&row(&[
                    r.store.name,
                    r.item.code,
                    r.item.name,
                    r.on_hand.to_string(),
                    r.out_since.map(|t| t.to_rfc3339()).unwrap_or_default(),
                ]));
            }
        }
        "expiry" => {
            let store = id(&q.store, "store")?
                .ok_or_else(|| ApiError::validation("store", "name the store"))?;
            out.push_str(
                "item_code,item,batch,expires_on,days_left,quantity,expected_use_before_expiry\n",
            );
            let (_, rows) = s.expiry_report(store, q.days.unwrap_or(90)).await?;
            for r in rows {
                out.push_str(&row(&[
                    r.item.code,
                    r.item.name,
                    r.batch_no,
                    r.expires_on.to_string(),
                    r.days_left.to_string(),
                    r.quantity.to_string(),
                    r.expected_use.map(|u| u.to_string()).unwrap_or_default(),
                ]));
            }
        }
        "availability" => {
            out.push_str(
                "store,essential_items,in_stock,percent_in_stock,stock_out_days_this_month\n",
            );
            for a in s.availability_report(id(&q.unit, "unit")?).await? {
                let pct = if a.essential_items == 0 {
                    0.0
                } else {
                    100.0 * a.in_stock as f64 / a.essential_items as f64
                };
                out.push_str(&row(&[
                    a.store.name,
                    a.essential_items.to_string(),
                    a.in_stock.to_string(),
                    format!("{pct:.1}"),
                    a.stock_out_days.to_string(),
                ]));
            }
        }
        "budget" => {
            out.push_str("code,name,financial_year,allocation_rupees,committed_rupees,spent_rupees,balance_rupees,utilisation_percent\n");
            let rupees = |p: i64| format!("{:.2}", p as f64 / 100.0);
            for (h, b) in s.budget(q.year.as_deref()).await? {
                out.push_str(&row(&[
                    h.code,
                    h.name,
                    financial_year_label(h.financial_year),
                    rupees(b.allocation),
                    rupees(b.committed),
                    rupees(b.spent),
                    rupees(b.balance()),
                    format!("{:.1}", b.utilisation()),
                ]));
            }
        }
        _ => {
            return Err(ApiError::validation(
                "report",
                "stock-outs, expiry, availability or budget",
            ))
        }
    }
    Ok(out)
}

#[tracing::instrument(name = "supply_report_csv", skip_all)]
pub async fn report_csv(
    State(state): State<SharedState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(file): Path<String>,
    Query(q): Query<ReportQuery>,
) -> Response {
    let req = request_ctx(&state, &headers, peer).await;
    let report = file.strip_suffix(".csv").unwrap_or(&file).to_owned();
    let result = async {
        let s = Supply {
            state: &state,
            principal: req.principal()?,
            meta: req.meta(),
        };
        build(&s, &report, &q).await
    }
    .await;
    match result {
        Ok(body) => super::csv::response(body, &format!("supply-{report}.csv")),
        Err(e) => error_response(e),
    }
}
