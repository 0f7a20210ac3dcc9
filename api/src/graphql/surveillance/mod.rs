//! Disease surveillance over GraphQL: the tenant's notifiable conditions, cases
//! reported from the field, the weekly table and the line list.

use crate::app::surveillance::Surveillance;
use crate::error::ApiResult;
use crate::graphql::context::ContextExt;
use async_graphql::{Context, ID};
use uuid::Uuid;

mod inputs;
mod investigation;
mod mutation;
mod objects;
mod query;
mod reporting;
mod rules;
mod subscription;

pub use mutation::SurveillanceMutation;
pub use query::SurveillanceQuery;
pub use subscription::SurveillanceSubscription;

fn surveillance<'a>(ctx: &'a Context<'_>) -> ApiResult<Surveillance<'a>> {
    let req = ctx.request()?;
    Ok(Surveillance {
        state: ctx.app()?,
        principal: req.principal()?,
        meta: req.meta(),
    })
}

fn id(u: Uuid) -> ID {
    ID(u.to_string())
}
