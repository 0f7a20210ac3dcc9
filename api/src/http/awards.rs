//! `GET /awards/{round id}/certificates/{facility id}.pdf` with the API's bearer token:
//! a winner's certificate of a decided award round.

use super::registers::pdf_id;
use super::{pdf_response, request_ctx};
use crate::app::dashboards::awards::Certificate;
use crate::app::dashboards::Dashboards;
use crate::error::ApiError;
use crate::print::certificate::{self, ordinal, CertificateFace};
use crate::state::SharedState;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use std::net::SocketAddr;

#[tracing::instrument(name = "award_certificate", skip_all)]
pub async fn certificate_pdf(
    State(state): State<SharedState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path((round, file)): Path<(String, String)>,
) -> Response {
    let req = request_ctx(&state, &headers, peer).await;
    let result = async {
        let shape = "/awards/{round id}/certificates/{facility id}.pdf";
        let round = uuid::Uuid::try_parse(&round)
            .map_err(|_| ApiError::NotFound(format!("ask for {shape}")))?;
        let facility = pdf_id(&file, shape)?;
        let d = Dashboards {
            state: &state,
            principal: req.principal()?,
            meta: req.meta(),
        };
        let face = face(d.certificate(round, facility).await?);
        Ok(move || certificate::pdf(&face))
    }
    .await;
    pdf_response(result).await
}

fn face(c: Certificate) -> CertificateFace {
    let month = |d: chrono::NaiveDate| d.format("%B %Y").to_string();
    let specialty = {
        let mut s = c.specialty.clone();
        if let Some(first) = s.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        s
    };
    let decided = chrono::DateTime::from_timestamp(c.claims.iat, 0)
        .map(|t| {
            (t + chrono::Duration::minutes(330))
                .format("%-d %B %Y")
                .to_string()
        })
        .unwrap_or_default();
    CertificateFace {
        tenant_name: c.tenant_name,
        facility_name: c.claims.fac.clone(),
        place: c.claims.place,
        title: c.claims.title.clone(),
        subject: format!(
            "{specialty} · {} to {}",
            month(c.period.0),
            month(c.period.1)
        ),
        standing: match c.claims.score {
            Some(s) => format!("Score {s:.1} of 100 · {} place", ordinal(c.claims.place)),
            None => format!("{} place", ordinal(c.claims.place)),
        },
        decided_on: decided,
        reference: c.claims.rid.clone(),
        qr_payload: c.payload,
    }
}
