//! Dashboards over GraphQL: the EMR roll-out, its deadline and each facility's history;
//! the indicators; hospital scorecards, their rankings and award rounds.

use crate::app::dashboards::Dashboards;
use crate::error::ApiResult;
use crate::graphql::context::ContextExt;
use async_graphql::Context;

mod indicator_objects;
mod inputs;
mod mutation;
mod objects;
mod query;
mod scorecard_objects;

pub use mutation::DashboardMutation;
pub use query::DashboardQuery;

fn dashboards<'a>(ctx: &'a Context<'_>) -> ApiResult<Dashboards<'a>> {
    let req = ctx.request()?;
    Ok(Dashboards {
        state: ctx.app()?,
        principal: req.principal()?,
        meta: req.meta(),
    })
}
