//! `GET /supply/indents/{indent id}.pdf` with the API's bearer token: an indent and
//! its issue voucher to print, for the staff of either store.

use super::registers::pdf_id;
use super::{pdf_response, request_ctx};
use crate::app::supply::Supply;
use crate::print::indent;
use crate::state::SharedState;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use std::net::SocketAddr;

#[tracing::instrument(name = "indent_pdf", skip_all)]
pub async fn indent_pdf(
    State(state): State<SharedState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> Response {
    let req = request_ctx(&state, &headers, peer).await;
    let result = async {
        let id = pdf_id(&file, "/supply/indents/{indent id}.pdf")?;
        let s = Supply {
            state: &state,
            principal: req.principal()?,
            meta: req.meta(),
        };
        let d = s.indent_document(id).await?;
        Ok(move || indent::pdf(&d))
    }
    .await;
    pdf_response(result).await
}
