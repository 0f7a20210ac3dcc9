//! The one error type of the API edge. Business errors become GraphQL errors with a
//! stable `extensions.code`; internal errors are logged (with the request id, from
//! the request's tracing span) and returned as a bare `INTERNAL`, never with details.

use arogya_domain::DomainError;
use arogya_infra::db::InfraError;

/// Deliberately neither `Display` nor `std::error::Error`: async-graphql turns any
/// `Display` type into an error message, which would bypass this mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    Unauthenticated(String),
    Forbidden(String),
    NotFound(String),
    Validation {
        field: Option<String>,
        message: String,
    },
    Conflict(String),
    /// Several fields broke rules (a form's every problem at once).
    Problems(Vec<arogya_domain::FieldProblem>),
    /// A conflict the caller may override, named by a stable `reason` (in
    /// `extensions.reason`) so a client can explain it and offer to go on.
    ConflictWith {
        reason: &'static str,
        message: String,
    },
    RateLimited {
        retry_after_secs: u64,
    },
    /// The database cannot be reached: a retry soon may succeed. Answered with HTTP 503
    /// and `Retry-After`, so no client mistakes it for a failed sign-in.
    Unavailable,
    Internal,
}

/// How long a client should wait before retrying after `UNAVAILABLE`.
pub const UNAVAILABLE_RETRY_SECS: u64 = 2;

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::Unauthenticated(_) => "UNAUTHENTICATED",
            ApiError::Forbidden(_) => "FORBIDDEN",
            ApiError::NotFound(_) => "NOT_FOUND",
            ApiError::Validation { .. } | ApiError::Problems(_) => "VALIDATION",
            ApiError::Conflict(_) | ApiError::ConflictWith { .. } => "CONFLICT",
            ApiError::RateLimited { .. } => "RATE_LIMITED",
            ApiError::Unavailable => "UNAVAILABLE",
            ApiError::Internal => "INTERNAL",
        }
    }

    pub fn message(&self) -> String {
        match self {
            ApiError::Unauthenticated(m)
            | ApiError::Forbidden(m)
            | ApiError::NotFound(m)
            | ApiError::Conflict(m)
            | ApiError::ConflictWith { message: m, .. } => m.clone(),
            // The field is in `extensions.field`; the message is the rule in words, fit
            // to show next to the field.
            ApiError::Validation { message, .. } => message.clone(),
            ApiError::Problems(ps) => ps
                .iter()
                .map(|p| p.message.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            ApiError::RateLimited { retry_after_secs } => {
                format!("Too many attempts. Try again in {retry_after_secs} seconds.")
            }
            ApiError::Unavailable => format!(
                "The service is briefly unavailable. Try again in {UNAVAILABLE_RETRY_SECS} seconds."
            ),
            ApiError::Internal => {
                "Internal error. It has been logged; quote the request id when reporting it.".into()
            }
        }
    }

    pub fn validation(field: &str, message: impl Into<String>) -> Self {
        ApiError::Validation {
            field: Some(field.to_owned()),
            message: message.into(),
        }
    }

    pub fn unauthenticated() -> Self {
        ApiError::Unauthenticated("Sign in first: this needs a valid access token.".into())
    }

    /// Log an internal failure with its whole cause chain and hide it from the caller.
    /// An unreachable database is `UNAVAILABLE` instead (logged as a warning).
    pub fn internal(err: &anyhow::Error) -> Self {
        if arogya_infra::db::is_unavailable(err) {
            tracing::warn!(error = format!("{err:#}"), "database unavailable");
            return ApiError::Unavailable;
        }
        tracing::error!(error = format!("{err:#}"), "internal error");
        ApiError::Internal
    }
}

impl From<DomainError> for ApiError {
    fn from(e: DomainError) -> Self {
        match e {
            DomainError::Validation { field, message } => ApiError::Validation {
                field: Some(field),
                message,
            },
            DomainError::NotFound { entity } => ApiError::NotFound(format!("{entity} not found")),
            DomainError::Conflict { message } => ApiError::Conflict(message),
            DomainError::Problems(ps) => ApiError::Problems(ps),
            DomainError::Forbidden { message } => ApiError::Forbidden(message),
            DomainError::Unauthenticated { message } => ApiError::Unauthenticated(message),
            DomainError::RateLimited { retry_after_secs } => {
                ApiError::RateLimited { retry_after_secs }
            }
        }
    }
}

impl From<InfraError> for ApiError {
    fn from(e: InfraError) -> Self {
        match e {
            InfraError::Domain(d) => d.into(),
            InfraError::Internal(err) => ApiError::internal(&err),
        }
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(e: anyhow::Error) -> Self {
        ApiError::internal(&e)
    }
}

impl From<ApiError> for async_graphql::Error {
    fn from(e: ApiError) -> Self {
        let mut err = async_graphql::Error::new(e.message());
        err = err.extend_with(|_, ext| {
            ext.set("code", e.code());
            match &e {
                ApiError::Validation {
                    field: Some(f),
                    message,
                } => {
                    ext.set("field", f.as_str());
                    let (reason, params) = crate::error_reasons::reason_of(message);
                    ext.set("reason", reason);
                    if !params.is_empty() {
                        ext.set("params", params);
                    }
                }
                ApiError::Problems(ps) => {
                    if let Some(first) = ps.first() {
                        ext.set("field", first.field.as_str());
                    }
                    let list: Vec<async_graphql::Value> = ps
                        .iter()
                        .map(|p| {
                            let (reason, params) = crate::error_reasons::reason_of(&p.message);
                            let mut m = async_graphql::indexmap::IndexMap::new();
                            m.insert(async_graphql::Name::new("field"), p.field.clone().into());
                            m.insert(
                                async_graphql::Name::new("message"),
                                p.message.clone().into(),
                            );
                            m.insert(async_graphql::Name::new("reason"), reason.into());
                            m.insert(async_graphql::Name::new("params"), params.into());
                            async_graphql::Value::Object(m)
                        })
                        .collect();
                    ext.set("problems", async_graphql::Value::List(list));
                }
                ApiError::RateLimited { retry_after_secs } => {
                    ext.set("retryAfterSeconds", *retry_after_secs)
                }
                ApiError::Unavailable => ext.set("retryAfterSeconds", UNAVAILABLE_RETRY_SECS),
                ApiError::ConflictWith { reason, .. } => ext.set("reason", *reason),
                _ => {}
            }
        });
        err
    }
}

use async_graphql::ErrorExtensions;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_hide_their_cause() {
        let e: ApiError = anyhow::anyhow!("password authentication failed for user app").into();
        let gql: async_graphql::Error = e.into();
        assert!(!gql.message.contains("password"));
        let ext = serde_json::to_value(gql.extensions.unwrap()).unwrap();
        assert_eq!(ext["code"], "INTERNAL");
    }

    #[test]
    fn an_unreachable_database_is_unavailable_not_internal() {
        let down = anyhow::Error::new(arogya_infra::db::DbUnavailable).context("reading");
        let gql: async_graphql::Error = ApiError::from(down).into();
        let ext = serde_json::to_value(gql.extensions.unwrap()).unwrap();
        assert_eq!(ext["code"], "UNAVAILABLE");
        assert_eq!(ext["retryAfterSeconds"], UNAVAILABLE_RETRY_SECS);
    }

    #[test]
    fn validation_names_the_field() {
        let e: ApiError = DomainError::validation("code", "bad").into();
        let gql: async_graphql::Error = e.into();
        let ext = serde_json::to_value(gql.extensions.unwrap()).unwrap();
        assert_eq!(ext["code"], "VALIDATION");
        assert_eq!(ext["field"], "code");
    }
}
