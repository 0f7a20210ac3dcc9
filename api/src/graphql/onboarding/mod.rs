//! Private-hospital onboarding over GraphQL: public sign-up with a one-time code, the
//! applicant's step-by-step application, and the department's review queue.

mod inputs;
mod mutation;
mod objects;
mod query;

pub use inputs::*;
pub use mutation::OnboardingMutation;
pub use objects::*;
pub use query::OnboardingQuery;

use super::context::ContextExt;
use crate::app::onboarding::Onboarding;
use crate::error::ApiResult;
use async_graphql::Context;

fn onboarding<'a>(ctx: &'a Context<'_>) -> ApiResult<Onboarding<'a>> {
    let req = ctx.request()?;
    Ok(Onboarding {
        state: ctx.app()?,
        principal: req.principal()?,
        meta: req.meta(),
    })
}
