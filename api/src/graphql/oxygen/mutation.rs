//! Oxygen management's mutations.

#[allow(unused_imports)]
use super::*;
use crate::app::oxygen::settings::RulesInput;

#[derive(Default)]
pub struct OxygenMutation;

#[Object]
impl OxygenMutation {
    /// Set the tenant's oxygen rules (state administrators and the state's oxygen cell).
    async fn set_oxygen_rules(
        &self,
        ctx: &Context<'_>,
        input: OxygenRulesInput,
    ) -> ApiResult<OxygenRules> {
        let district_thresholds = input
            .district_thresholds
            .iter()
            .enumerate()
            .map(|(i, d)| {
                Ok((
                    parse_id(
                        &format!("districtThresholds[{i}].districtId"),
                        &d.district_id,
                    )?,
                    d.warning_hours,
                    d.critical_hours,
                ))
            })
            .collect::<ApiResult<Vec<_>>>()?;
        let r = oxygen(ctx)?
            .set_rules(RulesInput {
                district_thresholds,
                liquid_factor: input.liquid_factor.trim().to_owned(),
                norms: (&input.norms).into(),
                warning_hours: input.warning_hours,
                critical_hours: input.critical_hours,
                deadline_hour: input.deadline_hour,
                escalate_after_hours: input.escalate_after_hours,
                expected_version: input.expected_version,
            })
            .await?;
        Ok((&r).into())
    }

    /// Add a cylinder type and the gas a full one holds.
    async fn add_oxygen_cylinder_type(
        &self,
        ctx: &Context<'_>,
        input: OxygenCylinderTypeInput,
    ) -> ApiResult<OxygenCylinderType> {
        let c = input.parse()?;
        Ok(oxygen(ctx)?.add_cylinder_type(c).await?.into())
    }

    /// Declare one of a facility's oxygen sources.
    async fn declare_oxygen_source(
        &self,
        ctx: &Context<'_>,
        facility_id: ID,
        input: OxygenSourceInput,
    ) -> ApiResult<OxygenSource> {
        let f = parse_id("facilityId", &facility_id)?;
        let form = input.parse()?;
        oxygen(ctx)?.declare_source(f, form).await?.try_into()
    }

    /// Change a source, or retire it (`active: false`).
    async fn update_oxygen_source(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        input: OxygenSourceInput,
        #[graphql(default = true)] active: bool,
    ) -> ApiResult<OxygenSource> {
        let s = parse_id("id", &id)?;
        let form = input.parse()?;
        oxygen(ctx)?
            .update_source(s, expected_version, form, active)
            .await?
            .try_into()
    }

    /// Enter a reading in a facility's daily register. Consumption is worked out, not
    /// typed: give the gauges, the counts, and what arrived.
    async fn record_oxygen_reading(
        &self,
        ctx: &Context<'_>,
        facility_id: ID,
        reading_at: DateTime<Utc>,
        readings: OxygenReadingsInput,
    ) -> ApiResult<OxygenReading> {
        let f = parse_id("facilityId", &facility_id)?;
        let r = readings.parse()?;
        Ok(oxygen(ctx)?.record(f, reading_at, r).await?.into())
    }

    /// Correct a reading: a new version with the reason; the earlier one is kept.
    async fn correct_oxygen_reading(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        reason: String,
        reading_at: DateTime<Utc>,
        readings: OxygenReadingsInput,
    ) -> ApiResult<OxygenReading> {
        let s = parse_id("id", &id)?;
        let why = arogya_domain::audit::reason(&reason)?;
        let r = readings.parse()?;
        Ok(oxygen(ctx)?
            .correct(s, expected_version, why, reading_at, r)
            .await?
            .into())
    }
}
