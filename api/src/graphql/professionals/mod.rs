//! The Health Professional Registry over GraphQL: entries, verification, postings at
//! facilities, expiring registrations, and the link to a user account.

use super::context::ContextExt;
use super::facilities::Facility;
use super::pagination::{connection, page_request};
use super::types::{load_user, parse_id, User};
use super::units::{load_unit, read_reach, registry_tenant};
use crate::app::professionals::{self as usecase, today, FirstPosting};
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::Actor;
use arogya_domain::ids::{FacilityId, TenantId, UnitId, UserId};
use arogya_domain::professional as domain;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::professionals::{
    self as repo, AttachmentRecord, NewAttachment, ProfessionalRecord, RegistrationRecord,
};
use async_graphql::connection::Connection;
use async_graphql::{Context, Enum, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

mod inputs;
mod mutation;
mod objects;
mod query;

pub use inputs::*;
pub use mutation::ProfessionalMutation;
pub use objects::*;
pub use query::ProfessionalQuery;

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::professional::ProfessionalKind")]
pub enum ProfessionalKind {
    Doctor,
    Nurse,
    Midwife,
    Pharmacist,
    LabTechnician,
    Radiographer,
    AshaChw,
    Other,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::professional::Sex")]
pub enum Sex {
    Male,
    Female,
    Other,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::professional::VerificationStatus")]
pub enum VerificationStatus {
    Pending,
    Verified,
    Rejected,
}

fn not_found() -> ApiError {
    DomainError::NotFound {
        entity: "professional",
    }
    .into()
}
