//! Business errors. The API edge maps each variant to a stable GraphQL error code.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    /// Input broke a rule; `field` names the offending input field.
    #[error("{field}: {message}")]
    Validation { field: String, message: String },
    /// Several fields broke rules: every one, so a form can show them all at once.
    #[error("{} problems, the first: {}", .0.len(), .0.first().map(|p| p.message.as_str()).unwrap_or(""))]
    Problems(Vec<FieldProblem>),
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

/// One field's broken rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

/// Gathers the problems of a whole form instead of stopping at the first: `take`
/// each field's result, then `done` fails with all of them (or the first error that
/// is not a field's).
#[derive(Default)]
pub struct Checks {
    problems: Vec<FieldProblem>,
    other: Option<DomainError>,
}

impl Checks {
    pub fn new() -> Self {
        Self::default()
    }

    /// The value, or `None` with the problem kept.
    pub fn take<T>(&mut self, r: DomainResult<T>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(DomainError::Validation { field, message }) => {
                self.problems.push(FieldProblem { field, message });
                None
            }
            Err(DomainError::Problems(ps)) => {
                self.problems.extend(ps);
                None
            }
            Err(other) => {
                self.other.get_or_insert(other);
                None
            }
        }
    }

    pub fn done(mut self) -> DomainResult<()> {
        if let Some(e) = self.other {
            return Err(e);
        }
        match self.problems.len() {
            0 => Ok(()),
            1 => {
                let p = self.problems.remove(0);
                Err(DomainError::validation(p.field, p.message))
            }
            _ => Err(DomainError::Problems(self.problems)),
        }
    }
}

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
