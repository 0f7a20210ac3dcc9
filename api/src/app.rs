//! Use cases: what the API (and the command line) can do, independent of GraphQL.
//! Each one takes already-validated domain values, runs in one transaction with its
//! audit event, and returns records. Authorisation is the caller's job: resolvers ask
//! the policies in `arogya_domain::access` first; the command line acts as the system.

pub mod answer_cache;
pub mod api_clients;
pub mod appointments;
pub mod audit_chain;
pub mod dashboards;
pub mod documents;
pub mod facilities;
pub mod helpline;
pub mod import;
pub mod inpatient;
pub mod maintenance;
pub mod onboarding;
pub mod oxygen;
pub mod patients;
pub mod professionals;
pub mod records;
pub mod session;
pub mod supply;
pub mod surveillance;
pub mod synthetic;
pub mod tenant_archive;
pub mod tenants;
pub mod training;
pub mod units;
pub mod users;

use arogya_domain::role::RoleGrant;
use arogya_domain::user::{DisplayName, Email, NewPassword, Username};

/// A new staff account with its initial roles.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub username: Username,
    pub display_name: DisplayName,
    pub email: Option<Email>,
    pub password: NewPassword,
    pub grants: Vec<RoleGrant>,
}
