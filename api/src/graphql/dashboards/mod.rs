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

/// The place a query names: a facility, else a unit, else the caller's whole reach.
fn place_ref(
    unit_id: Option<&async_graphql::ID>,
    facility_id: Option<&async_graphql::ID>,
) -> ApiResult<crate::app::dashboards::indicators::PlaceRef> {
    use crate::app::dashboards::indicators::PlaceRef;
    use crate::graphql::types::parse_id;
    use arogya_domain::ids::{FacilityId, UnitId};
    Ok(match (unit_id, facility_id) {
        (_, Some(f)) => PlaceRef::Facility(FacilityId(parse_id("facilityId", f)?)),
        (Some(u), None) => PlaceRef::Unit(UnitId(parse_id("unitId", u)?)),
        (None, None) => PlaceRef::Reach,
    })
}

fn dashboards<'a>(ctx: &'a Context<'_>) -> ApiResult<Dashboards<'a>> {
    let req = ctx.request()?;
    Ok(Dashboards {
        state: ctx.app()?,
        principal: req.principal()?,
        meta: req.meta(),
    })
}
