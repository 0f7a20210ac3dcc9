//! Changing what the dashboards track.

use super::inputs::{
    AddReportRecipientInput, DecideAwardRoundInput, FreezeAwardRoundInput, ImportEmrReadinessInput,
    SaveScorecardInput, SetEmrDeadlineInput,
};
use super::objects::ReportRecipient;
use super::objects::{EmrDeadline, EmrReadinessImport};
use super::scorecard_objects::{AwardRound, ScorecardView};
use super::{dashboards, place_ref};
use crate::app::import;
use crate::app::professionals::today;
use crate::error::{ApiError, ApiResult};
use crate::graphql::context::ContextExt;
use crate::graphql::types::parse_id;
use arogya_domain::audit::Actor;
use arogya_domain::dashboards::awards::AwardTitle;
use arogya_domain::dashboards::scorecard::{
    ScoreIndicator, ScoreItem, ScorePeriod, ScorecardRules,
};
use async_graphql::{Context, Object, ID};

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

    /// Save a hospital scorecard (state administrators): a new one, or a new version
    /// of one over the version the caller saw.
    async fn save_scorecard(
        &self,
        ctx: &Context<'_>,
        input: SaveScorecardInput,
    ) -> ApiResult<ScorecardView> {
        let items = input
            .items
            .iter()
            .map(|i| {
                let indicator: ScoreIndicator = i.indicator.into();
                ScoreItem {
                    indicator,
                    direction: i
                        .direction
                        .map(Into::into)
                        .unwrap_or_else(|| indicator.usual_direction()),
                    weight: i.weight,
                }
            })
            .collect();
        let types = input
            .facility_types
            .iter()
            .map(|t| {
                arogya_domain::facility::FacilityType::from(*t)
                    .as_str()
                    .to_owned()
            })
            .collect();
        let rules = ScorecardRules::parse(
            &input.name,
            &input.specialty,
            items,
            input.min_volume,
            types,
        )?;
        let period = ScorePeriod::parse(&input.from, &input.to, today())?;
        let id = match (&input.id, input.expected_version) {
            (None, _) => None,
            (Some(id), Some(v)) => Some((parse_id("id", id)?, v)),
            (Some(_), None) => {
                return Err(ApiError::validation(
                    "expectedVersion",
                    "give the version you saw to change a scorecard",
                ))
            }
        };
        Ok(ScorecardView(
            dashboards(ctx)?.save_scorecard(id, rules, period).await?,
        ))
    }

    /// Freeze a scorecard's ranking as an award round (state administrators): the
    /// rules, every hospital's counts and the result are kept unchanged from now on.
    async fn freeze_award_round(
        &self,
        ctx: &Context<'_>,
        input: FreezeAwardRoundInput,
    ) -> ApiResult<AwardRound> {
        let id = parse_id("scorecardId", &input.scorecard_id)?;
        let title = AwardTitle::parse(&input.title)?;
        Ok(AwardRound(
            dashboards(ctx)?
                .freeze_award_round(id, input.expected_version, title)
                .await?,
        ))
    }

    /// Record a round's decision and winners, once (state administrators). Winners
    /// are hospitals ranked in the frozen result.
    async fn decide_award_round(
        &self,
        ctx: &Context<'_>,
        input: DecideAwardRoundInput,
    ) -> ApiResult<AwardRound> {
        let id = parse_id("roundId", &input.round_id)?;
        let winners = input
            .winners
            .iter()
            .map(|w| Ok((parse_id("winners", &w.facility_id)?, w.place)))
            .collect::<ApiResult<Vec<_>>>()?;
        Ok(AwardRound(
            dashboards(ctx)?
                .decide_award_round(id, input.expected_version, &input.note, &winners)
                .await?,
        ))
    }

    /// Send a place's monthly indicators report to an e-mail address on the first of
    /// each month (state administrators).
    async fn add_report_recipient(
        &self,
        ctx: &Context<'_>,
        input: AddReportRecipientInput,
    ) -> ApiResult<ReportRecipient> {
        let email = arogya_domain::user::Email::parse(&input.email)?;
        let place = place_ref(input.unit_id.as_ref(), input.facility_id.as_ref())?;
        Ok(ReportRecipient(
            dashboards(ctx)?.add_report_recipient(email, place).await?,
        ))
    }

    /// Stop sending the monthly report to a recipient (state administrators).
    async fn remove_report_recipient(&self, ctx: &Context<'_>, id: ID) -> ApiResult<bool> {
        let id = parse_id("id", &id)?;
        dashboards(ctx)?.remove_report_recipient(id).await?;
        Ok(true)
    }
}
