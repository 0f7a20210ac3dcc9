//! Changing what the dashboards track.

use super::dashboards;
use super::inputs::{ImportEmrReadinessInput, SetEmrDeadlineInput};
use super::objects::{EmrDeadline, EmrReadinessImport};
use crate::app::import;
use crate::error::{ApiError, ApiResult};
use crate::graphql::context::ContextExt;
use arogya_domain::audit::Actor;
use async_graphql::{Context, Object};

#[derive(Default)]
pub struct DashboardMutation;

#[Object]
impl DashboardMutation {
    /// Set the date by which every facility should keep electronic records (state
    /// administrators). Each change is a new version.
    async fn set_emr_deadline(
        &self,
        ctx: &Context<'_>,
        input: SetEmrDeadlineInput,
    ) -> ApiResult<EmrDeadline> {
        Ok(EmrDeadline(
            dashboards(ctx)?
                .set_emr_deadline(input.deadline, input.expected_version)
                .await?,
        ))
    }

    /// Update facilities' EMR readiness from a sheet (state and district
    /// administrators, within their reach). Each facility changed gets a row of
    /// history under the caller's name.
    async fn import_emr_readiness(
        &self,
        ctx: &Context<'_>,
        input: ImportEmrReadinessInput,
    ) -> ApiResult<EmrReadinessImport> {
        let (app, req) = (ctx.app()?, ctx.request()?);
        let principal = req.principal()?;
        let tenant = principal.tenant().ok_or_else(|| {
            ApiError::Forbidden("readiness is kept per tenant: sign in to one".into())
        })?;
        let reach = principal.registry_write_reach()?;
        let report = import::import_emr_readiness(
            app,
            Actor::from(principal),
            &req.meta(),
            tenant,
            &reach,
            &input.csv,
            input.skip_invalid,
        )
        .await?;
        Ok(EmrReadinessImport(report))
    }
}
