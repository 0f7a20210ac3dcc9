//! `PUT` and `GET /storage/{token}`: the folder store's signed upload and download
//! URLs, the counterpart of S3's presigned ones. The token alone authorises the
//! request (as a presigned URL does), for one object, one method, until it expires;
//! uploads are refused past the declared size.

use crate::state::SharedState;
use arogya_infra::storage::{content_disposition, FsStore, UrlClaims, UrlError};
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

fn refuse(status: StatusCode, message: &str) -> Response {
    let body = serde_json::json!({ "error": { "code": "STORAGE", "message": message } });
    (status, axum::Json(body)).into_response()
}

// The error is the response itself, returned at once: boxing it would gain nothing.
#[allow(clippy::result_large_err)]
fn check(
    state: &SharedState,
    token: &str,
    method: &str,
) -> Result<(Arc<FsStore>, UrlClaims), Response> {
    let Some(store) = state.fs_store.clone() else {
        return Err(refuse(
            StatusCode::NOT_FOUND,
            "documents are not kept on this server",
        ));
    };
    match store.verify(token, method) {
        Ok(claims) => Ok((store, claims)),
        Err(UrlError::Expired) => Err(refuse(
            StatusCode::FORBIDDEN,
            "this link has expired: ask for a new one",
        )),
        Err(UrlError::WrongMethod) => Err(refuse(
            StatusCode::METHOD_NOT_ALLOWED,
            "this link is for another method",
        )),
        Err(UrlError::BadSignature | UrlError::Malformed) => {
            Err(refuse(StatusCode::FORBIDDEN, "this link is not valid"))
        }
    }
}

#[tracing::instrument(name = "storage_upload", skip_all)]
pub async fn upload(
    State(state): State<SharedState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let (store, claims) = match check(&state, &token, "PUT") {
        Ok(c) => c,
        Err(r) => return r,
    };
    let sent_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    if sent_type != Some(claims.t.as_str()) {
        return refuse(
            StatusCode::FORBIDDEN,
            &format!(
                "send the content type the upload was declared with ({})",
                claims.t
            ),
        );
    }
    let size = claims.n.unwrap_or(0);
    let length = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if length.is_some_and(|n| n != size) {
        return refuse(
            StatusCode::BAD_REQUEST,
            &format!("the upload was declared as {size} bytes"),
        );
    }
    match store.write(&claims.k, body.into_data_stream(), size).await {
        Ok(Ok(_)) => StatusCode::OK.into_response(),
        Ok(Err(_)) => refuse(
            StatusCode::PAYLOAD_TOO_LARGE,
            &format!("the upload is larger than the {size} bytes declared"),
        ),
        Err(e) => {
            tracing::error!(error = format!("{e:#}"), "storing an upload failed");
            refuse(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the upload could not be stored",
            )
        }
    }
}

#[tracing::instrument(name = "storage_download", skip_all)]
pub async fn download(State(state): State<SharedState>, Path(token): Path<String>) -> Response {
    let (store, claims) = match check(&state, &token, "GET") {
        Ok(c) => c,
        Err(r) => return r,
    };
    let (file, len) = match store.open(&claims.k).await {
        Ok(Some(f)) => f,
        Ok(None) => return refuse(StatusCode::NOT_FOUND, "the document is no longer stored"),
        Err(e) => {
            tracing::error!(error = format!("{e:#}"), "opening a document failed");
            return refuse(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the document could not be read",
            );
        }
    };
    let mut resp = Body::from_stream(tokio_util::io::ReaderStream::new(file)).into_response();
    let h = resp.headers_mut();
    let set = |h: &mut HeaderMap, name, value: &str| {
        if let Ok(v) = HeaderValue::from_str(value) {
            h.insert(name, v);
        }
    };
    set(h, header::CONTENT_TYPE, &claims.t);
    set(h, header::CONTENT_LENGTH, &len.to_string());
    set(
        h,
        header::CONTENT_DISPOSITION,
        &content_disposition(claims.f.as_deref().unwrap_or("document")),
    );
    set(h, header::CACHE_CONTROL, "private, no-store");
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    resp
}
