//! Inpatient care over GraphQL: wards and beds, admissions, condition entries, the
//! ward board, the monitoring list, occupancy, and the two public operations (free
//! beds, and the family status after a one-time code) that need no staff token.

// The imports below serve the submodules too: each starts with `use super::*`.
use crate::app::inpatient::Inpatient;
use crate::error::{ApiError, ApiResult};
use crate::graphql::context::ContextExt;
use crate::graphql::types::parse_id;
use async_graphql::{Context, Enum, InputObject, Object, OneofObject, SimpleObject, ID};
use chrono::{DateTime, Utc};
use uuid::Uuid;

#[macro_use]
mod enums;
mod inputs;
mod mutation;
mod objects;
mod public;
mod query;
mod registers;
mod reports;
mod subscription;

pub use enums::*;
pub use inputs::*;
pub use mutation::*;
pub use objects::*;
pub use public::*;
pub use query::*;
pub use registers::*;
pub use reports::*;
pub use subscription::*;

fn inpatient<'a>(ctx: &'a Context<'_>) -> ApiResult<Inpatient<'a>> {
    let req = ctx.request()?;
    Ok(Inpatient {
        state: ctx.app()?,
        principal: req.principal()?,
        meta: req.meta(),
    })
}

fn id(u: Uuid) -> ID {
    ID(u.to_string())
}
