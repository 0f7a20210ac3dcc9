//! Arogya's business rules: validated value types, roles and access policies.
//!
//! This crate does no I/O and knows nothing of databases or HTTP. Everything a user
//! types is parsed into one of these types at the edge; once constructed, a value is
//! known to be valid.

#[macro_use]
mod text_enum;

pub mod access;
pub mod api_client;
pub mod appointment;
pub mod audit;
pub mod clinical;
pub mod dashboards;
pub mod dispatch;
pub mod document;
pub mod error;
pub mod facility;
pub mod helpline;
pub mod ids;
pub mod inpatient;
pub mod offline_id;
pub mod onboarding;
pub mod oxygen;
pub mod page;
pub mod patient;
pub mod phone;
pub mod professional;
pub mod role;
pub mod supply;
pub mod surveillance;
pub mod tenant;
pub mod training;
pub mod unit;
pub mod user;

pub use error::{Checks, DomainError, DomainResult, FieldProblem};
