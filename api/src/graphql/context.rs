//! Per-request context attached by the HTTP handler, and safe accessors for resolvers
//! (no `unwrap` on context data: a missing piece is an internal error, logged).

use super::loaders::Loaders;
use crate::error::{ApiError, ApiResult};
use crate::http::authn::Authn;
use crate::state::AppState;
use arogya_domain::access::Principal;
use arogya_infra::repos::audit::RequestMeta;
use async_graphql::Context;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct RequestCtx {
    pub request_id: String,
    pub client_addr: String,
    pub authn: Authn,
    /// The `Host` the client used, for links back to this server.
    pub host: Option<String>,
}

impl RequestCtx {
    pub fn principal(&self) -> ApiResult<&Principal> {
        match &self.authn {
            Authn::Authenticated { principal, .. } => Ok(principal),
            Authn::Rejected(why) => Err(ApiError::Unauthenticated((*why).to_owned())),
            Authn::Unavailable => Err(ApiError::Unavailable),
            Authn::Anonymous => Err(ApiError::unauthenticated()),
        }
    }

    /// The caller's display name, as their access token states it.
    pub fn display_name(&self) -> &str {
        match &self.authn {
            Authn::Authenticated { display_name, .. } => display_name,
            _ => "",
        }
    }

    /// When the caller's access token expires (Unix seconds).
    pub fn expires_at(&self) -> Option<i64> {
        match &self.authn {
            Authn::Authenticated { expires_at, .. } => Some(*expires_at),
            _ => None,
        }
    }

    /// Make a link to this server absolute: the configured public URL, else the
    /// scheme-less `Host` the request came to (plain HTTP; behind TLS set the URL).
    pub fn absolute(&self, public_url: Option<&str>, url: String) -> String {
        if !url.starts_with('/') {
            return url;
        }
        match (public_url, &self.host) {
            (Some(base), _) => format!("{}{url}", base.trim_end_matches('/')),
            (None, Some(host)) => format!("http://{host}{url}"),
            (None, None) => url,
        }
    }

    pub fn meta(&self) -> RequestMeta {
        RequestMeta {
            request_id: Some(self.request_id.clone()),
            client_addr: Some(self.client_addr.clone()),
        }
    }
}

pub trait ContextExt {
    fn app(&self) -> ApiResult<&AppState>;
    /// The shared state itself, for streams that outlive the resolver call.
    fn shared_app(&self) -> ApiResult<Arc<AppState>>;
    fn request(&self) -> ApiResult<&RequestCtx>;
    /// This request's DataLoaders.
    fn loaders(&self) -> ApiResult<&Loaders>;
    fn principal(&self) -> ApiResult<&Principal> {
        self.request()?.principal()
    }
}

impl ContextExt for Context<'_> {
    fn app(&self) -> ApiResult<&AppState> {
        self.data::<Arc<AppState>>()
            .map(|s| s.as_ref())
            .map_err(|_| {
                tracing::error!("application state missing from the GraphQL context");
                ApiError::Internal
            })
    }

    fn shared_app(&self) -> ApiResult<Arc<AppState>> {
        self.data::<Arc<AppState>>().cloned().map_err(|_| {
            tracing::error!("application state missing from the GraphQL context");
            ApiError::Internal
        })
    }

    fn loaders(&self) -> ApiResult<&Loaders> {
        self.data::<Loaders>().map_err(|_| {
            tracing::error!("loaders missing from the GraphQL context");
            ApiError::Internal
        })
    }

    fn request(&self) -> ApiResult<&RequestCtx> {
        self.data::<RequestCtx>().map_err(|_| {
            tracing::error!("request context missing from the GraphQL context");
            ApiError::Internal
        })
    }
}
