//! Reading the dashboards.

use super::dashboards;
use super::indicator_objects::IndicatorReport;
use super::objects::{EmrReadinessChange, EmrRollout};
use crate::app::dashboards::indicators::PlaceRef;
use crate::error::ApiResult;
use crate::graphql::facilities::FacilityType;
use crate::graphql::types::parse_id;
use arogya_domain::ids::{FacilityId, UnitId};
use async_graphql::{Context, Object, ID};

#[derive(Default)]
pub struct DashboardQuery;

#[Object]
impl DashboardQuery {
    /// Where the roll-out of electronic medical records stands within the caller's
    /// reach, optionally under one unit (a district) and for one facility type.
    async fn emr_rollout(
        &self,
        ctx: &Context<'_>,
        unit_id: Option<ID>,
        facility_type: Option<FacilityType>,
    ) -> ApiResult<EmrRollout> {
        let unit = unit_id
            .as_ref()
            .map(|u| parse_id("unitId", u).map(UnitId))
            .transpose()?;
        Ok(EmrRollout(
            dashboards(ctx)?
                .emr_rollout(unit, facility_type.map(Into::into))
                .await?,
        ))
    }

    /// The indicators of a place over the months `from` to `to` ("YYYY-MM", both
    /// included, at most 36): the caller's whole reach, or a unit or a facility in it.
    /// Optionally of one department (a ward department, `other` or `unspecified`).
    async fn indicators(
        &self,
        ctx: &Context<'_>,
        unit_id: Option<ID>,
        facility_id: Option<ID>,
        from: String,
        to: String,
        department: Option<String>,
    ) -> ApiResult<IndicatorReport> {
        let place = match (unit_id, facility_id) {
            (_, Some(f)) => PlaceRef::Facility(FacilityId(parse_id("facilityId", &f)?)),
            (Some(u), None) => PlaceRef::Unit(UnitId(parse_id("unitId", &u)?)),
            (None, None) => PlaceRef::Reach,
        };
        Ok(IndicatorReport(
            dashboards(ctx)?
                .indicators(place, &from, &to, department.as_deref())
                .await?,
        ))
    }

    /// A facility's readiness history, newest first (administrators of its place).
    async fn emr_readiness_history(
        &self,
        ctx: &Context<'_>,
        facility_id: ID,
    ) -> ApiResult<Vec<EmrReadinessChange>> {
        let id = FacilityId(parse_id("facilityId", &facility_id)?);
        Ok(dashboards(ctx)?
            .emr_history(id)
            .await?
            .into_iter()
            .map(EmrReadinessChange)
            .collect())
    }
}
