//! The patient index over GraphQL: registration with duplicate suggestions, lookups by
//! health ID, phone or name, merges, e-health cards and household surveys.
//! Contact details (phone, address, guardian) are null for roles that do not need them.

// The imports below serve the submodules too: each starts with `use super::*`.
use crate::app::patients::{self as usecase, Caller, PatientSearch};
use crate::app::professionals::today;
use crate::error::{ApiError, ApiResult};
use crate::graphql::context::ContextExt;
use crate::graphql::pagination::{connection, page_request};
use crate::graphql::types::parse_id;
use crate::graphql::units::AdminUnit;
use arogya_domain::audit::Actor;
use arogya_domain::ids::UnitId;
use arogya_domain::offline_id::OfflineId;
use arogya_domain::patient::card as card_domain;
use arogya_domain::patient::details::PatientForm;
use arogya_domain::patient::household::HouseholdDetails;
use arogya_infra::db::Access;
use arogya_infra::repos::cards::CardRecord;
use arogya_infra::repos::households::{self, HouseholdRecord};
use arogya_infra::repos::patients::PatientRecord;
use async_graphql::connection::Connection;
use async_graphql::{Context, Enum, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Datelike, NaiveDate, Utc};

mod enums;
mod inputs;
mod mutation;
mod objects;
mod query;

pub use enums::*;
pub use inputs::*;
pub use mutation::*;
pub use objects::*;
pub use query::*;

/// The caller as the patient use cases need them.
pub fn caller<'a>(ctx: &'a Context<'_>) -> ApiResult<Caller<'a>> {
    let req = ctx.request()?;
    let principal = req.principal()?;
    Ok(Caller {
        state: ctx.app()?,
        access: principal.patient_access()?,
        actor: Actor::from(principal),
        meta: req.meta(),
    })
}
