//! The error type of infra calls: a business outcome, or an internal failure that the
//! API logs and hides.

use arogya_domain::DomainError;
use sea_orm::{DbErr, SqlErr};

#[derive(Debug, thiserror::Error)]
pub enum InfraError {
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<DbErr> for InfraError {
    fn from(e: DbErr) -> Self {
        InfraError::Internal(anyhow::Error::new(e))
    }
}

pub type InfraResult<T> = Result<T, InfraError>;

pub fn is_unique_violation(e: &DbErr) -> bool {
    matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}
