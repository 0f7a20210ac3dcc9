//! Changes.

use super::inputs::{CaseChangeInput, Dhis2MappingInput, FieldCaseInput, NotifiableConditionInput};
use super::investigation::{InvestigationEntryInput, InvestigationStatus, OutbreakInvestigation};
use super::objects::{Dhis2Mapping, NotifiableCondition, SurveillanceAlert, SurveillanceCase};
use super::reporting::WeeklyReportSent;
use super::rules::{AlertRuleInput, AlertRuleSet, UnitPopulation};
use super::surveillance;
use crate::error::ApiResult;
use crate::graphql::types::parse_id;
use arogya_domain::ids::UnitId;
use async_graphql::{Context, Object, ID};

#[derive(Default)]
pub struct SurveillanceMutation;

#[Object]
impl SurveillanceMutation {
    /// Report a case from the field (level S), for a person who may not be registered.
    /// Accepts the phone's own id for reports made offline.
    async fn report_field_case(
        &self,
        ctx: &Context<'_>,
        input: FieldCaseInput,
    ) -> ApiResult<SurveillanceCase> {
        let (id, unit, report) = input.parse()?;
        let (case, condition_code) = surveillance(ctx)?
            .report(&input.condition, UnitId(unit), report, id)
            .await?;
        Ok(SurveillanceCase {
            case,
            condition_code,
        })
    }

    /// Change a notifiable condition: its codes, case definitions, episode length, or
    /// whether it is watched. State administrators and the state surveillance cell.
    async fn update_notifiable_condition(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        input: NotifiableConditionInput,
    ) -> ApiResult<NotifiableCondition> {
        let c = parse_id("id", &id)?;
        let def = input.parse()?;
        Ok(NotifiableCondition(
            surveillance(ctx)?
                .update_condition(c, expected_version, def, input.active)
                .await?,
        ))
    }

    /// Say whether an alert is a true signal (an outbreak to look into; its weeks leave
    /// future baselines) or not, with what was checked. The place's surveillance officer.
    async fn verify_surveillance_alert(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        true_signal: bool,
        note: String,
    ) -> ApiResult<SurveillanceAlert> {
        let a = parse_id("id", &id)?;
        let s = surveillance(ctx)?;
        let view = s
            .verify_alert(a, expected_version, true_signal, &note)
            .await?;
        let code = s
            .conditions()
            .await?
            .into_iter()
            .find(|c| c.id == view.alert.condition_id)
            .map(|c| c.code)
            .unwrap_or_default();
        Ok(SurveillanceAlert {
            view,
            condition_code: code,
        })
    }

    /// Change a case: discard it (or take it back), its outcome, its onset, the patient it
    /// is. The surveillance officer of the case's place; the weekly counts follow.
    async fn change_surveillance_case(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        input: CaseChangeInput,
    ) -> ApiResult<SurveillanceCase> {
        let c = parse_id("id", &id)?;
        let change = input.parse()?;
        let (case, condition_code) = surveillance(ctx)?
            .change_case(c, expected_version, change)
            .await?;
        Ok(SurveillanceCase {
            case,
            condition_code,
        })
    }

    /// Map a place, a condition's measure, or an age group and sex to a DHIS2
    /// identifier; change it (with the version read) or clear it (`dhis2Id` null).
    /// Returns the mapping, or null once cleared. Audited with before and after.
    async fn set_dhis2_mapping(
        &self,
        ctx: &Context<'_>,
        input: Dhis2MappingInput,
    ) -> ApiResult<Option<Dhis2Mapping>> {
        let (target, uid) = input.parse()?;
        Ok(surveillance(ctx)?
            .set_dhis2_mapping(target, uid, input.expected_version)
            .await?
            .map(Dhis2Mapping))
    }

    /// Add to an investigation: an action taken (the first stops the response clock), a
    /// team member, a sample sent, a sample's result, or a linked case. Entries are kept
    /// as written. The place's surveillance officer; audited.
    async fn record_investigation_entry(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: InvestigationEntryInput,
    ) -> ApiResult<OutbreakInvestigation> {
        let id = parse_id("id", &id)?;
        let entry = input.parse()?;
        Ok(OutbreakInvestigation(
            surveillance(ctx)?
                .record_investigation_entry(id, entry)
                .await?,
        ))
    }

    /// Move an investigation on: open → investigating → contained → closed (contained
    /// back to investigating when cases rise again). Closing needs the final report.
    /// The place's officers and the state cell are e-mailed.
    async fn change_investigation_status(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        status: InvestigationStatus,
        #[graphql(default)] note: String,
        final_report: Option<String>,
    ) -> ApiResult<OutbreakInvestigation> {
        let id = parse_id("id", &id)?;
        Ok(OutbreakInvestigation(
            surveillance(ctx)?
                .change_investigation_status(
                    id,
                    expected_version,
                    status.into(),
                    &note,
                    final_report.as_deref(),
                )
                .await?,
        ))
    }

    /// Send a facility's weekly report (its cases counted now; none is a nil report).
    /// Sending again corrects it; the first sending decides whether it was on time
    /// (by the end of the Monday after the week, IST).
    async fn send_weekly_report(
        &self,
        ctx: &Context<'_>,
        facility_id: ID,
        week: String,
        note: Option<String>,
    ) -> ApiResult<WeeklyReportSent> {
        let facility = arogya_domain::ids::FacilityId(parse_id("facilityId", &facility_id)?);
        let week = arogya_domain::surveillance::epi_week::EpiWeek::parse(&week, "week")?;
        Ok(WeeklyReportSent(
            surveillance(ctx)?
                .send_weekly_report(facility, week, note)
                .await?,
        ))
    }

    /// Replace a condition's alert rules (an empty list goes back to IDSP's defaults;
    /// the old set is kept, retired). State administrators and the state surveillance
    /// cell; audited with before and after.
    async fn set_alert_rules(
        &self,
        ctx: &Context<'_>,
        condition_id: ID,
        rules: Vec<AlertRuleInput>,
    ) -> ApiResult<AlertRuleSet> {
        let c = parse_id("conditionId", &condition_id)?;
        let parsed = rules
            .iter()
            .map(AlertRuleInput::parse)
            .collect::<ApiResult<Vec<_>>>()?;
        let (rules, is_default) = surveillance(ctx)?.set_alert_rules(c, parsed).await?;
        Ok(AlertRuleSet {
            condition_id,
            is_default,
            rules: rules.iter().map(Into::into).collect(),
        })
    }

    /// Set a place's population for a year, the denominator of rate rules (a change
    /// needs the version read).
    async fn set_unit_population(
        &self,
        ctx: &Context<'_>,
        unit_id: ID,
        year: i32,
        population: i64,
        expected_version: Option<i32>,
    ) -> ApiResult<UnitPopulation> {
        let unit = UnitId(parse_id("unitId", &unit_id)?);
        let (saved, name) = surveillance(ctx)?
            .set_population(unit, year, population, expected_version)
            .await?;
        Ok(UnitPopulation(saved, name))
    }
}
