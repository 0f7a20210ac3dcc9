//! `GET /training-registers/{session id}.pdf` with the API's bearer token: a training's
//! attendance register to print and sign, for those who run or train it.

use super::registers::pdf_id;
use super::{pdf_response, request_ctx};
use crate::app::training::Training;
use crate::print::training_register;
use crate::state::SharedState;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use std::net::SocketAddr;

#[tracing::instrument(name = "training_register_pdf", skip_all)]
pub async fn register_pdf(
    State(state): State<SharedState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> Response {
    let req = request_ctx(&state, &headers, peer).await;
    let result = async {
        let id = pdf_id(&file, "/training-registers/{session id}.pdf")?;
        let t = Training {
            state: &state,
            principal: req.principal()?,
            meta: req.meta(),
        };
        let r = t.register(id).await?;
        Ok(move || training_register::pdf(&r))
    }
    .await;
    pdf_response(result).await
}
