//! Reads.

use super::investigation::OutbreakInvestigation;
use super::objects::{
    Dhis2Export, Dhis2Mapping, NotifiableCondition, SurveillanceAlert, SurveillanceCase,
    WeeklyCaseCell,
};
use super::reporting::{ReportingLevel, ReportingUnitStanding, ReportingWeek, WeeklyFormView};
use super::rules::{AlertRuleSet, UnitPopulation};
use super::surveillance;
use crate::error::ApiResult;
use crate::graphql::types::parse_id;
use arogya_domain::ids::UnitId;
use arogya_domain::surveillance::epi_week::EpiWeek;
use async_graphql::{Context, Object, ID};
use std::collections::HashMap;

#[derive(Default)]
pub struct SurveillanceQuery;

/// The optional place and the week range of a table or list, parsed.
fn place_and_weeks(
    unit: Option<&ID>,
    from: &str,
    to: &str,
) -> ApiResult<(Option<UnitId>, EpiWeek, EpiWeek)> {
    let unit = unit.map(|u| parse_id("unitId", u)).transpose()?.map(UnitId);
    Ok((
        unit,
        EpiWeek::parse(from, "from")?,
        EpiWeek::parse(to, "to")?,
    ))
}

#[Object]
impl SurveillanceQuery {
    /// The tenant's notifiable conditions, with their case definitions.
    async fn notifiable_conditions(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<Vec<NotifiableCondition>> {
        Ok(surveillance(ctx)?
            .conditions()
            .await?
            .into_iter()
            .map(NotifiableCondition)
            .collect())
    }

    /// Cases by place and condition over the weeks `from`..`to` (`2026W45`, at most 53
    /// weeks), for the children of `unitId` (default: where the caller's reach starts).
    /// Kept current as cases come in. Counts from 1 to 4 show as "<5" outside a
    /// surveillance officer's own district.
    async fn weekly_case_table(
        &self,
        ctx: &Context<'_>,
        unit_id: Option<ID>,
        #[graphql(desc = "One condition's code (`DENGUE`): its epidemic curve only.")]
        condition: Option<String>,
        from: String,
        to: String,
    ) -> ApiResult<Vec<WeeklyCaseCell>> {
        let (unit, from, to) = place_and_weeks(unit_id.as_ref(), &from, &to)?;
        Ok(surveillance(ctx)?
            .weekly_table(unit, condition.as_deref(), from, to)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Every case with its fields (names included), for surveillance officers in their
    /// reach; newest onset first, at most 5,000. The read is audited.
    async fn case_line_list(
        &self,
        ctx: &Context<'_>,
        condition: Option<String>,
        unit_id: Option<ID>,
        from: String,
        to: String,
    ) -> ApiResult<Vec<SurveillanceCase>> {
        let (unit, from, to) = place_and_weeks(unit_id.as_ref(), &from, &to)?;
        let s = surveillance(ctx)?;
        let codes: HashMap<_, _> = s
            .conditions()
            .await?
            .into_iter()
            .map(|c| (c.id, c.code))
            .collect();
        Ok(s.line_list(condition.as_deref(), unit, from, to)
            .await?
            .into_iter()
            .map(|case| SurveillanceCase {
                condition_code: codes.get(&case.condition_id).cloned().unwrap_or_default(),
                case,
            })
            .collect())
    }

    /// Alerts in the caller's reach, newest first: open ones (default) or all.
    async fn surveillance_alerts(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = true)] open_only: bool,
    ) -> ApiResult<Vec<SurveillanceAlert>> {
        let s = surveillance(ctx)?;
        let codes: HashMap<_, _> = s
            .conditions()
            .await?
            .into_iter()
            .map(|c| (c.id, c.code))
            .collect();
        Ok(s.alerts(open_only)
            .await?
            .into_iter()
            .map(|view| SurveillanceAlert {
                condition_code: codes
                    .get(&view.alert.condition_id)
                    .cloned()
                    .unwrap_or_default(),
                view,
            })
            .collect())
    }

    /// The tenant's DHIS2 mappings (state administrators and the state surveillance cell).
    async fn dhis2_mappings(&self, ctx: &Context<'_>) -> ApiResult<Vec<Dhis2Mapping>> {
        Ok(surveillance(ctx)?
            .dhis2_mappings()
            .await?
            .into_iter()
            .map(Dhis2Mapping)
            .collect())
    }

    /// A week's counts as a DHIS2 `dataValueSets` payload (`week`: `2026W49`), the same
    /// as `arogya export dhis2 --week 2026W49`; what could not be mapped is listed.
    /// Audited.
    async fn dhis2_export(&self, ctx: &Context<'_>, week: String) -> ApiResult<Dhis2Export> {
        let week = EpiWeek::parse(&week, "week")?;
        Ok(Dhis2Export(surveillance(ctx)?.dhis2_export(week).await?))
    }

    /// Outbreak investigations in the caller's reach, newest first: those not closed
    /// (default) or all.
    async fn outbreak_investigations(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = true)] open_only: bool,
    ) -> ApiResult<Vec<OutbreakInvestigation>> {
        Ok(surveillance(ctx)?
            .investigations(open_only)
            .await?
            .into_iter()
            .map(OutbreakInvestigation)
            .collect())
    }

    /// One investigation with its team, actions, samples, cases and log.
    async fn outbreak_investigation(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> ApiResult<OutbreakInvestigation> {
        let id = parse_id("id", &id)?;
        Ok(OutbreakInvestigation(
            surveillance(ctx)?.investigation(id).await?,
        ))
    }

    /// Completeness and timeliness of weekly reporting under `unitId` (default: the
    /// caller's place) for the weeks `from`..`to`, with each facility's standing.
    async fn surveillance_reporting(
        &self,
        ctx: &Context<'_>,
        unit_id: Option<ID>,
        from: String,
        to: String,
    ) -> ApiResult<Vec<ReportingWeek>> {
        let (unit, from, to) = place_and_weeks(unit_id.as_ref(), &from, &to)?;
        Ok(surveillance(ctx)?
            .reporting(unit, from, to)
            .await?
            .into_iter()
            .map(ReportingWeek)
            .collect())
    }

    /// A place's weekly form at level S, P or L: each condition's cases that reached
    /// the level in the week, by age group, with deaths. Also as PDF and CSV at
    /// `/surveillance/weekly-form.{pdf,csv}?week=…&level=…[&unit=…]`.
    async fn weekly_form(
        &self,
        ctx: &Context<'_>,
        unit_id: Option<ID>,
        week: String,
        level: ReportingLevel,
    ) -> ApiResult<WeeklyFormView> {
        let (unit, week, _) = place_and_weeks(unit_id.as_ref(), &week, &week)?;
        Ok(WeeklyFormView(
            surveillance(ctx)?
                .weekly_form(unit, week, level.into())
                .await?,
        ))
    }

    /// The facilities the caller sends weekly reports for, with how each stands for
    /// `week`.
    async fn my_reporting_facilities(
        &self,
        ctx: &Context<'_>,
        week: String,
    ) -> ApiResult<Vec<ReportingUnitStanding>> {
        let week = EpiWeek::parse(&week, "week")?;
        Ok(surveillance(ctx)?
            .my_reporting_units(week)
            .await?
            .iter()
            .map(Into::into)
            .collect())
    }

    /// A condition's alert rules in force: the state's own set, or IDSP's defaults.
    async fn alert_rules(&self, ctx: &Context<'_>, condition_id: ID) -> ApiResult<AlertRuleSet> {
        let c = parse_id("conditionId", &condition_id)?;
        let (rules, is_default) = surveillance(ctx)?.alert_rules(c).await?;
        Ok(AlertRuleSet {
            condition_id,
            is_default,
            rules: rules.iter().map(Into::into).collect(),
        })
    }

    /// Populations of the places in reach for `year` (the denominators of rates).
    async fn unit_populations(
        &self,
        ctx: &Context<'_>,
        year: i32,
    ) -> ApiResult<Vec<UnitPopulation>> {
        Ok(surveillance(ctx)?
            .populations(year)
            .await?
            .into_iter()
            .map(|(p, name)| UnitPopulation(p, name))
            .collect())
    }
}
