//! Business errors. The API edge maps each variant to a stable GraphQL error code.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    /// Input broke a rule; `field` names the offending input field.
    #[error("{field}: {message}")]
    Validation { field: String, message: String },
    /// The object does not exist *for the caller*: other tenants' objects look the same.
    #[error("{entity} not found")]
    NotFound { entity: &'static str },
    /// The write lost a race or collides with an existing object.
    #[error("{message}")]
    Conflict { message: String },
    /// The caller is known but may not do this.
    #[error("{message}")]
    Forbidden { message: String },
    /// No valid identity (bad credentials, bad or revoked token, suspended tenant).
    #[error("{message}")]
    Unauthenticated { message: String },
    /// Too many attempts; try again after the given number of seconds.
    #[error("too many attempts, retry in {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
}

pub type DomainResult<T> = Result<T, DomainError>;

impl DomainError {
    pub fn validation(field: impl Into<String>, message: impl Into<String>) -> Self {
        DomainError::Validation {
            field: field.into(),
            message: message.into(),
        }
    }
    pub fn forbidden(message: impl Into<String>) -> Self {
        DomainError::Forbidden {
            message: message.into(),
        }
    }
    pub fn conflict(message: impl Into<String>) -> Self {
        DomainError::Conflict {
            message: message.into(),
        }
    }
    pub fn unauthenticated(message: impl Into<String>) -> Self {
        DomainError::Unauthenticated {
            message: message.into(),
        }
    }
    /// The one message for every failed login, so that it never tells whether the
    /// tenant or the account exists.
    pub fn bad_credentials() -> Self {
        Self::unauthenticated("Invalid tenant, username or password")
    }
}
