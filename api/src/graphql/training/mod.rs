//! Training over GraphQL: sessions, nominations, and the attendance register.

use crate::app::training::Training;
use crate::error::ApiResult;
use crate::graphql::context::ContextExt;
use async_graphql::Context;

mod inputs;
mod mutation;
mod objects;
mod query;

pub use mutation::TrainingMutation;
pub use query::TrainingQuery;

fn training<'a>(ctx: &'a Context<'_>) -> ApiResult<Training<'a>> {
    let req = ctx.request()?;
    Ok(Training {
        state: ctx.app()?,
        principal: req.principal()?,
        meta: req.meta(),
    })
}
