//! Oxygen management over GraphQL: the conversion factors and the tenant's rules,
//! cylinder types, each facility's sources, the daily register, a facility's status
//! and the committee's overview.

// The imports below serve the submodules too: each starts with `use super::*`.
use crate::app::oxygen::Oxygen;
use crate::error::{ApiError, ApiResult};
use crate::graphql::context::ContextExt;
use crate::graphql::types::parse_id;
use async_graphql::{Context, Enum, InputObject, Object, OneofObject, SimpleObject, ID};
use chrono::{DateTime, Utc};
use uuid::Uuid;

mod equipment;
mod inputs;
mod mutation;
mod objects;
mod query;
mod readings;
mod subscription;
mod watch;

pub use equipment::*;
pub use inputs::*;
pub use mutation::*;
pub use objects::*;
pub use query::*;
pub use readings::*;
pub use subscription::*;
pub use watch::*;

fn oxygen<'a>(ctx: &'a Context<'_>) -> ApiResult<Oxygen<'a>> {
    let req = ctx.request()?;
    Ok(Oxygen {
        state: ctx.app()?,
        principal: req.principal()?,
        meta: req.meta(),
    })
}

fn id(u: Uuid) -> ID {
    ID(u.to_string())
}
