//! Oxygen management's queries.

#[allow(unused_imports)]
use super::*;
use arogya_domain::oxygen::units::FACTORS;
use chrono::Duration;

/// One day's oxygen for a facility, a district or everything in reach.
#[derive(SimpleObject)]
pub struct OxygenDay {
    pub day: chrono::NaiveDate,
    pub facilities: i64,
    /// Facilities with a reading that day.
    pub reported: i64,
    /// At each facility's last reading of the day, Nm³.
    pub stock_nm3: f64,
    pub usable_nm3: f64,
    pub consumption_nm3: f64,
    pub received_nm3: f64,
    pub produced_nm3: f64,
    /// Occupied oxygen-supported, HDU, ICU and ventilator beds at the day's census.
    pub occupied_oxygen_beds: i64,
    pub consumption_per_occupied_bed: Option<f64>,
    /// Facilities whose time to empty was under the warning threshold.
    pub at_risk: i64,
}

impl From<crate::app::oxygen::daily::Day> for OxygenDay {
    fn from(d: crate::app::oxygen::daily::Day) -> Self {
        Self {
            consumption_per_occupied_bed: d.consumption_per_bed(),
            day: d.day,
            facilities: d.facilities,
            reported: d.reported,
            stock_nm3: d.stock_nm3,
            usable_nm3: d.usable_nm3,
            consumption_nm3: d.consumption_nm3,
            received_nm3: d.received_nm3,
            produced_nm3: d.produced_nm3,
            occupied_oxygen_beds: d.occupied_oxygen_beds,
            at_risk: d.at_risk,
        }
    }
}

#[derive(Default)]
pub struct OxygenQuery;

#[Object]
impl OxygenQuery {
    /// Every conversion into Nm³ (normal cubic metres of gas, 0 °C and 1 atm), with
    /// its reference temperature and source.
    async fn oxygen_conversion_factors(&self) -> Vec<OxygenConversionFactor> {
        FACTORS.iter().map(Into::into).collect()
    }

    /// The tenant's oxygen rules.
    async fn oxygen_rules(&self, ctx: &Context<'_>) -> ApiResult<OxygenRules> {
        Ok((&oxygen(ctx)?.rules().await?).into())
    }

    async fn oxygen_cylinder_types(&self, ctx: &Context<'_>) -> ApiResult<Vec<OxygenCylinderType>> {
        Ok(oxygen(ctx)?
            .cylinder_types()
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// A facility's oxygen sources (retired ones too with `all`).
    async fn oxygen_sources(
        &self,
        ctx: &Context<'_>,
        facility_id: ID,
        #[graphql(default)] all: bool,
    ) -> ApiResult<Vec<OxygenSource>> {
        let f = parse_id("facilityId", &facility_id)?;
        oxygen(ctx)?
            .sources(f, all)
            .await?
            .into_iter()
            .map(TryInto::try_into)
            .collect()
    }

    /// A facility's readings (current versions) between two times, the latest last,
    /// each with what was used since the one before. Defaults to the last 30 days.
    async fn oxygen_readings(
        &self,
        ctx: &Context<'_>,
        facility_id: ID,
        from: Option<DateTime<Utc>>,
        to: Option<DateTime<Utc>>,
    ) -> ApiResult<Vec<OxygenReading>> {
        let f = parse_id("facilityId", &facility_id)?;
        let to = to.unwrap_or_else(Utc::now);
        let from = from.unwrap_or(to - Duration::days(30));
        Ok(oxygen(ctx)?
            .readings(f, from, to)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Every version of a reading, the first first.
    async fn oxygen_reading_versions(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> ApiResult<Vec<OxygenReading>> {
        let s = parse_id("id", &id)?;
        Ok(oxygen(ctx)?
            .reading_versions(s)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Day by day (at most 400 days): one facility, a unit, or everything in reach.
    /// Also as CSV: `GET /oxygen/daily.csv?from=&to=&facility=&unit=`.
    async fn oxygen_daily(
        &self,
        ctx: &Context<'_>,
        facility_id: Option<ID>,
        unit_id: Option<ID>,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> ApiResult<Vec<OxygenDay>> {
        let f = facility_id
            .as_ref()
            .map(|f| parse_id("facilityId", f))
            .transpose()?;
        let u = unit_id
            .as_ref()
            .map(|u| parse_id("unitId", u))
            .transpose()?;
        Ok(oxygen(ctx)?
            .daily(f, u, from, to)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// One facility's oxygen now.
    async fn facility_oxygen(
        &self,
        ctx: &Context<'_>,
        facility_id: ID,
    ) -> ApiResult<FacilityOxygen> {
        let f = parse_id("facilityId", &facility_id)?;
        let s = oxygen(ctx)?.facility_status(f).await?;
        Ok(FacilityOxygen::of(&s, Utc::now()))
    }

    /// For a district committee, the state's oxygen cell and administrators: every
    /// reporting facility in reach (or within `unitId`; with `onlyAtRisk`, only those
    /// whose time to empty is under the warning threshold), most urgent first, each
    /// district's totals, and how many in reach have not reported today. Worked out at
    /// most a minute ago (`at`); a reading entered since is in already.
    async fn oxygen_overview(
        &self,
        ctx: &Context<'_>,
        unit_id: Option<ID>,
        #[graphql(default)] only_at_risk: bool,
    ) -> ApiResult<OxygenOverview> {
        let unit = unit_id
            .as_ref()
            .map(|u| parse_id("unitId", u))
            .transpose()?;
        let o = oxygen(ctx)?.overview(unit, only_at_risk).await?;
        let at = o.at();
        let not_reported_today = o.not_reported_today;
        Ok(OxygenOverview {
            at,
            rules: o.rules().into(),
            facilities: o.facilities().map(|f| FacilityOxygen::of(f, at)).collect(),
            districts: o.districts.into_iter().map(Into::into).collect(),
            not_reported_today,
        })
    }
}
