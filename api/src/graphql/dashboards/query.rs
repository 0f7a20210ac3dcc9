//! Reading the dashboards.

use super::indicator_objects::{IndicatorDays, IndicatorMeasure, IndicatorReport, IndicatorRows};
use super::objects::{EmrReadinessChange, EmrRollout, ReportRecipient};
use super::scorecard_objects::{
    AwardRound, CertificateVerification, ScorecardRanking, ScorecardView,
};
use super::{dashboards, place_ref};
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
        let place = place_ref(unit_id.as_ref(), facility_id.as_ref())?;
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

    /// Every hospital scorecard in force, by name.
    async fn scorecards(&self, ctx: &Context<'_>) -> ApiResult<Vec<ScorecardView>> {
        Ok(dashboards(ctx)?
            .scorecards()
            .await?
            .into_iter()
            .map(ScorecardView)
            .collect())
    }

    /// A scorecard's ranking of its hospitals over its period so far, with each
    /// hospital's score by indicator and its trend against the period before.
    async fn scorecard_ranking(
        &self,
        ctx: &Context<'_>,
        scorecard_id: ID,
    ) -> ApiResult<ScorecardRanking> {
        let id = parse_id("scorecardId", &scorecard_id)?;
        Ok(ScorecardRanking(dashboards(ctx)?.ranking(id).await?))
    }

    /// Every award round, newest first.
    async fn award_rounds(&self, ctx: &Context<'_>) -> ApiResult<Vec<AwardRound>> {
        Ok(dashboards(ctx)?
            .award_rounds()
            .await?
            .into_iter()
            .map(AwardRound)
            .collect())
    }

    /// One award round as frozen, with its decision.
    async fn award_round(&self, ctx: &Context<'_>, id: ID) -> ApiResult<AwardRound> {
        let id = parse_id("id", &id)?;
        Ok(AwardRound(dashboards(ctx)?.award_round(id).await?))
    }

    /// Check what an award certificate's QR code holds.
    async fn verify_award_certificate(
        &self,
        ctx: &Context<'_>,
        payload: String,
    ) -> ApiResult<CertificateVerification> {
        Ok(CertificateVerification(
            dashboards(ctx)?.verify_certificate(&payload).await?,
        ))
    }

    /// Who receives the monthly indicators reports (state administrators).
    async fn report_recipients(&self, ctx: &Context<'_>) -> ApiResult<Vec<ReportRecipient>> {
        Ok(dashboards(ctx)?
            .report_recipients()
            .await?
            .into_iter()
            .map(ReportRecipient)
            .collect())
    }

    /// The records behind a number of a facility, a unit or (neither given) the
    /// caller's whole reach over the months `from` to `to` ("YYYY-MM"; one month above
    /// a facility), of one department or all: for state and district administrators
    /// within their reach. Audited as a read of the patients listed.
    #[allow(clippy::too_many_arguments)]
    async fn indicator_rows(
        &self,
        ctx: &Context<'_>,
        facility_id: Option<ID>,
        unit_id: Option<ID>,
        from: String,
        to: String,
        measure: IndicatorMeasure,
        department: Option<String>,
    ) -> ApiResult<IndicatorRows> {
        let place = place_ref(unit_id.as_ref(), facility_id.as_ref())?;
        Ok(IndicatorRows(
            dashboards(ctx)?
                .rows_behind(place, &from, &to, measure.into(), department.as_deref())
                .await?,
        ))
    }

    /// The indicators of a place (as `indicators`) day by day from `from` to `to` (at
    /// most 92 days, none after today), or week by week (weeks begin on Monday).
    #[allow(clippy::too_many_arguments)]
    async fn indicator_days(
        &self,
        ctx: &Context<'_>,
        unit_id: Option<ID>,
        facility_id: Option<ID>,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
        department: Option<String>,
        weekly: Option<bool>,
    ) -> ApiResult<IndicatorDays> {
        let place = place_ref(unit_id.as_ref(), facility_id.as_ref())?;
        Ok(IndicatorDays(
            dashboards(ctx)?
                .indicator_days(
                    place,
                    from,
                    to,
                    department.as_deref(),
                    weekly.unwrap_or(false),
                )
                .await?,
        ))
    }
}
