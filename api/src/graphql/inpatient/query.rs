//! Inpatient care's queries.

#[allow(unused_imports)]
use super::*;
use crate::app::inpatient::{public, MonitoringFilter};
use arogya_domain::inpatient::condition as dc;
use arogya_infra::repos::inpatient::occupancy::GroupBy;

fn optional_id(field: &str, v: &Option<ID>) -> ApiResult<Option<Uuid>> {
    v.as_ref().map(|i| parse_id(field, i)).transpose()
}

#[derive(SimpleObject)]
pub struct AdmissionView {
    pub admission: Admission,
    pub attendants: Vec<Attendant>,
    /// The latest first; never edited.
    pub condition_history: Vec<ConditionEntry>,
}

#[derive(SimpleObject)]
pub struct PublicDistrict {
    pub id: ID,
    pub name: String,
}

#[derive(SimpleObject)]
pub struct AdmittingDoctor {
    pub id: ID,
    pub name: String,
}

#[derive(SimpleObject)]
pub struct WardInSight {
    pub ward: Ward,
    pub facility_name: String,
}

#[derive(Default)]
pub struct InpatientQuery;

#[Object]
impl InpatientQuery {
    /// A facility's wards.
    async fn wards(&self, ctx: &Context<'_>, facility_id: ID) -> ApiResult<Vec<Ward>> {
        let f = parse_id("facilityId", &facility_id)?;
        Ok(inpatient(ctx)?
            .wards(f)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Wards of the facilities the caller works at or oversees (at most 300).
    async fn wards_in_sight(&self, ctx: &Context<'_>) -> ApiResult<Vec<WardInSight>> {
        Ok(inpatient(ctx)?
            .wards_in_sight()
            .await?
            .into_iter()
            .map(|(w, facility_name)| WardInSight {
                ward: w.into(),
                facility_name,
            })
            .collect())
    }

    /// Verified doctors posted at the facility today, who may admit there.
    async fn admitting_doctors(
        &self,
        ctx: &Context<'_>,
        facility_id: ID,
    ) -> ApiResult<Vec<AdmittingDoctor>> {
        let f = parse_id("facilityId", &facility_id)?;
        Ok(inpatient(ctx)?
            .admitting_doctors(f)
            .await?
            .into_iter()
            .map(|(p, name)| AdmittingDoctor { id: id(p), name })
            .collect())
    }

    /// One ward's beds, each with its state and patient: an audited read.
    async fn ward_board(&self, ctx: &Context<'_>, ward_id: ID) -> ApiResult<WardBoard> {
        let w = parse_id("wardId", &ward_id)?;
        Ok(inpatient(ctx)?.ward_board(w).await?.into())
    }

    /// An admission with its attendants and condition history: an audited read.
    async fn admission(&self, ctx: &Context<'_>, id: ID) -> ApiResult<AdmissionView> {
        let a = parse_id("id", &id)?;
        let d = inpatient(ctx)?.admission_detail(a).await?;
        Ok(AdmissionView {
            admission: d.patient.into(),
            attendants: d.attendants.into_iter().map(Into::into).collect(),
            condition_history: d.history.into_iter().map(Into::into).collect(),
        })
    }

    /// The bed held for an admitted patient, if any.
    async fn bed_reservation(
        &self,
        ctx: &Context<'_>,
        admission_id: ID,
    ) -> ApiResult<Option<BedReservation>> {
        let a = parse_id("admissionId", &admission_id)?;
        Ok(inpatient(ctx)?.bed_reservation(a).await?.map(Into::into))
    }

    /// Admitted patients the caller may see, the sickest first, with counts.
    async fn admitted_patients(
        &self,
        ctx: &Context<'_>,
        filter: Option<AdmittedFilter>,
    ) -> ApiResult<AdmittedList> {
        let filter = filter.unwrap_or_default();
        let f = MonitoringFilter {
            facility: optional_id("filter.facilityId", &filter.facility_id)?,
            ward: optional_id("filter.wardId", &filter.ward_id)?,
            category: filter.category.map(Into::into),
            life_support: filter
                .life_support
                .into_iter()
                .map(|l| dc::LifeSupport::from(l).as_str().to_owned())
                .collect(),
            min_stay_days: filter.min_stay_days.map(i64::from),
        };
        Ok(inpatient(ctx)?.monitoring(f).await?.into())
    }

    /// Beds by state and type, by district or facility: within a unit, at one
    /// facility, or everything the caller oversees.
    async fn bed_occupancy(
        &self,
        ctx: &Context<'_>,
        unit_id: Option<ID>,
        facility_id: Option<ID>,
        #[graphql(desc = "By district unless given.")] group_by: Option<OccupancyGrouping>,
    ) -> ApiResult<Occupancy> {
        let group = match group_by {
            None | Some(OccupancyGrouping::District) => GroupBy::District,
            Some(OccupancyGrouping::Facility) => GroupBy::Facility,
        };
        Ok(inpatient(ctx)?
            .occupancy(
                optional_id("unitId", &unit_id)?,
                optional_id("facilityId", &facility_id)?,
                group,
            )
            .await?
            .into())
    }

    /// The facility's declared bed capacity beside the beds set up in its wards.
    async fn bed_capacity_check(
        &self,
        ctx: &Context<'_>,
        facility_id: ID,
    ) -> ApiResult<Vec<BedCapacityCheck>> {
        let f = parse_id("facilityId", &facility_id)?;
        Ok(inpatient(ctx)?
            .capacity_check(f)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// A ward's midnight census, day by day (at most two years).
    async fn ward_census(
        &self,
        ctx: &Context<'_>,
        ward_id: ID,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> ApiResult<Vec<WardCensusDay>> {
        let w = parse_id("wardId", &ward_id)?;
        Ok(inpatient(ctx)?
            .ward_census(w, from, to)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Beds over time from the daily snapshots, with average length of stay and bed
    /// turnover, for a unit, a facility, or everything the caller oversees.
    async fn occupancy_history(
        &self,
        ctx: &Context<'_>,
        unit_id: Option<ID>,
        facility_id: Option<ID>,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> ApiResult<OccupancyHistory> {
        Ok(inpatient(ctx)?
            .occupancy_history(
                optional_id("unitId", &unit_id)?,
                optional_id("facilityId", &facility_id)?,
                from,
                to,
            )
            .await?
            .into())
    }

    /// Referrals waiting for an answer at the facilities the caller works at or oversees.
    async fn pending_referrals(&self, ctx: &Context<'_>) -> ApiResult<Vec<PendingReferral>> {
        use arogya_domain::inpatient::condition as c;
        Ok(inpatient(ctx)?
            .pending_referrals()
            .await?
            .into_iter()
            .map(|(r, a)| PendingReferral {
                referral: r.into(),
                diagnosis: a.provisional_diagnosis,
                category: a
                    .category
                    .as_deref()
                    .and_then(|x| stored(x, c::ConditionCategory::parse)),
                life_support: a
                    .life_support
                    .as_deref()
                    .and_then(|x| stored(x, c::LifeSupport::parse)),
            })
            .collect())
    }

    /// Public, no sign-in: a tenant's districts, to choose one for free beds.
    async fn public_districts(
        &self,
        ctx: &Context<'_>,
        tenant_code: String,
    ) -> ApiResult<Vec<PublicDistrict>> {
        let meta = ctx.request()?.meta();
        Ok(public::districts(ctx.app()?, &meta, &tenant_code)
            .await?
            .into_iter()
            .map(|(d, name)| PublicDistrict { id: id(d), name })
            .collect())
    }

    /// Public, no sign-in: free beds by type at each facility of a district.
    async fn public_bed_availability(
        &self,
        ctx: &Context<'_>,
        tenant_code: String,
        district_id: ID,
    ) -> ApiResult<PublicBedAvailability> {
        let d = parse_id("districtId", &district_id)?;
        let meta = ctx.request()?.meta();
        let beds = public::free_beds(ctx.app()?, &meta, &tenant_code, d).await?;
        Ok(beds.as_ref().into())
    }
}
