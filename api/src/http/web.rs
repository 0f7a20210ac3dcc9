//! The web app: the files of `AROGYA_WEB_DIR` (the built `frontend/`) at `/`. A path
//! that is no file gets `index.html`, so the app's deep links load it and its router
//! takes over. Hashed assets are cached for good; `index.html` is always revalidated,
//! so a new release is picked up at the next load.

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use std::path::Path;
use tower_http::services::{ServeDir, ServeFile};

/// The app may talk to this server only (GraphQL over HTTP and WebSocket) and to
/// object storage for uploads (any HTTPS origin: the bucket's host varies).
const CSP: &str = "default-src 'self'; connect-src 'self' ws: wss: https: blob:; img-src 'self' data: blob:; \
                   style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

pub fn app(dir: &Path) -> Router {
    if !dir.join("index.html").is_file() {
        tracing::warn!(
            dir = %dir.display(),
            "the web app is not built here: run scripts/build-web (or set AROGYA_WEB_DIR)"
        );
    }
    let files = ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html")));
    Router::new()
        .fallback_service(files)
        .layer(middleware::from_fn(headers))
}

async fn headers(req: Request, next: Next) -> Response {
    let hashed = req.uri().path().starts_with("/assets/");
    let mut res = next.run(req).await;
    let cache = if hashed && res.status().is_success() {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let h = res.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    res
}
